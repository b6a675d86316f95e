// `tessera saturation PROJECT [--coder NAME|team] [--merge-paths] [--format ...] [-o FILE]`: new codes per
// document in collection order, as a table (and a text curve on the terminal).
#include "analysis/saturation.hpp"
#include "analysis/table.hpp"
#include "export/table_export.hpp"
#include "ui/cli/cli_common.hpp"
#include "ui/cli/cli_registry.hpp"

#include <iostream>

namespace tessera::cli {
namespace {

struct Args {
    std::string path, coder, format, out;
    bool merge = false, json = false;
};

const Registrar kSaturation(64, [](CLI::App& app) {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("saturation", "New codes contributed by each document in collection order");
    cmd->add_option("PROJECT", a->path, "Project file")->required();
    cmd->add_option("--coder", a->coder, "Only this coder's codings ('team' for the team codebook)");
    cmd->add_flag("--merge-paths", a->merge, "Count codes with the same path in different codebooks as one");
    cmd->add_flag("--json", a->json, "Print JSON");
    cmd->add_option("--format", a->format, "csv | md | tex | html | docx | xlsx (default: a terminal table and curve)");
    cmd->add_option("-o,--output", a->out, "Output file");
    cmd->callback([a] {
        Project p = open_project(a->path);
        auto d = analysis::AnalysisData::load(p, false);
        d = d.scoped(analysis::coder_scope_from_name(d.coders(), a->coder));
        auto s = analysis::saturation(d, a->merge);
        auto table = analysis::to_table(s);
        if (a->json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& pt : s.points)
                out.push_back({{"document", pt.document_name}, {"position", pt.position}, {"codings", pt.codings},
                               {"codes_used", pt.codes_used}, {"new_codes", pt.new_codes},
                               {"cumulative_codes", pt.cumulative_codes}, {"new_code_names", pt.new_code_labels}});
            std::cout << out.dump(2) << "\n";
            return;
        }
        if (!a->out.empty() || !a->format.empty()) {
            auto format = !a->format.empty() ? exporter::table_format_from_string(a->format)
                                             : exporter::table_format_from_path(a->out);
            if (a->out.empty()) std::cout << exporter::tables_to_string({table}, format, table.title);
            else exporter::write_tables({table}, format, a->out, table.title);
            return;
        }
        Table t(table.headers);
        for (const auto& r : table.rows) t.add(r);
        t.print(std::cout, false);
        // The curve: cumulative codes per document, one bar each.
        std::cout << "\ncumulative codes\n";
        for (std::size_t i = 0; i < s.points.size(); ++i) {
            const auto& pt = s.points[i];
            std::size_t width = s.total_codes ? static_cast<std::size_t>(40 * pt.cumulative_codes / s.total_codes) : 0;
            std::string bar;
            for (std::size_t k = 0; k < width; ++k) bar += "\u2588";
            std::cout << (i + 1 < 10 ? " " : "") << i + 1 << " " << bar << " " << pt.cumulative_codes
                      << (pt.new_codes ? " (+" + std::to_string(pt.new_codes) + ")" : "") << "\n";
        }
    });
});

}  // namespace
}  // namespace tessera::cli
