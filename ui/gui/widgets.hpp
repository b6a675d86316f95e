// Small widgets shared by the views: tooltips with keyboard paths, colour conversion, key tests.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>

namespace tessera::gui {

/// Shows `text` as a tooltip when the last item is hovered.
inline void tooltip(const char* text) {
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", text);
}

/// Flags for a floating window that may first appear while a modal is up (the coder chooser, an
/// import preview): Dear ImGui 1.86 asserts when such a window takes focus on appearing under a
/// modal it cannot find the blocker of, so it appears without focus, behind the modal.
inline ImGuiWindowFlags floating_window_flags(ImGuiWindowFlags flags) {
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel))
        flags |= ImGuiWindowFlags_NoFocusOnAppearing;
    return flags;
}

/// A problem said where the user is looking (in red, wrapped), rather than in a popup that would
/// close the one it is about.
inline void problem_text(const std::string& text) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.2f, 1), "%s", text.c_str());
    ImGui::PopTextWrapPos();
}

/// 0xRRGGBB as an opaque ImGui colour.
inline ImVec4 rgb_to_vec4(std::uint32_t rgb) {
    return ImVec4(((rgb >> 16) & 0xFF) / 255.0f, ((rgb >> 8) & 0xFF) / 255.0f, (rgb & 0xFF) / 255.0f, 1.0f);
}

inline std::uint32_t vec4_to_rgb(const float c[3]) {
    auto ch = [](float v) { return static_cast<std::uint32_t>(v * 255.0f + 0.5f) & 0xFF; };
    return (ch(c[0]) << 16) | (ch(c[1]) << 8) | ch(c[2]);
}

/// A colour swatch the height of a line (codes in lists and trees).
inline void color_swatch(std::uint32_t rgb) {
    float h = ImGui::GetTextLineHeight() * 0.8f;
    ImVec2 p = ImGui::GetCursorScreenPos();
    float pad = (ImGui::GetTextLineHeight() - h) * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + pad), ImVec2(p.x + h, p.y + pad + h),
                                              ImGui::ColorConvertFloat4ToU32(rgb_to_vec4(rgb)), 2);
    ImGui::Dummy(ImVec2(h, ImGui::GetTextLineHeight()));
    ImGui::SameLine();
}

/// Key tests on the 1.86 key model: letters and digits are their ASCII codes (GLFW's key codes).
inline bool key_chord(bool ctrl, bool shift, int key) {
    const ImGuiIO& io = ImGui::GetIO();
    return io.KeyCtrl == ctrl && io.KeyShift == shift && ImGui::IsKeyPressed(key, false);
}

}  // namespace tessera::gui

#include <string>
#include <vector>

namespace tessera::gui {

/// A run of text in one colour, for flowing_text().
struct TextRun {
    std::string text;  // UTF-8
    ImU32 color = 0;
};

/// Draws runs as one word-wrapped paragraph (1.86's TextWrapped cannot change colour mid-paragraph).
/// Newlines start a new line.
void flowing_text(const std::vector<TextRun>& runs);

}  // namespace tessera::gui
