// Reads what an agreement report is computed from out of a project: the two coders' codings,
// the documents, the turns, and which of A's codes is compared with which of B's.
#pragma once

#include "agreement/report.hpp"
#include "store/project.hpp"

#include <string>
#include <vector>

namespace tessera::agreement {

/// How the compared code pairs were chosen, for the report's method text.
enum class PairSource {
    alignment,    ///< the project's confirmed alignment of the two inductive codebooks
    shared_codes, ///< the same code (a shared or team codebook) applied by both coders
    same_paths,   ///< codes with the same path in both coders' codebooks
};

struct ProjectInput {
    ReportInput input;
    PairSource source = PairSource::shared_codes;
    std::vector<RowId> unpaired_a;  ///< A's codes (used) without a partner: left out, listed
    std::vector<RowId> unpaired_b;
};

/// "confirmed alignment", "shared codes", "same code paths".
const char* to_string(PairSource s);

/// Builds the input for comparing coder_a with coder_b. Pairs come from the confirmed alignment when
/// there is one between their codebooks, else from shared codes, else from equal code paths.
/// `only_codes` (code paths or labels, either coder's or the team's) narrows the pairs.
/// Throws InvalidArgument when a coder is the same twice or a listed code matches no pair.
ProjectInput project_input(const Project& p, RowId coder_a, RowId coder_b,
                           const std::vector<std::string>& only_codes = {});

/// Each coder's version of a disagreement: the union of coder A's codings (of the pair's A code)
/// and of coder B's codings (of its B code) that overlap the disagreement's stretch; empty where
/// that coder coded nothing there. This is what "accept A" or "accept B" means when resolving.
struct DisagreementSides {
    std::optional<Span> a;
    std::optional<Span> b;
};
DisagreementSides sides_of(const ReportInput& input, const Disagreement& d);

}  // namespace tessera::agreement
