// Implementation of matrix.hpp: one pass over the codings, columns looked up per code.
#include "analysis/matrix.hpp"

#include "analysis/attribute_values.hpp"
#include "analysis/theme_support.hpp"
#include "util/error.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <set>
#include <unordered_map>

namespace tessera::analysis {
namespace {

bool matches(const Case& c, const std::vector<AttributeFilter>& where) {
    return std::all_of(where.begin(), where.end(),
                       [&](const AttributeFilter& f) { return f.matches(c); });
}

void check_attribute_exists(const AnalysisData& d, const std::string& name, const char* what) {
    for (const auto& c : d.cases())
        for (const auto& a : c.attributes)
            if (a.name == name) return;
    throw InvalidArgument(std::string("matrix ") + what + ": no case has an attribute named '" + name + "'");
}

// A coder's columns: their own codebook plus the (team) codes they applied.
bool code_in_scope(const Code& c, const CoderScope& s, const std::set<RowId>& used_by_coder) {
    switch (s.kind) {
    case CoderScope::Kind::all: return true;
    case CoderScope::Kind::team: return !c.owner_coder_id;
    case CoderScope::Kind::coder: return c.owner_coder_id == s.coder_id || used_by_coder.count(c.id);
    }
    return true;
}

bool coding_in_scope(const AnalysisData& d, const Coding& c, const CoderScope& s) {
    switch (s.kind) {
    case CoderScope::Kind::all: return true;
    case CoderScope::Kind::team: return !d.code(c.code_id).owner_coder_id;
    case CoderScope::Kind::coder: return c.coder_id == s.coder_id;
    }
    return true;
}

void add_code_columns(const AnalysisData& d, const MatrixSpec& spec, std::vector<MatrixColumn>& cols) {
    std::set<RowId> used;
    if (spec.scope.kind == CoderScope::Kind::coder)
        for (const auto& c : d.codings())
            if (c.coder_id == spec.scope.coder_id) used.insert(c.code_id);
    std::set<OptId> owners;
    for (const auto& c : d.codes())
        if (code_in_scope(c, spec.scope, used)) owners.insert(c.owner_coder_id);
    bool mixed = owners.size() > 1;
    // Tree order within each codebook: team first, then coders by id.
    std::function<void(OptId, OptId, int, RowId, const std::string&)> walk = [&](OptId owner, OptId parent, int depth,
                                                                                 RowId top, const std::string& top_label) {
        for (const auto& c : d.codes()) {
            if (c.owner_coder_id != owner || c.parent_id != parent) continue;
            bool wanted = code_in_scope(c, spec.scope, used);
            if (!wanted) {  // a parent outside the scope still leads to children inside it
                walk(owner, c.id, depth, top, top_label);
                continue;
            }
            MatrixColumn col;
            col.kind = MatrixAxis::code;
            col.id = c.id;
            col.label = d.code_path(c.id);
            if (mixed) col.label += " [" + (owner ? d.coder(*owner).name : std::string("team")) + "]";
            col.depth = depth;
            col.top_id = depth == 0 ? c.id : top;
            col.top_label = depth == 0 ? c.name : top_label;
            col.color = c.color;
            cols.push_back(col);
            walk(owner, c.id, depth + 1, col.top_id, col.top_label);
        }
    };
    for (const auto& owner : owners) walk(owner, std::nullopt, 0, 0, "");
}

}  // namespace

MatrixRows matrix_rows_from_string(const std::string& s) {
    if (s == "cases") return MatrixRows::cases;
    if (s == "documents") return MatrixRows::documents;
    throw InvalidArgument("matrix rows must be 'cases' or 'documents', not '" + s + "'");
}

MatrixCols matrix_cols_from_string(const std::string& s) {
    if (s == "codes") return MatrixCols::codes;
    if (s == "themes") return MatrixCols::themes;
    throw InvalidArgument("matrix columns must be 'codes' or 'themes', not '" + s + "'");
}

bool AttributeFilter::matches(const Case& c) const { return lists_value(c.attribute(name), value); }

AttributeFilter AttributeFilter::parse(const std::string& s) {
    auto eq = s.find('=');
    if (eq == std::string::npos || eq == 0)
        throw InvalidArgument("filter '" + s + "' is not of the form attribute=value");
    return {s.substr(0, eq), s.substr(eq + 1)};
}

bool natural_less(const std::string& a, const std::string& b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (std::isdigit(static_cast<unsigned char>(a[i])) && std::isdigit(static_cast<unsigned char>(b[j]))) {
            std::size_t i2 = i, j2 = j;
            while (i2 < a.size() && std::isdigit(static_cast<unsigned char>(a[i2]))) ++i2;
            while (j2 < b.size() && std::isdigit(static_cast<unsigned char>(b[j2]))) ++j2;
            std::string na = a.substr(i, i2 - i), nb = b.substr(j, j2 - j);
            na.erase(0, std::min(na.find_first_not_of('0'), na.size()));
            nb.erase(0, std::min(nb.find_first_not_of('0'), nb.size()));
            if (na.size() != nb.size()) return na.size() < nb.size();
            if (na != nb) return na < nb;
            i = i2, j = j2;
        } else {
            if (a[i] != b[j]) return a[i] < b[j];
            ++i, ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

double FrameworkMatrix::heat(std::size_t r, std::size_t c) const {
    return max_count > 0 ? static_cast<double>(count(r, c)) / static_cast<double>(max_count) : 0.0;
}

int FrameworkMatrix::row_index(RowId id) const {
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].id == id) return static_cast<int>(i);
    return -1;
}

int FrameworkMatrix::col_index(RowId id) const {
    for (std::size_t i = 0; i < cols.size(); ++i)
        if (cols[i].id == id) return static_cast<int>(i);
    return -1;
}

FrameworkMatrix build_matrix(const AnalysisData& d, const MatrixSpec& spec) {
    for (const auto& f : spec.where) check_attribute_exists(d, f.name, "filter");
    if (!spec.group_by.empty()) check_attribute_exists(d, spec.group_by, "grouping");
    FrameworkMatrix m;
    const bool by_case = spec.rows == MatrixRows::cases;

    // Rows.
    std::unordered_map<RowId, bool> case_ok;
    for (const auto& c : d.cases()) case_ok[c.id] = matches(c, spec.where);
    if (by_case) {
        for (const auto& c : d.cases())
            if (case_ok[c.id])
                m.rows.push_back({MatrixAxis::case_, c.id, c.name, spec.group_by.empty() ? "" : c.attribute(spec.group_by)});
        std::stable_sort(m.rows.begin(), m.rows.end(), [](const MatrixRow& a, const MatrixRow& b) {
            if (a.group != b.group) return natural_less(a.group, b.group);
            return natural_less(a.label, b.label);
        });
    } else {
        for (const auto& doc : d.documents()) m.rows.push_back({MatrixAxis::document, doc.id, doc.name, ""});
    }

    // Columns, and the columns each code feeds.
    if (spec.cols == MatrixCols::codes) {
        add_code_columns(d, spec, m.cols);
    } else {
        for (auto [id, depth] : theme_tree(d, spec.include_discarded)) {
            const Theme& t = d.theme(id);
            MatrixColumn col{MatrixAxis::theme, id, t.name, depth, id, t.name, t.color};
            if (depth > 0) {
                RowId top = id;
                while (d.theme(top).parent_id) top = *d.theme(top).parent_id;
                col.top_id = top;
                col.top_label = d.theme(top).name;
            }
            m.cols.push_back(col);
        }
    }
    std::unordered_map<RowId, std::vector<std::size_t>> cols_of_code;
    for (std::size_t ci = 0; ci < m.cols.size(); ++ci) {
        if (m.cols[ci].kind == MatrixAxis::code)
            cols_of_code[m.cols[ci].id].push_back(ci);
        else
            for (RowId code : d.theme_codes(m.cols[ci].id, true)) cols_of_code[code].push_back(ci);
    }
    std::unordered_map<RowId, std::size_t> row_of;
    for (std::size_t ri = 0; ri < m.rows.size(); ++ri) row_of[m.rows[ri].id] = ri;

    m.cells.resize(m.rows.size() * m.cols.size());
    const std::size_t ncols = m.cols.size();
    for (const auto& c : d.codings()) {
        auto cit = cols_of_code.find(c.code_id);
        if (cit == cols_of_code.end() || !coding_in_scope(d, c, spec.scope)) continue;
        if (by_case) {
            for (const auto& cc : d.cases_of(c)) {
                auto rit = row_of.find(cc.case_id);
                if (rit == row_of.end()) continue;
                for (std::size_t ci : cit->second) m.cells[rit->second * ncols + ci].coding_ids.push_back(c.id);
            }
        } else {
            if (!spec.where.empty()) {
                auto cases = d.cases_of(c);
                if (!std::any_of(cases.begin(), cases.end(), [&](const CodingCase& cc) { return case_ok[cc.case_id]; }))
                    continue;
            }
            auto rit = row_of.find(c.document_id);
            if (rit == row_of.end()) continue;
            for (std::size_t ci : cit->second) m.cells[rit->second * ncols + ci].coding_ids.push_back(c.id);
        }
    }

    // Charted summaries.
    const MatrixAxis row_axis = by_case ? MatrixAxis::case_ : MatrixAxis::document;
    std::unordered_map<RowId, std::size_t> col_of;
    for (std::size_t ci = 0; ci < m.cols.size(); ++ci) col_of[m.cols[ci].id] = ci;
    const MatrixAxis col_axis = spec.cols == MatrixCols::codes ? MatrixAxis::code : MatrixAxis::theme;
    for (const auto& cell : d.matrix_cells()) {
        if (cell.row_kind != row_axis || cell.col_kind != col_axis) continue;
        auto r = row_of.find(cell.row_id);
        auto c = col_of.find(cell.col_id);
        if (r == row_of.end() || c == col_of.end()) continue;
        auto& dst = m.cells[r->second * ncols + c->second];
        dst.cell_id = cell.id;
        dst.summary = cell.summary;
        dst.charted_coding_ids = cell.coding_ids;
    }

    if (!spec.include_empty_rows || (!by_case && !spec.where.empty())) {
        std::vector<MatrixRow> rows;
        std::vector<MatrixCellData> cells;
        for (std::size_t ri = 0; ri < m.rows.size(); ++ri) {
            bool any = false;
            for (std::size_t ci = 0; ci < ncols; ++ci) {
                const auto& cell = m.cells[ri * ncols + ci];
                any = any || !cell.coding_ids.empty() || !cell.summary.empty();
            }
            if (!any) continue;
            rows.push_back(m.rows[ri]);
            for (std::size_t ci = 0; ci < ncols; ++ci) cells.push_back(std::move(m.cells[ri * ncols + ci]));
        }
        m.rows = std::move(rows);
        m.cells = std::move(cells);
    }
    for (const auto& cell : m.cells) m.max_count = std::max<std::int64_t>(m.max_count, static_cast<std::int64_t>(cell.coding_ids.size()));
    return m;
}

}  // namespace tessera::analysis
