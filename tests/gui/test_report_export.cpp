// File ▸ Export study report / member-checking pack from the window: the HTML lands beside the project.
#include "commands/codebook_commands.hpp"
#include "store/project.hpp"
#include "test_support.hpp"
#include "ui/gui/report_export.hpp"

#include <catch2/catch.hpp>

using namespace tessera;

TEST_CASE("exporting the study report from the GUI writes HTML beside the project and says so", "[ui][report]") {
    test::TempDir dir;
    auto path = dir / "study.tessera";
    Project p = Project::create(path);
    NewDocument d;
    d.name = "FG1";
    d.text = "P1: I want to be asked first.\n\nP2: Research matters to me.";
    d.turns = {{{4, 29}, "P1", {}, {}}, {{35, 58}, "P2", {}, {}}};
    d.speakers = {{"P1", SpeakerRole::participant, "P1"}, {"P2", SpeakerRole::participant, "P2"}};
    RowId doc = p.add_document(d);
    RowId a = p.insert_coder({0, "", "Amara"});
    RowId b = p.insert_coder({0, "", "Ben"});
    for (RowId coder : {a, b}) {
        Code c;
        c.name = "Consent";
        c.owner_coder_id = coder;
        RowId code = p.insert_code(c);
        p.insert_coding({0, "", doc, {4, 29}, code, coder, ""});
    }
    Theme t;
    t.name = "Asked first";
    t.definition = "People want to be asked.";
    p.insert_theme(t);

    gui::AppState state;
    auto out = gui::export_report(state, p, false);
    REQUIRE(out == dir / "study-report.html");
    REQUIRE(std::filesystem::exists(out));
    std::string html = test::read_file(out);
    REQUIRE(html.find("Asked first") != std::string::npos);
    REQUIRE(html.find("<html") != std::string::npos);
    REQUIRE_FALSE(state.notifications.empty());
    REQUIRE(state.notifications.back().kind == gui::Notification::Kind::info);

    auto pack = gui::export_report(state, p, true);
    REQUIRE(pack == dir / "study-member-check.html");
    REQUIRE(test::read_file(pack).find("Asked first") != std::string::npos);
}
