// Documents and cases panel: word counts, per-coder coding progress, case attributes; clicking opens.
#include "ui/gui/probe.hpp"
#include "ui/gui/views/views.hpp"
#include "ui/gui/widgets.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <cstring>

namespace tessera::gui {

void draw_documents_view(AppState& s, const ModelCache& c, CommandQueue&) {
    if (ImGui::BeginTabBar("##docs")) {
        if (ImGui::BeginTabItem("Documents")) {
            if (c.documents().empty()) ImGui::TextDisabled("No documents yet: File ▸ Import transcripts…");
            const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
            if (!c.documents().empty() && ImGui::BeginTable("##documents", 3, flags)) {
                ImGui::TableSetupScrollFreeze(0, 1);
                ImGui::TableSetupColumn("Document", ImGuiTableColumnFlags_WidthStretch, 3);
                ImGui::TableSetupColumn("Words", ImGuiTableColumnFlags_WidthStretch, 1);
                ImGui::TableSetupColumn("Coded", ImGuiTableColumnFlags_WidthStretch, 2);
                ImGui::TableHeadersRow();
                for (const auto& d : c.documents()) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::PushID(static_cast<int>(d.id));
                    bool open = s.document_id == d.id;
                    if (ImGui::Selectable(d.name.c_str(), open, ImGuiSelectableFlags_SpanAllColumns)) {
                        if (!open) {
                            s.document_id = d.id;
                            s.selection = {};
                            s.selected_coding.reset();
                            s.scroll_to_cp = 0;
                        }
                        s.memo_context = {MemoTarget::document, d.id};
                    }
                    ui::probe("documents/row/" + std::to_string(d.id));
                    tooltip(d.origin.empty() ? d.name.c_str() : d.origin.c_str());
                    ImGui::TableNextColumn();
                    ImGui::Text("%lld", static_cast<long long>(d.word_count));
                    ImGui::TableNextColumn();
                    // One thin bar per coder: the share of the text they have coded.
                    for (const auto& pr : c.progress(d.id)) {
                        const Coder* who = c.coder(pr.coder_id);
                        float f = d.length > 0 ? static_cast<float>(pr.covered) / static_cast<float>(d.length) : 0;
                        char label[96];
                        std::snprintf(label, sizeof label, "%s %d%%", who ? who->name.c_str() : "?",
                                      static_cast<int>(f * 100 + 0.5f));
                        ImGui::ProgressBar(f, ImVec2(-1, ImGui::GetTextLineHeight()), label);
                        if (ImGui::IsItemHovered())
                            ImGui::SetTooltip("%s: %lld codings covering %lld of %lld characters",
                                              who ? who->name.c_str() : "?", static_cast<long long>(pr.codings),
                                              static_cast<long long>(pr.covered), static_cast<long long>(d.length));
                    }
                    if (c.progress(d.id).empty()) ImGui::TextDisabled("not coded");
                    ImGui::PopID();
                }
                ImGui::EndTable();
            }
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Cases")) {
            if (c.cases().empty()) ImGui::TextDisabled("No cases: participants become cases on import.");
            ImGui::BeginChild("##cases");
            for (const auto& cs : c.cases()) {
                ImGui::PushID(static_cast<int>(cs.id));
                ImGuiTreeNodeFlags f = ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_SpanAvailWidth;
                if (s.selected_case == cs.id) f |= ImGuiTreeNodeFlags_Selected;
                if (cs.attributes.empty()) f |= ImGuiTreeNodeFlags_Leaf;
                bool open = ImGui::TreeNodeEx("##case", f, "%s", cs.name.c_str());
                if (ImGui::IsItemClicked()) {
                    s.selected_case = cs.id;
                    s.memo_context = {MemoTarget::case_, cs.id};
                }
                ui::probe("cases/row/" + std::to_string(cs.id));
                if (open) {
                    for (const auto& a : cs.attributes) ImGui::TextDisabled("%s: %s", a.name.c_str(), a.value.c_str());
                    ImGui::TreePop();
                }
                ImGui::PopID();
            }
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
}

}  // namespace tessera::gui
