// The study report, checked against the sample project's own data: sample characteristics computed here
// from the cases, the agreement engine's kappa, themes (discarded left out) and the evidence trail.
#include "agreement/project_input.hpp"
#include "analysis/table.hpp"
#include "export/report_study.hpp"
#include "export/table_text.hpp"
#include "office_util.hpp"
#include "store/project.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

namespace tessera::test {

/// Builds samples/source into a temporary project (once) and returns its path. The builder is the one
/// the build tree made (target tessera-build-sample); the test fails, naming it, when it is missing.
const std::filesystem::path& sample_project() {
    static TempDir dir;
    static std::filesystem::path path = [] {
        std::filesystem::path exe = std::filesystem::path(TESSERA_BINARY_DIR) / "samples" / "tessera-build-sample";
        INFO("build it first: cmake --build <build dir> --target tessera-build-sample");
        REQUIRE(std::filesystem::exists(exe));
        auto out = dir / "sample-study.tessera";
        std::string cmd = "'" + exe.string() + "' '" + std::string(TESSERA_SOURCE_DIR) + "/samples/source' '" +
                          out.string() + "' > /dev/null";
        REQUIRE(std::system(cmd.c_str()) == 0);
        return out;
    }();
    return path;
}

}  // namespace tessera::test

using namespace tessera;
using tessera::test::TempDir;

namespace {

// Lines of `text` that start with `prefix`.
std::vector<std::string> lines_starting(const std::string& text, const std::string& prefix) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < text.size()) {
        auto nl = text.find('\n', at);
        std::string line = text.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
        if (line.rfind(prefix, 0) == 0) out.push_back(line);
        if (nl == std::string::npos) break;
        at = nl + 1;
    }
    return out;
}

// The text between `start` and the next occurrence of `end` after it (or the end).
std::string section(const std::string& text, const std::string& start, const std::string& end) {
    auto a = text.find(start);
    REQUIRE(a != std::string::npos);
    auto b = text.find(end, a + start.size());
    return text.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

struct Expected {
    std::int64_t n = 0;
    double mean = 0, sd = 0, min = 0, max = 0;
    std::map<std::string, std::int64_t> gender;
};

// Computed from the case attributes directly, not through analysis::sample_characteristics.
Expected expected_sample(const Project& p) {
    std::set<RowId> speaking;
    for (const auto& s : p.all_speakers())
        if (s.case_id) speaking.insert(*s.case_id);
    Expected e;
    std::vector<double> ages;
    for (const auto& c : p.cases()) {
        if (!speaking.count(c.id)) continue;
        ++e.n;
        ages.push_back(std::stod(c.attribute("age")));
        ++e.gender[c.attribute("gender")];
    }
    double sum = 0;
    for (double a : ages) sum += a;
    e.mean = sum / double(ages.size());
    double ss = 0;
    for (double a : ages) ss += (a - e.mean) * (a - e.mean);
    e.sd = std::sqrt(ss / double(ages.size() - 1));
    e.min = *std::min_element(ages.begin(), ages.end());
    e.max = *std::max_element(ages.begin(), ages.end());
    return e;
}

agreement::AgreementReport engine_report(const Project& p) {
    auto in = agreement::project_input(p, p.find_coder("Amara")->id, p.find_coder("Ben")->id);
    agreement::ReportOptions o;
    o.list_disagreements = false;
    return agreement::build_report(in.input, o);
}

}  // namespace

TEST_CASE("study report (Markdown): sample, agreement, themes and evidence trail match the project", "[export][report]") {
    Project p = Project::open(tessera::test::sample_project());
    auto doc = exporter::build_study_report(p);
    std::string md = exporter::render_markdown(doc);

    // Sample: n and age from the cases themselves.
    Expected e = expected_sample(p);
    REQUIRE(e.n == 24);
    REQUIRE(md.find("The sample comprised 24 participants.") != std::string::npos);
    REQUIRE(md.find("Sample characteristics (n = 24)") != std::string::npos);
    std::string age = "Age: mean " + analysis::format_fixed(e.mean, 1) + " (SD " + analysis::format_fixed(e.sd, 1) +
                      "), range " + analysis::format_fixed(e.min, 0) + "\u2013" + analysis::format_fixed(e.max, 0);
    INFO(age);
    REQUIRE(md.find(age) != std::string::npos);
    for (const auto& [value, count] : e.gender) {
        std::string cell = value + " | " + std::to_string(count) + " (" +
                           analysis::format_fixed(100.0 * double(count) / double(e.n), 1) + "%) |";
        INFO(cell);
        REQUIRE(md.find(cell) != std::string::npos);
    }
    // Groups: the sample's "FG1;MC1" participants count under each group they list.
    std::map<std::string, int> group_n;
    std::set<RowId> speaking;
    for (const auto& s : p.all_speakers())
        if (s.case_id) speaking.insert(*s.case_id);
    for (const auto& c : p.cases()) {
        if (!speaking.count(c.id)) continue;
        std::string g = c.attribute("groups") + ";";
        for (std::size_t at; (at = g.find(';')) != std::string::npos; g.erase(0, at + 1))
            if (at > 0) ++group_n[g.substr(0, at)];
    }
    REQUIRE(group_n.count("MC1"));
    REQUIRE(md.find("groups (several per case)") != std::string::npos);
    REQUIRE(md.find("FG1;MC1 |") == std::string::npos);  // no row for the list as one value
    for (const auto& [group, count] : group_n) {
        std::string cell = group + " | " + std::to_string(count) + " (" +
                           analysis::format_fixed(100.0 * double(count) / double(e.n), 1) + "%) |";
        INFO(cell);
        REQUIRE(md.find(cell) != std::string::npos);
    }
    REQUIRE(md.find("can add up to more than 100%") != std::string::npos);

    // Agreement: every code pair's kappa and the pooled kappa are the engine's, formatted.
    auto r = engine_report(p);
    REQUIRE(r.overall_pooled.kappa.kappa.defined());
    auto pooled = lines_starting(md, "| Overall (pooled) |");
    REQUIRE(pooled.size() == 1);
    REQUIRE(pooled[0].find("| " + exporter::report_coefficient(r.overall_pooled.kappa.kappa) + " |") != std::string::npos);
    REQUIRE(pooled[0].find("| " + exporter::report_coefficient(r.overall_pooled.alpha) + " |") != std::string::npos);
    REQUIRE(r.per_code.size() == 16);  // the sample's confirmed alignment
    for (const auto& row : r.per_code) {
        auto lines = lines_starting(md, "| " + exporter::escape_markdown(row.label) + " |");
        INFO(row.label);
        REQUIRE(lines.size() == 1);
        REQUIRE(lines[0].find("| " + exporter::report_coefficient(row.kappa.kappa) + " |") != std::string::npos);
    }
    REQUIRE(md.find("Method: " + exporter::escape_markdown(r.method).substr(0, 40)) != std::string::npos);
    REQUIRE(md.find("independently and inductively") != std::string::npos);
    REQUIRE(md.find("Amara and Ben") != std::string::npos);
    REQUIRE(md.find("3 focus groups, 1 member-checking group and 4 one-to-one interviews") != std::string::npos);

    // Themes: every non-discarded theme with its status and at least one labelled quote; discarded ones absent.
    int discarded = 0;
    for (const auto& t : p.themes()) {
        if (t.status == ThemeStatus::discarded) {
            ++discarded;
            REQUIRE(md.find(t.name) == std::string::npos);
            continue;
        }
        std::string head = (t.parent_id ? "#### Sub-theme: " : "### Theme: ") + t.name + "\n";
        INFO(head);
        std::string s = section(md, head, "\n##");
        REQUIRE(s.find(std::string("Status: ") + to_string(t.status)) != std::string::npos);
        REQUIRE(s.find("\n> \u201C") != std::string::npos);
        REQUIRE(s.find("\u201D \u2014 P") != std::string::npos);
        for (const auto& m : p.memos_for(MemoTarget::theme, t.id))
            if (m.title == "Member-check feedback")
                REQUIRE(s.find("Member-check feedback: " + exporter::escape_markdown(m.body).substr(0, 30)) !=
                        std::string::npos);
    }
    REQUIRE(discarded == 1);
    REQUIRE(md.find(", FG1\n") != std::string::npos);  // quotes are labelled "P7, FG1"

    // Evidence trail: each recommendation lists each of its themes.
    auto recs = p.recommendations();
    REQUIRE(recs.size() == 10);
    for (const auto& rec : recs) {
        std::string s = section(md, "### Recommendation " + rec.label + "\n", "\n### ");
        REQUIRE_FALSE(rec.theme_ids.empty());
        for (RowId tid : rec.theme_ids) {
            INFO(rec.label << " -> " << p.theme_path(tid));
            REQUIRE(s.find("#### Theme: " + p.theme_path(tid) + " (") != std::string::npos);
        }
    }

    // Coverage and saturation tables.
    REQUIRE(md.find("Theme coverage by focus group") != std::string::npos);
    auto docs = p.documents();
    std::stable_sort(docs.begin(), docs.end(), [](const Document& a, const Document& b) { return a.position < b.position; });
    REQUIRE(docs.size() == 8);
    for (std::size_t i = 0; i < docs.size(); ++i)
        REQUIRE(lines_starting(md, "| " + std::to_string(i + 1) + " | " + exporter::escape_markdown(docs[i].name) + " |").size() == 1);
}

TEST_CASE("study report (HTML): escaped text, the map and the saturation chart inline", "[export][report]") {
    Project p = Project::open(tessera::test::sample_project());
    auto doc = exporter::build_study_report(p);
    std::string html = exporter::render_html(doc);
    REQUIRE(html.rfind("<!DOCTYPE html>", 0) == 0);
    // Two inline SVGs: the Graphviz map (with a theme's name in it) and the saturation chart.
    REQUIRE(html.find("<svg") != std::string::npos);
    REQUIRE(html.find("<svg", html.find("<svg") + 4) != std::string::npos);
    REQUIRE(html.find("<polyline") != std::string::npos);
    REQUIRE(html.find("<?xml") == std::string::npos);
    auto r = engine_report(p);
    REQUIRE(html.find("<th>Overall (pooled)</th>") != std::string::npos);
    REQUIRE(html.find("<td>" + exporter::report_coefficient(r.overall_pooled.kappa.kappa) + "</td>") != std::string::npos);
    for (const auto& t : p.themes()) {
        if (t.status == ThemeStatus::discarded) REQUIRE(html.find(exporter::escape_html(t.name)) == std::string::npos);
        else REQUIRE(html.find(">" + std::string(t.parent_id ? "Sub-theme: " : "Theme: ") + exporter::escape_html(t.name) + "<") !=
                     std::string::npos);
    }

    // Text is escaped in both formats.
    exporter::ReportDocument evil;
    evil.title = "A <b> & \"c\"";
    evil.paragraph("<script>alert(1)</script> *x* | y");
    evil.quote("she said <hi>", "P1, FG1");
    std::string h = exporter::render_html(evil), m = exporter::render_markdown(evil);
    REQUIRE(h.find("<script>") == std::string::npos);
    REQUIRE(h.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    REQUIRE(h.find("<h1>A &lt;b&gt; &amp; &quot;c&quot;</h1>") != std::string::npos);
    REQUIRE(m.find("\\<script\\>alert(1)\\</script\\> \\*x\\* \\| y") != std::string::npos);
}

TEST_CASE("study report written with -o: Markdown with its map beside it, HTML and DOCX", "[export][report]") {
    Project p = Project::open(tessera::test::sample_project());
    auto doc = exporter::build_study_report(p);
    TempDir dir;
    exporter::write_report(doc, exporter::ReportFormat::markdown, dir / "report.md");
    std::string md = tessera::test::read_file(dir / "report.md");
    REQUIRE(md.find("](report-map.svg)") != std::string::npos);
    REQUIRE(tessera::test::read_file(dir / "report-map.svg").find("<svg") != std::string::npos);

    exporter::write_report(doc, exporter::ReportFormat::docx, dir / "report.docx");
    REQUIRE(std::filesystem::file_size(dir / "report.docx") > 10000);  // holds the map PNG
    if (!tessera::test::have_tool("soffice")) {
        WARN("soffice not found: the DOCX report was written but not opened");
        return;
    }
    REQUIRE(tessera::test::soffice_convert({dir / "report.docx"}, "txt:Text (encoded):UTF8", dir.path()) == 0);
    std::string txt = tessera::test::read_file(dir / "report.txt");
    auto r = engine_report(p);
    REQUIRE(txt.find("The sample comprised 24 participants.") != std::string::npos);
    REQUIRE(txt.find("Overall (pooled)") != std::string::npos);
    REQUIRE(txt.find("Cohen's kappa " + exporter::report_coefficient(r.overall_pooled.kappa.kappa)) != std::string::npos);
    REQUIRE(txt.find("Theme: Consent that fits the person") != std::string::npos);
    REQUIRE(txt.find("Recommendation R10") != std::string::npos);
    REQUIRE(txt.find("Digital generation gap") == std::string::npos);
}
