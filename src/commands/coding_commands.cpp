// Implementation of coding_commands.hpp.
#include "commands/coding_commands.hpp"

#include "util/error.hpp"

namespace tessera {

ApplyCode::ApplyCode(RowId document, text::Span span, RowId code, RowId coder) {
    m_coding.document_id = document;
    m_coding.span = span;
    m_coding.code_id = code;
    m_coding.coder_id = coder;
}

std::string ApplyCode::label() const { return "Apply code '" + m_code_name + "'"; }

void ApplyCode::execute(Project& p) {
    Code code = p.code(m_coding.code_id);
    if (code.owner_coder_id && *code.owner_coder_id != m_coding.coder_id)
        throw InvalidArgument("code '" + code.name + "' belongs to another coder's codebook");
    m_code_name = code.name;
    m_coding.id = p.insert_coding(m_coding);
    m_coding = p.coding(m_coding.id);
}

void ApplyCode::undo(Project& p) { p.delete_coding(m_coding.id); }

RemoveCoding::RemoveCoding(RowId coding_id) : m_id(coding_id) {}

void RemoveCoding::execute(Project& p) {
    m_saved = p.coding(m_id);
    m_cells.clear();
    for (const auto& cell : p.matrix_cells())
        for (RowId k : cell.coding_ids)
            if (k == m_id) m_cells.push_back(cell.id);
    p.delete_coding(m_id);
}

void RemoveCoding::undo(Project& p) {
    p.insert_coding(m_saved);
    // Re-link the matrix cells the coding was charted in (the delete cascaded those links).
    for (auto cell : p.matrix_cells()) {
        for (RowId id : m_cells)
            if (cell.id == id) {
                cell.coding_ids.push_back(m_id);
                p.upsert_matrix_cell(cell);
            }
    }
}

AdjustCoding::AdjustCoding(RowId coding_id, text::Span new_span) : m_id(coding_id), m_new(new_span) {}

void AdjustCoding::execute(Project& p) {
    Coding c = p.coding(m_id);
    m_old = c.span;
    c.span = m_new;
    p.update_coding(c);
}

void AdjustCoding::undo(Project& p) {
    Coding c = p.coding(m_id);
    c.span = m_old;
    p.update_coding(c);
}

}  // namespace tessera
