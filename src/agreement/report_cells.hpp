// Internal to the report: codings grouped into (code pair, document) cells with their units counted.
#pragma once

#include <cstdint>
#include <vector>

#include "agreement/report.hpp"

namespace tessera::agreement {

/// Units of one code pair in one document where at least one of the two coders coded.
struct Cell {
    std::uint32_t pair = 0;
    std::uint32_t doc = 0;
    BinaryCounts counts;     ///< character / presence / continuum units
    SegmentCounts segments;  ///< segment units
};

struct Cells {
    std::vector<CodePair> pairs;
    std::vector<DocumentExtent> documents;
    std::vector<double> capacity;  ///< units per document (length, 1 or number of turns)
    std::vector<Cell> cells;       ///< sorted by (pair, doc)
    // Continuum units only: |u-alpha per pair (all documents), per document (any code), overall.
    std::vector<Coefficient> pair_alpha, doc_alpha;
    std::vector<Coefficient> cell_alpha;  ///< parallel to cells
    Coefficient overall_alpha;
};

/// Groups and counts; appends disagreements to *out when out is non-null. Throws as build_report.
Cells build_cells(const ReportInput& input, const ReportOptions& options, std::vector<Disagreement>* out);

}  // namespace tessera::agreement
