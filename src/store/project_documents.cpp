// Project: documents with their speakers and turns, and cases with typed attributes.
#include "store/project.hpp"

#include "store/project_impl.hpp"
#include "text/text.hpp"
#include "util/error.hpp"

#include <map>

namespace tessera {
namespace {

constexpr const char* kDocColumns =
    "d.id, d.guid, d.name, d.content_hash, d.origin, d.imported_at, d.position, d.word_count, d.length";

Document read_document(store::Statement& st, bool with_text) {
    Document d;
    d.id = st.int64(0);
    d.guid = st.str(1);
    d.name = st.str(2);
    d.content_hash = st.str(3);
    d.origin = st.str(4);
    d.imported_at = st.str(5);
    d.position = st.int64(6);
    d.word_count = st.int64(7);
    d.length = st.int64(8);
    if (with_text) d.text = st.str(9);
    return d;
}

Turn read_turn(store::Statement& st) {
    Turn t;
    t.id = st.int64(0);
    t.document_id = st.int64(1);
    t.ordinal = st.int64(2);
    t.span = {st.int64(3), st.int64(4)};
    t.speaker_id = st.opt_int64(5);
    t.start_ms = st.opt_int64(6);
    t.end_ms = st.opt_int64(7);
    return t;
}

Speaker read_speaker(store::Statement& st) {
    return Speaker{st.int64(0), st.str(1), st.int64(2), st.str(3), store_detail::stored(speaker_role_from_string, "speaker role", st.str(4)),
                   st.opt_int64(5)};
}

}  // namespace

RowId Project::add_document(const NewDocument& doc, bool allow_duplicate) {
    return add_document(PreparedDocument::prepare(doc), allow_duplicate);
}

RowId Project::add_document(const PreparedDocument& prepared, bool allow_duplicate) {
    const NewDocument& doc = prepared.doc();
    const std::string& hash = prepared.content_hash();
    if (!allow_duplicate) {
        if (auto existing = find_document_by_hash(hash))
            throw InvalidArgument(doc.name + ": the same text is already in the project as '" +
                                  document(*existing).name + "' (use --force to import it again)");
    }

    store::Database& db = *m->db;
    // A rolled-back insert may have left a length cached under a row id SQLite will hand out again.
    m->doc_length.clear();
    store::Transaction tx(db);
    auto& pos = db.cached("SELECT coalesce(max(position), -1) + 1 FROM documents");
    store::ResetOnExit pos_done(pos);
    pos.step();
    const std::int64_t position = pos.int64(0);
    db.cached("INSERT INTO documents(guid, name, content_hash, origin, imported_at, position, word_count, length) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(1, new_guid())
        .bind(2, doc.name)
        .bind(3, hash)
        .bind(4, doc.origin)
        .bind(5, now_iso8601())
        .bind(6, position)
        .bind(7, prepared.word_count())
        .bind(8, prepared.length())
        .run();
    const RowId doc_id = db.last_insert_id();
    db.cached("INSERT INTO document_texts(document_id, text) VALUES (?1, ?2)").bind(1, doc_id).bind(2, doc.text).run();

    std::map<std::string, RowId> speaker_ids;
    auto add_speaker = [&](const NewDocument::NewSpeaker& s) {
        OptId case_id;
        if (s.role == SpeakerRole::participant && !s.case_name.empty()) case_id = ensure_case(s.case_name);
        db.cached("INSERT INTO speakers(guid, document_id, label, role, case_id) VALUES (?1, ?2, ?3, ?4, ?5)")
            .bind(1, new_guid())
            .bind(2, doc_id)
            .bind(3, s.label)
            .bind(4, to_string(s.role))
            .bind(5, case_id)
            .run();
        speaker_ids[s.label] = db.last_insert_id();
    };
    for (const auto& s : doc.speakers)
        if (!speaker_ids.count(s.label)) add_speaker(s);
    std::int64_t ordinal = 0;
    // One statement for all turns, looked up once: a transcript has hundreds of turns.
    store::Statement& insert_turn = db.cached(
        "INSERT INTO turns(document_id, ordinal, start, \"end\", speaker_id, start_ms, end_ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (const auto& t : doc.turns) {
        OptId speaker;
        if (!t.speaker_label.empty()) {
            auto known = speaker_ids.find(t.speaker_label);
            if (known == speaker_ids.end()) {
                add_speaker({t.speaker_label, SpeakerRole::participant, t.speaker_label});
                known = speaker_ids.find(t.speaker_label);
            }
            speaker = known->second;
        }
        insert_turn.reset();
        insert_turn.bind(1, doc_id)
            .bind(2, ordinal++)
            .bind(3, t.span.start)
            .bind(4, t.span.end)
            .bind(5, speaker)
            .bind(6, t.start_ms)
            .bind(7, t.end_ms)
            .run();
    }
    tx.commit();
    return doc_id;
}

void Project::delete_document(RowId id) {
    m->doc_length.erase(id);
    m->db->cached("DELETE FROM documents WHERE id = ?1").bind(1, id).run();
    if (m->db->changes() == 0) store_detail::not_found("document", id);
}

std::vector<Document> Project::documents(bool with_text) const {
    std::vector<Document> out;
    auto& st = m->db->cached(std::string("SELECT ") + kDocColumns +
                             (with_text ? ", t.text FROM documents d JOIN document_texts t ON t.document_id = d.id"
                                        : " FROM documents d") +
                             " ORDER BY d.position");
    while (st.step()) out.push_back(read_document(st, with_text));
    return out;
}

Document Project::document(RowId id) const {
    auto& st = m->db->cached(std::string("SELECT ") + kDocColumns +
                             ", t.text FROM documents d JOIN document_texts t ON t.document_id = d.id WHERE d.id = ?1");
    store::ResetOnExit st_done(st);
    st.bind(1, id);
    if (!st.step()) store_detail::not_found("document", id);
    return read_document(st, true);
}

std::optional<Document> Project::find_document(const std::string& name) const {
    auto& st = m->db->cached("SELECT id FROM documents WHERE name = ?1 ORDER BY position LIMIT 1");
    store::ResetOnExit st_done(st);
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return document(st.int64(0));
}

std::optional<RowId> Project::find_document_by_hash(const std::string& hash) const {
    auto& st = m->db->cached("SELECT id FROM documents WHERE content_hash = ?1 LIMIT 1");
    store::ResetOnExit st_done(st);
    st.bind(1, hash);
    if (!st.step()) return std::nullopt;
    return st.int64(0);
}

std::vector<Turn> Project::turns(RowId document_id) const {
    std::vector<Turn> out;
    auto& st = m->db->cached(
        "SELECT id, document_id, ordinal, start, \"end\", speaker_id, start_ms, end_ms FROM turns "
        "WHERE document_id = ?1 ORDER BY ordinal");
    st.bind(1, document_id);
    while (st.step()) out.push_back(read_turn(st));
    return out;
}

std::vector<Turn> Project::all_turns() const {
    std::vector<Turn> out;
    auto& st = m->db->cached(
        "SELECT id, document_id, ordinal, start, \"end\", speaker_id, start_ms, end_ms FROM turns "
        "ORDER BY document_id, ordinal");
    while (st.step()) out.push_back(read_turn(st));
    return out;
}

std::vector<Speaker> Project::speakers(RowId document_id) const {
    std::vector<Speaker> out;
    auto& st = m->db->cached(
        "SELECT id, guid, document_id, label, role, case_id FROM speakers WHERE document_id = ?1 ORDER BY id");
    st.bind(1, document_id);
    while (st.step()) out.push_back(read_speaker(st));
    return out;
}

std::vector<Speaker> Project::all_speakers() const {
    std::vector<Speaker> out;
    auto& st = m->db->cached("SELECT id, guid, document_id, label, role, case_id FROM speakers ORDER BY id");
    while (st.step()) out.push_back(read_speaker(st));
    return out;
}

void Project::set_speaker(const Speaker& s) {
    m->db->cached("UPDATE speakers SET role = ?2, case_id = ?3, label = ?4 WHERE id = ?1")
        .bind(1, s.id)
        .bind(2, to_string(s.role))
        .bind(3, s.case_id)
        .bind(4, s.label)
        .run();
    if (m->db->changes() == 0) store_detail::not_found("speaker", s.id);
}

std::vector<Case> Project::cases() const {
    std::vector<Case> out;
    std::map<RowId, std::size_t> index;
    auto& st = m->db->cached("SELECT id, guid, name FROM cases ORDER BY id");
    while (st.step()) {
        index[st.int64(0)] = out.size();
        out.push_back(Case{st.int64(0), st.str(1), st.str(2), {}});
    }
    auto& at = m->db->cached("SELECT case_id, name, type, value FROM case_attributes ORDER BY case_id, rowid");
    while (at.step()) {
        auto it = index.find(at.int64(0));
        if (it != index.end())
            out[it->second].attributes.push_back({at.str(1), store_detail::stored(attribute_type_from_string, "attribute type", at.str(2)), at.str(3)});
    }
    return out;
}

Case Project::case_(RowId id) const {
    for (auto& c : cases())
        if (c.id == id) return c;
    store_detail::not_found("case", id);
}

std::optional<Case> Project::find_case(const std::string& name) const {
    auto& st = m->db->cached("SELECT id FROM cases WHERE name = ?1");
    store::ResetOnExit st_done(st);
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return case_(st.int64(0));
}

RowId Project::ensure_case(const std::string& name) {
    if (name.empty()) throw InvalidArgument("a case needs a name");
    auto& st = m->db->cached("SELECT id FROM cases WHERE name = ?1");
    store::ResetOnExit st_done(st);
    st.bind(1, name);
    if (st.step()) return st.int64(0);
    m->db->cached("INSERT INTO cases(guid, name) VALUES (?1, ?2)").bind(1, new_guid()).bind(2, name).run();
    return m->db->last_insert_id();
}

bool Project::delete_case(RowId id) {
    m->db->cached("DELETE FROM cases WHERE id = ?1").bind(1, id).run();
    return m->db->changes() > 0;
}

bool Project::remove_attribute(RowId case_id, const std::string& name) {
    m->db->cached("DELETE FROM case_attributes WHERE case_id = ?1 AND name = ?2").bind(1, case_id).bind(2, name).run();
    return m->db->changes() > 0;
}

void Project::set_attribute(RowId case_id, const Attribute& a) {
    if (a.name.empty()) throw InvalidArgument("an attribute needs a name");
    m->db->cached("INSERT INTO case_attributes(case_id, name, type, value) VALUES (?1, ?2, ?3, ?4) "
                  "ON CONFLICT(case_id, name) DO UPDATE SET type = ?3, value = ?4")
        .bind(1, case_id)
        .bind(2, a.name)
        .bind(3, to_string(a.type))
        .bind(4, a.value)
        .run();
}

}  // namespace tessera
