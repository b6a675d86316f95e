// Theme support: how much of the data a theme rests on (extracts, participants, documents, focus
// groups, coders), with warnings under settable thresholds, and the theme x focus-group coverage table.
#pragma once

#include "analysis/data.hpp"

#include <string>
#include <vector>

namespace tessera::analysis {

/// A theme "rests on too little" below any of these. Zero disables a check.
struct SupportThresholds {
    std::int64_t min_groups = 2;        // "discussed in at least two groups"
    std::int64_t min_participants = 2;
    std::int64_t min_extracts = 1;
    std::int64_t min_coders = 0;        // e.g. 2: seen by both coders
};

struct CoderCount {
    RowId coder_id = 0;
    std::string coder_name;
    std::int64_t codings = 0;
};

struct ThemeSupport {
    RowId theme_id = 0;
    std::string theme_path;
    ThemeStatus status = ThemeStatus::candidate;
    int depth = 0;                          // 0 for top-level themes
    std::vector<RowId> code_ids;            // its codes and its sub-themes' codes
    std::int64_t extracts = 0;              // codings of those codes
    std::vector<RowId> participants;        // cases whose turns overlap those codings
    std::vector<RowId> documents;
    std::vector<std::string> groups;        // group keys (AnalysisData::groups_of)
    std::vector<std::string> group_labels;  // same order as groups
    std::vector<CoderCount> coders;         // whose codings, with counts
    std::vector<std::string> warnings;      // empty: enough support

    bool weak() const { return !warnings.empty(); }
};

/// Support of one theme (with its sub-themes' codes). Throws InvalidArgument for an unknown theme.
ThemeSupport theme_support(const AnalysisData& d, RowId theme_id, const SupportThresholds& t = {},
                           const GroupingRule& rule = {});

/// Support of every theme in tree order (parents before their sub-themes). Discarded themes,
/// and everything under them, are left out unless `include_discarded`.
std::vector<ThemeSupport> all_theme_support(const AnalysisData& d, const SupportThresholds& t = {},
                                            const GroupingRule& rule = {}, bool include_discarded = false);

/// Themes in tree order with their depth; discarded ones (and their subtrees) only on request.
std::vector<std::pair<RowId, int>> theme_tree(const AnalysisData& d, bool include_discarded = false);

/// Theme x focus-group coverage: extracts and participants per theme per group.
struct ThemeCoverage {
    std::vector<RowId> theme_ids;
    std::vector<std::string> theme_labels;  // indented paths
    std::vector<std::string> groups;        // keys, in document order
    std::vector<std::string> group_labels;
    std::vector<std::vector<std::int64_t>> extracts;      // [theme][group]
    std::vector<std::vector<std::int64_t>> participants;  // [theme][group]
};

/// Coverage of every visible theme over every group that has codings or a document.
ThemeCoverage theme_coverage(const AnalysisData& d, const GroupingRule& rule = {}, bool include_discarded = false);

}  // namespace tessera::analysis
