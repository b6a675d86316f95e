// Thematic map view: a pan/zoom canvas of themes, sub-themes and codes with hierarchy edges and labelled
// links; dragging a theme stores its position (undoable); Graphviz lays the map out or exports it.
//
// [SECTION] positions
// [SECTION] Graphviz layout
// [SECTION] canvas
#include "commands/command_group.hpp"
#include "commands/project_commands.hpp"
#include "export/map_graphviz.hpp"
#include "util/error.hpp"
#include "ui/gui/analysis_cache.hpp"
#include "ui/gui/probe.hpp"
#include "ui/gui/views/analysis_common.hpp"
#include "ui/gui/views/views.hpp"
#include "ui/gui/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

namespace tessera::gui {
namespace {

// [SECTION] positions

struct Placed {
    const analysis::MapNode* node = nullptr;
    ImVec2 pos;  // map units (points), centre of the node
};

// Where each node is drawn: stored positions for themes; themes without one in a row (sub-themes
// under their parent); codes fanned out below their theme (codes have no stored position).
std::vector<Placed> place(const analysis::ThematicMap& m, const MapUi& u) {
    std::map<std::string, std::vector<std::string>> children;
    std::map<std::string, std::string> parent;
    for (const auto& e : m.edges)
        if (e.kind == analysis::MapEdge::Kind::hierarchy && !parent.count(e.to)) {
            children[e.from].push_back(e.to);
            parent[e.to] = e.from;
        }
    std::map<std::string, ImVec2> at;
    float next_x = 0;
    for (const auto& n : m.nodes) {
        if (n.kind == analysis::MapNode::Kind::code) continue;
        ImVec2 p;
        if (!u.drag_key.empty() && n.key == u.drag_key) p = ImVec2(u.drag_x, u.drag_y);
        else if (n.x && n.y) p = ImVec2(static_cast<float>(*n.x), static_cast<float>(*n.y));
        else if (auto it = parent.find(n.key); it != parent.end() && at.count(it->second)) {
            const auto& sib = children[it->second];
            auto idx = std::find(sib.begin(), sib.end(), n.key) - sib.begin();
            p = ImVec2(at[it->second].x + 200.0f * static_cast<float>(idx), at[it->second].y + 150);
        } else {
            p = ImVec2(next_x, 0);
            next_x += 320;
        }
        at[n.key] = p;
    }
    std::vector<Placed> out;
    for (const auto& n : m.nodes) {
        if (n.kind != analysis::MapNode::Kind::code) {
            out.push_back({&n, at[n.key]});
            continue;
        }
        auto it = parent.find(n.key);
        ImVec2 base = it != parent.end() && at.count(it->second) ? at[it->second] : ImVec2(next_x, 0);
        const auto& sib = children[it != parent.end() ? it->second : std::string()];
        float k = static_cast<float>(std::find(sib.begin(), sib.end(), n.key) - sib.begin());
        float count = static_cast<float>(std::max<std::size_t>(sib.size(), 1));
        out.push_back({&n, ImVec2(base.x + (k - (count - 1) / 2) * 130.0f, base.y + 95 + std::fmod(k, 2.0f) * 28)});
    }
    return out;
}

// [SECTION] Graphviz layout

// Node centres (points, y down) from Graphviz's laid-out DOT output, where a node's attributes may
// span several lines: each pos="x,y" belongs to the statement opened by the nearest '[' before it.
std::map<std::string, ImVec2> parse_positions(std::string dot, const analysis::ThematicMap& m) {
    for (std::size_t p; (p = dot.find("\\\n")) != std::string::npos;) dot.erase(p, 2);  // continuation lines
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    std::map<std::string, ImVec2> out;
    for (std::size_t at = 0; (at = dot.find("pos=\"", at)) != std::string::npos; at += 5) {
        if (at > 0 && !space(dot[at - 1]) && dot[at - 1] != ',' && dot[at - 1] != '[') continue;  // "lp=", "xlp="
        std::size_t br = dot.rfind('[', at);
        if (br == std::string::npos || dot.find(']', br) < at) continue;
        std::size_t e = br;
        while (e > 0 && space(dot[e - 1])) --e;
        std::size_t b = e;
        while (b > 0 && !space(dot[b - 1]) && dot[b - 1] != ';' && dot[b - 1] != '{') --b;
        std::size_t before = b;
        while (before > 0 && space(dot[before - 1])) --before;
        if (before >= 2 && (dot.compare(before - 2, 2, "->") == 0 || dot.compare(before - 2, 2, "--") == 0)) continue;
        std::string key = dot.substr(b, e - b);
        if (key.size() >= 2 && key.front() == '"' && key.back() == '"') key = key.substr(1, key.size() - 2);
        bool known = std::any_of(m.nodes.begin(), m.nodes.end(), [&](const auto& n) { return n.key == key; });
        double x = 0, y = 0;
        if (known && std::sscanf(dot.c_str() + at + 5, "%lf,%lf", &x, &y) == 2)
            out[key] = ImVec2(static_cast<float>(x), static_cast<float>(-y));
    }
    return out;
}

// Lays the map out with Graphviz and queues every theme's new position as one undoable step.
void layout(AppState& s, const analysis::AnalysisData& d, const analysis::ThematicMap& m, CommandQueue& q,
            exporter::MapLayout kind) {
    const auto tmp = std::filesystem::temp_directory_path() /
                     ("tessera-map-layout-" + std::to_string(static_cast<long>(::getpid())) + ".dot");
    try {
        exporter::MapRenderOptions o;
        o.layout = kind;
        exporter::render_map(m, tmp, o);
        std::ifstream f(tmp);
        std::string dot((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
        std::filesystem::remove(tmp);
        auto pos = parse_positions(dot, m);
        auto group = std::make_unique<CommandGroup>(kind == exporter::MapLayout::tree ? "Lay out the map as a tree"
                                                                                       : "Lay out the map as a network");
        float min_x = 0, min_y = 0;
        bool first = true;
        for (const auto& [key, p] : pos) {
            min_x = first ? p.x : std::min(min_x, p.x);
            min_y = first ? p.y : std::min(min_y, p.y);
            first = false;
        }
        for (const auto& n : m.nodes) {
            auto it = pos.find(n.key);
            if (n.kind == analysis::MapNode::Kind::code || it == pos.end()) continue;
            Theme t = d.theme(n.id);
            t.map_x = std::round(it->second.x - min_x);
            t.map_y = std::round(it->second.y - min_y);
            group->add(std::make_unique<UpdateTheme>(std::move(t)));
        }
        if (group->size() == 0) throw Error("Graphviz returned no positions for the themes");
        q.push(std::move(group));
        s.analysis.map.fitted = false;
    } catch (const std::exception& e) {
        std::error_code ec;
        std::filesystem::remove(tmp, ec);
        s.notify(Notification::Kind::error, "Could not lay out the map", e.what(),
                 "Check that Graphviz is installed; the stored positions are unchanged.");
    }
}

void export_popup(AppState& s, const AnalysisCache& ac, const analysis::ThematicMap& m) {
    MapUi& u = s.analysis.map;
    if (u.open_export) {
        u.open_export = false;
        if (u.export_path.empty()) u.export_path = (ac.project_dir() / "thematic-map.svg").string();
        ImGui::OpenPopup("Export map");
    }
    if (!ImGui::BeginPopupModal("Export map", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextDisabled("Format from the extension: .svg, .pdf, .png (300 dpi) or .dot");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
    ImGui::InputText("File", &u.export_path);
    ImGui::RadioButton("As placed here", &u.export_layout, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Tree (Graphviz dot)", &u.export_layout, 1);
    ImGui::SameLine();
    ImGui::RadioButton("Network", &u.export_layout, 2);
    if (ImGui::Button("Export")) {
        try {
            exporter::MapRenderOptions o;
            o.layout = u.export_layout == 1   ? exporter::MapLayout::tree
                       : u.export_layout == 2 ? exporter::MapLayout::network
                                              : exporter::MapLayout::stored;
            exporter::render_map(m, u.export_path, o);
            s.notify(Notification::Kind::info, "Map exported", u.export_path);
            ImGui::CloseCurrentPopup();
        } catch (const std::exception& e) {
            s.notify(Notification::Kind::error, "Could not export the map", e.what(),
                     "Use .svg, .pdf, .png or .dot, in a folder you can write to.");
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// [SECTION] canvas

ImU32 rgb(std::uint32_t c, float alpha = 1) {
    ImVec4 v = rgb_to_vec4(c);
    v.w = alpha;
    return ImGui::ColorConvertFloat4ToU32(v);
}

ImU32 tint(std::uint32_t c, float keep) {
    ImVec4 v = rgb_to_vec4(c);
    return ImGui::ColorConvertFloat4ToU32(
        ImVec4(v.x * keep + (1 - keep), v.y * keep + (1 - keep), v.z * keep + (1 - keep), 1));
}

void dashed_line(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float thick, float dash) {
    float len = std::hypot(b.x - a.x, b.y - a.y);
    if (len < 1) return;
    ImVec2 dir((b.x - a.x) / len, (b.y - a.y) / len);
    for (float t = 0; t < len; t += dash * 2) {
        float e = std::min(t + dash, len);
        dl->AddLine(ImVec2(a.x + dir.x * t, a.y + dir.y * t), ImVec2(a.x + dir.x * e, a.y + dir.y * e), col, thick);
    }
}

}  // namespace

void draw_map_view(AppState& s, const ModelCache&, const AnalysisCache& ac, CommandQueue& q) {
    if (!ac.data()) {
        ImGui::TextDisabled("Reading the project…");
        return;
    }
    MapUi& u = s.analysis.map;
    analysis::MapOptions mo;
    mo.include_codes = u.include_codes;
    mo.include_discarded = u.show_discarded;
    const analysis::ThematicMap& m = ac.map(mo);

    ImGui::BeginDisabled(m.nodes.empty());
    if (ImGui::Button("Layout: tree")) layout(s, *ac.data(), m, q, exporter::MapLayout::tree);
    ui::probe("map/layout_tree");
    tooltip("Graphviz hierarchical layout (theme → sub-theme → code); undo restores the old positions");
    ImGui::SameLine();
    if (ImGui::Button("Layout: network")) layout(s, *ac.data(), m, q, exporter::MapLayout::network);
    ui::probe("map/layout_network");
    ImGui::SameLine();
    if (ImGui::Button("Export…")) u.open_export = true;
    ui::probe("map/export");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::Checkbox("Codes", &u.include_codes);
    ImGui::SameLine();
    ImGui::Checkbox("Discarded themes", &u.show_discarded);
    ImGui::SameLine();
    if (ImGui::Button("Fit")) u.fitted = false;
    tooltip("Zoom and pan so the whole map shows");
    ImGui::SameLine();
    ImGui::TextDisabled("drag a theme to place it · drag empty space or middle mouse to pan · wheel zooms");
    export_popup(s, ac, m);

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    size.x = std::max(size.x, 100.0f);
    size.y = std::max(size.y, 100.0f);
    ImGui::InvisibleButton("##canvas", size, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonMiddle);
    ui::probe("map/canvas");
    const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
    dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), IM_COL32(252, 252, 250, 255));
    if (m.nodes.empty()) {
        dl->AddText(ImVec2(origin.x + 20, origin.y + 20), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                    "No themes yet: create themes in the Themes view.");
        dl->PopClipRect();
        return;
    }

    const ImGuiIO& io = ImGui::GetIO();
    // Zoom around the mouse so the point under it stays put.
    if (hovered && io.MouseWheel != 0) {
        float z = std::clamp(u.zoom * std::pow(1.15f, io.MouseWheel), 0.2f, 4.0f);
        float wx = (io.MousePos.x - origin.x - u.pan_x) / u.zoom, wy = (io.MousePos.y - origin.y - u.pan_y) / u.zoom;
        u.pan_x = io.MousePos.x - origin.x - wx * z;
        u.pan_y = io.MousePos.y - origin.y - wy * z;
        u.zoom = z;
    }
    auto to_screen = [&](ImVec2 p) { return ImVec2(origin.x + u.pan_x + p.x * u.zoom, origin.y + u.pan_y + p.y * u.zoom); };

    auto placed = place(m, u);
    if (!u.fitted && !placed.empty()) {
        // Whole map in view, never enlarged past 100 %.
        u.fitted = true;
        float x0 = FLT_MAX, y0 = FLT_MAX, x1 = -FLT_MAX, y1 = -FLT_MAX;
        for (const auto& p : placed) {
            x0 = std::min(x0, p.pos.x - 90);
            x1 = std::max(x1, p.pos.x + 90);
            y0 = std::min(y0, p.pos.y - 30);
            y1 = std::max(y1, p.pos.y + 30);
        }
        u.zoom = std::clamp(std::min(size.x / (x1 - x0), size.y / (y1 - y0)), 0.2f, 1.0f);
        u.pan_x = (size.x - (x1 - x0) * u.zoom) / 2 - x0 * u.zoom;
        u.pan_y = (size.y - (y1 - y0) * u.zoom) / 2 - y0 * u.zoom;
    }
    const float fs = ImGui::GetFontSize();
    struct Box {
        ImVec2 min, max;
    };
    std::map<std::string, Box> boxes;
    for (const auto& p : placed) {
        const auto& n = *p.node;
        float scale = n.kind == analysis::MapNode::Kind::theme ? 1.15f : n.kind == analysis::MapNode::Kind::subtheme ? 1.0f : 0.85f;
        float font = fs * scale * u.zoom;
        ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(font, FLT_MAX, 160 * u.zoom, n.label.c_str());
        ImVec2 c = to_screen(p.pos);
        float padx = 10 * u.zoom, pady = 6 * u.zoom;
        boxes[n.key] = {ImVec2(c.x - ts.x / 2 - padx, c.y - ts.y / 2 - pady), ImVec2(c.x + ts.x / 2 + padx, c.y + ts.y / 2 + pady)};
    }
    auto centre = [&](const std::string& k) {
        const Box& b = boxes[k];
        return ImVec2((b.min.x + b.max.x) / 2, (b.min.y + b.max.y) / 2);
    };

    // Press: on a theme starts placing it, elsewhere starts panning; middle mouse always pans.
    if (ImGui::IsItemActivated() && ImGui::IsMouseClicked(0)) {
        u.drag_key.clear();
        for (auto it = placed.rbegin(); it != placed.rend(); ++it) {
            const Box& b = boxes[it->node->key];
            if (it->node->kind != analysis::MapNode::Kind::code && io.MousePos.x >= b.min.x && io.MousePos.x <= b.max.x &&
                io.MousePos.y >= b.min.y && io.MousePos.y <= b.max.y) {
                u.drag_key = it->node->key;
                u.drag_x = it->pos.x;
                u.drag_y = it->pos.y;
                break;
            }
        }
        u.panning = u.drag_key.empty();
    }
    if (active && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
        if (!u.drag_key.empty() && ImGui::IsMouseDown(0)) {
            u.drag_x += io.MouseDelta.x / u.zoom;
            u.drag_y += io.MouseDelta.y / u.zoom;
        } else if (u.panning || ImGui::IsMouseDown(2)) {
            u.pan_x += io.MouseDelta.x;
            u.pan_y += io.MouseDelta.y;
        }
    }
    if (ImGui::IsItemDeactivated()) {
        if (!u.drag_key.empty()) {
            for (const auto& p : placed)
                if (p.node->key == u.drag_key) {
                    bool moved = !p.node->x || std::abs(*p.node->x - u.drag_x) > 0.5 || std::abs(*p.node->y - u.drag_y) > 0.5;
                    if (moved) {
                        Theme t = ac.data()->theme(p.node->id);
                        t.map_x = std::round(u.drag_x);
                        t.map_y = std::round(u.drag_y);
                        q.push(std::make_unique<UpdateTheme>(std::move(t)));
                    }
                }
            // Keep showing the dropped position until the project has it (the queue runs after this frame).
        }
        u.panning = false;
    }
    if (!active && !ImGui::IsItemDeactivated()) u.drag_key.clear();

    // Edges first, nodes on top.
    for (const auto& e : m.edges) {
        if (!boxes.count(e.from) || !boxes.count(e.to)) continue;
        ImVec2 a = centre(e.from), b = centre(e.to);
        if (e.kind == analysis::MapEdge::Kind::hierarchy) {
            dl->AddLine(a, b, IM_COL32(120, 120, 120, 255), 1.3f * u.zoom);
            continue;
        }
        dashed_line(dl, a, b, IM_COL32(50, 50, 50, 255), 1.6f * u.zoom, 6 * u.zoom);
        // Arrow head where the line meets the target box.
        const Box& tb = boxes[e.to];
        float len = std::hypot(b.x - a.x, b.y - a.y);
        if (len > 1) {
            ImVec2 dir((b.x - a.x) / len, (b.y - a.y) / len);
            float hx = (tb.max.x - tb.min.x) / 2, hy = (tb.max.y - tb.min.y) / 2;
            float t = std::min(dir.x != 0 ? hx / std::abs(dir.x) : FLT_MAX, dir.y != 0 ? hy / std::abs(dir.y) : FLT_MAX);
            ImVec2 tip(b.x - dir.x * t, b.y - dir.y * t);
            ImVec2 n(-dir.y, dir.x);
            float ah = 10 * u.zoom;
            dl->AddTriangleFilled(tip, ImVec2(tip.x - dir.x * ah + n.x * ah * 0.5f, tip.y - dir.y * ah + n.y * ah * 0.5f),
                                  ImVec2(tip.x - dir.x * ah - n.x * ah * 0.5f, tip.y - dir.y * ah - n.y * ah * 0.5f),
                                  IM_COL32(50, 50, 50, 255));
        }
        if (!e.label.empty()) {
            float font = fs * 0.85f * u.zoom;
            ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(font, FLT_MAX, 0, e.label.c_str());
            ImVec2 mid((a.x + b.x) / 2 - ts.x / 2, (a.y + b.y) / 2 - ts.y / 2);
            dl->AddRectFilled(ImVec2(mid.x - 3, mid.y - 1), ImVec2(mid.x + ts.x + 3, mid.y + ts.y + 1),
                              IM_COL32(252, 252, 250, 230), 3);
            dl->AddText(ImGui::GetFont(), font, mid, IM_COL32(40, 40, 40, 255), e.label.c_str());
        }
    }
    std::string hovered_key;
    for (const auto& p : placed) {
        const auto& n = *p.node;
        const Box& b = boxes[n.key];
        const bool is_code = n.kind == analysis::MapNode::Kind::code;
        float scale = n.kind == analysis::MapNode::Kind::theme ? 1.15f : n.kind == analysis::MapNode::Kind::subtheme ? 1.0f : 0.85f;
        float round = 6 * u.zoom;
        ImU32 fill = is_code ? IM_COL32(255, 255, 255, 255) : tint(n.color, n.kind == analysis::MapNode::Kind::theme ? 0.45f : 0.3f);
        dl->AddRectFilled(b.min, b.max, fill, round);
        float border = (n.kind == analysis::MapNode::Kind::theme ? 2.2f : is_code ? 1.0f : 1.6f) * u.zoom;
        if (n.key == u.drag_key) border *= 1.8f;
        dl->AddRect(b.min, b.max, rgb(n.color, n.discarded ? 0.5f : 1.0f), round, 0, border);
        float padx = 10 * u.zoom, pady = 6 * u.zoom;
        dl->AddText(ImGui::GetFont(), fs * scale * u.zoom, ImVec2(b.min.x + padx, b.min.y + pady),
                    n.discarded ? IM_COL32(120, 120, 120, 255) : IM_COL32(20, 20, 20, 255), n.label.c_str(), nullptr,
                    160 * u.zoom);
        ui::probe_rect("map/node/" + n.key, b.min, b.max);
        if (hovered && io.MousePos.x >= b.min.x && io.MousePos.x <= b.max.x && io.MousePos.y >= b.min.y &&
            io.MousePos.y <= b.max.y)
            hovered_key = n.key;
    }
    dl->PopClipRect();
    if (!hovered_key.empty() && u.drag_key.empty() && !active) {
        bool code = hovered_key[0] == 'c';
        ImGui::SetTooltip("%s", code ? "A code (placed under its theme; drag the theme to move it)"
                                     : "Drag to place this theme (saved, undoable)");
    }
}

}  // namespace tessera::gui
