// Search tab: find words and phrases across every transcript's turns; a result opens its document
// with the first match selected.
#include "commands/coding_commands.hpp"
#include "commands/project_commands.hpp"
#include "ui/gui/probe.hpp"
#include "ui/gui/views/views.hpp"
#include "ui/gui/widgets.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

namespace tessera::gui {

namespace {

// "Code these N turns with X": the code selected in the codebook, when this coder may use it.
void draw_code_hits(AppState& s, const ModelCache& c, CommandQueue& q, const SearchModel& m) {
    const Code* code = s.selected_code ? c.code(*s.selected_code) : nullptr;
    const bool usable = code && s.coder_id && (!code->owner_coder_id || code->owner_coder_id == s.coder_id);
    if (!usable) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("Select one of your codes in the codebook to code these turns with it.");
        ImGui::PopTextWrapPos();
        return;
    }
    const std::string label = "Code these " + std::to_string(m.rows().size()) + " turn(s) with \"" + code->name + "\"";
    if (ImGui::Button(label.c_str())) {
        std::vector<ApplyCodeToSpans::Passage> passages;
        for (const auto& r : m.rows()) passages.push_back({r.document_id, r.turn});
        q.push(std::make_unique<ApplyCodeToSpans>(std::move(passages), code->id, *s.coder_id),
               [id = code->id](AppState& st, Command* cmd) {
                   auto* done = static_cast<ApplyCodeToSpans*>(cmd);
                   st.touch_recent(id);
                   st.notify(Notification::Kind::info, "Coded " + std::to_string(done->applied()) + " turn(s)",
                             done->skipped() ? std::to_string(done->skipped()) + " already had this code" : "");
               });
    }
    ui::probe("search/code_hits");
    tooltip("Whole turns, as one step (Ctrl+Z undoes it); turns already coded so are left as they are");
}

// The transcripts' language, for stemming: a project setting (undoable); the index follows it.
void draw_language(CommandQueue& q, const SearchModel& m) {
    const std::string current = m.language().empty() ? "english" : m.language();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    if (ImGui::BeginCombo("Language", current.c_str(), ImGuiComboFlags_HeightLargest)) {
        for (const auto& l : search::search_languages()) {
            if (ImGui::Selectable(l.c_str(), l == current) && l != current)
                q.push(std::make_unique<SetProjectSetting>(search::kLanguageSetting, l));
            ui::probe("search/language/" + l);
        }
        ImGui::EndCombo();
    }
    ui::probe("search/language");
    tooltip("The transcripts' language, for finding other forms of a word (sharing, shared, shares)");
}

}  // namespace

void draw_search_view(AppState& s, const ModelCache& c, CommandQueue& q, SearchModel& m) {
    SearchUi& u = m.ui;
    if (s.focus_search) {
        ImGui::SetKeyboardFocusHere();
        s.focus_search = false;
    }
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 5);
    const bool enter = ImGui::InputTextWithHint("##query", "words, \"a phrase\", OR, NOT, share*", &u.query,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    ui::probe("search/query");
    ImGui::SameLine();
    const bool go = ImGui::Button("Search") || enter;
    ui::probe("search/go");
    bool changed = ImGui::Checkbox("Participants only", &u.participants_only);
    ui::probe("search/participants_only");
    ImGui::SameLine();
    ImGui::BeginDisabled(!s.document_id);
    changed |= ImGui::Checkbox("This document only", &u.this_document_only);
    ImGui::EndDisabled();
    draw_language(q, m);
    if (go || (changed && !m.searched().empty())) {
        search::SearchFilter f;
        if (u.participants_only) f.role = SpeakerRole::participant;
        if (u.this_document_only && s.document_id) f.document_id = *s.document_id;
        m.request(u.query, f);
        s.marked.clear();  // the old search's words are no longer what the user is looking for
        s.marked_document.reset();
    }

    if (m.searching()) {
        // The earlier results stay in view (greyed actions) until the new ones arrive.
        ImGui::TextDisabled("%s", m.rows().empty() && m.searched().empty()
                                      ? "Searching… (the first search of a project builds its index)"
                                      : "Searching…");
        ui::probe("search/searching");
        if (m.rows().empty()) return;
    }
    if (!m.error().empty()) {
        problem_text(m.error());
        ui::probe("search/error");
        return;
    }
    if (m.searched().empty()) {
        ImGui::TextDisabled("Every word must occur in a turn; \"sharing\" also finds shared and shares.");
        return;
    }
    ImGui::TextDisabled("%zu turn(s)%s", m.rows().size(),
                        m.estimated() > m.rows().size()
                            ? (" of about " + std::to_string(m.estimated())).c_str()
                            : "");
    ui::probe("search/count");
    if (!m.rows().empty()) {
        ImGui::BeginDisabled(m.searching());
        draw_code_hits(s, c, q, m);
        ImGui::EndDisabled();
    }
    ImGui::BeginChild("##results");
    for (std::size_t i = 0; i < m.rows().size(); ++i) {
        const SearchRow& r = m.rows()[i];
        ImGui::PushID(static_cast<int>(i));
        std::string head = r.document + (r.speaker.empty() ? "" : " · " + r.speaker);
        if (ImGui::Selectable(head.c_str(), s.document_id == r.document_id && s.selection.span() == r.first))
            open_search_result(s, m, i);
        ui::probe("search/result/" + std::to_string(i));
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", r.snippet.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Separator();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

void open_search_result(AppState& s, const SearchModel& m, std::size_t i) {
    const SearchRow& r = m.rows().at(i);
    s.document_id = r.document_id;
    s.selection = {r.first.start, r.first.end};
    s.scroll_to_cp = r.first.start;
    s.selected_coding.reset();
    s.marked_document = r.document_id;
    s.marked.clear();
    for (const SearchRow& other : m.rows())
        if (other.document_id == r.document_id) s.marked.insert(s.marked.end(), other.matches.begin(), other.matches.end());
    std::sort(s.marked.begin(), s.marked.end(), [](Span a, Span b) { return a.start < b.start; });
}

}  // namespace tessera::gui
