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
