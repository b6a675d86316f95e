// The study report's theme sections: the thematic map, each theme and sub-theme with its definition,
// support, quotes and member-check feedback; saturation; theme x group coverage; the evidence trail.
#include "analysis/saturation.hpp"
#include "analysis/table.hpp"
#include "analysis/thematic_map.hpp"
#include "analysis/theme_support.hpp"
#include "export/report_chart.hpp"
#include "export/report_quotes.hpp"
#include "export/report_study_parts.hpp"

#include <map>
#include <set>

namespace tessera::exporter::detail {
namespace {

std::string support_sentence(const analysis::ThemeSupport& s) {
    return "Support: " + count_of(s.extracts, "extract", "extracts") + " from " +
           count_of(std::int64_t(s.participants.size()), "participant", "participants") + " in " +
           count_of(std::int64_t(s.groups.size()), "data collection", "data collections") + ".";
}

void add_map(ReportDocument& doc, const StudyContext& c) {
    analysis::MapOptions mo;
    mo.include_codes = c.o.map_codes;
    mo.code_owner_in_label = c.o.map_codes && c.d.mixed_codebooks();
    auto map = analysis::build_thematic_map(c.d, mo);
    if (map.nodes.empty()) return;
    ReportFigure f;
    f.caption = "Figure 1. Thematic map: themes, sub-themes" + std::string(c.o.map_codes ? ", codes" : "") +
                " and the labelled links between themes (discarded themes left out).";
    f.map = std::move(map);
    doc.figure(std::move(f));
}

}  // namespace

void add_theme_sections(ReportDocument& doc, const StudyContext& c) {
    const auto& d = c.d;
    doc.heading(1, "Themes");
    auto tree = analysis::theme_tree(d);
    if (tree.empty()) {
        doc.paragraph("The project has no themes yet.");
    } else {
        add_map(doc, c);
        std::map<RowId, analysis::ThemeSupport> support;
        for (auto& s : analysis::all_theme_support(d)) support.emplace(s.theme_id, std::move(s));
        std::set<RowId> shown;  // each quote once in the themes section where the data allow
        for (const auto& [id, depth] : tree) {
            const Theme& t = d.theme(id);
            doc.heading(depth == 0 ? 2 : 3, (depth == 0 ? "Theme: " : "Sub-theme: ") + t.name);
            std::string status = std::string("Status: ") + to_string(t.status) + ".";
            auto it = support.find(id);
            if (it != support.end()) status += " " + support_sentence(it->second);
            doc.note(status);
            if (!t.definition.empty()) doc.paragraph(t.definition);
            if (!t.scope.empty()) doc.paragraph("Includes: " + t.scope);
            if (!t.not_scope.empty()) doc.paragraph("Does not include: " + t.not_scope);
            for (const auto& q : theme_quotes(d, id, c.o.quotes_per_theme, &shown)) doc.quote(q.text, quote_attribution(q));
            for (const auto& m : member_check_feedback(c.p, id)) doc.paragraph("Member-check feedback: " + m.body);
        }
    }

    // Saturation over the consensus codebook when there is one, else every coder's codes merged by path.
    bool team = false;
    for (const auto& coding : d.codings())
        if (!d.code(coding.code_id).owner_coder_id) team = true;
    auto scoped = team ? d.scoped(analysis::CoderScope::team()) : d;
    auto sat = analysis::saturation(scoped, !team);
    doc.heading(1, "Saturation");
    doc.paragraph(std::string("New codes contributed by each document in collection order, counted over ") +
                  (team ? "the consensus (team) codebook" : "every coder's codes, codes with the same path counted once") +
                  ": " + count_of(sat.total_codes, "code", "codes") + " in all.");
    ReportFigure chart;
    chart.caption = "Figure 2. Saturation curve: cumulative codes (line) and new codes (bars) per document.";
    chart.svg = saturation_svg(sat);
    chart.fallback = "The chart is drawn in the HTML report; the table below holds its figures.";
    doc.figure(std::move(chart));
    auto st = analysis::to_table(sat);
    st.title = "Table 3. " + st.title;
    doc.table(std::move(st));

    doc.heading(1, "Theme coverage by focus group");
    auto cov = analysis::to_table(analysis::theme_coverage(d));
    cov.title = "Table 4. " + cov.title;
    doc.table(std::move(cov));
}

void add_evidence_trail(ReportDocument& doc, const StudyContext& c) {
    auto recs = c.p.recommendations();
    if (recs.empty()) return;
    doc.heading(1, "Evidence trail: recommendations, themes and quotes");
    doc.paragraph("Each recommendation is linked to the themes it rests on; under each theme, the quotes that illustrate it.");
    for (const auto& r : recs) {
        doc.heading(2, "Recommendation " + r.label);
        doc.paragraph(r.text);
        if (r.theme_ids.empty()) doc.note("Not linked to a theme.");
        for (RowId tid : r.theme_ids) {
            const Theme& t = c.d.theme(tid);
            std::string path = c.p.theme_path(tid);
            if (t.status == ThemeStatus::discarded) {
                doc.note("Theme: " + path + " (discarded)");
                continue;
            }
            doc.heading(3, "Theme: " + path + " (" + to_string(t.status) + ")");
            for (const auto& q : theme_quotes(c.d, tid, 2)) doc.quote(q.text, quote_attribution(q));
        }
    }
}

}  // namespace tessera::exporter::detail
