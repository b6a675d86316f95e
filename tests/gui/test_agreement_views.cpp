// Headless tests of the agreement, disagreement and alignment views: real ImGui frames of the App.
#include "headless.hpp"
#include "test_support.hpp"
#include "agreement/result.hpp"
#include "commands/consensus_commands.hpp"
#include "ui/gui/probe.hpp"
#include "ui/gui/views/views.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <thread>

using namespace tessera;
using tessera::test::Headless;
using tessera::test::TempDir;

namespace {

// Original text; accents and an emoji so code points and bytes differ.
const char* kText =
    "Interviewer: What happened when the form came back?\n\n"
    "P4: The clinic sent it twice 📨 and nobody rang me, so I stopped trusting the café rota entirely.\n\n"
    "P4: Later a nurse, Renée, explained it properly and I felt I could ask again.";

struct Fixture {
    TempDir dir;
    std::filesystem::path path = dir / "study.tessera";
    Project p = Project::create(path);
    RowId doc = 0, amara = 0, ben = 0, worry = 0, concern = 0;
    std::int64_t length = 0;

    Fixture() {
        NewDocument d;
        d.name = "Interview 4";
        d.text = kText;
        doc = p.add_document(d);
        length = p.document(doc).length;
        amara = p.insert_coder({0, "", "Amara"});
        ben = p.insert_coder({0, "", "Ben"});
        worry = code("Worry about records", amara);
        concern = code("Records worry", ben);
        // A codes [60, 100), B codes [70, 110): 30 both, 10 only A, 10 only B.
        coding(worry, amara, {60, 100});
        coding(concern, ben, {70, 110});
    }
    RowId code(const std::string& name, RowId owner) {
        Code c;
        c.name = name;
        c.owner_coder_id = owner;
        return p.insert_code(c);
    }
    void coding(RowId code_id, RowId coder, Span s) {
        Coding c;
        c.document_id = doc;
        c.code_id = code_id;
        c.coder_id = coder;
        c.span = s;
        p.insert_coding(c);
    }
    RowId confirm_alignment() {
        CommandStack st;
        auto cmd = std::make_unique<ConfirmAlignment>(std::vector<AlignmentChoice>{{worry, concern, "Worry (team)"}});
        auto* raw = cmd.get();
        st.execute(p, std::move(cmd));
        return raw->team_codes().at(0);
    }
    gui::AppOptions options() { return tessera::test::app_options(path); }
    std::vector<Coding> consensus_codings() {
        auto c = p.find_coder(kConsensusCoder);
        return c ? p.codings({std::nullopt, std::nullopt, c->id}) : std::vector<Coding>{};
    }
};

/// Frames until the agreement model has computed what was asked (the report on a worker thread:
/// at most 30 s, however slow the sanitizer build).
void settle(Headless& h, gui::App& app) {
    h.frames(2);  // the model reads the coders after the first frame; the view asks on the next
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while ((app.agreement().computing() || app.agreement().aligning()) && std::chrono::steady_clock::now() < give_up) {
        h.frame();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    REQUIRE_FALSE(app.agreement().computing());
    h.frames(2);
}

/// Opens an agreement panel once the app has drawn its first frames, and waits for what it computes.
void open_settled(Headless& h, gui::App& app, const std::string& panel) {
    h.frames(2);
    gui::open_agreement_panel(app.state(), app.cache(), app.agreement(), panel);
    settle(h, app);
}

std::string pair_id(RowId a, RowId b) { return std::to_string(a) + "-" + std::to_string(b); }

}  // namespace

TEST_CASE("an agreement window opened (--view) while the coder chooser is up draws behind it, not an ImGui abort",
          "[ui][agreement]") {
    Fixture f;
    f.confirm_alignment();
    gui::AppOptions o = f.options();
    o.coder.clear();  // no coder given: the chooser opens as a modal on the first frame
    o.view = "agreement";
    gui::App app(o);
    Headless h(app);
    h.frames(4);  // Dear ImGui 1.86 asserted here when the window appeared under the open modal
    CHECK(app.state().panels.agreement);
    CHECK(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
}

TEST_CASE("blind mode asks before the agreement view shows both coders, and the reveal is audited", "[ui][agreement]") {
    Fixture f;
    f.confirm_alignment();
    gui::App app(f.options());
    Headless h(app);
    h.frames(3);
    REQUIRE(app.cache().blind());
    gui::open_agreement_panel(app.state(), app.cache(), app.agreement(), "agreement");
    h.frames(2);
    REQUIRE(h.drawn("agreement/reveal/confirm"));
    CHECK(!app.state().panels.agreement);
    h.click(h.at("agreement/reveal/cancel"));
    h.frames(1);
    CHECK(!app.state().panels.agreement);
    CHECK(!h.drawn("agreement/reveal/confirm"));

    gui::open_agreement_panel(app.state(), app.cache(), app.agreement(), "agreement");
    h.frames(2);
    h.click(h.at("agreement/reveal/confirm"));
    settle(h, app);
    CHECK(app.state().panels.agreement);
    bool audited = false;
    for (const auto& e : f.p.audit_log()) audited |= e.action == "reveal codings" && e.coder_id == f.amara;
    CHECK(audited);
    CHECK(h.drawn("agreement/code/" + pair_id(f.worry, f.concern)));
}

TEST_CASE("the agreement table shows the pair's kappa with its Landis & Koch band colour", "[ui][agreement]") {
    Fixture f;
    f.confirm_alignment();
    f.p.set_setting("blind_mode", "0");
    gui::App app(f.options());
    Headless h(app);
    h.frames(2);
    gui::open_agreement_panel(app.state(), app.cache(), app.agreement(), "agreement");
    h.frame();
    CHECK(h.drawn("agreement/computing"));  // feedback before the report is computed
    settle(h, app);
    const auto* r = app.agreement().report();
    REQUIRE(r);
    REQUIRE(r->per_code.size() == 1);
    // By hand: N characters, 30 both, 10 only A, 10 only B.
    const double n = static_cast<double>(f.length), pa = 40 / n, pb = 40 / n;
    const double po = (30 + (n - 50)) / n, pe = pa * pb + (1 - pa) * (1 - pb);
    const double kappa = (po - pe) / (1 - pe);
    const auto& row = r->per_code[0];
    CHECK(row.units == n);
    REQUIRE(row.kappa.kappa.defined());
    CHECK(*row.kappa.kappa.value == Approx(kappa).epsilon(1e-12));
    CHECK(*row.percent.value == Approx(po).epsilon(1e-12));
    std::string band = agreement::landis_koch(row.kappa.kappa);
    CHECK(band == "substantial");  // 0.70 on this text
    std::string id = "agreement/code/" + pair_id(f.worry, f.concern);
    CHECK(h.drawn(id + "/kappa/" + band));
    CHECK(h.drawn(id + "/alpha/" + agreement::krippendorff_band(row.alpha)));
    CHECK(h.drawn("agreement/overall/pooled/kappa/" + band));
    CHECK(h.drawn("agreement/legend"));
    // Bands have distinct colours, and undefined is grey.
    CHECK(gui::band_rgb("substantial") != gui::band_rgb("moderate"));
    CHECK(gui::band_rgb("reliable") != gui::band_rgb("discard"));
    CHECK(gui::band_rgb("undefined") == 0xCCCCCC);
}

TEST_CASE("a report asked for while another computes replaces it; the window shows only the newest", "[ui][agreement]") {
    Fixture f;
    f.confirm_alignment();
    f.p.set_setting("blind_mode", "0");
    gui::App app(f.options());
    Headless h(app);
    open_settled(h, app, "agreement");
    REQUIRE(app.agreement().report());
    gui::AgreementSettings chars = app.agreement().computed_with();
    REQUIRE(chars.unit == agreement::UnitKind::character);
    // Two requests in a row: characters again, then segments before the first has been collected.
    app.agreement().request_report(chars);
    h.frames(2);  // read and handed to the worker
    CHECK(app.agreement().computing());
    CHECK(!app.agreement().report());  // the old report is not shown as if it were the new one
    gui::AgreementSettings segments = chars;
    segments.unit = agreement::UnitKind::segment;
    app.agreement().request_report(segments);
    settle(h, app);
    REQUIRE(app.agreement().report());
    CHECK(app.agreement().computed_with() == segments);
    CHECK(app.agreement().error().empty());  // the first, cancelled or finished, left no error behind
    CHECK(app.agreement().report()->options.unit == agreement::UnitKind::segment);
}

TEST_CASE("walking to a disagreement and accepting B writes B's span as consensus; undo removes it; "
          "reject writes no coding", "[ui][agreement]") {
    Fixture f;
    RowId team = f.confirm_alignment();
    f.p.set_setting("blind_mode", "0");
    gui::App app(f.options());
    Headless h(app);
    open_settled(h, app, "agreement");
    // Drill down from the code's row.
    h.click(h.at("agreement/code/" + pair_id(f.worry, f.concern)));
    h.frames(2);
    REQUIRE(app.state().panels.disagreements);
    REQUIRE(h.drawn("disagreement/side_a"));
    REQUIRE(h.drawn("disagreement/side_b"));
    REQUIRE(app.agreement().report()->disagreements.size() == 2);
    CHECK(app.agreement().ui.walk_index == 0);
    h.click(h.at("disagreement/next"));
    CHECK(app.agreement().ui.walk_index == 1);
    h.click(h.at("disagreement/prev"));
    CHECK(app.agreement().ui.walk_index == 0);
    // Walk to the stretch only B coded ([100, 110)); B's version there is B's whole coding.
    const auto& ds = app.agreement().report()->disagreements;
    std::size_t only_b = ds[0].who == agreement::Disagreement::Who::only_b ? 0 : 1;
    REQUIRE(ds[only_b].who == agreement::Disagreement::Who::only_b);
    REQUIRE(ds[only_b].span == Span{100, 110});
    if (only_b == 1) h.key(Headless::kRight);  // the keyboard walks too
    REQUIRE(app.agreement().ui.walk_index == only_b);

    h.click(h.at("disagreement/note"));
    h.type("B's stretch ends where the worry does");
    h.click(h.at("disagreement/accept_b"));
    h.frames(2);
    auto cons = f.consensus_codings();
    REQUIRE(cons.size() == 1);
    CHECK(cons[0].span == Span{70, 110});  // B's whole coded stretch
    CHECK(cons[0].code_id == team);
    auto res = f.p.resolutions();
    REQUIRE(res.size() == 1);
    CHECK(res[0].decision == "accept_b");
    CHECK(res[0].note == "B's stretch ends where the worry does");
    CHECK(res[0].coder_id == f.amara);
    CHECK(h.drawn("disagreement/resolved"));

    // The normal undo takes it back.
    h.key('Z', true);
    h.frames(2);
    CHECK(f.consensus_codings().empty());
    CHECK(f.p.resolutions().empty());
    CHECK(!h.drawn("disagreement/resolved"));

    // Reject the other one (only A coded [60, 70)): a resolution, no coding.
    h.click(h.at(only_b == 1 ? "disagreement/prev" : "disagreement/next"));
    REQUIRE(app.agreement().ui.walk_index == 1 - only_b);
    h.click(h.at("disagreement/reject"));
    h.frames(2);
    CHECK(f.consensus_codings().empty());
    res = f.p.resolutions();
    REQUIRE(res.size() == 1);
    CHECK(res[0].decision == "reject");

    // Jump to transcript opens the document at the disagreement.
    h.click(h.at("disagreement/jump"));
    h.frames(1);
    CHECK(app.state().document_id == f.doc);
    const auto& d = app.agreement().report()->disagreements[1 - only_b];
    CHECK(app.state().selection.span() == d.span);
}

TEST_CASE("the alignment view proposes the overlapping pair and confirming creates the team code", "[ui][agreement]") {
    Fixture f;
    f.p.set_setting("blind_mode", "0");
    gui::App app(f.options());
    Headless h(app);
    open_settled(h, app, "alignment");
    const auto* al = app.agreement().proposal();
    REQUIRE(al);
    REQUIRE(al->pairs.size() == 1);
    CHECK(al->pairs[0].code_a == f.worry);
    CHECK(al->pairs[0].code_b == f.concern);
    REQUIRE(h.drawn("alignment/partner/" + std::to_string(f.worry)));
    h.click(h.at("alignment/team_name/" + std::to_string(f.worry)));
    h.type("Distrust of records");
    h.click(h.at("alignment/confirm"));
    h.frames(2);
    auto alignments = f.p.alignments();
    REQUIRE(alignments.size() == 1);
    CHECK(alignments[0].confirmed);
    CHECK(alignments[0].code_a == f.worry);
    CHECK(alignments[0].code_b == f.concern);
    REQUIRE(alignments[0].team_code);
    const Code team = f.p.code(*alignments[0].team_code);
    CHECK(team.name == "Distrust of records");
    CHECK(!team.owner_coder_id);
    CHECK(f.p.lineage(team.id).size() == 2);
    settle(h, app);
    CHECK(h.drawn("alignment/confirmed/" + std::to_string(alignments[0].id)));

    // Unpairing the code leaves nothing to confirm but the choice is the user's.
    h.click(h.at("alignment/partner/" + std::to_string(f.worry)));
    h.frames(1);
    h.click(h.at("alignment/choice/" + std::to_string(f.worry) + "/0"));
    h.frames(1);
    CHECK(app.agreement().ui.chosen.at(f.worry) == 0);
}

TEST_CASE("an undefined kappa shows as undefined, grey, never as a number", "[ui][agreement]") {
    Fixture f;
    // Both coders code the whole document with one more pair: no variation, so kappa is 0/0.
    RowId whole_a = f.code("Everything said", f.amara), whole_b = f.code("The whole talk", f.ben);
    f.coding(whole_a, f.amara, {0, f.length});
    f.coding(whole_b, f.ben, {0, f.length});
    CommandStack st;
    st.execute(f.p, std::make_unique<ConfirmAlignment>(std::vector<AlignmentChoice>{{f.worry, f.concern, ""},
                                                                                    {whole_a, whole_b, ""}}));
    f.p.set_setting("blind_mode", "0");
    gui::App app(f.options());
    Headless h(app);
    open_settled(h, app, "agreement");
    const auto* r = app.agreement().report();
    REQUIRE(r);
    REQUIRE(r->per_code.size() == 2);
    for (const auto& row : r->per_code) {
        if (row.code_a != whole_a) continue;
        CHECK(!row.kappa.kappa.defined());
        CHECK(!row.kappa.kappa.reason.empty());
    }
    std::string id = "agreement/code/" + pair_id(whole_a, whole_b);
    CHECK(h.drawn(id + "/kappa/undefined"));
    CHECK(h.drawn("agreement/code/" + pair_id(f.worry, f.concern) + "/kappa/substantial"));
}
