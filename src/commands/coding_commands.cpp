// Implementation of coding_commands.hpp.
#include "commands/coding_commands.hpp"

#include "util/error.hpp"

#include <set>
#include <tuple>

namespace tessera {

ApplyCode::ApplyCode(RowId document, Span span, RowId code, RowId coder) {
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

ApplyCodeToSpans::ApplyCodeToSpans(std::vector<Passage> passages, RowId code, RowId coder)
    : m_passages(std::move(passages)), m_code(code), m_coder(coder) {}

std::string ApplyCodeToSpans::label() const {
    if (!m_executed) return "Code " + std::to_string(m_passages.size()) + " passage(s)";
    return "Code " + std::to_string(m_done.size()) + " passage(s) with '" + m_code_name + "'";
}

void ApplyCodeToSpans::execute(Project& p) {
    if (m_executed) {  // redo: the same codings again
        for (const Coding& c : m_done) p.insert_coding(c);
        return;
    }
    const Code code = p.code(m_code);
    if (code.owner_coder_id && *code.owner_coder_id != m_coder)
        throw InvalidArgument("code '" + code.name + "' belongs to another coder's codebook");
    m_code_name = code.name;
    std::set<std::tuple<RowId, std::int64_t, std::int64_t>> have;
    for (const Coding& c : p.codings({std::nullopt, m_code, m_coder})) have.insert({c.document_id, c.span.start, c.span.end});
    for (const Passage& ps : m_passages) {
        if (!have.insert({ps.document_id, ps.span.start, ps.span.end}).second) {
            ++m_skipped;  // already coded so (or listed twice)
            continue;
        }
        Coding c;
        c.document_id = ps.document_id;
        c.span = ps.span;
        c.code_id = m_code;
        c.coder_id = m_coder;
        c.id = p.insert_coding(c);
        m_done.push_back(p.coding(c.id));
    }
    // Nothing to do is said, not recorded as a step that undoes nothing.
    if (m_done.empty())
        throw InvalidArgument("all " + std::to_string(m_passages.size()) + " passage(s) already have the code '" +
                              code.name + "' from this coder: nothing to code");
    m_executed = true;
}

void ApplyCodeToSpans::undo(Project& p) {
    // A coding another window removed meanwhile is already as undo wants it.
    for (auto it = m_done.rbegin(); it != m_done.rend(); ++it) {
        try {
            p.delete_coding(it->id);
        } catch (const InvalidArgument&) {
        }
    }
}

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

AdjustCoding::AdjustCoding(RowId coding_id, Span new_span) : m_id(coding_id), m_new(new_span) {}

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
