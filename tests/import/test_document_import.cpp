// Word (.docx), OpenDocument (.odt) and PDF transcripts built by tests/data/import/make_fixtures.sh.
#include "import/import_file.hpp"
#include "import_test_util.hpp"
#include "test_support.hpp"

using namespace tessera;
using namespace tessera::importer;
using tessera::test::check_turns;
using tessera::test::data_path;

TEST_CASE("docx: bold labels (direct or by style), split runs, tracked changes, tab/break, comments/headers ignored, tables, nested tables", "[import]") {
    ImportedDocument doc = import_file(data_path("import/interview.docx"));
    CHECK(doc.format == "docx");
    check_turns(doc, {
        {"Interviewer", "Thank you for coming. Can you tell me about the transport here?"},
        {"Zo\u00eb", "It was really good.\tMostly.\nSecond line."},
        {"Zo\u00eb", "Another paragraph from Zo\u00eb."},
        {"Facilitator (F1)", "Any other thoughts?"},
        {"P3", "Plain label, no bold \U0001F600."},
        {"", "saved by\tTessera tests"},
        {"P3", "After the table."},
        {"P4", "My records went to: the GP\tthe council"},  // a table nested in a cell
        {"Dr Amara Okoye", "Thanks for having me."},  // bold through a character style
    });
    NewDocument nd = compose(doc);
    CHECK(nd.text.find("CONFIDENTIAL") == std::string::npos);
    CHECK(nd.text.find("COMMENT") == std::string::npos);
    CHECK(nd.text.find("not ") == std::string::npos);  // the tracked deletion
    REQUIRE(nd.speakers.size() == 6);
    CHECK(nd.speakers[0].role == SpeakerRole::interviewer);
    CHECK(nd.speakers[2].role == SpeakerRole::facilitator);
    CHECK(nd.speakers[3].case_name == "P3");
}

TEST_CASE("odt: bold spans, text:s/tab/line-break, tracked changes accepted, annotations ignored, lists, tables",
          "[import]") {
    ImportedDocument doc = import_file(data_path("import/focus_group.odt"));
    CHECK(doc.format == "odt");
    check_turns(doc, {
        {"", "Session 1"},
        {"Moderator", "Welcome to the group."},
        {"Ana Mar\u00eda", "Thanks  for\thaving\nme. The new plan."},
        {"P2", "A listed reply \U0001F642."},
        {"Ana Mar\u00eda", "A reply in a table."},
    });
    NewDocument nd = compose(doc);
    CHECK(nd.text.find("DELETED") == std::string::npos);
    CHECK(nd.text.find("COMMENT") == std::string::npos);
    CHECK(nd.speakers[0].role == SpeakerRole::facilitator);
}

TEST_CASE("pdf: text layer through poppler, then speaker detection", "[import]") {
    ImportedDocument doc = import_file(data_path("import/interview.pdf"));
    CHECK(doc.format == "pdf");
    check_turns(doc, {
        {"Interviewer", "How long have you lived here?"},
        {"P7", "Eleven years."},
        {"Interviewer", "And before that?"},
        {"P7", "Leeds, near the station."},
    });
}

TEST_CASE("pdf: running header and page-number footer dropped, turns run on across page breaks", "[import]") {
    ImportedDocument doc = import_file(data_path("import/paged.pdf"));  // 3 pages, 26 turns
    REQUIRE(doc.turns.size() == 26);
    for (std::size_t i = 0; i < doc.turns.size(); ++i) {
        INFO("turn " << i);
        CHECK(doc.turns[i].speaker_label == (i % 2 == 0 ? "Interviewer" : "P5"));
        CHECK(doc.turns[i].text.rfind("Turn " + std::to_string(i + 1) + " ", 0) == 0);
        CHECK(doc.turns[i].text.find("Study 7") == std::string::npos);
        CHECK(doc.turns[i].text.find("Page ") == std::string::npos);
        CHECK(doc.turns[i].text.back() == '.');  // every turn ends where its paragraph ends
    }
}
