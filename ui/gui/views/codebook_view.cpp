// Codebook panel: code tree with counts, drag to re-parent, drop a selection to code, merge, context menu.
#include "commands/codebook_commands.hpp"
#include "ui/gui/gui_commands.hpp"
#include "ui/gui/probe.hpp"
#include "ui/gui/views/transcript_view.hpp"
#include "ui/gui/views/views.hpp"
#include "ui/gui/widgets.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <imgui_stdlib.h>

#include <map>

namespace tessera::gui {
namespace {

constexpr const char* kCodePayload = "TESSERA_CODE";

struct Tree {
    std::map<OptId, std::vector<const Code*>> children;  // parent -> codes (cache order: by name)
};

bool may_edit(const AppState& s, const Code& code) {
    return s.coder_id && (!code.owner_coder_id || code.owner_coder_id == s.coder_id);
}

bool matches(const ModelCache& c, const Code& code, const std::string& filter) {
    if (filter.empty()) return true;
    return text::fold_case(c.code_path(code.id)).find(text::fold_case(filter)) != std::string::npos;
}

void drop_targets(AppState& s, const ModelCache& c, CommandQueue& q, const Code& code) {
    if (!ImGui::BeginDragDropTarget()) return;
    if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kSpanPayload)) {
        SpanPayload sp;
        std::memcpy(&sp, p->Data, sizeof sp);
        s.selection = {sp.start, sp.end};
        code_selection(s, c, q, code.id);
    }
    if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kCodePayload)) {
        RowId moved;
        std::memcpy(&moved, p->Data, sizeof moved);
        if (moved != code.id) q.push(std::make_unique<MoveCode>(moved, code.id));
    }
    ImGui::EndDragDropTarget();
}

void context_menu(AppState& s, const ModelCache& c, CommandQueue& q, const Code& code) {
    if (!ImGui::BeginPopupContextItem("##ctx")) return;
    bool mine = may_edit(s, code);
    bool can_code = s.coder_id && c.open_document() && !s.selection.empty();
    if (ImGui::MenuItem("Code the selection", "double-click", false, can_code && mine)) code_selection(s, c, q, code.id);
    if (ImGui::MenuItem("Edit (name, colour, definition…)", nullptr, false, mine)) {
        s.selected_code = code.id;
        s.right_tab = "code";
    }
    if (ImGui::MenuItem("New sub-code", nullptr, false, mine)) {
        CodeFields f;
        f.name = "New sub-code";
        f.color = code.color;
        q.push(std::make_unique<CreateCode>(f, code.id, code.owner_coder_id), [](AppState& st, Command* cmd) {
            st.selected_code = static_cast<CreateCode*>(cmd)->id();
            st.right_tab = "code";
        });
    }
    if (ImGui::MenuItem("Move to top level", nullptr, false, mine && code.parent_id.has_value()))
        q.push(std::make_unique<MoveCode>(code.id, std::nullopt));
    bool merge_open = ImGui::BeginMenu("Merge into", mine);
    ui::probe("codebook/menu/merge");
    if (merge_open) {
        ImGui::TextDisabled("Its codings move; the merged code is remembered in the lineage.");
        for (const auto& other : c.codes()) {
            if (other.id == code.id || other.owner_coder_id != code.owner_coder_id) continue;
            ImGui::PushID(static_cast<int>(other.id));
            if (ImGui::MenuItem(c.code_path(other.id).c_str())) {
                q.push(std::make_unique<MergeCodes>(code.id, other.id));
                if (s.selected_code == code.id) s.selected_code = other.id;
            }
            ui::probe("codebook/merge/" + std::to_string(other.id));
            ImGui::PopID();
        }
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Memos on this code")) {
        s.memo_context = {MemoTarget::code, code.id};
        s.right_tab = "memos";
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Delete (with its codings; undo restores)", nullptr, false, mine)) {
        q.push(std::make_unique<DeleteCode>(code.id));
        if (s.selected_code == code.id) s.selected_code.reset();
    }
    ImGui::EndPopup();
}

std::int64_t subtree_codings(const ModelCache& c, const Tree& t, RowId id) {
    std::int64_t n = c.stats(id).codings;
    if (auto it = t.children.find(id); it != t.children.end())
        for (const Code* k : it->second) n += subtree_codings(c, t, k->id);
    return n;
}

void draw_rows(AppState& s, const ModelCache& c, CommandQueue& q, const Tree& t, OptId parent, OptId owner,
               const std::string& filter) {
    auto it = t.children.find(parent);
    if (it == t.children.end()) return;
    for (const Code* code : it->second) {
        if (code->owner_coder_id != owner) continue;
        bool has_children = t.children.count(code->id) > 0;
        if (!matches(c, *code, filter) && !has_children) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(code->id));
        color_swatch(code->color);
        ImGuiTreeNodeFlags f = ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_SpanFullWidth |
                               ImGuiTreeNodeFlags_DefaultOpen;
        if (!has_children) f |= ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen;
        if (s.selected_code == code->id) f |= ImGuiTreeNodeFlags_Selected;
        bool open = ImGui::TreeNodeEx("##code", f, "%s", code->name.c_str());
        ui::probe("codebook/row/" + std::to_string(code->id));
        if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) {
            s.selected_code = code->id;
            s.memo_context = {MemoTarget::code, code->id};
        }
        if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(0) && may_edit(s, *code))
            code_selection(s, c, q, code->id);
        if (ImGui::IsItemHovered() && !code->definition.empty() && !ImGui::GetDragDropPayload())
            ImGui::SetTooltip("%s", code->definition.c_str());
        if (may_edit(s, *code) && ImGui::BeginDragDropSource()) {
            RowId id = code->id;
            ImGui::SetDragDropPayload(kCodePayload, &id, sizeof id);
            ImGui::Text("Move '%s' under another code", code->name.c_str());
            ImGui::EndDragDropSource();
        }
        if (may_edit(s, *code)) drop_targets(s, c, q, *code);
        context_menu(s, c, q, *code);
        CodeStats st = c.stats(code->id);
        ImGui::TableNextColumn();
        if (st.codings == 0 && has_children) {
            // A parent used only through its sub-codes: their total, greyed.
            ImGui::TextDisabled("%lld", static_cast<long long>(subtree_codings(c, t, code->id)));
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("codings of its sub-codes (none on this code itself)");
        } else {
            ImGui::Text("%lld", static_cast<long long>(st.codings));
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("codings, documents and cases coded with this code");
        }
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(st.documents));
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(st.cases));
        if (open && has_children) {
            draw_rows(s, c, q, t, code->id, owner, filter);
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
}

}  // namespace

void draw_codebook_view(AppState& s, const ModelCache& c, CommandQueue& q) {
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 6);
    ImGui::InputTextWithHint("##filter", "Filter codes", &s.codebook_filter);
    ImGui::SameLine();
    ImGui::BeginDisabled(!s.coder_id);
    if (ImGui::Button("New code")) {
        CodeFields f;
        f.name = "New code";
        std::size_t own = 0;
        for (const auto& k : c.codes()) own += k.owner_coder_id == s.coder_id;
        f.color = palette_color(own);
        q.push(std::make_unique<CreateCode>(f, std::nullopt, s.coder_id), [](AppState& st, Command* cmd) {
            st.selected_code = static_cast<CreateCode*>(cmd)->id();
            st.right_tab = "code";
        });
    }
    tooltip("A new top-level code in your codebook (Ctrl+N makes one from the selection)");
    ImGui::EndDisabled();

    Tree t;
    for (const auto& code : c.codes()) {
        OptId parent = code.parent_id && c.code(*code.parent_id) ? code.parent_id : std::nullopt;
        t.children[parent].push_back(&code);
    }
    // One section per codebook: mine first, then the team's, then (without blind mode) the others'.
    std::vector<std::pair<OptId, std::string>> books;
    if (s.coder_id) books.push_back({s.coder_id, "My codebook"});
    if (!c.blind()) books.push_back({std::nullopt, "Team codebook"});
    if (!c.blind())
        for (const auto& coder : c.coders())
            if (coder.id != s.coder_id) books.push_back({coder.id, coder.name + "'s codebook"});

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_BordersInnerV;
    if (ImGui::BeginTable("##codebook", 4, flags, ImVec2(0, -ImGui::GetFrameHeightWithSpacing()))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        const float num = ImGui::CalcTextSize("0000").x;
        ImGui::TableSetupColumn("Code", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("n", ImGuiTableColumnFlags_WidthFixed, num);
        ImGui::TableSetupColumn("Docs", ImGuiTableColumnFlags_WidthFixed, num);
        ImGui::TableSetupColumn("Cases", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("Cases").x);
        ImGui::TableHeadersRow();
        for (const auto& [owner, title] : books) {
            bool any = false;
            for (const auto& code : c.codes()) any |= code.owner_coder_id == owner;
            if (!any && owner != s.coder_id) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", title.c_str());
            if (!any) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextDisabled("  (empty: select text and press Ctrl+N)");
            }
            draw_rows(s, c, q, t, std::nullopt, owner, s.codebook_filter);
        }
        ImGui::EndTable();
    }
    // Dropping a code here moves it to the top level.
    ImGui::TextDisabled("Drop a code here to move it to the top level; drop a selection on a code to code it.");
    if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kCodePayload)) {
            RowId moved;
            std::memcpy(&moved, p->Data, sizeof moved);
            q.push(std::make_unique<MoveCode>(moved, std::nullopt));
        }
        ImGui::EndDragDropTarget();
    }
}

}  // namespace tessera::gui
