// The tessera CLI end to end: run the real executable, check output, exit codes and the project.
#include "store/project.hpp"
#include "cli_runner.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>


using namespace tessera;
using tessera::test::TempDir;
using tessera::test::q;
using tessera::test::run;


TEST_CASE("cli: --version and --help", "[cli]") {
    auto v = run("--version");
    REQUIRE(v.code == 0);
    REQUIRE(v.out.find("tessera 0.") != std::string::npos);
    auto h = run("--help");
    REQUIRE(h.code == 0);
    for (const char* c : {"new", "info", "import", "apply", "coders", "codes", "codings"})
        REQUIRE(h.out.find(c) != std::string::npos);
    auto sub = run("apply --help");
    REQUIRE(sub.code == 0);
    REQUIRE(sub.out.find("--create") != std::string::npos);
}

TEST_CASE("cli: usage errors exit 2, runtime errors exit 1 with one line naming the file", "[cli]") {
    TempDir dir;
    REQUIRE(run("frobnicate").code == 2);
    REQUIRE(run("info").code == 2);
    auto r = run("info " + q(dir / "missing.tessera"));
    REQUIRE(r.code == 1);
    REQUIRE(r.out.find("missing.tessera: no such project file") != std::string::npos);
    REQUIRE(std::count(r.out.begin(), r.out.end(), '\n') == 1);
}

TEST_CASE("cli: new, import, info, listings and apply work end to end", "[cli]") {
    TempDir dir;
    auto proj = dir / "s.tessera";
    REQUIRE(run("new " + q(proj)).code == 0);
    REQUIRE(run("new " + q(proj)).code == 1);  // refuses to overwrite

    test::write_file(dir / "fg1.txt",
                     "Facilitator: Welcome, everyone.\n\nP1: I'd want to be asked. Zo\xC3\xAB agrees \xF0\x9F\x98\x80\n\n"
                     "P2: I'm not so sure.\n");
    auto dry = run("import --dry-run " + q(proj) + " " + q(dir / "fg1.txt"));
    REQUIRE(dry.code == 0);
    REQUIRE(dry.out.find("facilitator") != std::string::npos);
    REQUIRE(dry.out.find("case P1 (new)") != std::string::npos);
    REQUIRE(Project::open(proj).info().documents == 0);

    auto imp = run("import " + q(proj) + " " + q(dir / "fg1.txt"));
    INFO(imp.out);
    REQUIRE(imp.code == 0);
    auto again = run("import " + q(proj) + " " + q(dir / "fg1.txt"));
    REQUIRE(again.code == 1);
    REQUIRE(again.out.find("already in the project") != std::string::npos);

    auto info = run("info --json " + q(proj));
    REQUIRE(info.code == 0);
    REQUIRE(info.out.find("\"documents\": 1") != std::string::npos);
    REQUIRE(info.out.find("\"cases\": 2") != std::string::npos);

    // Codings by offset and by quote; the emoji counts as one code point.
    test::write_file(dir / "codings.csv",
                     "document,coder,code,start,end,quote\n"
                     "fg1,Amara,Consent/Asked first,,,I'd want to be asked.\n"
                     "fg1,Ben,Agreement,,,\"agrees \xF0\x9F\x98\x80\"\n");
    REQUIRE(run("apply " + q(proj) + " " + q(dir / "codings.csv")).code == 1);  // unknown coders without --create
    auto ap = run("apply --create " + q(proj) + " " + q(dir / "codings.csv"));
    INFO(ap.out);
    REQUIRE(ap.code == 0);
    REQUIRE(ap.out.find("applied 2 codings (created 2 coder(s), 3 code(s))") != std::string::npos);

    auto codings = run("codings --json " + q(proj));
    REQUIRE(codings.out.find("\"text\": \"I'd want to be asked.\"") != std::string::npos);
    REQUIRE(codings.out.find("\"code\": \"Consent/Asked first\"") != std::string::npos);
    Project p = Project::open(proj);
    auto ks = p.codings();
    REQUIRE(ks.size() == 2);
    REQUIRE(ks[1].span.length() == 8);  // "agrees " + one emoji

    auto codes = run("codes --coder Amara " + q(proj));
    REQUIRE(codes.out.find("Consent/Asked first") != std::string::npos);
    REQUIRE(codes.out.find("Agreement") == std::string::npos);
    auto coders = run("coders --json " + q(proj));
    REQUIRE(coders.out.find("\"name\": \"Ben\"") != std::string::npos);
}

TEST_CASE("cli: apply rejects unknown documents and bad spans, applying nothing", "[cli]") {
    TempDir dir;
    auto proj = dir / "s.tessera";
    run("new " + q(proj));
    test::write_file(dir / "int1.txt", "Interviewer: Hello.\n\nP9: Short answer.\n");
    REQUIRE(run("import " + q(proj) + " " + q(dir / "int1.txt")).code == 0);

    test::write_file(dir / "a.csv", "document,coder,code,start,end\nint1,A,X,0,5\nnope,A,X,0,5\n");
    auto r = run("apply --create " + q(proj) + " " + q(dir / "a.csv"));
    REQUIRE(r.code == 1);
    REQUIRE(r.out.find("a.csv:3: document 'nope' is not in the project") != std::string::npos);

    test::write_file(dir / "b.csv", "document,coder,code,start,end\nint1,A,X,0,5\nint1,A,X,30,500\n");
    r = run("apply --create " + q(proj) + " " + q(dir / "b.csv"));
    REQUIRE(r.code == 1);
    REQUIRE(r.out.find("b.csv:3: span [30, 500) is outside document 'int1'") != std::string::npos);

    test::write_file(dir / "c.csv", "document,coder,code,start,end\nint1,A,X,abc,5\n");
    r = run("apply --create " + q(proj) + " " + q(dir / "c.csv"));
    REQUIRE(r.code == 1);
    REQUIRE(r.out.find("field 'start' is not a whole number") != std::string::npos);

    test::write_file(dir / "d.csv", "document,coder,code,start,end\nint1,A,X,\"0,5\n");
    r = run("apply --create " + q(proj) + " " + q(dir / "d.csv"));
    REQUIRE(r.code == 1);
    REQUIRE(r.out.find("d.csv") != std::string::npos);

    Project p = Project::open(proj);
    REQUIRE(p.codings().empty());
    REQUIRE(p.coders().empty());
    REQUIRE(p.codes().empty());
}
