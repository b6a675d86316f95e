// Krippendorff's alpha (nominal, ordinal, interval, ratio; missing values) and the KALPHA bootstrap.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "agreement/ratings.hpp"
#include "agreement/result.hpp"

namespace tessera::agreement {

/*
** Invariants of Coincidences:
**  1. o has q*q entries, symmetric: o[c*q+k] == o[k*q+c] (up to rounding).
**  2. Only units with >= 2 values contribute; each contributes m_u values in total.
**  3. values[k] is the numeric value of category k (NaN for non-numeric labels); ranks are k.
*/
struct Coincidences {
    std::size_t q = 0;
    std::vector<double> o;       ///< coincidence matrix o_ck
    std::vector<double> values;  ///< numeric value per category (interval/ratio metrics)
    double pairs = 0.0;          ///< P = sum_u m_u (m_u - 1) / 2, pairs of values in the data
    std::size_t coders = 0;      ///< m (columns of the data), for the bootstrap sample size

    double at(std::size_t c, std::size_t k) const { return o[c * q + k]; }
    /// n = sum of all cells (pairable values).
    double total() const;
};

/// Coincidences of a ratings table (units with a single value are dropped).
Coincidences coincidences(const RatingsTable& t);
/// Coincidences of a complete 2-coder table: o = T + T'. Categories are 0..q-1 with value = index.
Coincidences coincidences(const ContingencyTable& t);

/// delta^2 between categories c and k for the level (ordinal uses the coincidence marginals).
/// Throws InvalidArgument for interval/ratio when a category has no numeric value.
std::vector<double> alpha_metric(const Coincidences& co, Level level);

/// Krippendorff's alpha = 1 - D_o / D_e. Undefined when no unit has >= 2 values (n = 0) or when
/// D_e = 0 (no variation). Throws InvalidArgument for interval/ratio on non-numeric categories.
Coefficient krippendorff_alpha(const Coincidences& co, Level level = Level::nominal);
/// Convenience overload over a ratings table.
Coefficient krippendorff_alpha(const RatingsTable& t, Level level = Level::nominal);

/// Result of the Hayes & Krippendorff (2007) bootstrap (KALPHA macro v3.0 algorithm).
struct AlphaBootstrap {
    Coefficient alpha;              ///< the point estimate
    std::optional<double> ci_low;   ///< 2.5 % percentile of the replicates
    std::optional<double> ci_high;  ///< 97.5 % percentile
    std::optional<double> mean;     ///< mean of the replicates
    std::size_t replicates = 0;
    std::size_t draws_per_replicate = 0;  ///< M in the macro
    std::uint64_t seed = 0;
    /// (alpha_min, share of replicates below it) for .9, .8, .7, .667, .6, .5.
    std::vector<std::pair<double, double>> q_failure;
};

/// KALPHA bootstrap: D_e fixed, pairs drawn from o. Reproducible for a given seed on every platform.
/// Returns alpha undefined (and no interval) when alpha is undefined. Throws InvalidArgument when
/// replicates < 100.
AlphaBootstrap alpha_bootstrap(const RatingsTable& t, Level level, std::size_t replicates = 10000,
                               std::uint64_t seed = 20071);

/// Unit-level (cluster) bootstrap, NOT the KALPHA algorithm: resample units with replacement and
/// recompute alpha; percentile 95 % CI. Wider intervals; label it as such when shown.
AlphaBootstrap alpha_unit_bootstrap(const RatingsTable& t, Level level, std::size_t replicates = 2000,
                                    std::uint64_t seed = 20071);

}  // namespace tessera::agreement
