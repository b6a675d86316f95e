// Code co-occurrence: how often two codes meet in the same span (overlapping codings), the same
// speaker turn, or the same document.
#pragma once

#include "analysis/data.hpp"

#include <string>
#include <vector>

namespace tessera::analysis {

enum class CooccurrenceUnit { span, turn, document };

/// Parses "span" | "turn" | "document"; throws InvalidArgument naming the bad value.
CooccurrenceUnit cooccurrence_unit_from_string(const std::string& s);
const char* to_string(CooccurrenceUnit u);

/// Symmetric counts. Off the diagonal: span — pairs of overlapping codings of the two codes;
/// turn/document — turns/documents holding both codes. On the diagonal: span — codings of the
/// code; turn/document — turns/documents holding it.
struct Cooccurrence {
    CooccurrenceUnit unit = CooccurrenceUnit::span;
    std::vector<RowId> code_ids;
    std::vector<std::string> labels;
    std::vector<std::vector<std::int64_t>> counts;

    /// Count for two codes by id; 0 when either is not in the table.
    std::int64_t between(RowId a, RowId b) const;
};

/// Co-occurrence of `code_ids` (empty: every code with a coding in `d`), over the codings in `d`.
/// A coding that overlaps no turn is left out of the turn unit. Never throws for valid data.
Cooccurrence cooccurrence(const AnalysisData& d, CooccurrenceUnit unit, const std::vector<RowId>& code_ids = {});

}  // namespace tessera::analysis
