// Store benchmark: codings inserted per second through Project (with span checks, GUIDs and
// timestamps) vs plain prepared-statement inserts into the same schema in raw SQLite, same run.
#include "bench_util.hpp"
#include "raw_sqlite.hpp"
#include "store/project.hpp"


#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace tessera;

namespace {

constexpr int kCodings = 100000;
constexpr int kRuns = 5;

struct Setup {
    RowId doc, coder;
    std::vector<RowId> codes;
};

Setup prepare(Project& p) {
    NewDocument d;
    d.name = "long";
    d.text = std::string(200000, 'a');
    Setup s;
    s.doc = p.add_document(d);
    s.coder = p.insert_coder({0, "", "Amara"});
    for (int i = 0; i < 50; ++i) {
        Code c;
        c.name = "code " + std::to_string(i);
        c.owner_coder_id = s.coder;
        s.codes.push_back(p.insert_code(c));
    }
    return s;
}

double through_store(const std::filesystem::path& path) {
    std::filesystem::remove(path);
    Project p = Project::create(path);
    Setup s = prepare(p);
    std::mt19937 rng(7);
    bench::Timer t;
    store::Transaction tx(p.db());
    for (int i = 0; i < kCodings; ++i) {
        std::int64_t start = rng() % 199000;
        p.insert_coding({0, "", s.doc, {start, start + 1 + std::int64_t(rng() % 900)}, s.codes[i % 50], s.coder, ""});
    }
    tx.commit();
    return t.seconds();
}

double raw_sqlite(const std::filesystem::path& path) {
    // Same file layout (a Tessera project), same transaction, same columns: a GUID and a timestamp
    // string per row, bound through one prepared statement; no span check.
    std::filesystem::remove(path);
    Setup s;
    {
        Project p = Project::create(path);
        s = prepare(p);
    }
    bench::RawDb db(path);
    db.exec("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
    bench::RawDb::Statement insert = db.prepare(
        "INSERT INTO codings(guid, document_id, code_id, coder_id, start, \"end\", created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    sqlite3_stmt* st = insert.get();
    std::mt19937 rng(7);
    bench::Timer t;
    db.exec("BEGIN IMMEDIATE");
    const std::string now = now_iso8601();
    for (int i = 0; i < kCodings; ++i) {
        std::int64_t start = rng() % 199000;
        std::string guid = new_guid();
        sqlite3_bind_text(st, 1, guid.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 2, s.doc);
        sqlite3_bind_int64(st, 3, s.codes[i % 50]);
        sqlite3_bind_int64(st, 4, s.coder);
        sqlite3_bind_int64(st, 5, start);
        sqlite3_bind_int64(st, 6, start + 1 + std::int64_t(rng() % 900));
        sqlite3_bind_text(st, 7, now.c_str(), -1, SQLITE_TRANSIENT);
        db.run(st);
    }
    db.exec("COMMIT");
    return t.seconds();
}

}  // namespace

int main() {
    auto dir = std::filesystem::temp_directory_path() / "tessera-bench-store";
    std::filesystem::create_directories(dir);
    std::vector<double> store_s, raw_s;
    for (int r = 0; r < kRuns; ++r) {
        // Alternate the order so that neither side always gets the warmer cache.
        if (r % 2 == 0) {
            store_s.push_back(through_store(dir / "store.tessera"));
            raw_s.push_back(raw_sqlite(dir / "raw.tessera"));
        } else {
            raw_s.push_back(raw_sqlite(dir / "raw.tessera"));
            store_s.push_back(through_store(dir / "store.tessera"));
        }
    }
    double ms = bench::median(store_s), mr = bench::median(raw_s);
    std::printf("codings inserted: %d per run, %d runs (medians)\n", kCodings, kRuns);
    std::printf("through Project::insert_coding : %8.0f codings/s (%.3f s)\n", kCodings / ms, ms);
    std::printf("raw SQLite prepared statement  : %8.0f codings/s (%.3f s)\n", kCodings / mr, mr);
    std::printf("ratio store/raw time           : %.2fx (target <= 1.5x)\n", ms / mr);
    std::filesystem::remove_all(dir);
    return 0;
}
