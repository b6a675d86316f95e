// Code x attribute cross-tabulation: for each code, how many cases with each attribute value
// have codings of it (and how many codings).
#pragma once

#include "analysis/data.hpp"

#include <string>
#include <vector>

namespace tessera::analysis {

struct CrossTab {
    std::string attribute;
    std::vector<std::string> values;            // sorted naturally; "(not recorded)" last when present
    std::vector<std::int64_t> cases_per_value;  // sample size per value (cases that speak)
    std::vector<RowId> code_ids;
    std::vector<std::string> code_labels;
    std::vector<std::vector<std::int64_t>> cases;    // [code][value]: cases with >= 1 coding of the code
    std::vector<std::vector<std::int64_t>> codings;  // [code][value]: codings attributed to those cases
};

/// Cross-tab of every code used in `d` by `attribute`. Throws InvalidArgument when no case has it.
CrossTab code_attribute_crosstab(const AnalysisData& d, const std::string& attribute);

}  // namespace tessera::analysis
