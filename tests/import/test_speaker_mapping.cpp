// Speaker → case mapping: default label rule across a focus group and its member-checking group,
// a mapping file, and per-document case scope.
#include "import/imported_document.hpp"
#include "import/speaker_mapping.hpp"
#include "import/speaker_rules.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace tessera;
using namespace tessera::importer;
using tessera::test::data_path;

namespace {

NewDocument doc_with(const std::string& name, const std::vector<std::string>& labels) {
    ImportedDocument d;
    d.name = name;
    d.format = "txt";
    for (const auto& l : labels) d.turns.push_back({l, "text of " + l, std::nullopt, std::nullopt});
    return compose(d);
}

const NewDocument::NewSpeaker& speaker(const NewDocument& d, const std::string& label) {
    for (const auto& s : d.speakers)
        if (s.label == label) return s;
    FAIL("no speaker " << label);
    return d.speakers.front();
}

}  // namespace

TEST_CASE("roles and cases from labels", "[import]") {
    CHECK(role_of("Facilitator (F1)") == SpeakerRole::facilitator);
    CHECK(role_of("Co-facilitator") == SpeakerRole::facilitator);
    CHECK(role_of("F2") == SpeakerRole::facilitator);
    CHECK(role_of("Researcher 1") == SpeakerRole::interviewer);
    CHECK(role_of("I") == SpeakerRole::interviewer);
    CHECK(role_of("R2") == SpeakerRole::participant);  // respondent
    CHECK(role_of("Observer") == SpeakerRole::other);
    CHECK(role_of("Speaker 2") == SpeakerRole::participant);
    CHECK(case_of("Participant 21") == "P21");
    CHECK(case_of("P 21") == "P21");
    CHECK(case_of("P021") == "P21");
    CHECK(case_of("P21 (member check)") == "P21");
    CHECK(case_of("Participant 4 [member check]") == "P4");
    CHECK(case_of("John (son)") == "John (son)");  // who someone is: John the son and John the father differ
    CHECK(case_of("John (father)") == "John (father)");
    CHECK(case_of("Participant (P3)") == "P3");
    CHECK(case_of("Zo\u00eb") == "Zo\u00eb");
}

TEST_CASE("mapping: the same participant in a focus group and the member-checking group is one case", "[import]") {
    NewDocument fg = doc_with("Focus group 1", {"Facilitator (F1)", "Participant 3", "Observer 1"});
    NewDocument mc = doc_with("Member check", {"Facilitator (F1)", "P3 (member check)", "Sam"});
    CHECK(speaker(fg, "Participant 3").case_name == "P3");  // default rule alone
    CHECK(speaker(mc, "P3 (member check)").case_name == "P3");
    CHECK(speaker(mc, "Sam").case_name == "Sam");

    SpeakerMapping m = read_speaker_mapping(data_path("import/speaker_mapping.csv"));
    REQUIRE(m.entries.size() == 3);
    apply_speaker_mapping(fg, m);
    apply_speaker_mapping(mc, m);
    CHECK(speaker(mc, "Sam").case_name == "P3");  // "Member check,Sam,P3"
    CHECK(speaker(fg, "Observer 1").role == SpeakerRole::other);
    CHECK(speaker(fg, "Observer 1").case_name.empty());
    CHECK(speaker(fg, "Participant 3").case_name == "P3");
}

TEST_CASE("mapping: per-document scope keeps groups apart unless a mapping joins them", "[import]") {
    SpeakerMapping m = read_speaker_mapping(data_path("import/speaker_mapping.csv"));
    m.scope = CaseScope::document;
    NewDocument a = doc_with("Focus group 1", {"P1", "F1"});
    NewDocument b = doc_with("Member check", {"P1", "Sam"});
    apply_speaker_mapping(a, m);
    apply_speaker_mapping(b, m);
    CHECK(speaker(a, "P1").case_name == "Focus group 1 / P1");
    CHECK(speaker(b, "P1").case_name == "Member check / P1");
    CHECK(speaker(b, "Sam").case_name == "P3");
    CHECK(speaker(a, "F1").case_name.empty());
}

TEST_CASE("mapping: a row naming no speaker of the documents seen is reported with its line", "[import]") {
    SpeakerMapping m;
    m.entries.push_back({"*", "P3", "P3", std::nullopt, 2});
    m.entries.push_back({"Focus group 1", "Sam", "P4", std::nullopt, 3});  // Sam is in the member check
    m.entries.push_back({"Member check", "sam ", "P4", std::nullopt, 4});   // compared trimmed, any case
    m.entries.push_back({"*", "P33", "P33", std::nullopt, 5});              // a typo
    MappingUse use(m);
    CHECK(use.unused_notes("map.csv").size() == 4);  // nothing seen yet
    use.see(doc_with("Focus group 1", {"Facilitator (F1)", "P3"}));
    use.see(doc_with("Member check", {"Sam"}));
    auto notes = use.unused_notes("map.csv");
    REQUIRE(notes.size() == 2);
    CHECK(notes[0] == "map.csv:3: no speaker 'Sam' in a document 'Focus group 1' of this import; the row was not used");
    CHECK(notes[1] == "map.csv:5: no speaker 'P33' in any document of this import; the row was not used");
}

TEST_CASE("mapping file errors name the line", "[import]") {
    tessera::test::TempDir dir;
    tessera::test::write_file(dir / "m.csv", "document,label,case,role\n*,P1,P1,\n*,p1,P9,\n");
    try {
        read_speaker_mapping(dir / "m.csv");
        FAIL("expected ImportError");
    } catch (const ImportError& e) {
        CHECK(e.line() == 3);
    }
    tessera::test::write_file(dir / "r.csv", "document,label,case,role\n*,P1,P1,boss\n");
    try {
        read_speaker_mapping(dir / "r.csv");
        FAIL("expected ImportError");
    } catch (const ImportError& e) {
        CHECK(e.line() == 2);
        CHECK(std::string(e.what()).find("unknown speaker role 'boss' (expected one of: participant, facilitator, "
                                         "interviewer, other)") != std::string::npos);
    }
    tessera::test::write_file(dir / "c.csv", "doc,label\n*,P1\n");
    CHECK_THROWS_AS(read_speaker_mapping(dir / "c.csv"), ImportError);
}

TEST_CASE("a transcription service's 'Speaker 1' is a different person in each interview", "[import]") {
    CHECK(is_generic_label("Speaker 1"));
    CHECK(is_generic_label("SPEAKER_02"));
    CHECK(is_generic_label("Speaker A"));
    CHECK(is_generic_label("spk 3"));
    CHECK_FALSE(is_generic_label("P1"));           // a study's own pseudonym code is the same person
    CHECK_FALSE(is_generic_label("Participant 3"));
    CHECK_FALSE(is_generic_label("Sarah"));
    NewDocument ana = doc_with("Interview Ana", {"Speaker 1", "Speaker 2", "P7"});
    NewDocument bob = doc_with("Interview Bob", {"Speaker 1", "Speaker 2", "P7"});
    CHECK(speaker(ana, "Speaker 2").case_name == "Interview Ana / Speaker 2");
    CHECK(speaker(bob, "Speaker 2").case_name == "Interview Bob / Speaker 2");
    CHECK(speaker(ana, "P7").case_name == speaker(bob, "P7").case_name);
    // Per-document scope does not prefix them twice; a mapping row still names the person.
    SpeakerMapping scoped;
    scoped.scope = CaseScope::document;
    apply_speaker_mapping(ana, scoped);
    CHECK(speaker(ana, "Speaker 2").case_name == "Interview Ana / Speaker 2");
    CHECK(speaker(ana, "P7").case_name == "Interview Ana / P7");
    SpeakerMapping named;
    named.entries.push_back({"Interview Bob", "Speaker 2", "Bob", std::nullopt, 2});
    apply_speaker_mapping(bob, named);
    CHECK(speaker(bob, "Speaker 2").case_name == "Bob");
}
