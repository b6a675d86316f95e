// Text table exporters: CSV (RFC 4180), Markdown (pipe tables), LaTeX (booktabs) and standalone HTML,
// each from analysis::Table, as strings or written atomically to a file.
#pragma once

#include "analysis/table.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace tessera::exporter {

using analysis::Table;

/// CSV of the tables; several tables are separated by a blank line, each preceded by its title.
std::string to_csv(const std::vector<Table>& tables);
/// Markdown: "### title", a pipe table (pipes and newlines escaped), notes in italics.
std::string to_markdown(const std::vector<Table>& tables);

struct LatexOptions {
    bool standalone = true;      // a complete document (article, booktabs, utf8) rather than a fragment
    double column_width_cm = 3.5;  // p{} width of the data columns, so long cells wrap
};
/// LaTeX with booktabs rules; special characters escaped; cell line breaks become \newline.
std::string to_latex(const std::vector<Table>& tables, const LatexOptions& o = {});
/// A standalone HTML5 page, UTF-8, every cell escaped, heat shown as background colour.
std::string to_html(const std::vector<Table>& tables, const std::string& page_title = "Tessera export");

/// Escapers, exposed for tests and other exporters.
std::string escape_latex(const std::string& s);
std::string escape_html(const std::string& s);
std::string escape_markdown(const std::string& s);

/// Background colour for a heat level in [0, 1]: white to a muted blue, as "#RRGGBB".
std::string heat_colour(double level);

}  // namespace tessera::exporter
