// Unit builders for two coders over spans: characters (NVivo), segments with an overlap threshold
// (MAXQDA) and presence. Counted from interval sweeps; no per-character vector is ever built.
#pragma once

#include <cstdint>
#include <vector>

#include "agreement/ratings.hpp"
#include "agreement/result.hpp"
#include "text/text.hpp"

namespace tessera::agreement {


/// Character (or presence) counts of one code: the 2 x 2 table of a binary unit.
struct BinaryCounts {
    double both = 0.0;     ///< units coded by A and B
    double only_a = 0.0;   ///< coded by A, not B
    double only_b = 0.0;   ///< coded by B, not A
    double neither = 0.0;  ///< coded by neither

    double total() const { return both + only_a + only_b + neither; }
    /// Category 0 = not coded, 1 = coded; rows coder A, columns coder B.
    ContingencyTable table() const { return ContingencyTable::binary(both, only_a, only_b, neither); }
    BinaryCounts& operator+=(const BinaryCounts& o) {
        both += o.both;
        only_a += o.only_a;
        only_b += o.only_b;
        neither += o.neither;
        return *this;
    }
};

/// Sorts spans and merges overlapping or touching ones, in place; drops empty spans.
void normalise_spans(std::vector<Span>& spans);

/// Per-character counts of one code in one document of `length` code points, for A's and B's
/// spans (any order, may overlap: a character counts once). Throws InvalidArgument when a span
/// lies outside [0, length).
BinaryCounts character_counts(std::vector<Span> a, std::vector<Span> b, std::int64_t length);

/// NVivo's percentage agreement (0-100) on character counts: (both + neither) / total * 100.
Coefficient nvivo_percentage_agreement(const BinaryCounts& c);
/// NVivo's kappa: Cohen's kappa on the 2 x 2 character table, except kappa = 1 when neither
/// user coded anything (NVivo's documented convention; mathematically 0/0).
Coefficient nvivo_kappa(const BinaryCounts& c);

/// How one coder's segment fared against the other coder's segments of the same code.
struct SegmentCheck {
    Span span;
    bool agrees = false;        ///< best overlap ratio >= threshold
    double best_ratio = 0.0;    ///< |s ∩ t| / |s ∪ t| for the best partner t (0 when none overlaps)
    std::int64_t partner = -1;  ///< index of the best partner in the other coder's list, or -1
};

/// Segment agreement of one code in one document (MAXQDA): every segment of each coder is checked
/// once; it agrees when the other coder has a segment of the same code whose overlap is at least
/// `min_overlap` of the area the two cover together (intersection / union).
struct SegmentCounts {
    double segments_a = 0.0, agreeing_a = 0.0;
    double segments_b = 0.0, agreeing_b = 0.0;

    double segments() const { return segments_a + segments_b; }
    double agreeing() const { return agreeing_a + agreeing_b; }
    SegmentCounts& operator+=(const SegmentCounts& o) {
        segments_a += o.segments_a;
        agreeing_a += o.agreeing_a;
        segments_b += o.segments_b;
        agreeing_b += o.agreeing_b;
        return *this;
    }
};

/// Checks each segment of `a` against `b` (spans in any order; identical duplicates count once).
/// Throws InvalidArgument when min_overlap is outside (0, 1].
std::vector<SegmentCheck> check_segments(const std::vector<Span>& a, const std::vector<Span>& b, double min_overlap);
/// Counts from check_segments in both directions.
SegmentCounts segment_counts(const std::vector<Span>& a, const std::vector<Span>& b, double min_overlap);

/// MAXQDA's segment percent agreement: agreeing segments / all segments. Undefined with no segments.
Coefficient segment_percent_agreement(const SegmentCounts& c);
/// MAXQDA's segment kappa: (P_obs - 1/k) / (1 - 1/k), P_obs = agreeing / all segments, k = number
/// of codes in the analysis (Brennan & Prediger chance). Undefined when k < 2 or no segments.
Coefficient maxqda_kappa(const SegmentCounts& c, std::size_t codes);

}  // namespace tessera::agreement
