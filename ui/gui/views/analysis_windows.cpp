// Placement of the themes, thematic map and framework matrix windows, and opening them by name (--view).
#include "ui/gui/analysis_cache.hpp"
#include "ui/gui/views/views.hpp"
#include "ui/gui/widgets.hpp"

#include <imgui.h>

#include <cmath>

namespace tessera::gui {

void open_analysis_panel(AppState& s, const std::string& panel) {
    if (panel == "themes") s.panels.themes = true;
    if (panel == "map") s.panels.map = true;
    if (panel == "matrix") s.panels.matrix = true;
    s.analysis.focus = panel;
}

void draw_analysis_windows(AppState& s, const ModelCache& c, const AnalysisCache& a, CommandQueue& q) {
    // They open over the transcript and details, leaving the codebook free to drag codes from.
    const ImGuiIO& io = ImGui::GetIO();
    const float top = ImGui::GetFrameHeight();
    const float x = std::floor(io.DisplaySize.x * 0.26f);
    const ImVec2 size(io.DisplaySize.x - x, io.DisplaySize.y - top);
    struct Win {
        const char* title;
        const char* name;
        bool* open;
        void (*draw)(AppState&, const ModelCache&, const AnalysisCache&, CommandQueue&);
    };
    const Win wins[] = {{"Themes", "themes", &s.panels.themes, draw_themes_view},
                        {"Thematic map", "map", &s.panels.map, draw_map_view},
                        {"Framework matrix", "matrix", &s.panels.matrix, draw_matrix_view}};
    for (const auto& w : wins) {
        if (!*w.open) continue;
        ImGui::SetNextWindowPos(ImVec2(x, top), ImGuiCond_FirstUseEver);
        ImGui::SetNextWindowSize(size, ImGuiCond_FirstUseEver);
        if (s.analysis.focus == w.name) {
            ImGui::SetNextWindowFocus();
            s.analysis.focus.clear();
        }
        if (ImGui::Begin(w.title, w.open,
                         floating_window_flags(ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar)))
            w.draw(s, c, a, q);
        ImGui::End();
    }
}

}  // namespace tessera::gui
