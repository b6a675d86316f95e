// Theme support counts, warnings, grouping rules, coverage, extracts, discard and restore.
#include "analysis/extracts.hpp"
#include "analysis/study_fixture.hpp"
#include "analysis/table.hpp"
#include "analysis/theme_support.hpp"
#include "analysis/thematic_map.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace tessera;
using namespace tessera::analysis;

TEST_CASE("support counts extracts, participants, documents, groups and coders", "[analysis]") {
    test::Study s;
    auto d = AnalysisData::load(s.p);
    auto control = theme_support(d, s.t_control);
    CHECK(control.extracts == 6);  // codings 2, 3, 5, 9, 10, 13 (its sub-theme's codes included)
    CHECK(control.participants.size() == 5);  // P1, P2, P3, P5, P6
    CHECK(control.documents.size() == 3);
    CHECK(control.groups.size() == 3);
    CHECK(control.group_labels == std::vector<std::string>{"FG1", "FG2", "INT1"});
    REQUIRE(control.coders.size() == 2);
    CHECK(control.coders[0].coder_name == "Amara");
    CHECK(control.coders[0].codings == 4);
    CHECK(control.coders[1].coder_name == "Ben");
    CHECK(control.coders[1].codings == 2);
    CHECK_FALSE(control.weak());

    auto asked = theme_support(d, s.t_being_asked);
    CHECK(asked.depth == 1);
    CHECK(asked.extracts == 3);
    CHECK(asked.participants.size() == 3);
    CHECK(asked.documents.size() == 2);

    auto trust = theme_support(d, s.t_trust);
    CHECK(trust.extracts == 4);
    CHECK(trust.participants.size() == 3);
    CHECK(trust.groups.size() == 2);
    CHECK_FALSE(trust.weak());
    SupportThresholds strict;
    strict.min_groups = 3;
    strict.min_coders = 2;
    trust = theme_support(d, s.t_trust, strict);
    REQUIRE(trust.warnings.size() == 2);
    CHECK(trust.warnings[0] == "supported by 2 group(s) (threshold 3)");
    CHECK(trust.warnings[1] == "supported by 1 coder(s) (threshold 2)");

    // Groups by a case attribute: Burden was raised only by Leeds participants.
    GroupingRule by_site{"site"};
    auto burden = theme_support(d, s.t_burden, {}, by_site);
    CHECK(burden.group_labels == std::vector<std::string>{"Leeds"});
    REQUIRE(burden.warnings.size() == 1);
    CHECK(burden.warnings[0] == "supported by 1 group(s) (threshold 2)");
    CHECK(theme_support(d, s.t_trust, {}, by_site).groups.size() == 2);
}

TEST_CASE("coder scope narrows support", "[analysis]") {
    test::Study s;
    auto all = AnalysisData::load(s.p);
    auto ben = all.scoped(CoderScope::coder(s.ben));
    CHECK(ben.codings().size() == 2);
    CHECK(theme_support(ben, s.t_control).extracts == 2);
    CHECK(theme_support(ben, s.t_trust).extracts == 0);
    auto team = all.scoped(CoderScope::team());
    CHECK(team.codings().size() == 12);  // all but Amara's own "Asked first"
}

TEST_CASE("discarded themes are hidden unless asked for, and come back when restored", "[analysis]") {
    test::Study s;
    auto d = AnalysisData::load(s.p);
    auto visible = all_theme_support(d);
    REQUIRE(visible.size() == 4);
    for (const auto& t : visible) CHECK(t.theme_id != s.t_commercial);
    auto every = all_theme_support(d, {}, {}, true);
    REQUIRE(every.size() == 5);
    CHECK(every.back().status == ThemeStatus::discarded);

    // Discard a parent: it and its sub-theme disappear; the reason is required and kept.
    Theme control = s.p.theme(s.t_control);
    control.status = ThemeStatus::discarded;
    CHECK_THROWS_AS(s.stack.execute(s.p, std::make_unique<UpdateTheme>(control)), InvalidArgument);
    control.discard_reason = "overlaps Trust";
    s.stack.execute(s.p, std::make_unique<UpdateTheme>(control));
    d = AnalysisData::load(s.p);
    auto tree = theme_tree(d);
    REQUIRE(tree.size() == 2);
    CHECK(d.theme(s.t_control).discard_reason == "overlaps Trust");
    CHECK(theme_tree(d, true).size() == 5);

    // Restore (undo, then an explicit status change) brings both back.
    REQUIRE(s.stack.undo(s.p));
    d = AnalysisData::load(s.p);
    CHECK(theme_tree(d).size() == 4);

    // A discarded sub-theme's codes no longer count towards its parent.
    Theme sub = s.p.theme(s.t_being_asked);
    sub.status = ThemeStatus::discarded;
    sub.discard_reason = "merged back";
    s.stack.execute(s.p, std::make_unique<UpdateTheme>(sub));
    d = AnalysisData::load(s.p);
    CHECK(theme_support(d, s.t_control).extracts == 3);  // codings 5, 9, 13
    REQUIRE(s.stack.undo(s.p));
    d = AnalysisData::load(s.p);
    CHECK(theme_support(d, s.t_control).extracts == 6);
    Theme commercial = s.p.theme(s.t_commercial);
    commercial.status = ThemeStatus::candidate;
    commercial.discard_reason.clear();
    s.stack.execute(s.p, std::make_unique<UpdateTheme>(commercial));
    d = AnalysisData::load(s.p);
    CHECK(theme_tree(d).size() == 5);
    CHECK(theme_support(d, s.t_commercial).extracts == 2);
}

TEST_CASE("extracts carry the speaker of their turn; illustrative quotes spread across people", "[analysis]") {
    test::Study s;
    auto d = AnalysisData::load(s.p);
    Extract e = make_extract(d, d.coding(s.coding[3]));
    CHECK(e.text == "Being asked matters to me too");
    CHECK(e.speaker_label == "P2");
    CHECK(e.case_name == "P2");
    CHECK(e.participant_label() == "P2, FG1");
    // Coding 13 crosses from P2's turn into P3's: 17 code points in each, so the label takes the
    // first turn, while both participants support it.
    Extract cross = make_extract(d, d.coding(s.coding[13]));
    CHECK(cross.speaker_label == "P2");
    auto cases = d.cases_of(d.coding(s.coding[13]));
    REQUIRE(cases.size() == 2);
    CHECK(d.case_(cases[0].case_id).name == "P2");
    CHECK(d.case_(cases[1].case_id).name == "P3");
    // The facilitator's turn is no participant's.
    Coding in_question{0, "", s.fg1, s.span_of(s.fg1, "What do you think"), s.trust, s.amara, ""};
    CHECK(d.cases_of(in_question).empty());
    CHECK(make_extract(d, in_question).participant_label() == "Facilitator, FG1");

    auto extracts = extracts_for_codes(d, d.theme_codes(s.t_control));
    REQUIRE(extracts.size() == 6);
    CHECK(extracts.front().document_name == "FG1");
    CHECK(extracts.back().document_name == "INT1");
    QuoteOptions o;
    o.min_chars = 20;
    auto quotes = pick_illustrative(d, extracts, o);
    REQUIRE(quotes.size() == 3);
    std::set<std::string> people, docs;
    for (const auto& q : quotes) {
        people.insert(q.case_name);
        docs.insert(q.document_name);
        CHECK(q.span.length() >= 20);
    }
    CHECK(people.size() == 3);
    CHECK(docs.size() == 3);  // one quote from each group
    o.count = 10;
    CHECK(pick_illustrative(d, extracts, o).size() == 6);  // never more than there are
    auto table = quotes_table("Control over data", quotes);
    CHECK(table.rows.size() == 3);
}

TEST_CASE("theme x focus-group coverage", "[analysis]") {
    test::Study s;
    auto d = AnalysisData::load(s.p);
    auto cov = theme_coverage(d);
    CHECK(cov.group_labels == std::vector<std::string>{"FG1", "FG2", "INT1"});
    REQUIRE(cov.theme_ids.size() == 4);
    CHECK(cov.theme_ids[0] == s.t_control);
    CHECK(cov.extracts[0] == std::vector<std::int64_t>{4, 1, 1});
    CHECK(cov.participants[0] == std::vector<std::int64_t>{3, 1, 1});
    CHECK(cov.extracts[2] == std::vector<std::int64_t>{1, 3, 0});  // Trust in institutions
    CHECK(cov.participants[2] == std::vector<std::int64_t>{1, 2, 0});
    auto t = to_table(cov);
    REQUIRE_NOTHROW(t.check());
    CHECK(t.rows[0] == std::vector<std::string>{"Control over data", "4 (3)", "1 (1)", "1 (1)", "3"});
    CHECK(t.rows[3][3] == "1 (1)");

    auto by_site = theme_coverage(d, {"site"});
    CHECK(by_site.group_labels == std::vector<std::string>{"Hull", "Leeds"});
}

TEST_CASE("thematic map model: themes, sub-themes, codes, hierarchy and labelled links", "[analysis]") {
    test::Study s;
    auto d = AnalysisData::load(s.p);
    auto m = build_thematic_map(d);
    std::size_t themes = 0, subs = 0, codes = 0;
    for (const auto& n : m.nodes) {
        themes += n.kind == MapNode::Kind::theme;
        subs += n.kind == MapNode::Kind::subtheme;
        codes += n.kind == MapNode::Kind::code;
    }
    CHECK(themes == 3);
    CHECK(subs == 1);
    CHECK(codes == 5);
    std::size_t links = 0;
    for (const auto& e : m.edges)
        if (e.kind == MapEdge::Kind::link) {
            ++links;
            CHECK(e.label == "conditions");
            CHECK(e.from == "t" + std::to_string(s.t_trust));
        }
    CHECK(links == 1);
    CHECK(m.edges.size() == 1 + 1 + 5);  // link, theme->sub-theme, theme->code (5)
    MapOptions o;
    o.include_codes = false;
    o.include_discarded = true;
    CHECK(build_thematic_map(d, o).nodes.size() == 5);
}
