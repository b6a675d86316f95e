// Commands the workbench composes from core commands (one undo step, one transaction each).
#include "ui/gui/gui_commands.hpp"

#include <array>

namespace tessera::gui {

CreateCodeAndApply::CreateCodeAndApply(CodeFields fields, OptId parent, RowId coder, RowId document,
                                       Span span)
    : m_create(fields, parent, coder), m_name(fields.name), m_coder(coder), m_document(document), m_span(span) {}

std::string CreateCodeAndApply::label() const { return "Code with new code '" + m_name + "'"; }

void CreateCodeAndApply::execute(Project& p) {
    m_create.execute(p);
    if (!m_apply) m_apply = std::make_unique<ApplyCode>(m_document, m_span, m_create.id(), m_coder);
    m_apply->execute(p);
}

void CreateCodeAndApply::undo(Project& p) {
    if (m_apply) m_apply->undo(p);
    m_create.undo(p);
}

std::uint32_t palette_color(std::size_t n) {
    // Tableau 10: distinct hues that stay legible as tints under black text.
    static constexpr std::array<std::uint32_t, 10> kPalette = {0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F,
                                                               0xEDC948, 0xB07AA1, 0xFF9DA7, 0x9C755F, 0xBAB0AC};
    return kPalette[n % kPalette.size()];
}

}  // namespace tessera::gui
