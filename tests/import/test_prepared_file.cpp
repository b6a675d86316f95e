// prepare_file / prepare_documents: the path from a source file to what add_document stores, shared
// by the CLI and the GUI; the mapping is applied, counts are made, and a bad file is named.
#include "import/prepared_file.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace tessera;
using namespace tessera::importer;
using tessera::test::TempDir;

TEST_CASE("prepare_file reads, composes, maps speakers and prepares one file", "[import]") {
    TempDir dir;
    tessera::test::write_file(dir / "group 2.txt",
                              "Facilitator: What would you share?\n\nP1: My diagnosis, not my notes.\n\nP2: Neither.\n");
    SpeakerMapping mapping;
    mapping.scope = CaseScope::document;
    mapping.entries.push_back({"*", "P2", "Jo", std::nullopt, 2});
    PreparedFile f = prepare_file(dir / "group 2.txt", {}, mapping);
    REQUIRE(f.docs.size() == 1);
    CHECK(f.format == "txt");
    CHECK(f.encoding == "UTF-8");
    const NewDocument& d = f.docs[0].doc();
    CHECK(d.name == "group 2");
    REQUIRE(d.turns.size() == 3);
    std::map<std::string, std::string> case_of;
    for (const auto& s : d.speakers) case_of[s.label] = s.case_name;
    CHECK(case_of["Facilitator"].empty());
    CHECK(case_of["P1"] == "group 2 / P1");  // numbering restarts per document
    CHECK(case_of["P2"] == "Jo");            // the mapping wins
    CHECK(f.docs[0].word_count() == 13);  // labels are words of the stored text too
    CHECK(f.docs[0].content_hash().size() == 64);

    SECTION("without a mapping the label is the case") {
        PreparedFile plain = prepare_file(dir / "group 2.txt", {}, {});
        for (const auto& s : plain.docs[0].doc().speakers)
            if (s.label == "P1") CHECK(s.case_name == "P1");
    }
    SECTION("options reach the importer") {
        ImportOptions no_speakers;
        no_speakers.detect_speakers = false;
        PreparedFile flat = prepare_file(dir / "group 2.txt", no_speakers, {});
        CHECK(flat.docs[0].doc().speakers.empty());
    }
}

TEST_CASE("prepare_file names the file it could not read", "[import]") {
    TempDir dir;
    tessera::test::write_file(dir / "empty.txt", "");
    CHECK_THROWS_WITH(prepare_file(dir / "empty.txt", {}, {}), Catch::Contains("empty.txt"));
    CHECK_THROWS_WITH(prepare_file(dir / "absent.docx", {}, {}), Catch::Contains("absent.docx"));
}

TEST_CASE("prepare_file reads a survey CSV: documents per question, respondents kept as cases", "[import]") {
    TempDir dir;
    tessera::test::write_file(dir / "survey.csv",
                              "id,age,What would you share?\nR1,34,My diagnosis only\nR2,51,Nothing at all\n");
    ImportOptions too_small;
    too_small.max_bytes = 10;
    CHECK_THROWS_WITH(prepare_file(dir / "survey.csv", too_small, {}), Catch::Contains("survey.csv"));
    CsvResponseOptions per_row;
    per_row.layout = CsvLayout::document_per_row;
    PreparedFile rows = prepare_file(dir / "survey.csv", {}, {}, per_row);
    CHECK(rows.docs.size() == 2);
    PreparedFile f = prepare_file(dir / "survey.csv", {}, {});
    REQUIRE(f.docs.size() == 1);
    CHECK(f.format == "csv");
    REQUIRE(f.cases.size() == 2);
    CHECK(f.cases[0].name == "R1");
    CHECK(f.cases[0].attribute("age") == "34");
    CHECK(f.docs[0].doc().turns.size() == 2);
}

TEST_CASE("document names: a taken stem gets its folder, then a number, whatever the case", "[import]") {
    using std::filesystem::path;
    auto names = importer::document_names({path("a/FG1.txt"), path("b/fg1.docx"), path("c/b/fg1.txt"), path("x.txt")},
                                          {"X"});
    REQUIRE(names.size() == 4);
    CHECK(names[0] == "FG1");
    CHECK(names[1] == "b/fg1");
    CHECK(names[2] == "b/fg1 (2)");
    CHECK(names[3] == "x (2)");  // no folder to tell them apart
}
