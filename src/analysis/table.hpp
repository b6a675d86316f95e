// A plain table (title, headers, text cells, optional heat shading) that every table exporter
// writes, and converters from each analysis to it. No file formats here.
#pragma once

#include "analysis/cooccurrence.hpp"
#include "analysis/crosstab.hpp"
#include "analysis/extracts.hpp"
#include "analysis/matrix.hpp"
#include "analysis/sample.hpp"
#include "analysis/saturation.hpp"
#include "analysis/theme_support.hpp"

#include <string>
#include <vector>

namespace tessera::analysis {

/// Invariants: every row has headers.size() cells; heat is empty or the same shape as rows, each
/// value in [0, 1] or negative for "no shading".
struct Table {
    std::string title;    // caption; sheet name in workbooks
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::vector<double>> heat;
    std::size_t header_cols = 1;  // leading columns that label the row (frozen in XLSX, <th> in HTML)
    std::vector<std::string> notes;

    /// Appends a row, padding or cutting it to the header width.
    void add(std::vector<std::string> row);
    /// Throws InvalidArgument naming the table when the invariants do not hold.
    void check() const;
};

/// What a matrix cell shows when written out.
enum class CellContent { summary, counts, summary_and_counts, summary_and_extracts };

struct MatrixTableOptions {
    CellContent content = CellContent::summary_and_counts;
    std::size_t max_extracts = 3;  // per cell, for summary_and_extracts
    bool heat = true;              // shade cells by count
    bool per_theme = false;        // one table per top-level theme (or root code) instead of one
};

/// The matrix as one table, or one per top-level column group. Row labels lead; a "Group" column
/// follows when rows are grouped. Extract texts need `d` to have been loaded with texts.
std::vector<Table> matrix_tables(const FrameworkMatrix& m, const AnalysisData& d, const MatrixTableOptions& o = {});

/// Text of one matrix cell under `content`.
std::string matrix_cell_text(const FrameworkMatrix& m, const AnalysisData& d, std::size_t r, std::size_t c,
                             const MatrixTableOptions& o);

Table to_table(const Cooccurrence& c);
Table to_table(const Saturation& s);
Table to_table(const CrossTab& t);
Table to_table(const ThemeCoverage& c);
/// Support per theme: extracts, participants, documents, groups, coders, warnings.
Table to_table(const std::vector<ThemeSupport>& s);
/// Sample characteristics as "Characteristic | Value" rows (mean (SD), range; n (%)).
Table to_table(const SampleCharacteristics& s);
/// Illustrative quotes: theme, quote, participant label.
Table quotes_table(const std::string& theme_name, const std::vector<Extract>& quotes);

/// `v` with `digits` decimals in the C locale.
std::string format_fixed(double v, int digits);

}  // namespace tessera::analysis
