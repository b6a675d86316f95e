// A table of codings (a coding CSV) applied as one step, creating the coders and codes it names.
#pragma once

#include "commands/command.hpp"

#include <vector>

namespace tessera {

/// One coding to apply: a span of a document, by a coder (by name), with a code (by path,
/// "Parent/Child", in that coder's codebook).
struct CodingRow {
    RowId document_id = 0;
    Span span;
    std::string coder;
    std::string code;
};

/// Applies every row as one undoable step (one transaction, one audit entry). Coders named but
/// not in the project are added; codes named but not in their coder's codebook are added with their
/// parents when `create_codes`, and otherwise the command fails naming the first one, storing
/// nothing. Undo removes what it added, codings first.
class ApplyCodingRows : public Command {
public:
    ApplyCodingRows(std::vector<CodingRow> rows, bool create_codes, std::string source);
    std::string label() const override;
    void execute(Project& p) override;
    void undo(Project& p) override;
    std::size_t created_coders() const { return m_created_coders; }
    std::size_t created_codes() const { return m_created_codes; }

private:
    RowId coder_of(Project& p, const std::string& name);
    RowId code_of(Project& p, RowId coder, const CodingRow& row);
    void run(Project& p, std::unique_ptr<Command> step);

    std::vector<CodingRow> m_rows;
    bool m_create_codes;
    std::string m_source;
    std::vector<std::unique_ptr<Command>> m_steps;  // what execute did, in order
    std::size_t m_created_coders = 0, m_created_codes = 0;
};

}  // namespace tessera
