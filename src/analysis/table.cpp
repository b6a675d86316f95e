// Implementation of table.hpp: every analysis turned into rows of text.
#include "analysis/table.hpp"

#include "util/error.hpp"

#include <algorithm>
#include <cstdio>

namespace tessera::analysis {

std::string format_fixed(double v, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

void Table::add(std::vector<std::string> row) {
    row.resize(headers.size());
    rows.push_back(std::move(row));
}

void Table::check() const {
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].size() != headers.size())
            throw InvalidArgument("table '" + title + "': row " + std::to_string(i + 1) + " has " +
                                  std::to_string(rows[i].size()) + " cells for " + std::to_string(headers.size()) +
                                  " columns");
    if (!heat.empty() && heat.size() != rows.size())
        throw InvalidArgument("table '" + title + "': heat has " + std::to_string(heat.size()) + " rows for " +
                              std::to_string(rows.size()));
    for (std::size_t i = 0; i < heat.size(); ++i)
        if (heat[i].size() != headers.size())
            throw InvalidArgument("table '" + title + "': heat row " + std::to_string(i + 1) + " has the wrong width");
}

std::string matrix_cell_text(const FrameworkMatrix& m, const AnalysisData& d, std::size_t r, std::size_t c,
                             const MatrixTableOptions& o) {
    const auto& cell = m.at(r, c);
    const std::int64_t n = m.count(r, c);
    std::string out;
    auto add_line = [&](const std::string& s) {
        if (s.empty()) return;
        if (!out.empty()) out += "\n";
        out += s;
    };
    switch (o.content) {
    case CellContent::counts: return std::to_string(n);
    case CellContent::summary: return cell.summary;
    case CellContent::summary_and_counts:
        add_line(cell.summary);
        if (n > 0) add_line("[" + std::to_string(n) + (n == 1 ? " extract]" : " extracts]"));
        return out;
    case CellContent::summary_and_extracts: {
        add_line(cell.summary);
        // Charted (analyst-linked) extracts first, then the others, up to max_extracts.
        std::vector<RowId> ids = cell.charted_coding_ids;
        for (RowId id : cell.coding_ids)
            if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        std::size_t shown = 0;
        for (RowId id : ids) {
            if (shown == o.max_extracts) break;
            Extract e = make_extract(d, d.coding(id));
            add_line("\u201C" + e.text + "\u201D (" + e.participant_label() + ")");
            ++shown;
        }
        if (ids.size() > shown) add_line("[+" + std::to_string(ids.size() - shown) + " more]");
        return out;
    }
    }
    return out;
}

std::vector<Table> matrix_tables(const FrameworkMatrix& m, const AnalysisData& d, const MatrixTableOptions& o) {
    const bool grouped = std::any_of(m.rows.begin(), m.rows.end(), [](const MatrixRow& r) { return !r.group.empty(); });
    // Column groups in first-seen order.
    std::vector<std::pair<RowId, std::string>> groups;
    if (o.per_theme) {
        for (const auto& c : m.cols)
            if (std::none_of(groups.begin(), groups.end(), [&](const auto& g) { return g.first == c.top_id; }))
                groups.emplace_back(c.top_id, c.top_label);
    } else {
        groups.emplace_back(0, "Framework matrix");
    }
    std::vector<Table> out;
    for (const auto& [gid, glabel] : groups) {
        Table t;
        t.title = glabel;
        t.headers.push_back(m.rows.empty() || m.rows[0].kind == MatrixAxis::case_ ? "Case" : "Document");
        if (grouped) t.headers.push_back("Group");
        t.header_cols = t.headers.size();
        std::vector<std::size_t> cols;
        for (std::size_t c = 0; c < m.cols.size(); ++c) {
            if (o.per_theme && m.cols[c].top_id != gid) continue;
            cols.push_back(c);
            std::string indent;
            for (int i = 0; i < m.cols[c].depth; ++i) indent += "\u2003";  // em space: visible sub-level
            t.headers.push_back(indent + m.cols[c].label);
        }
        for (std::size_t r = 0; r < m.rows.size(); ++r) {
            std::vector<std::string> row{m.rows[r].label};
            std::vector<double> heat(t.header_cols, -1.0);
            if (grouped) row.push_back(m.rows[r].group);
            for (std::size_t c : cols) {
                row.push_back(matrix_cell_text(m, d, r, c, o));
                heat.push_back(o.heat && m.count(r, c) > 0 ? m.heat(r, c) : -1.0);
            }
            t.rows.push_back(std::move(row));
            if (o.heat) t.heat.push_back(std::move(heat));
        }
        out.push_back(std::move(t));
    }
    return out;
}

Table to_table(const Cooccurrence& c) {
    Table t;
    t.title = std::string("Code co-occurrence (same ") + to_string(c.unit) + ")";
    t.headers.push_back("Code");
    for (const auto& l : c.labels) t.headers.push_back(l);
    std::int64_t max = 0;
    for (std::size_t i = 0; i < c.counts.size(); ++i)
        for (std::size_t j = 0; j < c.counts.size(); ++j)
            if (i != j) max = std::max(max, c.counts[i][j]);
    for (std::size_t i = 0; i < c.labels.size(); ++i) {
        std::vector<std::string> row{c.labels[i]};
        std::vector<double> heat{-1.0};
        for (std::size_t j = 0; j < c.labels.size(); ++j) {
            row.push_back(std::to_string(c.counts[i][j]));
            heat.push_back(i != j && max > 0 && c.counts[i][j] > 0 ? double(c.counts[i][j]) / double(max) : -1.0);
        }
        t.rows.push_back(std::move(row));
        t.heat.push_back(std::move(heat));
    }
    t.notes.push_back(c.unit == CooccurrenceUnit::span
                          ? "Off the diagonal: pairs of overlapping codings; diagonal: codings of the code."
                          : std::string("Off the diagonal: ") + to_string(c.unit) +
                                "s holding both codes; diagonal: " + to_string(c.unit) + "s holding the code.");
    return t;
}

Table to_table(const Saturation& s) {
    Table t;
    t.title = "Saturation: new codes per document in collection order";
    t.headers = {"Order", "Document", "Codings", "Codes used", "New codes", "Cumulative codes", "New code names"};
    for (std::size_t i = 0; i < s.points.size(); ++i) {
        const auto& p = s.points[i];
        std::string names;
        for (const auto& n : p.new_code_labels) names += (names.empty() ? "" : "; ") + n;
        t.add({std::to_string(i + 1), p.document_name, std::to_string(p.codings), std::to_string(p.codes_used),
               std::to_string(p.new_codes), std::to_string(p.cumulative_codes), names});
    }
    return t;
}

Table to_table(const CrossTab& x) {
    Table t;
    t.title = "Codes by " + x.attribute + " (cases with the code)";
    t.headers.push_back("Code");
    for (std::size_t i = 0; i < x.values.size(); ++i)
        t.headers.push_back(x.values[i] + " (n=" + std::to_string(x.cases_per_value[i]) + ")");
    for (std::size_t r = 0; r < x.code_ids.size(); ++r) {
        std::vector<std::string> row{x.code_labels[r]};
        for (std::size_t c = 0; c < x.values.size(); ++c)
            row.push_back(std::to_string(x.cases[r][c]) + " (" + std::to_string(x.codings[r][c]) + ")");
        t.rows.push_back(std::move(row));
    }
    t.notes.push_back("Cells: cases with at least one coding of the code (codings in brackets).");
    return t;
}

Table to_table(const ThemeCoverage& c) {
    Table t;
    t.title = "Theme coverage by focus group";
    t.headers.push_back("Theme");
    for (const auto& g : c.group_labels) t.headers.push_back(g);
    t.headers.push_back("Groups");
    for (std::size_t i = 0; i < c.theme_ids.size(); ++i) {
        std::vector<std::string> row{c.theme_labels[i]};
        std::int64_t groups = 0;
        for (std::size_t g = 0; g < c.groups.size(); ++g) {
            groups += c.extracts[i][g] > 0;
            row.push_back(c.extracts[i][g] ? std::to_string(c.extracts[i][g]) + " (" +
                                                 std::to_string(c.participants[i][g]) + ")"
                                           : "");
        }
        row.push_back(std::to_string(groups));
        t.rows.push_back(std::move(row));
    }
    t.notes.push_back("Cells: extracts (participants).");
    return t;
}

Table to_table(const std::vector<ThemeSupport>& s) {
    Table t;
    t.title = "Theme support";
    t.headers = {"Theme", "Status", "Extracts", "Participants", "Documents", "Groups", "Coders", "Warnings"};
    for (const auto& x : s) {
        std::string coders, warnings;
        for (const auto& c : x.coders) coders += (coders.empty() ? "" : "; ") + c.coder_name + " " + std::to_string(c.codings);
        for (const auto& w : x.warnings) warnings += (warnings.empty() ? "" : "; ") + w;
        t.add({std::string(static_cast<std::size_t>(x.depth) * 2, ' ') + x.theme_path.substr(x.theme_path.rfind('/') + 1),
               to_string(x.status), std::to_string(x.extracts),
               std::to_string(x.participants.size()), std::to_string(x.documents.size()),
               std::to_string(x.groups.size()), coders, warnings});
    }
    return t;
}

Table to_table(const SampleCharacteristics& s) {
    Table t;
    t.title = "Sample characteristics (n = " + std::to_string(s.n) + ")";
    t.headers = {"Characteristic", "Value"};
    for (const auto& n : s.numbers) {
        std::string v = n.n ? format_fixed(n.mean, 1) + " (" + format_fixed(n.sd, 1) + "), range " +
                                  format_fixed(n.min, 0) + "\u2013" + format_fixed(n.max, 0)
                            : "not recorded";
        if (n.missing) v += "; not recorded: " + std::to_string(n.missing);
        t.add({n.attribute + ", mean (SD)", v});
    }
    bool multiple = false;
    for (const auto& c : s.categories) {
        multiple = multiple || c.multiple;
        t.add({c.multiple ? c.attribute + " (several per case)" : c.attribute, ""});
        for (const auto& v : c.counts)
            t.add({"\u2003" + v.value, std::to_string(v.n) + " (" + format_fixed(v.percent, 1) + "%)"});
    }
    if (multiple)
        t.notes.push_back("Where a case lists several values (written with ';', e.g. FG1;MC1), it counts under each, "
                          "so those percentages can add up to more than 100%.");
    return t;
}

Table quotes_table(const std::string& theme_name, const std::vector<Extract>& quotes) {
    Table t;
    t.title = "Illustrative quotes: " + theme_name;
    t.headers = {"Theme", "Quote", "Participant"};
    for (const auto& q : quotes) t.add({theme_name, "\u201C" + q.text + "\u201D", q.participant_label()});
    return t;
}

}  // namespace tessera::analysis
