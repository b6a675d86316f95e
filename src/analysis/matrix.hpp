// Framework matrix (Framework Method charting): rows are cases or documents, columns codes or themes
// with their sub-themes; each cell holds the analyst's summary, the codings behind it and counts.
#pragma once

#include "analysis/data.hpp"

#include <string>
#include <vector>

namespace tessera::analysis {

enum class MatrixRows { cases, documents };
enum class MatrixCols { codes, themes };

/// Parses "cases"|"documents" and "codes"|"themes"; throw InvalidArgument naming the bad value.
MatrixRows matrix_rows_from_string(const std::string& s);
MatrixCols matrix_cols_from_string(const std::string& s);

/// `name=value` on a case attribute. Several filters must all match.
struct AttributeFilter {
    std::string name;
    std::string value;
    /// The case's value is `value`, or lists it ("groups=MC1" matches "FG1;MC1").
    bool matches(const Case& c) const;
    /// Parses "name=value"; throws InvalidArgument when there is no '=' or no name.
    static AttributeFilter parse(const std::string& s);
};

struct MatrixSpec {
    MatrixRows rows = MatrixRows::cases;
    MatrixCols cols = MatrixCols::codes;
    CoderScope scope;                    // whose codings (and, for code columns, whose codes)
    std::vector<AttributeFilter> where;  // case rows: cases kept; document rows: codings kept by their cases
    std::string group_by;                // case attribute: case rows ordered and labelled by its value
    bool include_discarded = false;      // discarded themes as columns
    bool include_empty_rows = true;
};

struct MatrixRow {
    MatrixAxis kind = MatrixAxis::case_;
    RowId id = 0;
    std::string label;
    std::string group;  // value of spec.group_by ("" when not grouping)
};

struct MatrixColumn {
    MatrixAxis kind = MatrixAxis::code;
    RowId id = 0;
    std::string label;      // name (codes: path, with the owner when codebooks are mixed)
    int depth = 0;          // sub-theme / sub-code depth
    RowId top_id = 0;       // top-level theme (or root code) this column belongs to
    std::string top_label;
    std::uint32_t color = 0;
};

struct MatrixCellData {
    OptId cell_id;                          // the stored charted cell, when there is one
    std::string summary;                    // analyst's charted summary
    std::vector<RowId> charted_coding_ids;  // extracts the analyst linked to the summary
    std::vector<RowId> coding_ids;          // every coding in this row and column
};

/// Invariant: cells.size() == rows.size() * cols.size(), row-major.
struct FrameworkMatrix {
    std::vector<MatrixRow> rows;
    std::vector<MatrixColumn> cols;
    std::vector<MatrixCellData> cells;
    std::int64_t max_count = 0;

    const MatrixCellData& at(std::size_t r, std::size_t c) const { return cells[r * cols.size() + c]; }
    std::int64_t count(std::size_t r, std::size_t c) const {
        return static_cast<std::int64_t>(at(r, c).coding_ids.size());
    }
    /// Heat-map level of a cell: count / max_count in [0, 1] (0 when the matrix is empty).
    double heat(std::size_t r, std::size_t c) const;
    /// Index of the row/column with this id, or -1.
    int row_index(RowId id) const;
    int col_index(RowId id) const;
};

/// Builds the matrix. A coding counts in every case row whose speaker's turn overlaps it, and in
/// every theme column whose theme (or a sub-theme) holds its code. Throws InvalidArgument when a
/// filter or group_by names an attribute no case has.
FrameworkMatrix build_matrix(const AnalysisData& d, const MatrixSpec& spec);

/// "Natural" order for labels: "P2" < "P10".
bool natural_less(const std::string& a, const std::string& b);

}  // namespace tessera::analysis
