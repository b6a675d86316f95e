// Kappa-family coefficients (agreement-methods.md §1-6): each is (P_o - P_e) / (1 - P_e).
#include "agreement/coefficients.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace tessera::agreement {

/*
** Invariants:
**  1. P_e >= 1 - kEps is treated as P_e = 1: the coefficient is undefined (0/0), never 0 or 1.
**  2. Only units rated by both coders enter a contingency table; only units rated by >= 2
**     coders enter a pairwise P_o.
**  3. q for Brennan-Prediger and AC1 is the declared number of categories when given, otherwise
**     the number of categories in the data; it must be >= 2.
*/

namespace {

constexpr double kEps = 1e-12;

Coefficient chance_corrected(double po, double pe, const char* what) {
    if (pe >= 1.0 - kEps)
        return Coefficient::undefined(std::string("no variation: chance agreement P_e = 1, so ") + what +
                                          " is 0/0 (every rating in one category)",
                                      po, pe);
    return Coefficient::of((po - pe) / (1.0 - pe), po, pe);
}

struct Marginals {
    std::vector<double> row, col;  // shares
    double n = 0.0;
    double po = 0.0;
};

Marginals marginals(const ContingencyTable& t) {
    Marginals m;
    m.n = t.total();
    m.row.assign(t.q, 0.0);
    m.col.assign(t.q, 0.0);
    if (m.n <= 0.0) return m;
    for (std::size_t i = 0; i < t.q; ++i)
        for (std::size_t j = 0; j < t.q; ++j) {
            const double p = t.at(i, j) / m.n;
            m.row[i] += p;
            m.col[j] += p;
            if (i == j) m.po += p;
        }
    return m;
}

std::size_t used_categories(const Marginals& m) {
    std::size_t q = 0;
    for (std::size_t k = 0; k < m.row.size(); ++k) q += (m.row[k] + m.col[k]) > 0.0;
    return q;
}

const char* kEmpty = "no units were rated by both coders";

}  // namespace

Coefficient percent_agreement(const ContingencyTable& t) {
    const Marginals m = marginals(t);
    if (m.n <= 0.0) return Coefficient::undefined(kEmpty);
    return Coefficient::of(m.po, m.po, 0.0);
}

namespace {

// Pairwise agreement and unit counts over a ratings table (units with r_u >= 2).
struct Pairwise {
    double po = 0.0;
    std::size_t pairable_units = 0;
};

Pairwise pairwise(const RatingsTable& t) {
    Pairwise p;
    std::vector<double> nk(t.categories());
    double sum = 0.0;
    for (std::size_t u = 0; u < t.units(); ++u) {
        std::fill(nk.begin(), nk.end(), 0.0);
        double r = 0.0;
        for (std::size_t c = 0; c < t.coders(); ++c) {
            const auto v = t.cell(u, c);
            if (v == RatingsTable::kMissing) continue;
            nk[static_cast<std::size_t>(v)] += 1.0;
            r += 1.0;
        }
        if (r < 2.0) continue;
        double agree = 0.0;
        for (double x : nk) agree += x * (x - 1.0);
        sum += agree / (r * (r - 1.0));
        ++p.pairable_units;
    }
    if (p.pairable_units > 0) p.po = sum / static_cast<double>(p.pairable_units);
    return p;
}

}  // namespace

Coefficient percent_agreement(const RatingsTable& t) {
    const Pairwise p = pairwise(t);
    if (p.pairable_units == 0) return Coefficient::undefined("no unit was rated by two or more coders");
    return Coefficient::of(p.po, p.po, 0.0);
}

CohenKappa cohen_kappa(const ContingencyTable& t) {
    CohenKappa r;
    const Marginals m = marginals(t);
    r.n = m.n;
    if (m.n <= 0.0) {
        r.kappa = Coefficient::undefined(kEmpty);
        return r;
    }
    double pe = 0.0;
    for (std::size_t k = 0; k < t.q; ++k) pe += m.row[k] * m.col[k];
    r.kappa = chance_corrected(m.po, pe, "Cohen's kappa");
    if (!r.kappa.defined()) return r;
    const double kappa = *r.kappa.value;
    const double denom = m.n * (1.0 - pe) * (1.0 - pe);
    // Fleiss, Cohen & Everitt (1969), as statsmodels cohens_kappa and R psych/vcd.
    double a = 0.0, b = 0.0;
    for (std::size_t i = 0; i < t.q; ++i)
        for (std::size_t j = 0; j < t.q; ++j) {
            const double pij = t.at(i, j) / m.n;
            if (pij == 0.0) continue;
            if (i == j) {
                const double x = 1.0 - (m.row[i] + m.col[i]) * (1.0 - kappa);
                a += pij * x * x;
            } else {
                const double x = m.col[i] + m.row[j];
                b += pij * x * x;
            }
        }
    const double c = kappa - pe * (1.0 - kappa);
    const double var = (a + (1.0 - kappa) * (1.0 - kappa) * b - c * c) / denom;
    r.se = std::sqrt(std::max(0.0, var));
    r.ci_low = kappa - kZ95 * *r.se;
    r.ci_high = kappa + kZ95 * *r.se;
    double s = 0.0;
    for (std::size_t k = 0; k < t.q; ++k) s += m.row[k] * m.col[k] * (m.row[k] + m.col[k]);
    const double var0 = (pe + pe * pe - s) / denom;
    r.se0 = std::sqrt(std::max(0.0, var0));
    if (*r.se0 > 0.0) r.z = kappa / *r.se0;
    return r;
}

Coefficient scott_pi(const ContingencyTable& t) {
    const Marginals m = marginals(t);
    if (m.n <= 0.0) return Coefficient::undefined(kEmpty);
    double pe = 0.0;
    for (std::size_t k = 0; k < t.q; ++k) {
        const double pk = (m.row[k] + m.col[k]) / 2.0;
        pe += pk * pk;
    }
    return chance_corrected(m.po, pe, "Scott's pi");
}

namespace {

Coefficient free_marginal(double po, std::size_t q, const char* what) {
    if (q < 2)
        return Coefficient::undefined(std::string(what) + " needs at least 2 categories (q = " + std::to_string(q) +
                                          "); declare the number of categories in the code system",
                                      po, 1.0);
    return chance_corrected(po, 1.0 / static_cast<double>(q), what);
}

}  // namespace

Coefficient brennan_prediger(const ContingencyTable& t, std::size_t q) {
    const Marginals m = marginals(t);
    if (m.n <= 0.0) return Coefficient::undefined(kEmpty);
    return free_marginal(m.po, q ? q : used_categories(m), "Brennan-Prediger kappa");
}

Coefficient brennan_prediger(const RatingsTable& t, std::size_t q) {
    const Pairwise p = pairwise(t);
    if (p.pairable_units == 0) return Coefficient::undefined("no unit was rated by two or more coders");
    return free_marginal(p.po, q ? q : t.categories(), "Brennan-Prediger kappa");
}

namespace {

Coefficient ac1(double pa, const std::vector<double>& pi, std::size_t q) {
    if (q < 2)
        return Coefficient::undefined(
            "Gwet's AC1 needs at least 2 categories (q = " + std::to_string(q) +
                "): chance agreement is 0/0; declare the number of categories in the code system",
            pa, 1.0);
    double s = 0.0;
    for (double p : pi) s += p * (1.0 - p);
    const double pe = s / static_cast<double>(q - 1);
    return chance_corrected(pa, pe, "Gwet's AC1");
}

}  // namespace

Coefficient gwet_ac1(const ContingencyTable& t, std::size_t q) {
    const Marginals m = marginals(t);
    if (m.n <= 0.0) return Coefficient::undefined(kEmpty);
    std::vector<double> pi(t.q);
    for (std::size_t k = 0; k < t.q; ++k) pi[k] = (m.row[k] + m.col[k]) / 2.0;
    return ac1(m.po, pi, q ? q : used_categories(m));
}

Coefficient gwet_ac1(const RatingsTable& t, std::size_t q) {
    const Pairwise p = pairwise(t);
    if (p.pairable_units == 0) return Coefficient::undefined("no unit was rated by two or more coders");
    std::vector<double> pi(t.categories(), 0.0);
    std::size_t rated_units = 0;
    for (std::size_t u = 0; u < t.units(); ++u) {
        const double r = static_cast<double>(t.rated(u));
        if (r < 1.0) continue;
        ++rated_units;
        for (std::size_t c = 0; c < t.coders(); ++c) {
            const auto v = t.cell(u, c);
            if (v != RatingsTable::kMissing) pi[static_cast<std::size_t>(v)] += 1.0 / r;
        }
    }
    for (double& x : pi) x /= static_cast<double>(rated_units);
    return ac1(p.po, pi, q ? q : t.categories());
}

Coefficient fleiss_kappa(const RatingsTable& t) {
    const std::size_t m = t.coders();
    if (m < 2) return Coefficient::undefined("Fleiss' kappa needs at least 2 coders");
    if (t.units() == 0) return Coefficient::undefined("there are no units");
    for (std::size_t u = 0; u < t.units(); ++u)
        if (t.rated(u) != m)
            return Coefficient::undefined("unit " + std::to_string(u + 1) +
                                          " has a missing rating; Fleiss' kappa needs every coder to rate every "
                                          "unit (use Krippendorff's alpha or Gwet's AC1)");
    std::vector<double> pk(t.categories(), 0.0);
    for (std::size_t u = 0; u < t.units(); ++u)
        for (std::size_t c = 0; c < m; ++c) pk[static_cast<std::size_t>(t.cell(u, c))] += 1.0;
    const double total = static_cast<double>(t.units() * m);
    double pe = 0.0;
    for (double x : pk) pe += (x / total) * (x / total);
    return chance_corrected(pairwise(t).po, pe, "Fleiss' kappa");
}

Coefficient holsti(double agreements, double decisions_1, double decisions_2) {
    const double d = decisions_1 + decisions_2;
    if (d <= 0.0) return Coefficient::undefined("neither coder made a coding decision");
    return Coefficient::of(2.0 * agreements / d, 2.0 * agreements / d, 0.0);
}

}  // namespace tessera::agreement
