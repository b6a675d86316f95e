// Builds the member-checking pack: themes in the team's own words, the map, anonymised quotes, feedback space.
#include "export/member_check_pack.hpp"

#include "analysis/data.hpp"
#include "analysis/theme_support.hpp"
#include "export/report_quotes.hpp"

#include <set>

namespace tessera::exporter {

ReportDocument build_member_check_pack(const Project& p, MemberCheckOptions& o) {
    auto d = analysis::AnalysisData::load(p, true);
    auto& red = o.redactor;
    red.add_speaker_names(p);
    ReportDocument doc;
    std::string title = p.setting("title");
    doc.title = "What we heard: a summary for the people who took part";
    if (!title.empty()) doc.note(red.apply(title));
    doc.paragraph("Thank you for taking part. This pack sets out the main themes the research team found in the "
                  "discussions, in the team's own short descriptions, with a few things people said. We would like to "
                  "know whether the themes fit your experience, what is missing, and what we got wrong.");
    doc.paragraph("Quotes are labelled with a participant number and the discussion they come from (for example "
                  "\"P7, FG1\"), never with a name.");

    analysis::MapOptions mo;
    mo.include_codes = false;
    auto map = analysis::build_thematic_map(d, mo);
    if (!map.nodes.empty()) {
        ReportFigure f;
        f.caption = "The themes and how they connect.";
        f.map = std::move(map);
        doc.figure(std::move(f));
    }

    auto tree = analysis::theme_tree(d);
    int number = 0;
    std::set<RowId> shown;
    for (const auto& [id, depth] : tree) {
        if (depth != 0) continue;
        const Theme& t = d.theme(id);
        doc.heading(1, "Theme " + std::to_string(++number) + ": " + red.apply(t.name));
        if (!t.definition.empty()) doc.paragraph("In short: " + red.apply(t.definition));
        if (!t.scope.empty()) doc.paragraph("This covers: " + red.apply(t.scope));
        if (o.include_subthemes) {
            std::vector<std::string> subs;
            for (RowId sid : d.child_themes(id)) {
                const Theme& s = d.theme(sid);
                if (s.status == ThemeStatus::discarded) continue;
                subs.push_back(red.apply(s.name) + (s.definition.empty() ? "" : ": " + red.apply(s.definition)));
            }
            if (!subs.empty()) {
                doc.paragraph("It has these parts:");
                doc.bullets(std::move(subs));
            }
        }
        auto quotes = theme_quotes(d, id, o.quotes_per_theme, &shown);
        if (!quotes.empty()) doc.paragraph("Some of the things people said:");
        for (const auto& q : quotes) doc.quote(red.apply(q.text), quote_attribution(q));
        doc.feedback("Does this theme fit your experience? Is anything missing or wrong?");
    }
    if (number == 0) doc.paragraph("The project has no themes to check yet.");

    doc.heading(1, "Anything else");
    doc.feedback("Is there anything else you would like the research team to know?");

    doc.heading(1, "How quotes were anonymised");
    std::size_t listed = red.redactions().size(), replaced = red.total_replaced();
    doc.paragraph("Participants are shown by their study number. Names of people and places in the quotes and theme "
                  "texts were replaced by a neutral word in square brackets (such as [name]), from a list of " +
                  std::to_string(listed) + " identifier" + (listed == 1 ? "" : "s") +
                  " kept by the research team, matched as whole words regardless of capitals; speakers' names, "
                  "where a transcript used them, were replaced by their study number. In this pack, " +
                  std::to_string(replaced) + " replacement" + (replaced == 1 ? " was" : "s were") + " made.");
    return doc;
}

}  // namespace tessera::exporter
