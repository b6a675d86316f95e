// Result types shared by every agreement coefficient: a value or an explicit "undefined" reason.
#pragma once

#include <optional>
#include <string>

namespace tessera::agreement {

/*
** Invariants of a Coefficient:
**  1. Exactly one of value / reason is set: value.has_value() == reason.empty().
**  2. An undefined case (0/0, no pairable values, nothing to compare) never carries a value;
**     callers print the reason, never a fake 0 or 1 (agreement-methods.md §10).
**  3. observed and expected hold the two terms the value was formed from (P_o and P_e for
**     kappa-type coefficients, D_o and D_e for alpha-type ones), when they could be computed.
*/
struct Coefficient {
    std::optional<double> value;
    std::string reason;     ///< why the value is undefined; empty when defined
    double observed = 0.0;  ///< P_o (kappa family) or D_o (alpha family)
    double expected = 0.0;  ///< P_e (kappa family) or D_e (alpha family)

    bool defined() const { return value.has_value(); }

    /// A defined coefficient.
    static Coefficient of(double v, double observed = 0.0, double expected = 0.0) {
        Coefficient c;
        c.value = v;
        c.observed = observed;
        c.expected = expected;
        return c;
    }
    /// An undefined coefficient with the reason shown to the user.
    static Coefficient undefined(std::string why, double observed = 0.0, double expected = 0.0) {
        Coefficient c;
        c.reason = std::move(why);
        c.observed = observed;
        c.expected = expected;
        return c;
    }
};

/// "0.7434" style text, or "undefined (<reason>)".
std::string format_coefficient(const Coefficient& c, int decimals = 4);

/// Landis & Koch (1977) band for kappa-type values: "poor", "slight", "fair", "moderate",
/// "substantial", "almost perfect"; "undefined" when c is undefined.
std::string landis_koch(const Coefficient& c);

/// Krippendorff's guidance for alpha: "reliable" (>= .800), "tentative" (>= .667), "discard";
/// "undefined" when c is undefined.
std::string krippendorff_band(const Coefficient& c);

}  // namespace tessera::agreement
