// `tessera search`: stemmed words across imported transcripts, filters by role and case, JSON with
// spans, and clear errors for unknown names and unreadable queries.
#include "cli_runner.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using tessera::test::TempDir;
using tessera::test::q;
using tessera::test::run;

namespace {

struct Imported {
    TempDir dir;
    std::filesystem::path proj = dir / "s.tessera";
    Imported() {
        REQUIRE(run("new " + q(proj)).code == 0);
        // Original text: who should see mental-health records.
        tessera::test::write_file(dir / "fg1.txt",
                                  "Facilitator: Should your records be shared with researchers?\n\n"
                                  "P1: Sharing is fine if I'm asked first.\n\n"
                                  "P2: I'd never share my crisis notes. Never.\n");
        tessera::test::write_file(dir / "int2.txt", "Interviewer: And your GP?\n\nP5: My GP shares too much already.\n");
        auto [code, out] = run("import " + q(proj) + " " + q(dir / "fg1.txt") + " " + q(dir / "int2.txt"));
        INFO(out);
        REQUIRE(code == 0);
    }
};

}  // namespace

TEST_CASE("cli search: stemmed words, filtered by role and case, with matches marked", "[cli][search]") {
    Imported s;
    auto [code, out] = run("search " + q(s.proj) + " share");
    INFO(out);
    REQUIRE(code == 0);
    CHECK(out.find("4 turn(s) match \"share\"") != std::string::npos);
    CHECK(out.find("[Sharing] is fine") != std::string::npos);
    CHECK(out.find("[shares] too much") != std::string::npos);
    CHECK(out.find("[facilitator]") != std::string::npos);

    auto [c2, participants] = run("search --role participant " + q(s.proj) + " share");
    REQUIRE(c2 == 0);
    CHECK(participants.find("3 turn(s)") != std::string::npos);
    CHECK(participants.find("[facilitator]") == std::string::npos);

    auto [c3, p5] = run("search --case P5 " + q(s.proj) + " share OR never");
    REQUIRE(c3 == 0);
    CHECK(p5.find("1 turn(s)") != std::string::npos);
    CHECK(p5.find("int2") != std::string::npos);

    // The words need not be quoted together: every one must occur.
    auto [c4, both] = run("search " + q(s.proj) + " crisis notes");
    REQUIRE(c4 == 0);
    CHECK(both.find("1 turn(s)") != std::string::npos);
    CHECK(both.find("[crisis] [notes]") != std::string::npos);
}

TEST_CASE("cli search --json gives spans in code points and the speaker's case", "[cli][search]") {
    Imported s;
    auto [code, out] = run("search --json " + q(s.proj) + " \"asked first\"");
    INFO(out);
    REQUIRE(code == 0);
    auto j = nlohmann::json::parse(out);
    REQUIRE(j["hits"].size() == 1);
    const auto& h = j["hits"][0];
    CHECK(h["document"] == "fg1");
    CHECK(h["speaker"] == "P1");
    CHECK(h["case"] == "P1");
    CHECK(h["role"] == "participant");
    CHECK(h["text"] == "Sharing is fine if I'm asked first.");
    REQUIRE(h["matches"].size() == 2);
    const std::int64_t start = h["start"];
    CHECK(h["matches"][0][0].get<std::int64_t>() == start + 23);  // "asked"
    CHECK(h["matches"][1][1].get<std::int64_t>() == start + 34);  // "first" ends before the full stop
}

TEST_CASE("cli search: unknown document, case or role and an unreadable query are clear errors", "[cli][search]") {
    Imported s;
    auto [c1, o1] = run("search --document nope " + q(s.proj) + " share");
    CHECK(c1 == 1);
    CHECK(o1.find("no document named 'nope'") != std::string::npos);
    auto [c2, o2] = run("search --case P99 " + q(s.proj) + " share");
    CHECK(c2 == 1);
    CHECK(o2.find("no case named 'P99'") != std::string::npos);
    auto [c3, o3] = run("search --role boss " + q(s.proj) + " share");
    CHECK(c3 == 1);
    CHECK(o3.find("unknown speaker role 'boss' (expected one of: participant,") != std::string::npos);
    auto [c4, o4] = run("search " + q(s.proj) + " share AND");
    CHECK(c4 == 1);
    CHECK(o4.find("cannot read the search") != std::string::npos);
    auto [c5, o5] = run("search " + q(s.proj) + " zebra");
    CHECK(c5 == 0);
    CHECK(o5.find("0 turn(s) match") != std::string::npos);
}

TEST_CASE("cli language: lists, sets (the index follows), refuses an unknown language", "[cli][search]") {
    Imported s;
    auto [c1, o1] = run("language " + q(s.proj));
    REQUIRE(c1 == 0);
    CHECK(o1.find("search language: english") != std::string::npos);
    CHECK(o1.find("german") != std::string::npos);
    auto [c2, o2] = run("language " + q(s.proj) + " klingon");
    CHECK(c2 == 1);
    CHECK(o2.find("'klingon' is not a language") != std::string::npos);
    REQUIRE(run("search " + q(s.proj) + " share").out.find("4 turn(s)") != std::string::npos);
    auto [c3, o3] = run("language " + q(s.proj) + " french");
    REQUIRE(c3 == 0);
    CHECK(o3.find("search language: french") != std::string::npos);
    // French stemming does not make "sharing" and "share" one word: fewer turns now.
    auto [c4, o4] = run("search " + q(s.proj) + " share");
    REQUIRE(c4 == 0);
    CHECK(o4.find("4 turn(s)") == std::string::npos);
}
