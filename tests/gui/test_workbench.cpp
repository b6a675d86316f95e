// Headless workbench tests: real ImGui frames of the App, driven by injected mouse and keys.
#include "headless.hpp"
#include "test_support.hpp"
#include "store/database.hpp"
#include "ui/gui/probe.hpp"

#include <catch2/catch.hpp>

using namespace tessera;
using tessera::test::Headless;
using tessera::test::TempDir;

namespace {

// Original text: emoji beyond the BMP and accented letters, so code points, UTF-16 units and bytes differ.
const char* kText =
    "P1: Honestly? They felt cold 😟 at the café — Zoë said so too.\n\n"
    "P2: I'm naïve maybe, but words matter 💬 to me.\n\n"
    "P3: A phone call first 👍, then the letter. Señora Núñez agreed.";

std::int64_t cp_of(const std::string& text, const std::string& sub) {
    auto hay = text::to_utf32(text);
    auto pos = hay.find(text::to_utf32(sub));
    REQUIRE(pos != std::u32string::npos);
    return static_cast<std::int64_t>(pos);
}

struct Fixture {
    TempDir dir;
    std::filesystem::path path = dir / "study.tessera";
    Project p = Project::create(path);  // "another window" on the same file
    RowId doc = 0, amara = 0, ben = 0;

    explicit Fixture(const std::string& body = kText) {
        NewDocument d;
        d.name = "Focus group 1";
        d.text = body;
        std::int64_t start = 0;
        auto u = text::to_utf32(body);
        // Turns: each "Pn: " paragraph; the utterance starts after the label.
        std::size_t i = 0;
        while (i < u.size()) {
            std::size_t end = u.find(U"\n\n", i);
            if (end == std::u32string::npos) end = u.size();
            std::string label = "P" + std::to_string(u[i + 1] - U'0');
            start = static_cast<std::int64_t>(i) + 4;
            d.turns.push_back({{start, static_cast<std::int64_t>(end)}, label, std::nullopt, std::nullopt});
            bool known = false;
            for (auto& s : d.speakers) known |= s.label == label;
            if (!known) d.speakers.push_back({label, SpeakerRole::participant, label});
            i = end + 2;
        }
        doc = p.add_document(d);
        amara = p.insert_coder({0, "", "Amara"});
        ben = p.insert_coder({0, "", "Ben"});
    }
    std::int64_t cp(const std::string& sub) { return cp_of(kText, sub); }
    RowId code(const std::string& name, RowId owner) {
        Code c;
        c.name = name;
        c.owner_coder_id = owner;
        return p.insert_code(c);
    }
    RowId coding(RowId code_id, RowId coder, Span s) {
        Coding c;
        c.document_id = doc;
        c.code_id = code_id;
        c.coder_id = coder;
        c.span = s;
        return p.insert_coding(c);
    }
    gui::AppOptions options(const std::string& coder = "Amara") { return tessera::test::app_options(path, coder); }
    std::vector<Coding> codings_of(RowId coder) { return p.codings({std::nullopt, std::nullopt, coder}); }
};

ImVec2 nudge(ImVec2 v) { return ImVec2(v.x + 0.5f, v.y); }

}  // namespace

TEST_CASE("dragging over emoji and accents codes the exact code-point span", "[ui]") {
    Fixture f;
    gui::App app(f.options());
    Headless h(app);
    h.frames(3);
    std::int64_t s = f.cp("cold 😟 at the café"), e = s + 18;
    auto a = app.transcript().screen_pos(s), b = app.transcript().screen_pos(e);
    REQUIRE(a);
    REQUIRE(b);
    h.drag(nudge(*a), nudge(*b));
    REQUIRE(app.state().selection.span() == Span{s, e});

    h.key('N', true);
    h.frames(2);
    h.type("Cold letters");
    h.key(Headless::kEnter);
    h.frames(2);
    auto mine = f.codings_of(f.amara);
    REQUIRE(mine.size() == 1);
    CHECK(mine[0].span == Span{s, e});
    CHECK(std::string(text::OffsetIndex(f.p.document(f.doc).text).slice(mine[0].span)) == "cold 😟 at the café");
    CHECK(f.p.code(mine[0].code_id).name == "Cold letters");
    CHECK(f.p.code(mine[0].code_id).owner_coder_id == f.amara);
    // The stripe is drawn for the new coding.
    CHECK(h.drawn("transcript/coding/" + std::to_string(mine[0].id)));
}

TEST_CASE("double-click selects a word; the picker and number keys code it", "[ui]") {
    Fixture f;
    RowId trust = f.code("Trust", f.amara);
    gui::App app(f.options());
    Headless h(app);
    h.frames(3);
    std::int64_t w = f.cp("naïve");
    auto p = app.transcript().screen_pos(w + 2);
    REQUIRE(p);
    h.double_click(*p);
    REQUIRE(app.state().selection.span() == Span{w, w + 5});

    h.key('K', true);
    h.frames(2);
    REQUIRE(h.drawn("picker/filter"));
    h.type("tru");
    h.key(Headless::kEnter);
    h.frames(2);
    auto mine = f.codings_of(f.amara);
    REQUIRE(mine.size() == 1);
    CHECK(mine[0].span == Span{w, w + 5});
    CHECK(mine[0].code_id == trust);

    // Keyboard: extend over the emoji one code point at a time, then code with recent code 1.
    std::int64_t m = f.cp("matter 💬");
    auto q = app.transcript().screen_pos(m);
    REQUIRE(q);
    h.click(nudge(*q));
    for (int i = 0; i < 8; ++i) h.key(Headless::kRight, false, true);
    REQUIRE(app.state().selection.span() == Span{m, m + 8});
    h.key('1');
    h.frames(1);
    mine = f.codings_of(f.amara);
    REQUIRE(mine.size() == 2);
    CHECK(std::string(text::OffsetIndex(f.p.document(f.doc).text).slice(mine[1].span)) == "matter 💬");
}

TEST_CASE("undo and redo restore codings with Ctrl+Z and Ctrl+Shift+Z", "[ui]") {
    Fixture f;
    gui::App app(f.options());
    Headless h(app);
    h.frames(3);
    std::int64_t s = f.cp("Señora Núñez");
    auto a = app.transcript().screen_pos(s), b = app.transcript().screen_pos(s + 12);
    REQUIRE((a && b));
    h.drag(nudge(*a), nudge(*b));
    h.key('I', true);  // in vivo: the words become the code
    h.frames(1);
    auto mine = f.codings_of(f.amara);
    REQUIRE(mine.size() == 1);
    CHECK(f.p.code(mine[0].code_id).name == "“Señora Núñez”");
    RowId id = mine[0].id;

    h.key('Z', true);
    h.frames(1);
    CHECK(f.codings_of(f.amara).empty());
    CHECK(!f.p.find_code("“Señora Núñez”", f.amara));
    h.key('Z', true, true);
    h.frames(1);
    mine = f.codings_of(f.amara);
    REQUIRE(mine.size() == 1);
    CHECK(mine[0].id == id);
    CHECK(mine[0].span == Span{s, s + 12});
}

TEST_CASE("blind mode hides the other coder's codes and codings until it is turned off", "[ui]") {
    Fixture f;
    RowId bens = f.code("Ben's theme", f.ben);
    RowId ben_coding = f.coding(bens, f.ben, {f.cp("cold"), f.cp("cold") + 4});
    RowId mine_code = f.code("Mine", f.amara);
    RowId my_coding = f.coding(mine_code, f.amara, {f.cp("phone"), f.cp("phone") + 5});
    Code team;
    team.name = "Team consensus";
    RowId team_code = f.p.insert_code(team);
    Memo bens_memo;
    bens_memo.target = MemoTarget::document;
    bens_memo.target_id = f.doc;
    bens_memo.coder_id = f.ben;
    bens_memo.body = "Ben's private thoughts";
    f.p.insert_memo(bens_memo);
    gui::App app(f.options());
    Headless h(app);
    h.frames(3);
    REQUIRE(app.cache().blind());  // on by default with two coders
    CHECK(h.drawn("transcript/coding/" + std::to_string(my_coding)));
    CHECK(!h.drawn("transcript/coding/" + std::to_string(ben_coding)));
    CHECK(h.drawn("codebook/row/" + std::to_string(mine_code)));
    CHECK(!h.drawn("codebook/row/" + std::to_string(bens)));
    CHECK(!h.drawn("codebook/row/" + std::to_string(team_code)));
    for (const auto& c : app.cache().codings()) CHECK(c.coder_id == f.amara);
    CHECK(app.cache().memos().empty());

    // Another window turns blind mode off: this window sees it within a few frames.
    f.p.set_setting("blind_mode", "0");
    h.frames(20);
    CHECK(!app.cache().blind());
    CHECK(h.drawn("transcript/coding/" + std::to_string(ben_coding)));
    CHECK(h.drawn("codebook/row/" + std::to_string(bens)));
    CHECK(h.drawn("codebook/row/" + std::to_string(team_code)));
    CHECK(app.cache().memos().size() == 1);

    // Turning it back on from the View menu is one undoable, audited step.
    h.click(h.at("menu/view"));
    h.frames(1);
    h.click(h.at("menu/view/blind"));
    h.frames(2);
    CHECK(f.p.setting("blind_mode") == "1");
    CHECK(app.cache().blind());
    const auto log = f.p.audit_log();
    REQUIRE(!log.empty());
    CHECK(log.back().detail == "Turn blind mode on");
    CHECK(log.back().coder_id == f.amara);
    h.key('Z', true);
    h.frames(2);
    CHECK(f.p.setting("blind_mode") == "0");
    CHECK(!app.cache().blind());
}

TEST_CASE("merging codes from the codebook's context menu moves the codings; undo splits them again", "[ui]") {
    Fixture f;
    RowId worry = f.code("Worry", f.amara), fear = f.code("Fear", f.amara);
    RowId c1 = f.coding(worry, f.amara, {f.cp("cold"), f.cp("cold") + 4});
    RowId c2 = f.coding(fear, f.amara, {f.cp("letter."), f.cp("letter.") + 6});
    gui::App app(f.options());
    Headless h(app);
    h.frames(3);
    h.click(h.at("codebook/row/" + std::to_string(worry)), 1);
    h.frames(1);
    h.move(h.at("codebook/menu/merge"));
    h.frames(2);
    h.click(h.at("codebook/merge/" + std::to_string(fear)));
    h.frames(1);
    CHECK(f.p.coding(c1).code_id == fear);
    CHECK(f.p.coding(c2).code_id == fear);
    CHECK(!f.p.find_code("Worry", f.amara));
    CHECK(f.p.lineage(fear).size() == 1);
    h.key('Z', true);
    h.frames(1);
    CHECK(f.p.coding(c1).code_id == worry);
    CHECK(f.p.coding(c2).code_id == fear);
}

TEST_CASE("an error from the core shows in the window and changes nothing", "[ui]") {
    Fixture f;
    gui::App app(f.options());
    Headless h(app);
    h.frames(3);
    auto codes_before = f.p.codes().size();
    app.project()->db().exec("PRAGMA query_only=1");
    std::int64_t s = f.cp("phone call");
    auto a = app.transcript().screen_pos(s), b = app.transcript().screen_pos(s + 10);
    REQUIRE((a && b));
    h.drag(nudge(*a), nudge(*b));
    h.key('I', true);
    h.frames(2);
    REQUIRE(h.drawn("notification/error/title"));
    bool named = false;
    for (const auto& n : app.state().notifications)
        if (n.kind == gui::Notification::Kind::error) {
            named = n.message.find("study.tessera") != std::string::npos;
            CHECK(!n.advice.empty());
        }
    CHECK(named);
    CHECK(f.p.codings().empty());
    CHECK(f.p.codes().size() == codes_before);
    h.click(h.at("notification/error/ok"));
    h.frames(1);
    CHECK(!h.drawn("notification/error/title"));
}

TEST_CASE("a long transcript lays out every turn but draws only the visible ones", "[ui]") {
    std::string body;
    for (int i = 0; i < 3000; ++i) {
        if (i) body += "\n\n";
        body += "P" + std::to_string(1 + i % 3) + ": Turn " + std::to_string(i) +
                " — we talked about the café and the clinic, and how the letters felt 😟 to read.";
    }
    Fixture f(body);
    gui::App app(f.options());
    Headless h(app);
    h.frames(3);
    REQUIRE(app.transcript().layout().turn_count() == 3000);
    CHECK(app.transcript().drawn_turns() > 5);
    CHECK(app.transcript().drawn_turns() < 80);
    CHECK(h.drawn("transcript/turn/0"));
    CHECK(!h.drawn("transcript/turn/2999"));
}

TEST_CASE("choosing a coder on opening, and switching, is logged", "[ui]") {
    Fixture f;
    gui::App app(f.options(""));
    Headless h(app);
    h.frames(2);
    REQUIRE(!app.state().coder_id);
    h.click(h.at("coder/Ben"));
    h.frames(1);
    REQUIRE(app.state().coder_id == f.ben);
    bool logged = false;
    for (const auto& e : f.p.audit_log()) logged |= e.action == "switch coder";
    CHECK(logged);
}

TEST_CASE("dragging a selection onto a code in the codebook codes it", "[ui]") {
    Fixture f;
    RowId trust = f.code("Trust", f.amara);
    gui::App app(f.options());
    Headless h(app);
    h.frames(3);
    std::int64_t s = f.cp("words matter 💬"), e = s + 14;
    auto a = app.transcript().screen_pos(s), b = app.transcript().screen_pos(e);
    REQUIRE((a && b));
    h.drag(nudge(*a), nudge(*b));
    REQUIRE(app.state().selection.span() == Span{s, e});
    // Press inside the selection and drag it to the code's row.
    auto mid = app.transcript().screen_pos(s + 3);
    REQUIRE(mid);
    h.drag(*mid, h.at("codebook/row/" + std::to_string(trust)));
    h.frames(1);
    auto mine = f.codings_of(f.amara);
    REQUIRE(mine.size() == 1);
    CHECK(mine[0].code_id == trust);
    CHECK(mine[0].span == Span{s, e});
}

TEST_CASE("dragging a code onto another re-parents it", "[ui]") {
    Fixture f;
    RowId parent = f.code("Feelings", f.amara), child = f.code("Cold", f.amara);
    gui::App app(f.options());
    Headless h(app);
    h.frames(3);
    h.drag(h.at("codebook/row/" + std::to_string(child)), h.at("codebook/row/" + std::to_string(parent)));
    h.frames(1);
    CHECK(f.p.code(child).parent_id == parent);
    CHECK(f.p.code_path(child) == "Feelings/Cold");
}

TEST_CASE("clicking a stripe selects its coding, which can be fitted to a new selection, memoed and removed", "[ui]") {
    Fixture f;
    RowId worry = f.code("Worry", f.amara);
    std::int64_t s = f.cp("cold");
    RowId id = f.coding(worry, f.amara, {s, s + 4});
    gui::App app(f.options());
    Headless h(app);
    h.frames(3);
    h.click(h.at("transcript/coding/" + std::to_string(id)));
    REQUIRE(app.state().selected_coding == id);

    // New selection "cold 😟", then "Fit to selection".
    auto a = app.transcript().screen_pos(s), b = app.transcript().screen_pos(s + 6);
    REQUIRE((a && b));
    h.drag(nudge(*a), nudge(*b));
    REQUIRE(!app.state().selected_coding);  // a new selection deselects the coding...
    h.click(h.at("transcript/coding/" + std::to_string(id)));  // ...and a stripe click keeps the selection
    REQUIRE(app.state().selected_coding == id);
    REQUIRE(app.state().selection.span() == Span{s, s + 6});
    h.click(h.at("transcript/coding_bar/adjust"));
    h.frames(1);
    CHECK(f.p.coding(id).span == Span{s, s + 6});

    // A memo on the coding, written in the Memos panel.
    app.state().memo_context = {MemoTarget::coding, id};
    app.state().right_tab = "memos";
    h.frames(2);
    h.click(h.at("memos/body"));
    h.type("Said with a laugh — check the recording.");
    h.click(h.at("memos/add"));
    h.frames(1);
    auto memos = f.p.memos_for(MemoTarget::coding, id);
    REQUIRE(memos.size() == 1);
    CHECK(memos[0].body == "Said with a laugh — check the recording.");
    CHECK(memos[0].coder_id == f.amara);

    h.click(h.at("transcript/coding/" + std::to_string(id)));
    REQUIRE(app.state().selected_coding == id);
    h.key(Headless::kDelete);
    h.frames(1);
    CHECK(f.codings_of(f.amara).empty());
}

TEST_CASE("the handles on a selected coding move its ends to word edges, one undoable step each", "[ui]") {
    Fixture f;
    RowId worry = f.code("Worry", f.amara);
    const std::int64_t s = f.cp("cold");
    RowId id = f.coding(worry, f.amara, {s, s + 4});
    RowId bens = f.coding(f.code("Tone", f.ben), f.ben, {f.cp("naïve"), f.cp("naïve") + 5});
    gui::App app(f.options());
    Headless h(app);
    h.frames(3);
    CHECK_FALSE(h.drawn("transcript/handle/end"));  // nothing selected, no handles
    h.click(h.at("transcript/coding/" + std::to_string(id)));
    h.frames(1);
    REQUIRE(h.drawn("transcript/handle/start"));

    // The end dropped mid-"café" takes the whole word: a coder's boundary lands on a word edge.
    const std::int64_t cafe = f.cp("café");
    auto mid_cafe = app.transcript().screen_pos(cafe + 2);
    REQUIRE(mid_cafe);
    h.drag(h.at("transcript/handle/end"), nudge(*mid_cafe));
    h.frames(1);
    CHECK(f.p.coding(id).span == Span{s, cafe + 4});

    // The start dropped mid-"felt" moves back to that word's start.
    auto mid_felt = app.transcript().screen_pos(f.cp("felt") + 2);
    REQUIRE(mid_felt);
    h.drag(h.at("transcript/handle/start"), nudge(*mid_felt));
    h.frames(1);
    CHECK(f.p.coding(id).span == Span{f.cp("felt"), cafe + 4});

    // Each drag was one step: undo puts the start back, then the end.
    h.key('Z', true);
    h.frames(1);
    CHECK(f.p.coding(id).span == Span{s, cafe + 4});
    h.key('Z', true);
    h.frames(1);
    CHECK(f.p.coding(id).span == Span{s, s + 4});

    // With Alt the exact character is kept; and an end dragged before the start leaves one
    // character, never an empty coding.
    h.click(h.at("transcript/coding/" + std::to_string(id)));
    h.frames(1);
    ImGui::GetIO().KeyAlt = true;
    auto inside_cold = app.transcript().screen_pos(s + 2);
    REQUIRE(inside_cold);
    h.drag(h.at("transcript/handle/end"), nudge(*inside_cold));
    ImGui::GetIO().KeyAlt = false;
    h.frames(1);
    CHECK(f.p.coding(id).span == Span{s, s + 2});
    auto before = app.transcript().screen_pos(f.cp("Honestly"));
    REQUIRE(before);
    h.drag(h.at("transcript/handle/end"), nudge(*before));
    h.frames(1);
    CHECK(f.p.coding(id).span == Span{s, s + 1});

    // Another coder's coding (shown when the blind is lifted, say) is never reshaped here.
    app.state().selected_coding = bens;
    h.frames(1);
    CHECK_FALSE(h.drawn("transcript/handle/start"));
    CHECK_FALSE(h.drawn("transcript/handle/end"));
}

TEST_CASE("a write waiting for another window shows a notice, then saves", "[ui]") {
    Fixture f;
    gui::App app(f.options());
    Headless h(app);
    h.frames(3);
    std::int64_t s = f.cp("phone call");
    auto a = app.transcript().screen_pos(s), b = app.transcript().screen_pos(s + 10);
    REQUIRE((a && b));
    h.drag(nudge(*a), nudge(*b));

    // The other window holds the write lock until this window has drawn its notice twice.
    auto lock = std::make_unique<store::Transaction>(f.p.db());
    int waits = 0, notices = 0;
    app.set_wait_hook([&](int) {
        ++waits;
        ImGui::NewFrame();
        app.draw();
        ImGui::Render();
        notices += h.drawn("notice/write_waiting");
        if (notices == 2) lock.reset();  // rolls back: the other window's transaction ends
    });
    h.key('I', true);
    h.frames(1);
    CHECK(waits >= 2);
    CHECK(notices == 2);
    auto mine = f.codings_of(f.amara);
    REQUIRE(mine.size() == 1);
    CHECK(mine[0].span == Span{s, s + 10});
    CHECK(!h.drawn("notice/write_waiting"));
}

TEST_CASE("a new coder can be added on opening and codes as themselves", "[ui]") {
    Fixture f;
    gui::App app(f.options(""));
    Headless h(app);
    h.frames(2);
    h.click(h.at("coder/new"));
    h.type("Chidi");
    h.click(h.at("coder/add"));
    h.frames(1);
    auto chidi = f.p.find_coder("Chidi");
    REQUIRE(chidi);
    CHECK(app.state().coder_id == chidi->id);
    CHECK(!h.drawn("coder/new"));  // the chooser closed

    // A taken name is refused with a notice, and the window keeps coding as before.
    app.state().choose_coder_open = true;
    h.frames(2);
    h.click(h.at("coder/new"));
    h.type("Amara");
    h.click(h.at("coder/add"));
    h.frames(2);
    CHECK(app.state().coder_id == chidi->id);
    REQUIRE(!app.state().notifications.empty());
    CHECK(app.state().notifications.back().title.find("Add coder 'Amara'") != std::string::npos);
}

TEST_CASE("the code editor renames a code; undo brings the old name back", "[ui]") {
    Fixture f;
    RowId trust = f.code("Trust", f.amara);
    gui::App app(f.options());
    Headless h(app);
    h.frames(3);
    h.click(h.at("codebook/row/" + std::to_string(trust)));
    app.state().right_tab = "code";
    h.frames(2);
    h.click(h.at("editor/name"));
    h.key(269);  // End
    h.type(" in services");
    h.click(h.at("editor/save"));
    h.frames(1);
    CHECK(f.p.code(trust).name == "Trust in services");
    h.click(h.at("transcript/area"));  // leave the text field so Ctrl+Z is the app's, not the field's
    h.key('Z', true);
    h.frames(2);
    CHECK(f.p.code(trust).name == "Trust");
}

TEST_CASE("retrieval lists a code's extracts; clicking one selects it in the transcript", "[ui]") {
    Fixture f;
    RowId worry = f.code("Worry", f.amara);
    std::int64_t s = f.cp("Señora");
    RowId id = f.coding(worry, f.amara, {s, s + 12});
    f.coding(worry, f.amara, {f.cp("cold"), f.cp("cold") + 4});
    gui::App app(f.options());
    Headless h(app);
    h.frames(3);
    h.click(h.at("codebook/row/" + std::to_string(worry)));
    app.state().right_tab = "retrieval";
    h.frames(2);
    REQUIRE(app.cache().extracts().size() == 2);
    CHECK(app.cache().extracts()[1].text == "Señora Núñez");
    CHECK(app.cache().extracts()[1].speaker == "P3");
    h.click(h.at("retrieval/extract/" + std::to_string(id)));
    h.frames(2);
    CHECK(app.state().selected_coding == id);
    CHECK(app.state().selection.span() == Span{s, s + 12});
    CHECK(app.transcript().screen_pos(s).has_value());
}

TEST_CASE("Ctrl+= and Ctrl+- ask for larger and smaller text", "[ui]") {
    Fixture f;
    gui::App app(f.options());
    Headless h(app);
    h.frames(2);
    (void)app.take_font_request();  // the harness built the atlas already
    CHECK(app.font_px() == 16);
    h.key('=', true);
    CHECK(app.font_px() == 18);
    CHECK(app.take_font_request().has_value());
    CHECK(!app.take_font_request().has_value());
    h.key('-', true);
    h.key('-', true);
    CHECK(app.font_px() == 14);
}
