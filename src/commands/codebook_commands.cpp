// Implementation of codebook_commands.hpp.
#include "commands/codebook_commands.hpp"

#include "util/error.hpp"

#include <algorithm>

namespace tessera {
namespace {

void apply_fields(Code& c, const CodeFields& f) {
    c.name = f.name;
    c.color = f.color;
    c.definition = f.definition;
    c.inclusion = f.inclusion;
    c.exclusion = f.exclusion;
    c.example = f.example;
}

CodeFields fields_of(const Code& c) { return {c.name, c.color, c.definition, c.inclusion, c.exclusion, c.example}; }

std::vector<RowId> children_of(const Project& p, RowId id) {
    std::vector<RowId> out;
    for (const auto& c : p.codes())
        if (c.parent_id == id) out.push_back(c.id);
    return out;
}

void reparent(Project& p, const std::vector<RowId>& ids, OptId parent) {
    for (RowId id : ids) {
        Code c = p.code(id);
        c.parent_id = parent;
        p.update_code(c);
    }
}

}  // namespace

CreateCoder::CreateCoder(std::string name) { m_coder.name = std::move(name); }
void CreateCoder::execute(Project& p) {
    m_coder.id = p.insert_coder(m_coder);
    m_coder = p.coder(m_coder.id);
}
void CreateCoder::undo(Project& p) {
    p.delete_coder(m_coder.id);
}

CreateCode::CreateCode(CodeFields fields, OptId parent, OptId owner) {
    apply_fields(m_code, fields);
    m_code.parent_id = parent;
    m_code.owner_coder_id = owner;
}

void CreateCode::execute(Project& p) {
    if (m_code.parent_id) {
        Code parent = p.code(*m_code.parent_id);
        if (parent.owner_coder_id != m_code.owner_coder_id)
            throw InvalidArgument("code '" + m_code.name + "' cannot go under '" + parent.name +
                                  "', which belongs to another codebook");
    }
    for (const auto& c : p.codes())
        if (c.parent_id == m_code.parent_id && c.owner_coder_id == m_code.owner_coder_id && c.name == m_code.name &&
            c.id != m_code.id)
            throw InvalidArgument("a code named '" + m_code.name + "' already exists at that level of the codebook");
    m_code.id = p.insert_code(m_code);
    m_code = p.code(m_code.id);
}

void CreateCode::undo(Project& p) { p.delete_code(m_code.id); }

UpdateCode::UpdateCode(RowId id, CodeFields fields) : m_id(id), m_new(std::move(fields)) {}

void UpdateCode::execute(Project& p) {
    Code c = p.code(m_id);
    m_old = fields_of(c);
    apply_fields(c, m_new);
    p.update_code(c);
}

void UpdateCode::undo(Project& p) {
    Code c = p.code(m_id);
    apply_fields(c, m_old);
    p.update_code(c);
}

MoveCode::MoveCode(RowId id, OptId new_parent) : m_id(id), m_new(new_parent) {}

void MoveCode::execute(Project& p) {
    Code c = p.code(m_id);
    if (m_new) {
        Code parent = p.code(*m_new);
        if (parent.owner_coder_id != c.owner_coder_id)
            throw InvalidArgument("code '" + c.name + "' cannot move into another codebook");
    }
    m_old = c.parent_id;
    c.parent_id = m_new;
    p.update_code(c);  // refuses cycles
}

void MoveCode::undo(Project& p) {
    Code c = p.code(m_id);
    c.parent_id = m_old;
    p.update_code(c);
}

DeleteCode::DeleteCode(RowId id) { m_code.id = id; }

void DeleteCode::execute(Project& p) {
    m_code = p.code(m_code.id);
    CodingFilter f;
    f.code_id = m_code.id;
    m_codings = p.codings(f);
    m_children = children_of(p, m_code.id);
    m_theme_codes.clear();
    for (const auto& t : p.themes())
        if (std::find(t.code_ids.begin(), t.code_ids.end(), m_code.id) != t.code_ids.end())
            m_theme_codes.push_back({t.id, t.code_ids});
    reparent(p, m_children, m_code.parent_id);
    for (const auto& c : m_codings) p.delete_coding(c.id);
    p.delete_code(m_code.id);
}

void DeleteCode::undo(Project& p) {
    p.insert_code(m_code);
    for (const auto& c : m_codings) p.insert_coding(c);
    reparent(p, m_children, m_code.id);
    for (const auto& [theme_id, codes] : m_theme_codes) {
        Theme t = p.theme(theme_id);
        t.code_ids = codes;
        p.update_theme(t);
    }
}

MergeCodes::MergeCodes(RowId source, RowId target) : m_target(target) { m_source.id = source; }

void MergeCodes::execute(Project& p) {
    if (m_source.id == m_target) throw InvalidArgument("a code cannot be merged into itself");
    m_source = p.code(m_source.id);
    Code target = p.code(m_target);
    for (OptId a = target.parent_id; a; a = p.code(*a).parent_id)
        if (*a == m_source.id) throw InvalidArgument("a code cannot be merged into its own sub-code");
    m_target_name = target.name;
    m_source_lineage = p.lineage(m_source.id);
    m_children = children_of(p, m_source.id);
    m_themes_with_source.clear();
    for (const auto& t : p.themes()) {
        if (std::find(t.code_ids.begin(), t.code_ids.end(), m_source.id) == t.code_ids.end()) continue;
        m_themes_with_source.push_back({t.id, t.code_ids});
        Theme u = t;
        std::replace(u.code_ids.begin(), u.code_ids.end(), m_source.id, m_target);
        p.update_theme(u);
    }
    m_moved = p.move_codings(m_source.id, m_target);
    reparent(p, m_children, m_target);
    p.add_lineage({m_target, m_source.guid, m_source.name, "merge"});
    for (const auto& e : m_source_lineage) p.add_lineage({m_target, e.source_guid, e.source_name, e.kind});
    p.delete_code(m_source.id);
}

void MergeCodes::undo(Project& p) {
    p.insert_code(m_source);
    for (const auto& e : m_source_lineage) {
        p.remove_lineage(m_target, e.source_guid);
        p.add_lineage({m_source.id, e.source_guid, e.source_name, e.kind});
    }
    p.remove_lineage(m_target, m_source.guid);
    reparent(p, m_children, m_source.id);
    p.set_coding_code(m_moved, m_source.id);
    for (const auto& [theme_id, codes] : m_themes_with_source) {
        Theme t = p.theme(theme_id);
        t.code_ids = codes;
        p.update_theme(t);
    }
}

}  // namespace tessera
