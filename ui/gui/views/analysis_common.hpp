// Helpers shared by the theme, map and matrix views: jumping to an extract, heat and status colours.
#pragma once

#include "model/coding.hpp"
#include "model/theme.hpp"
#include "ui/gui/app_state.hpp"

#include <imgui.h>

#include <algorithm>

namespace tessera::gui {

/// Opens the coding's document in the transcript, selects the coded span and scrolls to it.
inline void jump_to_coding(AppState& s, const Coding& c) {
    s.document_id = c.document_id;
    s.selection = {c.span.start, c.span.end};
    s.selected_coding = c.id;
    s.scroll_to_cp = c.span.start;
}

/// Fill colour of a heat-map cell at `level` in [0, 1]: pale yellow to deep orange; 0 means no fill.
inline ImU32 heat_color(double level) {
    if (level <= 0) return 0;
    const float t = static_cast<float>(std::clamp(level, 0.0, 1.0));
    return IM_COL32(255, static_cast<int>(244 - 150 * t), static_cast<int>(214 - 190 * t), 255);
}

/// Badge colour of a theme status.
inline ImVec4 status_color(ThemeStatus s) {
    switch (s) {
    case ThemeStatus::candidate: return ImVec4(0.55f, 0.45f, 0.1f, 1);
    case ThemeStatus::reviewed: return ImVec4(0.15f, 0.4f, 0.7f, 1);
    case ThemeStatus::final_: return ImVec4(0.1f, 0.5f, 0.2f, 1);
    case ThemeStatus::discarded: return ImVec4(0.5f, 0.5f, 0.5f, 1);
    }
    return ImVec4(0, 0, 0, 1);
}

}  // namespace tessera::gui
