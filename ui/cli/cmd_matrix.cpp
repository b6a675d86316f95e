// `tessera matrix PROJECT --rows cases|documents --cols codes|themes [--where a=v] [--coder NAME|team]
//  --format xlsx|csv|md|tex|html|docx -o FILE`: the framework matrix, exported.
#include "analysis/matrix.hpp"
#include "analysis/table.hpp"
#include "export/table_export.hpp"
#include "ui/cli/cli_common.hpp"
#include "ui/cli/cli_registry.hpp"
#include "util/error.hpp"

#include <iostream>

namespace tessera::cli {
namespace {

struct Args {
    std::string path, rows = "cases", cols = "codes", coder, group_by, format, out, cell = "both";
    std::vector<std::string> where;
    bool per_theme = false, all = false, no_heat = false;
};

analysis::CellContent cell_content(const std::string& s) {
    if (s == "summary") return analysis::CellContent::summary;
    if (s == "counts") return analysis::CellContent::counts;
    if (s == "both") return analysis::CellContent::summary_and_counts;
    if (s == "extracts") return analysis::CellContent::summary_and_extracts;
    throw InvalidArgument("--cell must be summary, counts, both or extracts, not '" + s + "'");
}

const Registrar kMatrix(61, [](CLI::App& app) {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("matrix", "Export the framework matrix (cases or documents x codes or themes)");
    cmd->add_option("PROJECT", a->path, "Project file")->required();
    cmd->add_option("--rows", a->rows, "cases | documents")->capture_default_str();
    cmd->add_option("--cols", a->cols, "codes | themes")->capture_default_str();
    cmd->add_option("--where", a->where, "Keep cases with attribute=value (repeatable; all must match)");
    cmd->add_option("--group-by", a->group_by, "Order and label case rows by this attribute");
    cmd->add_option("--coder", a->coder, "Only this coder's codings ('team' for the team codebook)");
    cmd->add_option("--cell", a->cell, "Cell content: summary | counts | both | extracts")->capture_default_str();
    cmd->add_flag("--per-theme", a->per_theme, "One table (XLSX sheet) per top-level theme or root code");
    cmd->add_flag("--all", a->all, "Include discarded themes as columns");
    cmd->add_flag("--no-heat", a->no_heat, "No heat-map shading");
    cmd->add_option("--format", a->format, "xlsx | csv | md | tex | html | docx (default: from -o, else md)");
    cmd->add_option("-o,--output", a->out, "Output file (stdout for text formats when absent)");
    cmd->callback([a] {
        Project p = open_project(a->path);
        auto d = analysis::AnalysisData::load(p, a->cell == "extracts");
        analysis::MatrixSpec spec;
        spec.rows = analysis::matrix_rows_from_string(a->rows);
        spec.cols = analysis::matrix_cols_from_string(a->cols);
        spec.scope = analysis::coder_scope_from_name(d.coders(), a->coder);
        for (const auto& w : a->where) spec.where.push_back(analysis::AttributeFilter::parse(w));
        spec.group_by = a->group_by;
        spec.include_discarded = a->all;
        auto m = analysis::build_matrix(d, spec);
        analysis::MatrixTableOptions o;
        o.content = cell_content(a->cell);
        o.per_theme = a->per_theme;
        o.heat = !a->no_heat;
        auto tables = analysis::matrix_tables(m, d, o);
        auto format = !a->format.empty() ? exporter::table_format_from_string(a->format)
                      : !a->out.empty()  ? exporter::table_format_from_path(a->out)
                                         : exporter::TableFormat::markdown;
        const std::string title = "Framework matrix: " + p.path().filename().string();
        if (a->out.empty()) {
            std::cout << exporter::tables_to_string(tables, format, title);
            return;
        }
        exporter::write_tables(tables, format, a->out, title);
        std::cerr << "wrote " << a->out << ": " << m.rows.size() << " rows x " << m.cols.size() << " columns\n";
    });
});

}  // namespace
}  // namespace tessera::cli
