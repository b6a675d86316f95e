// Plain-text transcripts: encodings (BOM, CRLF, Windows-1252, UTF-16), label forms, compose() layout.
#include "import/import_file.hpp"
#include "import/speaker_rules.hpp"
#include "import_test_util.hpp"
#include "test_support.hpp"
#include "text/text.hpp"

using namespace tessera;
using namespace tessera::importer;
using tessera::test::check_turns;
using tessera::test::data_path;

TEST_CASE("txt: UTF-8 BOM + CRLF focus group with non-ASCII names, emoji, continuation and notes", "[import]") {
    ImportedDocument doc = import_file(data_path("import/focus_group_bom_crlf.txt"));
    CHECK(doc.format == "txt");
    CHECK(doc.name == "focus_group_bom_crlf");
    CHECK(doc.encoding == "UTF-8");
    check_turns(doc, {
        {"", "Focus group 2 \u2013 transport to clinic"},
        {"Facilitator (F1)", "Welcome everyone. Shall we start with introductions?"},
        {"P1", "I'm Zo\u00eb. I take the 42 bus every week \U0001F68C."},
        {"Participant 2", "\u0141ukasz here. The bus is fine, honestly.\nIt just never comes on time."},
        {"Participant 2", "And the driver said so too."},
        {"", "[laughter]"},
        {"P1", "Same for me \U0001F602 every single time."},
        {"Facilitator (F1)", "Thanks. Note: we will come back to this."},
    });
    for (const auto& t : doc.turns) CHECK(t.text.find('\r') == std::string::npos);
}

TEST_CASE("txt: compose() lays out labels, blank lines and code-point spans; roles and cases", "[import]") {
    NewDocument nd = compose(import_file(data_path("import/focus_group_bom_crlf.txt")));
    CHECK(nd.text.rfind("Focus group 2 \u2013 transport to clinic\n\nFacilitator (F1): Welcome everyone.", 0) == 0);
    CHECK(nd.text.find("\xEF\xBB\xBF") == std::string::npos);
    REQUIRE(nd.turns.size() == 8);
    text::OffsetIndex idx(nd.text);
    CHECK(idx.slice(nd.turns[2].span) == "I'm Zo\u00eb. I take the 42 bus every week \U0001F68C.");
    CHECK(idx.slice(nd.turns[6].span) == "Same for me \U0001F602 every single time.");
    CHECK(nd.turns[6].span.end - nd.turns[6].span.start == 32);  // 12 + the emoji as one code point + 19
    REQUIRE(nd.speakers.size() == 3);
    CHECK(nd.speakers[0].label == "Facilitator (F1)");
    CHECK(nd.speakers[0].role == SpeakerRole::facilitator);
    CHECK(nd.speakers[0].case_name.empty());
    CHECK(nd.speakers[1].label == "P1");
    CHECK(nd.speakers[1].case_name == "P1");
    CHECK(nd.speakers[2].label == "Participant 2");
    CHECK(nd.speakers[2].role == SpeakerRole::participant);
    CHECK(nd.speakers[2].case_name == "P2");
}

TEST_CASE("txt: Windows-1252 is detected and decoded (curly quotes, euro, accents)", "[import]") {
    ImportedDocument doc = import_file(data_path("import/interview_cp1252.txt"));
    CHECK(doc.encoding == "windows-1252");
    REQUIRE(!doc.diagnostics.empty());
    CHECK(doc.diagnostics[0].message.find("windows-1252") != std::string::npos);
    check_turns(doc, {
        {"Interviewer", "Could you tell me about the \u201cdrop-in\u201d sessions?"},
        {"Ren\u00e9e", "They cost \u20ac5 \u2013 na\u00efve of me to think they\u2019d be free."},
        {"Interviewer", "And the caf\u00e9?"},
        {"Ren\u00e9e", "Closed."},
    });
    NewDocument nd = compose(doc);
    CHECK(nd.speakers[0].role == SpeakerRole::interviewer);
    CHECK(nd.speakers[1].case_name == "Ren\u00e9e");
}

TEST_CASE("txt: explicit encoding override is used as given", "[import]") {
    ImportOptions opt;
    opt.encoding = "ISO-8859-15";  // € is 0xA4 there: the 1252 bytes decode differently, proving the override
    ImportedDocument doc = import_file(data_path("import/interview_cp1252.txt"), opt);
    CHECK(doc.encoding == "ISO-8859-15");
    CHECK(doc.turns[1].text.find("\u20ac5") == std::string::npos);
}

TEST_CASE("txt: UTF-16 LE with BOM, SPEAKER n alone on a line above the text", "[import]") {
    ImportedDocument doc = import_file(data_path("import/speakers_utf16le.txt"));
    CHECK(doc.encoding == "UTF-16LE");
    check_turns(doc, {
        {"SPEAKER 1", "How did you hear about the group?"},
        {"SPEAKER 2", "From my GP, in \u00c5lesund.\nIt was a while ago."},
    });
}

TEST_CASE("txt: transcription-service layout, name and time on their own line", "[import]") {
    ImportedDocument doc = import_file(data_path("import/otter_style.txt"));
    check_turns(doc, {
        {"Speaker 1", "Thanks for joining.", 13000},
        {"Speaker 2", "Happy to.", 62000},
        {"Speaker 1", "Last question, then.", 3723000},
    });
}

TEST_CASE("txt: [hh:mm:ss] Name: prefixes give start times; a one-off name in a transcript is a speaker",
          "[import]") {
    ImportedDocument doc = import_file(data_path("import/timestamps.txt"));
    check_turns(doc, {
        {"Sarah", "I moved here in 2019.", 723000},
        {"Interviewer", "Why then?", 729000},
        {"Sarah", "Work, mostly.", 735000},
        {"Dr. Okafor", "Sorry to interrupt."},
    });
    CHECK_FALSE(doc.turns[3].start_ms.has_value());
}

TEST_CASE("txt: Name-<TAB> labels and [id] bracket tags", "[import]") {
    ImportedDocument tabs = import_file(data_path("import/dash_tab.txt"));
    check_turns(tabs, {
        {"Teacher 1", "Good morning, class."},
        {"Multiple Students", "Good morning!"},
        {"Teacher 1", "Open your books."},
    });
    NewDocument nd = compose(tabs);
    CHECK(nd.speakers[1].role == SpeakerRole::other);
    CHECK(nd.speakers[1].case_name.empty());

    ImportedDocument ids = import_file(data_path("import/bracket_ids.txt"));
    check_turns(ids, {{"id1", "I liked the course."}, {"id2", "I did not."}, {"id1", "Why not?"}});
}

TEST_CASE("txt: user speaker pattern overrides detection", "[import]") {
    ImportOptions opt;
    opt.speaker_pattern = R"(^\[\d\d:\d\d:\d\d\] ([^:]+):\s*(.*))";
    ImportedDocument doc = import_file(data_path("import/timestamps.txt"), opt);
    check_turns(doc, {
        {"Sarah", "I moved here in 2019."},
        {"Interviewer", "Why then?"},
        {"Sarah", "Work, mostly.\nDr. Okafor: Sorry to interrupt."},
    });
    opt.speaker_pattern = "([";
    CHECK_THROWS_AS(import_file(data_path("import/timestamps.txt"), opt), InvalidArgument);
}

TEST_CASE("txt: detection off gives one turn per paragraph without speakers", "[import]") {
    ImportOptions opt;
    opt.detect_speakers = false;
    ImportedDocument doc = import_file(data_path("import/bracket_ids.txt"), opt);
    check_turns(doc, {{"", "[id1] I liked the course."}, {"", "[id2] I did not."}, {"", "[id1] Why not?"}});
}

TEST_CASE("txt: lone-CR line ends (classic Mac) and decomposed accents come out LF and NFC", "[import]") {
    tessera::test::TempDir dir;
    // "Rene\u0301e" is decomposed (e + combining acute); the stored text must hold the composed é.
    tessera::test::write_file(dir / "cr.txt", "Interviewer: Hello?\rRene\xCC\x81" "e: Hi.\rInterviewer: Bye.\r");
    ImportedDocument doc = import_file(dir / "cr.txt");
    REQUIRE(doc.turns.size() == 3);
    NewDocument nd = compose(doc);
    CHECK(nd.text == "Interviewer: Hello?\n\nRen\u00e9e: Hi.\n\nInterviewer: Bye.");
    CHECK(text::is_nfc(nd.text));
    REQUIRE(nd.speakers.size() == 2);
    CHECK(nd.speakers[1].label == "Ren\u00e9e");
}

TEST_CASE("txt: one label typed composed and decomposed is one speaker", "[import]") {
    tessera::test::TempDir dir;
    tessera::test::write_file(dir / "nfd.txt", "Ren\xC3\xA9" "e: One.\nRene\xCC\x81" "e: Two.\nP2: Three.\n");
    ImportedDocument doc = import_file(dir / "nfd.txt");
    REQUIRE(doc.turns.size() == 3);
    CHECK(doc.turns[0].speaker_label == doc.turns[1].speaker_label);
    CHECK(compose(doc).speakers.size() == 2);
}
