// RAII over SQLite: a connection, self-finalising prepared statements, and a rolling-back transaction.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace tessera::store {

/// A prepared statement. Binds are 1-based; step() returns true while a row is available.
/// Destruction finalises; reset() readies it for reuse (the statement cache relies on this).
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& o) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;

    Statement& bind(int i, std::int64_t v);
    Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    Statement& bind(int i, double v);
    Statement& bind(int i, std::string_view v);
    Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    Statement& bind(int i, std::optional<std::int64_t> v);
    Statement& bind(int i, std::optional<double> v);
    Statement& bind_null(int i);

    /// Steps once; true when a row is ready. Throws StorageError naming the SQL on failure.
    bool step();
    /// Steps to completion (for statements that return no rows).
    void run();
    void reset();

    std::int64_t int64(int col) const;
    double real(int col) const;
    std::string str(int col) const;
    bool is_null(int col) const;
    std::optional<std::int64_t> opt_int64(int col) const;
    std::optional<double> opt_real(int col) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

/// Resets a statement when the scope ends. Single-row reads use it: a statement left on a row
/// keeps its read transaction open, which in WAL mode pins an old snapshot and hides other
/// windows' writes.
class ResetOnExit {
public:
    explicit ResetOnExit(Statement& s) : m_s(s) {}
    ~ResetOnExit() { m_s.reset(); }
    ResetOnExit(const ResetOnExit&) = delete;
    ResetOnExit& operator=(const ResetOnExit&) = delete;

private:
    Statement& m_s;
};

/// One SQLite connection. Owns a cache of prepared statements keyed by SQL text.
class Database {
public:
    enum class Mode { open_existing, create_new };
    Database(const std::filesystem::path& path, Mode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Runs SQL that returns no rows (may hold several statements). Throws StorageError.
    void exec(std::string_view sql);
    /// A cached statement, reset and with its bindings cleared, ready to bind and step.
    Statement& cached(const std::string& sql);
    /// A fresh statement (for one-off queries).
    Statement prepare(std::string_view sql) { return Statement(m_db, sql); }
    std::int64_t last_insert_id() const;
    int changes() const;
    sqlite3* handle() const { return m_db; }
    bool in_transaction() const;
    bool read_only() const;
    const std::filesystem::path& path() const { return m_path; }

private:
    sqlite3* m_db = nullptr;
    std::filesystem::path m_path;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_cache;
};

/// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() was called.
/// Nested use joins the outer transaction through a SAVEPOINT, so a failing inner step can be undone alone.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    /// Commits (or releases the savepoint). Throws StorageError when the disk refuses.
    void commit();

private:
    Database& m_db;
    bool m_nested;
    bool m_done = false;
    std::string m_savepoint;
};

}  // namespace tessera::store
