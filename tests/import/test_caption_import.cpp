// WebVTT (Teams voices, Zoom "Name:" cues) and SRT: timings, markup, merging of one speaker's cues.
#include "import/import_file.hpp"
#include "import_test_util.hpp"
#include "test_support.hpp"

using namespace tessera;
using namespace tessera::importer;
using tessera::test::check_turns;
using tessera::test::data_path;

TEST_CASE("vtt: Teams <v> voices, entities, NOTE blocks, consecutive cues of one voice merged", "[import]") {
    ImportedDocument doc = import_file(data_path("import/teams.vtt"));
    CHECK(doc.format == "vtt");
    check_turns(doc, {
        {"Mar\u00eda Garc\u00eda", "Hello, can everyone hear me? & see me?", 1000, 5250},
        {"Tom Baker", "Yes \U0001F44D loud and clear.", 6000, 8000},
        {"Mar\u00eda Garc\u00eda", "Great, let's start.", 8000, 10000},
        {"Tom Baker", "OK.", 8000, 10000},
    });
    NewDocument nd = compose(doc);
    REQUIRE(nd.turns.size() == 4);
    CHECK(nd.turns[0].start_ms == 1000);
    CHECK(nd.turns[0].end_ms == 5250);
    CHECK(nd.speakers.size() == 2);
    CHECK(nd.speakers[0].case_name == "Mar\u00eda Garc\u00eda");
}

TEST_CASE("vtt: Zoom 'Name: text' cues with CRLF, multi-line cues joined, merged per speaker", "[import]") {
    ImportedDocument doc = import_file(data_path("import/zoom.vtt"));
    check_turns(doc, {
        {"Anna Schmidt", "Good afternoon. Let's begin with introductions.", 500, 4000},
        {"Jo", "Hi, I'm Jo.", 4500, 6000},
        {"Anna Schmidt", "Welcome, Jo.", 6000, 7000},
        {"Jo", "Thanks.", 7500, 9000},
    });
}

TEST_CASE("srt: cue timings, markup stripped, lines kept, no speakers", "[import]") {
    ImportedDocument doc = import_file(data_path("import/subtitles.srt"));
    check_turns(doc, {
        {"", "Where were you\non Tuesday?", 1000, 2500},
        {"", "At home.", 3000, 4000},
        {"", "Caf\u00e9 closed.", 65250, 67000},
    });
}

TEST_CASE("vtt/srt: malformed input names the line", "[import]") {
    tessera::test::TempDir dir;
    tessera::test::write_file(dir / "bad.vtt", "WEBVTX\n\n00:00:01.000 --> 00:00:02.000\nHi\n");
    try {
        import_file(dir / "bad.vtt");
        FAIL("expected ImportError");
    } catch (const ImportError& e) {
        CHECK(e.line() == 1);
        CHECK(std::string(e.what()).find("WEBVTT") != std::string::npos);
    }
    tessera::test::write_file(dir / "bad.srt", "1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n00:00:0x,000 -> 00:00:03,000\nThere\n");
    try {
        import_file(dir / "bad.srt");
        FAIL("expected ImportError");
    } catch (const ImportError& e) {
        CHECK(e.line() == 6);
        CHECK(std::string(e.what()).find("timing") != std::string::npos);
    }
}

TEST_CASE("srt: a user speaker pattern labels cues and merges one speaker's cues", "[import]") {
    tessera::test::TempDir dir;
    tessera::test::write_file(dir / "s.srt",
                              "1\n00:00:01,000 --> 00:00:02,000\n>> KIM: Hello there.\n\n"
                              "2\n00:00:02,000 --> 00:00:03,000\n>> KIM: Still me.\n\n"
                              "3\n00:00:03,500 --> 00:00:04,000\n>> LEE: Hi.\n");
    ImportOptions opt;
    opt.speaker_pattern = R"(>> ([A-Z]+):\s*(.*))";
    ImportedDocument doc = import_file(dir / "s.srt", opt);
    check_turns(doc, {{"KIM", "Hello there.\nStill me.", 1000, 3000}, {"LEE", "Hi.", 3500, 4000}});
}

TEST_CASE("vtt/srt: a cue with no blank line before it is still its own cue, timing and all", "[import]") {
    tessera::test::TempDir dir;
    tessera::test::write_file(dir / "tight.srt",
                              "1\n00:00:01,000 --> 00:00:02,000\nP1: Hello\n2\n00:00:02,500 --> 00:00:04,000\n"
                              "Interviewer: And then?\n\n3\n00:00:05,000 --> 00:00:06,000\nP1: Then home.\n");
    check_turns(import_file(dir / "tight.srt"), {{"P1", "Hello", 1000, 2000},
                                                 {"Interviewer", "And then?", 2500, 4000},
                                                 {"P1", "Then home.", 5000, 6000}});
    tessera::test::write_file(dir / "tight.vtt",
                              "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>one\n00:00:02.000 --> 00:00:03.000\n<v Bo>two\n");
    check_turns(import_file(dir / "tight.vtt"), {{"Ann", "one", 1000, 2000}, {"Bo", "two", 2000, 3000}});
}

TEST_CASE("srt: a cue ending before it starts is kept with a warning, never running backwards", "[import]") {
    tessera::test::TempDir dir;
    tessera::test::write_file(dir / "back.srt", "1\n00:00:03,000 --> 00:00:02,000\nOops.\n\n"
                                                "2\n00:00:04,000 --> 00:00:05,000\nFine.\n");
    ImportedDocument doc = import_file(dir / "back.srt");
    check_turns(doc, {{"", "Oops.", 3000, 3000}, {"", "Fine.", 4000, 5000}});
    REQUIRE(doc.diagnostics.size() == 1);
    CHECK(doc.diagnostics[0].where.find("back.srt:2") != std::string::npos);
    CHECK(doc.diagnostics[0].message.find("ends before it starts") != std::string::npos);
}

TEST_CASE("vtt/srt: dash lines in one cue are two speakers' turns, each named", "[import]") {
    tessera::test::TempDir dir;
    tessera::test::write_file(dir / "d.vtt", "WEBVTT\n\n00:00:03.000 --> 00:00:04.000\n- Ann: Are you sure?\n"
                                             "- Bob: Quite sure.\n\n00:00:05.000 --> 00:00:06.000\n"
                                             "A line that\nwraps in two.\n");
    check_turns(import_file(dir / "d.vtt"), {{"Ann", "Are you sure?", 3000, 4000},
                                             {"Bob", "Quite sure.", 3000, 4000},
                                             {"", "A line that wraps in two.", 5000, 6000}});
    tessera::test::write_file(dir / "d.srt", "1\n00:00:03,000 --> 00:00:04,000\n- Are you sure?\n- Quite sure.\n");
    check_turns(import_file(dir / "d.srt"), {{"", "Are you sure?", 3000, 4000}, {"", "Quite sure.", 3000, 4000}});
}
