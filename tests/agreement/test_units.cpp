// Unit builders on small hand-made codings: characters, segments with a threshold, span hygiene.
#include <catch2/catch.hpp>

#include "agreement/units.hpp"
#include "util/error.hpp"

using namespace tessera::agreement;
using tessera::Span;
using tessera::InvalidArgument;

TEST_CASE("character counts merge one coder's overlapping spans and count each character once", "[agreement][units]") {
    // A codes [0,10) and [5,15) -> [0,15); B codes [10,20); 30 characters.
    const BinaryCounts c = character_counts({{0, 10}, {5, 15}}, {{10, 20}}, 30);
    CHECK(c.both == 5);
    CHECK(c.only_a == 10);
    CHECK(c.only_b == 5);
    CHECK(c.neither == 10);
    CHECK(c.total() == 30);
}

TEST_CASE("character counts reject spans outside the document", "[agreement][units]") {
    CHECK_THROWS_AS(character_counts({{0, 31}}, {}, 30), InvalidArgument);
    CHECK_THROWS_AS(character_counts({}, {{-1, 3}}, 30), InvalidArgument);
}

TEST_CASE("normalise_spans sorts, merges touching spans and drops empty ones", "[agreement][units]") {
    std::vector<Span> s{{20, 25}, {0, 5}, {5, 8}, {9, 9}, {3, 4}};
    normalise_spans(s);
    REQUIRE(s.size() == 2);
    CHECK(s[0] == Span{0, 8});
    CHECK(s[1] == Span{20, 25});
}

TEST_CASE("NVivo kappa and percentage agreement on a hand-counted table", "[agreement][units]") {
    // 1000 characters, 50 by both, 75 only A, 75 only B: PA = 85 %.
    const BinaryCounts c = character_counts({{0, 125}}, {{0, 50}, {125, 200}}, 1000);
    CHECK(*nvivo_percentage_agreement(c).value == Approx(85.0));
    // kappa = (0.85 - pe) / (1 - pe), pe = (.125 * .125 + .875 * .875) = 0.78125 -> 0.314286
    CHECK(*nvivo_kappa(c).value == Approx(0.314286).margin(1e-6));
    CHECK(*nvivo_kappa(character_counts({}, {}, 1000)).value == 1.0);          // NVivo's convention
    CHECK(*nvivo_kappa(character_counts({}, {{0, 100}}, 1000)).value == 0.0);  // one user coded nothing
}

TEST_CASE("segments agree by intersection over union against the threshold", "[agreement][units]") {
    // 95 of 100 characters in common: agrees at 90 %, not at 96 %.
    auto at90 = check_segments({{0, 100}}, {{5, 100}}, 0.90);
    REQUIRE(at90.size() == 1);
    CHECK(at90[0].agrees);
    CHECK(at90[0].best_ratio == Approx(0.95));
    CHECK(at90[0].partner == 0);
    CHECK_FALSE(check_segments({{0, 100}}, {{5, 100}}, 0.96)[0].agrees);
    // Touching segments do not overlap.
    auto touch = check_segments({{0, 10}}, {{10, 20}}, 0.5);
    CHECK_FALSE(touch[0].agrees);
    CHECK(touch[0].partner == -1);
    // The best partner is found even behind a long earlier segment.
    auto best = check_segments({{40, 49}}, {{0, 50}, {41, 49}}, 0.8);
    CHECK(best[0].agrees);
    CHECK(best[0].best_ratio == Approx(8.0 / 9.0));
    CHECK_THROWS_AS(check_segments({{0, 1}}, {}, 0.0), InvalidArgument);
    CHECK_THROWS_AS(check_segments({{0, 1}}, {}, 1.5), InvalidArgument);
}

TEST_CASE("segment counts check every segment of each coder once", "[agreement][units]") {
    // A: [0,100) [300,330); B: [5,100) [400,420). One matched pair (2 segments) of 4.
    const SegmentCounts c = segment_counts({{0, 100}, {300, 330}}, {{5, 100}, {400, 420}}, 0.9);
    CHECK(c.segments_a == 2);
    CHECK(c.agreeing_a == 1);
    CHECK(c.segments_b == 2);
    CHECK(c.agreeing_b == 1);
    CHECK(*segment_percent_agreement(c).value == Approx(0.5));
    CHECK(*maxqda_kappa(c, 4).value == Approx((0.5 - 0.25) / 0.75));
    CHECK_FALSE(maxqda_kappa(c, 1).defined());
    CHECK_FALSE(segment_percent_agreement(SegmentCounts{}).defined());
}
