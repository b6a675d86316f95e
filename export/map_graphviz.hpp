// Thematic map rendering through Graphviz's C API (cgraph + gvc): builds the graph from an
// analysis::ThematicMap, lays it out (dot tree, neato/fdp network, or stored positions) and
// renders SVG, PDF, PNG or DOT at publication quality.
#pragma once

#include "analysis/thematic_map.hpp"

#include <filesystem>
#include <string>

namespace tessera::exporter {

enum class MapLayout { tree, network, stored };
enum class MapFormat { svg, pdf, png, dot };

/// Parses "tree" | "network" | "stored"; throws InvalidArgument naming the bad value.
MapLayout map_layout_from_string(const std::string& s);
/// The format of a file by its extension (.svg .pdf .png .dot/.gv); throws InvalidArgument naming it.
MapFormat map_format_from_path(const std::filesystem::path& p);

struct MapRenderOptions {
    MapLayout layout = MapLayout::tree;
    std::string font = "Noto Sans";
    double dpi = 300;                  // PNG resolution (SVG/PDF are vector)
    std::string network_engine = "fdp";  // or "neato"
    int wrap_chars = 22;               // wrap node labels near this many characters
};

/// Lays out and renders `map` to `path` (format from the extension), atomically. Nodes without a
/// stored position are placed by neato around the pinned ones under MapLayout::stored.
/// Throws InvalidArgument for an empty map or unknown extension; Error naming the file, with
/// Graphviz's own message, when layout or rendering fails.
void render_map(const analysis::ThematicMap& map, const std::filesystem::path& path, const MapRenderOptions& o = {});

/// The DOT source of the graph before layout (for tests and debugging).
std::string map_to_dot(const analysis::ThematicMap& map, const MapRenderOptions& o = {});

/// `label` with a line break (Graphviz "\n") at a space near every `width` characters, backslashes escaped.
std::string wrap_label(const std::string& label, int width);

}  // namespace tessera::exporter
