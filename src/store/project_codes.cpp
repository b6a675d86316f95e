// Project: codes, codings, code lineage, codebook alignments and consensus resolutions.
#include "store/project.hpp"

#include "store/project_impl.hpp"
#include "util/error.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace tessera {
namespace {

constexpr const char* kCodeColumns =
    "id, guid, parent_id, name, color, definition, inclusion, exclusion, example, owner_coder_id, created_at";

Code read_code(store::Statement& st) {
    Code c;
    c.id = st.int64(0);
    c.guid = st.str(1);
    c.parent_id = st.opt_int64(2);
    c.name = st.str(3);
    c.color = static_cast<std::uint32_t>(st.int64(4));
    c.definition = st.str(5);
    c.inclusion = st.str(6);
    c.exclusion = st.str(7);
    c.example = st.str(8);
    c.owner_coder_id = st.opt_int64(9);
    c.created_at = st.str(10);
    return c;
}

constexpr const char* kCodingColumns = "id, guid, document_id, start, \"end\", code_id, coder_id, created_at";

Coding read_coding(store::Statement& st) {
    return Coding{st.int64(0), st.str(1), st.int64(2), {st.int64(3), st.int64(4)}, st.int64(5), st.int64(6), st.str(7)};
}

}  // namespace

std::int64_t Project::Impl::document_length(RowId id) {
    auto it = doc_length.find(id);
    if (it != doc_length.end()) return it->second;
    auto& st = db->cached("SELECT length FROM documents WHERE id = ?1");
    store::ResetOnExit st_done(st);
    st.bind(1, id);
    if (!st.step()) store_detail::not_found("document", id);
    return doc_length[id] = st.int64(0);
}

std::vector<Code> Project::codes() const {
    std::vector<Code> out;
    auto& st = m->db->cached(std::string("SELECT ") + kCodeColumns + " FROM codes ORDER BY id");
    while (st.step()) out.push_back(read_code(st));
    return out;
}

Code Project::code(RowId id) const {
    auto& st = m->db->cached(std::string("SELECT ") + kCodeColumns + " FROM codes WHERE id = ?1");
    store::ResetOnExit st_done(st);
    st.bind(1, id);
    if (!st.step()) store_detail::not_found("code", id);
    return read_code(st);
}

std::optional<Code> Project::find_code(const std::string& path, OptId owner) const {
    OptId parent;
    std::optional<Code> found;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        auto& st = m->db->cached(std::string("SELECT ") + kCodeColumns +
                                 " FROM codes WHERE name = ?1 AND parent_id IS ?2 AND owner_coder_id IS ?3");
        store::ResetOnExit st_done(st);
        st.bind(1, part).bind(2, parent).bind(3, owner);
        if (!st.step()) return std::nullopt;
        found = read_code(st);
        parent = found->id;
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return found;
}

std::string Project::code_path(RowId id) const {
    Code c = code(id);
    std::string path = c.name;
    for (int depth = 0; c.parent_id && depth < 64; ++depth) {
        c = code(*c.parent_id);
        path = c.name + "/" + path;
    }
    return path;
}

RowId Project::insert_code(const Code& c) {
    if (c.name.empty()) throw InvalidArgument("a code needs a name");
    if (c.name.find('/') != std::string::npos)
        throw InvalidArgument("code name '" + c.name + "' contains '/', which separates levels of the codebook");
    auto& st = m->db->cached(
        "INSERT INTO codes(id, guid, parent_id, name, color, definition, inclusion, exclusion, example, "
        "owner_coder_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    store_detail::bind_id(st, 1, c.id);
    st.bind(2, store_detail::guid_or_new(c.guid))
        .bind(3, c.parent_id)
        .bind(4, c.name)
        .bind(5, static_cast<std::int64_t>(c.color))
        .bind(6, c.definition)
        .bind(7, c.inclusion)
        .bind(8, c.exclusion)
        .bind(9, c.example)
        .bind(10, c.owner_coder_id)
        .bind(11, c.created_at.empty() ? now_iso8601() : c.created_at)
        .run();
    return m->db->last_insert_id();
}

void Project::update_code(const Code& c) {
    if (c.name.empty()) throw InvalidArgument("a code needs a name");
    if (c.name.find('/') != std::string::npos)
        throw InvalidArgument("code name '" + c.name + "' contains '/', which separates levels of the codebook");
    for (OptId p = c.parent_id; p; p = code(*p).parent_id)
        if (*p == c.id) throw InvalidArgument("a code cannot be moved under itself or its own sub-code");
    m->db->cached("UPDATE codes SET parent_id = ?2, name = ?3, color = ?4, definition = ?5, inclusion = ?6, "
                  "exclusion = ?7, example = ?8, owner_coder_id = ?9 WHERE id = ?1")
        .bind(1, c.id)
        .bind(2, c.parent_id)
        .bind(3, c.name)
        .bind(4, static_cast<std::int64_t>(c.color))
        .bind(5, c.definition)
        .bind(6, c.inclusion)
        .bind(7, c.exclusion)
        .bind(8, c.example)
        .bind(9, c.owner_coder_id)
        .run();
    if (m->db->changes() == 0) store_detail::not_found("code", c.id);
}

void Project::delete_code(RowId id) {
    auto& has = m->db->cached(
        "SELECT (SELECT count(*) FROM codings WHERE code_id = ?1), (SELECT count(*) FROM codes WHERE parent_id = ?1)");
    store::ResetOnExit has_done(has);
    has.bind(1, id);
    has.step();
    if (has.int64(0) > 0 || has.int64(1) > 0)
        throw InvalidArgument("code " + std::to_string(id) + " still has codings or sub-codes");
    m->db->cached("DELETE FROM codes WHERE id = ?1").bind(1, id).run();
    if (m->db->changes() == 0) store_detail::not_found("code", id);
}

std::vector<Coding> Project::codings(const CodingFilter& f) const {
    // One statement per filter shape, so SQLite can use the matching index; the rows are sorted
    // here rather than by SQL, because a 200,000-row ORDER BY spills SQLite's sorter to disk.
    std::string where;
    int n = 0;
    auto add = [&](const char* col, const OptId& v) {
        if (v) where += std::string(where.empty() ? " WHERE " : " AND ") + col + " = ?" + std::to_string(++n);
    };
    add("document_id", f.document_id);
    add("code_id", f.code_id);
    add("coder_id", f.coder_id);
    auto& st = m->db->cached(std::string("SELECT ") + kCodingColumns + " FROM codings" + where);
    n = 0;
    for (const OptId* v : {&f.document_id, &f.code_id, &f.coder_id})
        if (*v) st.bind(++n, **v);
    std::vector<Coding> out;
    while (st.step()) out.push_back(read_coding(st));
    std::sort(out.begin(), out.end(), [](const Coding& a, const Coding& b) {
        return std::tie(a.document_id, a.span.start, a.span.end, a.id) < std::tie(b.document_id, b.span.start, b.span.end, b.id);
    });
    return out;
}

Coding Project::coding(RowId id) const {
    auto& st = m->db->cached(std::string("SELECT ") + kCodingColumns + " FROM codings WHERE id = ?1");
    store::ResetOnExit st_done(st);
    st.bind(1, id);
    if (!st.step()) store_detail::not_found("coding", id);
    return read_coding(st);
}

RowId Project::insert_coding(const Coding& c) {
    const std::int64_t length = m->document_length(c.document_id);
    if (c.span.start < 0 || c.span.end <= c.span.start || c.span.end > length)
        throw InvalidArgument("coding span [" + std::to_string(c.span.start) + ", " + std::to_string(c.span.end) +
                              ") is not inside document " + std::to_string(c.document_id) + " (length " +
                              std::to_string(length) + ")");
    auto& st = m->db->cached(
        "INSERT INTO codings(id, guid, document_id, code_id, coder_id, start, \"end\", created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    store_detail::bind_id(st, 1, c.id);
    st.bind(2, store_detail::guid_or_new(c.guid))
        .bind(3, c.document_id)
        .bind(4, c.code_id)
        .bind(5, c.coder_id)
        .bind(6, c.span.start)
        .bind(7, c.span.end)
        .bind(8, c.created_at.empty() ? now_iso8601() : c.created_at)
        .run();
    return m->db->last_insert_id();
}

void Project::update_coding(const Coding& c) {
    const std::int64_t length = m->document_length(c.document_id);
    if (c.span.start < 0 || c.span.end <= c.span.start || c.span.end > length)
        throw InvalidArgument("coding span [" + std::to_string(c.span.start) + ", " + std::to_string(c.span.end) +
                              ") is not inside the document (length " + std::to_string(length) + ")");
    m->db->cached("UPDATE codings SET start = ?2, \"end\" = ?3, code_id = ?4 WHERE id = ?1")
        .bind(1, c.id)
        .bind(2, c.span.start)
        .bind(3, c.span.end)
        .bind(4, c.code_id)
        .run();
    if (m->db->changes() == 0) store_detail::not_found("coding", c.id);
}

void Project::delete_coding(RowId id) {
    m->db->cached("DELETE FROM codings WHERE id = ?1").bind(1, id).run();
    if (m->db->changes() == 0) store_detail::not_found("coding", id);
}

std::vector<RowId> Project::move_codings(RowId from, RowId to) {
    std::vector<RowId> ids;
    auto& st = m->db->cached("SELECT id FROM codings WHERE code_id = ?1 ORDER BY id");
    st.bind(1, from);
    while (st.step()) ids.push_back(st.int64(0));
    set_coding_code(ids, to);
    return ids;
}

void Project::set_coding_code(const std::vector<RowId>& coding_ids, RowId code_id) {
    for (RowId id : coding_ids)
        m->db->cached("UPDATE codings SET code_id = ?2 WHERE id = ?1").bind(1, id).bind(2, code_id).run();
}

std::vector<LineageEntry> Project::lineage(RowId code_id) const {
    std::vector<LineageEntry> out;
    auto& st = m->db->cached("SELECT code_id, source_guid, source_name, kind FROM code_lineage WHERE code_id = ?1");
    st.bind(1, code_id);
    while (st.step()) out.push_back({st.int64(0), st.str(1), st.str(2), st.str(3)});
    return out;
}

void Project::add_lineage(const LineageEntry& e) {
    m->db->cached("INSERT OR REPLACE INTO code_lineage(code_id, source_guid, source_name, kind) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, e.code_id)
        .bind(2, e.source_guid)
        .bind(3, e.source_name)
        .bind(4, e.kind)
        .run();
}

void Project::remove_lineage(RowId code_id, const std::string& source_guid) {
    m->db->cached("DELETE FROM code_lineage WHERE code_id = ?1 AND source_guid = ?2").bind(1, code_id).bind(2, source_guid).run();
}

std::vector<CodeAlignment> Project::alignments() const {
    std::vector<CodeAlignment> out;
    auto& st = m->db->cached("SELECT id, guid, code_a, code_b, team_code, confirmed FROM code_alignments ORDER BY id");
    while (st.step())
        out.push_back({st.int64(0), st.str(1), st.opt_int64(2), st.opt_int64(3), st.opt_int64(4), st.int64(5) != 0});
    return out;
}

RowId Project::insert_alignment(const CodeAlignment& a) {
    if (!a.code_a && !a.code_b) throw InvalidArgument("an alignment needs at least one code");
    auto& st = m->db->cached(
        "INSERT INTO code_alignments(id, guid, code_a, code_b, team_code, confirmed) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    store_detail::bind_id(st, 1, a.id);
    st.bind(2, store_detail::guid_or_new(a.guid))
        .bind(3, a.code_a)
        .bind(4, a.code_b)
        .bind(5, a.team_code)
        .bind(6, a.confirmed ? 1 : 0)
        .run();
    return m->db->last_insert_id();
}

void Project::delete_alignment(RowId id) { m->db->cached("DELETE FROM code_alignments WHERE id = ?1").bind(1, id).run(); }

std::vector<Resolution> Project::resolutions() const {
    std::vector<Resolution> out;
    auto& st = m->db->cached(
        "SELECT id, guid, document_id, start, \"end\", code_id, decision, note, coder_id, created_at FROM resolutions "
        "ORDER BY id");
    while (st.step())
        out.push_back({st.int64(0), st.str(1), st.int64(2), {st.int64(3), st.int64(4)}, st.opt_int64(5), st.str(6),
                       st.str(7), st.opt_int64(8), st.str(9)});
    return out;
}

RowId Project::insert_resolution(const Resolution& r) {
    auto& st = m->db->cached(
        "INSERT INTO resolutions(id, guid, document_id, start, \"end\", code_id, decision, note, coder_id, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    store_detail::bind_id(st, 1, r.id);
    st.bind(2, store_detail::guid_or_new(r.guid))
        .bind(3, r.document_id)
        .bind(4, r.span.start)
        .bind(5, r.span.end)
        .bind(6, r.code_id)
        .bind(7, r.decision)
        .bind(8, r.note)
        .bind(9, r.coder_id)
        .bind(10, r.created_at.empty() ? now_iso8601() : r.created_at)
        .run();
    return m->db->last_insert_id();
}

void Project::delete_resolution(RowId id) { m->db->cached("DELETE FROM resolutions WHERE id = ?1").bind(1, id).run(); }

}  // namespace tessera
