// Commands on codings: apply a code to a span, remove a coding, adjust a coding's span.
#pragma once

#include "commands/command.hpp"

namespace tessera {

/// Codes `span` of a document with `code` as `coder`. The span is checked against the document.
class ApplyCode : public Command {
public:
    ApplyCode(RowId document, text::Span span, RowId code, RowId coder);
    std::string label() const override;
    void execute(Project& p) override;
    void undo(Project& p) override;
    /// The stored coding (valid after execute).
    const Coding& coding() const { return m_coding; }

private:
    Coding m_coding;
    std::string m_code_name;
};

class RemoveCoding : public Command {
public:
    explicit RemoveCoding(RowId coding_id);
    std::string label() const override { return "Remove coding"; }
    void execute(Project& p) override;
    void undo(Project& p) override;

private:
    RowId m_id;
    Coding m_saved;
    std::vector<RowId> m_cells;  // matrix cells that referenced it
};

class AdjustCoding : public Command {
public:
    AdjustCoding(RowId coding_id, text::Span new_span);
    std::string label() const override { return "Adjust coding"; }
    void execute(Project& p) override;
    void undo(Project& p) override;

private:
    RowId m_id;
    text::Span m_new;
    text::Span m_old;
};

}  // namespace tessera
