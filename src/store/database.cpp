// Implementation of database.hpp: every SQLite error becomes a StorageError naming the file and the cause.
#include "store/database.hpp"

#include "util/error.hpp"

#include <sqlite3.h>

namespace tessera::store {
namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
    int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    std::string file;
    if (db) {
        const char* f = sqlite3_db_filename(db, "main");
        if (f && *f) file = std::string(f) + ": ";
    }
    std::string hint;
    switch (code & 0xFF) {
        case SQLITE_READONLY: hint = " (the project file is read-only: check its permissions or copy it somewhere writable)"; break;
        case SQLITE_FULL: hint = " (the disk is full: free some space and try again; nothing was changed)"; break;
        case SQLITE_BUSY: case SQLITE_LOCKED: hint = " (another window or program is writing to this project: try again in a moment)"; break;
        case SQLITE_CORRUPT: case SQLITE_NOTADB: hint = " (the project file is damaged: restore it from a backup)"; break;
        case SQLITE_IOERR: hint = " (the disk reported an error)"; break;
        default: break;
    }
    throw StorageError(file + what + ": " + msg + hint);
}

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db) {
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK)
        fail(db, "cannot prepare query");
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

Statement::Statement(Statement&& o) noexcept : m_db(o.m_db), m_stmt(o.m_stmt) { o.m_stmt = nullptr; }

Statement& Statement::bind(int i, std::int64_t v) {
    if (sqlite3_bind_int64(m_stmt, i, v) != SQLITE_OK) fail(m_db, "bind");
    return *this;
}
Statement& Statement::bind(int i, double v) {
    if (sqlite3_bind_double(m_stmt, i, v) != SQLITE_OK) fail(m_db, "bind");
    return *this;
}
Statement& Statement::bind(int i, std::string_view v) {
    if (sqlite3_bind_text64(m_stmt, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK) fail(m_db, "bind");
    return *this;
}
Statement& Statement::bind(int i, std::optional<std::int64_t> v) { return v ? bind(i, *v) : bind_null(i); }
Statement& Statement::bind(int i, std::optional<double> v) { return v ? bind(i, *v) : bind_null(i); }
Statement& Statement::bind_null(int i) {
    if (sqlite3_bind_null(m_stmt, i) != SQLITE_OK) fail(m_db, "bind");
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    std::string sql = sqlite3_sql(m_stmt);
    if (sql.size() > 60) sql = sql.substr(0, 60) + "…";
    sqlite3_reset(m_stmt);
    fail(m_db, "query failed [" + sql + "]");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::int64(int c) const { return sqlite3_column_int64(m_stmt, c); }
double Statement::real(int c) const { return sqlite3_column_double(m_stmt, c); }
std::string Statement::str(int c) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, c));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, c))) : std::string();
}
bool Statement::is_null(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
std::optional<std::int64_t> Statement::opt_int64(int c) const {
    return is_null(c) ? std::nullopt : std::optional<std::int64_t>(int64(c));
}
std::optional<double> Statement::opt_real(int c) const {
    return is_null(c) ? std::nullopt : std::optional<double>(real(c));
}

Database::Database(const std::filesystem::path& path, Mode mode) : m_path(path) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    if (mode == Mode::create_new) flags |= SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
        std::string msg = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw StorageError(path.string() + ": cannot open: " + msg);
    }
    sqlite3_extended_result_codes(m_db, 1);
    // Two windows on one project: wait for the other writer rather than failing at once.
    sqlite3_busy_timeout(m_db, 5000);
}

Database::~Database() {
    m_cache.clear();
    sqlite3_close_v2(m_db);
}

void Database::exec(std::string_view sql) {
    std::string s(sql);
    char* err = nullptr;
    if (sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "";
        sqlite3_free(err);
        fail(m_db, "statement failed");
    }
}

Statement& Database::cached(const std::string& sql) {
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) it = m_cache.emplace(sql, std::make_unique<Statement>(m_db, sql)).first;
    it->second->reset();
    return *it->second;
}

std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(m_db); }
int Database::changes() const { return sqlite3_changes(m_db); }
bool Database::in_transaction() const { return sqlite3_get_autocommit(m_db) == 0; }
bool Database::read_only() const { return sqlite3_db_readonly(m_db, "main") == 1; }

Transaction::Transaction(Database& db) : m_db(db), m_nested(db.in_transaction()) {
    if (m_nested) {
        static int counter = 0;
        m_savepoint = "sp" + std::to_string(++counter);
        m_db.exec("SAVEPOINT " + m_savepoint);
    } else {
        m_db.exec("BEGIN IMMEDIATE");
    }
}

Transaction::~Transaction() {
    if (m_done) return;
    try {
        if (m_nested) {
            m_db.exec("ROLLBACK TO " + m_savepoint);
            m_db.exec("RELEASE " + m_savepoint);
        } else if (m_db.in_transaction()) {
            m_db.exec("ROLLBACK");
        }
    } catch (...) {
        // A failed rollback leaves SQLite to roll back the journal on next open; never throw from a destructor.
    }
}

void Transaction::commit() {
    m_db.exec(m_nested ? "RELEASE " + m_savepoint : std::string("COMMIT"));
    m_done = true;
}

}  // namespace tessera::store
