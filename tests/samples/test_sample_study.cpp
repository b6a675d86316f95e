// The sample study builds from samples/source, and holds what the README and report promise.
#include "agreement/project_input.hpp"
#include "store/project.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>

using namespace tessera;
using tessera::test::TempDir;

namespace {

// Built once for all tests in this file (it takes about a second).
const std::filesystem::path& sample_project() {
    static TempDir dir;
    static std::filesystem::path path = [] {
        auto out = dir / "sample-study.tessera";
        std::string cmd = std::string(TESSERA_BUILD_SAMPLE_EXE) + " '" + TESSERA_SOURCE_DIR + "/samples/source' '" +
                          out.string() + "' > /dev/null";
        REQUIRE(std::system(cmd.c_str()) == 0);
        return out;
    }();
    return path;
}

}  // namespace

TEST_CASE("the sample study builds with its documents, cases and coders", "[samples]") {
    Project p = Project::open(sample_project());
    ProjectInfo i = p.info();
    REQUIRE(i.documents == 8);
    REQUIRE(i.cases == 24);
    REQUIRE(i.coders == 3);
    // Three import formats: a Word file, a Teams caption file and plain text.
    std::map<std::string, int> formats;
    for (const auto& d : p.documents()) ++formats[d.origin.substr(0, d.origin.find(':'))];
    REQUIRE(formats["docx"] == 1);
    REQUIRE(formats["vtt"] == 1);
    REQUIRE(formats["txt"] == 6);
    // Facilitators and interviewers are speakers without cases.
    for (const auto& s : p.all_speakers()) {
        if (s.label == "Facilitator" || s.label == "Interviewer") {
            REQUIRE_FALSE(s.case_id);
            REQUIRE(s.role != SpeakerRole::participant);
        }
    }
    // The member-checking group's returning participants join their focus-group cases.
    auto mc = p.find_document("mc1_member_check");
    REQUIRE(mc);
    auto p3 = p.find_case("P3");
    REQUIRE(p3);
    int docs_with_p3 = 0;
    for (const auto& s : p.all_speakers()) docs_with_p3 += s.case_id == p3->id;
    REQUIRE(docs_with_p3 >= 2);
    REQUIRE(p3->attribute("diagnosis_group").size() > 0);
}

TEST_CASE("the sample's two coders coded independently, inductively", "[samples]") {
    Project p = Project::open(sample_project());
    auto amara = p.find_coder("Amara"), ben = p.find_coder("Ben");
    REQUIRE(amara);
    REQUIRE(ben);
    CodingFilter fa, fb;
    fa.coder_id = amara->id;
    fb.coder_id = ben->id;
    REQUIRE(p.codings(fa).size() == 238);
    REQUIRE(p.codings(fb).size() == 250);
    int a_codes = 0, b_codes = 0, team_codes = 0;
    for (const auto& c : p.codes()) {
        if (c.owner_coder_id == amara->id) ++a_codes;
        else if (c.owner_coder_id == ben->id) ++b_codes;
        else if (!c.owner_coder_id) ++team_codes;
    }
    REQUIRE(a_codes == 27);
    REQUIRE(b_codes == 28);
    REQUIRE(team_codes == 31);
    // Each coder coded only with their own codebook.
    for (const auto& k : p.codings()) {
        Code c = p.code(k.code_id);
        if (k.coder_id == amara->id || k.coder_id == ben->id) REQUIRE(c.owner_coder_id == k.coder_id);
    }
}

TEST_CASE("the sample's character-level kappa over aligned codes is moderate-to-good by design", "[samples]") {
    Project p = Project::open(sample_project());
    auto in = agreement::project_input(p, p.find_coder("Amara")->id, p.find_coder("Ben")->id);
    REQUIRE(in.source == agreement::PairSource::alignment);
    REQUIRE(in.input.codes.size() == 16);
    auto report = agreement::build_report(in.input);
    REQUIRE(report.overall_pooled.kappa.kappa.defined());
    double kappa = *report.overall_pooled.kappa.kappa.value;
    CHECK(kappa >= 0.60);
    CHECK(kappa <= 0.75);
    REQUIRE_FALSE(report.disagreements.empty());
}

TEST_CASE("the sample's themes, matrix and memos are in place", "[samples]") {
    Project p = Project::open(sample_project());
    auto themes = p.themes();
    REQUIRE(themes.size() == 23);
    int top = 0, discarded = 0;
    for (const auto& t : themes) {
        top += !t.parent_id;
        if (t.status == ThemeStatus::discarded) {
            ++discarded;
            REQUIRE_FALSE(t.discard_reason.empty());
        }
        REQUIRE(t.map_x);
    }
    REQUIRE(top == 7);
    REQUIRE(discarded >= 1);
    REQUIRE(p.theme_links().size() == 8);
    auto cells = p.matrix_cells();
    REQUIRE(cells.size() == 53);
    std::size_t linked = 0;
    for (const auto& c : cells) linked += !c.coding_ids.empty();
    REQUIRE(linked > cells.size() / 2);
    REQUIRE(p.recommendations().size() == 10);
    REQUIRE(p.alignments().size() >= 16);
}
