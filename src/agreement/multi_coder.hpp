// Character units for three or more coders: how many coders coded each character, counted by
// run-length over span boundaries; Fleiss' kappa, Krippendorff's alpha and pairwise agreement from it.
#pragma once

#include <vector>

#include "agreement/report.hpp"

namespace tessera::agreement {

/// h[k] = number of characters of [0, length) coded by exactly k of the m coders (k = 0..m).
/// Overlapping spans of one coder count once. Throws InvalidArgument when a span is out of range.
std::vector<double> coverage_histogram(const std::vector<std::vector<Span>>& coders, std::int64_t length);

/// Coefficients of binary units (coded / not coded) given as a coverage histogram.
struct BinaryMultiCoder {
    Coefficient percent;  ///< pairwise percent agreement
    Coefficient fleiss;   ///< Fleiss' kappa (every coder rates every character)
    Coefficient alpha;    ///< nominal Krippendorff's alpha
};
BinaryMultiCoder binary_coefficients(const std::vector<double>& histogram);

/// Per code row for m coders: the histogram pooled over documents and its coefficients.
struct MultiCoderRow {
    RowId code_id = 0;
    std::vector<double> histogram;
    BinaryMultiCoder coefficients;
};

struct MultiCoderReport {
    std::vector<RowId> coders;
    std::vector<MultiCoderRow> per_code;  ///< every code any of the coders used (or `codes`)
    MultiCoderRow overall_pooled;         ///< histograms summed over codes
    std::string method;
};

/// Character-unit agreement for m >= 2 coders sharing a codebook (the same code ids). Throws
/// InvalidArgument for fewer than 2 distinct coders, unknown documents or spans out of range.
MultiCoderReport multi_coder_character_report(const std::vector<Coding>& codings,
                                              const std::vector<DocumentExtent>& documents,
                                              const std::vector<RowId>& coders, std::vector<RowId> codes = {});

}  // namespace tessera::agreement
