// `tessera agreement` end to end: a published ratings example, and a project's two coders.
#include "store/project.hpp"
#include "cli_runner.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>


using tessera::test::TempDir;
using tessera::test::q;
using tessera::test::run;


// Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 4 coders, 12 units, blanks.
TEST_CASE("cli agreement: ratings table reproduces Krippendorff's canonical example", "[cli][agreement]") {
    TempDir dir;
    tessera::test::write_file(dir / "r.csv",
                              "unit,A,B,C,D\n1,1,1,,1\n2,2,2,3,2\n3,3,3,3,3\n4,3,3,3,3\n5,2,2,2,2\n6,1,2,3,4\n"
                              "7,4,4,4,4\n8,1,1,2,1\n9,2,2,2,2\n10,,5,5,5\n11,,,1,1\n12,,3,,\n");
    auto [code, out] = run("agreement --ratings " + q(dir / "r.csv") + " --format json");
    INFO(out);
    REQUIRE(code == 0);
    REQUIRE(out.find("\"value\": \"0.7434\"") != std::string::npos);  // nominal alpha .743
    auto [c2, interval] = run("agreement --ratings " + q(dir / "r.csv") + " --level interval");
    REQUIRE(c2 == 0);
    REQUIRE(interval.find("0.8491") != std::string::npos);
    REQUIRE(interval.find("bootstrap 95% CI") != std::string::npos);
}

TEST_CASE("cli agreement: undefined coefficients say so instead of printing 0 or 1", "[cli][agreement]") {
    TempDir dir;
    tessera::test::write_file(dir / "same.csv", "unit,A,B\n1,yes,yes\n2,yes,yes\n3,yes,yes\n");
    auto [code, out] = run("agreement --ratings " + q(dir / "same.csv"));
    REQUIRE(code == 0);
    REQUIRE(out.find("undefined") != std::string::npos);
}

TEST_CASE("cli agreement: two coders of a project, char and segment units, csv and json", "[cli][agreement]") {
    TempDir dir;
    auto proj = dir / "a.tessera";
    REQUIRE(run("new " + q(proj)).code == 0);
    tessera::test::write_file(dir / "fg.txt", "P1: We want to be asked before anything is shared.\n\nP2: Research is good.\n");
    REQUIRE(run("import " + q(proj) + " " + q(dir / "fg.txt")).code == 0);
    // A shared (team) code path in both coders' codebooks: equal paths pair up.
    tessera::test::write_file(dir / "c.csv",
                              "document,coder,code,quote\n"
                              "fg,A,Consent,We want to be asked\n"
                              "fg,B,Consent,We want to be asked before anything is shared.\n"
                              "fg,A,Benefit,Research is good.\n"
                              "fg,B,Benefit,Research is good.\n");
    REQUIRE(run("apply --create " + q(proj) + " " + q(dir / "c.csv")).code == 0);
    auto [code, out] = run("agreement " + q(proj) + " --coders A,B --format json");
    INFO(out);
    REQUIRE(code == 0);
    REQUIRE(out.find("\"pairs_from\": \"codes with the same path in both codebooks\"") != std::string::npos);
    REQUIRE(out.find("\"label\": \"Benefit\"") != std::string::npos);
    auto [c2, seg] = run("agreement " + q(proj) + " --coders A,B --unit segment:50 --format csv");
    INFO(seg);
    REQUIRE(c2 == 0);
    REQUIRE(seg.find("Consent") != std::string::npos);
    auto [c3, bad] = run("agreement " + q(proj) + " --coders A,Nobody");
    REQUIRE(c3 == 1);
    REQUIRE(bad.find("no coder named 'Nobody'") != std::string::npos);
    auto [c4, unit] = run("agreement " + q(proj) + " --coders A,B --unit words");
    REQUIRE(c4 == 1);
}

TEST_CASE("cli align and resolve: propose, confirm into a team codebook, resolve a disagreement", "[cli][agreement]") {
    TempDir dir;
    auto proj = dir / "c.tessera";
    REQUIRE(run("new " + q(proj)).code == 0);
    tessera::test::write_file(dir / "fg.txt",
                              "P1: I trust the NHS with my records, mostly.\n\nP2: Companies should never profit from it.\n");
    REQUIRE(run("import " + q(proj) + " " + q(dir / "fg.txt")).code == 0);
    tessera::test::write_file(dir / "c.csv",
                              "document,coder,code,quote\n"
                              "fg,Amara,Trust in NHS,I trust the NHS with my records\n"
                              "fg,Ben,Faith in services,\"I trust the NHS with my records, mostly.\"\n"
                              "fg,Amara,Profit,Companies should never profit from it.\n"
                              "fg,Ben,Companies profiting,Companies should never profit\n");
    REQUIRE(run("apply --create " + q(proj) + " " + q(dir / "c.csv")).code == 0);

    auto [c1, proposal] = run("align " + q(proj) + " --coders Amara,Ben --json");
    INFO(proposal);
    REQUIRE(c1 == 0);
    REQUIRE(proposal.find("\"Amara\": \"Trust in NHS\"") != std::string::npos);
    REQUIRE(proposal.find("\"Ben\": \"Faith in services\"") != std::string::npos);
    REQUIRE(tessera::Project::open(proj).alignments().empty());  // a proposal writes nothing

    auto [c2, confirmed] = run("align " + q(proj) + " --coders Amara,Ben --confirm --pair 'Profit=Companies profiting=Profit motive'");
    INFO(confirmed);
    REQUIRE(c2 == 0);
    {
        tessera::Project p = tessera::Project::open(proj);
        REQUIRE(p.alignments().size() == 2);
        REQUIRE(p.find_code("Profit motive", std::nullopt));
    }
    auto [c3, listing] = run("resolve " + q(proj) + " --coders Amara,Ben");
    INFO(listing);
    REQUIRE(c3 == 0);
    REQUIRE(listing.find("Ben") != std::string::npos);
    auto [c4, done] = run("resolve " + q(proj) + " --coders Amara,Ben 1 --decision accept_b --note 'whole turn' --as Amara");
    INFO(done);
    REQUIRE(c4 == 0);
    tessera::Project p = tessera::Project::open(proj);
    REQUIRE(p.resolutions().size() == 1);
    REQUIRE(p.resolutions()[0].note == "whole turn");
    auto [c5, bad] = run("resolve " + q(proj) + " --coders Amara,Ben 99 --decision reject");
    REQUIRE(c5 == 1);
    REQUIRE(bad.find("no disagreement 99") != std::string::npos);
}

TEST_CASE("cli agreement: three coders on one codebook get Fleiss' kappa and alpha over all of them", "[cli][agreement]") {
    TempDir dir;
    auto proj = dir / "three.tessera";
    REQUIRE(run("new " + q(proj)).code == 0);
    tessera::test::write_file(dir / "fg.txt", "P1: We want to be asked before anything is shared.\n\nP2: Research is good.\n");
    REQUIRE(run("import " + q(proj) + " " + q(dir / "fg.txt")).code == 0);
    tessera::test::write_file(dir / "c.csv",
                              "document,coder,code,quote\n"
                              "fg,Team,Consent,We want to be asked\n");
    REQUIRE(run("apply --create " + q(proj) + " " + q(dir / "c.csv")).code == 0);
    {
        // A, B and C all code with the team's one code (a shared codebook).
        tessera::Project p = tessera::Project::open(proj);
        tessera::RowId code = p.codes().at(0).id, doc = p.documents().at(0).id;
        for (const char* name : {"A", "B", "C"}) {
            tessera::RowId coder = p.insert_coder({0, "", name});
            tessera::Span s = std::string(name) == "C" ? tessera::Span{4, 10} : tessera::Span{4, 23};
            p.insert_coding({0, "", doc, s, code, coder, ""});
        }
    }
    auto r = run("agreement " + q(proj) + " --coders A,B,C");
    INFO(r.out);
    REQUIRE(r.code == 0);
    REQUIRE(r.out.find("Agreement among 3 coders") != std::string::npos);
    REQUIRE(r.out.find("Fleiss' kappa") != std::string::npos);
    REQUIRE(r.out.find("Agreement between A and B") != std::string::npos);
    REQUIRE(r.out.find("Agreement between B and C") != std::string::npos);
}
