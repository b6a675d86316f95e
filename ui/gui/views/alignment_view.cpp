// Alignment view: the proposed pairing of two coders' inductive codebooks (score and why), changed
// pair by pair, team codes named, then confirmed by queuing ConfirmAlignment.
#include "commands/consensus_commands.hpp"
#include "ui/gui/probe.hpp"
#include "ui/gui/views/agreement_model.hpp"
#include "ui/gui/views/views.hpp"
#include "ui/gui/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <set>

namespace tessera::gui {

using namespace tessera::agreement;

namespace {

const AlignedPair* candidate(const Alignment& al, RowId a, RowId b) {
    for (const auto& c : al.candidates)
        if (c.code_a == a && c.code_b == b) return &c;
    return nullptr;
}

void draw_confirmed(const AgreementModel& m) {
    std::size_t n = 0;
    for (const auto& a : m.alignments()) n += a.confirmed;
    if (n == 0) {
        ImGui::TextDisabled("No confirmed alignment yet.");
        return;
    }
    if (!ImGui::CollapsingHeader(("Confirmed alignment (" + std::to_string(n) + " rows)").c_str(), ImGuiTreeNodeFlags_DefaultOpen))
        return;
    if (ImGui::BeginTable("##confirmed", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableSetupColumn("A's code");
        ImGui::TableSetupColumn("B's code");
        ImGui::TableSetupColumn("team code");
        ImGui::TableHeadersRow();
        for (const auto& a : m.alignments()) {
            if (!a.confirmed) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.code_a ? m.code_path(*a.code_a).c_str() : "—");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.code_b ? m.code_path(*a.code_b).c_str() : "—");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.team_code ? m.code_path(*a.team_code).c_str() : "—");
            ui::probe("alignment/confirmed/" + std::to_string(a.id));
        }
        ImGui::EndTable();
    }
}

}  // namespace

void draw_alignment_view(AppState&, const ModelCache&, AgreementModel& m, CommandQueue& q) {
    m.activate();
    if (!m.loaded()) {
        ImGui::TextUnformatted("Computing the proposal…");
        return;
    }
    AgreementUi& ui = m.ui;
    draw_coder_pickers(m);
    const AgreementSettings& set = ui.settings;
    const bool ready = set.coder_a && set.coder_b && set.coder_a != set.coder_b;
    ImGui::SameLine();
    ImGui::BeginDisabled(!ready || m.aligning());
    if (ImGui::Button("Propose alignment")) m.request_alignment(*set.coder_a, *set.coder_b);
    ui::probe("alignment/propose");
    ImGui::EndDisabled();
    draw_confirmed(m);
    ImGui::Separator();

    const Alignment* al = m.proposal();
    const bool current = al && ready && m.proposal_coders() == std::make_pair(*set.coder_a, *set.coder_b);
    if (ready && !current && !m.aligning() && m.error().empty()) m.request_alignment(*set.coder_a, *set.coder_b);
    if (m.aligning()) {
        ImGui::TextUnformatted("Computing the proposal…");
        return;
    }
    if (!m.error().empty()) {
        ImGui::TextWrapped("%s", m.error().c_str());
        return;
    }
    if (!current) return;
    const RowId ca = *set.coder_a, cb = *set.coder_b;
    if (!ui.alignment_loaded) {
        ui.chosen.clear();
        ui.team_names.clear();
        for (const Code* c : m.codes_of(ca)) ui.chosen[c->id] = 0;
        for (const auto& p : al->pairs) ui.chosen[p.code_a] = p.code_b;
        ui.alignment_loaded = true;
    }

    // One-to-one: a B code chosen for two A codes blocks confirming.
    std::set<RowId> taken, twice;
    for (const auto& [a, b] : ui.chosen)
        if (b && !taken.insert(b).second) twice.insert(b);

    ImGui::TextDisabled("Proposed from where the codings overlap and how names and definitions read. Change a "
                        "partner, name the team code, then confirm.");
    const float table_h = ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 6;
    if (ImGui::BeginTable("##pairs", 5,
                          ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable,
                          ImVec2(0, std::max(table_h, ImGui::GetFontSize() * 8)))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn((m.coder_name(ca) + "'s code").c_str());
        ImGui::TableSetupColumn((m.coder_name(cb) + "'s code").c_str());
        ImGui::TableSetupColumn("score", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("why");
        ImGui::TableSetupColumn("team code name");
        ImGui::TableHeadersRow();
        for (auto& [a, b] : ui.chosen) {
            ImGui::TableNextRow();
            ImGui::PushID(static_cast<int>(a));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(m.code_path(a).c_str());
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            std::string shown = b ? m.code_path(b) : "(no partner)";
            if (twice.count(b)) shown += "  (chosen twice)";
            if (ImGui::BeginCombo("##partner", shown.c_str())) {
                if (ImGui::Selectable("(no partner)", b == 0)) b = 0;
                ui::probe("alignment/choice/" + std::to_string(a) + "/0");
                for (const auto& c : al->candidates) {
                    if (c.code_a != a) continue;
                    char label[32];
                    std::snprintf(label, sizeof label, "  %.2f", c.score);
                    if (ImGui::Selectable((m.code_path(c.code_b) + label).c_str(), b == c.code_b)) b = c.code_b;
                    ui::probe("alignment/choice/" + std::to_string(a) + "/" + std::to_string(c.code_b));
                }
                ImGui::EndCombo();
            }
            ui::probe("alignment/partner/" + std::to_string(a));
            ImGui::TableNextColumn();
            const AlignedPair* sc = b ? candidate(*al, a, b) : nullptr;
            if (sc) ImGui::Text("%.2f", sc->score);
            else ImGui::TextDisabled(b ? "(chosen)" : "—");
            ImGui::TableNextColumn();
            if (sc) {
                ImGui::TextWrapped("%s", sc->explanation.c_str());
            } else {
                ImGui::TextDisabled(b ? "set by hand" : "unpartnered");
            }
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            const Code* ka = m.code(a);
            ImGui::InputTextWithHint("##team", ka ? ka->name.c_str() : "", &ui.team_names[a]);
            ui::probe("alignment/team_name/" + std::to_string(a));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    std::vector<RowId> left_b;
    for (const Code* c : m.codes_of(cb))
        if (!taken.count(c->id)) left_b.push_back(c->id);
    if (!left_b.empty()) {
        std::string names;
        for (RowId id : left_b) names += (names.empty() ? "" : "; ") + m.code_path(id);
        ImGui::TextWrapped("%s's codes without a partner: %s", m.coder_name(cb).c_str(), names.c_str());
    }
    ImGui::Checkbox("Keep unpartnered codes in the team codebook", &ui.keep_unpartnered);
    ui::probe("alignment/keep_unpartnered");

    ImGui::BeginDisabled(!twice.empty());
    if (ImGui::Button("Confirm alignment")) {
        std::vector<AlignmentChoice> choices;
        for (const auto& [a, b] : ui.chosen) {
            auto name = ui.team_names.count(a) ? ui.team_names.at(a) : std::string();
            if (b) choices.push_back({a, b, name});
            else if (ui.keep_unpartnered) choices.push_back({a, std::nullopt, name});
        }
        if (ui.keep_unpartnered)
            for (RowId id : left_b) choices.push_back({std::nullopt, id, ""});
        q.push(std::make_unique<ConfirmAlignment>(std::move(choices)));
    }
    ui::probe("alignment/confirm");
    ImGui::EndDisabled();
    if (!twice.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("each of B's codes can partner one of A's codes only");
    }
}

}  // namespace tessera::gui
