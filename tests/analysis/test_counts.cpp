// Co-occurrence (span/turn/document), code x attribute cross-tab, saturation and sample characteristics.
#include "analysis/cooccurrence.hpp"
#include "analysis/crosstab.hpp"
#include "analysis/sample.hpp"
#include "analysis/saturation.hpp"
#include "analysis/study_fixture.hpp"
#include "analysis/table.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace tessera;
using namespace tessera::analysis;

TEST_CASE("co-occurrence by overlapping span, by turn and by document", "[analysis]") {
    test::Study s;
    auto d = AnalysisData::load(s.p);
    auto span = cooccurrence(d, CooccurrenceUnit::span);
    REQUIRE(span.code_ids.size() == 6);
    CHECK(span.between(s.burden, s.consent) == 2);  // codings 4x5 and 4x13
    CHECK(span.between(s.consent, s.burden) == 2);
    CHECK(span.between(s.being_asked, s.asked_first) == 1);
    CHECK(span.between(s.trust, s.being_asked) == 0);
    CHECK(span.between(s.trust, s.data_sharing) == 0);  // same turn, no overlap
    CHECK(span.between(s.consent, s.consent) == 3);      // diagonal: codings
    CHECK(span.between(s.being_asked, s.being_asked) == 3);

    auto turn = cooccurrence(d, CooccurrenceUnit::turn);
    CHECK(turn.between(s.trust, s.data_sharing) == 1);  // P4
    CHECK(turn.between(s.trust, s.being_asked) == 1);   // P1
    CHECK(turn.between(s.being_asked, s.consent) == 1); // P2 (via coding 13)
    CHECK(turn.between(s.burden, s.consent) == 1);      // P3
    CHECK(turn.between(s.being_asked, s.burden) == 1);  // P6
    CHECK(turn.between(s.trust, s.burden) == 0);
    CHECK(turn.between(s.consent, s.consent) == 3);     // P2, P3, P5

    auto doc = cooccurrence(d, CooccurrenceUnit::document);
    CHECK(doc.between(s.trust, s.consent) == 2);
    CHECK(doc.between(s.being_asked, s.burden) == 2);
    CHECK(doc.between(s.data_sharing, s.burden) == 0);
    CHECK(doc.between(s.trust, s.trust) == 2);

    // Labels name the codebook when codebooks are mixed.
    CHECK(span.labels.back() == "Asked first [Amara]");
    auto t = to_table(span);
    REQUIRE_NOTHROW(t.check());
    CHECK(t.headers.size() == 7);
    CHECK_THROWS_AS(cooccurrence_unit_from_string("sentence"), InvalidArgument);

    auto team_only = cooccurrence(d.scoped(CoderScope::team()), CooccurrenceUnit::span, {s.burden, s.consent});
    CHECK(team_only.labels == std::vector<std::string>{"Burden", "Consent"});
    CHECK(team_only.counts[0][1] == 2);
}

TEST_CASE("saturation: new codes per document in collection order", "[analysis]") {
    test::Study s;
    auto sat = saturation(AnalysisData::load(s.p));
    REQUIRE(sat.points.size() == 3);
    CHECK(sat.points[0].document_name == "FG1");
    CHECK(sat.points[0].codings == 7);
    CHECK(sat.points[0].new_codes == 5);
    CHECK(sat.points[0].cumulative_codes == 5);
    CHECK(sat.points[1].codings == 4);
    CHECK(sat.points[1].codes_used == 3);
    CHECK(sat.points[1].new_codes == 1);
    CHECK(sat.points[1].new_code_labels == std::vector<std::string>{"Data sharing [team]"});
    CHECK(sat.points[2].new_codes == 0);
    CHECK(sat.points[2].cumulative_codes == 6);
    CHECK(sat.total_codes == 6);

    // Collection order is the documents' position, not their ids: interview first.
    s.p.db().exec("UPDATE documents SET position = position + 10 WHERE name <> 'INT1'");
    sat = saturation(AnalysisData::load(s.p));
    CHECK(sat.points[0].document_name == "INT1");
    CHECK(sat.points[0].new_codes == 2);
    CHECK(sat.points[1].new_codes == 3);
    CHECK(sat.points[2].new_codes == 1);
    CHECK(sat.points[2].cumulative_codes == 6);
    auto t = to_table(sat);
    CHECK(t.rows[0] == std::vector<std::string>{"1", "INT1", "2", "2", "2", "2", "Consent/Being asked [team]; Burden [team]"});

    // Ben alone: two codings in FG1, two codes.
    auto ben = saturation(AnalysisData::load(s.p).scoped(CoderScope::coder(s.ben)));
    CHECK(ben.total_codes == 2);
}

TEST_CASE("sample characteristics: a category listing several values counts each case under each", "[analysis]") {
    test::Study s;
    auto groups = [&](const char* name, const char* value) {
        s.p.set_attribute(s.case_id(name), {"groups", AttributeType::category, value});
    };
    groups("P1", "FG1;MC1");
    groups("P2", "FG1");
    groups("P3", " FG1 ; MC1 ;; FG1");  // spaces, an empty item and a repeat
    groups("P4", "FG2;MC1;INT9");
    groups("P5", "FG2");  // P6 has none
    auto sc = sample_characteristics(AnalysisData::load(s.p));
    const CategorySummary* g = nullptr;
    for (const auto& c : sc.categories)
        if (c.attribute == "groups") g = &c;
    REQUIRE(g);
    CHECK(g->multiple);
    std::map<std::string, std::int64_t> n;
    for (const auto& c : g->counts) n[c.value] = c.n;
    CHECK(n == std::map<std::string, std::int64_t>{
                   {"FG1", 3}, {"MC1", 3}, {"FG2", 2}, {"INT9", 1}, {"(not recorded)", 1}});
    CHECK(g->counts[0].percent == Approx(50.0));  // 3 of the 6 participants
    CHECK(g->counts.back().value == "(not recorded)");
    // A single-valued category is untouched.
    for (const auto& c : sc.categories)
        if (c.attribute == "gender") CHECK_FALSE(c.multiple);

    // Filters on such an attribute match any value it lists, and only whole values.
    SampleOptions mc1;
    mc1.where = {AttributeFilter::parse("groups=MC1")};
    CHECK(sample_characteristics(AnalysisData::load(s.p), mc1).n == 3);
    groups("P5", "FG10;MC10");
    CHECK_FALSE(AttributeFilter::parse("groups=FG1").matches(s.p.case_(s.case_id("P5"))));
    CHECK(AttributeFilter::parse("groups=MC10").matches(s.p.case_(s.case_id("P5"))));

    auto t = to_table(sc);
    bool labelled = false;
    for (const auto& row : t.rows) labelled = labelled || row[0] == "groups (several per case)";
    CHECK(labelled);
    REQUIRE(t.notes.size() == 1);
    CHECK(t.notes[0].find("more than 100%") != std::string::npos);
}

TEST_CASE("sample characteristics: n, mean (SD) and range, counts and percentages", "[analysis]") {
    test::Study s;
    auto d = AnalysisData::load(s.p);
    auto sc = sample_characteristics(d);
    CHECK(sc.n == 6);  // P7 never spoke
    REQUIRE(sc.numbers.size() == 1);
    CHECK(sc.numbers[0].attribute == "age");
    CHECK(sc.numbers[0].n == 6);
    CHECK(sc.numbers[0].mean == Approx(257.0 / 6));
    CHECK(sc.numbers[0].sd == Approx(12.5764).epsilon(1e-4));  // sample SD, n - 1
    CHECK(sc.numbers[0].min == 27);
    CHECK(sc.numbers[0].max == 62);
    REQUIRE(sc.categories.size() == 2);
    const auto& g = sc.categories[0];
    CHECK(g.attribute == "gender");
    REQUIRE(g.counts.size() == 3);
    CHECK(g.counts[0].value == "woman");
    CHECK(g.counts[0].n == 3);
    CHECK(g.counts[0].percent == Approx(50.0));
    CHECK(g.counts[1].value == "man");
    CHECK(g.counts[1].percent == Approx(100.0 / 3));
    CHECK(g.counts[2].value == "(not recorded)");
    CHECK(g.counts[2].n == 1);

    auto t = to_table(sc);
    CHECK(t.title == "Sample characteristics (n = 6)");
    CHECK(t.rows[0] == std::vector<std::string>{"age, mean (SD)", "42.8 (12.6), range 27\u201362"});
    CHECK(t.rows[2][1] == "3 (50.0%)");

    SampleOptions everyone;
    everyone.participants_only = false;
    CHECK(sample_characteristics(d, everyone).n == 7);
    SampleOptions hull;
    hull.where = {{"site", "Hull"}};
    auto h = sample_characteristics(d, hull);
    CHECK(h.n == 2);
    CHECK(h.numbers[0].mean == Approx(53.5));

    s.p.set_attribute(s.case_id("P2"), {"age", AttributeType::number, "fifty"});
    CHECK_THROWS_WITH(sample_characteristics(AnalysisData::load(s.p)),
                      "case 'P2': attribute 'age' = 'fifty' is not a number");
}

TEST_CASE("code x attribute cross-tab counts cases and codings per value", "[analysis]") {
    test::Study s;
    auto x = code_attribute_crosstab(AnalysisData::load(s.p), "gender");
    CHECK(x.values == std::vector<std::string>{"man", "woman", "(not recorded)"});
    CHECK(x.cases_per_value == std::vector<std::int64_t>{2, 3, 1});
    auto row = [&](RowId code) {
        for (std::size_t i = 0; i < x.code_ids.size(); ++i)
            if (x.code_ids[i] == code) return i;
        FAIL("code not in cross-tab");
        return std::size_t{0};
    };
    CHECK(x.cases[row(s.trust)] == std::vector<std::int64_t>{0, 2, 0});
    CHECK(x.cases[row(s.being_asked)] == std::vector<std::int64_t>{1, 1, 1});
    CHECK(x.cases[row(s.consent)] == std::vector<std::int64_t>{2, 1, 0});    // P2, P5 men; P3 woman
    CHECK(x.codings[row(s.consent)] == std::vector<std::int64_t>{2, 2, 0});  // 13 (P2), 9 (P5); 5, 13 (P3)
    CHECK_THROWS_AS(code_attribute_crosstab(AnalysisData::load(s.p), "diagnosis"), InvalidArgument);
}
