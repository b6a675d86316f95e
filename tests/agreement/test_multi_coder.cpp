// m-coder character units: the run-length histogram gives the same Fleiss' kappa and alpha as the
// per-character ratings table it stands for.
#include <catch2/catch.hpp>
#include <random>

#include "agreement/krippendorff.hpp"
#include "agreement/multi_coder.hpp"
#include "util/error.hpp"

using namespace tessera;
using namespace tessera::agreement;

TEST_CASE("coverage histogram counts characters by how many coders coded them", "[agreement][multi]") {
    // 3 coders over 20 characters: [0,10), [5,15) + [6,8) (overlap counts once), [5,10).
    const auto h = coverage_histogram({{{0, 10}}, {{5, 15}, {6, 8}}, {{5, 10}}}, 20);
    REQUIRE(h.size() == 4);
    CHECK(h[0] == 5);   // [15,20)
    CHECK(h[1] == 10);  // [0,5) and [10,15)
    CHECK(h[2] == 0);
    CHECK(h[3] == 5);  // [5,10)
    CHECK_THROWS_AS(coverage_histogram({{{0, 30}}, {}}, 20), InvalidArgument);
}

TEST_CASE("histogram coefficients equal those of the expanded per-character table", "[agreement][multi]") {
    std::mt19937 rng(5);
    for (int trial = 0; trial < 20; ++trial) {
        const std::int64_t len = std::uniform_int_distribution<std::int64_t>(30, 300)(rng);
        const std::size_t m = std::uniform_int_distribution<std::size_t>(2, 5)(rng);
        std::vector<std::vector<Span>> coders(m);
        for (auto& c : coders)
            for (int i = 0; i < 3; ++i) {
                const auto s = std::uniform_int_distribution<std::int64_t>(0, len - 1)(rng);
                c.push_back({s, std::min(len, s + std::uniform_int_distribution<std::int64_t>(1, len / 3)(rng))});
            }
        std::vector<std::vector<std::optional<double>>> rows(static_cast<std::size_t>(len),
                                                             std::vector<std::optional<double>>(m, 0.0));
        for (std::size_t c = 0; c < m; ++c)
            for (const auto& s : coders[c])
                for (auto i = s.start; i < s.end; ++i) rows[static_cast<std::size_t>(i)][c] = 1.0;
        const RatingsTable t = RatingsTable::from_numbers(rows);
        const BinaryMultiCoder b = binary_coefficients(coverage_histogram(coders, len));
        INFO("trial " << trial);
        CHECK(*b.percent.value == Approx(*percent_agreement(t).value).margin(1e-12));
        CHECK(*b.fleiss.value == Approx(*fleiss_kappa(t).value).margin(1e-12));
        CHECK(*b.alpha.value == Approx(*krippendorff_alpha(t).value).margin(1e-12));
    }
}

TEST_CASE("multi-coder report pools documents per code and codes overall", "[agreement][multi]") {
    auto coding = [](RowId doc, RowId code, RowId coder, std::int64_t s, std::int64_t e) {
        Coding c;
        c.document_id = doc;
        c.code_id = code;
        c.coder_id = coder;
        c.span = {s, e};
        return c;
    };
    const std::vector<DocumentExtent> docs{{1, 100, ""}, {2, 100, ""}};
    const std::vector<Coding> codings{coding(1, 7, 10, 0, 50), coding(1, 7, 11, 0, 50), coding(1, 7, 12, 0, 50),
                                      coding(2, 8, 10, 0, 10)};
    const MultiCoderReport r = multi_coder_character_report(codings, docs, {10, 11, 12});
    REQUIRE(r.per_code.size() == 2);
    CHECK(r.per_code[0].histogram == std::vector<double>{150, 0, 0, 50});
    CHECK(*r.per_code[0].coefficients.alpha.value == Approx(1.0));
    CHECK(r.per_code[1].histogram == std::vector<double>{190, 10, 0, 0});
    CHECK(r.overall_pooled.histogram == std::vector<double>{340, 10, 0, 50});
    CHECK_THROWS_AS(multi_coder_character_report(codings, docs, {10, 10}), InvalidArgument);
    const auto none = binary_coefficients({100, 0, 0});
    CHECK_FALSE(none.fleiss.defined());
    CHECK_FALSE(none.alpha.defined());
}
