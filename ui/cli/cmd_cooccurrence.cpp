// `tessera cooccurrence PROJECT --by span|turn|document [--coder NAME|team] [--format ...] [-o FILE]`.
#include "analysis/cooccurrence.hpp"
#include "analysis/crosstab.hpp"
#include "analysis/table.hpp"
#include "export/table_export.hpp"
#include "ui/cli/cli_common.hpp"
#include "ui/cli/cli_registry.hpp"

#include <iostream>

namespace tessera::cli {
namespace {

struct Args {
    std::string path, by = "span", coder, format, out, attribute;
};

// Text formats go to stdout, everything to -o when given.
void emit(const std::vector<analysis::Table>& tables, const std::string& format_name, const std::string& out) {
    auto format = !format_name.empty() ? exporter::table_format_from_string(format_name)
                  : !out.empty()       ? exporter::table_format_from_path(out)
                                       : exporter::TableFormat::markdown;
    if (out.empty())
        std::cout << exporter::tables_to_string(tables, format, tables.empty() ? "" : tables[0].title);
    else
        exporter::write_tables(tables, format, out, tables.empty() ? "" : tables[0].title);
}

const Registrar kCooccurrence(63, [](CLI::App& app) {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("cooccurrence", "Code co-occurrence (same span, turn or document), or codes x attribute");
    cmd->add_option("PROJECT", a->path, "Project file")->required();
    cmd->add_option("--by", a->by, "span | turn | document")->capture_default_str();
    cmd->add_option("--attribute", a->attribute, "Instead: cross-tabulate codes by this case attribute");
    cmd->add_option("--coder", a->coder, "Only this coder's codings ('team' for the team codebook)");
    cmd->add_option("--format", a->format, "csv | md | tex | html | docx | xlsx (default: from -o, else md)");
    cmd->add_option("-o,--output", a->out, "Output file (stdout for text formats when absent)");
    cmd->callback([a] {
        Project p = open_project(a->path);
        auto d = analysis::AnalysisData::load(p, false);
        d = d.scoped(analysis::coder_scope_from_name(d.coders(), a->coder));
        if (!a->attribute.empty()) {
            emit({analysis::to_table(analysis::code_attribute_crosstab(d, a->attribute))}, a->format, a->out);
            return;
        }
        auto c = analysis::cooccurrence(d, analysis::cooccurrence_unit_from_string(a->by));
        emit({analysis::to_table(c)}, a->format, a->out);
    });
});

}  // namespace
}  // namespace tessera::cli
