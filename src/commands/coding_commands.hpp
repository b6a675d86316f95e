// Commands on codings: apply a code to a span, remove a coding, adjust a coding's span.
#pragma once

#include "commands/command.hpp"

#include <vector>

namespace tessera {

/// Codes `span` of a document with `code` as `coder`. The span is checked against the document.
class ApplyCode : public Command {
public:
    ApplyCode(RowId document, Span span, RowId code, RowId coder);
    std::string label() const override;
    void execute(Project& p) override;
    void undo(Project& p) override;
    /// The stored coding (valid after execute).
    const Coding& coding() const { return m_coding; }

private:
    Coding m_coding;
    std::string m_code_name;
};

/// Codes several passages with one code as one step: how the turns a search found are coded.
/// Passages this coder already coded with this code (the same span) are skipped, so running it
/// twice codes nothing twice. Redo restores the same codings (ids and GUIDs).
class ApplyCodeToSpans : public Command {
public:
    struct Passage {
        RowId document_id = 0;
        Span span;
    };
    ApplyCodeToSpans(std::vector<Passage> passages, RowId code, RowId coder);
    std::string label() const override;
    void execute(Project& p) override;
    void undo(Project& p) override;
    std::size_t applied() const { return m_done.size(); }
    std::size_t skipped() const { return m_skipped; }

private:
    std::vector<Passage> m_passages;
    RowId m_code, m_coder;
    std::string m_code_name;
    std::vector<Coding> m_done;  // what execute stored, re-inserted as they were on redo
    bool m_executed = false;
    std::size_t m_skipped = 0;
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
    AdjustCoding(RowId coding_id, Span new_span);
    std::string label() const override { return "Adjust coding"; }
    void execute(Project& p) override;
    void undo(Project& p) override;

private:
    RowId m_id;
    Span m_new;
    Span m_old;
};

}  // namespace tessera
