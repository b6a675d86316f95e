// Project file: creation, refusal of non-project / corrupt / newer files (left untouched), migrations.
#include "store/project.hpp"
#include "store/schema.hpp"
#include "test_support.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <memory>

using namespace tessera;
using tessera::test::TempDir;

namespace {

// Runs raw SQL on a file, bypassing Project (to forge foreign, old or newer files).
void raw_sql(const std::filesystem::path& p, const std::string& sql) {
    sqlite3* raw = nullptr;
    const int opened = sqlite3_open(p.c_str(), &raw);
    std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db(raw, &sqlite3_close);  // closed however REQUIRE leaves
    REQUIRE(opened == SQLITE_OK);
    char* err = nullptr;
    int rc = sqlite3_exec(db.get(), sql.c_str(), nullptr, nullptr, &err);
    std::string msg = err ? err : "";
    sqlite3_free(err);
    REQUIRE(msg == "");
    REQUIRE(rc == SQLITE_OK);
}

}  // namespace

TEST_CASE("a new project has the application id, current schema, WAL and 16 KiB pages", "[store]") {
    TempDir dir;
    auto path = dir / "study.tessera";
    {
        Project p = Project::create(path);
        REQUIRE(p.schema_version() == store::kSchemaVersion);
        REQUIRE_FALSE(p.setting("guid").empty());
    }
    Project p = Project::open(path);
    auto st = p.db().prepare("PRAGMA application_id");
    REQUIRE(st.step());
    REQUIRE(st.int64(0) == store::kApplicationId);
    auto jm = p.db().prepare("PRAGMA journal_mode");
    REQUIRE(jm.step());
    REQUIRE(jm.str(0) == "wal");
    auto fk = p.db().prepare("PRAGMA foreign_keys");
    REQUIRE(fk.step());
    REQUIRE(fk.int64(0) == 1);
    auto ps = p.db().prepare("PRAGMA page_size");  // text-heavy files: 16 KiB pages (see Project::create)
    REQUIRE(ps.step());
    REQUIRE(ps.int64(0) == 16384);
}

TEST_CASE("a role or status the schema does not allow, forged past its CHECKs, is a damaged file", "[store]") {
    TempDir dir;
    auto path = dir / "forged.tessera";
    Project p = Project::create(path);
    const RowId doc = p.add_document(test::labelled_document("FG1", "P1: hello there\n"));
    REQUIRE(p.speakers(doc).size() == 1);
    Theme t;
    t.name = "Trust";
    p.insert_theme(t);
    // Another program writes behind the open project's back: read back, it is said to be damaged,
    // not taken for some other role.
    raw_sql(path, "PRAGMA ignore_check_constraints = ON; UPDATE speakers SET role = 'boss';"
                  "UPDATE themes SET status = 'maybe';");
    CHECK_THROWS_WITH(p.speakers(doc), Catch::Contains("the project file holds an unknown speaker role 'boss'"));
    CHECK_THROWS_WITH(p.themes(), Catch::Contains("unknown theme status 'maybe': it is damaged"));
    CHECK_THROWS_AS(p.speakers(doc), StorageError);
    // Opened afresh, the integrity check refuses the file before anything is read.
    CHECK_THROWS_WITH(Project::open(path), Catch::Contains("CHECK constraint failed"));
}

TEST_CASE("create refuses to overwrite an existing file", "[store]") {
    TempDir dir;
    auto path = dir / "x.tessera";
    test::write_file(path, "keep me");
    REQUIRE_THROWS_AS(Project::create(path), StorageError);
    REQUIRE(test::read_file(path) == "keep me");
}

TEST_CASE("opening what is not a project fails clearly and changes nothing", "[store]") {
    TempDir dir;
    SECTION("missing file") {
        REQUIRE_THROWS_WITH(Project::open(dir / "nope.tessera"), Catch::Contains("no such project file"));
        REQUIRE_FALSE(std::filesystem::exists(dir / "nope.tessera"));
    }
    SECTION("empty file") {
        test::write_file(dir / "e.tessera", "");
        REQUIRE_THROWS_WITH(Project::open(dir / "e.tessera"), Catch::Contains("is empty"));
        REQUIRE(test::read_file(dir / "e.tessera").empty());
    }
    SECTION("a text file") {
        test::write_file(dir / "t.tessera", std::string(200, 'x'));
        REQUIRE_THROWS_WITH(Project::open(dir / "t.tessera"), Catch::Contains("not an SQLite database"));
        REQUIRE(test::read_file(dir / "t.tessera") == std::string(200, 'x'));
    }
    SECTION("another program's SQLite database") {
        raw_sql(dir / "other.db", "CREATE TABLE t(x); INSERT INTO t VALUES (1);");
        std::string before = test::read_file(dir / "other.db");
        REQUIRE_THROWS_WITH(Project::open(dir / "other.db"), Catch::Contains("another program"));
        REQUIRE(test::read_file(dir / "other.db") == before);
    }
}

TEST_CASE("a project from a newer Tessera is refused and left untouched", "[store]") {
    TempDir dir;
    auto path = dir / "new.tessera";
    { Project::create(path); }
    raw_sql(path, "PRAGMA journal_mode=DELETE; PRAGMA user_version = 99;");
    std::string before = test::read_file(path);
    REQUIRE_THROWS_WITH(Project::open(path), Catch::Contains("newer Tessera") && Catch::Contains("99"));
    REQUIRE(test::read_file(path) == before);
}

TEST_CASE("a damaged project is refused and left untouched", "[store]") {
    TempDir dir;
    auto path = dir / "bad.tessera";
    {
        Project p = Project::create(path);
        NewDocument d;
        d.name = "doc";
        d.text = std::string(80000, 'a');
        p.add_document(d);
    }
    raw_sql(path, "PRAGMA journal_mode=DELETE;");
    std::string bytes = test::read_file(path);
    // The page size is the big-endian 16-bit value at offset 16 of the header.
    const std::size_t page = static_cast<std::size_t>(static_cast<unsigned char>(bytes[16])) << 8 |
                             static_cast<unsigned char>(bytes[17]);
    REQUIRE(bytes.size() > 2 * page);
    // Scribble over the second page (a b-tree page), keeping the header intact.
    for (std::size_t i = page; i < page + 600; ++i) bytes[i] = static_cast<char>(0xA5);
    test::write_file(path, bytes);
    REQUIRE_THROWS_AS(Project::open(path), StorageError);
    REQUIRE(test::read_file(path) == bytes);
}

TEST_CASE("an older schema is migrated on open", "[store]") {
    TempDir dir;
    auto path = dir / "v1.tessera";
    {
        // Build a version-1 file by hand, as the first release wrote it.
        store::Database db(path, store::Database::Mode::create_new);
        db.exec("PRAGMA application_id = " + std::to_string(store::kApplicationId));
        store::Transaction tx(db);
        store::migrate(db, 0, 1);
        db.exec("INSERT INTO coders(guid, name, created_at) VALUES ('g-1', 'Amara', '2026-01-01T00:00:00Z')");
        // A document as version 1 stored it, text inside the documents row.
        db.exec("INSERT INTO documents(id, guid, name, text, content_hash, origin, imported_at, position, word_count, "
                "length) VALUES (7, 'g-d', 'FG1', 'P1: ZoÃ« agrees.', 'h', 'txt:fg1.txt', '2026-01-01T00:00:00Z', 0, 3, 16)");
        tx.commit();
    }
    Project p = Project::open(path);
    Document d = p.document(7);
    REQUIRE(d.text == "P1: ZoÃ« agrees.");
    REQUIRE(d.name == "FG1");
    REQUIRE(p.documents().size() == 1);
    REQUIRE(p.schema_version() == store::kSchemaVersion);
    REQUIRE(p.coders().size() == 1);
    REQUIRE(p.coders()[0].name == "Amara");
    REQUIRE(p.alignments().empty());  // table from migration 2 exists
    auto v = p.db().prepare("PRAGMA user_version");
    REQUIRE(v.step());
    REQUIRE(v.int64(0) == store::kSchemaVersion);
}

TEST_CASE("a failed action leaves the project as it was", "[store]") {
    TempDir dir;
    Project p = Project::create(dir / "a.tessera");
    p.insert_coder({0, "", "Amara"});
    try {
        store::Transaction tx(p.db());
        p.insert_coder({0, "", "Ben"});
        p.insert_coder({0, "", "Amara"});  // duplicate: throws
        tx.commit();
        FAIL("expected a duplicate-name error");
    } catch (const InvalidArgument& e) {
        REQUIRE(std::string(e.what()).find("already exists") != std::string::npos);
    }
    REQUIRE(p.coders().size() == 1);
}

TEST_CASE("a write to a read-only project says so and changes nothing", "[store]") {
    TempDir dir;
    auto path = dir / "ro.tessera";
    Project p = Project::create(path);
    p.insert_coder({0, "", "Amara"});
    // query_only makes SQLite refuse writes as a read-only file does (permissions do not bind root in CI).
    p.db().exec("PRAGMA query_only = 1");
    REQUIRE_THROWS_WITH(p.insert_coder({0, "", "Ben"}), Catch::Contains("read-only"));
    p.db().exec("PRAGMA query_only = 0");
    REQUIRE(p.coders().size() == 1);
}

// Bug: single-row reads left their cached statement on a row, pinning an old WAL snapshot,
// so a second window on the same project did not see the first one's writes.
TEST_CASE("two connections to one project see each other's writes", "[store]") {
    TempDir dir;
    auto path = dir / "two.tessera";
    Project a = Project::create(path);
    Project b = Project::open(path);
    a.insert_coder({0, "", "Amara"});
    REQUIRE(b.find_coder("Amara"));  // single-row read on b
    b.insert_coder({0, "", "Ben"});
    REQUIRE(a.find_coder("Ben"));
    a.insert_coder({0, "", "Cai"});
    REQUIRE(b.coders().size() == 3);
    REQUIRE(b.coder(a.find_coder("Cai")->id).name == "Cai");
}

// Fault injection: a full disk (SQLite's page limit stands in for it) fails the action with a
// message saying so, and the project keeps everything it had.
TEST_CASE("a full disk fails the action clearly and loses nothing", "[store]") {
    TempDir dir;
    auto path = dir / "full.tessera";
    Project p = Project::create(path);
    NewDocument small;
    small.name = "small";
    small.text = "P1: short.";
    p.add_document(small);
    auto pages = p.db().prepare("PRAGMA page_count");
    REQUIRE(pages.step());
    const auto limit = pages.int64(0) + 2;
    pages.reset();
    p.db().exec("PRAGMA max_page_count = " + std::to_string(limit));
    NewDocument big;
    big.name = "big";
    for (int i = 0; i < 4000; ++i) big.text += "P2: a long answer that will not fit on the disk. ";
    REQUIRE_THROWS_WITH(p.add_document(big), Catch::Contains("disk is full"));
    p.db().exec("PRAGMA max_page_count = 1073741823");
    REQUIRE(p.documents().size() == 1);
    REQUIRE(p.document(p.documents()[0].id).text == "P1: short.");
    Project again = Project::open(path);
    REQUIRE(again.documents().size() == 1);
}
