// Themes view: the theme tree with status (candidate → reviewed → final, discarded with a reason and
// restorable), codes and themes dragged in, the selected theme's fields, its links with other themes,
// support with warnings, and quotes.
//
// [SECTION] commands
// [SECTION] tree
// [SECTION] details
#include "commands/project_commands.hpp"
#include "ui/gui/analysis_cache.hpp"
#include "ui/gui/probe.hpp"
#include "ui/gui/views/analysis_common.hpp"
#include "ui/gui/views/views.hpp"
#include "ui/gui/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace tessera::gui {
namespace {

constexpr const char* kCodePayload = "TESSERA_CODE";    // dragged from the codebook
constexpr const char* kThemePayload = "TESSERA_THEME";  // a theme dragged under another

// [SECTION] commands

void update(CommandQueue& q, Theme t) { q.push(std::make_unique<UpdateTheme>(std::move(t))); }

analysis::SupportThresholds thresholds(const ThemesUi& u) {
    return {u.min_groups, u.min_participants, u.min_extracts, u.min_coders};
}

std::string joined(const std::string& a, const std::string& b, const std::string& c, const std::string& d) {
    return a + '\x1f' + b + '\x1f' + c + '\x1f' + d;
}

// Loads the edit buffers from the stored theme unless they hold typed text of this theme (so undo
// and other windows show through, and typed text is never overwritten).
void load_buffers(ThemesUi& u, const Theme& t) {
    const std::string stored = joined(t.name, t.definition, t.scope, t.not_scope);
    if (u.edit_id == t.id && (stored == u.base || joined(u.name, u.definition, u.scope, u.not_scope) != u.base)) return;
    u.edit_id = t.id;
    u.base = stored;
    u.name = t.name;
    u.definition = t.definition;
    u.scope = t.scope;
    u.not_scope = t.not_scope;
}

bool drop_on_theme(CommandQueue& q, const analysis::AnalysisData& d, const Theme& t) {
    if (!ImGui::BeginDragDropTarget()) return false;
    bool dropped = false;
    if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kCodePayload)) {
        RowId code = *static_cast<const RowId*>(p->Data);
        if (std::find(t.code_ids.begin(), t.code_ids.end(), code) == t.code_ids.end()) {
            Theme next = t;
            next.code_ids.push_back(code);
            update(q, std::move(next));
        }
        dropped = true;
    }
    if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kThemePayload)) {
        RowId child = *static_cast<const RowId*>(p->Data);
        if (child != t.id) {
            Theme next = d.theme(child);
            next.parent_id = t.id;  // the store refuses cycles; the error shows as a notification
            update(q, std::move(next));
        }
        dropped = true;
    }
    ImGui::EndDragDropTarget();
    return dropped;
}

// [SECTION] tree

void toolbar(AppState& s, const ModelCache& c) {
    ThemesUi& u = s.analysis.themes;
    if (ImGui::Button("New theme…")) {
        u.open_new = true;
        u.new_from_selection = false;
    }
    ui::probe("themes/new");
    ImGui::SameLine();
    const Code* sel = s.selected_code ? c.code(*s.selected_code) : nullptr;
    ImGui::BeginDisabled(!sel);
    if (ImGui::Button("New theme from selected code")) {
        u.open_new = true;
        u.new_from_selection = true;
    }
    ui::probe("themes/new_from_code");
    ImGui::EndDisabled();
    tooltip("A theme holding the code selected in the codebook (drag more codes onto a theme)");
    ImGui::SameLine();
    ImGui::Checkbox("Show discarded", &u.show_discarded);
    ui::probe("themes/show_discarded");
    if (ImGui::TreeNode("Support thresholds")) {
        auto field = [](const char* label, std::int64_t& v) {
            int i = static_cast<int>(v);
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
            if (ImGui::InputInt(label, &i)) v = std::max(0, i);
        };
        field("groups", u.min_groups);
        field("participants", u.min_participants);
        field("extracts", u.min_extracts);
        field("coders", u.min_coders);
        ImGui::TextDisabled("A theme under any of these is flagged (0 turns a check off).");
        ImGui::TreePop();
    }
}

void new_theme_popup(AppState& s, const ModelCache& c, CommandQueue& q) {
    ThemesUi& u = s.analysis.themes;
    if (u.open_new) {
        u.open_new = false;
        const Code* sel = u.new_from_selection && s.selected_code ? c.code(*s.selected_code) : nullptr;
        u.new_name = sel ? sel->name : "";
        ImGui::OpenPopup("New theme");
    }
    if (!ImGui::BeginPopupModal("New theme", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    bool enter = ImGui::InputTextWithHint("##name", "Theme name", &u.new_name, ImGuiInputTextFlags_EnterReturnsTrue);
    ui::probe("themes/new/name");
    const Code* sel = u.new_from_selection && s.selected_code ? c.code(*s.selected_code) : nullptr;
    if (sel) ImGui::TextDisabled("with the code %s", c.code_path(sel->id).c_str());
    bool ok = ImGui::Button("Create") || enter;
    ui::probe("themes/new/ok");
    if (ok && !u.new_name.empty()) {
        Theme t;
        t.name = u.new_name;
        if (sel) {
            t.code_ids.push_back(sel->id);
            t.color = sel->color;
        }
        q.push(std::make_unique<CreateTheme>(std::move(t)), [](AppState& st, Command* cmd) {
            st.analysis.themes.selected = static_cast<CreateTheme*>(cmd)->id();
        });
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void tree(AppState& s, const AnalysisCache& ac, CommandQueue& q) {
    ThemesUi& u = s.analysis.themes;
    const auto& d = *ac.data();
    const auto& support = ac.support(thresholds(u), u.show_discarded);
    if (!u.selected && !support.empty()) u.selected = support.front().theme_id;  // details never start empty
    if (support.empty()) ImGui::TextDisabled("No themes yet: create one, or drag a code from the codebook here.");
    for (const auto& sp : support) {
        const Theme& t = d.theme(sp.theme_id);
        ImGui::PushID(static_cast<int>(t.id));
        const float indent = static_cast<float>(sp.depth) * ImGui::GetFontSize() * 1.2f;
        if (indent > 0) ImGui::Indent(indent);  // Indent(0) would indent by the style's default
        color_swatch(t.color);
        const bool discarded = t.status == ThemeStatus::discarded;
        if (discarded) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        std::string label = t.name + "##row";
        if (ImGui::Selectable(label.c_str(), u.selected == t.id, 0, ImVec2(ImGui::GetFontSize() * 12, 0)))
            u.selected = t.id;
        if (discarded) ImGui::PopStyleColor();
        ui::probe("themes/row/" + std::to_string(t.id));
        if (ImGui::BeginDragDropSource()) {
            ImGui::SetDragDropPayload(kThemePayload, &t.id, sizeof t.id);
            ImGui::Text("Move '%s' under…", t.name.c_str());
            ImGui::EndDragDropSource();
        }
        drop_on_theme(q, d, t);
        ImGui::SameLine();
        ImGui::TextColored(status_color(t.status), "%s", to_string(t.status));
        if (discarded && ImGui::IsItemHovered()) ImGui::SetTooltip("Discarded: %s", t.discard_reason.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%lld extracts · %zu participants · %zu groups", static_cast<long long>(sp.extracts),
                            sp.participants.size(), sp.groups.size());
        if (sp.weak() && !discarded) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1), "(!) thin support");
            ui::probe("themes/warning/" + std::to_string(t.id));
            if (ImGui::IsItemHovered()) {
                std::string all;
                for (const auto& w : sp.warnings) all += w + "\n";
                ImGui::SetTooltip("%s", all.c_str());
            }
        }
        if (indent > 0) ImGui::Unindent(indent);
        ImGui::PopID();
    }
    // Dropping a theme on the empty space below the tree makes it top-level again.
    ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, ImGui::GetTextLineHeight() * 1.5f));
    ui::probe("themes/top_level");
    if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kThemePayload)) {
            Theme next = d.theme(*static_cast<const RowId*>(p->Data));
            next.parent_id.reset();
            update(q, std::move(next));
        }
        ImGui::EndDragDropTarget();
    }
}

// [SECTION] details

void discard_popup(AppState& s, const Theme& t, CommandQueue& q) {
    ThemesUi& u = s.analysis.themes;
    if (u.open_discard) {
        u.open_discard = false;
        u.discard_reason.clear();
        ImGui::OpenPopup("Discard theme");
    }
    if (!ImGui::BeginPopupModal("Discard theme", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextWrapped("'%s' stays in the project, hidden unless \"Show discarded\" is on. Why is it discarded?",
                       t.name.c_str());
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextMultiline("##reason", &u.discard_reason, ImVec2(ImGui::GetFontSize() * 24, ImGui::GetFontSize() * 4));
    ui::probe("themes/discard/reason");
    ImGui::BeginDisabled(u.discard_reason.empty());
    if (ImGui::Button("Discard")) {
        Theme next = t;
        next.status = ThemeStatus::discarded;
        next.discard_reason = u.discard_reason;
        update(q, std::move(next));
        ImGui::CloseCurrentPopup();
    }
    ui::probe("themes/discard/ok");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void fields(AppState& s, const Theme& t, CommandQueue& q) {
    ThemesUi& u = s.analysis.themes;
    load_buffers(u, t);
    // Each field is saved when it loses focus; all buffers go in one UpdateTheme so none is lost.
    auto save = [&] {
        if (u.name.empty()) return;
        Theme next = t;
        next.name = u.name;
        next.definition = u.definition;
        next.scope = u.scope;
        next.not_scope = u.not_scope;
        if (next.name != t.name || next.definition != t.definition || next.scope != t.scope ||
            next.not_scope != t.not_scope) {
            u.base = joined(next.name, next.definition, next.scope, next.not_scope);
            update(q, std::move(next));
        }
    };
    const float w = -1, h = ImGui::GetTextLineHeight() * 3;
    ImGui::SetNextItemWidth(w);
    ImGui::InputText("##name", &u.name);
    ui::probe("themes/name");
    if (ImGui::IsItemDeactivatedAfterEdit()) save();
    ImGui::TextDisabled("Definition");
    ImGui::InputTextMultiline("##definition", &u.definition, ImVec2(w, h));
    ui::probe("themes/definition");
    if (ImGui::IsItemDeactivatedAfterEdit()) save();
    ImGui::TextDisabled("Scope (what it covers)");
    ImGui::InputTextMultiline("##scope", &u.scope, ImVec2(w, h));
    if (ImGui::IsItemDeactivatedAfterEdit()) save();
    ImGui::TextDisabled("What it is not");
    ImGui::InputTextMultiline("##not_scope", &u.not_scope, ImVec2(w, h));
    if (ImGui::IsItemDeactivatedAfterEdit()) save();
}

void status_row(AppState& s, const Theme& t, CommandQueue& q) {
    ThemesUi& u = s.analysis.themes;
    if (t.status == ThemeStatus::discarded) {
        ImGui::TextColored(status_color(t.status), "Discarded: %s", t.discard_reason.c_str());
        if (ImGui::Button("Restore as candidate")) {
            Theme next = t;
            next.status = ThemeStatus::candidate;
            next.discard_reason.clear();
            update(q, std::move(next));
        }
        ui::probe("themes/restore");
        return;
    }
    ImGui::TextUnformatted("Status");
    for (ThemeStatus st : {ThemeStatus::candidate, ThemeStatus::reviewed, ThemeStatus::final_}) {
        ImGui::SameLine();
        if (ImGui::RadioButton(to_string(st), t.status == st) && t.status != st) {
            Theme next = t;
            next.status = st;
            update(q, std::move(next));
        }
        ui::probe(std::string("themes/status/") + to_string(st));
    }
    ImGui::SameLine();
    if (ImGui::Button("Discard…")) u.open_discard = true;
    ui::probe("themes/discard");
}

void codes_list(const ModelCache& c, const analysis::AnalysisData& d, const Theme& t, CommandQueue& q) {
    ImGui::TextDisabled("Codes (drag codes from the codebook onto the theme)");
    for (RowId code : t.code_ids) {
        ImGui::PushID(static_cast<int>(code));
        const Code* k = c.code(code);
        if (k) color_swatch(k->color);
        ImGui::TextUnformatted(d.code_path(code).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("remove")) {
            Theme next = t;
            next.code_ids.erase(std::remove(next.code_ids.begin(), next.code_ids.end(), code), next.code_ids.end());
            update(q, std::move(next));
        }
        ImGui::PopID();
    }
    ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, ImGui::GetTextLineHeight()));
    ui::probe("themes/codes_drop");
    drop_on_theme(q, d, t);
}

// Links to and from the theme, as drawn on the thematic map; new ones from here with a relation.
void links_pane(AppState& s, const analysis::AnalysisData& d, const Theme& t, CommandQueue& q) {
    ThemesUi& u = s.analysis.themes;
    ImGui::TextDisabled("Links with other themes (drawn on the thematic map)");
    auto name_of = [&](RowId id) -> std::string {
        for (const auto& x : d.themes())
            if (x.id == id) return x.name;
        return "(theme " + std::to_string(id) + ")";
    };
    for (const auto& l : d.theme_links()) {
        if (l.from_theme != t.id && l.to_theme != t.id) continue;
        ImGui::PushID(static_cast<int>(l.id));
        const bool outgoing = l.from_theme == t.id;
        const std::string other = name_of(outgoing ? l.to_theme : l.from_theme);
        ImGui::Text("%s %s%s%s", outgoing ? "\xe2\x86\x92" : "\xe2\x86\x90", other.c_str(), l.label.empty() ? "" : ": ",
                    l.label.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("remove")) q.push(std::make_unique<UnlinkThemes>(l));
        ui::probe("themes/link/" + std::to_string(l.id) + "/remove");
        ImGui::PopID();
    }
    if (u.link_to && (*u.link_to == t.id || name_of(*u.link_to).rfind("(theme ", 0) == 0)) u.link_to.reset();
    const std::string shown = u.link_to ? name_of(*u.link_to) : "Link to…";
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ImGui::BeginCombo("##link_to", shown.c_str())) {
        for (const auto& x : d.themes()) {
            if (x.id == t.id || x.status == ThemeStatus::discarded) continue;
            ImGui::PushID(static_cast<int>(x.id));
            if (ImGui::Selectable(x.name.c_str(), u.link_to == x.id)) u.link_to = x.id;
            ui::probe("themes/link/to/" + std::to_string(x.id));
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ui::probe("themes/link/to");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    ImGui::InputTextWithHint("##link_label", "relation, e.g. leads to", &u.link_label);
    ui::probe("themes/link/label");
    ImGui::SameLine();
    ImGui::BeginDisabled(!u.link_to);
    if (ImGui::Button("Link")) {
        q.push(std::make_unique<LinkThemes>(ThemeLink{0, "", t.id, *u.link_to, u.link_label}));
        u.link_to.reset();
        u.link_label.clear();
    }
    ui::probe("themes/link/add");
    ImGui::EndDisabled();
}

void support_pane(const analysis::ThemeSupport* sp) {
    if (!sp) return;
    ImGui::Text("Support: %lld extracts, %zu participants, %zu documents, %zu groups", static_cast<long long>(sp->extracts),
                sp->participants.size(), sp->documents.size(), sp->groups.size());
    std::string coders;
    for (const auto& k : sp->coders) coders += (coders.empty() ? "" : ", ") + k.coder_name + " (" + std::to_string(k.codings) + ")";
    ImGui::TextDisabled("Coders: %s", coders.empty() ? "none" : coders.c_str());
    std::string groups;
    for (const auto& g : sp->group_labels) groups += (groups.empty() ? "" : ", ") + g;
    if (!groups.empty()) ImGui::TextDisabled("Groups: %s", groups.c_str());
    for (const auto& w : sp->warnings) ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1), "(!) %s", w.c_str());
}

void quotes_pane(AppState& s, const AnalysisCache& ac, RowId theme) {
    const auto& quotes = ac.quotes(theme);
    ImGui::TextDisabled("Suggested illustrative quotes (copy them into the paper)");
    if (quotes.empty()) ImGui::TextDisabled("No extract of 40–600 characters yet.");
    const auto& d = *ac.data();
    for (const auto& e : quotes) {
        ImGui::PushID(static_cast<int>(e.coding_id));
        ImGui::PushTextWrapPos(0);
        ImGui::Text("\"%s\"", e.text.c_str());
        ImGui::PopTextWrapPos();
        const std::string label = e.participant_label();
        ImGui::TextDisabled("— %s", label.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Copy")) ImGui::SetClipboardText(("\"" + e.text + "\" (" + label + ")").c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Show in transcript")) jump_to_coding(s, d.coding(e.coding_id));
        ui::probe("themes/quote/" + std::to_string(e.coding_id));
        ImGui::PopID();
    }
}

}  // namespace

void draw_themes_view(AppState& s, const ModelCache& c, const AnalysisCache& ac, CommandQueue& q) {
    if (!ac.data()) {
        ImGui::TextDisabled("Reading the project…");
        return;
    }
    const auto& d = *ac.data();
    toolbar(s, c);
    new_theme_popup(s, c, q);
    ThemesUi& u = s.analysis.themes;
    const Theme* sel = nullptr;
    if (u.selected)
        for (const auto& t : d.themes())
            if (t.id == *u.selected) sel = &t;
    const float tree_w = ImGui::GetContentRegionAvail().x * (sel ? 0.5f : 1.0f);
    ImGui::BeginChild("##theme_tree", ImVec2(tree_w, 0), true);
    tree(s, ac, q);
    ImGui::EndChild();
    if (!sel) return;
    ImGui::SameLine();
    ImGui::BeginChild("##theme_details", ImVec2(0, 0), true);
    status_row(s, *sel, q);
    discard_popup(s, *sel, q);
    fields(s, *sel, q);
    ImGui::Separator();
    codes_list(c, d, *sel, q);
    ImGui::Separator();
    links_pane(s, d, *sel, q);
    ImGui::Separator();
    support_pane(ac.support_of(sel->id));
    ImGui::Separator();
    quotes_pane(s, ac, sel->id);
    ImGui::EndChild();
}

}  // namespace tessera::gui
