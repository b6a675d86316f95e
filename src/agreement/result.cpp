// Text for coefficients: fixed-decimal values, "undefined (reason)", interpretation bands.
#include "agreement/result.hpp"

#include <cstdio>

namespace tessera::agreement {

std::string format_coefficient(const Coefficient& c, int decimals) {
    if (!c.defined()) return "undefined (" + c.reason + ")";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, *c.value);
    return buf;
}

std::string landis_koch(const Coefficient& c) {
    if (!c.defined()) return "undefined";
    const double v = *c.value;
    if (v < 0.0) return "poor";
    if (v <= 0.20) return "slight";
    if (v <= 0.40) return "fair";
    if (v <= 0.60) return "moderate";
    if (v <= 0.80) return "substantial";
    return "almost perfect";
}

std::string krippendorff_band(const Coefficient& c) {
    if (!c.defined()) return "undefined";
    if (*c.value >= 0.800) return "reliable";
    if (*c.value >= 0.667) return "tentative";
    return "discard";
}

}  // namespace tessera::agreement
