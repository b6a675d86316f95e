// Project: memos, themes with their codes, theme links, framework-matrix cells and recommendations.
#include "store/project.hpp"

#include "store/project_impl.hpp"
#include "util/error.hpp"

#include <map>

namespace tessera {
namespace {

Memo read_memo(store::Statement& st) {
    Memo m;
    m.id = st.int64(0);
    m.guid = st.str(1);
    m.target = store_detail::stored(memo_target_from_string, "memo target", st.str(2));
    m.target_id = st.opt_int64(3);
    m.coder_id = st.opt_int64(4);
    m.title = st.str(5);
    m.body = st.str(6);
    m.created_at = st.str(7);
    m.modified_at = st.str(8);
    return m;
}

constexpr const char* kMemoColumns = "id, guid, target, target_id, coder_id, title, body, created_at, modified_at";
constexpr const char* kThemeColumns =
    "id, guid, parent_id, name, definition, scope, not_scope, status, discard_reason, map_x, map_y, color";

Theme read_theme(store::Statement& st) {
    Theme t;
    t.id = st.int64(0);
    t.guid = st.str(1);
    t.parent_id = st.opt_int64(2);
    t.name = st.str(3);
    t.definition = st.str(4);
    t.scope = st.str(5);
    t.not_scope = st.str(6);
    t.status = store_detail::stored(theme_status_from_string, "theme status", st.str(7));
    t.discard_reason = st.str(8);
    t.map_x = st.opt_real(9);
    t.map_y = st.opt_real(10);
    t.color = static_cast<std::uint32_t>(st.int64(11));
    return t;
}

}  // namespace

std::vector<Memo> Project::memos() const {
    std::vector<Memo> out;
    auto& st = m->db->cached(std::string("SELECT ") + kMemoColumns + " FROM memos ORDER BY id");
    while (st.step()) out.push_back(read_memo(st));
    return out;
}

std::vector<Memo> Project::memos_for(MemoTarget t, OptId target_id) const {
    std::vector<Memo> out;
    auto& st = m->db->cached(std::string("SELECT ") + kMemoColumns +
                             " FROM memos WHERE target = ?1 AND target_id IS ?2 ORDER BY id");
    st.bind(1, to_string(t)).bind(2, target_id);
    while (st.step()) out.push_back(read_memo(st));
    return out;
}

Memo Project::memo(RowId id) const {
    auto& st = m->db->cached(std::string("SELECT ") + kMemoColumns + " FROM memos WHERE id = ?1");
    store::ResetOnExit st_done(st);
    st.bind(1, id);
    if (!st.step()) store_detail::not_found("memo", id);
    return read_memo(st);
}

RowId Project::insert_memo(const Memo& memo) {
    if (memo.target != MemoTarget::project && !memo.target_id)
        throw InvalidArgument(std::string("a memo on a ") + to_string(memo.target) + " needs the id of its target");
    const std::string now = now_iso8601();
    auto& st = m->db->cached("INSERT INTO memos(id, guid, target, target_id, coder_id, title, body, created_at, "
                             "modified_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    store_detail::bind_id(st, 1, memo.id);
    st.bind(2, store_detail::guid_or_new(memo.guid))
        .bind(3, to_string(memo.target))
        .bind(4, memo.target_id)
        .bind(5, memo.coder_id)
        .bind(6, memo.title)
        .bind(7, memo.body)
        .bind(8, memo.created_at.empty() ? now : memo.created_at)
        .bind(9, memo.modified_at.empty() ? now : memo.modified_at)
        .run();
    return m->db->last_insert_id();
}

void Project::update_memo(const Memo& memo) {
    m->db->cached("UPDATE memos SET title = ?2, body = ?3, modified_at = ?4 WHERE id = ?1")
        .bind(1, memo.id)
        .bind(2, memo.title)
        .bind(3, memo.body)
        .bind(4, now_iso8601())
        .run();
    if (m->db->changes() == 0) store_detail::not_found("memo", memo.id);
}

void Project::delete_memo(RowId id) {
    m->db->cached("DELETE FROM memos WHERE id = ?1").bind(1, id).run();
    if (m->db->changes() == 0) store_detail::not_found("memo", id);
}

std::vector<Theme> Project::themes() const {
    std::vector<Theme> out;
    std::map<RowId, std::size_t> index;
    auto& st = m->db->cached(std::string("SELECT ") + kThemeColumns + " FROM themes ORDER BY id");
    while (st.step()) {
        index[st.int64(0)] = out.size();
        out.push_back(read_theme(st));
    }
    auto& tc = m->db->cached("SELECT theme_id, code_id FROM theme_codes ORDER BY theme_id, rowid");
    while (tc.step()) {
        auto it = index.find(tc.int64(0));
        if (it != index.end()) out[it->second].code_ids.push_back(tc.int64(1));
    }
    return out;
}

Theme Project::theme(RowId id) const {
    auto& st = m->db->cached(std::string("SELECT ") + kThemeColumns + " FROM themes WHERE id = ?1");
    store::ResetOnExit st_done(st);
    st.bind(1, id);
    if (!st.step()) store_detail::not_found("theme", id);
    Theme t = read_theme(st);
    auto& tc = m->db->cached("SELECT code_id FROM theme_codes WHERE theme_id = ?1 ORDER BY rowid");
    tc.bind(1, id);
    while (tc.step()) t.code_ids.push_back(tc.int64(0));
    return t;
}

std::optional<Theme> Project::find_theme(const std::string& path) const {
    OptId parent;
    OptId found;
    std::size_t start = 0;
    while (true) {
        std::size_t slash = path.find('/', start);
        std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        auto& st = m->db->cached("SELECT id FROM themes WHERE name = ?1 AND parent_id IS ?2");
        store::ResetOnExit st_done(st);
        st.bind(1, part).bind(2, parent);
        if (!st.step()) return std::nullopt;
        found = parent = st.int64(0);
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return theme(*found);
}

std::string Project::theme_path(RowId id) const {
    Theme t = theme(id);
    std::string path = t.name;
    for (int depth = 0; t.parent_id && depth < 64; ++depth) {
        t = theme(*t.parent_id);
        path = t.name + "/" + path;
    }
    return path;
}

static void write_theme_codes(store::Database& db, RowId theme_id, const std::vector<RowId>& codes) {
    db.cached("DELETE FROM theme_codes WHERE theme_id = ?1").bind(1, theme_id).run();
    for (RowId c : codes)
        db.cached("INSERT OR IGNORE INTO theme_codes(theme_id, code_id) VALUES (?1, ?2)").bind(1, theme_id).bind(2, c).run();
}

RowId Project::insert_theme(const Theme& t) {
    if (t.name.empty()) throw InvalidArgument("a theme needs a name");
    if (t.status == ThemeStatus::discarded && t.discard_reason.empty())
        throw InvalidArgument("theme '" + t.name + "': a discarded theme needs a reason");
    auto& st = m->db->cached(
        "INSERT INTO themes(id, guid, parent_id, name, definition, scope, not_scope, status, discard_reason, map_x, "
        "map_y, color) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    store_detail::bind_id(st, 1, t.id);
    st.bind(2, store_detail::guid_or_new(t.guid))
        .bind(3, t.parent_id)
        .bind(4, t.name)
        .bind(5, t.definition)
        .bind(6, t.scope)
        .bind(7, t.not_scope)
        .bind(8, to_string(t.status))
        .bind(9, t.discard_reason)
        .bind(10, t.map_x)
        .bind(11, t.map_y)
        .bind(12, static_cast<std::int64_t>(t.color))
        .run();
    RowId id = m->db->last_insert_id();
    write_theme_codes(*m->db, id, t.code_ids);
    return id;
}

void Project::update_theme(const Theme& t) {
    if (t.name.empty()) throw InvalidArgument("a theme needs a name");
    if (t.status == ThemeStatus::discarded && t.discard_reason.empty())
        throw InvalidArgument("theme '" + t.name + "': a discarded theme needs a reason");
    for (OptId p = t.parent_id; p; p = theme(*p).parent_id)
        if (*p == t.id) throw InvalidArgument("a theme cannot be nested under itself or its own sub-theme");
    m->db->cached("UPDATE themes SET parent_id = ?2, name = ?3, definition = ?4, scope = ?5, not_scope = ?6, "
                  "status = ?7, discard_reason = ?8, map_x = ?9, map_y = ?10, color = ?11 WHERE id = ?1")
        .bind(1, t.id)
        .bind(2, t.parent_id)
        .bind(3, t.name)
        .bind(4, t.definition)
        .bind(5, t.scope)
        .bind(6, t.not_scope)
        .bind(7, to_string(t.status))
        .bind(8, t.discard_reason)
        .bind(9, t.map_x)
        .bind(10, t.map_y)
        .bind(11, static_cast<std::int64_t>(t.color))
        .run();
    if (m->db->changes() == 0) store_detail::not_found("theme", t.id);
    write_theme_codes(*m->db, t.id, t.code_ids);
}

void Project::delete_theme(RowId id) {
    auto& st = m->db->cached("SELECT count(*) FROM themes WHERE parent_id = ?1");
    store::ResetOnExit st_done(st);
    st.bind(1, id);
    st.step();
    if (st.int64(0) > 0) throw InvalidArgument("theme " + std::to_string(id) + " still has sub-themes");
    m->db->cached("DELETE FROM themes WHERE id = ?1").bind(1, id).run();
    if (m->db->changes() == 0) store_detail::not_found("theme", id);
}

std::vector<ThemeLink> Project::theme_links() const {
    std::vector<ThemeLink> out;
    auto& st = m->db->cached("SELECT id, guid, from_theme, to_theme, label FROM theme_links ORDER BY id");
    while (st.step()) out.push_back({st.int64(0), st.str(1), st.int64(2), st.int64(3), st.str(4)});
    return out;
}

RowId Project::insert_theme_link(const ThemeLink& l) {
    if (l.from_theme == l.to_theme) throw InvalidArgument("a theme link needs two different themes");
    auto& st = m->db->cached("INSERT INTO theme_links(id, guid, from_theme, to_theme, label) VALUES (?1, ?2, ?3, ?4, ?5)");
    store_detail::bind_id(st, 1, l.id);
    st.bind(2, store_detail::guid_or_new(l.guid)).bind(3, l.from_theme).bind(4, l.to_theme).bind(5, l.label).run();
    return m->db->last_insert_id();
}

void Project::delete_theme_link(RowId id) { m->db->cached("DELETE FROM theme_links WHERE id = ?1").bind(1, id).run(); }

std::vector<MatrixCell> Project::matrix_cells() const {
    std::vector<MatrixCell> out;
    std::map<RowId, std::size_t> index;
    auto& st = m->db->cached(
        "SELECT id, guid, row_kind, row_id, col_kind, col_id, summary, modified_at FROM matrix_cells ORDER BY id");
    while (st.step()) {
        index[st.int64(0)] = out.size();
        out.push_back({st.int64(0), st.str(1), store_detail::stored(matrix_axis_from_string, "matrix axis", st.str(2)), st.int64(3),
                       store_detail::stored(matrix_axis_from_string, "matrix axis", st.str(4)), st.int64(5), st.str(6), {}, st.str(7)});
    }
    auto& cc = m->db->cached("SELECT cell_id, coding_id FROM matrix_cell_codings ORDER BY cell_id, rowid");
    while (cc.step()) {
        auto it = index.find(cc.int64(0));
        if (it != index.end()) out[it->second].coding_ids.push_back(cc.int64(1));
    }
    return out;
}

std::optional<MatrixCell> Project::matrix_cell(MatrixAxis rk, RowId rid, MatrixAxis ck, RowId cid) const {
    for (auto& c : matrix_cells())
        if (c.row_kind == rk && c.row_id == rid && c.col_kind == ck && c.col_id == cid) return c;
    return std::nullopt;
}

RowId Project::upsert_matrix_cell(const MatrixCell& c) {
    if (c.row_kind != MatrixAxis::case_ && c.row_kind != MatrixAxis::document)
        throw InvalidArgument("matrix rows are cases or documents");
    if (c.col_kind != MatrixAxis::code && c.col_kind != MatrixAxis::theme)
        throw InvalidArgument("matrix columns are codes or themes");
    auto& st = m->db->cached(
        "INSERT INTO matrix_cells(guid, row_kind, row_id, col_kind, col_id, summary, modified_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(row_kind, row_id, col_kind, col_id) "
        "DO UPDATE SET summary = ?6, modified_at = ?7 RETURNING id");
    store::ResetOnExit st_done(st);
    st.bind(1, store_detail::guid_or_new(c.guid))
        .bind(2, to_string(c.row_kind))
        .bind(3, c.row_id)
        .bind(4, to_string(c.col_kind))
        .bind(5, c.col_id)
        .bind(6, c.summary)
        .bind(7, now_iso8601());
    if (!st.step()) throw StorageError("matrix cell was not written");
    RowId id = st.int64(0);
    st.run();
    m->db->cached("DELETE FROM matrix_cell_codings WHERE cell_id = ?1").bind(1, id).run();
    for (RowId k : c.coding_ids)
        m->db->cached("INSERT OR IGNORE INTO matrix_cell_codings(cell_id, coding_id) VALUES (?1, ?2)").bind(1, id).bind(2, k).run();
    return id;
}

void Project::delete_matrix_cell(RowId id) { m->db->cached("DELETE FROM matrix_cells WHERE id = ?1").bind(1, id).run(); }

std::vector<Recommendation> Project::recommendations() const {
    std::vector<Recommendation> out;
    std::map<RowId, std::size_t> index;
    auto& st = m->db->cached("SELECT id, guid, label, text, position FROM recommendations ORDER BY position, id");
    while (st.step()) {
        index[st.int64(0)] = out.size();
        out.push_back({st.int64(0), st.str(1), st.str(2), st.str(3), st.int64(4), {}});
    }
    auto& rt = m->db->cached("SELECT recommendation_id, theme_id FROM recommendation_themes ORDER BY rowid");
    while (rt.step()) {
        auto it = index.find(rt.int64(0));
        if (it != index.end()) out[it->second].theme_ids.push_back(rt.int64(1));
    }
    return out;
}

RowId Project::insert_recommendation(const Recommendation& r) {
    if (r.text.empty()) throw InvalidArgument("a recommendation needs text");
    auto& st = m->db->cached("INSERT INTO recommendations(id, guid, label, text, position) VALUES (?1, ?2, ?3, ?4, ?5)");
    store_detail::bind_id(st, 1, r.id);
    st.bind(2, store_detail::guid_or_new(r.guid)).bind(3, r.label).bind(4, r.text).bind(5, r.position).run();
    RowId id = m->db->last_insert_id();
    for (RowId t : r.theme_ids)
        m->db->cached("INSERT OR IGNORE INTO recommendation_themes(recommendation_id, theme_id) VALUES (?1, ?2)")
            .bind(1, id)
            .bind(2, t)
            .run();
    return id;
}

}  // namespace tessera
