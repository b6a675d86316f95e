// Kappa-family coefficients: percent agreement, Cohen's kappa (with SE/CI), Scott's pi,
// Brennan-Prediger, Gwet's AC1 and Fleiss' kappa, over ratings or 2-coder contingency tables.
#pragma once

#include <optional>

#include "agreement/ratings.hpp"
#include "agreement/result.hpp"

namespace tessera::agreement {

/// z for a two-sided 95 % interval.
inline constexpr double kZ95 = 1.959964;

/// Cohen's kappa with its Fleiss-Cohen-Everitt (1969) large-sample standard error.
struct CohenKappa {
    Coefficient kappa;
    std::optional<double> se;       ///< asymptotic SE (Fleiss, Cohen & Everitt 1969)
    std::optional<double> ci_low;   ///< kappa - 1.959964 SE
    std::optional<double> ci_high;  ///< kappa + 1.959964 SE
    std::optional<double> se0;      ///< SE under H0 (kappa = 0)
    std::optional<double> z;        ///< kappa / se0
    double n = 0.0;                 ///< units rated by both coders
};

/// Share of units on which both coders agree (P_o). Undefined when the table is empty.
Coefficient percent_agreement(const ContingencyTable& t);
/// Pairwise percent agreement over units rated by >= 2 coders (= Fleiss' P-bar, Gwet's p_a).
Coefficient percent_agreement(const RatingsTable& t);

/// Cohen's kappa (each coder's own marginals), SE, 95 % CI, SE0 and z.
/// Undefined (with reason) when the table is empty or P_e = 1.
CohenKappa cohen_kappa(const ContingencyTable& t);

/// Scott's pi (pooled marginals). Undefined when the table is empty or P_e = 1.
Coefficient scott_pi(const ContingencyTable& t);

/// Brennan-Prediger / Bennett's S: P_e = 1/q, q = categories available to the coders.
/// q = 0 means "the categories in the table" (say so when reporting). Undefined when q < 2 or empty.
Coefficient brennan_prediger(const ContingencyTable& t, std::size_t q = 0);
/// Multi-coder Brennan-Prediger (Randolph's free-marginal kappa) with pairwise P_o.
Coefficient brennan_prediger(const RatingsTable& t, std::size_t q = 0);

/// Gwet's AC1. q = 0 means the categories observed (as irrCAC). Undefined when q < 2 or empty.
Coefficient gwet_ac1(const ContingencyTable& t, std::size_t q = 0);
/// Multi-coder AC1 with missing values (p_a over units with r_u >= 2, pi_k over units with r_u >= 1).
Coefficient gwet_ac1(const RatingsTable& t, std::size_t q = 0);

/// Fleiss' kappa. Undefined when a rating is missing (every unit needs all m coders), m < 2,
/// there are no units, or P_e = 1.
Coefficient fleiss_kappa(const RatingsTable& t);

/// Holsti's CR = 2A / (N1 + N2). Undefined when N1 + N2 = 0.
Coefficient holsti(double agreements, double decisions_1, double decisions_2);

}  // namespace tessera::agreement
