// Headless tests of importing in the workbench: files read in the background with progress and
// Cancel, the preview, reading again with other options, and all-or-none when a file fails; case
// attributes from a CSV, and one attribute set or removed in the Cases panel.
#include "headless.hpp"
#include "test_support.hpp"
#include "ui/gui/import_job.hpp"
#include "ui/gui/probe.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

using namespace tessera;
using tessera::test::Headless;
using tessera::test::TempDir;

namespace {

struct Study {
    TempDir dir;
    std::filesystem::path path = dir / "import.tessera";
    Project p = Project::create(path);  // "another window" on the same file
    TempDir src;

    Study() { p.insert_coder({0, "", "Amara"}); }
    gui::AppOptions options() { return tessera::test::app_options(path); }
    std::filesystem::path file(const std::string& name, const std::string& bytes) {
        tessera::test::write_file(src / name, bytes);
        return src / name;
    }
};

// Original text: an interview with a facilitator and one participant.
const char* kInterview = "Interviewer: How did the letter land?\n\nP9: Badly, if I'm honest — it felt like a fine 😟.\n";

// Draws frames until the background reading is over and its result taken (bounded: a hung job fails).
void finish_reading(Headless& h, gui::App& app) {
    for (int i = 0; i < 1000 && app.import_view().busy(); ++i) {
        h.frames(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(!app.import_view().busy());
    h.frames(2);
}

Case case_named(const Project& p, const std::string& name) {
    auto c = p.find_case(name);
    REQUIRE(c.has_value());
    return *c;
}

bool notified(gui::App& app, const std::string& words) {
    for (const auto& n : app.state().notifications)
        if (n.message.find(words) != std::string::npos || n.title.find(words) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("import reads in the background, previews speakers and turns, writes nothing until confirmed", "[ui]") {
    Study f;
    gui::App app(f.options());
    Headless h(app);
    h.frames(2);
    app.import_view().read({f.file("interview.txt", kInterview)}, app.state());
    finish_reading(h, app);
    REQUIRE(h.drawn("import/doc/0"));
    CHECK(h.drawn("import/doc/0/speaker/1"));  // Interviewer and P9
    CHECK(f.p.documents().empty());
    h.click(h.at("import/confirm"));
    h.frames(1);
    auto docs = f.p.documents();
    REQUIRE(docs.size() == 1);
    CHECK(app.state().document_id == docs.back().id);
    CHECK(f.p.find_case("P9").has_value());
    CHECK(f.p.turns(docs.back().id).size() == 2);
}

TEST_CASE("an unreadable import file shows an error naming it and imports nothing", "[ui]") {
    Study f;
    gui::App app(f.options());
    Headless h(app);
    h.frames(2);
    app.import_view().read({f.file("broken.docx", "this is not a zip file")}, app.state());
    finish_reading(h, app);
    REQUIRE(h.drawn("notification/error/title"));
    CHECK(!h.drawn("import/doc/0"));
    CHECK(notified(app, "broken.docx"));
    CHECK(f.p.documents().empty());
}

TEST_CASE("a failing file among many keeps nothing of the reading, and names the file", "[ui]") {
    Study f;
    gui::App app(f.options());
    Headless h(app);
    h.frames(2);
    std::vector<std::filesystem::path> files;
    for (int i = 0; i < 12; ++i)
        files.push_back(i == 8 ? f.file("group 9.docx", "PK not really a zip")
                               : f.file("group " + std::to_string(i + 1) + ".txt",
                                        "P" + std::to_string(i + 1) + ": A different answer, number " +
                                            std::to_string(i + 1) + ".\n"));
    app.import_view().read(files, app.state());
    finish_reading(h, app);
    CHECK(notified(app, "group 9.docx"));
    CHECK(!app.import_view().has_preview());
    CHECK(!h.drawn("import/doc/0"));
    CHECK(f.p.documents().empty());
}

TEST_CASE("reading shows progress naming the file, and Cancel drops what was read", "[ui]") {
    Study f;
    gui::App app(f.options());
    Headless h(app);
    h.frames(2);
    std::vector<std::filesystem::path> files = {f.file("a.txt", kInterview), f.file("b.txt", "P1: second\n"),
                                                f.file("c.txt", "P2: third\n")};
    // The second file is held until the test has clicked Cancel, so the progress is seen mid-way.
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::vector<std::string> names = {files[0].string(), files[1].string(), files[2].string()};
    auto job = std::make_unique<gui::ImportJob>(names, [files, released](std::size_t i) {
        if (i == 1) released.wait();
        return importer::prepare_file(files[i], {}, {});
    });
    gui::ImportJob* seen = job.get();
    app.import_view().start(files, std::move(job));
    for (int i = 0; i < 400 && seen->current() != files[1].string(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    REQUIRE(seen->current() == files[1].string());  // waiting for the held file
    CHECK(seen->done() == 1);
    h.frames(2);
    REQUIRE(h.drawn("import/progress"));
    h.click(h.at("import/cancel"));
    CHECK(seen->cancelled());
    release.set_value();
    finish_reading(h, app);
    CHECK(!h.drawn("import/progress"));
    CHECK(!h.drawn("import/doc/0"));
    CHECK(!app.import_view().has_preview());
    CHECK(f.p.documents().empty());
}

namespace {
void wait_finished(const gui::ImportJob& job) {
    for (int i = 0; i < 2000 && !job.finished(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    REQUIRE(job.finished());
}
}  // namespace

TEST_CASE("the job itself: files in order, all or none, a cancel keeps only what was read", "[ui]") {
    SECTION("in order whatever order the workers finish in") {
        std::vector<std::string> names = {"0", "1", "2", "3", "4", "5"};
        gui::ImportJob job(names, [](std::size_t i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(i % 2 ? 1 : 8));
            importer::PreparedFile f;
            f.format = std::to_string(i);
            return f;
        });
        wait_finished(job);
        auto files = job.take();
        REQUIRE(files.size() == 6);
        for (std::size_t i = 0; i < files.size(); ++i) CHECK(files[i].format == std::to_string(i));
        CHECK(job.done() == 6);
    }
    SECTION("the first failure is what take() throws") {
        gui::ImportJob job({"a", "b", "c"}, [](std::size_t i) -> importer::PreparedFile {
            if (i == 1) throw ImportError("b.txt", "empty file");
            return {};
        });
        wait_finished(job);
        CHECK_THROWS_WITH(job.take(), Catch::Contains("b.txt") && Catch::Contains("empty file"));
    }
    SECTION("a cancel stops after the file in hand; take() gives what was read") {
        std::promise<void> release;
        std::shared_future<void> released = release.get_future().share();
        gui::ImportJob job({"a", "b", "c", "d"}, [released](std::size_t i) {
            if (i == 1) released.wait();
            importer::PreparedFile f;
            f.format = std::to_string(i);
            return f;
        });
        for (int i = 0; i < 400 && job.current() != "b"; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        REQUIRE(job.current() == "b");
        job.cancel();
        release.set_value();
        wait_finished(job);
        CHECK(job.cancelled());
        auto files = job.take();
        REQUIRE(files.size() == 2);  // a, and b which was being read
        CHECK(files[1].format == "1");
    }
    SECTION("destroying a running job cancels it and waits for its threads") {
        std::atomic<int> started{0}, finished{0};
        {
            gui::ImportJob job({"a", "b", "c", "d", "e", "f", "g", "h"}, [&](std::size_t) {
                ++started;
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                ++finished;
                return importer::PreparedFile{};
            });
            for (int i = 0; i < 200 && started.load() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        // Every file begun was finished before the destructor returned, and no more begin after.
        const int begun = started.load();
        CHECK(finished.load() == begun);
        CHECK(begun < 8);  // cancelled: it did not read on to the end
        std::this_thread::sleep_for(std::chrono::milliseconds(60));
        CHECK(started.load() == begun);
    }
}

TEST_CASE("reading again with other options replaces the preview; a bad option keeps it and says why", "[ui]") {
    Study f;
    gui::App app(f.options());
    Headless h(app);
    h.frames(2);
    app.import_view().read({f.file("interview.txt", kInterview)}, app.state());
    finish_reading(h, app);
    REQUIRE(h.drawn("import/doc/0/speaker/0"));
    h.click(h.at("import/options"));
    h.frames(2);

    // Speaker detection off: one turn per paragraph and no speakers.
    h.click(h.at("import/detect_speakers"));
    h.frames(1);
    CHECK(!app.import_view().settings().detect_speakers);
    h.click(h.at("import/reread"));
    finish_reading(h, app);
    REQUIRE(h.drawn("import/doc/0"));
    CHECK(!h.drawn("import/doc/0/speaker/0"));

    // A pattern that is not a regex: the error is shown in the preview, which stays as it was.
    app.import_view().settings().detect_speakers = true;
    app.import_view().settings().speaker_pattern = "([unclosed";
    h.frames(1);
    h.click(h.at("import/reread"));
    finish_reading(h, app);
    CHECK(h.drawn("import/reread_error"));
    CHECK(!h.drawn("notification/error/title"));
    REQUIRE(h.drawn("import/doc/0"));
    CHECK(!h.drawn("import/doc/0/speaker/0"));

    // A mapping file that cannot be read, likewise.
    app.import_view().settings().speaker_pattern.clear();
    app.import_view().settings().mapping_file = (f.src / "missing.csv").string();
    h.frames(1);
    h.click(h.at("import/reread"));
    h.frames(2);
    CHECK(h.drawn("import/reread_error"));
    REQUIRE(h.drawn("import/doc/0"));

    // Numbering restarting per document: P9 of this interview is its own case.
    app.import_view().settings().speaker_pattern.clear();
    app.import_view().settings().mapping_file.clear();
    app.import_view().settings().restart_per_document = true;
    h.frames(1);
    h.click(h.at("import/reread"));
    finish_reading(h, app);
    REQUIRE(h.drawn("import/doc/0/speaker/1"));
    CHECK(!h.drawn("import/reread_error"));
    app.import_view().settings().restart_per_document = false;

    // A mapping file naming P9's case.
    app.import_view().settings().speaker_pattern.clear();
    // A row with a typo ("P99") names nobody: the preview says so before anything is imported.
    app.import_view().settings().mapping_file =
        f.file("map.csv", "document,label,case\n*,P9,Participant nine\n*,P99,Nobody\n").string();
    CHECK(!h.drawn("import/mapping_notes"));
    h.frames(1);
    h.click(h.at("import/reread"));
    finish_reading(h, app);
    REQUIRE(h.drawn("import/doc/0/speaker/1"));
    CHECK(h.drawn("import/mapping_notes"));
    h.click(h.at("import/confirm"));
    h.frames(1);
    REQUIRE(f.p.documents().size() == 1);
    CHECK(f.p.find_case("Participant nine").has_value());
    CHECK(!f.p.find_case("P9").has_value());
}

TEST_CASE("a speaker mapping that cannot be read stops the reading with a clear error", "[ui]") {
    Study f;
    gui::App app(f.options());
    Headless h(app);
    h.frames(2);
    app.import_view().settings().mapping_file = f.file("map.csv", "document,label\n*,P9\n").string();
    app.import_view().read({f.file("interview.txt", kInterview)}, app.state());
    h.frames(2);
    CHECK(!app.import_view().busy());
    CHECK(notified(app, "map.csv"));
    CHECK(!h.drawn("import/doc/0"));
    CHECK(f.p.documents().empty());
}

TEST_CASE("case attributes from a CSV: previewed typed, set in one command, undone in one", "[ui]") {
    Study f;
    f.p.ensure_case("P1");
    gui::App app(f.options());
    Headless h(app);
    h.frames(2);
    auto csv = f.file("participants.csv", "code,participant,age,group\nA,P1,34,FG1\nB,P2,51,FG1\nC,P3,29,FG2\n");
    app.attributes_view().read(csv, app.state());
    h.frames(2);
    REQUIRE(h.drawn("attributes/summary"));
    CHECK(h.drawn("attributes/case/2"));
    CHECK(!h.drawn("attributes/note"));
    CHECK(!h.drawn("attributes/case/3"));
    CHECK(f.p.cases().size() == 1);  // nothing written by the preview

    // The id column chosen: the participant column.
    app.attributes_view().options().id_column = "participant";
    app.attributes_view().read(csv, app.state());
    h.frames(2);
    REQUIRE(h.drawn("attributes/case/0"));
    CHECK(case_named(f.p, "P1").attributes.empty());
    h.click(h.at("attributes/confirm"));
    h.frames(2);
    CHECK(!app.attributes_view().has_preview());
    Case p1 = case_named(f.p, "P1");
    REQUIRE(p1.attribute("age") == "34");
    CHECK(p1.attribute("group") == "FG1");
    CHECK(p1.attribute("code") == "A");
    REQUIRE(f.p.find_case("P3").has_value());
    CHECK(case_named(f.p, "P3").attribute("group") == "FG2");

    // One Ctrl+Z takes the whole file back: new cases gone, P1 as it was.
    h.key('Z', true);
    h.frames(2);
    CHECK(!f.p.find_case("P3").has_value());
    CHECK(case_named(f.p, "P1").attributes.empty());

    // A date column that reads either way round: the preview says it is read day first.
    app.attributes_view().options().id_column.clear();
    app.attributes_view().read(f.file("visits.csv", "id,visit\nP1,04/12/2023\nP2,01/04/2023\n"), app.state());
    h.frames(2);
    REQUIRE(h.drawn("attributes/summary"));
    CHECK(h.drawn("attributes/note"));
    // "Dates month first" reads the file again, the US way; Set stores 12 April.
    h.click(h.at("attributes/month_first"));
    h.frames(2);
    CHECK(app.attributes_view().options().date_order == importer::DateOrder::month_first);
    h.click(h.at("attributes/confirm"));
    h.frames(2);
    CHECK(case_named(f.p, "P1").attribute("visit") == "2023-04-12");
}

TEST_CASE("a case-attributes CSV that cannot be used is named with its line, and nothing is set", "[ui]") {
    Study f;
    gui::App app(f.options());
    Headless h(app);
    h.frames(2);
    app.attributes_view().read(f.file("cases.csv", "id,age\nP1,34\nP1,35\n"), app.state());
    h.frames(2);
    CHECK(!app.attributes_view().has_preview());
    CHECK(!h.drawn("attributes/summary"));
    CHECK(notified(app, "cases.csv"));
    CHECK(notified(app, "appears twice"));
    CHECK(f.p.cases().empty());
}

TEST_CASE("a survey CSV imports as documents with its respondents' attributes, in one undoable command", "[ui]") {
    Study f;
    gui::App app(f.options());
    Headless h(app);
    h.frames(2);
    auto csv = f.file("consultation.csv",
                      "respondent,age band,What should be shared?,Who decides?\n"
                      "R1,18-25,Only what I agree to each time,A board with people like us on it\n"
                      "R2,40-60,Test results with my GP,\n"
                      "R3,18-25,,Nobody without asking me\n");
    app.import_view().read({csv}, app.state());
    finish_reading(h, app);
    REQUIRE(h.drawn("import/doc/1"));  // one document per question
    CHECK(!h.drawn("import/doc/2"));
    CHECK(h.drawn("import/respondents"));
    h.click(h.at("import/confirm"));
    h.frames(2);
    auto docs = f.p.documents();
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].name.find("What should be shared?") != std::string::npos);
    CHECK(f.p.turns(docs[0].id).size() == 2);  // R3 left it empty
    REQUIRE(f.p.find_case("R3").has_value());
    CHECK(case_named(f.p, "R1").attribute("age band") == "18-25");

    h.key('Z', true);
    h.frames(2);
    CHECK(f.p.documents().empty());
    CHECK(f.p.cases().empty());

    SECTION("with US dates, read month first when asked") {
        auto us = f.file("us.csv", "respondent,visited,What should be shared?\n"
                                   "R1,04/12/2023,Only what I agree to each time I am asked\n"
                                   "R2,01/02/2023,Test results with my GP and nobody else\n");
        app.import_view().read({us}, app.state());
        finish_reading(h, app);
        REQUIRE(h.drawn("import/doc/0"));
        h.click(h.at("import/options"));  // open the reading options
        h.frames(1);
        h.click(h.at("import/month_first"));
        h.frames(1);
        CHECK(app.import_view().settings().month_first);
        h.click(h.at("import/reread"));
        finish_reading(h, app);
        h.click(h.at("import/confirm"));
        h.frames(2);
        CHECK(case_named(f.p, "R1").attribute("visited") == "2023-04-12");
    }

    SECTION("or one document per respondent") {
        app.import_view().settings().csv_per_respondent = true;
        app.import_view().read({csv}, app.state());
        finish_reading(h, app);
        CHECK(h.drawn("import/doc/2"));
        h.click(h.at("import/confirm"));
        h.frames(2);
        CHECK(f.p.documents().size() == 3);
    }
}

TEST_CASE("one attribute of a case set, checked and removed in the Cases panel, each undoable", "[ui]") {
    Study f;
    const RowId p1 = f.p.ensure_case("P1");
    f.p.set_attribute(p1, {"group", AttributeType::category, "FG1"});
    gui::App app(f.options());
    Headless h(app);
    h.frames(2);
    h.click(h.at("documents/cases_tab"));
    h.frames(2);
    h.click(h.at("cases/row/" + std::to_string(p1)));
    h.frames(2);
    REQUIRE(app.state().selected_case == p1);

    // A number that is not one is refused with a clear error, and nothing is written.
    h.click(h.at("cases/attribute_name"));
    h.type("age");
    app.state().attribute_type = AttributeType::number;
    h.click(h.at("cases/attribute_value"));
    h.type("thirty");
    h.frames(1);
    h.click(h.at("cases/attribute_set"));
    h.frames(2);
    CHECK(notified(app, "thirty"));
    CHECK(case_named(f.p, "P1").attribute("age").empty());
    app.state().notifications.clear();
    h.frames(2);

    // A real number is stored, typed.
    app.state().attribute_value = "34";
    h.frames(1);
    h.click(h.at("cases/attribute_set"));
    h.frames(2);
    REQUIRE(case_named(f.p, "P1").attribute("age") == "34");
    for (const auto& a : case_named(f.p, "P1").attributes)
        if (a.name == "age") CHECK(a.type == AttributeType::number);

    // Removed with its button (the case's node opened on its arrow); Ctrl+Z brings it back.
    const std::string remove = "cases/attribute/" + std::to_string(p1) + "/group/remove";
    CHECK(!h.drawn(remove));
    auto row = gui::ui::find_probe("cases/row/" + std::to_string(p1));
    REQUIRE(row);
    h.click(ImVec2(row->min.x + ImGui::GetFontSize() * 0.5f, (row->min.y + row->max.y) / 2));
    h.frames(2);
    REQUIRE(h.drawn(remove));
    h.click(h.at(remove));
    h.frames(2);
    CHECK(case_named(f.p, "P1").attribute("group").empty());
    h.key('Z', true);
    h.frames(2);
    CHECK(case_named(f.p, "P1").attribute("group") == "FG1");
}

TEST_CASE("a preview closed by an error elsewhere is dropped, and the next import shows its own", "[ui]") {
    Study f;
    gui::App app(f.options());
    Headless h(app);
    h.frames(2);
    app.import_view().read({f.file("interview.txt", kInterview)}, app.state());
    finish_reading(h, app);
    REQUIRE(h.drawn("import/doc/0"));
    app.state().notify(gui::Notification::Kind::error, "Something else failed", "another window's write");
    h.frames(3);
    REQUIRE(h.drawn("notification/error/title"));
    CHECK(!h.drawn("import/doc/0"));
    CHECK(!app.import_view().has_preview());
    h.click(h.at("notification/error/ok"));
    h.frames(2);
    app.import_view().read({f.file("second.txt", "P2: Another answer altogether.\n")}, app.state());
    finish_reading(h, app);
    REQUIRE(h.drawn("import/doc/0"));
    h.click(h.at("import/confirm"));
    h.frames(2);
    REQUIRE(f.p.documents().size() == 1);
    CHECK(f.p.documents()[0].name == "second");
}

TEST_CASE("a case-attributes CSV with no values offers nothing to set", "[ui]") {
    Study f;
    gui::App app(f.options());
    Headless h(app);
    h.frames(2);
    app.attributes_view().read(f.file("ids.csv", "id,age\nP1,\nP2,\n"), app.state());
    h.frames(2);
    REQUIRE(h.drawn("attributes/summary"));
    h.click(h.at("attributes/confirm"));
    h.frames(2);
    CHECK(app.attributes_view().has_preview());  // the button is disabled: still open
    CHECK(f.p.cases().empty());
}

TEST_CASE("numbering restarting per document makes each group's P9 a case of its own", "[ui]") {
    Study f;
    gui::App app(f.options());
    Headless h(app);
    h.frames(2);
    app.import_view().settings().restart_per_document = true;
    app.import_view().read({f.file("interview.txt", kInterview)}, app.state());
    finish_reading(h, app);
    REQUIRE(h.drawn("import/doc/0"));
    h.click(h.at("import/confirm"));
    h.frames(2);
    CHECK(f.p.find_case("interview / P9").has_value());
    CHECK(!f.p.find_case("P9").has_value());
}
