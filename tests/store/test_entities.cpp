// Store round trips of every entity, with GUIDs, and the span and reference checks the store enforces.
#include "store/project.hpp"
#include "test_support.hpp"
#include "text/text.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

using namespace tessera;
using tessera::test::TempDir;

namespace {

NewDocument focus_group() {
    NewDocument d;
    d.name = "FG1";
    d.origin = "txt:fg1.txt";
    // "Facilitator: Welcome.\n\nP1: I'm Zoë 😀 fine.\n\nP2: Café?"
    d.text = "Facilitator: Welcome.\n\nP1: I'm Zo\xC3\xAB \xF0\x9F\x98\x80 fine.\n\nP2: Caf\xC3\xA9?";
    d.turns = {{{13, 21}, "Facilitator", std::nullopt, std::nullopt},
               {{27, 42}, "P1", 1000, 5000},
               {{48, 53}, "P2", std::nullopt, std::nullopt}};
    d.speakers = {{"Facilitator", SpeakerRole::facilitator, ""},
                  {"P1", SpeakerRole::participant, "P1"},
                  {"P2", SpeakerRole::participant, "P2"}};
    return d;
}

}  // namespace

TEST_CASE("documents, speakers, turns and cases round-trip", "[store]") {
    TempDir dir;
    auto path = dir / "s.tessera";
    RowId id;
    {
        Project p = Project::create(path);
        id = p.add_document(focus_group());
    }
    Project p = Project::open(path);
    Document d = p.document(id);
    REQUIRE(d.name == "FG1");
    REQUIRE(d.length == 53);
    REQUIRE(d.word_count == 8);
    REQUIRE(d.content_hash.size() == 64);
    REQUIRE(d.guid.size() == 36);
    auto turns = p.turns(id);
    REQUIRE(turns.size() == 3);
    REQUIRE(turns[1].span == Span{27, 42});
    REQUIRE(turns[1].start_ms == 1000);
    REQUIRE(turns[1].end_ms == 5000);
    REQUIRE_FALSE(turns[0].start_ms);
    auto speakers = p.speakers(id);
    REQUIRE(speakers.size() == 3);
    REQUIRE(speakers[0].role == SpeakerRole::facilitator);
    REQUIRE_FALSE(speakers[0].case_id);
    REQUIRE(speakers[1].case_id);
    REQUIRE(p.case_(*speakers[1].case_id).name == "P1");
    REQUIRE(p.cases().size() == 2);
    REQUIRE(turns[1].speaker_id == speakers[1].id);
}

TEST_CASE("a duplicate document is refused unless allowed", "[store]") {
    TempDir dir;
    Project p = Project::create(dir / "d.tessera");
    p.add_document(focus_group());
    REQUIRE_THROWS_WITH(p.add_document(focus_group()), Catch::Contains("already in the project"));
    REQUIRE(p.documents().size() == 1);
    p.add_document(focus_group(), true);
    REQUIRE(p.documents().size() == 2);
}

TEST_CASE("a turn outside the text is refused and nothing is stored", "[store]") {
    TempDir dir;
    Project p = Project::create(dir / "t.tessera");
    NewDocument d = focus_group();
    d.turns[2].span = {48, 99};
    REQUIRE_THROWS_WITH(p.add_document(d), Catch::Contains("outside the text"));
    REQUIRE(p.documents().empty());
    REQUIRE(p.cases().empty());
}

TEST_CASE("text is normalised to NFC and LF on the way in", "[store]") {
    TempDir dir;
    Project p = Project::create(dir / "n.tessera");
    NewDocument d;
    d.name = "raw";
    d.text = "Cafe\xCC\x81\r\nok";
    RowId id = p.add_document(d);
    REQUIRE(p.document(id).text == "Caf\xC3\xA9\nok");
    d.text = "bad \xFF";
    d.name = "bad";
    REQUIRE_THROWS_AS(p.add_document(d), InvalidArgument);
}

TEST_CASE("coders, codes and codings round-trip with exact spans", "[store]") {
    TempDir dir;
    auto path = dir / "c.tessera";
    RowId doc, amara, parent, child, coding;
    {
        Project p = Project::create(path);
        doc = p.add_document(focus_group());
        amara = p.insert_coder({0, "", "Amara"});
        Code c;
        c.name = "Trust";
        c.color = 0x112233;
        c.definition = "Trust in who holds the data";
        c.inclusion = "talk of trust";
        c.exclusion = "trust in family";
        c.example = "I trust my GP";
        c.owner_coder_id = amara;
        parent = p.insert_code(c);
        Code k;
        k.name = "Trust in NHS";
        k.parent_id = parent;
        k.owner_coder_id = amara;
        child = p.insert_code(k);
        coding = p.insert_coding({0, "", doc, {33, 36}, child, amara, ""});  // the emoji and around it
    }
    Project p = Project::open(path);
    Code c = p.code(parent);
    REQUIRE(c.color == 0x112233);
    REQUIRE(c.definition == "Trust in who holds the data");
    REQUIRE(c.inclusion == "talk of trust");
    REQUIRE(c.exclusion == "trust in family");
    REQUIRE(c.example == "I trust my GP");
    REQUIRE(c.owner_coder_id == amara);
    REQUIRE(p.code_path(child) == "Trust/Trust in NHS");
    REQUIRE(p.find_code("Trust/Trust in NHS", amara)->id == child);
    REQUIRE_FALSE(p.find_code("Trust/Trust in NHS", std::nullopt));
    Coding k = p.coding(coding);
    REQUIRE(k.span == Span{33, 36});
    REQUIRE(k.guid.size() == 36);
    const Document stored = p.document(doc);
    text::OffsetIndex idx(stored.text);
    REQUIRE(idx.slice(k.span) == "\xC3\xAB \xF0\x9F\x98\x80");
}

TEST_CASE("codings outside the document or reversed are refused", "[store]") {
    TempDir dir;
    Project p = Project::create(dir / "x.tessera");
    RowId doc = p.add_document(focus_group());
    RowId coder = p.insert_coder({0, "", "A"});
    Code c;
    c.name = "X";
    RowId code = p.insert_code(c);
    REQUIRE_THROWS_WITH(p.insert_coding({0, "", doc, {51, 54}, code, coder, ""}), Catch::Contains("length 53"));
    REQUIRE_THROWS_AS(p.insert_coding({0, "", doc, {5, 5}, code, coder, ""}), InvalidArgument);
    REQUIRE_THROWS_AS(p.insert_coding({0, "", doc, {-1, 5}, code, coder, ""}), InvalidArgument);
    REQUIRE_THROWS_AS(p.insert_coding({0, "", 999, {0, 5}, code, coder, ""}), InvalidArgument);
    REQUIRE(p.codings().empty());
}

TEST_CASE("memos, themes, links, matrix cells, lineage, alignments, recommendations round-trip", "[store]") {
    TempDir dir;
    auto path = dir / "m.tessera";
    RowId doc, coder, code, coding, theme, sub, cell;
    {
        Project p = Project::create(path);
        doc = p.add_document(focus_group());
        coder = p.insert_coder({0, "", "Amara"});
        Code c;
        c.name = "Consent";
        code = p.insert_code(c);
        coding = p.insert_coding({0, "", doc, {27, 42}, code, coder, ""});
        Memo m;
        m.target = MemoTarget::coding;
        m.target_id = coding;
        m.coder_id = coder;
        m.title = "Why";
        m.body = "Ambivalent consent";
        p.insert_memo(m);
        Theme t;
        t.name = "Control";
        t.definition = "Wanting a say";
        t.scope = "consent, opt-out";
        t.not_scope = "data security";
        t.map_x = 10.5;
        t.map_y = -3;
        t.code_ids = {code};
        theme = p.insert_theme(t);
        Theme s;
        s.name = "Opt-out";
        s.parent_id = theme;
        s.status = ThemeStatus::discarded;
        s.discard_reason = "folded into parent";
        sub = p.insert_theme(s);
        p.insert_theme_link({0, "", theme, sub, "includes"});
        MatrixCell mc;
        mc.row_kind = MatrixAxis::case_;
        mc.row_id = p.find_case("P1")->id;
        mc.col_kind = MatrixAxis::theme;
        mc.col_id = theme;
        mc.summary = "Wants to be asked";
        mc.coding_ids = {coding};
        cell = p.upsert_matrix_cell(mc);
        p.add_lineage({code, "guid-a", "Consent (A)", "consensus"});
        p.insert_alignment({0, "", code, std::nullopt, code, true});
        p.insert_recommendation({0, "", "R1", "Ask people", 1, {theme}});
    }
    Project p = Project::open(path);
    auto memos = p.memos_for(MemoTarget::coding, coding);
    REQUIRE(memos.size() == 1);
    REQUIRE(memos[0].body == "Ambivalent consent");
    REQUIRE(memos[0].coder_id == coder);
    Theme t = p.theme(theme);
    REQUIRE(t.not_scope == "data security");
    REQUIRE(t.map_x == 10.5);
    REQUIRE(t.code_ids == std::vector<RowId>{code});
    REQUIRE(p.theme(sub).status == ThemeStatus::discarded);
    REQUIRE(p.theme_path(sub) == "Control/Opt-out");
    REQUIRE(p.find_theme("Control/Opt-out")->id == sub);
    REQUIRE(p.theme_links().at(0).label == "includes");
    auto cells = p.matrix_cells();
    REQUIRE(cells.size() == 1);
    REQUIRE(cells[0].id == cell);
    REQUIRE(cells[0].summary == "Wants to be asked");
    REQUIRE(cells[0].coding_ids == std::vector<RowId>{coding});
    REQUIRE(p.lineage(code).at(0).source_name == "Consent (A)");
    REQUIRE(p.alignments().at(0).confirmed);
    REQUIRE(p.recommendations().at(0).theme_ids == std::vector<RowId>{theme});
    ProjectInfo i = p.info();
    REQUIRE(i.documents == 1);
    REQUIRE(i.cases == 2);
    REQUIRE(i.coders == 1);
    REQUIRE(i.codes == 1);
    REQUIRE(i.codings == 1);
    REQUIRE(i.themes == 2);
    REQUIRE(i.memos == 1);
}

TEST_CASE("a discarded theme needs a reason", "[store]") {
    TempDir dir;
    Project p = Project::create(dir / "t.tessera");
    Theme t;
    t.name = "Gone";
    t.status = ThemeStatus::discarded;
    REQUIRE_THROWS_WITH(p.insert_theme(t), Catch::Contains("needs a reason"));
}

TEST_CASE("case attributes are typed and updated in place", "[store]") {
    TempDir dir;
    Project p = Project::create(dir / "a.tessera");
    RowId c = p.ensure_case("P1");
    REQUIRE(p.ensure_case("P1") == c);
    p.set_attribute(c, {"age", AttributeType::number, "34"});
    p.set_attribute(c, {"gender", AttributeType::category, "woman"});
    p.set_attribute(c, {"age", AttributeType::number, "35"});
    Case k = p.case_(c);
    REQUIRE(k.attributes.size() == 2);
    REQUIRE(k.attribute("age") == "35");
    REQUIRE(k.attributes[1].type == AttributeType::category);
}
