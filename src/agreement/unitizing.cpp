// Unitizing alphas over a continuum (agreement-methods.md §9): lengths of intersections play the
// part of pair counts, so nothing is expanded to characters and cost is linear in segments.
#include "agreement/unitizing.hpp"

#include <algorithm>
#include <cmath>

#include "util/error.hpp"

namespace tessera::agreement {

/*
** Invariants:
**  1. Each coder's continuum is a partition of [0, L) into pieces: valued units (value >= 1) and
**     gaps (value 0, maximal uncovered stretches). Within a coder, valued units never overlap.
**  2. l (observed coincidences) is symmetric and sums to m * L; l_ck counts intersection lengths
**     over ordered coder pairs, divided by (m - 1).
**  3. Valued units are never merged, even when adjacent with the same value (Krippendorff 2019).
**  4. A 0/0 coefficient is undefined with its reason, never 0 or 1.
*/

namespace {

constexpr double kEps = 1e-9;

struct Piece {
    std::int64_t start, end;
    std::size_t value;  // 0 = gap
    double length() const { return static_cast<double>(end - start); }
};

void validate(const Continuum& c) {
    if (c.coders.size() < 2) throw InvalidArgument("unitizing alpha needs at least 2 coders");
    if (c.length <= 0) throw InvalidArgument("unitizing alpha: continuum length must be positive");
    for (std::size_t i = 0; i < c.coders.size(); ++i)
        for (const auto& s : c.coders[i])
            if (s.start < 0 || s.end > c.length || s.end <= s.start)
                throw InvalidArgument("unitizing alpha: coder " + std::to_string(i + 1) + " has segment [" +
                                      std::to_string(s.start) + ", " + std::to_string(s.end) +
                                      ") outside the continuum [0, " + std::to_string(c.length) + ") or empty");
}

// Partition of one coder's continuum; `value_of` maps a segment to its value id (0 = treat as gap).
template <class ValueOf>
std::vector<Piece> partition(const std::vector<ValuedSegment>& segs, std::int64_t length, std::size_t coder,
                             ValueOf value_of) {
    std::vector<Piece> valued;
    for (const auto& s : segs) {
        const std::size_t v = value_of(s);
        if (v) valued.push_back({s.start, s.end, v});
    }
    std::sort(valued.begin(), valued.end(), [](const Piece& a, const Piece& b) { return a.start < b.start; });
    std::vector<Piece> out;
    std::int64_t pos = 0;
    for (const auto& p : valued) {
        if (p.start < pos)
            throw InvalidArgument("unitizing alpha: coder " + std::to_string(coder + 1) +
                                  " has overlapping units at position " + std::to_string(p.start) +
                                  " (units of one coder must not overlap)");
        if (p.start > pos) out.push_back({pos, p.start, 0});
        out.push_back(p);
        pos = p.end;
    }
    if (pos < length) out.push_back({pos, length, 0});
    return out;
}

// Calls f(piece_i_index, piece_j_index, overlap) for every intersecting pair of two partitions.
template <class F>
void intersect(const std::vector<Piece>& a, const std::vector<Piece>& b, F f) {
    std::size_t p = 0, q = 0;
    while (p < a.size() && q < b.size()) {
        const std::int64_t lo = std::max(a[p].start, b[q].start);
        const std::int64_t hi = std::min(a[p].end, b[q].end);
        if (hi > lo) f(p, q, static_cast<double>(hi - lo));
        if (a[p].end < b[q].end)
            ++p;
        else if (b[q].end < a[p].end)
            ++q;
        else {
            ++p;
            ++q;
        }
    }
}

// Expected coincidences e_ck = (l_c. l_.k - [c=k] S_c) / (l.. - sum S / l..).
std::vector<double> expected(const std::vector<double>& l, const std::vector<double>& s, std::size_t q) {
    std::vector<double> row(q, 0.0);
    double total = 0.0, s_total = 0.0;
    for (std::size_t c = 0; c < q; ++c) {
        for (std::size_t k = 0; k < q; ++k) row[c] += l[c * q + k];
        total += row[c];
        s_total += s[c];
    }
    std::vector<double> e(q * q, 0.0);
    const double denom = total > 0.0 ? total - s_total / total : 0.0;
    if (denom <= kEps) return e;
    for (std::size_t c = 0; c < q; ++c)
        for (std::size_t k = 0; k < q; ++k) e[c * q + k] = (row[c] * row[k] - (c == k ? s[c] : 0.0)) / denom;
    return e;
}

}  // namespace

const char* to_string(CuSelfPair c) {
    switch (c) {
        case CuSelfPair::pairwise:
            return "pairwise";
        case CuSelfPair::union_:
            return "union";
        case CuSelfPair::mass:
            return "mass";
    }
    return "pairwise";
}

UnitizingAlphas unitizing_alphas(const Continuum& c, CuSelfPair convention) {
    validate(c);
    UnitizingAlphas r;
    r.convention = convention;
    std::map<std::string, std::size_t> ids;
    std::vector<std::string> names{""};
    for (const auto& coder : c.coders)
        for (const auto& s : coder)
            if (ids.emplace(s.value, names.size()).second) names.push_back(s.value);
    const std::size_t q = names.size();
    const std::size_t m = c.coders.size();
    const double md = static_cast<double>(m);

    std::vector<std::vector<Piece>> parts;
    for (std::size_t i = 0; i < m; ++i)
        parts.push_back(partition(c.coders[i], c.length, i, [&](const ValuedSegment& s) { return ids.at(s.value); }));

    std::vector<double> l(q * q, 0.0);
    std::vector<double> s(q, 0.0), s_star(q, 0.0);
    for (std::size_t i = 0; i < m; ++i) {
        std::vector<double> mass(parts[i].size(), 0.0);  // sum_j |g ∩ V_j|
        for (std::size_t j = 0; j < m; ++j) {
            if (j == i) continue;
            std::vector<double> ov(parts[i].size(), 0.0);
            intersect(parts[i], parts[j], [&](std::size_t p, std::size_t qq, double len) {
                l[parts[i][p].value * q + parts[j][qq].value] += len / (md - 1.0);
                if (parts[i][p].value && parts[j][qq].value) ov[p] += len;
            });
            for (std::size_t p = 0; p < parts[i].size(); ++p) {
                mass[p] += ov[p];
                if (convention == CuSelfPair::pairwise && parts[i][p].value)
                    s_star[parts[i][p].value] += ov[p] * ov[p] / (md - 1.0);
            }
        }
        for (std::size_t p = 0; p < parts[i].size(); ++p) {
            const Piece& g = parts[i][p];
            s[g.value] += g.value ? g.length() * g.length() : g.length();
            if (!g.value) continue;
            if (convention == CuSelfPair::mass) s_star[g.value] += (mass[p] / (md - 1.0)) * (mass[p] / (md - 1.0));
            if (convention == CuSelfPair::union_) {
                std::vector<std::pair<std::int64_t, std::int64_t>> iv;
                for (std::size_t j = 0; j < m; ++j) {
                    if (j == i) continue;
                    for (const Piece& h : parts[j])
                        if (h.value && h.end > g.start && h.start < g.end)
                            iv.emplace_back(std::max(h.start, g.start), std::min(h.end, g.end));
                }
                std::sort(iv.begin(), iv.end());
                double u = 0.0;
                std::int64_t cur = g.start;
                for (const auto& [a, b] : iv) {
                    const std::int64_t lo = std::max(a, cur);
                    if (b > lo) {
                        u += static_cast<double>(b - lo);
                        cur = b;
                    }
                }
                s_star[g.value] += u * u;
            }
        }
    }
    const double total = md * static_cast<double>(c.length);

    // u-alpha (nominal over gap + values).
    {
        const std::vector<double> e = expected(l, s, q);
        double lo = 0.0, eo = 0.0;
        for (std::size_t k = 0; k < q; ++k) {
            lo += l[k * q + k];
            eo += e[k * q + k];
        }
        const double d_o = total - lo, d_e = total - eo;
        r.u_alpha =
            d_e > kEps ? Coefficient::of(1.0 - d_o / d_e, d_o / total, d_e / total)
                       : Coefficient::undefined("no variation: every coder's continuum is one value", d_o / total, 0.0);
    }
    // |u-alpha: values collapsed to "valued" (index 1) versus gap, units kept as identified.
    {
        std::vector<double> lb(4, 0.0), sb(2, 0.0);
        for (std::size_t c1 = 0; c1 < q; ++c1)
            for (std::size_t k = 0; k < q; ++k) lb[(c1 ? 1 : 0) * 2 + (k ? 1 : 0)] += l[c1 * q + k];
        sb[0] = s[0];
        for (std::size_t k = 1; k < q; ++k) sb[1] += s[k];
        const std::vector<double> e = expected(lb, sb, 2);
        const double d_o = lb[1] + lb[2], d_e = e[1] + e[2];
        r.binary_u_alpha = d_e > kEps ? Coefficient::of(1.0 - d_o / d_e, d_o / total, d_e / total)
                                      : Coefficient::undefined(
                                            "no variation between coded and uncoded text (no gaps, or nothing coded)",
                                            d_o / total, 0.0);
    }
    // cu-alpha and (k)u-alpha over the valued x valued part.
    {
        const std::size_t v = q - 1;
        std::vector<double> ls(v * v, 0.0), ss(v, 0.0);
        for (std::size_t c1 = 0; c1 < v; ++c1) {
            ss[c1] = s_star[c1 + 1];
            for (std::size_t k = 0; k < v; ++k) ls[c1 * v + k] = l[(c1 + 1) * q + (k + 1)];
        }
        double lstar = 0.0;
        for (double x : ls) lstar += x;
        r.coverage = lstar / total;
        const std::vector<double> e = expected(ls, ss, v);
        double d_o = 0.0, d_e = 0.0;
        for (std::size_t c1 = 0; c1 < v; ++c1)
            for (std::size_t k = 0; k < v; ++k)
                if (c1 != k) {
                    d_o += ls[c1 * v + k];
                    d_e += e[c1 * v + k];
                }
        if (lstar <= kEps)
            r.cu_alpha = Coefficient::undefined("no valued units of different coders intersect");
        else if (d_e <= kEps)
            r.cu_alpha =
                Coefficient::undefined("no variation: intersecting valued units all carry one value", d_o / lstar, 0.0);
        else
            r.cu_alpha = Coefficient::of(1.0 - d_o / d_e, d_o / lstar, d_e / lstar);
        for (std::size_t k = 0; k < v; ++k) {
            double lk = 0.0, ek = 0.0;
            for (std::size_t j = 0; j < v; ++j) {
                lk += ls[k * v + j];
                ek += e[k * v + j];
            }
            const double lkk = ls[k * v + k], ekk = e[k * v + k];
            Coefficient a;
            if (lk <= kEps)
                a = Coefficient::undefined("value never intersects another coder's valued unit");
            else if (ek - ekk <= kEps)
                a = Coefficient::undefined("no expected disagreement for this value");
            else
                a = Coefficient::of(1.0 - (ek / lk) * (lk - lkk) / (ek - ekk));
            r.ku_alpha.emplace(names[k + 1], a);
        }
    }
    return r;
}

Continuum map_values(const Continuum& c, const std::map<std::string, std::string>& map) {
    Continuum out = c;
    for (auto& coder : out.coders)
        for (auto& s : coder)
            if (auto it = map.find(s.value); it != map.end()) s.value = it->second;
    return out;
}

Continuum filter_values(const Continuum& c, const std::vector<std::string>& values) {
    Continuum out;
    out.length = c.length;
    for (const auto& coder : c.coders) {
        auto& o = out.coders.emplace_back();
        for (const auto& s : coder)
            if (std::find(values.begin(), values.end(), s.value) != values.end()) o.push_back(s);
    }
    return out;
}

namespace {

struct Terms2004 {
    double d_o = 0.0, d_e = 0.0;
};

Terms2004 terms_2004(const Continuum& c, const std::string& category) {
    const std::size_t m = c.coders.size();
    const double md = static_cast<double>(m);
    const double len = static_cast<double>(c.length);
    std::vector<std::vector<Piece>> parts;
    for (std::size_t i = 0; i < m; ++i)
        parts.push_back(partition(c.coders[i], c.length, i,
                                  [&](const ValuedSegment& s) -> std::size_t { return s.value == category ? 1 : 0; }));
    double obs = 0.0;
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < m; ++j) {
            if (i == j) continue;
            intersect(parts[i], parts[j], [&](std::size_t p, std::size_t q, double) {
                const Piece& g = parts[i][p];
                const Piece& h = parts[j][q];
                if (g.value && h.value) {
                    const double db = static_cast<double>(g.start - h.start), de = static_cast<double>(g.end - h.end);
                    obs += db * db + de * de;
                } else if (g.value && h.start <= g.start && g.end <= h.end) {
                    obs += g.length() * g.length();
                } else if (h.value && g.start <= h.start && h.end <= g.end) {
                    obs += h.length() * h.length();
                }
            });
        }
    Terms2004 t;
    t.d_o = obs / (md * (md - 1.0) * len * len);
    std::vector<double> valued, gaps;
    for (const auto& p : parts)
        for (const Piece& x : p) (x.value ? valued : gaps).push_back(x.length());
    const double nc = static_cast<double>(valued.size());
    double num = 0.0, self = 0.0;
    for (double lg : valued) {
        double fit = 0.0;
        for (double lh : gaps)
            if (lh >= lg) fit += lh - lg + 1.0;
        num += (nc - 1.0) * (2.0 * lg * lg * lg - 3.0 * lg * lg + lg) / 3.0 + lg * lg * fit;
        self += lg * (lg - 1.0);
    }
    const double denom = md * len * (md * len - 1.0) - self;
    t.d_e = denom > 0.0 ? (2.0 / len) * num / denom : 0.0;
    return t;
}

}  // namespace

Coefficient u_alpha_2004(const Continuum& c, const std::string& category) {
    validate(c);
    const Terms2004 t = terms_2004(c, category);
    if (t.d_e <= kEps)
        return Coefficient::undefined("no expected disagreement for category '" + category + "' (D_e = 0)", t.d_o, 0.0);
    return Coefficient::of(1.0 - t.d_o / t.d_e, t.d_o, t.d_e);
}

Coefficient u_alpha_2004_overall(const Continuum& c) {
    validate(c);
    std::vector<std::string> cats;
    for (const auto& coder : c.coders)
        for (const auto& s : coder)
            if (std::find(cats.begin(), cats.end(), s.value) == cats.end()) cats.push_back(s.value);
    if (cats.empty()) return Coefficient::undefined("no coder marked any unit");
    double d_o = 0.0, d_e = 0.0;
    for (const auto& cat : cats) {
        const Terms2004 t = terms_2004(c, cat);
        d_o += t.d_o;
        d_e += t.d_e;
    }
    d_o /= static_cast<double>(cats.size());
    d_e /= static_cast<double>(cats.size());
    if (d_e <= kEps) return Coefficient::undefined("no expected disagreement (D_e = 0)", d_o, 0.0);
    return Coefficient::of(1.0 - d_o / d_e, d_o, d_e);
}

}  // namespace tessera::agreement
