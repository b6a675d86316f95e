// Implementation of table_xlsx.hpp.
#include "export/table_xlsx.hpp"

#include "export/atomic_file.hpp"
#include "util/error.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <memory>

namespace tessera::exporter {
namespace {

// Owns a workbook until close() hands it to workbook_close (which writes and frees it). A
// workbook abandoned by an exception is still closed, into the temp file AtomicFile removes.
struct WorkbookCloser {
    void operator()(lxw_workbook* wb) const { workbook_close(wb); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookCloser>;

constexpr std::size_t kMaxCell = 32767;  // Excel's limit on a cell, in characters

// Cuts UTF-8 to at most kMaxCell bytes on a code-point boundary (bytes >= characters, so safe).
std::string fit(const std::string& s) {
    if (s.size() <= kMaxCell) return s;
    std::size_t n = kMaxCell;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
}

bool as_number(const std::string& s, double& v) {
    if (s.empty() || s.size() > 20) return false;
    if (s[0] == '+' || (s.size() > 1 && s[0] == '0' && s[1] != '.')) return false;  // keep "007" as text
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && p == s.data() + s.size();
}

void check(lxw_error e, const std::filesystem::path& path, const std::string& what) {
    if (e != LXW_NO_ERROR) throw Error("cannot write " + path.string() + ": " + what + ": " + lxw_strerror(e));
}

}  // namespace

std::string sheet_name(const std::string& title, std::vector<std::string>& taken) {
    std::string base;
    for (char c : title) base += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '-';
    while (!base.empty() && base.front() == '\'') base.erase(base.begin());
    if (base.empty()) base = "Sheet";
    auto cut = [](std::string s, std::size_t chars) {
        // 31 characters, counted in code points.
        std::size_t count = 0, i = 0;
        for (; i < s.size(); ++i) {
            if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
                if (count == chars) break;
                ++count;
            }
        }
        s.resize(i);
        while (!s.empty() && s.back() == '\'') s.pop_back();
        return s;
    };
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return s;
    };
    std::string name = cut(base, 31);
    for (int n = 2; std::find(taken.begin(), taken.end(), lower(name)) != taken.end(); ++n) {
        std::string suffix = " (" + std::to_string(n) + ")";
        name = cut(base, 31 - suffix.size()) + suffix;
    }
    taken.push_back(lower(name));
    return name;
}

void write_xlsx(const std::vector<analysis::Table>& tables, const std::filesystem::path& path, const XlsxOptions& o) {
    for (const auto& t : tables) t.check();
    AtomicFile file(path);
    WorkbookPtr wb(workbook_new(file.temp_path().c_str()));
    if (!wb) throw Error("cannot write " + path.string() + ": cannot create the workbook");

    lxw_format* header = workbook_add_format(wb.get());
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(header, 0xE8E8E8);
    format_set_border(header, LXW_BORDER_THIN);
    lxw_format* label = workbook_add_format(wb.get());
    format_set_text_wrap(label);
    format_set_align(label, LXW_ALIGN_VERTICAL_TOP);
    format_set_bold(label);
    format_set_border(label, LXW_BORDER_THIN);
    lxw_format* plain = workbook_add_format(wb.get());
    format_set_text_wrap(plain);
    format_set_align(plain, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(plain, LXW_BORDER_THIN);
    // Heat in five steps: one format each (libxlsxwriter formats are shared, not per cell).
    constexpr int kSteps = 5;
    lxw_format* heat[kSteps];
    for (int i = 0; i < kSteps; ++i) {
        double level = (i + 1.0) / kSteps;
        auto mix = [&](int to) { return static_cast<lxw_color_t>(255 + (to - 255) * level + 0.5); };
        heat[i] = workbook_add_format(wb.get());
        format_set_text_wrap(heat[i]);
        format_set_align(heat[i], LXW_ALIGN_VERTICAL_TOP);
        format_set_border(heat[i], LXW_BORDER_THIN);
        format_set_bg_color(heat[i], (mix(0x6B) << 16) | (mix(0x9A) << 8) | mix(0xC4));
    }

    std::vector<std::string> taken;
    for (const auto& t : tables) {
        std::string name = sheet_name(t.title, taken);
        lxw_worksheet* ws = workbook_add_worksheet(wb.get(), name.c_str());
        if (!ws) throw Error("cannot write " + path.string() + ": cannot add worksheet '" + name + "'");
        auto ncols = static_cast<lxw_col_t>(t.headers.size());
        auto hcols = static_cast<lxw_col_t>(std::min(t.header_cols, t.headers.size()));
        if (hcols > 0) check(worksheet_set_column(ws, 0, static_cast<lxw_col_t>(hcols - 1), o.label_width, nullptr), path, "column widths");
        if (ncols > hcols) check(worksheet_set_column(ws, hcols, static_cast<lxw_col_t>(ncols - 1), o.cell_width, nullptr), path, "column widths");
        for (lxw_col_t c = 0; c < ncols; ++c)
            check(worksheet_write_string(ws, 0, c, fit(t.headers[c]).c_str(), header), path, "header of '" + name + "'");
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            auto row = static_cast<lxw_row_t>(r + 1);
            for (lxw_col_t c = 0; c < ncols; ++c) {
                const std::string& cell = t.rows[r][c];
                double h = t.heat.empty() ? -1 : t.heat[r][c];
                lxw_format* f = c < hcols ? label : h >= 0 ? heat[std::clamp(static_cast<int>(h * kSteps + 0.999) - 1, 0, kSteps - 1)] : plain;
                double v = 0;
                if (cell.empty()) check(worksheet_write_blank(ws, row, c, f), path, "sheet '" + name + "'");
                else if (c >= hcols && as_number(cell, v)) check(worksheet_write_number(ws, row, c, v, f), path, "sheet '" + name + "'");
                else check(worksheet_write_string(ws, row, c, fit(cell).c_str(), f), path, "sheet '" + name + "'");
            }
        }
        for (std::size_t i = 0; i < t.notes.size(); ++i)
            check(worksheet_write_string(ws, static_cast<lxw_row_t>(t.rows.size() + 2 + i), 0, fit(t.notes[i]).c_str(), nullptr),
                  path, "notes of '" + name + "'");
        worksheet_freeze_panes(ws, 1, hcols);
    }
    if (tables.empty()) workbook_add_worksheet(wb.get(), nullptr);  // a workbook needs a sheet
    lxw_error e = workbook_close(wb.release());
    check(e, path, "closing the workbook");
    file.commit();
}

}  // namespace tessera::exporter
