// Framework matrix view: cases or documents × codes or themes, charted summaries edited in place,
// the coded extracts behind a cell (click to jump), heat map by count, and export to table formats.
//
// [SECTION] spec and saving
// [SECTION] toolbar and export
// [SECTION] grid
// [SECTION] selected cell
#include "analysis/table.hpp"
#include "commands/project_commands.hpp"
#include "export/table_export.hpp"
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

// [SECTION] spec and saving

analysis::MatrixSpec spec_of(const MatrixUi& u, const ModelCache& c) {
    analysis::MatrixSpec spec;
    spec.rows = u.rows_documents ? analysis::MatrixRows::documents : analysis::MatrixRows::cases;
    spec.cols = u.cols_themes ? analysis::MatrixCols::themes : analysis::MatrixCols::codes;
    if (!u.filter_name.empty() && !u.filter_value.empty()) spec.where.push_back({u.filter_name, u.filter_value});
    if (!u.rows_documents) spec.group_by = u.group_by;
    if (c.blind() && c.coder_id()) spec.scope = analysis::CoderScope::coder(*c.coder_id());
    return spec;
}

bool dirty(const MatrixUi& u) { return u.has_cell && u.summary_loaded && u.summary != u.summary_base; }

// Queues the summary buffer of the selected cell (with its linked codings) as one ChartCell.
void save_cell(MatrixUi& u, CommandQueue& q, std::vector<RowId> linked) {
    MatrixCell cell;
    cell.row_kind = u.cell_documents ? MatrixAxis::document : MatrixAxis::case_;
    cell.row_id = u.row_id;
    cell.col_kind = u.cell_themes ? MatrixAxis::theme : MatrixAxis::code;
    cell.col_id = u.col_id;
    cell.summary = u.summary;
    cell.coding_ids = std::move(linked);
    q.push(std::make_unique<ChartCell>(std::move(cell)));
    u.summary_base = u.summary;
}

// The stored cell behind the selection in `m`, or null when it is not in the matrix shown.
const analysis::MatrixCellData* selected_data(const MatrixUi& u, const analysis::FrameworkMatrix& m) {
    if (!u.has_cell || u.cell_documents != u.rows_documents || u.cell_themes != u.cols_themes) return nullptr;
    int r = m.row_index(u.row_id), k = m.col_index(u.col_id);
    if (r < 0 || k < 0) return nullptr;
    return &m.at(static_cast<std::size_t>(r), static_cast<std::size_t>(k));
}

// Selects a cell; typed text of the previous cell is saved first, never dropped.
void select_cell(MatrixUi& u, CommandQueue& q, const analysis::MatrixCellData* previous, RowId row, RowId col,
                 const analysis::MatrixCellData& data) {
    if (dirty(u)) save_cell(u, q, previous ? previous->charted_coding_ids : std::vector<RowId>{});
    u.has_cell = true;
    u.row_id = row;
    u.col_id = col;
    u.cell_documents = u.rows_documents;
    u.cell_themes = u.cols_themes;
    u.summary = u.summary_base = data.summary;
    u.summary_loaded = true;
}

// [SECTION] toolbar and export

struct FormatChoice {
    const char* label;
    const char* ext;
    exporter::TableFormat format;
};
constexpr FormatChoice kFormats[] = {{"Excel workbook (.xlsx)", ".xlsx", exporter::TableFormat::xlsx},
                                     {"Word table (.docx)", ".docx", exporter::TableFormat::docx},
                                     {"CSV (.csv)", ".csv", exporter::TableFormat::csv},
                                     {"Markdown (.md)", ".md", exporter::TableFormat::markdown},
                                     {"LaTeX booktabs (.tex)", ".tex", exporter::TableFormat::latex},
                                     {"HTML (.html)", ".html", exporter::TableFormat::html}};

bool attribute_combo(const char* id, const char* none, std::string& value, const std::vector<std::string>& options,
                     const std::string& probe_prefix) {
    bool changed = false;
    // Probed before BeginCombo: once open, the last item is the popup's.
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ui::probe_rect(probe_prefix, p0, ImVec2(p0.x + ImGui::GetFontSize() * 8, p0.y + ImGui::GetFrameHeight()));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::BeginCombo(id, value.empty() ? none : value.c_str())) {
        if (ImGui::Selectable(none, value.empty())) {
            value.clear();
            changed = true;
        }
        for (const auto& o : options) {
            if (ImGui::Selectable(o.c_str(), value == o)) {
                value = o;
                changed = true;
            }
            ui::probe(probe_prefix + "/" + o);
        }
        ImGui::EndCombo();
    }
    return changed;
}

void export_popup(AppState& s, const AnalysisCache& ac, const analysis::FrameworkMatrix& m) {
    MatrixUi& u = s.analysis.matrix;
    if (u.open_export) {
        u.open_export = false;
        if (u.export_path.empty()) u.export_path = (ac.project_dir() / "framework-matrix.xlsx").string();
        ImGui::OpenPopup("Export matrix");
    }
    if (!ImGui::BeginPopupModal("Export matrix", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    for (int i = 0; i < static_cast<int>(std::size(kFormats)); ++i)
        if (ImGui::RadioButton(kFormats[i].label, u.export_format == i)) {
            u.export_format = i;
            std::filesystem::path p(u.export_path);
            u.export_path = p.replace_extension(kFormats[i].ext).string();
        }
    ImGui::Checkbox("One table (sheet) per theme", &u.export_per_theme);
    ImGui::Checkbox("Shade cells by count", &u.export_heat);
    ImGui::Checkbox("Add up to three extracts to each cell", &u.export_extracts);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
    ImGui::InputText("File", &u.export_path);
    ui::probe("matrix/export/path");
    if (ImGui::Button("Export")) {
        const auto& f = kFormats[std::clamp(u.export_format, 0, static_cast<int>(std::size(kFormats)) - 1)];
        try {
            analysis::MatrixTableOptions o;
            o.per_theme = u.export_per_theme;
            o.heat = u.export_heat;
            o.content = u.export_extracts ? analysis::CellContent::summary_and_extracts : analysis::CellContent::summary_and_counts;
            exporter::write_tables(analysis::matrix_tables(m, *ac.data(), o), f.format, u.export_path,
                                   "Framework matrix");
            s.notify(Notification::Kind::info, "Matrix exported", u.export_path);
            ImGui::CloseCurrentPopup();
        } catch (const std::exception& e) {
            s.notify(Notification::Kind::error, "Could not export the matrix", e.what(),
                     "Choose a folder you can write to, and close the file if another program has it open.");
        }
    }
    ui::probe("matrix/export/ok");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void toolbar(AppState& s, const AnalysisCache& ac) {
    MatrixUi& u = s.analysis.matrix;
    ImGui::TextUnformatted("Rows");
    ImGui::SameLine();
    if (ImGui::RadioButton("Participants", !u.rows_documents)) u.rows_documents = false;
    ui::probe("matrix/rows/cases");
    ImGui::SameLine();
    if (ImGui::RadioButton("Documents", u.rows_documents)) u.rows_documents = true;
    ui::probe("matrix/rows/documents");
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    ImGui::TextUnformatted("Columns");
    ImGui::SameLine();
    if (ImGui::RadioButton("Codes", !u.cols_themes)) u.cols_themes = false;
    ui::probe("matrix/cols/codes");
    ImGui::SameLine();
    if (ImGui::RadioButton("Themes", u.cols_themes)) u.cols_themes = true;
    ui::probe("matrix/cols/themes");
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    ImGui::Checkbox("Heat map", &u.heat);
    ui::probe("matrix/heat");
    tooltip("Colour cells by how many coded extracts they hold");
    ImGui::SameLine();
    if (ImGui::Button("Export…")) u.open_export = true;
    ui::probe("matrix/export");

    const auto names = ac.attribute_names();
    ImGui::TextUnformatted("Only");
    ImGui::SameLine();
    if (attribute_combo("##filter_name", "(all participants)", u.filter_name, names, "matrix/filter_name"))
        u.filter_value.clear();
    if (!u.filter_name.empty()) {
        ImGui::SameLine();
        ImGui::TextUnformatted("=");
        ImGui::SameLine();
        attribute_combo("##filter_value", "(any)", u.filter_value, ac.attribute_values(u.filter_name),
                        "matrix/filter_value");
    }
    if (!u.rows_documents) {
        ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
        ImGui::TextUnformatted("Group by");
        ImGui::SameLine();
        attribute_combo("##group_by", "(none)", u.group_by, names, "matrix/group_by");
    }
}

// [SECTION] grid

void grid(AppState& s, CommandQueue& q, const analysis::FrameworkMatrix& m, float height) {
    MatrixUi& u = s.analysis.matrix;
    const bool grouped = !m.rows.empty() && !u.rows_documents && !u.group_by.empty();
    const int ncols = static_cast<int>(m.cols.size()) + 1 + (grouped ? 1 : 0);
    if (ncols > 63) {
        ImGui::TextDisabled("%zu columns: showing the first 60 (export writes them all).", m.cols.size());
    }
    const std::size_t shown_cols = std::min<std::size_t>(m.cols.size(), 60);
    const int table_cols = static_cast<int>(shown_cols) + 1 + (grouped ? 1 : 0);
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Borders |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("##matrix", table_cols, flags, ImVec2(0, height))) return;
    const float fs = ImGui::GetFontSize();
    const float cell_w = fs * 11, cell_h = ImGui::GetTextLineHeightWithSpacing() * 3.2f;
    ImGui::TableSetupScrollFreeze(grouped ? 2 : 1, 1);
    ImGui::TableSetupColumn(u.rows_documents ? "Document" : "Participant", 0, fs * 8);
    if (grouped) ImGui::TableSetupColumn(u.group_by.c_str(), 0, fs * 6);
    for (std::size_t k = 0; k < shown_cols; ++k) {
        const auto& col = m.cols[k];
        std::string label = std::string(static_cast<std::size_t>(col.depth) * 2, ' ') + col.label + "##c" +
                            std::to_string(col.id);
        ImGui::TableSetupColumn(label.c_str(), 0, cell_w);
    }
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int k = 0; k < table_cols; ++k) {
        ImGui::TableSetColumnIndex(k);
        int ci = k - 1 - (grouped ? 1 : 0);
        if (ci >= 0) color_swatch(m.cols[static_cast<std::size_t>(ci)].color);
        ImGui::TableHeader(ImGui::TableGetColumnName(k));
        if (ci >= 0) ui::probe("matrix/col/" + std::to_string(m.cols[static_cast<std::size_t>(ci)].id));
    }
    const analysis::MatrixCellData* previous = selected_data(u, m);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m.rows.size()), cell_h + ImGui::GetStyle().CellPadding.y * 2);
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const auto& row = m.rows[static_cast<std::size_t>(r)];
            ImGui::TableNextRow(0, cell_h);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.label.c_str());
            ui::probe("matrix/row/" + std::to_string(row.id));
            if (grouped) {
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", row.group.empty() ? "(none)" : row.group.c_str());
            }
            for (std::size_t k = 0; k < shown_cols; ++k) {
                ImGui::TableNextColumn();
                const auto& cell = m.at(static_cast<std::size_t>(r), k);
                const std::int64_t n = m.count(static_cast<std::size_t>(r), k);
                const bool selected = u.has_cell && u.row_id == row.id && u.col_id == m.cols[k].id &&
                                      u.cell_documents == u.rows_documents && u.cell_themes == u.cols_themes;
                ImGui::PushID(r * 1000 + static_cast<int>(k));
                const ImVec2 p0 = ImGui::GetCursorScreenPos();
                const float w = std::max(ImGui::GetContentRegionAvail().x, fs * 4);
                const ImVec2 p1(p0.x + w, p0.y + cell_h);
                ImDrawList* dl = ImGui::GetWindowDrawList();
                if (u.heat && n > 0) dl->AddRectFilled(p0, p1, heat_color(m.heat(static_cast<std::size_t>(r), k)));
                if (ImGui::Selectable("##cell", selected, ImGuiSelectableFlags_AllowDoubleClick, ImVec2(w, cell_h)) &&
                    !selected)
                    select_cell(u, q, previous, row.id, m.cols[k].id, cell);
                ui::probe("matrix/cell/" + std::to_string(row.id) + "/" + std::to_string(m.cols[k].id));
                if (ImGui::IsItemHovered() && !cell.summary.empty()) ImGui::SetTooltip("%s", cell.summary.c_str());
                // Summary (the typed buffer for the selected cell, so the grid never shows stale text) and count.
                const std::string& text = selected && u.summary_loaded ? u.summary : cell.summary;
                ImGui::PushClipRect(p0, p1, true);
                dl->AddText(ImGui::GetFont(), fs, p0, ImGui::GetColorU32(ImGuiCol_Text), text.c_str(), nullptr, w);
                if (n > 0) {
                    std::string count = std::to_string(n);
                    ImVec2 ts = ImGui::CalcTextSize(count.c_str());
                    dl->AddText(ImVec2(p1.x - ts.x - 2, p1.y - ts.y), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                                count.c_str());
                }
                ImGui::PopClipRect();
                ImGui::PopID();
            }
        }
    }
    ImGui::EndTable();
}

// [SECTION] selected cell

void cell_pane(AppState& s, const AnalysisCache& ac, CommandQueue& q, const analysis::FrameworkMatrix& m) {
    MatrixUi& u = s.analysis.matrix;
    const analysis::MatrixCellData* data = selected_data(u, m);
    if (!u.has_cell) {
        ImGui::TextDisabled("Select a cell to chart its summary and see the extracts behind it.");
        return;
    }
    if (data && !dirty(u) && data->summary != u.summary_base) u.summary = u.summary_base = data->summary;  // undo, other window
    const int r = m.row_index(u.row_id), k = m.col_index(u.col_id);
    if (data && r >= 0 && k >= 0)
        ImGui::Text("%s × %s — %zu coded extracts", m.rows[static_cast<std::size_t>(r)].label.c_str(),
                    m.cols[static_cast<std::size_t>(k)].label.c_str(), data->coding_ids.size());
    else
        ImGui::TextDisabled("The selected cell is not in the matrix shown (your text is kept; Save still stores it).");
    const std::vector<RowId> linked = data ? data->charted_coding_ids : std::vector<RowId>{};
    const float lines = ImGui::GetTextLineHeight() * 5;
    ImGui::InputTextMultiline("##summary", &u.summary, ImVec2(-1, lines));
    ui::probe("matrix/summary");
    if (ImGui::IsItemDeactivatedAfterEdit() && dirty(u)) save_cell(u, q, linked);
    ImGui::BeginDisabled(!dirty(u));
    if (ImGui::Button("Save")) save_cell(u, q, linked);
    ui::probe("matrix/save");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextDisabled(dirty(u) ? "unsaved (saved when the field loses focus)" : "saved");
    if (!data || data->coding_ids.empty()) return;
    ImGui::Separator();
    ImGui::BeginChild("##cell_extracts");
    const auto& d = *ac.data();
    for (RowId id : data->coding_ids) {
        const Coding& c = d.coding(id);
        analysis::Extract e = analysis::make_extract(d, c);
        ImGui::PushID(static_cast<int>(id));
        bool is_linked = std::find(linked.begin(), linked.end(), id) != linked.end();
        if (ImGui::Checkbox("##link", &is_linked)) {
            std::vector<RowId> next = linked;
            if (is_linked) next.push_back(id);
            else next.erase(std::remove(next.begin(), next.end(), id), next.end());
            save_cell(u, q, std::move(next));
        }
        tooltip("Link this extract to the charted summary");
        ImGui::SameLine();
        std::string head = e.participant_label() + " · " + e.code_path;
        if (ImGui::Selectable(head.c_str(), s.selected_coding == id)) jump_to_coding(s, c);
        ui::probe("matrix/extract/" + std::to_string(id));
        tooltip("Jump to this extract in the transcript");
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(e.text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace

void draw_matrix_view(AppState& s, const ModelCache& c, const AnalysisCache& ac, CommandQueue& q) {
    if (!ac.data()) {
        ImGui::TextDisabled("Reading the project…");
        return;
    }
    toolbar(s, ac);
    const analysis::FrameworkMatrix* m = nullptr;
    try {
        m = &ac.matrix(spec_of(s.analysis.matrix, c));
    } catch (const std::exception& e) {
        ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", e.what());
        return;
    }
    export_popup(s, ac, *m);
    if (m->rows.empty() || m->cols.empty()) {
        ImGui::TextDisabled(m->cols.empty() ? "No %s yet." : "No rows match.",
                            s.analysis.matrix.cols_themes ? "themes" : "codes");
        return;
    }
    const float avail = ImGui::GetContentRegionAvail().y;
    grid(s, q, *m, std::max(avail * 0.58f, ImGui::GetFontSize() * 8));
    ImGui::Separator();
    cell_pane(s, ac, q, *m);
}

}  // namespace tessera::gui
