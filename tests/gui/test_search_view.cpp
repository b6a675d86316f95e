// Headless tests of the Search tab: Ctrl+F, a query typed and run after the frame, a result opening
// its document with the match selected, the participants-only filter, and an unreadable query.
#include "headless.hpp"
#include "test_support.hpp"
#include "ui/gui/probe.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

using namespace tessera;
using tessera::test::Headless;
using tessera::test::TempDir;

namespace {

// Original text: a facilitator's question and two participants on sharing records.
const char* kText =
    "Facilitator: Would you want your records shared with researchers?\n\n"
    "P1: Sharing is fine when I'm asked first — not behind my back 😟.\n\n"
    "P2: My GP already shares too much with the council.";

struct Study {
    TempDir dir;
    std::filesystem::path path = dir / "search.tessera";
    Project p = Project::create(path);
    RowId doc = 0;
    Study() {
        NewDocument d = tessera::test::labelled_document("Focus group 2", kText);
        doc = p.add_document(d);
        p.insert_coder({0, "", "Amara"});
    }
};

std::int64_t cp_of(const std::string& sub) {
    return static_cast<std::int64_t>(text::to_utf32(kText).find(text::to_utf32(sub)));
}

// The study open in a window, its first frames drawn.
struct SearchWindow {
    Study f;
    gui::App app{tessera::test::app_options(f.path)};
    Headless h{app};
    SearchWindow() { h.frames(3); }
};

// Draws frames until the search under way (on its worker) has finished and been taken.
void finish_search(Headless& h, gui::App& app) {
    h.frames(1);  // the request starts after a frame
    for (int i = 0; i < 1000 && app.search().searching(); ++i) {
        h.frames(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(!app.search().searching());
    h.frames(2);
}

// Ctrl+F, the query typed, Enter, and the frames until its results are in.
void search_for(Headless& h, gui::App& app, const std::string& query) {
    h.key('F', true);
    h.frames(3);
    h.type(query);
    h.key(Headless::kEnter);
    finish_search(h, app);
}

}  // namespace

TEST_CASE("search tab: Ctrl+F, type, Enter; a result opens its document with the match selected", "[ui]") {
    Study f;
    gui::App app(tessera::test::app_options(f.path));
    Headless h(app);
    h.frames(3);
    app.state().document_id.reset();
    h.key('F', true);
    h.frames(3);
    REQUIRE(h.drawn("search/query"));
    h.type("sharing");
    h.key(Headless::kEnter);
    finish_search(h, app);
    REQUIRE(h.drawn("search/count"));
    REQUIRE(h.drawn("search/result/2"));  // shared, Sharing, shares
    CHECK(!h.drawn("search/result/3"));

    // The participants-only box searches again without the facilitator's question.
    h.click(h.at("search/participants_only"));
    finish_search(h, app);
    REQUIRE(h.drawn("search/result/1"));
    CHECK(!h.drawn("search/result/2"));

    // The best result for P1 is the one with "Sharing" in it; clicking opens it there.
    bool opened = false;
    for (int i = 0; i < 2 && !opened; ++i) {
        h.click(h.at("search/result/" + std::to_string(i)));
        h.frames(2);
        REQUIRE(app.state().document_id == f.doc);
        const Span sel = app.state().selection.span();
        opened = sel == Span{cp_of("Sharing is"), cp_of("Sharing is") + 7};
        if (!opened) CHECK(sel == Span{cp_of("shares too"), cp_of("shares too") + 6});
    }
    CHECK(opened);
}

TEST_CASE("search tab: every word found is marked in the transcript until a new search or Escape", "[ui]") {
    SearchWindow w;
    auto& [f, app, h] = w;
    search_for(h, app, "sharing OR council");
    REQUIRE(h.drawn("search/result/0"));
    h.click(h.at("search/result/0"));
    h.frames(2);
    // Every match in the document, not only the clicked result's first: shared, Sharing, shares, council.
    const std::vector<Span> want{{cp_of("shared"), cp_of("shared") + 6},
                                       {cp_of("Sharing"), cp_of("Sharing") + 7},
                                       {cp_of("shares"), cp_of("shares") + 6},
                                       {cp_of("council"), cp_of("council") + 7}};
    CHECK(app.state().marked == want);
    for (const auto& w : want) CHECK(h.drawn("transcript/mark/" + std::to_string(w.start)));

    // Escape in the transcript clears them; so does the next search.
    h.click(h.at("transcript/area"));
    h.key(Headless::kEscape);
    CHECK(app.state().marked.empty());
    CHECK(!h.drawn("transcript/mark/" + std::to_string(want[0].start)));
    h.click(h.at("search/result/0"));
    h.frames(2);
    REQUIRE(!app.state().marked.empty());
    search_for(h, app, "records");
    CHECK(app.state().marked.empty());
}

TEST_CASE("search tab: a dangling operator says what is wrong; the project changing re-runs the search", "[ui]") {
    SearchWindow w;
    auto& [f, app, h] = w;
    search_for(h, app, "council AND");
    REQUIRE(h.drawn("search/error"));

    app.search().ui.query = "pharmacy";
    h.click(h.at("search/go"));
    finish_search(h, app);
    REQUIRE(h.drawn("search/count"));
    CHECK(!h.drawn("search/result/0"));
    // Another window imports a transcript that mentions it: this window's results follow.
    NewDocument d;
    d.name = "Interview 9";
    d.text = "P9: The pharmacy knew first.";
    d.turns.push_back({{4, 28}, "P9", {}, {}});
    d.speakers.push_back({"P9", SpeakerRole::participant, "P9"});
    f.p.add_document(d);
    for (int i = 0; i < 200 && !h.drawn("search/result/0"); ++i) {
        h.frames(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));  // the window polls for others' writes
    }
    CHECK(h.drawn("search/result/0"));
}

TEST_CASE("search tab: the turns found are coded with the selected code in one undoable step", "[ui]") {
    Study f;
    Code consent;
    consent.name = "Asked first";
    consent.owner_coder_id = f.p.find_coder("Amara")->id;
    const RowId code = f.p.insert_code(consent);
    gui::App app(tessera::test::app_options(f.path));
    Headless h(app);
    h.frames(3);
    search_for(h, app, "sharing");
    REQUIRE(h.drawn("search/result/2"));
    CHECK(!h.drawn("search/code_hits"));  // no code selected yet
    app.state().selected_code = code;
    h.frames(2);
    REQUIRE(h.drawn("search/code_hits"));
    h.click(h.at("search/code_hits"));
    h.frames(2);
    auto coded = f.p.codings({f.doc, code, std::nullopt});
    REQUIRE(coded.size() == 3);
    for (const auto& k : coded) {
        bool whole_turn = false;
        for (const auto& t : f.p.turns(f.doc)) whole_turn |= t.span == k.span;
        CHECK(whole_turn);
    }
    // Again (once the results have followed the change): nothing coded twice, and it says so.
    finish_search(h, app);
    h.click(h.at("search/code_hits"));
    h.frames(2);
    CHECK(f.p.codings({f.doc, code, std::nullopt}).size() == 3);
    REQUIRE(h.drawn("notification/error/title"));
    h.click(h.at("notification/error/ok"));
    h.frames(2);
    h.key('Z', true);
    h.frames(2);
    CHECK(f.p.codings({f.doc, code, std::nullopt}).empty());
}

TEST_CASE("tessera-gui --search opens the Search tab with the query run and its best result shown", "[ui]") {
    Study f;
    gui::AppOptions o = tessera::test::app_options(f.path);
    o.view = "search";
    o.search = "council";
    gui::App app(o);
    Headless h(app);
    h.frames(5);
    REQUIRE(h.drawn("search/result/0"));
    CHECK(app.search().ui.query == "council");
    CHECK(app.state().document_id == f.doc);
    CHECK(app.state().selection.span() == Span{cp_of("council"), cp_of("council") + 7});
}

TEST_CASE("search tab: the language is chosen there, undoably, and the results follow it", "[ui]") {
    Study f;
    gui::App app(tessera::test::app_options(f.path));
    Headless h(app);
    h.frames(3);
    search_for(h, app, "sharing");
    REQUIRE(h.drawn("search/result/2"));
    CHECK(app.search().language() == "english");
    h.click(h.at("search/language"));
    h.frames(2);
    h.click(h.at("search/language/french"));
    finish_search(h, app);
    CHECK(f.p.setting("search_language") == "french");
    CHECK(app.search().language() == "french");
    CHECK(!h.drawn("search/result/2"));  // French stemming does not join sharing, shared, shares
    h.key('Z', true);
    finish_search(h, app);
    CHECK(app.search().language() == "english");
    CHECK(h.drawn("search/result/2"));
}
