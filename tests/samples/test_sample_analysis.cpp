// The framework matrix, theme support and saturation on the sample study, checked cell by cell
// against figures computed here independently from the project's turns, speakers and codings.
#include "analysis/data.hpp"
#include "analysis/matrix.hpp"
#include "analysis/saturation.hpp"
#include "analysis/theme_support.hpp"
#include "store/project.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>
#include <set>

using namespace tessera;

namespace {

const std::filesystem::path& sample() {
    static test::TempDir dir;
    static std::filesystem::path path = [] {
        auto out = dir / "sample.tessera";
        std::string cmd = std::string(TESSERA_BUILD_SAMPLE_EXE) + " '" + TESSERA_SOURCE_DIR + "/samples/source' '" +
                          out.string() + "' > /dev/null";
        REQUIRE(std::system(cmd.c_str()) == 0);
        return out;
    }();
    return path;
}

// Cases whose speaker turns overlap the coding: the participants it is attributed to.
std::set<RowId> cases_overlapping(const Project& p, const Coding& k) {
    std::map<RowId, OptId> speaker_case;
    for (const auto& s : p.speakers(k.document_id)) speaker_case[s.id] = s.case_id;
    std::set<RowId> out;
    for (const auto& t : p.turns(k.document_id))
        if (t.speaker_id && t.span.start < k.span.end && k.span.start < t.span.end)
            if (auto c = speaker_case[*t.speaker_id]) out.insert(*c);
    return out;
}

std::vector<Coding> team_codings(const Project& p) {
    CodingFilter f;
    f.coder_id = p.find_coder("Consensus")->id;
    return p.codings(f);
}

}  // namespace

TEST_CASE("sample: the cases x codes matrix counts every consensus coding of each participant", "[samples][analysis]") {
    Project p = Project::open(sample());
    auto d = analysis::AnalysisData::load(p);
    analysis::MatrixSpec spec;
    spec.rows = analysis::MatrixRows::cases;
    spec.cols = analysis::MatrixCols::codes;
    spec.scope = analysis::CoderScope::team();
    auto m = build_matrix(d, spec);
    REQUIRE(m.rows.size() == 24);

    std::map<std::pair<RowId, RowId>, std::set<RowId>> expected;  // (case, code) -> codings
    for (const auto& k : team_codings(p))
        for (RowId c : cases_overlapping(p, k)) expected[{c, k.code_id}].insert(k.id);
    std::size_t checked = 0, non_empty = 0;
    for (std::size_t r = 0; r < m.rows.size(); ++r)
        for (std::size_t c = 0; c < m.cols.size(); ++c) {
            auto it = expected.find({m.rows[r].id, m.cols[c].id});
            std::set<RowId> want = it == expected.end() ? std::set<RowId>{} : it->second;
            std::set<RowId> got(m.at(r, c).coding_ids.begin(), m.at(r, c).coding_ids.end());
            INFO(m.rows[r].label << " x " << m.cols[c].label);
            REQUIRE(got == want);
            ++checked;
            non_empty += !want.empty();
        }
    REQUIRE(checked == m.rows.size() * m.cols.size());
    REQUIRE(non_empty > 100);
}

TEST_CASE("sample: charted summaries appear in their case x theme cells", "[samples][analysis]") {
    Project p = Project::open(sample());
    auto d = analysis::AnalysisData::load(p);
    analysis::MatrixSpec spec;
    spec.cols = analysis::MatrixCols::themes;
    spec.scope = analysis::CoderScope::team();
    auto m = build_matrix(d, spec);
    std::size_t found = 0;
    for (const auto& cell : p.matrix_cells()) {
        for (std::size_t r = 0; r < m.rows.size(); ++r)
            for (std::size_t c = 0; c < m.cols.size(); ++c)
                if (m.rows[r].id == cell.row_id && m.cols[c].id == cell.col_id) {
                    REQUIRE(m.at(r, c).summary == cell.summary);
                    ++found;
                }
    }
    REQUIRE(found == p.matrix_cells().size());
}

TEST_CASE("sample: theme support counts extracts, participants and documents", "[samples][analysis]") {
    Project p = Project::open(sample());
    auto d = analysis::AnalysisData::load(p).scoped(analysis::CoderScope::team());
    auto team = team_codings(p);
    for (const auto& t : p.themes()) {
        if (t.status == ThemeStatus::discarded) continue;
        // Codes of the theme and of its non-discarded sub-themes.
        std::set<RowId> codes(t.code_ids.begin(), t.code_ids.end());
        for (const auto& s : p.themes())
            if (s.parent_id == t.id && s.status != ThemeStatus::discarded) codes.insert(s.code_ids.begin(), s.code_ids.end());
        std::int64_t extracts = 0;
        std::set<RowId> cases, docs;
        for (const auto& k : team)
            if (codes.count(k.code_id)) {
                ++extracts;
                docs.insert(k.document_id);
                for (RowId c : cases_overlapping(p, k)) cases.insert(c);
            }
        auto s = analysis::theme_support(d, t.id);
        INFO(p.theme_path(t.id));
        REQUIRE(s.extracts == extracts);
        REQUIRE(std::set<RowId>(s.participants.begin(), s.participants.end()) == cases);
        REQUIRE(std::set<RowId>(s.documents.begin(), s.documents.end()) == docs);
    }
}

TEST_CASE("sample: saturation counts the new codes of each document in collection order", "[samples][analysis]") {
    Project p = Project::open(sample());
    auto d = analysis::AnalysisData::load(p).scoped(analysis::CoderScope::team());
    auto sat = analysis::saturation(d);
    auto team = team_codings(p);
    std::set<RowId> seen;
    std::size_t i = 0;
    for (const auto& doc : p.documents()) {
        std::set<RowId> here;
        for (const auto& k : team)
            if (k.document_id == doc.id) here.insert(k.code_id);
        if (here.empty()) continue;
        std::int64_t fresh = 0;
        for (RowId c : here) fresh += seen.insert(c).second;
        REQUIRE(i < sat.points.size());
        INFO(doc.name);
        REQUIRE(sat.points[i].document_id == doc.id);
        REQUIRE(sat.points[i].new_codes == fresh);
        REQUIRE(sat.points[i].cumulative_codes == static_cast<std::int64_t>(seen.size()));
        ++i;
    }
    REQUIRE(i == sat.points.size());
    REQUIRE(sat.total_codes == static_cast<std::int64_t>(seen.size()));
}
