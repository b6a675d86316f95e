// Krippendorff's unitizing alphas over a continuum: the 2016/2019 family (u-alpha, |u-alpha,
// cu-alpha, (k)u-alpha; as ATLAS.ti reports them) and the older per-category 1995/2004 u-alpha.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "agreement/result.hpp"

namespace tessera::agreement {

/// A valued stretch [start, end) of the continuum (code points), with its value (code label).
struct ValuedSegment {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string value;
};

/// The continuum [0, length) and each coder's valued segments (any order).
struct Continuum {
    std::int64_t length = 0;
    std::vector<std::vector<ValuedSegment>> coders;
};

/// How cu-alpha removes self-pairs of a valued unit when 3+ coders are compared (the literature is
/// open; agreement-methods.md §9b). For 2 coders all three are the same.
enum class CuSelfPair {
    pairwise,  ///< (1/(m-1)) sum_{j!=i} |g ∩ V_j|^2  — Tessera's default (Mathet et al. 2016 Python)
    union_,    ///< |g ∩ union_{j!=i} V_j|^2           — quallmer's reading of Krippendorff 2019
    mass,      ///< (sum_j |g ∩ V_j| / (m-1))^2
};

/// "pairwise", "union", "mass".
const char* to_string(CuSelfPair c);

/// The 2016/2019 unitizing family for one continuum.
struct UnitizingAlphas {
    Coefficient u_alpha;                          ///< u-alpha: identification and coding together (nominal)
    Coefficient binary_u_alpha;                   ///< |u-alpha: valued vs gap (ATLAS.ti "alpha-binary")
    Coefficient cu_alpha;                         ///< cu-alpha: values where valued units intersect
    double coverage = 0.0;                        ///< l*.. / l..: share of the pairable length cu-alpha rests on
    std::map<std::string, Coefficient> ku_alpha;  ///< (k)u-alpha per value
    CuSelfPair convention = CuSelfPair::pairwise;
};

/// Computes u-alpha, |u-alpha, cu-alpha and (k)u-alpha. Throws InvalidArgument when there are
/// fewer than 2 coders, the length is not positive, a segment lies outside [0, length) or is empty,
/// or one coder's segments overlap (within a coder, units must not overlap: merge them or split
/// codes into mutually exclusive semantic domains first).
UnitizingAlphas unitizing_alphas(const Continuum& c, CuSelfPair convention = CuSelfPair::pairwise);

/// Returns a copy with every value replaced by map[value] (values missing from map are kept):
/// code -> semantic domain gives ATLAS.ti's Cu-alpha through unitizing_alphas().cu_alpha.
Continuum map_values(const Continuum& c, const std::map<std::string, std::string>& map);

/// Keeps only segments whose value is in `values` (e.g. one semantic domain for ATLAS.ti's cu-alpha,
/// or one code for its alpha-binary).
Continuum filter_values(const Continuum& c, const std::vector<std::string>& values);

/// Krippendorff (1995/2004) per-category unitizing alpha (DKPro's implementation): segments of
/// `category` are valued, everything else is gap; segments of other categories may overlap.
/// Undefined when D_e = 0. Throws InvalidArgument as unitizing_alphas (overlap only within the category).
Coefficient u_alpha_2004(const Continuum& c, const std::string& category);

/// DKPro's overall value: 1 - mean_c D_o(c) / mean_c D_e(c) over every category present.
Coefficient u_alpha_2004_overall(const Continuum& c);

}  // namespace tessera::agreement
