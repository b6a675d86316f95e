// ApplyCodingRows: finds or creates each row's coder and code, then codes the span; all one step.
#include "commands/apply_coding_rows.hpp"

#include "commands/codebook_commands.hpp"
#include "commands/coding_commands.hpp"
#include "util/error.hpp"

namespace tessera {

ApplyCodingRows::ApplyCodingRows(std::vector<CodingRow> rows, bool create_codes, std::string source)
    : m_rows(std::move(rows)), m_create_codes(create_codes), m_source(std::move(source)) {}

std::string ApplyCodingRows::label() const {
    return "Apply " + std::to_string(m_rows.size()) + " codings from " + m_source;
}

void ApplyCodingRows::run(Project& p, std::unique_ptr<Command> step) {
    step->execute(p);
    m_steps.push_back(std::move(step));
}

RowId ApplyCodingRows::coder_of(Project& p, const std::string& name) {
    if (auto c = p.find_coder(name)) return c->id;
    auto step = std::make_unique<CreateCoder>(name);
    auto* raw = step.get();
    run(p, std::move(step));
    ++m_created_coders;
    return raw->id();
}

RowId ApplyCodingRows::code_of(Project& p, RowId coder, const CodingRow& row) {
    if (auto c = p.find_code(row.code, coder)) return c->id;
    if (!m_create_codes)
        throw InvalidArgument(m_source + ": code '" + row.code + "' is not in " + row.coder +
                              "'s codebook (use --create to add it)");
    // Each missing level of the path, under the one before it.
    OptId parent;
    std::string path;
    for (std::size_t start = 0;;) {
        const std::size_t slash = row.code.find('/', start);
        const std::string part = row.code.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        path += (path.empty() ? "" : "/") + part;
        if (auto c = p.find_code(path, coder)) {
            parent = c->id;
        } else {
            CodeFields f;
            f.name = part;
            auto step = std::make_unique<CreateCode>(f, parent, coder);
            auto* raw = step.get();
            run(p, std::move(step));
            parent = raw->id();
            ++m_created_codes;
        }
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return *parent;
}

void ApplyCodingRows::execute(Project& p) {
    // Redo runs the rows again: the coders and codes undo removed are added afresh.
    m_steps.clear();
    m_created_coders = m_created_codes = 0;
    for (const auto& row : m_rows) {
        const RowId coder = coder_of(p, row.coder);
        const RowId code = code_of(p, coder, row);
        run(p, std::make_unique<ApplyCode>(row.document_id, row.span, code, coder));
    }
}

void ApplyCodingRows::undo(Project& p) {
    for (auto it = m_steps.rbegin(); it != m_steps.rend(); ++it) (*it)->undo(p);
    m_steps.clear();
}

}  // namespace tessera
