// Coding actions and their popups: quick-search code picker (Ctrl+K), new code from selection (Ctrl+N), in vivo.
#include "commands/coding_commands.hpp"
#include "text/text.hpp"
#include "ui/gui/gui_commands.hpp"
#include "ui/gui/probe.hpp"
#include "ui/gui/views/views.hpp"
#include "ui/gui/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace tessera::gui {
namespace {

bool can_code(const AppState& s, const ModelCache& c) {
    return s.coder_id && c.open_document() && !s.selection.empty();
}

/// Codes this coder may apply: their own and the team's.
std::vector<const Code*> usable_codes(const AppState& s, const ModelCache& c, const std::string& filter) {
    std::vector<const Code*> out;
    std::string f = text::fold_case(filter);
    for (const auto& code : c.codes()) {
        if (code.owner_coder_id && code.owner_coder_id != s.coder_id) continue;
        if (!f.empty() && text::fold_case(c.code_path(code.id)).find(f) == std::string::npos) continue;
        out.push_back(&code);
    }
    // Names starting with the filter first: typing "tru" puts "Trust" above "Distrust".
    std::stable_sort(out.begin(), out.end(), [&](const Code* a, const Code* b) {
        bool pa = text::fold_case(a->name).rfind(f, 0) == 0, pb = text::fold_case(b->name).rfind(f, 0) == 0;
        return pa > pb;
    });
    return out;
}

std::uint32_t next_color(const AppState& s, const ModelCache& c) {
    std::size_t own = 0;
    for (const auto& code : c.codes()) own += code.owner_coder_id == s.coder_id;
    return palette_color(own);
}

}  // namespace

void code_selection(AppState& s, const ModelCache& c, CommandQueue& q, RowId code) {
    if (!can_code(s, c)) return;
    const Code* k = c.code(code);
    if (!k) return;
    q.push(std::make_unique<ApplyCode>(c.open_document()->doc.id, s.selection.span(), code, *s.coder_id),
           [code](AppState& st, Command*) { st.touch_recent(code); });
}

void code_with_new(AppState& s, const ModelCache& c, CommandQueue& q, const std::string& name) {
    if (!can_code(s, c) || name.empty()) return;
    CodeFields f;
    f.name = name;
    f.color = next_color(s, c);
    q.push(std::make_unique<CreateCodeAndApply>(f, std::nullopt, *s.coder_id, c.open_document()->doc.id,
                                                s.selection.span()),
           [](AppState& st, Command* cmd) {
               RowId id = static_cast<CreateCodeAndApply*>(cmd)->code_id();
               st.touch_recent(id);
               st.selected_code = id;
           });
}

void code_in_vivo(AppState& s, const ModelCache& c, CommandQueue& q) {
    if (!can_code(s, c)) return;
    std::string words(c.open_document()->index.slice(s.selection.span()));
    // The participant's own words, on one line, trimmed and kept short enough for a code name.
    for (auto& ch : words)
        if (ch == '\n' || ch == '\t' || ch == '\r') ch = ' ';
    auto b = words.find_first_not_of(" \"'“‘");
    auto e = words.find_last_not_of(" \"'”’.,;:");
    if (b == std::string::npos) return;
    words = words.substr(b, e - b + 1);
    if (text::count_code_points(words) > 80) {
        std::u32string u = text::to_utf32(words).substr(0, 79);
        words.clear();
        for (char32_t ch : u) words += text::from_code_point(ch);
        words += "…";
    }
    code_with_new(s, c, q, "“" + words + "”");
}

void draw_code_popups(AppState& s, const ModelCache& c, CommandQueue& q) {
    if (s.code_picker_open) {
        s.code_picker_open = false;
        if (can_code(s, c)) {
            s.picker_filter.clear();
            s.picker_index = 0;
            ImGui::OpenPopup("Code selection");
        }
    }
    if (s.new_code_open) {
        s.new_code_open = false;
        if (can_code(s, c)) {
            s.new_code_name.clear();
            ImGui::OpenPopup("New code from selection");
        }
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 26, 0), ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("Code selection", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextDisabled("Type to search; Up/Down choose; Enter codes; Enter on no match creates the code; Esc cancels.");
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(-1);
        bool enter = ImGui::InputText("##filter", &s.picker_filter, ImGuiInputTextFlags_EnterReturnsTrue);
        ui::probe("picker/filter");
        auto list = usable_codes(s, c, s.picker_filter);
        int n = static_cast<int>(list.size());
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) s.picker_index = std::min(n - 1, s.picker_index + 1);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) s.picker_index = std::max(0, s.picker_index - 1);
        s.picker_index = std::clamp(s.picker_index, 0, std::max(0, n - 1));
        ImGui::BeginChild("##codes", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 10), true);
        for (int i = 0; i < n; ++i) {
            ImGui::PushID(static_cast<int>(list[static_cast<std::size_t>(i)]->id));
            color_swatch(list[static_cast<std::size_t>(i)]->color);
            if (ImGui::Selectable(c.code_path(list[static_cast<std::size_t>(i)]->id).c_str(), i == s.picker_index)) {
                s.picker_index = i;
                enter = true;
            }
            if (i == s.picker_index) ImGui::SetScrollHereY();
            ui::probe("picker/code/" + std::to_string(list[static_cast<std::size_t>(i)]->id));
            ImGui::PopID();
        }
        if (n == 0 && !s.picker_filter.empty()) ImGui::TextDisabled("Enter creates the code '%s'", s.picker_filter.c_str());
        ImGui::EndChild();
        if (enter) {
            if (n > 0) code_selection(s, c, q, list[static_cast<std::size_t>(s.picker_index)]->id);
            else code_with_new(s, c, q, s.picker_filter);
            ImGui::CloseCurrentPopup();
        }
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) || ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (ImGui::BeginPopupModal("New code from selection", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("Name of the new code (it is applied to the selection):");
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
        bool enter = ImGui::InputText("##name", &s.new_code_name, ImGuiInputTextFlags_EnterReturnsTrue);
        ui::probe("newcode/name");
        if ((ImGui::Button("Create and code") || enter) && !s.new_code_name.empty()) {
            code_with_new(s, c, q, s.new_code_name);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

}  // namespace tessera::gui
