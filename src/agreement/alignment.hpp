// Alignment of two inductive codebooks: proposes A-code <-> B-code pairs from where their codings
// overlap and how their names and definitions read, with an explained score.
#pragma once

#include <string>
#include <vector>

#include "model/coding.hpp"

namespace tessera::agreement {

struct AlignmentOptions {
    double overlap_weight = 0.6;      ///< Jaccard of the characters the two codes cover
    double name_weight = 0.25;        ///< similarity of the names
    double definition_weight = 0.15;  ///< similarity of the definitions (re-weighted away when one is empty)
    double min_score = 0.2;           ///< pairs scoring below are not proposed
};

/// A proposed pair with the parts of its score.
struct AlignedPair {
    RowId code_a = 0, code_b = 0;
    double score = 0.0;       ///< weighted sum of the parts, in [0, 1]
    double overlap = 0.0;     ///< |A ∩ B| / |A ∪ B| over coded characters, all documents
    double name = 0.0;        ///< max(word Jaccard, character-trigram Dice) of case-folded names
    double definition = 0.0;  ///< word Jaccard of definitions (words of 3+ letters)
    std::string explanation;  ///< "overlap 0.62 of coded text; names 0.50 (shared: trust); ..."
};

struct Alignment {
    std::vector<AlignedPair> pairs;       ///< one-to-one proposal, best score first
    std::vector<AlignedPair> candidates;  ///< every pair scoring >= min_score, best first (for changes)
    std::vector<RowId> unpartnered_a;     ///< A's codes without a partner
    std::vector<RowId> unpartnered_b;
};

/// Proposes a one-to-one alignment by taking the best-scoring remaining pair first (greedy, ties
/// broken by code ids so the result is deterministic). `codings` may hold any coders: only
/// coder_a's codings of codes_a and coder_b's codings of codes_b are used. Pure: no project file.
/// Throws InvalidArgument when the weights are negative or all zero.
Alignment align_codebooks(const std::vector<Code>& codes_a, const std::vector<Code>& codes_b,
                          const std::vector<Coding>& codings, RowId coder_a, RowId coder_b,
                          const AlignmentOptions& options = {});

/// Name similarity in [0, 1]: max(word Jaccard, character-trigram Dice) after case folding.
double name_similarity(const std::string& a, const std::string& b);

}  // namespace tessera::agreement
