// Commands the workbench composes from core commands (one undo step, one transaction each).
#pragma once

#include "commands/codebook_commands.hpp"
#include "commands/coding_commands.hpp"

#include <memory>

namespace tessera::gui {

/// Creates a code in the coder's codebook and applies it to a span: "new code from selection"
/// and in-vivo coding. Undo removes both; redo restores both with their ids.
class CreateCodeAndApply : public Command {
public:
    CreateCodeAndApply(CodeFields fields, OptId parent, RowId coder, RowId document, Span span);
    std::string label() const override;
    void execute(Project& p) override;
    void undo(Project& p) override;
    /// The new code's id (valid after execute).
    RowId code_id() const { return m_create.id(); }

private:
    CreateCode m_create;
    std::string m_name;
    RowId m_coder, m_document;
    Span m_span;
    std::unique_ptr<ApplyCode> m_apply;
};

/// The default colour for the n-th code of a codebook (a qualitative palette, readable on white).
std::uint32_t palette_color(std::size_t n);

}  // namespace tessera::gui
