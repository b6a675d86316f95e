// The thematic map as a graph model: themes, sub-themes and codes as nodes, hierarchy and labelled
// theme links as edges, with colours and stored positions. Layout and rendering live in export/.
#pragma once

#include "analysis/data.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tessera::analysis {

struct MapNode {
    enum class Kind { theme, subtheme, code };
    Kind kind = Kind::theme;
    std::string key;  // unique: "t12", "c40"
    RowId id = 0;
    std::string label;
    std::uint32_t color = 0;  // 0xRRGGBB
    bool discarded = false;
    std::optional<double> x, y;  // stored map position (themes only)
};

struct MapEdge {
    enum class Kind { hierarchy, link };
    Kind kind = Kind::hierarchy;
    std::string from, to;  // node keys
    std::string label;     // links only
};

struct ThematicMap {
    std::vector<MapNode> nodes;
    std::vector<MapEdge> edges;
};

struct MapOptions {
    bool include_codes = true;
    bool include_discarded = false;
    bool code_owner_in_label = false;  // "Trust [Amara]" when codebooks are mixed
};

/// The map of every (non-discarded) theme, its sub-themes and codes, and the links between shown themes.
ThematicMap build_thematic_map(const AnalysisData& d, const MapOptions& o = {});

}  // namespace tessera::analysis
