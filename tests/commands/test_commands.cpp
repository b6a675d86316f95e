// Commands: each runs in one transaction, undo restores the exact previous state, redo reapplies.
#include "commands/apply_coding_rows.hpp"
#include "commands/codebook_commands.hpp"
#include "commands/coding_commands.hpp"
#include "commands/command_group.hpp"
#include "commands/project_commands.hpp"
#include "test_support.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

using namespace tessera;
using tessera::test::TempDir;

namespace {

struct Fixture {
    TempDir dir;
    Project p = Project::create(dir / "c.tessera");
    CommandStack stack;
    RowId doc = 0, amara = 0, ben = 0;

    Fixture() {
        NewDocument d;
        d.name = "FG1";
        d.text = "P1: We should be asked first.\n\nP2: I don't mind, if it helps research.";
        d.turns = {{{4, 29}, "P1", {}, {}}, {{35, 70}, "P2", {}, {}}};
        d.speakers = {{"P1", SpeakerRole::participant, "P1"}, {"P2", SpeakerRole::participant, "P2"}};
        doc = p.add_document(d);
        amara = p.insert_coder({0, "", "Amara"});
        ben = p.insert_coder({0, "", "Ben"});
    }

    RowId code(const std::string& name, OptId owner, OptId parent = std::nullopt) {
        CodeFields f;
        f.name = name;
        auto cmd = std::make_unique<CreateCode>(f, parent, owner);
        auto* raw = cmd.get();
        stack.execute(p, std::move(cmd), owner);
        return raw->id();
    }
    RowId apply(RowId code_id, Span s, RowId coder) {
        auto cmd = std::make_unique<ApplyCode>(doc, s, code_id, coder);
        auto* raw = cmd.get();
        stack.execute(p, std::move(cmd), coder);
        return raw->coding().id;
    }
};

}  // namespace

TEST_CASE("apply, undo and redo a coding keep its id, guid and span", "[commands]") {
    Fixture f;
    RowId consent = f.code("Consent", f.amara);
    RowId id = f.apply(consent, {4, 29}, f.amara);
    Coding before = f.p.coding(id);
    REQUIRE(f.stack.undo(f.p));
    REQUIRE(f.p.codings().empty());
    REQUIRE(f.stack.redo(f.p));
    Coding after = f.p.coding(id);
    REQUIRE(after.guid == before.guid);
    REQUIRE(after.span == before.span);
    REQUIRE(f.stack.undo_label() == "Apply code 'Consent'");
}

TEST_CASE("a coder cannot apply another coder's code", "[commands]") {
    Fixture f;
    RowId consent = f.code("Consent", f.amara);
    REQUIRE_THROWS_WITH(f.apply(consent, {4, 29}, f.ben), Catch::Contains("another coder"));
    REQUIRE(f.p.codings().empty());
    REQUIRE(f.stack.undo_label() == "New code 'Consent'");
}

TEST_CASE("a failing command leaves no trace, not even in the audit log", "[commands]") {
    Fixture f;
    RowId consent = f.code("Consent", f.amara);
    auto audit_before = f.p.audit_log().size();
    REQUIRE_THROWS_AS(f.apply(consent, {60, 200}, f.amara), InvalidArgument);
    REQUIRE(f.p.codings().empty());
    REQUIRE(f.p.audit_log().size() == audit_before);
}

TEST_CASE("a group of commands is one transaction: a late failure undoes the early steps", "[commands]") {
    Fixture f;
    RowId consent = f.code("Consent", f.amara);
    auto group = std::make_unique<CommandGroup>("Apply many");
    group->add(std::make_unique<ApplyCode>(f.doc, Span{4, 10}, consent, f.amara));
    group->add(std::make_unique<ApplyCode>(f.doc, Span{4, 900}, consent, f.amara));
    REQUIRE_THROWS(f.stack.execute(f.p, std::move(group)));
    REQUIRE(f.p.codings().empty());
}

TEST_CASE("audit log records who did what, including undo", "[commands]") {
    Fixture f;
    RowId consent = f.code("Consent", f.amara);
    f.apply(consent, {4, 29}, f.amara);
    f.stack.undo(f.p, f.amara);
    auto log = f.p.audit_log();
    REQUIRE(log.size() == 3);
    REQUIRE(log[1].action == "do");
    REQUIRE(log[1].detail == "Apply code 'Consent'");
    REQUIRE(log[2].action == "undo");
    REQUIRE(log[2].coder_id == f.amara);
}

TEST_CASE("adding a coder is undone, but never while someone's work is still theirs", "[commands]") {
    Fixture f;
    auto cmd = std::make_unique<CreateCoder>("Chidi");
    auto* raw = cmd.get();
    f.stack.execute(f.p, std::move(cmd));
    const RowId chidi = raw->id();
    REQUIRE(f.p.find_coder("Chidi"));
    f.stack.undo(f.p);
    CHECK_FALSE(f.p.find_coder("Chidi"));
    f.stack.redo(f.p);
    REQUIRE(f.p.find_coder("Chidi"));

    // Another window gives the coder a code: undoing the coder now would destroy it, so it refuses
    // and leaves both in place.
    Code c;
    c.name = "Trust";
    c.owner_coder_id = f.p.find_coder("Chidi")->id;
    f.p.insert_code(c);
    CHECK_THROWS_WITH(f.stack.undo(f.p), Catch::Contains("still has codes"));
    CHECK(f.p.find_coder("Chidi"));
    CHECK(f.p.find_code("Trust", f.p.find_coder("Chidi")->id));
    CHECK_FALSE(f.p.delete_coder(chidi + 100));  // already gone: nothing to do, and said so
}

TEST_CASE("a table of codings is one step that adds the coders and code paths it names", "[commands]") {
    Fixture f;
    std::vector<CodingRow> rows{{f.doc, {4, 29}, "Chidi", "Consent/Asked first"},
                                {f.doc, {35, 70}, "Chidi", "Consent/Asked first"},
                                {f.doc, {35, 70}, "Amara", "Benefit"}};
    // Without creating codes it fails on the first missing one and stores nothing, not even the coder.
    CHECK_THROWS_WITH(f.stack.execute(f.p, std::make_unique<ApplyCodingRows>(rows, false, "codings.csv")),
                      Catch::Contains("'Consent/Asked first' is not in Chidi's codebook"));
    CHECK_FALSE(f.p.find_coder("Chidi"));

    auto cmd = std::make_unique<ApplyCodingRows>(rows, true, "codings.csv");
    auto* raw = cmd.get();
    f.stack.execute(f.p, std::move(cmd));
    CHECK(raw->created_coders() == 1);
    CHECK(raw->created_codes() == 3);  // Consent, Consent/Asked first, Benefit
    const RowId chidi = f.p.find_coder("Chidi")->id;
    REQUIRE(f.p.find_code("Consent/Asked first", chidi));
    CHECK(f.p.codings({std::nullopt, std::nullopt, chidi}).size() == 2);
    CHECK(f.p.codings({std::nullopt, std::nullopt, f.amara}).size() == 1);
    CHECK(f.stack.undo_label() == "Apply 3 codings from codings.csv");

    f.stack.undo(f.p);  // one step takes everything back
    CHECK_FALSE(f.p.find_coder("Chidi"));
    CHECK_FALSE(f.p.find_code("Benefit", f.amara));
    CHECK(f.p.codings({}).empty());
    f.stack.redo(f.p);
    CHECK(f.p.codings({}).size() == 3);
}

TEST_CASE("edit a code and undo restores every field", "[commands]") {
    Fixture f;
    RowId c = f.code("Trust", f.amara);
    CodeFields nf{"Trust in NHS", 0xFF0000, "def", "inc", "exc", "ex"};
    f.stack.execute(f.p, std::make_unique<UpdateCode>(c, nf));
    REQUIRE(f.p.code(c).definition == "def");
    REQUIRE(f.p.code(c).color == 0xFF0000);
    f.stack.undo(f.p);
    Code back = f.p.code(c);
    REQUIRE(back.name == "Trust");
    REQUIRE(back.definition.empty());
    REQUIRE(back.color == 0x4E79A7);
}

TEST_CASE("moving a code refuses cycles and other codebooks", "[commands]") {
    Fixture f;
    RowId a = f.code("A", f.amara);
    RowId b = f.code("B", f.amara, a);
    RowId other = f.code("Other", f.ben);
    REQUIRE_THROWS_WITH(f.stack.execute(f.p, std::make_unique<MoveCode>(a, b)), Catch::Contains("under itself"));
    REQUIRE_THROWS_WITH(f.stack.execute(f.p, std::make_unique<MoveCode>(b, other)), Catch::Contains("another codebook"));
    f.stack.execute(f.p, std::make_unique<MoveCode>(b, std::nullopt));
    REQUIRE_FALSE(f.p.code(b).parent_id);
    f.stack.undo(f.p);
    REQUIRE(f.p.code(b).parent_id == a);
}

TEST_CASE("merge codes moves codings, sub-codes and theme membership; undo restores all", "[commands]") {
    Fixture f;
    RowId trust = f.code("Trust", f.amara);
    RowId faith = f.code("Faith in services", f.amara);
    RowId sub = f.code("In GPs", f.amara, faith);
    RowId k1 = f.apply(faith, {4, 29}, f.amara);
    RowId k2 = f.apply(trust, {35, 70}, f.amara);
    Theme t;
    t.name = "Trust";
    t.code_ids = {faith};
    auto tc = std::make_unique<CreateTheme>(t);
    auto* traw = tc.get();
    f.stack.execute(f.p, std::move(tc));
    RowId theme = traw->id();
    std::string faith_guid = f.p.code(faith).guid;

    f.stack.execute(f.p, std::make_unique<MergeCodes>(faith, trust));
    REQUIRE(f.p.coding(k1).code_id == trust);
    REQUIRE(f.p.coding(k2).code_id == trust);
    REQUIRE(f.p.code(sub).parent_id == trust);
    REQUIRE(f.p.theme(theme).code_ids == std::vector<RowId>{trust});
    auto lin = f.p.lineage(trust);
    REQUIRE(lin.size() == 1);
    REQUIRE(lin[0].source_name == "Faith in services");
    REQUIRE(lin[0].kind == "merge");
    REQUIRE_THROWS_AS(f.p.code(faith), InvalidArgument);

    f.stack.undo(f.p);
    REQUIRE(f.p.code(faith).guid == faith_guid);
    REQUIRE(f.p.coding(k1).code_id == faith);
    REQUIRE(f.p.coding(k2).code_id == trust);
    REQUIRE(f.p.code(sub).parent_id == faith);
    REQUIRE(f.p.theme(theme).code_ids == std::vector<RowId>{faith});
    REQUIRE(f.p.lineage(trust).empty());
}

TEST_CASE("delete a code with codings, undo brings them back", "[commands]") {
    Fixture f;
    RowId c = f.code("Consent", f.amara);
    RowId child = f.code("Opt-out", f.amara, c);
    RowId k = f.apply(c, {4, 29}, f.amara);
    f.stack.execute(f.p, std::make_unique<DeleteCode>(c));
    REQUIRE(f.p.codings().empty());
    REQUIRE_FALSE(f.p.code(child).parent_id);
    f.stack.undo(f.p);
    REQUIRE(f.p.coding(k).code_id == c);
    REQUIRE(f.p.code(child).parent_id == c);
}

TEST_CASE("remove and adjust a coding, with undo", "[commands]") {
    Fixture f;
    RowId c = f.code("Consent", f.amara);
    RowId k = f.apply(c, {4, 29}, f.amara);
    f.stack.execute(f.p, std::make_unique<AdjustCoding>(k, Span{4, 10}));
    REQUIRE(f.p.coding(k).span == Span{4, 10});
    REQUIRE_THROWS_AS(f.stack.execute(f.p, std::make_unique<AdjustCoding>(k, Span{4, 500})), InvalidArgument);
    f.stack.undo(f.p);
    REQUIRE(f.p.coding(k).span == Span{4, 29});
    f.stack.execute(f.p, std::make_unique<RemoveCoding>(k));
    REQUIRE(f.p.codings().empty());
    f.stack.undo(f.p);
    REQUIRE(f.p.coding(k).span == Span{4, 29});
}

TEST_CASE("memos, themes, matrix cells and imports undo cleanly", "[commands]") {
    Fixture f;
    Memo m;
    m.target = MemoTarget::document;
    m.target_id = f.doc;
    m.title = "First read";
    m.body = "Tense start";
    auto add = std::make_unique<AddMemo>(m);
    auto* raw = add.get();
    f.stack.execute(f.p, std::move(add));
    f.stack.execute(f.p, std::make_unique<EditMemo>(raw->id(), "First read", "Calmer later"));
    REQUIRE(f.p.memo(raw->id()).body == "Calmer later");
    f.stack.undo(f.p);
    REQUIRE(f.p.memo(raw->id()).body == "Tense start");

    Theme t;
    t.name = "Control";
    auto ct = std::make_unique<CreateTheme>(t);
    auto* traw = ct.get();
    f.stack.execute(f.p, std::move(ct));
    Theme d = f.p.theme(traw->id());
    d.status = ThemeStatus::discarded;
    d.discard_reason = "merged into Consent";
    f.stack.execute(f.p, std::make_unique<UpdateTheme>(d));
    REQUIRE(f.p.theme(d.id).status == ThemeStatus::discarded);
    f.stack.undo(f.p);
    REQUIRE(f.p.theme(d.id).status == ThemeStatus::candidate);

    MatrixCell cell;
    cell.row_kind = MatrixAxis::case_;
    cell.row_id = f.p.find_case("P1")->id;
    cell.col_kind = MatrixAxis::theme;
    cell.col_id = d.id;
    cell.summary = "v1";
    f.stack.execute(f.p, std::make_unique<ChartCell>(cell));
    cell.summary = "v2";
    f.stack.execute(f.p, std::make_unique<ChartCell>(cell));
    REQUIRE(f.p.matrix_cells().at(0).summary == "v2");
    f.stack.undo(f.p);
    REQUIRE(f.p.matrix_cells().at(0).summary == "v1");
    f.stack.undo(f.p);
    REQUIRE(f.p.matrix_cells().empty());

    NewDocument nd;
    nd.name = "INT1";
    nd.text = "P9: Hello.";
    nd.turns = {{{4, 10}, "P9", {}, {}}};
    nd.speakers = {{"P9", SpeakerRole::participant, "P9"}};
    f.stack.execute(f.p, std::make_unique<ImportDocuments>(std::vector<PreparedDocument>{PreparedDocument::prepare(nd)}, false));
    REQUIRE(f.p.documents().size() == 2);
    REQUIRE(f.p.find_case("P9"));
    f.stack.undo(f.p);
    REQUIRE(f.p.documents().size() == 1);
    REQUIRE_FALSE(f.p.find_case("P9"));
}

TEST_CASE("a streamed import stores what its source yields, undoes, refuses redo, and fails whole", "[commands]") {
    Fixture f;
    auto doc_named = [](const std::string& name, const std::string& speaker) {
        NewDocument nd;
        nd.name = name;
        nd.text = speaker + ": Who sees my notes?";
        nd.turns = {{{static_cast<std::int64_t>(speaker.size()) + 2, static_cast<std::int64_t>(speaker.size()) + 20},
                     speaker, {}, {}}};
        nd.speakers = {{speaker, SpeakerRole::participant, speaker}};
        return nd;
    };
    int yielded = 0;
    auto source = [&]() -> std::optional<PreparedDocument> {
        if (yielded == 3) return std::nullopt;
        ++yielded;
        return PreparedDocument::prepare(doc_named("MC" + std::to_string(yielded), "Q" + std::to_string(yielded)));
    };
    auto cmd = std::make_unique<ImportDocuments>(source, 2, false);
    REQUIRE(cmd->label() == "Import from 2 files");
    auto* raw = cmd.get();
    f.stack.execute(f.p, std::move(cmd));
    CHECK(raw->ids().size() == 3);
    CHECK(raw->label() == "Import 3 documents");
    CHECK(f.p.documents().size() == 4);
    CHECK(f.p.find_case("Q2"));
    REQUIRE(f.stack.undo(f.p));
    CHECK(f.p.documents().size() == 1);
    CHECK_FALSE(f.p.find_case("Q2"));
    // Nothing was kept to store again: redo says so and changes nothing.
    CHECK_THROWS_WITH(f.stack.redo(f.p), Catch::Contains("cannot be redone"));
    CHECK(f.p.documents().size() == 1);

    // A source failing after two documents: the whole command is rolled back.
    int n = 0;
    auto failing = [&]() -> std::optional<PreparedDocument> {
        if (++n == 3) throw InvalidArgument("fg3.docx: not a zip archive");
        return PreparedDocument::prepare(doc_named("FG-new" + std::to_string(n), "R" + std::to_string(n)));
    };
    CHECK_THROWS_WITH(f.stack.execute(f.p, std::make_unique<ImportDocuments>(failing, 3, false)),
                      Catch::Contains("fg3.docx"));
    CHECK(f.p.documents().size() == 1);
    CHECK_FALSE(f.p.find_case("R1"));
}

TEST_CASE("theme links: link and unlink are undone and redone with the same id, GUID and relation", "[commands]") {
    Fixture f;
    Theme a;
    a.name = "Trust";
    Theme b;
    b.name = "Control over records";
    const RowId ta = f.p.insert_theme(a), tb = f.p.insert_theme(b);

    auto link = std::make_unique<LinkThemes>(ThemeLink{0, "", ta, tb, "depends on"});
    f.stack.execute(f.p, std::move(link));
    REQUIRE(f.p.theme_links().size() == 1);
    const ThemeLink made = f.p.theme_links()[0];
    CHECK(made.label == "depends on");
    f.stack.undo(f.p);
    CHECK(f.p.theme_links().empty());
    f.stack.redo(f.p);
    REQUIRE(f.p.theme_links().size() == 1);
    CHECK(f.p.theme_links()[0].id == made.id);

    // Unlink restores exactly what was stored, even when given a stale copy.
    ThemeLink stale = made;
    stale.label = "an old label";
    f.stack.execute(f.p, std::make_unique<UnlinkThemes>(stale));
    CHECK(f.p.theme_links().empty());
    f.stack.undo(f.p);
    REQUIRE(f.p.theme_links().size() == 1);
    CHECK(f.p.theme_links()[0].id == made.id);
    CHECK(f.p.theme_links()[0].guid == made.guid);
    CHECK(f.p.theme_links()[0].label == "depends on");
    // A link removed elsewhere meanwhile: a clear error and nothing changed.
    f.p.delete_theme_link(made.id);
    CHECK_THROWS_WITH(f.stack.execute(f.p, std::make_unique<UnlinkThemes>(made)), Catch::Contains("no longer exists"));
    // A theme cannot be linked to itself.
    CHECK_THROWS_AS(f.stack.execute(f.p, std::make_unique<LinkThemes>(ThemeLink{0, "", ta, ta, ""})), InvalidArgument);
}

TEST_CASE("case attributes: set, change and remove, each undone and redone", "[commands]") {
    Fixture f;
    auto attr = [&](const std::string& kase, const std::string& name) -> std::optional<Attribute> {
        auto c = f.p.find_case(kase);
        if (!c) return std::nullopt;
        for (const auto& a : c->attributes)
            if (a.name == name) return a;
        return std::nullopt;
    };
    f.stack.execute(f.p, std::make_unique<SetCaseAttribute>("P1", Attribute{"age", AttributeType::number, "34"}));
    f.stack.execute(f.p, std::make_unique<SetCaseAttribute>("P1", Attribute{"age", AttributeType::number, "35"}));
    REQUIRE(attr("P1", "age")->value == "35");
    f.stack.execute(f.p, std::make_unique<RemoveCaseAttribute>("P1", "age"));
    CHECK(!attr("P1", "age"));
    f.stack.undo(f.p);
    REQUIRE(attr("P1", "age"));
    CHECK(attr("P1", "age")->value == "35");
    CHECK(attr("P1", "age")->type == AttributeType::number);
    f.stack.redo(f.p);
    CHECK(!attr("P1", "age"));
    f.stack.undo(f.p);
    f.stack.undo(f.p);
    REQUIRE(attr("P1", "age"));
    CHECK(attr("P1", "age")->value == "34");
    f.stack.undo(f.p);
    CHECK(!attr("P1", "age"));
    CHECK(f.p.find_case("P1").has_value());  // the case was there before: it stays

    // Another window removed what undo would remove: undo still succeeds, and the next one too.
    f.stack.execute(f.p, std::make_unique<SetCaseAttribute>("P1", Attribute{"age", AttributeType::number, "36"}));
    f.stack.execute(f.p, std::make_unique<SetCaseAttribute>("P41", Attribute{"age", AttributeType::number, "22"}));
    f.p.delete_case(f.p.find_case("P41")->id);
    f.p.remove_attribute(f.p.find_case("P1")->id, "age");
    CHECK_NOTHROW(f.stack.undo(f.p));
    CHECK_NOTHROW(f.stack.undo(f.p));
    CHECK(f.stack.undo_label() != "Set age of P1");  // both steps left the stack
    CHECK(!f.p.find_case("P41"));
    CHECK(!attr("P1", "age"));

    // A new case made by setting an attribute goes again on undo.
    f.stack.execute(f.p, std::make_unique<SetCaseAttribute>("P40", Attribute{"group", AttributeType::category, "MC1"}));
    REQUIRE(f.p.find_case("P40"));
    f.stack.undo(f.p);
    CHECK(!f.p.find_case("P40"));

    // Removing what is not there is refused, and changes nothing.
    CHECK_THROWS_WITH(f.stack.execute(f.p, std::make_unique<RemoveCaseAttribute>("P1", "age")),
                      Catch::Contains("no attribute 'age'"));
    CHECK_THROWS_WITH(f.stack.execute(f.p, std::make_unique<RemoveCaseAttribute>("Nobody", "age")),
                      Catch::Contains("no case named 'Nobody'"));
}

TEST_CASE("coding many passages at once: one step, duplicates skipped, redo keeps ids", "[commands]") {
    Fixture f;
    Code mine;
    mine.name = "Consent";
    mine.owner_coder_id = f.amara;
    const RowId code = f.p.insert_code(mine);
    const auto turns = f.p.turns(f.doc);
    REQUIRE(turns.size() >= 2);
    // The first turn is coded already; it is listed twice more.
    f.stack.execute(f.p, std::make_unique<ApplyCode>(f.doc, turns[0].span, code, f.amara));
    std::vector<ApplyCodeToSpans::Passage> passages = {
        {f.doc, turns[0].span}, {f.doc, turns[1].span}, {f.doc, turns[1].span}};
    auto cmd = std::make_unique<ApplyCodeToSpans>(passages, code, f.amara);
    auto* raw = cmd.get();
    f.stack.execute(f.p, std::move(cmd));
    CHECK(raw->applied() == 1);
    CHECK(raw->skipped() == 2);
    CHECK(raw->label() == "Code 1 passage(s) with 'Consent'");
    auto coded = f.p.codings({f.doc, code, f.amara});
    REQUIRE(coded.size() == 2);
    const RowId id = coded[1].id;
    const std::string guid = coded[1].guid;
    f.stack.undo(f.p);
    CHECK(f.p.codings({f.doc, code, f.amara}).size() == 1);
    f.stack.redo(f.p);
    coded = f.p.codings({f.doc, code, f.amara});
    REQUIRE(coded.size() == 2);
    CHECK(coded[1].id == id);
    CHECK(coded[1].guid == guid);

    // Another coder's code, and a span outside the document, are refused whole.
    CHECK_THROWS_WITH(f.stack.execute(f.p, std::make_unique<ApplyCodeToSpans>(passages, code, f.ben)),
                      Catch::Contains("another coder's codebook"));
    CHECK_THROWS(f.stack.execute(
        f.p, std::make_unique<ApplyCodeToSpans>(
                 std::vector<ApplyCodeToSpans::Passage>{{f.doc, turns[1].span}, {f.doc, {0, 1 << 30}}}, code, f.amara)));
    CHECK(f.p.codings({f.doc, code, f.amara}).size() == 2);

    // Everything already coded: said, and no empty step is recorded.
    const std::string before = f.stack.undo_label();
    CHECK_THROWS_WITH(f.stack.execute(f.p, std::make_unique<ApplyCodeToSpans>(passages, code, f.amara)),
                      Catch::Contains("already have the code 'Consent'"));
    CHECK(f.stack.undo_label() == before);

    // A coding another window removed meanwhile does not stop the undo.
    f.p.delete_coding(id);
    CHECK_NOTHROW(f.stack.undo(f.p));
    CHECK(f.p.codings({f.doc, code, f.amara}).size() == 1);
}
