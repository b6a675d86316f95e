// Commands of the consensus stage: confirm an alignment of two inductive codebooks into a team
// codebook (with lineage), and resolve a disagreement into consensus codings (audited).
#pragma once

#include "commands/command.hpp"

namespace tessera {

/// Name of the coder that owns consensus codings.
inline constexpr const char* kConsensusCoder = "Consensus";

/// The consensus coder's id, created when missing (call inside a command's transaction).
RowId ensure_consensus_coder(Project& p);

/// One confirmed pair: A's code, B's code (either may be empty for an unpartnered code kept in the
/// team codebook), and the team code's name (empty: A's name, else B's).
struct AlignmentChoice {
    OptId code_a;
    OptId code_b;
    std::string team_name;
};

/// Stores the confirmed alignment and creates one team code per choice, whose lineage names the
/// codes it came from. Replaces an earlier confirmed alignment of the same codes.
class ConfirmAlignment : public Command {
public:
    explicit ConfirmAlignment(std::vector<AlignmentChoice> choices);
    std::string label() const override { return "Confirm codebook alignment"; }
    void execute(Project& p) override;
    void undo(Project& p) override;
    const std::vector<RowId>& team_codes() const { return m_team_codes; }

private:
    std::vector<AlignmentChoice> m_choices;
    std::vector<RowId> m_team_codes;
    std::vector<Code> m_created;
    std::vector<RowId> m_alignments;
    std::vector<CodeAlignment> m_replaced;
};

enum class Decision { accept_a, accept_b, accept_both, reject };
const char* to_string(Decision d);
/// Parses accept_a | accept_b | accept_both | reject (also a, b, both). Throws InvalidArgument.
Decision decision_from_string(const std::string& s);

/// Resolves one disagreement: records the decision and note, and writes the consensus coding
/// (A's span, B's span, their union, or none) under `team_code` as the consensus coder.
/// Accepting a coder who coded nothing there means leaving the passage uncoded.
class ResolveDisagreement : public Command {
public:
    struct Input {
        RowId document_id = 0;
        std::optional<Span> span_a;  // A's coded stretch (if A coded here)
        std::optional<Span> span_b;  // B's coded stretch (if B coded here)
        RowId team_code = 0;
        Decision decision = Decision::accept_both;
        std::string note;
        OptId decided_by;  // the coder at the keyboard
    };
    explicit ResolveDisagreement(Input in);
    std::string label() const override;
    void execute(Project& p) override;
    void undo(Project& p) override;
    OptId coding_id() const { return m_coding; }

private:
    Input m_in;
    OptId m_coding;
    RowId m_resolution = 0;
    bool m_created_coder = false;
    RowId m_coder = 0;
};

}  // namespace tessera
