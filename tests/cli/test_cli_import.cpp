// `tessera import` beyond plain text: speaker mapping across groups, survey CSVs with attributes,
// case attributes, and all-or-nothing imports of many files.
#include "store/project.hpp"
#include "cli_runner.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>


using tessera::test::TempDir;
using tessera::test::q;
using tessera::test::run;


TEST_CASE("cli import: a mapping file joins a member-check speaker to their focus-group case", "[cli][import]") {
    TempDir dir;
    auto proj = dir / "m.tessera";
    REQUIRE(run("new " + q(proj)).code == 0);
    tessera::test::write_file(dir / "fg1.txt", "Facilitator: Hello.\n\nP3: I worry about insurers.\n");
    tessera::test::write_file(dir / "mc1.txt", "Facilitator: Welcome back.\n\nJo: Still worried about insurers.\n");
    tessera::test::write_file(dir / "map.csv", "document,label,case\nmc1,Jo,P3\n");
    auto [code, out] = run("import --map " + q(dir / "map.csv") + " " + q(proj) + " " + q(dir / "fg1.txt") + " " +
                           q(dir / "mc1.txt"));
    INFO(out);
    REQUIRE(code == 0);
    tessera::Project p = tessera::Project::open(proj);
    REQUIRE(p.cases().size() == 1);
    auto p3 = p.find_case("P3");
    REQUIRE(p3);
    int speakers_in_p3 = 0;
    for (const auto& s : p.all_speakers()) speakers_in_p3 += s.case_id == p3->id;
    REQUIRE(speakers_in_p3 == 2);
}

TEST_CASE("cli import: two groups' session.txt stay two documents, and their P1s two cases", "[cli][import]") {
    TempDir dir;
    auto proj = dir / "g.tessera";
    REQUIRE(run("new " + q(proj)).code == 0);
    std::filesystem::create_directories(dir / "g1");
    std::filesystem::create_directories(dir / "g2");
    tessera::test::write_file(dir / "g1" / "session.txt", "Facilitator: Hello.\n\nP1: I am from group one.\n");
    tessera::test::write_file(dir / "g2" / "session.txt", "Facilitator: Hello.\n\nP1: I am from group two.\n");
    auto [code, out] = run("import --case-scope document " + q(proj) + " " + q(dir / "g1" / "session.txt") + " " +
                           q(dir / "g2" / "session.txt"));
    INFO(out);
    REQUIRE(code == 0);
    tessera::Project p = tessera::Project::open(proj);
    auto docs = p.documents();
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].name == "session");
    CHECK(docs[1].name == "g2/session");
    CHECK(p.find_case("session / P1"));
    CHECK(p.find_case("g2/session / P1"));
    // A third "g2/session" from elsewhere is numbered; the same file twice is named as itself.
    std::filesystem::create_directories(dir / "later" / "g2");
    tessera::test::write_file(dir / "later" / "g2" / "session.txt", "P1: A third group.\n");
    REQUIRE(run("import " + q(proj) + " " + q(dir / "later" / "g2" / "session.txt")).code == 0);
    CHECK(tessera::Project::open(proj).documents().back().name == "g2/session (2)");
    auto twice = run("import " + q(proj) + " " + q(dir / "g1" / "session.txt") + " " + q(dir / "g1" / "session.txt"));
    CHECK(twice.code != 0);
    CHECK(twice.out.find("the same text is already in the project as 'session'") != std::string::npos);
}

TEST_CASE("cli import: a folder, or a size cap that is no number, is refused by name", "[cli][import]") {
    TempDir dir;
    auto proj = dir / "d.tessera";
    REQUIRE(run("new " + q(proj)).code == 0);
    std::filesystem::create_directories(dir / "transcripts");
    auto folder = run("import " + q(proj) + " " + q(dir / "transcripts"));
    CHECK(folder.code != 0);
    CHECK(folder.out.find("is a folder, not a file") != std::string::npos);
    tessera::test::write_file(dir / "a.txt", "P1: Hello.\n");
    for (const char* bad : {"nan", "inf", "1e30", "0", "-3"}) {
        auto r = run("import --max-size " + std::string(bad) + " " + q(proj) + " " + q(dir / "a.txt"));
        INFO(bad << ": " << r.out);
        CHECK(r.code != 0);
        CHECK(r.out.find("--max-size must be") != std::string::npos);
    }
    CHECK(tessera::Project::open(proj).documents().empty());
}

TEST_CASE("cli import: a mapping row that meets no speaker is noted; a pattern without a group is refused",
          "[cli][import]") {
    TempDir dir;
    auto proj = dir / "n.tessera";
    REQUIRE(run("new " + q(proj)).code == 0);
    tessera::test::write_file(dir / "fg1.txt", "Facilitator: Hello.\n\nP3: Fine.\n");
    tessera::test::write_file(dir / "map.csv", "document,label,case\nfg1,P3,Jo\ngroup9,P2,P1\n");
    auto [code, out] = run("import --map " + q(dir / "map.csv") + " " + q(proj) + " " + q(dir / "fg1.txt"));
    INFO(out);
    REQUIRE(code == 0);
    CHECK(out.find("map.csv:3: no speaker 'P2' in a document 'group9' of this import") != std::string::npos);
    CHECK(out.find("map.csv:2") == std::string::npos);  // the row that was used says nothing
    auto pattern = run("import --speaker-pattern '^>> [A-Z]+: .*$' " + q(proj) + " " + q(dir / "fg1.txt"));
    CHECK(pattern.code != 0);
    CHECK(pattern.out.find("has no group") != std::string::npos);
}

TEST_CASE("cli import: a failing file among many imports nothing and names the file", "[cli][import]") {
    TempDir dir;
    auto proj = dir / "f.tessera";
    REQUIRE(run("new " + q(proj)).code == 0);
    std::string files;
    for (int i = 0; i < 5; ++i) {
        auto f = dir / ("doc" + std::to_string(i) + ".txt");
        tessera::test::write_file(f, "P1: text number " + std::to_string(i) + "\n");
        files += " " + q(f);
    }
    tessera::test::write_file(dir / "broken.docx", "this is not a zip file at all");
    auto [code, out] = run("import " + q(proj) + files + " " + q(dir / "broken.docx"));
    REQUIRE(code == 1);
    REQUIRE(out.find("broken.docx") != std::string::npos);
    REQUIRE(tessera::Project::open(proj).info().documents == 0);
    tessera::test::write_file(dir / "empty.txt", "");
    auto [c2, o2] = run("import " + q(proj) + " " + q(dir / "empty.txt"));
    REQUIRE(c2 == 1);
    REQUIRE(o2.find("empty.txt") != std::string::npos);
}

TEST_CASE("cli import: a file failing after others were stored leaves no document, case or speaker", "[cli][import]") {
    // Files are parsed ahead while earlier ones are stored, all in one transaction: a failure in
    // the middle must roll back what was already written.
    TempDir dir;
    auto proj = dir / "mid.tessera";
    REQUIRE(run("new " + q(proj)).code == 0);
    std::string files;
    for (int i = 0; i < 8; ++i) {
        auto f = dir / ("fg" + std::to_string(i) + ".txt");
        tessera::test::write_file(f, "Facilitator: Question " + std::to_string(i) + "?\n\nP" + std::to_string(i) +
                                         ": An answer about records, number " + std::to_string(i) + ".\n");
        files += " " + q(f);
        if (i == 5) {
            tessera::test::write_file(dir / "dup.txt", "Facilitator: Question 1?\n\nP1: An answer about records, number 1.\n");
            files += " " + q(dir / "dup.txt");
        }
    }
    auto [code, out] = run("import " + q(proj) + files);
    REQUIRE(code == 1);
    CHECK(out.find("dup.txt") != std::string::npos);
    CHECK(out.find("same text") != std::string::npos);
    tessera::Project p = tessera::Project::open(proj);
    CHECK(p.info().documents == 0);
    CHECK(p.cases().empty());
    CHECK(p.all_speakers().empty());

    // In file order, with the survey's documents where the survey was named.
    tessera::test::write_file(dir / "survey.csv", "id,Why share?\nR1,To help others.\n");
    auto [c2, o2] = run("import " + q(proj) + " " + q(dir / "fg0.txt") + " " + q(dir / "survey.csv") + " " +
                        q(dir / "fg1.txt"));
    INFO(o2);
    REQUIRE(c2 == 0);
    tessera::Project p2 = tessera::Project::open(proj);
    auto docs = p2.documents();
    REQUIRE(docs.size() == 3);
    CHECK(docs[0].name == "fg0");
    CHECK(docs[1].name.rfind("survey", 0) == 0);
    CHECK(docs[2].name == "fg1");
}

TEST_CASE("cli import: survey CSV responses with respondent attributes", "[cli][import]") {
    TempDir dir;
    auto proj = dir / "s.tessera";
    REQUIRE(run("new " + q(proj)).code == 0);
    tessera::test::write_file(dir / "survey.csv",
                              "id,age,region,What worries you about sharing?\n"
                              "R1,34,North,\"Being judged, mostly.\"\n"
                              "R2,51,South,Insurance companies seeing it.\n");
    auto [code, out] = run("import " + q(proj) + " " + q(dir / "survey.csv"));
    INFO(out);
    REQUIRE(code == 0);
    tessera::Project p = tessera::Project::open(proj);
    REQUIRE(p.info().documents == 1);
    auto r2 = p.find_case("R2");
    REQUIRE(r2);
    REQUIRE(r2->attribute("age") == "51");
    REQUIRE(r2->attribute("region") == "South");
}

TEST_CASE("cli attributes: typed attributes for cases, rejected whole on a bad value", "[cli][import]") {
    TempDir dir;
    auto proj = dir / "a.tessera";
    REQUIRE(run("new " + q(proj)).code == 0);
    tessera::test::write_file(dir / "cases.csv", "id,age:number,gender\nP1,34,woman\nP2,51,man\n");
    auto [code, out] = run("attributes " + q(proj) + " " + q(dir / "cases.csv"));
    INFO(out);
    REQUIRE(code == 0);
    REQUIRE(out.find("age: number") != std::string::npos);
    CHECK(out.find("note:") == std::string::npos);
    tessera::Project p = tessera::Project::open(proj);
    REQUIRE(p.find_case("P1")->attribute("age") == "34");
    REQUIRE(p.find_case("P2")->attributes.at(0).type == tessera::AttributeType::number);
    tessera::test::write_file(dir / "bad.csv", "id,age:number\nP3,40\nP4,forty\n");
    auto [c2, o2] = run("attributes " + q(proj) + " " + q(dir / "bad.csv"));
    REQUIRE(c2 == 1);
    REQUIRE(o2.find("bad.csv") != std::string::npos);
    REQUIRE_FALSE(tessera::Project::open(proj).find_case("P3"));
    // Dates that read either way round are set day first, with a note saying so.
    tessera::test::write_file(dir / "visits.csv", "id,visit\nP1,04/12/2023\nP2,01/04/2023\n");
    auto [c3, o3] = run("attributes " + q(proj) + " " + q(dir / "visits.csv"));
    REQUIRE(c3 == 0);
    CHECK(o3.find("note: " + (dir / "visits.csv").string() + ": column 'visit': dates such as 04/12/2023 are read "
                  "day first") != std::string::npos);
    CHECK(tessera::Project::open(proj).find_case("P1")->attribute("visit") == "2023-12-04");
    // --month-first: the same cells read as US dates.
    auto [c4, o4] = run("attributes --month-first " + q(proj) + " " + q(dir / "visits.csv"));
    REQUIRE(c4 == 0);
    CHECK(o4.find("are read month first (12 April 2023), as asked") != std::string::npos);
    CHECK(tessera::Project::open(proj).find_case("P1")->attribute("visit") == "2023-04-12");
}
