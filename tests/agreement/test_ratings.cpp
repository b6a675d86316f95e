// Ratings tables, Cohen's kappa details, Fleiss with blanks, and the alpha bootstraps' properties.
#include <catch2/catch.hpp>

#include "agreement/coefficients.hpp"
#include "agreement/krippendorff.hpp"
#include "agreement/ratings_report.hpp"
#include "util/error.hpp"

using namespace tessera::agreement;
using tessera::InvalidArgument;

namespace {

using Row = std::vector<std::optional<double>>;
constexpr auto kNa = std::nullopt;

// Krippendorff's canonical 4 coders x 12 units (Krippendorff 2011; alpha nominal .743).
RatingsTable canonical() {
    return RatingsTable::from_numbers({Row{1, 1, kNa, 1}, Row{2, 2, 3, 2}, Row{3, 3, 3, 3}, Row{3, 3, 3, 3},
                                       Row{2, 2, 2, 2}, Row{1, 2, 3, 4}, Row{4, 4, 4, 4}, Row{1, 1, 2, 1},
                                       Row{2, 2, 2, 2}, Row{kNa, 5, 5, 5}, Row{kNa, kNa, 1, 1}, Row{kNa, 3, kNa, kNa}});
}

}  // namespace

TEST_CASE("ratings tables order numeric categories by value and keep blanks", "[agreement][ratings]") {
    const RatingsTable t = RatingsTable::from_numbers({Row{10, 2}, Row{kNa, 2.5}});
    REQUIRE(t.categories() == 3);
    CHECK(t.numeric());
    CHECK(t.number(0) == 2);
    CHECK(t.number(2) == 10);
    CHECK(t.cell(1, 0) == RatingsTable::kMissing);
    CHECK(t.rated(1) == 1);
    const RatingsTable l = RatingsTable::from_labels({{"b", "a"}, {"a", std::nullopt}});
    CHECK_FALSE(l.numeric());
    CHECK(l.label(0) == "a");
    CHECK_THROWS_AS(RatingsTable::from_labels({{"a", "b"}, {"a"}}), InvalidArgument);
    const RatingsTable same = RatingsTable::from_labels({{"1", "1.0"}, {"2", "2.00"}});
    CHECK(same.categories() == 2);  // numeric labels with one value are one category
    CHECK(*percent_agreement(same).value == 1.0);
    CHECK_THROWS_AS(krippendorff_alpha(l, Level::interval), InvalidArgument);
    CHECK(level_from_string("ratio") == Level::ratio);
    CHECK_THROWS_AS(level_from_string("metric"), InvalidArgument);
}

TEST_CASE("Fleiss' kappa is undefined with a blank, alpha and AC1 are not", "[agreement][ratings]") {
    const RatingsTable t = canonical();
    const Coefficient f = fleiss_kappa(t);
    CHECK_FALSE(f.defined());
    CHECK(f.reason.find("missing") != std::string::npos);
    CHECK(krippendorff_alpha(t).defined());
    CHECK(gwet_ac1(t).defined());
}

TEST_CASE("one coder constant while the other varies gives kappa exactly 0", "[agreement][ratings]") {
    const RatingsTable t = RatingsTable::from_labels({{"x", "x"}, {"x", "y"}, {"x", "x"}, {"x", "y"}});
    const CohenKappa k = cohen_kappa(ContingencyTable::from_ratings(t));
    REQUIRE(k.kappa.defined());
    CHECK(*k.kappa.value == Approx(0.0).margin(1e-12));
    CHECK(k.kappa.observed == Approx(k.kappa.expected));
}

TEST_CASE("an empty contingency table is undefined, not 0", "[agreement][ratings]") {
    const ContingencyTable empty = ContingencyTable::zero(2);
    CHECK_FALSE(cohen_kappa(empty).kappa.defined());
    CHECK_FALSE(scott_pi(empty).defined());
    CHECK_FALSE(percent_agreement(empty).defined());
    CHECK_FALSE(krippendorff_alpha(coincidences(empty)).defined());
}

TEST_CASE("alpha from a 2-coder contingency table equals alpha from its ratings", "[agreement][ratings]") {
    const RatingsTable t = RatingsTable::from_numbers(
        {Row{0, 1}, Row{1, 1}, Row{0, 0}, Row{1, 0}, Row{1, 1}, Row{0, 0}, Row{0, 0}, Row{1, 1}, Row{0, 1}});
    CHECK(*krippendorff_alpha(coincidences(ContingencyTable::from_ratings(t))).value ==
          Approx(*krippendorff_alpha(t).value).margin(1e-12));
}

TEST_CASE("KALPHA bootstrap: interval brackets alpha, mean near alpha, reproducible by seed",
          "[agreement][bootstrap]") {
    const RatingsTable t = canonical();
    const AlphaBootstrap b = alpha_bootstrap(t, Level::ordinal, 10000, 7);
    REQUIRE(b.alpha.defined());
    REQUIRE(b.ci_low);
    CHECK(*b.ci_low < *b.alpha.value);
    CHECK(*b.alpha.value < *b.ci_high);
    CHECK(std::abs(*b.mean - *b.alpha.value) < 0.01);
    CHECK(b.q_failure.size() == 6);
    for (std::size_t i = 1; i < b.q_failure.size(); ++i) CHECK(b.q_failure[i].second <= b.q_failure[i - 1].second);
    const AlphaBootstrap again = alpha_bootstrap(t, Level::ordinal, 10000, 7);
    CHECK(*again.ci_low == *b.ci_low);
    CHECK(*again.ci_high == *b.ci_high);
    const AlphaBootstrap other = alpha_bootstrap(t, Level::ordinal, 10000, 8);
    CHECK(*other.mean != *b.mean);
    CHECK_THROWS_AS(alpha_bootstrap(t, Level::nominal, 10), InvalidArgument);
}

TEST_CASE("unit bootstrap brackets alpha and is wider than KALPHA's", "[agreement][bootstrap]") {
    const RatingsTable t = canonical();
    const AlphaBootstrap k = alpha_bootstrap(t, Level::nominal, 5000, 3);
    const AlphaBootstrap u = alpha_unit_bootstrap(t, Level::nominal, 2000, 3);
    REQUIRE(u.ci_low);
    CHECK(*u.ci_low < *u.alpha.value);
    CHECK(*u.alpha.value <= *u.ci_high);
    CHECK((*u.ci_high - *u.ci_low) > (*k.ci_high - *k.ci_low));
}

TEST_CASE("bootstrap of an undefined alpha gives no interval", "[agreement][bootstrap]") {
    const RatingsTable t = RatingsTable::from_labels({{"A", "A"}, {"A", "A"}});
    const AlphaBootstrap b = alpha_bootstrap(t, Level::nominal, 1000, 1);
    CHECK_FALSE(b.alpha.defined());
    CHECK_FALSE(b.ci_low.has_value());
}

TEST_CASE("ratings report: every coefficient that applies, and why the others do not", "[agreement][ratings]") {
    RatingsOptions o;
    o.level = Level::interval;
    o.bootstrap_replicates = 1000;
    const RatingsReport r = ratings_report(canonical(), o);
    CHECK(r.units == 12);
    CHECK(r.coders == 4);
    CHECK(r.pairable_units == 11);
    CHECK(*r.alpha.alpha.value == Approx(0.849107).margin(1e-5));  // Krippendorff 2011, interval
    CHECK(r.alpha.ci_low.has_value());
    CHECK_FALSE(r.cohen.kappa.defined());
    CHECK(r.cohen.kappa.reason.find("2 coders") != std::string::npos);
    CHECK_FALSE(r.fleiss_kappa.defined());
    CHECK(r.q == 5);
    CHECK(r.method.find("KALPHA") != std::string::npos);

    // Cohen 1960 example 2 coders: kappa -0.092308 with its SE (vectors file).
    std::vector<std::vector<std::optional<std::string>>> rows;
    const int table[3][3] = {{25, 12, 3}, {13, 2, 15}, {12, 16, 2}};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            for (int n = 0; n < table[i][j]; ++n) rows.push_back({std::to_string(i + 1), std::to_string(j + 1)});
    RatingsOptions q3;
    q3.categories = 3;
    q3.bootstrap_replicates = 0;
    const RatingsReport c = ratings_report(RatingsTable::from_labels(rows), q3);
    CHECK(*c.cohen.kappa.value == Approx(-0.092308).margin(1e-6));
    CHECK(*c.cohen.se == Approx(0.056641).margin(1e-6));
    CHECK(*c.brennan_prediger.value == Approx(-0.065).margin(1e-6));
    CHECK(*c.gwet_ac1.value == Approx(-0.04797).margin(1e-5));
    CHECK(c.fleiss_kappa.defined());
    CHECK(*c.fleiss_kappa.value == Approx(*c.scott_pi.value).margin(1e-12));  // Fleiss = Scott for m = 2
    CHECK_THROWS_AS(ratings_report(RatingsTable::from_labels({{"a"}})), InvalidArgument);
}
