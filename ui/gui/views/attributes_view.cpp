// Case attributes from a CSV (id, age, gender, ...): choose the file, preview the typed columns and
// which cases are new, then set them all in one undoable command.
#include "ui/gui/views/attributes_view.hpp"

#include "commands/command_group.hpp"
#include "commands/project_commands.hpp"
#include "ui/gui/probe.hpp"
#include "ui/gui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <set>

namespace tessera::gui {
namespace {

// The encodings spreadsheets write CSVs in: Excel's UTF-8 (with a BOM, which detection reads) and
// Windows-1252, LibreOffice's UTF-8, old Macs' Mac Roman.
const char* const kEncodings[] = {"UTF-8", "windows-1252", "ISO-8859-1", "ISO-8859-15", "UTF-16LE", "macintosh"};

// How many rows the preview lists: enough to check the columns read right.
constexpr std::size_t kPreviewRows = 200;

}  // namespace

void AttributesView::open() {
    if (have_zenity()) {
        auto files = zenity_choose("Case attributes", false, false, "CSV | *.csv");
        if (!files.empty()) m_file = files.front();
        return;
    }
    m_browser.open("Case attributes", false, false, {".csv"});
}

void AttributesView::read(const std::filesystem::path& csv, AppState& s) {
    const bool reading_again = has_preview() && csv == m_file;
    try {
        m_table = importer::read_case_attributes(csv, m_options);
        m_read_with = m_options;
        m_file = csv;
        m_reread_error.clear();
        if (!reading_again) m_open = true;
    } catch (const std::exception& e) {
        if (reading_again) {
            // Said inside the preview (a modal of its own would close it), which keeps showing the
            // earlier reading, so the options go back to what that reading used.
            m_reread_error = e.what();
            m_options = m_read_with;
        } else {
            s.notify(Notification::Kind::error, "Could not read the case attributes", e.what(), advice_for(e));
        }
    }
}

void AttributesView::close() {
    m_table.reset();
    m_file.clear();
    m_reread_error.clear();
}

void AttributesView::draw(AppState& s, const ModelCache& c, CommandQueue& q) {
    if (auto picked = m_browser.draw(); picked && !picked->empty()) m_file = picked->front();
    if (!m_file.empty() && !has_preview() && !m_open) {
        std::filesystem::path f = m_file;
        m_file.clear();
        m_options.id_column.clear();  // a new file: its first column, unless chosen
        read(f, s);
    }
    // An error shown meanwhile waits: opening a popup beside it would close it.
    if (m_open && !ImGui::IsPopupOpen("Problem")) {
        ImGui::OpenPopup("Case attributes");
        m_open = false;
    }
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(size.x * 0.7f, size.y * 0.7f), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Case attributes")) {
        if (has_preview() && !m_open) close();  // closed by another popup: start afresh next time
        return;
    }
    const importer::CaseAttributeTable& t = *m_table;
    std::set<std::string> existing;
    for (const auto& e : c.cases()) existing.insert(e.name);
    std::size_t known = 0, values = 0, empty = 0;
    for (const auto& k : t.cases) {
        known += existing.count(k.name);
        values += k.attributes.size();
        empty += k.attributes.empty() && !existing.count(k.name);
    }
    ImGui::TextWrapped("%s: %zu case(s), %zu already in the project, %zu new%s; %zu attribute(s). Nothing is written "
                       "until you press Set. A case's other attributes are kept; a value here replaces the one it had.",
                       m_file.filename().string().c_str(), t.cases.size(), known, t.cases.size() - known - empty,
                       empty ? (" and " + std::to_string(empty) + " with no values (skipped)").c_str() : "",
                       t.columns.size());
    ui::probe("attributes/summary");

    // Which column names the cases, and the file's encoding when detection guesses wrong; read
    // again after the combo, not inside it (reading replaces the table the combo lists).
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    std::string id_choice;
    if (ImGui::BeginCombo("Case id column", t.id_column.c_str())) {
        for (const auto& h : t.header)
            if (ImGui::Selectable(h.c_str(), h == t.id_column) && h != t.id_column) id_choice = h;
        ImGui::EndCombo();
    }
    ui::probe("attributes/id_column");
    if (!id_choice.empty()) {
        m_options.id_column = id_choice;
        read(m_file, s);
        ImGui::EndPopup();
        return;  // the table just read is drawn next frame
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ImGui::BeginCombo("Encoding", m_options.encoding.empty() ? "Detect" : m_options.encoding.c_str())) {
        std::string chosen = m_options.encoding;
        if (ImGui::Selectable("Detect", chosen.empty())) chosen.clear();
        for (const char* e : kEncodings)
            if (ImGui::Selectable(e, chosen == e)) chosen = e;
        ImGui::EndCombo();
        if (chosen != m_options.encoding) {
            m_options.encoding = chosen;
            read(m_file, s);
        }
    }
    ImGui::SameLine();
    bool month_first = m_options.date_order == importer::DateOrder::month_first;
    if (ImGui::Checkbox("Dates month first (04/12 = 12 April)", &month_first)) {
        m_options.date_order = month_first ? importer::DateOrder::month_first : importer::DateOrder::day_first;
        read(m_file, s);
    }
    ui::probe("attributes/month_first");
    if (!m_reread_error.empty()) {
        problem_text("Not read again: " + m_reread_error + ". The preview is of the earlier reading.");
        ui::probe("attributes/reread_error");
    }
    for (const auto& d : t.diagnostics) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("note: %s", d.message.c_str());
        ImGui::PopTextWrapPos();
        ui::probe("attributes/note");
    }

    ImGui::BeginChild("##attributes", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 1.5f), true);
    const int ncols = static_cast<int>(t.columns.size()) + 2;
    if (ImGui::BeginTable("##table", std::min(ncols, 64), ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                                               ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn(t.id_column.c_str());
        ImGui::TableSetupColumn("");
        std::vector<std::string> heads;
        for (std::size_t i = 0; i < t.columns.size() && i + 2 < 64; ++i) {
            heads.push_back(t.columns[i] + " (" + to_string(t.types[i]) + ")");
            ImGui::TableSetupColumn(heads.back().c_str());
        }
        ImGui::TableHeadersRow();
        for (std::size_t r = 0; r < t.cases.size() && r < kPreviewRows; ++r) {
            const Case& k = t.cases[r];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(k.name.c_str());
            ui::probe("attributes/case/" + std::to_string(r));
            ImGui::TableNextColumn();
            const bool exists = existing.count(k.name) > 0;
            ImGui::TextDisabled("%s", exists ? "existing" : k.attributes.empty() ? "no values: skipped" : "new");
            for (std::size_t i = 0; i < t.columns.size() && i + 2 < 64; ++i) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(k.attribute(t.columns[i]).c_str());
            }
        }
        ImGui::EndTable();
    }
    if (t.cases.size() > kPreviewRows) ImGui::TextDisabled("… and %zu more case(s)", t.cases.size() - kPreviewRows);
    if (t.columns.size() > 62) ImGui::TextDisabled("Showing 62 of %zu attributes; all are set.", t.columns.size());
    ImGui::EndChild();

    const std::string label = "Set " + std::to_string(values) + " value(s)";
    ImGui::BeginDisabled(values == 0);
    const bool set = ImGui::Button(label.c_str());
    ui::probe("attributes/confirm");
    ImGui::EndDisabled();
    if (set) {
        auto group = std::make_unique<CommandGroup>("Set case attributes from " + m_file.filename().string());
        for (const auto& k : t.cases)
            for (const auto& a : k.attributes) group->add(std::make_unique<SetCaseAttribute>(k.name, a));
        const std::size_t n = t.cases.size();
        q.push(std::move(group), [n](AppState& st, Command*) {
            st.notify(Notification::Kind::info, "Set the attributes of " + std::to_string(n) + " case(s)", "");
        });
        close();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) {
        close();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace tessera::gui
