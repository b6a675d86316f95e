// Character and segment unit builders: sorted-interval sweeps, linear in the number of spans.
#include "agreement/units.hpp"

#include <algorithm>

#include "agreement/coefficients.hpp"
#include "util/error.hpp"

namespace tessera::agreement {

/*
** Invariants:
**  1. After normalise_spans, spans are sorted, non-empty, and pairwise separated (end < next start),
**     so their total length is the number of characters covered.
**  2. Character counts satisfy both + only_a + only_b + neither == length of the document.
**  3. Segment matching compares same-code segments only; each segment is checked once per
**     direction, so a matched pair adds 2 agreeing segments (MAXQDA counts both coders' segments).
*/

void normalise_spans(std::vector<Span>& spans) {
    std::erase_if(spans, [](const Span& s) { return s.empty(); });
    std::sort(spans.begin(), spans.end(), [](const Span& x, const Span& y) { return x.start < y.start; });
    std::size_t out = 0;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        if (out > 0 && spans[i].start <= spans[out - 1].end) {
            spans[out - 1].end = std::max(spans[out - 1].end, spans[i].end);
        } else {
            spans[out++] = spans[i];
        }
    }
    spans.resize(out);
}

namespace {

std::int64_t covered(const std::vector<Span>& s) {
    std::int64_t n = 0;
    for (const auto& x : s) n += x.length();
    return n;
}

// Length of the intersection of two normalised span lists (merge walk).
std::int64_t intersection(const std::vector<Span>& a, const std::vector<Span>& b) {
    std::int64_t n = 0;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const std::int64_t lo = std::max(a[i].start, b[j].start);
        const std::int64_t hi = std::min(a[i].end, b[j].end);
        if (hi > lo) n += hi - lo;
        if (a[i].end < b[j].end)
            ++i;
        else
            ++j;
    }
    return n;
}

void check_range(const std::vector<Span>& s, std::int64_t length, const char* who) {
    for (const auto& x : s)
        if (x.start < 0 || x.end > length)
            throw InvalidArgument(std::string("character units: ") + who + "'s span [" + std::to_string(x.start) +
                                  ", " + std::to_string(x.end) + ") lies outside the document [0, " +
                                  std::to_string(length) + ")");
}

}  // namespace

BinaryCounts character_counts(std::vector<Span> a, std::vector<Span> b, std::int64_t length) {
    normalise_spans(a);
    normalise_spans(b);
    check_range(a, length, "coder A");
    check_range(b, length, "coder B");
    const std::int64_t na = covered(a), nb = covered(b), both = intersection(a, b);
    BinaryCounts c;
    c.both = static_cast<double>(both);
    c.only_a = static_cast<double>(na - both);
    c.only_b = static_cast<double>(nb - both);
    c.neither = static_cast<double>(length - na - nb + both);
    return c;
}

Coefficient nvivo_percentage_agreement(const BinaryCounts& c) {
    if (c.total() <= 0.0) return Coefficient::undefined("the source has no characters");
    const double pa = 100.0 * (c.both + c.neither) / c.total();
    return Coefficient::of(pa, pa, 0.0);
}

Coefficient nvivo_kappa(const BinaryCounts& c) {
    if (c.total() > 0.0 && c.both == 0.0 && c.only_a == 0.0 && c.only_b == 0.0)
        return Coefficient::of(1.0, 1.0, 1.0);  // NVivo: neither user coded the source at the node
    return cohen_kappa(c.table()).kappa;
}

std::vector<SegmentCheck> check_segments(const std::vector<Span>& a_in, const std::vector<Span>& b_in,
                                         double min_overlap) {
    if (!(min_overlap > 0.0 && min_overlap <= 1.0))
        throw InvalidArgument("segment units: minimum overlap must be in (0, 1], got " + std::to_string(min_overlap));
    auto by_start = [](const Span& x, const Span& y) { return x.start != y.start ? x.start < y.start : x.end < y.end; };
    std::vector<Span> a = a_in, b = b_in;
    std::sort(a.begin(), a.end(), by_start);
    a.erase(std::unique(a.begin(), a.end()), a.end());
    std::sort(b.begin(), b.end(), by_start);
    b.erase(std::unique(b.begin(), b.end()), b.end());
    // prefix_end[j] = max end of b[0..j]: the first j with prefix_end > s.start may overlap s.
    std::vector<std::int64_t> prefix_end(b.size());
    std::int64_t mx = INT64_MIN;
    for (std::size_t j = 0; j < b.size(); ++j) prefix_end[j] = mx = std::max(mx, b[j].end);
    std::vector<SegmentCheck> out;
    out.reserve(a.size());
    for (const Span& s : a) {
        SegmentCheck chk;
        chk.span = s;
        auto first = std::upper_bound(prefix_end.begin(), prefix_end.end(), s.start) - prefix_end.begin();
        for (auto j = static_cast<std::size_t>(first); j < b.size() && b[j].start < s.end; ++j) {
            const std::int64_t inter = std::min(s.end, b[j].end) - std::max(s.start, b[j].start);
            if (inter <= 0) continue;
            const std::int64_t uni = std::max(s.end, b[j].end) - std::min(s.start, b[j].start);
            const double ratio = static_cast<double>(inter) / static_cast<double>(uni);
            if (ratio > chk.best_ratio) {
                chk.best_ratio = ratio;
                chk.partner = static_cast<std::int64_t>(j);
            }
        }
        // A small tolerance so that 0.9 typed by a user accepts exactly 90 %.
        chk.agrees = chk.best_ratio + 1e-12 >= min_overlap;
        out.push_back(chk);
    }
    return out;
}

SegmentCounts segment_counts(const std::vector<Span>& a, const std::vector<Span>& b, double min_overlap) {
    SegmentCounts c;
    for (const auto& x : check_segments(a, b, min_overlap)) {
        c.segments_a += 1.0;
        c.agreeing_a += x.agrees;
    }
    for (const auto& x : check_segments(b, a, min_overlap)) {
        c.segments_b += 1.0;
        c.agreeing_b += x.agrees;
    }
    return c;
}

Coefficient segment_percent_agreement(const SegmentCounts& c) {
    if (c.segments() <= 0.0) return Coefficient::undefined("neither coder coded a segment");
    const double p = c.agreeing() / c.segments();
    return Coefficient::of(p, p, 0.0);
}

Coefficient maxqda_kappa(const SegmentCounts& c, std::size_t codes) {
    if (c.segments() <= 0.0) return Coefficient::undefined("neither coder coded a segment");
    if (codes < 2)
        return Coefficient::undefined(
            "MAXQDA's segment kappa needs at least 2 codes (chance = 1/k, k = " + std::to_string(codes) + ")");
    const double po = c.agreeing() / c.segments();
    const double pe = 1.0 / static_cast<double>(codes);
    return Coefficient::of((po - pe) / (1.0 - pe), po, pe);
}

}  // namespace tessera::agreement
