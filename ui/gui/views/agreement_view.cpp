// Agreement view: two coders' agreement per code, per document and overall, with colour bands;
// also the entry point of the agreement windows and the blind-mode confirmation before they open.
//
// [SECTION] bands and cells
// [SECTION] coder and unit choice
// [SECTION] the report tables
// [SECTION] opening the windows (blind mode asks, audited)
#include "agreement/result.hpp"
#include "ui/gui/probe.hpp"
#include "ui/gui/views/agreement_model.hpp"
#include "ui/gui/views/views.hpp"
#include "ui/gui/widgets.hpp"

#include <imgui.h>

#include <cstdio>

namespace tessera::gui {

using namespace tessera::agreement;

// [SECTION] bands and cells

std::uint32_t band_rgb(const std::string& band) {
    // Landis & Koch (kappa): red through green; Krippendorff (alpha): discard / tentative / reliable.
    if (band == "poor") return 0xE06666;
    if (band == "slight") return 0xF08A5D;
    if (band == "fair") return 0xF6B26B;
    if (band == "moderate") return 0xFFD966;
    if (band == "substantial") return 0xB6D7A8;
    if (band == "almost perfect") return 0x6AA84F;
    if (band == "discard") return 0xE06666;
    if (band == "tentative") return 0xFFD966;
    if (band == "reliable") return 0x6AA84F;
    return 0xCCCCCC;  // undefined
}

namespace {

ImU32 band_bg(const std::string& band) {
    ImVec4 c = rgb_to_vec4(band_rgb(band));
    c.w = 0.75f;
    return ImGui::ColorConvertFloat4ToU32(c);
}

/// A coefficient cell: the value or "undefined" (reason in the tooltip), on its band's colour.
void coefficient_cell(const Coefficient& c, const std::string& band, const std::string& probe_id, int decimals = 4) {
    if (!band.empty()) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, band_bg(band));
    if (c.defined()) {
        ImGui::Text("%.*f", decimals, *c.value);
        if (!band.empty()) tooltip(band.c_str());
    } else {
        ImGui::TextDisabled("undefined");
        tooltip(c.reason.c_str());
    }
    // The band is part of the probe id so tests can see which colour a value was given.
    ui::probe(probe_id + (band.empty() ? std::string() : "/" + band));
}

void percent_cell(const Coefficient& c) {
    if (c.defined()) ImGui::Text("%.1f%%", *c.value * 100.0);
    else {
        ImGui::TextDisabled("undefined");
        tooltip(c.reason.c_str());
    }
}

void setup_columns(const char* first) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(first, ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("units", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("% agree", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("kappa", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("SE", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("95% CI", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("alpha", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
}

/// The numeric cells of a row (after its label cell).
void value_cells(const AgreementRow& r, const std::string& probe_id) {
    ImGui::TableNextColumn();
    ImGui::Text("%.0f", r.units);
    ImGui::TableNextColumn();
    percent_cell(r.percent);
    ImGui::TableNextColumn();
    coefficient_cell(r.kappa.kappa, landis_koch(r.kappa.kappa), probe_id + "/kappa");
    ImGui::TableNextColumn();
    if (r.kappa.se) ImGui::Text("%.4f", *r.kappa.se);
    else ImGui::TextDisabled("—");
    ImGui::TableNextColumn();
    if (r.kappa.ci_low && r.kappa.ci_high) ImGui::Text("[%.3f, %.3f]", *r.kappa.ci_low, *r.kappa.ci_high);
    else ImGui::TextDisabled("—");
    ImGui::TableNextColumn();
    coefficient_cell(r.alpha, krippendorff_band(r.alpha), probe_id + "/alpha");
}

const ImGuiTableFlags kTable = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit |
                               ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;

void legend() {
    auto chip = [](const char* band) {
        color_swatch(band_rgb(band));
        ImGui::TextUnformatted(band);
        ImGui::SameLine(0, ImGui::GetFontSize());
    };
    ImGui::TextDisabled("kappa (Landis & Koch):");
    ImGui::SameLine();
    for (const char* b : {"poor", "slight", "fair", "moderate", "substantial", "almost perfect"}) chip(b);
    ImGui::NewLine();
    ImGui::TextDisabled("alpha (Krippendorff):");
    ImGui::SameLine();
    chip("discard");
    tooltip("below 0.667");
    chip("tentative");
    chip("reliable");
    ImGui::NewLine();
    ui::probe("agreement/legend");
}

// [SECTION] coder and unit choice

const char* unit_label(UnitKind u) {
    switch (u) {
        case UnitKind::character: return "Characters";
        case UnitKind::segment: return "Segments (overlap threshold)";
        case UnitKind::presence_document: return "Presence per document";
        case UnitKind::presence_turn: return "Presence per speaker turn";
        case UnitKind::continuum: return "Continuum (unitizing alpha)";
    }
    return "";
}

bool unit_picker(AgreementSettings& s) {
    bool changed = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::BeginCombo("Unit", unit_label(s.unit))) {
        for (UnitKind u : {UnitKind::character, UnitKind::segment, UnitKind::presence_document, UnitKind::presence_turn,
                           UnitKind::continuum}) {
            if (ImGui::Selectable(unit_label(u), s.unit == u)) {
                s.unit = u;
                changed = true;
            }
            ui::probe(std::string("agreement/unit/") + to_string(u));
        }
        ImGui::EndCombo();
    }
    ui::probe("agreement/unit");
    if (s.unit == UnitKind::segment) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
        changed |= ImGui::SliderFloat("Overlap needed", &s.min_overlap_pct, 10.0f, 100.0f, "%.0f%%");
        tooltip("A segment agrees when the other coder's segment covers this share of the two together "
                "(intersection / union).");
    }
    return changed;
}

}  // namespace

bool draw_coder_pickers(AgreementModel& m) {
    AgreementSettings& s = m.ui.settings;
    const auto& coders = m.coding_coders();
    // Default: the first two coders with codings.
    if (!s.coder_a && coders.size() >= 1) s.coder_a = coders[0].id;
    if (!s.coder_b && coders.size() >= 2) s.coder_b = coders[1].id;
    bool changed = false;
    auto combo = [&](const char* label, OptId& who, const char* probe_prefix) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
        std::string shown = who ? m.coder_name(*who) : "(choose)";
        if (ImGui::BeginCombo(label, shown.c_str())) {
            for (const auto& c : coders) {
                if (ImGui::Selectable(c.name.c_str(), who == c.id)) {
                    who = c.id;
                    changed = true;
                }
                ui::probe(std::string(probe_prefix) + "/" + c.name);
            }
            ImGui::EndCombo();
        }
        ui::probe(probe_prefix);
    };
    combo("Coder A", s.coder_a, "agreement/coder_a");
    ImGui::SameLine();
    combo("Coder B", s.coder_b, "agreement/coder_b");
    if (coders.size() < 2) {
        ImGui::SameLine();
        ImGui::TextDisabled("(needs two coders with codings)");
    }
    return changed;
}

// [SECTION] the report tables

void draw_agreement_view(AppState& s, const ModelCache&, AgreementModel& m, CommandQueue&) {
    m.activate();
    if (!m.loaded()) {
        ImGui::TextUnformatted("Computing…");
        ui::probe("agreement/computing");
        return;
    }
    AgreementSettings& set = m.ui.settings;
    draw_coder_pickers(m);
    ImGui::SameLine();
    unit_picker(set);
    ImGui::SameLine();
    const bool ready = set.coder_a && set.coder_b && set.coder_a != set.coder_b;
    ImGui::BeginDisabled(!ready || m.computing());
    if (ImGui::Button("Compute")) m.request_report(set);
    ui::probe("agreement/compute");
    ImGui::EndDisabled();
    if (set.coder_a && set.coder_a == set.coder_b) {
        ImGui::SameLine();
        ImGui::TextDisabled("choose two different coders");
    }
    // First opening: compute with the defaults, so the view is never empty for no reason.
    if (ready && !m.report() && !m.computing() && m.error().empty()) m.request_report(set);

    if (m.computing()) {
        ImGui::TextUnformatted("Computing…");
        ui::probe("agreement/computing");
        return;
    }
    if (!m.error().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0.1f, 0.1f, 1));
        ImGui::TextWrapped("%s", m.error().c_str());
        ImGui::PopStyleColor();
        ui::probe("agreement/error");
        return;
    }
    const AgreementReport* r = m.report();
    const agreement::ProjectInput* in = m.input();
    if (!r || !in) return;
    const AgreementSettings& w = m.computed_with();
    ImGui::Text("%s (A) and %s (B) — unit: %s; code pairs from the %s", m.coder_name(*w.coder_a).c_str(),
                m.coder_name(*w.coder_b).c_str(), unit_label(w.unit), to_string(in->source));
    if (!(w == set)) {
        ImGui::SameLine();
        ImGui::TextDisabled("(settings changed: press Compute)");
    }
    legend();

    if (ImGui::BeginTabBar("##agreement_tabs")) {
        if (ImGui::BeginTabItem("Per code")) {
            ImGui::TextDisabled("Click a code to walk its disagreements.");
            float h = ImGui::GetContentRegionAvail().y - ImGui::GetTextLineHeightWithSpacing() * 5.5f;
            if (ImGui::BeginTable("##per_code", 7, kTable, ImVec2(0, std::max(h, ImGui::GetFontSize() * 8)))) {
                setup_columns("code (A ~ B)");
                for (const auto& row : r->per_code) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    std::string id = "agreement/code/" + std::to_string(row.code_a) + "-" + std::to_string(row.code_b);
                    ImGui::PushID(id.c_str());
                    if (ImGui::Selectable(row.label.c_str(), m.ui.drill_pair == std::make_pair(row.code_a, row.code_b),
                                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap)) {
                        m.ui.drill_pair = std::make_pair(row.code_a, row.code_b);
                        m.ui.walk_index = 0;
                        s.panels.disagreements = true;
                    }
                    ImGui::PopID();
                    ui::probe(id);
                    tooltip(("A: " + m.code_path(row.code_a) + "\nB: " + m.code_path(row.code_b)).c_str());
                    value_cells(row, id);
                }
                ImGui::EndTable();
            }
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Per document")) {
            float h = ImGui::GetContentRegionAvail().y - ImGui::GetTextLineHeightWithSpacing() * 5.5f;
            if (ImGui::BeginTable("##per_doc", 7, kTable, ImVec2(0, std::max(h, ImGui::GetFontSize() * 8)))) {
                setup_columns("document");
                for (const auto& row : r->per_document) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(row.label.c_str());
                    value_cells(row, "agreement/document/" + std::to_string(row.document_id));
                }
                ImGui::EndTable();
            }
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Method and unpartnered codes")) {
            ImGui::TextWrapped("%s", r->method.c_str());
            ImGui::Separator();
            if (in->unpaired_a.empty() && in->unpaired_b.empty()) ImGui::TextDisabled("Every code used has a partner.");
            else ImGui::TextUnformatted("Codes without a partner (not compared):");
            for (RowId id : in->unpaired_a) ImGui::BulletText("%s: %s", m.coder_name(*w.coder_a).c_str(), m.code_path(id).c_str());
            for (RowId id : in->unpaired_b) ImGui::BulletText("%s: %s", m.coder_name(*w.coder_b).c_str(), m.code_path(id).c_str());
            ui::probe("agreement/method");
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }

    // Overall: pooled (one table summed over codes and documents) and averaged (mean of per-code values).
    if (ImGui::BeginTable("##overall", 7, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) {
        setup_columns("overall");
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted("pooled");
        tooltip("Each coefficient computed once from the units summed over all codes and documents.");
        value_cells(r->overall_pooled, "agreement/overall/pooled");
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const AveragedRow& av = r->overall_averaged;
        char label[96];
        std::snprintf(label, sizeof label, "averaged over %zu codes%s", av.codes_averaged,
                      av.codes_undefined ? " (undefined left out)" : "");
        ImGui::TextUnformatted(label);
        tooltip("Unweighted mean of the per-code values; codes whose value is undefined are left out.");
        ImGui::TableNextColumn();
        ImGui::TextDisabled("—");
        ImGui::TableNextColumn();
        percent_cell(av.percent);
        ImGui::TableNextColumn();
        coefficient_cell(av.kappa, landis_koch(av.kappa), "agreement/overall/averaged/kappa");
        ImGui::TableNextColumn();
        ImGui::TextDisabled("—");
        ImGui::TableNextColumn();
        ImGui::TextDisabled("—");
        ImGui::TableNextColumn();
        coefficient_cell(av.alpha, krippendorff_band(av.alpha), "agreement/overall/averaged/alpha");
        ImGui::EndTable();
    }
    ImGui::Text("%zu disagreement(s)", r->disagreements.size());
    ImGui::SameLine();
    if (ImGui::SmallButton("Walk all disagreements")) {
        m.ui.drill_pair.reset();
        m.ui.walk_index = 0;
        s.panels.disagreements = true;
    }
    ui::probe("agreement/walk_all");
}

// [SECTION] opening the windows (blind mode asks, audited)

void open_agreement_panel(AppState& s, const ModelCache& c, AgreementModel& m, const std::string& panel) {
    m.activate();
    if (c.blind() && !m.ui.revealed) {
        m.ui.confirm_panel = panel;
        return;
    }
    if (panel == "agreement") s.panels.agreement = true;
    if (panel == "disagreements") s.panels.disagreements = true;
    if (panel == "alignment") s.panels.alignment = true;
}

void draw_agreement_windows(AppState& s, const ModelCache& c, AgreementModel& m, CommandQueue& q) {
    if (!m.ui.confirm_panel.empty() && !ImGui::IsPopupOpen("Show both coders' codings?")) {
        ImGui::OpenPopup("Show both coders' codings?");
    }
    if (ImGui::BeginPopupModal("Show both coders' codings?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ImGui::TextUnformatted("Blind mode is on. The agreement views show both coders' codings and codes side by "
                               "side. Opening them is recorded in the project's audit log.");
        ImGui::PopTextWrapPos();
        if (ImGui::Button("Show both coders' codings")) {
            std::string panel = m.ui.confirm_panel;
            m.ui.confirm_panel.clear();
            m.ui.revealed = true;
            OptId coder = s.coder_id;
            // Audited like a coder switch: who looked, and at what.
            q.push_action("Show both coders' codings", [coder, panel](Project& p) {
                if (!p.read_only()) p.audit(coder, "reveal codings", "opened the " + panel + " view in blind mode");
            });
            open_agreement_panel(s, c, m, panel);
            ImGui::CloseCurrentPopup();
        }
        ui::probe("agreement/reveal/confirm");
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
            m.ui.confirm_panel.clear();
            ImGui::CloseCurrentPopup();
        }
        ui::probe("agreement/reveal/cancel");
        ImGui::EndPopup();
    }

    const ImGuiIO& io = ImGui::GetIO();
    const float top = ImGui::GetFrameHeight(), w = io.DisplaySize.x, h = io.DisplaySize.y - top;
    auto place = [&](float dx, float dy) {
        ImGui::SetNextWindowPos(ImVec2(w * 0.08f + dx, top + h * 0.04f + dy), ImGuiCond_Appearing);
        ImGui::SetNextWindowSize(ImVec2(w * 0.84f, h * 0.9f), ImGuiCond_Appearing);
    };
    const ImGuiWindowFlags f = floating_window_flags(ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse);
    if (s.panels.agreement) {
        place(0, 0);
        if (ImGui::Begin("Inter-coder agreement", &s.panels.agreement, f)) draw_agreement_view(s, c, m, q);
        ImGui::End();
    }
    if (s.panels.alignment) {
        place(24, 24);
        if (ImGui::Begin("Codebook alignment", &s.panels.alignment, f)) draw_alignment_view(s, c, m, q);
        ImGui::End();
    }
    if (s.panels.disagreements) {
        place(48, 48);
        if (ImGui::Begin("Disagreements", &s.panels.disagreements, f)) draw_disagreement_view(s, c, m, q);
        ImGui::End();
    }
    // Closing every agreement window ends the reveal: the next opening in blind mode asks again.
    if (!s.panels.agreement && !s.panels.alignment && !s.panels.disagreements) m.ui.revealed = false;
}

}  // namespace tessera::gui
