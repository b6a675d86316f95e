// The SQLite C API as the benches' references use it: handles owned, every return code checked, so
// a failed open or statement stops the bench instead of timing nothing and reporting a fast baseline.
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace tessera::bench {

class RawDb {
public:
    using Statement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;

    explicit RawDb(const std::filesystem::path& path) {
        sqlite3* db = nullptr;
        const int rc = sqlite3_open(path.c_str(), &db);
        m_db.reset(db);  // owned even when opening failed: sqlite3_open may still allocate one
        check(rc, SQLITE_OK);
    }
    sqlite3* get() const { return m_db.get(); }

    void check(int rc, int want) const {
        if (rc != want) throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(m_db.get()));
    }
    void exec(const char* sql) const { check(sqlite3_exec(m_db.get(), sql, nullptr, nullptr, nullptr), SQLITE_OK); }
    Statement prepare(const char* sql) const {
        sqlite3_stmt* st = nullptr;
        const int rc = sqlite3_prepare_v2(m_db.get(), sql, -1, &st, nullptr);
        Statement owned(st, &sqlite3_finalize);
        check(rc, SQLITE_OK);
        return owned;
    }
    /// Runs a statement that returns no rows, then resets it for the next bindings.
    void run(sqlite3_stmt* st) const {
        check(sqlite3_step(st), SQLITE_DONE);
        sqlite3_reset(st);
    }

private:
    // close_v2: statements still alive (being unwound) do not keep the file open or leak it.
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> m_db{nullptr, &sqlite3_close_v2};
};

}  // namespace tessera::bench
