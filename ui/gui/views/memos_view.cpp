// Memos on the current target (document, code, coding, case): list, add, edit, delete.
#include "commands/project_commands.hpp"
#include "ui/gui/probe.hpp"
#include "ui/gui/views/views.hpp"
#include "ui/gui/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace tessera::gui {
namespace {

std::string target_name(const ModelCache& c, const MemoContext& m) {
    if (!m.target_id) return "the project";
    RowId id = *m.target_id;
    switch (m.target) {
        case MemoTarget::document:
            if (const auto* d = c.document(id)) return "document " + d->name;
            break;
        case MemoTarget::code:
            if (c.code(id)) return "code " + c.code_path(id);
            break;
        case MemoTarget::case_:
            if (const auto* k = c.case_(id)) return "case " + k->name;
            break;
        case MemoTarget::coding:
            for (const auto& k : c.codings())
                if (k.id == id) return "a coding of " + c.code_path(k.code_id);
            break;
        default:
            break;
    }
    return std::string(to_string(m.target)) + " #" + std::to_string(id);
}

}  // namespace

void draw_memos_view(AppState& s, const ModelCache& c, CommandQueue& q) {
    MemoContext ctx = s.memo_context;
    if (!ctx.target_id && ctx.target == MemoTarget::document && s.document_id) ctx = {MemoTarget::document, s.document_id};
    ImGui::Text("Memos on %s", target_name(c, ctx).c_str());
    ImGui::TextDisabled("Click a document, case, code or coding stripe to write about it.");
    ImGui::Separator();
    auto memos = c.memos_for(ctx.target, ctx.target_id);
    for (const Memo* m : memos) {
        ImGui::PushID(static_cast<int>(m->id));
        const Coder* who = m->coder_id ? c.coder(*m->coder_id) : nullptr;
        bool editing = s.edit_memo_id == m->id;
        std::string head = (m->title.empty() ? std::string("(untitled)") : m->title) + "  · " +
                           (who ? who->name : std::string("?")) + ", " + m->modified_at;
        if (ImGui::Selectable(head.c_str(), editing)) {
            s.edit_memo_id = m->id;
            s.memo_title = m->title;
            s.memo_body = m->body;
        }
        ui::probe("memos/memo/" + std::to_string(m->id));
        if (!editing) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled("%s", m->body.c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::PopID();
    }
    if (memos.empty()) ImGui::TextDisabled("No memos here yet.");
    ImGui::Separator();
    bool editing = s.edit_memo_id.has_value();
    ImGui::TextUnformatted(editing ? "Edit memo" : "New memo");
    ImGui::BeginDisabled(!s.coder_id);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##title", "Title", &s.memo_title);
    ImGui::InputTextMultiline("##body", &s.memo_body, ImVec2(-1, ImGui::GetTextLineHeight() * 8));
    ui::probe("memos/body");
    if (editing) {
        if (ImGui::Button("Save")) {
            q.push(std::make_unique<EditMemo>(*s.edit_memo_id, s.memo_title, s.memo_body));
            s.edit_memo_id.reset();
            s.memo_title.clear();
            s.memo_body.clear();
        }
        ImGui::SameLine();
        if (ImGui::Button("Delete")) {
            q.push(std::make_unique<DeleteMemo>(*s.edit_memo_id));
            s.edit_memo_id.reset();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) {
            s.edit_memo_id.reset();
            s.memo_title.clear();
            s.memo_body.clear();
        }
    } else {
        ImGui::BeginDisabled(s.memo_body.empty() && s.memo_title.empty());
        if (ImGui::Button("Add memo")) {
            Memo m;
            m.target = ctx.target;
            m.target_id = ctx.target_id;
            m.coder_id = s.coder_id;
            m.title = s.memo_title;
            m.body = s.memo_body;
            q.push(std::make_unique<AddMemo>(m));
            s.memo_title.clear();
            s.memo_body.clear();
        }
        ui::probe("memos/add");
        ImGui::EndDisabled();
    }
    ImGui::EndDisabled();
}

}  // namespace tessera::gui
