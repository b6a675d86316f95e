// Krippendorff's alpha via the coincidence matrix (agreement-methods.md §7) and its bootstraps (§8).
#include "agreement/krippendorff.hpp"

#include <algorithm>
#include <cmath>
#include <random>

#include "util/error.hpp"

namespace tessera::agreement {

/*
** Invariants:
**  1. alpha = 1 - (n - 1) * sum(o_ck d_ck) / sum(n_c n_k d_ck); undefined when n = 0 or when
**     sum(n_c n_k d_ck) = 0 (D_e = 0: no variation), never 1 (NLTK's convention) or 0.
**  2. The bootstrap keeps D_e fixed at the data's value (KALPHA v3.0); replicates are clamped
**     to [-1, 1] from below only (alpha* < -1 becomes -1).
**  3. Random numbers come from std::mt19937_64 (fully specified by the standard) mapped to
**     doubles by hand, so a seed gives the same interval on every platform.
*/

namespace {

constexpr double kEps = 1e-12;

double unit_uniform(std::mt19937_64& rng) {
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

Coincidences coincidences_of_units(const RatingsTable& t, const std::vector<std::size_t>& units) {
    Coincidences co;
    co.q = t.categories();
    co.coders = t.coders();
    co.o.assign(co.q * co.q, 0.0);
    co.values.resize(co.q);
    for (std::size_t k = 0; k < co.q; ++k) co.values[k] = t.number(k);
    std::vector<double> nk(co.q);
    std::vector<std::size_t> present;
    for (std::size_t u : units) {
        std::fill(nk.begin(), nk.end(), 0.0);
        present.clear();
        double mu = 0.0;
        for (std::size_t c = 0; c < t.coders(); ++c) {
            const auto v = t.cell(u, c);
            if (v == RatingsTable::kMissing) continue;
            if (nk[static_cast<std::size_t>(v)] == 0.0) present.push_back(static_cast<std::size_t>(v));
            nk[static_cast<std::size_t>(v)] += 1.0;
            mu += 1.0;
        }
        if (mu < 2.0) continue;
        co.pairs += mu * (mu - 1.0) / 2.0;
        for (std::size_t c : present)
            for (std::size_t k : present)
                co.o[c * co.q + k] += (c == k ? nk[c] * (nk[c] - 1.0) : nk[c] * nk[k]) / (mu - 1.0);
    }
    return co;
}

std::vector<double> marginals(const Coincidences& co) {
    std::vector<double> n(co.q, 0.0);
    for (std::size_t c = 0; c < co.q; ++c)
        for (std::size_t k = 0; k < co.q; ++k) n[c] += co.at(c, k);
    return n;
}

}  // namespace

double Coincidences::total() const {
    double n = 0.0;
    for (double x : o) n += x;
    return n;
}

Coincidences coincidences(const RatingsTable& t) {
    std::vector<std::size_t> all(t.units());
    for (std::size_t u = 0; u < all.size(); ++u) all[u] = u;
    return coincidences_of_units(t, all);
}

Coincidences coincidences(const ContingencyTable& t) {
    Coincidences co;
    co.q = t.q;
    co.coders = 2;
    co.o.assign(t.q * t.q, 0.0);
    co.values.resize(t.q);
    for (std::size_t c = 0; c < t.q; ++c) {
        co.values[c] = static_cast<double>(c);
        for (std::size_t k = 0; k < t.q; ++k) co.o[c * t.q + k] = t.at(c, k) + t.at(k, c);
    }
    co.pairs = t.total();
    return co;
}

std::vector<double> alpha_metric(const Coincidences& co, Level level) {
    const std::size_t q = co.q;
    std::vector<double> d(q * q, 0.0);
    const std::vector<double> n = marginals(co);
    if ((level == Level::interval || level == Level::ratio))
        for (std::size_t k = 0; k < q; ++k)
            if (!std::isfinite(co.values[k]))
                throw InvalidArgument(std::string("Krippendorff's alpha at the ") + to_string(level) +
                                      " level needs numeric values; category " + std::to_string(k + 1) +
                                      " is not a number");
    for (std::size_t c = 0; c < q; ++c)
        for (std::size_t k = 0; k < q; ++k) {
            if (c == k) continue;
            double v = 0.0;
            switch (level) {
                case Level::nominal:
                    v = 1.0;
                    break;
                case Level::ordinal: {
                    const std::size_t lo = std::min(c, k), hi = std::max(c, k);
                    double s = 0.0;
                    for (std::size_t g = lo; g <= hi; ++g) s += n[g];
                    s -= (n[c] + n[k]) / 2.0;
                    v = s * s;
                    break;
                }
                case Level::interval:
                    v = (co.values[c] - co.values[k]) * (co.values[c] - co.values[k]);
                    break;
                case Level::ratio: {
                    const double sum = co.values[c] + co.values[k];
                    v = sum == 0.0 ? 0.0
                                   : ((co.values[c] - co.values[k]) / sum) * ((co.values[c] - co.values[k]) / sum);
                    break;
                }
            }
            d[c * q + k] = v;
        }
    return d;
}

Coefficient krippendorff_alpha(const Coincidences& co, Level level) {
    const double n = co.total();
    if (n <= 0.0) return Coefficient::undefined("no unit has two or more values (n = 0 pairable values)");
    const std::vector<double> d = alpha_metric(co, level);
    const std::vector<double> nc = marginals(co);
    double obs = 0.0, exp = 0.0;
    for (std::size_t c = 0; c < co.q; ++c)
        for (std::size_t k = 0; k < co.q; ++k) {
            obs += co.at(c, k) * d[c * co.q + k];
            exp += nc[c] * nc[k] * d[c * co.q + k];
        }
    const double d_o = obs / n;
    if (n < 2.0 || exp <= kEps * n * n)
        return Coefficient::undefined("no variation: expected disagreement D_e = 0 (every value the same)", d_o, 0.0);
    const double d_e = exp / (n * (n - 1.0));
    return Coefficient::of(1.0 - d_o / d_e, d_o, d_e);
}

Coefficient krippendorff_alpha(const RatingsTable& t, Level level) {
    return krippendorff_alpha(coincidences(t), level);
}

namespace {

constexpr double kAlphaMins[] = {0.9, 0.8, 0.7, 0.667, 0.6, 0.5};

void summarise(AlphaBootstrap& r, std::vector<double>& reps) {
    std::sort(reps.begin(), reps.end());
    const std::size_t b = reps.size();
    if (b == 0) return;
    double sum = 0.0;
    for (double x : reps) sum += x;
    r.mean = sum / static_cast<double>(b);
    // 1-based (floor(.025B), floor(.975B) + 1), as the macro.
    const auto lo = static_cast<std::size_t>(std::floor(0.025 * static_cast<double>(b)));
    const auto hi = static_cast<std::size_t>(std::floor(0.975 * static_cast<double>(b))) + 1;
    r.ci_low = reps[std::clamp<std::size_t>(lo, 1, b) - 1];
    r.ci_high = reps[std::clamp<std::size_t>(hi, 1, b) - 1];
    for (double amin : kAlphaMins) {
        const auto below = std::lower_bound(reps.begin(), reps.end(), amin) - reps.begin();
        r.q_failure.emplace_back(amin, static_cast<double>(below) / static_cast<double>(b));
    }
}

}  // namespace

AlphaBootstrap alpha_bootstrap(const RatingsTable& t, Level level, std::size_t replicates, std::uint64_t seed) {
    if (replicates < 100) throw InvalidArgument("alpha bootstrap: at least 100 replicates are needed");
    AlphaBootstrap r;
    r.seed = seed;
    const Coincidences co = coincidences(t);
    r.alpha = krippendorff_alpha(co, level);
    if (!r.alpha.defined()) return r;
    const double n = co.total();
    const double d_e = r.alpha.expected;
    const std::vector<double> d = alpha_metric(co, level);

    // Unordered pairs {c, k}, c <= k, with probability o_cc / n or 2 o_ck / n.
    std::vector<double> cdf, delta;
    std::size_t nonzero = 0, nonzero_diagonal = 0;
    double acc = 0.0;
    for (std::size_t c = 0; c < co.q; ++c)
        for (std::size_t k = c; k < co.q; ++k) {
            const double w = c == k ? co.at(c, c) : 2.0 * co.at(c, k);
            if (co.at(c, k) > 0.0) nonzero += c == k ? 1 : 2;
            if (c == k && co.at(c, c) > 0.0) ++nonzero_diagonal;
            if (w <= 0.0) continue;
            acc += w / n;
            cdf.push_back(acc);
            delta.push_back(d[c * co.q + k]);
        }
    const double m = static_cast<double>(co.coders);
    const auto draws = static_cast<std::size_t>(
        std::max(1.0, std::min(25.0 * static_cast<double>(nonzero), std::floor((m - 1.0) * n / 2.0))));
    r.draws_per_replicate = draws;
    r.replicates = replicates;

    std::mt19937_64 rng(seed);
    std::vector<double> reps;
    reps.reserve(replicates);
    std::size_t ones = 0;
    for (std::size_t b = 0; b < replicates; ++b) {
        double s = 0.0;
        for (std::size_t i = 0; i < draws; ++i) {
            const double u = unit_uniform(rng) * acc;
            const auto it = std::upper_bound(cdf.begin(), cdf.end(), u);
            s += delta[std::min<std::size_t>(static_cast<std::size_t>(it - cdf.begin()), delta.size() - 1)];
        }
        double a = 1.0 - s / (static_cast<double>(draws) * d_e);
        a = std::max(a, -1.0);
        if (a == 1.0 && nonzero_diagonal == 1) a = 0.0;
        if (a == 1.0) ++ones;
        reps.push_back(a);
    }
    // Small-sample correction (step 7): some perfect replicates become 0.
    double p_all_same = 0.0;
    for (std::size_t c = 0; c < co.q; ++c) p_all_same += std::pow(co.at(c, c) / n, co.pairs);
    auto nx = static_cast<std::size_t>(std::llround(static_cast<double>(replicates) * p_all_same));
    nx = std::min(nx, ones);
    for (double& a : reps) {
        if (nx == 0) break;
        if (a == 1.0) {
            a = 0.0;
            --nx;
        }
    }
    summarise(r, reps);
    return r;
}

AlphaBootstrap alpha_unit_bootstrap(const RatingsTable& t, Level level, std::size_t replicates, std::uint64_t seed) {
    if (replicates < 100) throw InvalidArgument("alpha bootstrap: at least 100 replicates are needed");
    AlphaBootstrap r;
    r.seed = seed;
    r.alpha = krippendorff_alpha(t, level);
    if (!r.alpha.defined() || t.units() == 0) return r;
    r.replicates = replicates;
    r.draws_per_replicate = t.units();
    std::mt19937_64 rng(seed);
    std::vector<std::size_t> sample(t.units());
    std::vector<double> reps;
    reps.reserve(replicates);
    for (std::size_t b = 0; b < replicates; ++b) {
        for (auto& u : sample)
            u = std::min(t.units() - 1, static_cast<std::size_t>(unit_uniform(rng) * static_cast<double>(t.units())));
        const Coefficient a = krippendorff_alpha(coincidences_of_units(t, sample), level);
        if (a.defined()) reps.push_back(*a.value);  // undefined replicates carry no information
    }
    summarise(r, reps);
    return r;
}

}  // namespace tessera::agreement
