// PreparedDocument: the checks and counts add_document relies on, made without a project.
#include "store/project.hpp"
#include "test_support.hpp"
#include "text/text.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

using namespace tessera;
using tessera::test::TempDir;

TEST_CASE("prepare normalises untimed text and measures it once", "[store]") {
    NewDocument d;
    d.name = "notes";
    d.text = "\xEF\xBB\xBF" "Cafe\xCC\x81 notes\r\nsecond line";  // BOM, decomposed é, CRLF; no turns
    PreparedDocument p = PreparedDocument::prepare(d);
    CHECK(p.doc().text == "Caf\xC3\xA9 notes\nsecond line");
    CHECK(p.length() == 22);
    CHECK(p.word_count() == 4);
    CHECK(p.content_hash() == text::sha256_hex("Caf\xC3\xA9 notes\nsecond line"));
}

TEST_CASE("prepare refuses what add_document would refuse", "[store]") {
    NewDocument d;
    d.name = "";
    d.text = "P1: hi";
    CHECK_THROWS_WITH(PreparedDocument::prepare(d), Catch::Contains("needs a name"));
    d.name = "fg";
    d.text = "P1: caf\xE9";
    CHECK_THROWS_AS(PreparedDocument::prepare(d), InvalidArgument);  // not UTF-8
    d.text = "P1: Cafe\xCC\x81";
    d.turns = {{{4, 9}, "P1", {}, {}}};
    CHECK_THROWS_WITH(PreparedDocument::prepare(d), Catch::Contains("not NFC/LF"));
    d.text = "P1: hi";
    d.turns = {{{4, 7}, "P1", {}, {}}};
    CHECK_THROWS_WITH(PreparedDocument::prepare(d), Catch::Contains("turn 1 span [4, 7) is outside the text (length 6)"));
}

TEST_CASE("a prepared document is stored with the counts it carries", "[store]") {
    TempDir dir;
    Project project = Project::create(dir / "p.tessera");
    NewDocument d;
    d.name = "fg";
    d.text = "P1: Who decides? \xF0\x9F\x99\x82";
    d.turns = {{{4, 18}, "P1", {}, {}}};
    d.speakers = {{"P1", SpeakerRole::participant, "P1"}};
    PreparedDocument p = PreparedDocument::prepare(d);
    RowId id = project.add_document(p);
    Document stored = project.document(id);
    CHECK(stored.length == 18);
    CHECK(stored.word_count == 3);
    CHECK(stored.content_hash == p.content_hash());
    CHECK_THROWS_WITH(project.add_document(p), Catch::Contains("already in the project as 'fg'"));
}
