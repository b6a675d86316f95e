// Disagreement view: walks the report's disagreements one at a time, A's and B's versions side by
// side, and resolves each (accept A / B / both, reject, with a note) by queuing ResolveDisagreement.
#include "commands/consensus_commands.hpp"
#include "ui/gui/probe.hpp"
#include "ui/gui/views/agreement_model.hpp"
#include "ui/gui/views/views.hpp"
#include "ui/gui/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace tessera::gui {

using namespace tessera::agreement;

namespace {

constexpr std::int64_t kContext = 240;  // code points of context either side of the passage

/// One coder's version: the passage with that coder's coded stretch highlighted.
void draw_side(const AgreementModel& m, RowId doc, Span passage, const std::optional<Span>& coded,
               const std::string& who, const std::string& code, ImU32 accent, const char* probe_id) {
    ImGui::TextUnformatted(who.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", code.c_str());
    if (coded) ImGui::TextDisabled("coded [%lld, %lld)", static_cast<long long>(coded->start), static_cast<long long>(coded->end));
    else ImGui::TextDisabled("coded nothing here");
    ImGui::Separator();
    const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    std::vector<TextRun> runs;
    if (coded) {
        Span c{std::max(coded->start, passage.start), std::min(coded->end, passage.end)};
        runs.push_back({m.slice(doc, {passage.start, c.start}), dim});
        runs.push_back({m.slice(doc, c), accent});
        runs.push_back({m.slice(doc, {c.end, passage.end}), dim});
    } else {
        runs.push_back({m.slice(doc, passage), dim});
    }
    flowing_text(runs);
    ui::probe(probe_id);
}

}  // namespace

void draw_disagreement_view(AppState& s, const ModelCache&, AgreementModel& m, CommandQueue& q) {
    m.activate();
    const AgreementReport* r = m.report();
    const agreement::ProjectInput* in = m.input();
    // Opened on its own: compute with the first two coders who coded, as the agreement view does.
    if (!r && !m.computing() && m.loaded() && m.error().empty()) {
        AgreementSettings& set = m.ui.settings;
        const auto& coders = m.coding_coders();
        if (!set.coder_a && coders.size() >= 2) set.coder_a = coders[0].id;
        if (!set.coder_b && coders.size() >= 2) set.coder_b = coders[1].id;
        if (set.coder_a && set.coder_b && set.coder_a != set.coder_b) m.request_report(set);
    }
    if (m.computing() || !m.loaded()) {
        ImGui::TextUnformatted("Computing…");
        return;
    }
    if (!m.error().empty()) {
        ImGui::TextWrapped("%s", m.error().c_str());
        return;
    }
    if (!r || !in) {
        ImGui::TextWrapped("Compute an agreement report first (Agreement view); its disagreements are walked here.");
        if (!s.panels.agreement && ImGui::Button("Open the agreement view")) s.panels.agreement = true;
        return;
    }
    std::vector<const Disagreement*> list;
    for (const auto& d : r->disagreements)
        if (!m.ui.drill_pair || (d.code_a == m.ui.drill_pair->first && d.code_b == m.ui.drill_pair->second))
            list.push_back(&d);
    const AgreementSettings& w = m.computed_with();
    const std::string name_a = m.coder_name(*w.coder_a), name_b = m.coder_name(*w.coder_b);
    if (m.ui.drill_pair) {
        ImGui::Text("Code: %s ~ %s", m.code_path(m.ui.drill_pair->first).c_str(), m.code_path(m.ui.drill_pair->second).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Show all codes")) {
            m.ui.drill_pair.reset();
            m.ui.walk_index = 0;
        }
        ui::probe("disagreement/all");
    } else {
        ImGui::TextUnformatted("All codes");
    }
    if (list.empty()) {
        ImGui::TextDisabled("No disagreements here: the two coders coded the same.");
        ui::probe("disagreement/none");
        return;
    }
    std::size_t& i = m.ui.walk_index;
    i = std::min(i, list.size() - 1);

    // Next / previous: buttons, or the arrow keys (and J / K) while this window has focus.
    const ImGuiIO& io = ImGui::GetIO();
    bool keys = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !io.WantTextInput;
    std::size_t resolved = 0;
    for (const auto* d : list) resolved += m.resolution_of(*d) != nullptr;
    ImGui::BeginDisabled(i == 0);
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left) && i > 0) --i;
    ui::probe("disagreement/prev");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::Text("Disagreement %zu of %zu", i + 1, list.size());
    ImGui::SameLine();
    ImGui::BeginDisabled(i + 1 >= list.size());
    if (ImGui::ArrowButton("##next", ImGuiDir_Right) && i + 1 < list.size()) ++i;
    ui::probe("disagreement/next");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextDisabled("(%zu resolved; Left/Right or J/K to move)", resolved);
    if (keys) {
        if ((ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)) || ImGui::IsKeyPressed('K')) && i > 0) --i;
        if ((ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)) || ImGui::IsKeyPressed('J')) && i + 1 < list.size())
            ++i;
    }

    const Disagreement& d = *list[i];
    const bool only_a = d.who == Disagreement::Who::only_a;
    ImGui::Text("%s, [%lld, %lld): only %s coded it", m.document_name(d.document_id).c_str(),
                static_cast<long long>(d.span.start), static_cast<long long>(d.span.end), only_a ? name_a.c_str() : name_b.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Jump to transcript")) {
        s.document_id = d.document_id;
        s.selection = {d.span.start, d.span.end};
        s.selected_coding.reset();
        s.scroll_to_cp = d.span.start;
    }
    ui::probe("disagreement/jump");
    tooltip("Open the document at this passage (the transcript shows what blind mode lets you see).");

    DisagreementSides sides = sides_of(in->input, d);
    Span passage = d.span;
    for (const auto& side : {sides.a, sides.b})
        if (side) passage = {std::min(passage.start, side->start), std::max(passage.end, side->end)};
    passage.start = std::max<std::int64_t>(0, passage.start - kContext);
    passage.end = std::min(m.document_length(d.document_id), passage.end + kContext);

    const Resolution* done = m.resolution_of(d);
    if (done) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.1f, 0.45f, 0.2f, 1));
        ImGui::Text("Resolved: %s%s%s", done->decision.c_str(), done->note.empty() ? "" : " — ", done->note.c_str());
        ImGui::PopStyleColor();
        ui::probe("disagreement/resolved");
    }

    const float buttons_h = ImGui::GetFrameHeightWithSpacing() * 3.5f;
    const float side_h = std::max(ImGui::GetFontSize() * 6, ImGui::GetContentRegionAvail().y - buttons_h);
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const ImU32 blue = ImGui::ColorConvertFloat4ToU32(ImVec4(0.05f, 0.30f, 0.75f, 1));
    const ImU32 orange = ImGui::ColorConvertFloat4ToU32(ImVec4(0.75f, 0.35f, 0.0f, 1));
    ImGui::BeginChild("##side_a", ImVec2(half, side_h), true);
    draw_side(m, d.document_id, passage, sides.a, "A: " + name_a, m.code_path(d.code_a), blue, "disagreement/side_a");
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##side_b", ImVec2(half, side_h), true);
    draw_side(m, d.document_id, passage, sides.b, "B: " + name_b, m.code_path(d.code_b), orange, "disagreement/side_b");
    ImGui::EndChild();

    OptId team = m.team_code(d.code_a, d.code_b);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##note", "Note: why this decision (kept with it)", &m.ui.note);
    ui::probe("disagreement/note");
    ImGui::BeginDisabled(!team);
    auto decide = [&](const char* label, Decision dec, const char* probe_id) {
        if (ImGui::Button(label)) {
            ResolveDisagreement::Input ri;
            ri.document_id = d.document_id;
            ri.span_a = sides.a;
            ri.span_b = sides.b;
            ri.team_code = *team;
            ri.decision = dec;
            ri.note = m.ui.note;
            ri.decided_by = s.coder_id;
            q.push(std::make_unique<ResolveDisagreement>(ri));
            m.ui.note.clear();
        }
        ui::probe(probe_id);
        ImGui::SameLine();
    };
    decide("Accept A", Decision::accept_a, "disagreement/accept_a");
    decide("Accept B", Decision::accept_b, "disagreement/accept_b");
    decide("Accept both", Decision::accept_both, "disagreement/accept_both");
    decide("Reject", Decision::reject, "disagreement/reject");
    ImGui::EndDisabled();
    if (team) ImGui::TextDisabled("into team code %s (Ctrl+Z undoes)", m.code_path(*team).c_str());
    else ImGui::TextDisabled("Resolving needs a confirmed alignment with a team code for this pair (Alignment view).");
}

}  // namespace tessera::gui
