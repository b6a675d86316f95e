// Survey-response CSVs (per column / per row), case-attribute CSVs with typed columns, bad CSV.
#include "import/case_attributes.hpp"
#include "import/csv_responses.hpp"
#include "import_test_util.hpp"
#include "test_support.hpp"

using namespace tessera;
using namespace tessera::importer;
using tessera::test::check_turns;
using tessera::test::data_path;

namespace {

const Attribute* attr(const Case& c, const std::string& name) {
    for (const auto& a : c.attributes)
        if (a.name == name) return &a;
    return nullptr;
}

}  // namespace

TEST_CASE("csv responses: one document per question, respondents as participant cases with typed attributes",
          "[import]") {
    CsvResponses r = import_csv_responses(data_path("import/survey.csv"));
    REQUIRE(r.text_columns == std::vector<std::string>{"What would improve the service?", "Anything else?"});
    REQUIRE(r.documents.size() == 2);
    CHECK(r.documents[0].name == "survey \u2013 What would improve the service?");
    CHECK(r.documents[0].format == "csv");
    check_turns(r.documents[0], {
        {"R01", "Shorter waits, and someone who listens."},
        {"R02", "Evening sessions.\nMaybe weekends too \U0001F642"},
        {"R04", "A named contact person I can phone directly."},
    });
    check_turns(r.documents[1], {
        {"R01", "No"},
        {"R03", "The caf\u00e9 is great, keep it."},
        {"R04", "More parking, please."},
    });
    NewDocument nd = compose(r.documents[0]);
    REQUIRE(nd.speakers.size() == 3);
    CHECK(nd.speakers[0].role == SpeakerRole::participant);  // "R01" is a respondent, not a researcher
    CHECK(nd.speakers[0].case_name == "R01");

    REQUIRE(r.cases.size() == 4);
    CHECK(r.cases[0].name == "R01");
    REQUIRE(r.cases[0].attributes.size() == 2);
    CHECK(attr(r.cases[0], "age")->type == AttributeType::number);
    CHECK(attr(r.cases[0], "age")->value == "34");
    CHECK(attr(r.cases[0], "region")->type == AttributeType::category);
    CHECK(attr(r.cases[3], "region")->value == "East");
}

TEST_CASE("csv responses: one document per respondent, question as a speakerless turn before each answer",
          "[import]") {
    CsvResponseOptions opt;
    opt.layout = CsvLayout::document_per_row;
    opt.id_column = "Respondent";
    opt.text_columns = {"Anything else?"};
    CsvResponses r = import_csv_responses(data_path("import/survey.csv"), opt);
    REQUIRE(r.documents.size() == 3);  // R02 left it empty
    CHECK(r.documents[1].name == "survey \u2013 R03");
    check_turns(r.documents[1], {{"", "Anything else?"}, {"R03", "The caf\u00e9 is great, keep it."}});
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.find("R02") != std::string::npos);
    // The unused response column is an attribute now.
    CHECK(attr(r.cases[0], "What would improve the service?") != nullptr);
}

TEST_CASE("csv responses: unknown column and malformed quoting are ImportErrors with lines", "[import]") {
    CsvResponseOptions opt;
    opt.text_columns = {"no such column"};
    try {
        import_csv_responses(data_path("import/survey.csv"), opt);
        FAIL("expected ImportError");
    } catch (const ImportError& e) {
        CHECK(std::string(e.what()).find("no column 'no such column'") != std::string::npos);
    }
    try {
        import_csv_responses(data_path("import/bad_quotes.csv"));
        FAIL("expected ImportError");
    } catch (const ImportError& e) {
        CHECK(e.line() == 3);
        CHECK(std::string(e.what()).find("malformed CSV") != std::string::npos);
    }
}

TEST_CASE("case attributes: types inferred or forced, dates to ISO, empty cells left out", "[import]") {
    CaseAttributeTable t = read_case_attributes(data_path("import/case_attributes.csv"));
    CHECK(t.id_column == "participant");
    CHECK(t.header.back() == "group:category");
    REQUIRE(t.columns == std::vector<std::string>{"age", "gender", "joined", "notes", "group"});
    CHECK(t.types == std::vector<AttributeType>{AttributeType::number, AttributeType::category, AttributeType::date,
                                                AttributeType::text, AttributeType::category});
    REQUIRE(t.cases.size() == 4);
    CHECK(t.cases[1].name == "P2");
    CHECK(attr(t.cases[1], "joined")->value == "2024-04-15");
    CHECK(attr(t.cases[3], "joined")->value == "2024-06-01");
    CHECK(attr(t.cases[3], "age") == nullptr);
    CHECK(attr(t.cases[1], "notes") == nullptr);
    CHECK(attr(t.cases[0], "notes")->value == "Came via GP, first session");
    CHECK(attr(t.cases[0], "group")->value == "1");
    CHECK(t.diagnostics.empty());  // 15/04/2024 shows the dates are day first
}

TEST_CASE("case attributes: Windows-1252 and semicolons; forced type mismatch names line and column", "[import]") {
    CaseAttributeTable t = read_case_attributes(data_path("import/case_attributes_cp1252.csv"));
    REQUIRE(t.cases.size() == 3);
    CHECK(attr(t.cases[0], "town")->value == "Malm\u00f6");
    CHECK(attr(t.cases[1], "town")->value == "K\u00f8benhavn");
    CHECK(t.types[0] == AttributeType::category);

    tessera::test::TempDir dir;
    tessera::test::write_file(dir / "typed.csv", "id,age:number\nP1,34\nP2,forty\n");
    try {
        read_case_attributes(dir / "typed.csv");
        FAIL("expected ImportError");
    } catch (const ImportError& e) {
        CHECK(e.line() == 3);
        CHECK(std::string(e.what()).find("'forty' is not a number") != std::string::npos);
    }
    tessera::test::write_file(dir / "dup.csv", "id,age\nP1,34\nP1,35\n");
    CHECK_THROWS_AS(read_case_attributes(dir / "dup.csv"), ImportError);
}

TEST_CASE("infer_attribute_type and normalise_attribute_value", "[import]") {
    CHECK(infer_attribute_type({"1", "2.5", "-3", ""}) == AttributeType::number);
    CHECK(infer_attribute_type({"2024-02-29", "31/12/2023"}) == AttributeType::date);
    CHECK(infer_attribute_type({"2023-02-29"}) == AttributeType::text);  // not a leap year
    CHECK(infer_attribute_type({"yes", "no", "yes"}) == AttributeType::category);
    CHECK(infer_attribute_type({"alpha", "beta"}) == AttributeType::text);
    CHECK(normalise_attribute_value(AttributeType::number, " +4 ") == "4");
    CHECK(normalise_attribute_value(AttributeType::date, "05.11.2025") == "2025-11-05");
    CHECK_THROWS_AS(normalise_attribute_value(AttributeType::date, "2025-13-01"), InvalidArgument);
}

TEST_CASE("csv responses: short answers under a question header are responses; dates never are", "[import]") {
    tessera::test::TempDir dir;
    tessera::test::write_file(dir / "s.csv",
                              "id,visit,site,q2_suggestions,comment\n"
                              "A,04/13/2023,North,More breaks please,I found the visit long and tiring overall\n"
                              "B,01/04/2023,South,,It was fine but the staff were rushed\n"
                              "C,02/05/2023,North,Nothing,Good enough for me I suppose\n");
    CsvResponses r = import_csv_responses(dir / "s.csv");
    CHECK(r.text_columns == std::vector<std::string>{"q2_suggestions", "comment"});
    REQUIRE(r.cases.size() == 3);
    // A month-first date is no day-first date: kept as written, never read as 4th of the 13th month.
    const Attribute* visit = attr(r.cases[0], "visit");
    REQUIRE(visit);
    CHECK(visit->value == "04/13/2023");
    CHECK(visit->type == AttributeType::text);
}

TEST_CASE("csv responses: dates that read either way round are read day first, and the import says so", "[import]") {
    CHECK(day_month_ambiguous({"04/12/2023", "01/04/2023", ""}));
    CHECK_FALSE(day_month_ambiguous({"04/12/2023", "25/04/2023"}));  // a 25th: the column is day first
    CHECK_FALSE(day_month_ambiguous({"2023-12-04"}));
    tessera::test::TempDir dir;
    tessera::test::write_file(dir / "d.csv", "id,visit,comment\nA,04/12/2023,I found the visit long and tiring\n"
                                             "B,01/04/2023,It was fine but the staff were rushed\n");
    CsvResponses r = import_csv_responses(dir / "d.csv");
    const Attribute* visit = attr(r.cases[0], "visit");
    REQUIRE(visit);
    CHECK(visit->value == "2023-12-04");
    bool said = false;
    for (const auto& d : r.diagnostics) said |= d.message.find("column 'visit': dates such as") != std::string::npos;
    CHECK(said);

    // Case attributes likewise, inferred or forced ("born:date").
    tessera::test::write_file(dir / "cases.csv", "id,first_visit,born:date,age\nA,04/12/2023,01/02/1980,43\n"
                                                 "B,01/04/2023,02/03/1990,33\n");
    CaseAttributeTable t = read_case_attributes(dir / "cases.csv");
    REQUIRE(t.types[0] == AttributeType::date);
    CHECK(attr(t.cases[0], "first_visit")->value == "2023-12-04");
    REQUIRE(t.diagnostics.size() == 2);
    CHECK(t.diagnostics[0].message.find("column 'first_visit': dates such as 04/12/2023 are read day first (4 "
                                        "December 2023); if they are month first, read the file again") == 0);
    CHECK(t.diagnostics[1].message.find("column 'born': dates such as") == 0);
    CHECK(t.diagnostics[0].where == (dir / "cases.csv").string());

    // Read month first, as asked: the same cells are other days, and the note says so.
    CaseAttributeOptions us;
    us.date_order = DateOrder::month_first;
    CaseAttributeTable m = read_case_attributes(dir / "cases.csv", us);
    CHECK(attr(m.cases[0], "first_visit")->value == "2023-04-12");
    CHECK(attr(m.cases[1], "born")->value == "1990-02-03");
    REQUIRE(m.diagnostics.size() == 2);
    CHECK(m.diagnostics[0].message == "column 'first_visit': dates such as 04/12/2023 are read month first (12 April "
                                      "2023), as asked");
}

TEST_CASE("dates only the other order reads stay text, with a note saying how to read them as dates", "[import]") {
    tessera::test::TempDir dir;
    tessera::test::write_file(dir / "us.csv", "id,visit\nA,04/25/2023\nB,12/31/2023\n");
    CaseAttributeTable t = read_case_attributes(dir / "us.csv");
    REQUIRE(t.types[0] == AttributeType::text);
    CHECK(attr(t.cases[0], "visit")->value == "04/25/2023");
    REQUIRE(t.diagnostics.size() == 1);
    CHECK(t.diagnostics[0].message == "column 'visit' holds dates written month first (such as 04/25/2023): not read "
                                      "as dates; read the file again with month-first dates to make them dates");
    CaseAttributeOptions us;
    us.date_order = DateOrder::month_first;
    CaseAttributeTable m = read_case_attributes(dir / "us.csv", us);
    REQUIRE(m.types[0] == AttributeType::date);
    CHECK(attr(m.cases[1], "visit")->value == "2023-12-31");
    CHECK(m.diagnostics.empty());  // a 25th and a 31st: nothing ambiguous
    // A forced date column read the wrong way round names the value and the order.
    tessera::test::write_file(dir / "forced.csv", "id,visit:date\nA,25/04/2023\n");
    CHECK_THROWS_WITH(read_case_attributes(dir / "forced.csv", us),
                      Catch::Contains("'25/04/2023' is not a date (YYYY-MM-DD or MM/DD/YYYY, as asked)"));
    // Survey CSVs likewise.
    tessera::test::write_file(dir / "survey.csv", "id,visit,comment\nA,04/25/2023,The wait was far too long for me\n"
                                                  "B,12/31/2023,Staff were kind but rushed off their feet\n");
    CsvResponseOptions survey;
    survey.date_order = DateOrder::month_first;
    CsvResponses r = import_csv_responses(dir / "survey.csv", survey);
    REQUIRE(attr(r.cases[0], "visit"));
    CHECK(attr(r.cases[0], "visit")->type == AttributeType::date);
    CHECK(attr(r.cases[0], "visit")->value == "2023-04-25");
}
