// Sample characteristics for the report: n, summaries of number attributes (mean, SD, range)
// and counts with percentages for category attributes.
#pragma once

#include "analysis/data.hpp"
#include "analysis/matrix.hpp"

#include <string>
#include <vector>

namespace tessera::analysis {

struct NumberSummary {
    std::string attribute;
    std::int64_t n = 0;        // cases with a value
    std::int64_t missing = 0;  // cases without one
    double mean = 0, sd = 0;   // sd: sample standard deviation (n - 1); 0 when n < 2
    double min = 0, max = 0;
};

struct CategoryCount {
    std::string value;  // "(not recorded)" for cases without a value
    std::int64_t n = 0;
    double percent = 0;  // of the sample's n
};

struct CategorySummary {
    std::string attribute;
    std::vector<CategoryCount> counts;  // most frequent first, then by value; missing last
    /// Some case lists several values ("FG1;MC1": a participant of a focus group who also came to
    /// the member-checking group): each case counts once under each value it lists, so the
    /// percentages can add up to more than 100.
    bool multiple = false;
};

struct SampleCharacteristics {
    std::int64_t n = 0;
    std::vector<NumberSummary> numbers;
    std::vector<CategorySummary> categories;
};

struct SampleOptions {
    bool participants_only = true;       // only cases that speak in some document
    std::vector<AttributeFilter> where;  // and match every filter
};

/// Summarises the cases' number and category attributes (text and date attributes are left out).
/// A category value with ';' lists several values (see CategorySummary::multiple).
/// Throws InvalidArgument naming the case and attribute when a number attribute is not a number.
SampleCharacteristics sample_characteristics(const AnalysisData& d, const SampleOptions& o = {});

}  // namespace tessera::analysis
