// Reproduces every published/verified case of tests/data/agreement/agreement_vectors.json to 1e-4 or better.
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "agreement/coefficients.hpp"
#include "agreement/krippendorff.hpp"
#include "agreement/unitizing.hpp"
#include "agreement/units.hpp"
#include "test_support.hpp"

using namespace tessera::agreement;
using tessera::Span;
using nlohmann::json;

namespace {

json load_cases() {
    const json doc =
        json::parse(tessera::test::read_file(tessera::test::data_path("agreement/agreement_vectors.json")));
    return doc.at("cases");
}

RatingsTable table_of(const json& ratings) {
    bool all_numbers = true;
    for (const auto& row : ratings)
        for (const auto& v : row)
            if (!v.is_null() && !v.is_number()) all_numbers = false;
    if (all_numbers) {
        std::vector<std::vector<std::optional<double>>> rows;
        for (const auto& row : ratings) {
            auto& r = rows.emplace_back();
            for (const auto& v : row) r.push_back(v.is_null() ? std::nullopt : std::optional<double>(v.get<double>()));
        }
        return RatingsTable::from_numbers(rows);
    }
    std::vector<std::vector<std::optional<std::string>>> rows;
    for (const auto& row : ratings) {
        auto& r = rows.emplace_back();
        for (const auto& v : row)
            r.push_back(v.is_null() ? std::nullopt
                                    : std::optional<std::string>(v.is_string() ? v.get<std::string>() : v.dump()));
    }
    return RatingsTable::from_labels(rows);
}

Continuum continuum_of(const json& data) {
    Continuum c;
    c.length = data.at("continuum_length").get<std::int64_t>();
    for (const auto& [name, segs] : data.at("coders").items()) {
        auto& coder = c.coders.emplace_back();
        for (const auto& s : segs)
            coder.push_back({s[0].get<std::int64_t>(), s[1].get<std::int64_t>(), s[2].get<std::string>()});
    }
    return c;
}

std::vector<Span> spans_of(const std::vector<ValuedSegment>& segs, const std::string& value = "") {
    std::vector<Span> out;
    for (const auto& s : segs)
        if (value.empty() || s.value == value) out.push_back({s.start, s.end});
    return out;
}

std::size_t q_param(const json& c) {
    if (c.contains("params") && c["params"].contains("q")) return c["params"]["q"].get<std::size_t>();
    return 0;
}

CuSelfPair convention_of(const std::string& s) {
    if (s == "union") return CuSelfPair::union_;
    if (s == "mass") return CuSelfPair::mass;
    return CuSelfPair::pairwise;
}

// The coefficient a case asks for; the undefined ones come back without a value.
Coefficient compute(const json& c) {
    const std::string measure = c.at("measure");
    const json& data = c.at("data");
    const std::string format = data.at("format");
    if (format == "counts")
        return holsti(data.at("A_agreements").get<double>(), data.at("N1").get<double>(), data.at("N2").get<double>());
    if (format == "continuum") {
        const Continuum k = continuum_of(data);
        const auto conv = c.contains("params") && c["params"].contains("cu_selfpair")
                              ? convention_of(c["params"]["cu_selfpair"].get<std::string>())
                              : CuSelfPair::pairwise;
        if (measure == "u_alpha") return unitizing_alphas(k, conv).u_alpha;
        if (measure == "binary_u_alpha") return unitizing_alphas(k, conv).binary_u_alpha;
        if (measure == "cu_alpha") return unitizing_alphas(k, conv).cu_alpha;
        if (measure == "u_alpha_2004_category") return u_alpha_2004(k, c["params"]["category"].get<std::string>());
        if (measure == "u_alpha_2004_overall") return u_alpha_2004_overall(k);
        const BinaryCounts counts = character_counts(spans_of(k.coders[0]), spans_of(k.coders[1]), k.length);
        if (measure == "nvivo_percentage_agreement") return nvivo_percentage_agreement(counts);
        if (measure == "nvivo_kappa") return nvivo_kappa(counts);
        if (measure == "maxqda_segment_kappa") {
            std::set<std::string> codes;
            for (const auto& coder : k.coders)
                for (const auto& s : coder) codes.insert(s.value);
            SegmentCounts total;
            for (const auto& code : codes)
                total += segment_counts(spans_of(k.coders[0], code), spans_of(k.coders[1], code),
                                        c["params"]["min_overlap"].get<double>());
            return maxqda_kappa(total, codes.size());
        }
        FAIL("unhandled continuum measure " << measure);
    }
    const RatingsTable t = table_of(data.at("ratings"));
    const Level level = level_from_string(c.at("level").get<std::string>());
    if (measure == "percent_agreement") return percent_agreement(t);
    if (measure == "krippendorff_alpha") return krippendorff_alpha(t, level);
    if (measure == "fleiss_kappa") return fleiss_kappa(t);
    if (measure == "brennan_prediger") return brennan_prediger(t, q_param(c));
    if (measure == "gwet_ac1") return gwet_ac1(t, q_param(c));
    const ContingencyTable ct = ContingencyTable::from_ratings(t);
    if (measure == "cohen_kappa") return cohen_kappa(ct).kappa;
    if (measure == "scott_pi") return scott_pi(ct);
    const CohenKappa k = cohen_kappa(ct);
    if (measure == "cohen_kappa_asymptotic_se") return Coefficient::of(k.se.value());
    if (measure == "cohen_kappa_null_se") return Coefficient::of(k.se0.value());
    FAIL("unhandled measure " << measure);
    return {};
}

}  // namespace

TEST_CASE("every case in the agreement vectors is reproduced", "[agreement][vectors]") {
    const json cases = load_cases();
    REQUIRE(cases.size() == 69);
    std::size_t checked = 0;
    for (const auto& c : cases) {
        const std::string name = c.at("name");
        INFO("case " << name);
        const std::string measure = c.at("measure");
        if (measure == "cohen_kappa_ci95") {
            const CohenKappa k = cohen_kappa(ContingencyTable::from_ratings(table_of(c["data"]["ratings"])));
            CHECK(k.ci_low.value() == Approx(c["expected_interval"][0].get<double>()).margin(1e-5));
            CHECK(k.ci_high.value() == Approx(c["expected_interval"][1].get<double>()).margin(1e-5));
            ++checked;
            continue;
        }
        if (measure == "ku_alpha_per_value") {
            const auto r = unitizing_alphas(continuum_of(c["data"]), CuSelfPair::pairwise);
            for (const auto& [value, expected] : c["expected_by_value"].items()) {
                INFO("value " << value);
                const Coefficient& got = r.ku_alpha.at(value);
                if (expected.is_null()) {
                    CHECK_FALSE(got.defined());
                    CHECK_FALSE(got.reason.empty());
                } else {
                    REQUIRE(got.defined());
                    CHECK(*got.value == Approx(expected.get<double>()).margin(1e-5));
                }
            }
            ++checked;
            continue;
        }
        const Coefficient got = compute(c);
        if (c["expected"].is_null()) {
            INFO("expected undefined: " << c.value("expected_special", ""));
            CHECK_FALSE(got.defined());
            CHECK_FALSE(got.reason.empty());
        } else {
            REQUIRE(got.defined());
            const double tol = std::min(1e-4, c.value("tolerance", 1e-4));
            CHECK(*got.value == Approx(c["expected"].get<double>()).margin(tol));
        }
        ++checked;
    }
    CHECK(checked == cases.size());
}

TEST_CASE("cu-alpha for three coders under each self-pair convention", "[agreement][vectors][unitizing]") {
    // Fig. 12.11 (Krippendorff 2019): the conventions differ in the 3rd decimal; values from the
    // vector file's verification block (pairwise = Tessera's default).
    const json cases = load_cases();
    for (const auto& c : cases) {
        if (c["name"] != "kripp2019_fig12_11_cu_alpha") continue;
        const Continuum k = continuum_of(c["data"]);
        CHECK(*unitizing_alphas(k, CuSelfPair::pairwise).cu_alpha.value == Approx(0.725562).margin(1e-5));
        CHECK(*unitizing_alphas(k, CuSelfPair::union_).cu_alpha.value == Approx(0.72835).margin(1e-5));
        CHECK(*unitizing_alphas(k, CuSelfPair::mass).cu_alpha.value == Approx(0.724169).margin(1e-5));
        CHECK(unitizing_alphas(k).coverage == Approx(0.461111).margin(1e-5));
    }
}

TEST_CASE("2004 unitizing alpha terms match DKPro's D_o and D_e", "[agreement][vectors][unitizing]") {
    const json cases = load_cases();
    for (const auto& c : cases) {
        if (c["name"] != "kripp2004_unitizing_alpha_c") continue;
        const Coefficient a = u_alpha_2004(continuum_of(c["data"]), "c");
        CHECK(a.observed == Approx(0.014444).margin(1e-6));
        CHECK(a.expected == Approx(0.053222).margin(1e-6));
    }
}
