// detect_turns on in-memory paragraphs: label forms, prose that must stay prose, continuation rules.
#include "import/speaker_detection.hpp"
#include "import/timecode.hpp"

#include <catch2/catch.hpp>

using namespace tessera::importer;

namespace {

std::vector<ImportedTurn> detect(const std::string& text) { return detect_turns(paragraphs_from_text(text), {}); }

}  // namespace

TEST_CASE("speakers: prose with a one-off 'Note:' or 'So I said:' has no speakers", "[import]") {
    auto turns = detect("We met at the library.\nNote: the room was cold.\nSo I asked her: why now?\nShe laughed.\n");
    REQUIRE(turns.size() == 1);
    CHECK(turns[0].speaker_label.empty());
    CHECK(turns[0].text.find("Note: the room") != std::string::npos);
}

TEST_CASE("speakers: times and URLs are not labels; lower-case words are not labels", "[import]") {
    auto turns = detect("P1: at 10:30 we went to http://example.org\nthis: is not a label\nP2: ok\n");
    REQUIRE(turns.size() == 2);
    CHECK(turns[0].text == "at 10:30 we went to http://example.org\nthis: is not a label");
    CHECK(turns[1].speaker_label == "P2");
}

TEST_CASE("speakers: a label alone ('Interviewer:') takes the following paragraph", "[import]") {
    auto turns = detect("Interviewer:\n\nWhat happened next?\n\nP4:\nWe left.\n");
    REQUIRE(turns.size() == 2);
    CHECK(turns[0].speaker_label == "Interviewer");
    CHECK(turns[0].text == "What happened next?");
    CHECK(turns[1].speaker_label == "P4");
    CHECK(turns[1].text == "We left.");
}

TEST_CASE("speakers: bold prefix from a word processor is a label even when it recurs only once", "[import]") {
    std::vector<Paragraph> paras{{"Mrs Adeyemi: It started in May.", 12, false}, {"And it went on.", 0, false}};
    auto turns = detect_turns(paras, {});
    REQUIRE(turns.size() == 2);
    CHECK(turns[0].speaker_label == "Mrs Adeyemi");
    CHECK(turns[0].text == "It started in May.");
    CHECK(turns[1].speaker_label == "Mrs Adeyemi");
}

TEST_CASE("speakers: Teams timing lines give start and end", "[import]") {
    auto turns = detect("0:0:0.0 --> 0:0:1.510\nSome Body\nOK. Yeah.\n0:0:3.270 --> 0:0:4.250\nAnother Person\nUmm.\n");
    REQUIRE(turns.size() == 2);
    CHECK(turns[0].speaker_label == "Some Body");
    CHECK(turns[0].start_ms == 0);
    CHECK(turns[0].end_ms == 1510);
    CHECK(turns[1].speaker_label == "Another Person");
    CHECK(turns[1].start_ms == 3270);
}

TEST_CASE("timecode: clocks and timing lines", "[import]") {
    std::size_t i = 0;
    CHECK(parse_clock("00:12:03", i) == 723000);
    i = 0;
    CHECK(parse_clock("1:02:03,5", i) == 3723500);
    i = 0;
    CHECK(parse_clock("12:345", i) == std::nullopt);
    CHECK(i == 0);
    auto t = parse_timing_line("00:00:01.000 --> 00:00:02.250 align:start");
    REQUIRE(t);
    CHECK(t->start_ms == 1000);
    CHECK(t->end_ms == 2250);
    CHECK_FALSE(parse_timing_line("00:00:01.000 -> 00:00:02.250"));
}

TEST_CASE("speakers: role-like label alone on a line ('INTERVIEWER', 'P3'), but not a lone letter", "[import]") {
    auto turns = detect("INTERVIEWER\nHow are you?\n\nP3\nFine, thanks.\n\nI\nthink so.\n");
    REQUIRE(turns.size() == 3);
    CHECK(turns[0].speaker_label == "INTERVIEWER");
    CHECK(turns[0].text == "How are you?");
    CHECK(turns[1].speaker_label == "P3");
    CHECK(turns[1].text == "Fine, thanks.");
    CHECK(turns[2].speaker_label == "P3");  // "I" alone is text: a new paragraph of the same speaker
    CHECK(turns[2].text == "I\nthink so.");
}

TEST_CASE("speakers: a name with a time above the text counts when it recurs; a sentence ending in a time does not",
          "[import]") {
    auto named = detect("Sarah Jones  00:13\nHello.\n\nTom  00:20\nHi.\n\nSarah Jones  00:31\nShall we?\n");
    REQUIRE(named.size() == 3);
    CHECK(named[0].speaker_label == "Sarah Jones");
    CHECK(named[0].start_ms == 13000);
    CHECK(named[1].speaker_label == "Tom");  // once, but most lines here are labelled
    CHECK(named[2].start_ms == 31000);

    auto prose = detect("The bus came at last.\nWe met at 10:30\nand talked for an hour.\nIt was fine.\nThen home.\n");
    REQUIRE(prose.size() == 1);
    CHECK(prose[0].speaker_label.empty());
}

TEST_CASE("speakers: blank line between a Teams timing line and the name (docx w:br w:br)", "[import]") {
    // Regression: the blank line used to be taken as the (missing) name, leaving the turn unlabelled.
    std::vector<Paragraph> paras{{"0:0:2.0 --> 0:0:3.500\n\nSome Body\nOK.", 0, false}};
    auto turns = detect_turns(paras, {});
    REQUIRE(turns.size() == 1);
    CHECK(turns[0].speaker_label == "Some Body");
    CHECK(turns[0].text == "OK.");
    CHECK(turns[0].start_ms == 2000);
    CHECK(turns[0].end_ms == 3500);
}

// The review's cases (2026-11-24): each was imported wrongly before, silently.

TEST_CASE("speakers: in a focus group where each participant speaks once, every name is a turn", "[import]") {
    auto turns = detect("Facilitator: Welcome, please introduce yourselves.\nAisha: I am a nurse.\nBen: I work nights.\n"
                        "Chloé: I am a carer.\nDmitri: I am retired.\nFacilitator: Thanks.\n");
    REQUIRE(turns.size() == 6);
    const char* want[] = {"Facilitator", "Aisha", "Ben", "Chloé", "Dmitri", "Facilitator"};
    for (std::size_t i = 0; i < 6; ++i) CHECK(turns[i].speaker_label == want[i]);
    CHECK(turns[3].text == "I am a carer.");
    // No role word at all: names that label nearly every line are a transcript's labels.
    auto names = detect("Aisha: hello I am Aisha\nBen: hello I am Ben\nChloé: hello I am Chloé\nDmitri: hi\n");
    REQUIRE(names.size() == 4);
    CHECK(names[2].speaker_label == "Chloé");
}

TEST_CASE("speakers: a tab inside a colon-labelled transcript is text, not a speaker", "[import]") {
    auto turns = detect("Interviewer: How many?\nP1: Well I counted them\nItem one\tthree apples\nMonday\tthe ward\n"
                        "then we left.\n");
    REQUIRE(turns.size() == 2);
    CHECK(turns[1].speaker_label == "P1");
    CHECK(turns[1].text == "Well I counted them\nItem one\tthree apples\nMonday\tthe ward\nthen we left.");
    // Tab labels where the transcript is written that way: "Speaker-<TAB>" and recurring names.
    auto tabbed = detect("Teacher-\tRight, books out.\nAmira-\tMiss?\nTeacher-\tYes.\n");
    REQUIRE(tabbed.size() == 3);
    CHECK(tabbed[1].speaker_label == "Amira");
}

TEST_CASE("speakers: metadata lines and headings are never speakers", "[import]") {
    auto turns = detect("Date: 12 March 2023\nLocation: Sheffield\n\nInterviewer: So tell me.\nP1: Well.\n"
                        "Note: the recording paused here.\nP1: OK.\nSection 2: Background\nInterviewer: Next.\n");
    for (const auto& t : turns) {
        CHECK(t.speaker_label != "Date");
        CHECK(t.speaker_label != "Location");
        CHECK(t.speaker_label != "Note");
        CHECK(t.speaker_label != "Section 2");
    }
    REQUIRE(turns.size() >= 4);
    CHECK(turns[0].speaker_label.empty());
    // But "Group:" and "All:" are how transcribers write everyone at once: still speakers.
    auto together = detect("Facilitator: Ready?\nGroup: Yes!\nAll: (laughter)\nP1: OK.\n");
    REQUIRE(together.size() == 4);
    CHECK(together[1].speaker_label == "Group");
    CHECK(together[2].speaker_label == "All");
    CHECK(turns[0].text == "Date: 12 March 2023\nLocation: Sheffield");
    CHECK(turns[2].text == "Well.\nNote: the recording paused here.");
}

TEST_CASE("speakers: Rev-style labels with the time after the name, alone or before the text", "[import]") {
    auto alone = detect("Interviewer (00:05):\nWelcome to the interview.\n\nJane Doe (00:10):\nThank you.\n\n"
                        "Interviewer (01:02:10):\nNext.\n");
    REQUIRE(alone.size() == 3);
    CHECK(alone[1].speaker_label == "Jane Doe");
    CHECK(alone[1].text == "Thank you.");
    CHECK(alone[1].start_ms == 10000);
    CHECK(alone[2].start_ms == 3730000);
    auto inline_ = detect("Interviewer (00:05): Welcome.\nJane Doe (00:10): Thank you.\nSarah [00:12:10]: after name\n");
    REQUIRE(inline_.size() == 3);
    CHECK(inline_[1].speaker_label == "Jane Doe");
    CHECK(inline_[1].text == "Thank you.");
    CHECK(inline_[2].speaker_label == "Sarah");
    CHECK(inline_[2].start_ms == 730000);
    // The time before the name, alone on its line, the utterance below.
    auto first = detect("00:00:05 Interviewer\nWelcome.\n\n00:00:10 Jane\nThanks.\n\n00:00:15 Interviewer\nGood.\n");
    REQUIRE(first.size() == 3);
    CHECK(first[1].speaker_label == "Jane");
    CHECK(first[1].start_ms == 10000);
    CHECK(first[1].text == "Thanks.");
    // But "Facilitator (F1):" keeps its code: a bracket that is not a time is part of the label.
    CHECK(detect("Facilitator (F1): Hello.\nP1: Hi.\n")[0].speaker_label == "Facilitator (F1)");
}

TEST_CASE("speakers: a transcriber's note before the colon ('P1 [laughs]:') stays in the turn, not the label",
          "[import]") {
    auto turns = detect("P1 [laughs]: ha, yes.\nP2 (quietly): I agree.\nP1 [crosstalk]:\nNo.\nFacilitator (F1): Thanks.\n"
                        "Sarah (Carer): Me too.\n");
    REQUIRE(turns.size() == 5);
    CHECK(turns[0].speaker_label == "P1");
    CHECK(turns[0].text == "[laughs] ha, yes.");
    CHECK(turns[1].speaker_label == "P2");
    CHECK(turns[1].text == "(quietly) I agree.");
    CHECK(turns[2].speaker_label == "P1");
    CHECK(turns[2].text == "[crosstalk]\nNo.");
    CHECK(turns[3].speaker_label == "Facilitator (F1)");  // a code in brackets names the person
    CHECK(turns[4].speaker_label == "Sarah (Carer)");

    // A bracket that says who someone is stays in the label: stripping it would make two people one.
    auto who = detect("Participant [P1]: I liked it.\nParticipant [P2]: I did not.\nJohn (son): Me neither.\n"
                      "John (father): Nor me.\nSam (she/her): Same.\n");
    REQUIRE(who.size() == 5);
    CHECK(who[0].speaker_label == "Participant [P1]");
    CHECK(who[1].speaker_label == "Participant [P2]");
    CHECK(who[2].speaker_label == "John (son)");
    CHECK(who[3].speaker_label == "John (father)");
    CHECK(who[4].speaker_label == "Sam (she/her)");
    CHECK(who[4].text == "Same.");

    // A label with only a note waits for the words below it, as a bare label does; a time before
    // the note is still the turn's time.
    auto below = detect("P1 [laughs]:\n\nha, yes.\n\nP2 (00:10) [inaudible]: something\n");
    REQUIRE(below.size() == 2);
    CHECK(below[0].speaker_label == "P1");
    CHECK(below[0].text == "[laughs]\nha, yes.");
    CHECK(below[1].speaker_label == "P2");
    CHECK(below[1].start_ms == 10000);
    CHECK(below[1].text == "[inaudible] something");
}

TEST_CASE("speakers: a bold word opening a sentence is emphasis; a bold name with a tab is a label", "[import]") {
    std::vector<Paragraph> paras{{"P1 I really hated it.", 2, false},
                                 {"Never again, I said to myself.", 5, false},
                                 {"Interviewer", 11, false},
                                 {"What next?", 0, false},
                                 {"Sarah Jones Hello there.", 11, false},
                                 {"Zoë\tIt was fine.", 4, false}};
    auto turns = detect_turns(paras, {});
    REQUIRE(turns.size() == 5);
    CHECK(turns[1].speaker_label == "P1");
    CHECK(turns[1].text == "Never again, I said to myself.");
    CHECK(turns[3].speaker_label == "Sarah Jones");
    CHECK(turns[4].speaker_label == "Zoë");
    CHECK(turns[4].text == "It was fine.");
}

TEST_CASE("speakers: table rows with a time column are turns; header rows are layout", "[import]") {
    std::vector<Paragraph> paras{table_row({"Time", "Speaker", "Text"}),
                                 table_row({"00:00:05", "Interviewer", "Welcome to the study."}),
                                 table_row({"00:00:09", "Ana", "Thank you."}),
                                 table_row({"00:00:15", "Interviewer", "Tell me about your work."}),
                                 table_row({"00:00:20", "Ana", "I work in a lab."})};
    CHECK(paras[0].structural);
    CHECK_FALSE(paras[1].structural);
    auto turns = detect_turns(paras, {});
    REQUIRE(turns.size() == 5);
    CHECK(turns[0].speaker_label.empty());
    CHECK(turns[2].speaker_label == "Ana");
    CHECK(turns[2].text == "Thank you.");
    CHECK(turns[2].start_ms == 9000);
    CHECK(table_row({"Name", "Age"}).structural);
    CHECK(table_row({"12", "34"}).structural);
}
