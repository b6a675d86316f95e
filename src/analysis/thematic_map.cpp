// Implementation of thematic_map.hpp.
#include "analysis/thematic_map.hpp"

#include "analysis/theme_support.hpp"

#include <set>

namespace tessera::analysis {

ThematicMap build_thematic_map(const AnalysisData& d, const MapOptions& o) {
    ThematicMap m;
    std::set<RowId> shown;
    std::set<RowId> codes_shown;
    for (auto [id, depth] : theme_tree(d, o.include_discarded)) {
        const Theme& t = d.theme(id);
        MapNode n;
        n.kind = depth == 0 ? MapNode::Kind::theme : MapNode::Kind::subtheme;
        n.key = "t" + std::to_string(id);
        n.id = id;
        n.label = t.name;
        n.color = t.color;
        n.discarded = t.status == ThemeStatus::discarded;
        n.x = t.map_x;
        n.y = t.map_y;
        m.nodes.push_back(n);
        shown.insert(id);
        if (t.parent_id && shown.count(*t.parent_id))
            m.edges.push_back({MapEdge::Kind::hierarchy, "t" + std::to_string(*t.parent_id), n.key, ""});
        if (!o.include_codes) continue;
        for (RowId c : t.code_ids) {
            std::string key = "c" + std::to_string(c);
            if (codes_shown.insert(c).second) {
                const Code& code = d.code(c);
                MapNode cn;
                cn.kind = MapNode::Kind::code;
                cn.key = key;
                cn.id = c;
                cn.label = d.code_label(c, o.code_owner_in_label);
                cn.color = code.color;
                m.nodes.push_back(cn);
            }
            m.edges.push_back({MapEdge::Kind::hierarchy, n.key, key, ""});
        }
    }
    for (const auto& l : d.theme_links())
        if (shown.count(l.from_theme) && shown.count(l.to_theme))
            m.edges.push_back({MapEdge::Kind::link, "t" + std::to_string(l.from_theme), "t" + std::to_string(l.to_theme), l.label});
    return m;
}

}  // namespace tessera::analysis
