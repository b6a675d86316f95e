// XLSX and DOCX exports opened by LibreOffice (headless conversion) and their content checked;
// skipped with a warning when soffice is not installed.
#include "analysis/matrix.hpp"
#include "analysis/study_fixture.hpp"
#include "analysis/table.hpp"
#include "export/office_util.hpp"
#include "export/table_docx.hpp"
#include "export/table_xlsx.hpp"

#include <catch2/catch.hpp>
#include <zip.h>

#include <filesystem>
#include <memory>

using namespace tessera;
using namespace tessera::analysis;
using namespace tessera::exporter;
namespace fs = std::filesystem;

namespace {

std::vector<Table> matrix(test::Study& s, bool per_theme, CellContent content) {
    auto d = AnalysisData::load(s.p);
    MatrixSpec spec;
    spec.cols = MatrixCols::themes;
    MatrixTableOptions o;
    o.per_theme = per_theme;
    o.content = content;
    return matrix_tables(build_matrix(d, spec), d, o);
}

std::string zip_entry(const fs::path& archive, const std::string& name) {
    int err = 0;
    std::unique_ptr<zip_t, decltype(&zip_discard)> z(zip_open(archive.c_str(), ZIP_RDONLY, &err), &zip_discard);
    if (!z) return "";
    std::string out;
    zip_stat_t st;
    if (zip_stat(z.get(), name.c_str(), 0, &st) == 0) {
        std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen(z.get(), name.c_str(), 0), &zip_fclose);
        if (f) {
            out.resize(st.size);
            zip_fread(f.get(), out.data(), st.size);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("XLSX: one sheet per theme, frozen headers, wrapped text, read back by LibreOffice", "[export][office]") {
    test::Study s;
    test::TempDir dir;
    auto tables = matrix(s, true, CellContent::summary_and_counts);
    REQUIRE(tables.size() == 3);
    write_xlsx(tables, dir / "matrix.xlsx");

    // The package itself: three worksheets, a frozen pane below the header and right of the labels.
    CHECK(zip_entry(dir / "matrix.xlsx", "xl/worksheets/sheet3.xml").size() > 0);
    CHECK(zip_entry(dir / "matrix.xlsx", "xl/worksheets/sheet4.xml").empty());
    std::string sheet1 = zip_entry(dir / "matrix.xlsx", "xl/worksheets/sheet1.xml");
    CHECK(sheet1.find("<pane xSplit=\"1\" ySplit=\"1\" topLeftCell=\"B2\"") != std::string::npos);
    CHECK(sheet1.find("state=\"frozen\"") != std::string::npos);
    CHECK(zip_entry(dir / "matrix.xlsx", "xl/styles.xml").find("wrapText=\"1\"") != std::string::npos);
    CHECK(zip_entry(dir / "matrix.xlsx", "xl/workbook.xml").find("name=\"Trust in institutions\"") != std::string::npos);

    if (!test::have_tool("soffice")) {
        WARN("soffice (LibreOffice) is not installed: XLSX not opened in its consumer (SKIPPED)");
        return;
    }
    // Counts go in as numbers (LibreOffice reads them back as such).
    write_xlsx(matrix(s, false, CellContent::counts), dir / "counts.xlsx");
    std::string counts_xml = zip_entry(dir / "counts.xlsx", "xl/worksheets/sheet1.xml");
    auto b3 = counts_xml.find("<c r=\"B3\"");
    REQUIRE(b3 != std::string::npos);
    std::string cell = counts_xml.substr(b3, counts_xml.find("</c>", b3) - b3);
    CHECK(cell.find("t=\"s\"") == std::string::npos);  // not a shared string
    CHECK(cell.find("<v>2</v>") != std::string::npos);

    // One LibreOffice run for both files: every sheet to its own CSV (token 12 = -1), UTF-8 (76).
    REQUIRE(test::soffice_convert({dir / "matrix.xlsx", dir / "counts.xlsx"},
                                  "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                                  dir.path()) == 0);
    fs::path first = dir / "matrix-Control over data.csv";
    fs::path second = dir / "matrix-Trust in institutions.csv";
    REQUIRE(fs::exists(first));
    REQUIRE(fs::exists(second));
    auto rows = test::parse_csv(test::read_file(first));
    REQUIRE(rows.size() == 8);
    CHECK(rows[0] == std::vector<std::string>{"Case", "Control over data", "\u2003Being asked first"});
    CHECK(rows[1] == std::vector<std::string>{"P1", "Wants to be asked before records are used.\n[1 extract]", "[1 extract]"});
    CHECK(rows[2] == std::vector<std::string>{"P2", "[2 extracts]", "[1 extract]"});
    CHECK(rows[7] == std::vector<std::string>{"P7", "", ""});
    auto trust = test::parse_csv(test::read_file(second));
    REQUIRE(trust.size() == 8);
    CHECK(trust[4] == std::vector<std::string>{"P4", "[2 extracts]"});

    auto counts = test::parse_csv(test::read_file(dir / "counts-Framework matrix.csv"));
    REQUIRE(counts.size() == 8);
    CHECK(counts[2] == std::vector<std::string>{"P2", "2", "1", "0", "0"});
}

TEST_CASE("sheet names are valid and unique", "[export]") {
    std::vector<std::string> taken;
    CHECK(sheet_name("Control: over/data?", taken) == "Control- over-data-");
    CHECK(sheet_name("A very long theme name that goes on and on", taken) == "A very long theme name that goe");
    CHECK(sheet_name("a very long theme name that goes on and on", taken) == "a very long theme name that (2)");
    CHECK(sheet_name("", taken) == "Sheet");
    CHECK(sheet_name("'quoted'", taken) == "quoted");
}

TEST_CASE("DOCX: a valid WordprocessingML package that LibreOffice reads", "[export][office]") {
    test::Study s;
    test::TempDir dir;
    auto tables = matrix(s, false, CellContent::summary_and_extracts);
    Table odd;
    odd.title = "Escapes";
    odd.headers = {"Case", "Text"};
    odd.add({"P<1>", "fish & chips \"quoted\"\x01 caf\u00e9"});
    tables.push_back(odd);
    write_docx(tables, dir / "matrix.docx");
    std::string doc = zip_entry(dir / "matrix.docx", "word/document.xml");
    CHECK(doc.find("<w:tbl>") != std::string::npos);
    CHECK(doc.find("P&lt;1&gt;") != std::string::npos);
    CHECK(doc.find("fish &amp; chips &quot;quoted&quot; caf\u00e9") != std::string::npos);  // \x01 dropped
    CHECK(zip_entry(dir / "matrix.docx", "[Content_Types].xml").find("wordprocessingml.document.main+xml") != std::string::npos);
    CHECK(zip_entry(dir / "matrix.docx", "_rels/.rels").find("word/document.xml") != std::string::npos);

    if (!test::have_tool("soffice")) {
        WARN("soffice (LibreOffice) is not installed: DOCX not opened in its consumer (SKIPPED)");
        return;
    }
    REQUIRE(test::soffice_convert({dir / "matrix.docx"}, "txt:Text (encoded):UTF8", dir.path()) == 0);
    REQUIRE(fs::exists(dir / "matrix.txt"));
    std::string txt = test::read_file(dir / "matrix.txt");
    CHECK(txt.find("Framework matrix") != std::string::npos);
    CHECK(txt.find("Wants to be asked before records are used.") != std::string::npos);
    CHECK(txt.find("\u201CBeing asked matters to me too\u201D (P2, FG1)") != std::string::npos);
    CHECK(txt.find("Practical burden") != std::string::npos);
    CHECK(txt.find("fish & chips \"quoted\" caf\u00e9") != std::string::npos);
    CHECK(txt.find("P<1>") != std::string::npos);
    // Cells come out in table order: P6's row after P5's.
    CHECK(txt.find("P5") < txt.find("P6"));
}
