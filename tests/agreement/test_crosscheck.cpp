// Cross-check on random data against NLTK, scikit-learn and statsmodels run by Debian's /usr/bin/python3.
// Skips (WARN) only when that interpreter or one of the modules is missing.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "agreement/coefficients.hpp"
#include "agreement/krippendorff.hpp"
#include "agreement/units.hpp"
#include "test_support.hpp"

using namespace tessera::agreement;
using tessera::Span;
using nlohmann::json;

namespace {

// Debian's interpreter: another python3 earlier on PATH may not see Debian's packages.
constexpr const char* kPython = "/usr/bin/python3";

using Ratings = std::vector<std::vector<std::optional<double>>>;

Ratings random_ratings(std::mt19937& rng, std::size_t units, std::size_t coders, int q, double missing) {
    std::uniform_real_distribution<double> u01(0.0, 1.0);
    for (;;) {
        Ratings r(units);
        std::vector<double> weights(static_cast<std::size_t>(q));
        for (auto& w : weights) w = 0.2 + u01(rng);
        std::discrete_distribution<int> cat(weights.begin(), weights.end());
        for (auto& row : r) {
            const int truth = cat(rng) + 1;
            for (std::size_t c = 0; c < coders; ++c) {
                if (u01(rng) < missing)
                    row.emplace_back(std::nullopt);
                else
                    row.emplace_back(u01(rng) < 0.6 ? truth : cat(rng) + 1);  // agreement above chance
            }
        }
        std::set<double> seen;
        for (const auto& row : r)
            for (const auto& v : row)
                if (v) seen.insert(*v);
        if (seen.size() >= 2) return r;  // NLTK returns 1 for a single value; we say undefined
    }
}

std::vector<Span> random_spans(std::mt19937& rng, std::int64_t length, int count) {
    std::uniform_int_distribution<std::int64_t> pos(0, length - 1);
    std::uniform_int_distribution<std::int64_t> len(1, length / 5);
    std::vector<Span> out;
    for (int i = 0; i < count; ++i) {
        const std::int64_t s = pos(rng);
        out.push_back({s, std::min(length, s + len(rng))});
    }
    return out;
}

json to_json(const Ratings& r) {
    json rows = json::array();
    for (const auto& row : r) {
        json jr = json::array();
        for (const auto& v : row) jr.push_back(v ? json(*v) : json(nullptr));
        rows.push_back(jr);
    }
    return rows;
}

json spans_json(const std::vector<Span>& s) {
    json a = json::array();
    for (const auto& x : s) a.push_back({x.start, x.end});
    return a;
}

void check_same(const Coefficient& ours, const json& theirs, const std::string& what) {
    INFO(what << ": ours " << format_coefficient(ours, 9) << ", reference " << theirs.dump());
    if (theirs.is_null()) {
        CHECK_FALSE(ours.defined());
    } else {
        REQUIRE(ours.defined());
        CHECK(*ours.value == Approx(theirs.get<double>()).margin(1e-9));
    }
}

}  // namespace

TEST_CASE("coefficients agree with NLTK, scikit-learn and statsmodels on random data", "[agreement][crosscheck]") {
    if (!std::filesystem::exists(kPython)) {
        WARN("skipped: " << kPython << " (Debian's Python, which sees NLTK/scikit-learn/statsmodels) is not installed");
        return;
    }
    const auto script = std::filesystem::path(TESSERA_SOURCE_DIR) / "tests" / "agreement" / "crosscheck.py";
    REQUIRE(std::filesystem::exists(script));

    std::mt19937 rng(20261124);
    std::uniform_int_distribution<int> qd(2, 5), units(15, 80), coders(3, 6);
    json jobs = json::array();
    std::vector<Ratings> tables;
    std::vector<std::string> levels;
    struct CharJob {
        std::vector<Span> a, b;
        std::int64_t length;
    };
    std::vector<CharJob> chars;
    for (int i = 0; i < 30; ++i) {  // two coders, complete: Cohen, Scott, S, alpha, SE
        tables.push_back(random_ratings(rng, static_cast<std::size_t>(units(rng)), 2, qd(rng), 0.0));
        levels.push_back("nominal");
    }
    for (int i = 0; i < 20; ++i) {  // m coders, complete: Fleiss, Randolph, alpha
        tables.push_back(random_ratings(rng, static_cast<std::size_t>(units(rng)),
                                        static_cast<std::size_t>(coders(rng)), qd(rng), 0.0));
        levels.push_back("nominal");
    }
    const char* metric_levels[] = {"nominal", "interval", "ratio"};
    for (int i = 0; i < 30; ++i) {  // 4 coders with blanks: alpha at three levels
        tables.push_back(random_ratings(rng, static_cast<std::size_t>(units(rng)), 4, 5, 0.25));
        levels.push_back(metric_levels[i % 3]);
    }
    for (std::size_t i = 0; i < tables.size(); ++i)
        jobs.push_back({{"kind", "ratings"}, {"ratings", to_json(tables[i])}, {"level", levels[i]}});
    std::uniform_int_distribution<std::int64_t> lengths(50, 1500);
    std::uniform_int_distribution<int> nspans(0, 6);
    for (int i = 0; i < 20; ++i) {
        const std::int64_t len = lengths(rng);
        CharJob j{random_spans(rng, len, nspans(rng)), random_spans(rng, len, 1 + nspans(rng)), len};
        jobs.push_back({{"kind", "chars"}, {"length", len}, {"a", spans_json(j.a)}, {"b", spans_json(j.b)}});
        chars.push_back(std::move(j));
    }

    tessera::test::TempDir dir;
    tessera::test::write_file(dir / "jobs.json", jobs.dump());
    const std::string cmd = std::string(kPython) + " '" + script.string() + "' '" + (dir / "jobs.json").string() +
                            "' '" + (dir / "out.json").string() + "' > '" + (dir / "log.txt").string() + "' 2>&1";
    const int rc = std::system(cmd.c_str());
    const int status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    if (status == 3) {
        WARN("skipped: " << tessera::test::read_file(dir / "log.txt"));
        return;
    }
    INFO("python output: " << (std::filesystem::exists(dir / "log.txt") ? tessera::test::read_file(dir / "log.txt")
                                                                        : ""));
    REQUIRE(status == 0);
    const json out = json::parse(tessera::test::read_file(dir / "out.json"));
    REQUIRE(out.size() == jobs.size());

    std::size_t compared = 0;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        INFO("ratings job " << i);
        const RatingsTable t = RatingsTable::from_numbers(tables[i]);
        const json& r = out[i];
        check_same(krippendorff_alpha(t, level_from_string(levels[i])), r["nltk_alpha"], "alpha vs NLTK");
        ++compared;
        if (r.contains("sklearn_kappa")) {
            const ContingencyTable ct = ContingencyTable::from_ratings(t);
            const CohenKappa k = cohen_kappa(ct);
            check_same(k.kappa, r["sklearn_kappa"], "Cohen's kappa vs scikit-learn");
            check_same(k.kappa, r["nltk_kappa"], "Cohen's kappa vs NLTK");
            check_same(k.kappa, r["statsmodels_kappa"], "Cohen's kappa vs statsmodels");
            check_same(Coefficient::of(k.se.value_or(-1)), r["statsmodels_se"], "kappa SE vs statsmodels");
            check_same(Coefficient::of(k.se0.value_or(-1)), r["statsmodels_se0"], "kappa SE0 vs statsmodels");
            check_same(scott_pi(ct), r["nltk_pi"], "Scott's pi vs NLTK");
            check_same(brennan_prediger(ct), r["nltk_S"], "Bennett's S vs NLTK");
            compared += 7;
        }
        if (r.contains("statsmodels_fleiss")) {
            check_same(fleiss_kappa(t), r["statsmodels_fleiss"], "Fleiss' kappa vs statsmodels");
            check_same(brennan_prediger(t, r["categories"].get<std::size_t>()), r["statsmodels_randolph"],
                       "Randolph's kappa vs statsmodels");
            compared += 2;
        }
    }
    for (std::size_t i = 0; i < chars.size(); ++i) {
        INFO("character job " << i);
        const json& r = out[tables.size() + i];
        const BinaryCounts c = character_counts(chars[i].a, chars[i].b, chars[i].length);
        CHECK(c.both == r["both"].get<double>());
        CHECK(c.only_a == r["only_a"].get<double>());
        CHECK(c.only_b == r["only_b"].get<double>());
        if (r.contains("sklearn_kappa")) {
            check_same(cohen_kappa(c.table()).kappa, r["sklearn_kappa"], "character kappa vs scikit-learn");
            check_same(krippendorff_alpha(coincidences(c.table())), r["nltk_alpha"], "character alpha vs NLTK");
            compared += 2;
        }
    }
    CHECK(compared > 300);
}
