// Saturation: the new codes each successive document contributes, in collection order.
#pragma once

#include "analysis/data.hpp"

#include <string>
#include <vector>

namespace tessera::analysis {

struct SaturationPoint {
    RowId document_id = 0;
    std::string document_name;
    std::int64_t position = 0;
    std::int64_t codings = 0;           // codings in this document
    std::int64_t codes_used = 0;        // distinct codes in this document
    std::int64_t new_codes = 0;         // codes first seen in this document
    std::int64_t cumulative_codes = 0;  // distinct codes seen up to and including it
    std::vector<std::string> new_code_labels;
};

struct Saturation {
    std::vector<SaturationPoint> points;  // one per document, collection order
    std::int64_t total_codes = 0;
};

/// Saturation over the codings in `d` (scope it first). With `merge_same_path`, two codebooks'
/// codes with the same path count as one code (e.g. both coders' "Trust"). Never throws for valid data.
Saturation saturation(const AnalysisData& d, bool merge_same_path = false);

}  // namespace tessera::analysis
