// Every coefficient for one ratings table (units x coders, blanks allowed), with the method note:
// what `tessera agreement --ratings table.csv` and the GUI's ratings view print.
#pragma once

#include <cstdint>
#include <string>

#include "agreement/coefficients.hpp"
#include "agreement/krippendorff.hpp"

namespace tessera::agreement {

struct RatingsOptions {
    Level level = Level::nominal;              ///< for Krippendorff's alpha
    std::size_t categories = 0;                ///< q for Brennan-Prediger and AC1; 0 = categories in the data
    std::size_t bootstrap_replicates = 10000;  ///< KALPHA bootstrap; 0 = no bootstrap
    std::uint64_t seed = 20071;
};

struct RatingsReport {
    std::size_t units = 0, coders = 0, categories = 0;
    std::size_t pairable_units = 0;  ///< units rated by >= 2 coders
    std::size_t q = 0;               ///< categories used for Brennan-Prediger and AC1
    Coefficient percent;             ///< pairwise percent agreement
    CohenKappa cohen;                ///< 2 coders only (undefined otherwise, with the reason)
    Coefficient scott_pi;            ///< 2 coders only
    Coefficient fleiss_kappa;        ///< complete data only
    Coefficient brennan_prediger;
    Coefficient gwet_ac1;
    AlphaBootstrap alpha;  ///< alpha at options.level with its KALPHA interval
    RatingsOptions options;
    std::string method;
};

/// Computes every coefficient that applies. Throws InvalidArgument for interval/ratio alpha on
/// non-numeric categories and when the table has fewer than 2 coders.
RatingsReport ratings_report(const RatingsTable& table, const RatingsOptions& options = {});

}  // namespace tessera::agreement
