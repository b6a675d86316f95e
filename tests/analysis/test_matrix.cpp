// Framework matrix on the fixture study: cell-by-cell contents, filters, grouping, scopes, tables.
#include "analysis/matrix.hpp"
#include "analysis/table.hpp"
#include "analysis/study_fixture.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace tessera;
using namespace tessera::analysis;

namespace {

std::set<RowId> ids(const MatrixCellData& c) { return {c.coding_ids.begin(), c.coding_ids.end()}; }

}  // namespace

TEST_CASE("cases x themes matrix holds the right codings in every cell", "[analysis]") {
    test::Study s;
    auto d = AnalysisData::load(s.p);
    MatrixSpec spec;
    spec.rows = MatrixRows::cases;
    spec.cols = MatrixCols::themes;
    auto m = build_matrix(d, spec);

    // Columns: visible themes in tree order; the discarded theme is left out.
    REQUIRE(m.cols.size() == 4);
    CHECK(m.cols[0].label == "Control over data");
    CHECK(m.cols[1].label == "Being asked first");
    CHECK(m.cols[1].depth == 1);
    CHECK(m.cols[1].top_id == s.t_control);
    CHECK(m.cols[2].label == "Trust in institutions");
    CHECK(m.cols[3].label == "Practical burden");
    // Rows: every case, naturally ordered, P7 (never spoke) as an empty row.
    REQUIRE(m.rows.size() == 7);
    for (int i = 0; i < 7; ++i) CHECK(m.rows[static_cast<std::size_t>(i)].label == "P" + std::to_string(i + 1));

    auto& c = s.coding;
    using S = std::set<RowId>;
    const std::vector<std::vector<S>> expected = {
        {{c[2]}, {c[2]}, {c[1]}, {}},               // P1
        {{c[3], c[13]}, {c[3]}, {}, {}},            // P2 (13 spans P2 and P3)
        {{c[5], c[13]}, {}, {}, {c[4]}},            // P3
        {{}, {}, {c[6], c[7]}, {}},                 // P4
        {{c[9]}, {}, {c[8]}, {}},                   // P5
        {{c[10]}, {c[10]}, {}, {c[11]}},            // P6
        {{}, {}, {}, {}},                           // P7
    };
    for (std::size_t r = 0; r < 7; ++r)
        for (std::size_t col = 0; col < 4; ++col) {
            INFO("row " << m.rows[r].label << " column " << m.cols[col].label);
            CHECK(ids(m.at(r, col)) == expected[r][col]);
        }
    CHECK(m.max_count == 2);
    CHECK(m.heat(3, 2) == Approx(1.0));
    CHECK(m.heat(0, 2) == Approx(0.5));
    // The charted summary sits in its cell with its linked extract.
    CHECK(m.at(0, 0).summary == "Wants to be asked before records are used.");
    CHECK(m.at(0, 0).charted_coding_ids == std::vector<RowId>{c[2]});
    CHECK(m.at(0, 0).cell_id.has_value());
    CHECK(m.at(1, 0).summary.empty());
}

TEST_CASE("documents x codes matrix, team scope, counts per cell", "[analysis]") {
    test::Study s;
    auto d = AnalysisData::load(s.p);
    MatrixSpec spec;
    spec.rows = MatrixRows::documents;
    spec.cols = MatrixCols::codes;
    spec.scope = CoderScope::team();
    auto m = build_matrix(d, spec);
    REQUIRE(m.rows.size() == 3);
    CHECK(m.rows[0].label == "FG1");
    CHECK(m.rows[2].label == "INT1");
    // Team codebook only, tree order: Trust, Consent, Consent/Being asked, Data sharing, Burden.
    REQUIRE(m.cols.size() == 5);
    CHECK(m.cols[0].label == "Trust");
    CHECK(m.cols[1].label == "Consent");
    CHECK(m.cols[2].label == "Consent/Being asked");
    CHECK(m.cols[2].depth == 1);
    CHECK(m.cols[3].label == "Data sharing");
    CHECK(m.cols[4].label == "Burden");
    const std::vector<std::vector<std::int64_t>> counts = {{1, 2, 2, 0, 1}, {1, 1, 0, 2, 0}, {0, 0, 1, 0, 1}};
    for (std::size_t r = 0; r < 3; ++r)
        for (std::size_t col = 0; col < 5; ++col) {
            INFO(m.rows[r].label << " x " << m.cols[col].label);
            CHECK(m.count(r, col) == counts[r][col]);
        }
}

TEST_CASE("matrix filters and groups rows by case attributes; one coder's scope", "[analysis]") {
    test::Study s;
    auto d = AnalysisData::load(s.p);
    MatrixSpec spec;
    spec.cols = MatrixCols::themes;
    spec.where = {AttributeFilter::parse("gender=woman")};
    auto m = build_matrix(d, spec);
    std::vector<std::string> labels;
    for (const auto& r : m.rows) labels.push_back(r.label);
    CHECK(labels == std::vector<std::string>{"P1", "P3", "P4", "P7"});

    spec.where.clear();
    spec.group_by = "site";
    spec.include_empty_rows = false;
    m = build_matrix(d, spec);
    labels.clear();
    for (const auto& r : m.rows) labels.push_back(r.group + ":" + r.label);
    CHECK(labels == std::vector<std::string>{"Hull:P4", "Hull:P5", "Leeds:P1", "Leeds:P2", "Leeds:P3", "Leeds:P6"});

    // Ben's codings only: his two, on team codes, as code columns.
    MatrixSpec ben;
    ben.rows = MatrixRows::documents;
    ben.scope = CoderScope::coder(s.ben);
    m = build_matrix(d, ben);
    std::int64_t total = 0;
    for (std::size_t r = 0; r < m.rows.size(); ++r)
        for (std::size_t col = 0; col < m.cols.size(); ++col) total += m.count(r, col);
    CHECK(total == 2);
    REQUIRE(m.col_index(s.consent) >= 0);
    CHECK(m.count(0, static_cast<std::size_t>(m.col_index(s.consent))) == 1);

    // Document rows under a filter keep only what those cases said.
    MatrixSpec docs;
    docs.rows = MatrixRows::documents;
    docs.cols = MatrixCols::themes;
    docs.where = {{"site", "Hull"}};
    m = build_matrix(d, docs);
    REQUIRE(m.rows.size() == 1);
    CHECK(m.rows[0].label == "FG2");

    MatrixSpec bad;
    bad.where = {{"diagnosis", "x"}};
    CHECK_THROWS_AS(build_matrix(d, bad), InvalidArgument);
    CHECK_THROWS_AS(AttributeFilter::parse("gender"), InvalidArgument);
    CHECK_THROWS_AS(matrix_rows_from_string("people"), InvalidArgument);
}

TEST_CASE("matrix tables: per-theme split, cell text with counts and extracts", "[analysis]") {
    test::Study s;
    auto d = AnalysisData::load(s.p);
    MatrixSpec spec;
    spec.cols = MatrixCols::themes;
    auto m = build_matrix(d, spec);
    MatrixTableOptions o;
    auto one = matrix_tables(m, d, o);
    REQUIRE(one.size() == 1);
    REQUIRE_NOTHROW(one[0].check());
    CHECK(one[0].headers.size() == 5);
    CHECK(one[0].rows[0][1] == "Wants to be asked before records are used.\n[1 extract]");
    CHECK(one[0].rows[3][3] == "[2 extracts]");
    CHECK(one[0].rows[6][1].empty());
    CHECK(one[0].heat[3][3] == Approx(1.0));
    CHECK(one[0].heat[6][1] < 0);

    o.per_theme = true;
    auto split = matrix_tables(m, d, o);
    REQUIRE(split.size() == 3);
    CHECK(split[0].title == "Control over data");
    CHECK(split[0].headers.size() == 3);  // Case, theme, sub-theme

    o.content = CellContent::summary_and_extracts;
    std::string cell = matrix_cell_text(m, d, 1, 0, o);
    CHECK(cell.find("\u201CBeing asked matters to me too\u201D (P2, FG1)") != std::string::npos);
    CHECK(natural_less("P2", "P10"));
    CHECK_FALSE(natural_less("P10", "P2"));
}
