// `tessera map PROJECT --layout tree|network|stored -o map.svg|pdf|png|dot`: the thematic map via Graphviz.
#include "analysis/thematic_map.hpp"
#include "export/map_graphviz.hpp"
#include "ui/cli/cli_common.hpp"
#include "ui/cli/cli_registry.hpp"

#include <iostream>

namespace tessera::cli {
namespace {

struct Args {
    std::string path, layout = "tree", out, font = "Noto Sans", engine = "fdp";
    bool no_codes = false, all = false;
    double dpi = 300;
};

const Registrar kMap(62, [](CLI::App& app) {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("map", "Draw the thematic map (themes, sub-themes, codes, links) with Graphviz");
    cmd->add_option("PROJECT", a->path, "Project file")->required();
    cmd->add_option("--layout", a->layout, "tree (dot) | network (fdp/neato) | stored (saved positions)")->capture_default_str();
    cmd->add_option("-o,--output", a->out, "map.svg | map.pdf | map.png | map.dot")->required();
    cmd->add_flag("--no-codes", a->no_codes, "Themes and sub-themes only");
    cmd->add_flag("--all", a->all, "Include discarded themes (dashed)");
    cmd->add_option("--font", a->font, "Font family")->capture_default_str();
    cmd->add_option("--dpi", a->dpi, "PNG resolution")->capture_default_str();
    cmd->add_option("--engine", a->engine, "Network layout engine: fdp | neato")->capture_default_str();
    cmd->callback([a] {
        Project p = open_project(a->path);
        auto d = analysis::AnalysisData::load(p, false);
        analysis::MapOptions mo;
        mo.include_codes = !a->no_codes;
        mo.include_discarded = a->all;
        mo.code_owner_in_label = d.mixed_codebooks();
        auto map = analysis::build_thematic_map(d, mo);
        exporter::MapRenderOptions ro;
        ro.layout = exporter::map_layout_from_string(a->layout);
        ro.font = a->font;
        ro.dpi = a->dpi;
        ro.network_engine = a->engine;
        exporter::render_map(map, a->out, ro);
        std::cerr << "wrote " << a->out << ": " << map.nodes.size() << " nodes, " << map.edges.size() << " edges\n";
    });
});

}  // namespace
}  // namespace tessera::cli
