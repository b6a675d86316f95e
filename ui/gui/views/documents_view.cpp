// Documents and cases panel: word counts, per-coder coding progress, case attributes (set and
// removed here); clicking opens.
#include "commands/project_commands.hpp"
#include "import/case_attributes.hpp"
#include "ui/gui/probe.hpp"
#include "ui/gui/views/views.hpp"
#include "ui/gui/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>

namespace tessera::gui {
namespace {

// Sets one attribute of the selected case: a name (new or one the project uses), its type and value,
// checked as the CSV import checks it (numbers, dates) before the command is queued.
void draw_attribute_editor(AppState& s, const ModelCache& c, CommandQueue& q) {
    const Case* selected = nullptr;
    std::set<std::string> names;
    for (const auto& cs : c.cases()) {
        if (cs.id == *s.selected_case) selected = &cs;
        for (const auto& a : cs.attributes) names.insert(a.name);
    }
    if (!selected) return;
    ImGui::Separator();
    ImGui::Text("Set an attribute of %s", selected->name.c_str());
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::SetNextItemWidth(w * 0.45f);
    if (ImGui::InputTextWithHint("##attr_name", "name, e.g. age", &s.attribute_name)) {
        // A name the project already uses brings its type along.
        for (const auto& cs : c.cases())
            for (const auto& a : cs.attributes)
                if (a.name == s.attribute_name) s.attribute_type = a.type;
    }
    ui::probe("cases/attribute_name");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##attr_type", to_string(s.attribute_type))) {
        for (AttributeType t : {AttributeType::text, AttributeType::number, AttributeType::date, AttributeType::category})
            if (ImGui::Selectable(to_string(t), s.attribute_type == t)) s.attribute_type = t;
        ImGui::EndCombo();
    }
    ui::probe("cases/attribute_type");
    ImGui::SetNextItemWidth(w * 0.7f);
    const bool enter = ImGui::InputTextWithHint("##attr_value", "value (dates as 2026-03-01 or 01/03/2026)",
                                                &s.attribute_value, ImGuiInputTextFlags_EnterReturnsTrue);
    ui::probe("cases/attribute_value");
    ImGui::SameLine();
    std::string name = s.attribute_name;
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    const bool ready = !name.empty() && s.attribute_value.find_first_not_of(" \t") != std::string::npos;
    ImGui::BeginDisabled(!ready);
    const bool set = ImGui::Button("Set") || (enter && ready);
    ui::probe("cases/attribute_set");
    ImGui::EndDisabled();
    if (!names.empty()) {
        std::string in_use;
        for (const auto& n : names) in_use += (in_use.empty() ? "" : ", ") + n;
        ImGui::TextWrapped("In use: %s", in_use.c_str());
    }
    if (!set) return;
    try {
        Attribute a{name, s.attribute_type,
                    importer::normalise_attribute_value(s.attribute_type, s.attribute_value)};
        q.push(std::make_unique<SetCaseAttribute>(selected->name, std::move(a)));
        s.attribute_value.clear();
    } catch (const std::exception& e) {
        s.notify(Notification::Kind::error, "Could not set the attribute", e.what(),
                 "Write numbers with digits and a point (34, 2.5) and dates as 2026-03-01, or choose the type text.");
    }
}

}  // namespace

void draw_documents_view(AppState& s, const ModelCache& c, CommandQueue& q) {
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
        const bool cases_tab = ImGui::BeginTabItem("Cases");
        ui::probe("documents/cases_tab");
        if (cases_tab) {
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
                    for (const auto& a : cs.attributes) {
                        ImGui::PushID(a.name.c_str());
                        ImGui::TextDisabled("%s: %s", a.name.c_str(), a.value.c_str());
                        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (%s)", a.name.c_str(), to_string(a.type));
                        ImGui::SameLine();
                        if (ImGui::SmallButton("x")) q.push(std::make_unique<RemoveCaseAttribute>(cs.name, a.name));
                        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove %s of %s", a.name.c_str(), cs.name.c_str());
                        ui::probe("cases/attribute/" + std::to_string(cs.id) + "/" + a.name + "/remove");
                        ImGui::PopID();
                    }
                    ImGui::TreePop();
                }
                ImGui::PopID();
            }
            if (s.selected_case) draw_attribute_editor(s, c, q);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
}

}  // namespace tessera::gui
