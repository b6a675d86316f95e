// Coded extracts with their participant label, and helpers that pick illustrative quotes for a report.
#pragma once

#include "analysis/data.hpp"

#include <string>
#include <vector>

namespace tessera::analysis {

/// One coded extract: the coding, its text, and who said it.
struct Extract {
    RowId coding_id = 0;
    RowId document_id = 0;
    std::string document_name;
    Span span;
    RowId code_id = 0;
    std::string code_path;
    RowId coder_id = 0;
    std::string coder_name;
    std::string text;
    OptId turn_id;              // the turn holding most of the coding
    std::string speaker_label;  // speaker of that turn as written ("P3"), empty when none
    OptId case_id;              // that speaker's case, when a participant
    std::string case_name;

    /// "P3, Group A" style label: case name (else speaker label, else "unattributed"), then document.
    std::string participant_label() const;
};

/// The extract of coding `c`. Throws InvalidArgument when its document or code is unknown.
Extract make_extract(const AnalysisData& d, const Coding& c);

/// Every extract coded with one of `code_ids`, in document order then position.
std::vector<Extract> extracts_for_codes(const AnalysisData& d, const std::vector<RowId>& code_ids);

/// Options for choosing illustrative quotes.
struct QuoteOptions {
    std::size_t count = 3;
    std::int64_t min_chars = 40;   // shorter extracts are fragments, not quotes
    std::int64_t max_chars = 600;  // longer ones rarely fit in a paper
    bool distinct_participants = true;
    bool distinct_groups = true;
};

/// Picks up to `o.count` quotes from `extracts`: within one turn and length bounds first, spread across
/// participants and groups (each new participant/group preferred), longer before shorter
/// within a tier. Returns fewer when there are fewer extracts; never throws.
std::vector<Extract> pick_illustrative(const AnalysisData& d, const std::vector<Extract>& extracts,
                                       const QuoteOptions& o = {}, const GroupingRule& rule = {});

}  // namespace tessera::analysis
