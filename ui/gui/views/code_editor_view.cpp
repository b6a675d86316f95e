// Code editor: name, colour, definition, inclusion and exclusion criteria, example; saved as one undoable edit.
#include "commands/codebook_commands.hpp"
#include "ui/gui/probe.hpp"
#include "ui/gui/views/views.hpp"
#include "ui/gui/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace tessera::gui {
namespace {

CodeFields fields_of(const Code& k) {
    return CodeFields{k.name, k.color, k.definition, k.inclusion, k.exclusion, k.example};
}

}  // namespace

void draw_code_editor_view(AppState& s, const ModelCache& c, CommandQueue& q) {
    const Code* code = s.selected_code ? c.code(*s.selected_code) : nullptr;
    if (!code) {
        ImGui::TextDisabled("Select a code in the codebook to edit it.");
        return;
    }
    // Load the buffers when another code is selected; follow stored changes (undo, another window)
    // unless the user has unsaved edits in the buffers.
    if (s.edit_code_id != code->id) {
        s.edit_fields = s.edit_base = fields_of(*code);
        s.edit_code_id = code->id;
    } else if (!(fields_of(*code) == s.edit_base)) {
        if (s.edit_fields == s.edit_base) s.edit_fields = fields_of(*code);
        s.edit_base = fields_of(*code);
    }
    const bool mine = s.coder_id && (!code->owner_coder_id || code->owner_coder_id == s.coder_id);
    CodeStats st = c.stats(code->id);
    const Coder* owner = code->owner_coder_id ? c.coder(*code->owner_coder_id) : nullptr;
    ImGui::TextDisabled("%s · %lld codings, %lld documents, %lld cases", owner ? owner->name.c_str() : "Team",
                        static_cast<long long>(st.codings), static_cast<long long>(st.documents),
                        static_cast<long long>(st.cases));
    ImGui::BeginDisabled(!mine);
    auto& f = s.edit_fields;
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 3);
    ImGui::InputText("##name", &f.name);
    ui::probe("editor/name");
    ImGui::SameLine();
    float col[3] = {rgb_to_vec4(f.color).x, rgb_to_vec4(f.color).y, rgb_to_vec4(f.color).z};
    if (ImGui::ColorEdit3("##colour", col, ImGuiColorEditFlags_NoInputs)) f.color = vec4_to_rgb(col);
    tooltip("Colour of the code's tint and stripe");
    const float h = ImGui::GetTextLineHeight() * 4;
    auto field = [&](const char* label, std::string* v, const char* hint) {
        ImGui::TextUnformatted(label);
        ImGui::InputTextMultiline((std::string("##") + label).c_str(), v, ImVec2(-1, h));
        if (v->empty() && !ImGui::IsItemActive()) {
            ImVec2 p = ImGui::GetItemRectMin();
            ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + 4, p.y + 3), ImGui::GetColorU32(ImGuiCol_TextDisabled), hint);
        }
    };
    field("Definition", &f.definition, "What this code means");
    field("Include when", &f.inclusion, "Inclusion criteria");
    field("Exclude when", &f.exclusion, "Exclusion criteria");
    field("Example", &f.example, "A typical extract");
    bool changed = !(f == fields_of(*code));
    ImGui::BeginDisabled(!changed || f.name.empty());
    if (ImGui::Button("Save")) q.push(std::make_unique<UpdateCode>(code->id, f));
    ui::probe("editor/save");
    tooltip("Saves to the project at once (Ctrl+Z undoes)");
    ImGui::SameLine();
    if (ImGui::Button("Revert")) f = fields_of(*code);
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    if (!mine) ImGui::TextDisabled("Another coder's code: read only.");
}

}  // namespace tessera::gui
