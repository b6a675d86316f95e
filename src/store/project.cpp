// Project: opening and creating the file safely, settings, coders, audit log and counts.
#include "store/project.hpp"

#include "store/project_impl.hpp"
#include "store/schema.hpp"
#include "util/error.hpp"

#include <array>
#include <cstring>
#include <fstream>

namespace tessera {
namespace store_detail {

std::string guid_or_new(const std::string& guid) { return guid.empty() ? new_guid() : guid; }

void not_found(const char* what, RowId id) {
    throw InvalidArgument(std::string("no ") + what + " with id " + std::to_string(id));
}

}  // namespace store_detail

namespace {

std::uint32_t be32(const unsigned char* p) {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

// Checks the 100-byte SQLite header before SQLite touches the file, so that a foreign or newer
// file is refused without any chance of being written to.
void check_header(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw StorageError(path.string() + ": no such project file");
    if (std::filesystem::is_directory(path, ec)) throw StorageError(path.string() + ": is a folder, not a project file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw StorageError(path.string() + ": cannot be read (check its permissions)");
    std::array<unsigned char, 100> h{};
    in.read(reinterpret_cast<char*>(h.data()), h.size());
    std::streamsize got = in.gcount();
    if (got == 0) throw StorageError(path.string() + ": is empty, not a Tessera project");
    if (got < 100 || std::memcmp(h.data(), "SQLite format 3", 16) != 0)
        throw StorageError(path.string() + ": is not a Tessera project (not an SQLite database)");
    std::uint32_t app = be32(&h[68]);
    std::uint32_t version = be32(&h[60]);
    if (app != static_cast<std::uint32_t>(store::kApplicationId))
        throw StorageError(path.string() + ": is not a Tessera project (an SQLite database of another program)");
    if (version > static_cast<std::uint32_t>(store::kSchemaVersion))
        throw StorageError(path.string() + ": was made by a newer Tessera (project schema " + std::to_string(version) +
                           ", this version reads up to " + std::to_string(store::kSchemaVersion) +
                           "); update Tessera to open it. The file was not changed.");
}

int pragma_int(store::Database& db, const char* pragma) {
    auto st = db.prepare(std::string("PRAGMA ") + pragma);
    int v = st.step() ? static_cast<int>(st.int64(0)) : 0;
    st.reset();
    return v;
}

void configure(store::Database& db) {
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA synchronous = NORMAL");
}

}  // namespace

Project::Project(std::unique_ptr<Impl> impl) : m(std::move(impl)) {}
Project::Project(Project&&) noexcept = default;
Project& Project::operator=(Project&&) noexcept = default;
Project::~Project() = default;

Project Project::create(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        throw StorageError(path.string() + ": already exists; choose another name or open it instead");
    auto impl = std::make_unique<Impl>();
    try {
        impl->db = std::make_unique<store::Database>(path, store::Database::Mode::create_new);
        store::Database& db = *impl->db;
        // 16 KiB pages (SQLite's default is 4): a project is mostly transcript text, stored in
        // overflow pages, and storing an import spent a quarter of its time in the kernel writing
        // and re-reading 4 KiB pages (bench_import: 0.70 s -> 0.59 s for 27 MB). Set before the first
        // write; projects made with 4 KiB pages keep them.
        db.exec("PRAGMA page_size = 16384");
        db.exec("PRAGMA application_id = " + std::to_string(store::kApplicationId));
        db.exec("PRAGMA journal_mode = WAL");
        configure(db);
        store::Transaction tx(db);
        store::migrate(db, 0);
        auto& st = db.cached("INSERT INTO settings(key, value) VALUES ('created_at', ?1), ('guid', ?2)");
        st.bind(1, now_iso8601()).bind(2, new_guid()).run();
        tx.commit();
        impl->version = store::kSchemaVersion;
    } catch (...) {
        impl.reset();
        std::filesystem::remove(path, ec);
        std::filesystem::remove(path.string() + "-wal", ec);
        std::filesystem::remove(path.string() + "-shm", ec);
        throw;
    }
    return Project(std::move(impl));
}

Project Project::open(const std::filesystem::path& path) {
    check_header(path);
    auto impl = std::make_unique<Impl>();
    impl->db = std::make_unique<store::Database>(path, store::Database::Mode::open_existing);
    store::Database& db = *impl->db;
    try {
        if (pragma_int(db, "application_id") != store::kApplicationId)
            throw StorageError(path.string() + ": is not a Tessera project");
        int version = pragma_int(db, "user_version");
        if (version > store::kSchemaVersion)
            throw StorageError(path.string() + ": was made by a newer Tessera (project schema " +
                               std::to_string(version) + "); update Tessera to open it. The file was not changed.");
        std::string verdict;
        {
            // Scoped: a statement left mid-step keeps a read transaction open and blocks the WAL switch.
            auto check = db.prepare("PRAGMA quick_check");
            verdict = check.step() ? check.str(0) : "no answer";
        }
        if (verdict != "ok")
            throw StorageError(path.string() + ": the project file is damaged (" + verdict +
                               "); restore it from a backup. The file was not changed.");
        configure(db);
        if (!db.read_only()) db.exec("PRAGMA journal_mode = WAL");
        if (version < store::kSchemaVersion) {
            store::Transaction tx(db);
            store::migrate(db, version);
            tx.commit();
        }
        impl->version = store::kSchemaVersion;
    } catch (const StorageError& e) {
        std::string what = e.what();
        if (what.find("damaged") == std::string::npos && what.find("newer") == std::string::npos &&
            what.find("not a Tessera") == std::string::npos)
            throw StorageError(path.string() + ": cannot be opened as a project: " + what);
        throw;
    }
    return Project(std::move(impl));
}

const std::filesystem::path& Project::path() const { return m->db->path(); }
int Project::schema_version() const { return m->version; }
bool Project::read_only() const { return m->db->read_only(); }
store::Database& Project::db() { return *m->db; }

std::string Project::setting(const std::string& key, const std::string& fallback) const {
    auto& st = m->db->cached("SELECT value FROM settings WHERE key = ?1");
    store::ResetOnExit st_done(st);
    st.bind(1, key);
    return st.step() ? st.str(0) : fallback;
}

void Project::set_setting(const std::string& key, const std::string& value) {
    m->db->cached("INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2")
        .bind(1, key)
        .bind(2, value)
        .run();
}

std::vector<Coder> Project::coders() const {
    std::vector<Coder> out;
    auto& st = m->db->cached("SELECT id, guid, name FROM coders ORDER BY id");
    while (st.step()) out.push_back({st.int64(0), st.str(1), st.str(2)});
    return out;
}

std::optional<Coder> Project::find_coder(const std::string& name) const {
    auto& st = m->db->cached("SELECT id, guid, name FROM coders WHERE name = ?1");
    store::ResetOnExit st_done(st);
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return Coder{st.int64(0), st.str(1), st.str(2)};
}

Coder Project::coder(RowId id) const {
    auto& st = m->db->cached("SELECT id, guid, name FROM coders WHERE id = ?1");
    store::ResetOnExit st_done(st);
    st.bind(1, id);
    if (!st.step()) store_detail::not_found("coder", id);
    return Coder{st.int64(0), st.str(1), st.str(2)};
}

RowId Project::insert_coder(const Coder& c) {
    if (c.name.empty()) throw InvalidArgument("a coder needs a name");
    if (find_coder(c.name)) throw InvalidArgument("a coder named '" + c.name + "' already exists");
    auto& st = m->db->cached("INSERT INTO coders(id, guid, name, created_at) VALUES (?1, ?2, ?3, ?4)");
    store_detail::bind_id(st, 1, c.id);
    st.bind(2, store_detail::guid_or_new(c.guid)).bind(3, c.name).bind(4, now_iso8601()).run();
    return m->db->last_insert_id();
}

bool Project::delete_coder(RowId id) {
    auto& has = m->db->cached("SELECT (SELECT count(*) FROM codes WHERE owner_coder_id = ?1), "
                              "(SELECT count(*) FROM codings WHERE coder_id = ?1), "
                              "(SELECT count(*) FROM memos WHERE coder_id = ?1)");
    store::ResetOnExit has_done(has);
    has.bind(1, id);
    has.step();
    if (has.int64(0) > 0 || has.int64(1) > 0 || has.int64(2) > 0)
        throw InvalidArgument("coder " + std::to_string(id) + " still has codes, codings or memos");
    m->db->cached("DELETE FROM coders WHERE id = ?1").bind(1, id).run();
    return m->db->changes() > 0;
}

void Project::audit(OptId coder_id, const std::string& action, const std::string& detail) {
    m->db->cached("INSERT INTO audit_log(at, coder_id, action, detail) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, now_iso8601())
        .bind(2, coder_id)
        .bind(3, action)
        .bind(4, detail)
        .run();
}

std::vector<AuditEntry> Project::audit_log() const {
    std::vector<AuditEntry> out;
    auto& st = m->db->cached("SELECT id, at, coder_id, action, detail FROM audit_log ORDER BY id");
    while (st.step()) out.push_back({st.int64(0), st.str(1), st.opt_int64(2), st.str(3), st.str(4)});
    return out;
}

ProjectInfo Project::info() const {
    ProjectInfo i;
    auto count = [&](const char* sql) {
        auto& st = m->db->cached(sql);
        store::ResetOnExit st_done(st);
        return st.step() ? st.int64(0) : 0;
    };
    i.documents = count("SELECT count(*) FROM documents");
    i.cases = count("SELECT count(*) FROM cases");
    i.coders = count("SELECT count(*) FROM coders");
    i.codes = count("SELECT count(*) FROM codes");
    i.codings = count("SELECT count(*) FROM codings");
    i.themes = count("SELECT count(*) FROM themes");
    i.memos = count("SELECT count(*) FROM memos");
    i.speakers = count("SELECT count(*) FROM speakers");
    i.turns = count("SELECT count(*) FROM turns");
    i.words = count("SELECT coalesce(sum(word_count), 0) FROM documents");
    return i;
}

}  // namespace tessera
