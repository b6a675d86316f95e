// Implementation of project_commands.hpp.
#include "commands/project_commands.hpp"

#include "util/error.hpp"

#include <algorithm>
#include <set>

namespace tessera {

ImportDocuments::ImportDocuments(std::vector<PreparedDocument> docs, bool allow_duplicates)
    : m_docs(std::move(docs)), m_allow_duplicates(allow_duplicates) {}

ImportDocuments::ImportDocuments(Source source, std::size_t files, bool allow_duplicates)
    : m_source(std::move(source)), m_files(files), m_streamed(true), m_allow_duplicates(allow_duplicates) {}

std::string ImportDocuments::label() const {
    if (m_streamed) {
        // The audit log takes the label after execute(), when the documents are known.
        if (m_ids.empty()) return "Import from " + std::to_string(m_files) + (m_files == 1 ? " file" : " files");
        return "Import " + std::to_string(m_ids.size()) + (m_ids.size() == 1 ? " document" : " documents");
    }
    if (m_docs.size() == 1) return "Import '" + m_docs[0].doc().name + "'";
    return "Import " + std::to_string(m_docs.size()) + " documents";
}

void ImportDocuments::store(Project& p, const PreparedDocument& d) {
    try {
        m_ids.push_back(p.add_document(d, m_allow_duplicates));
    } catch (const Error& e) {
        const std::string& origin = d.doc().origin;
        throw InvalidArgument(origin.empty() ? e.what() : origin + ": " + e.what());
    }
}

void ImportDocuments::execute(Project& p) {
    if (m_streamed && !m_source)
        throw InvalidArgument("this import read its documents from files as it stored them and kept no copy, so it "
                              "cannot be redone; import the files again");
    std::set<RowId> before;
    for (const auto& c : p.cases()) before.insert(c.id);
    m_ids.clear();
    if (m_streamed) {
        Source source = std::move(m_source);
        m_source = nullptr;  // used up, even when it throws: a second run would see a different stream
        while (std::optional<PreparedDocument> d = source()) store(p, *d);
    } else {
        for (const auto& d : m_docs) store(p, d);
    }
    m_new_cases.clear();
    for (const auto& c : p.cases())
        if (!before.count(c.id)) m_new_cases.push_back(c.id);
}

void ImportDocuments::undo(Project& p) {
    for (RowId id : m_ids) p.delete_document(id);
    for (RowId c : m_new_cases) p.delete_case(c);
}

SetCaseAttribute::SetCaseAttribute(std::string case_name, Attribute attribute)
    : m_case(std::move(case_name)), m_attr(std::move(attribute)) {}

void SetCaseAttribute::execute(Project& p) {
    auto existing = p.find_case(m_case);
    m_created_case = !existing;
    m_case_id = p.ensure_case(m_case);
    m_old.reset();
    if (existing)
        for (const auto& a : existing->attributes)
            if (a.name == m_attr.name) m_old = a;
    p.set_attribute(m_case_id, m_attr);
}

void SetCaseAttribute::undo(Project& p) {
    if (m_created_case) p.delete_case(m_case_id);
    else if (m_old) p.set_attribute(m_case_id, *m_old);
    else p.remove_attribute(m_case_id, m_attr.name);
}

void SetProjectSetting::execute(Project& p) {
    m_old = p.setting(m_key);
    p.set_setting(m_key, m_value);
}

void SetProjectSetting::undo(Project& p) { p.set_setting(m_key, m_old); }

RemoveCaseAttribute::RemoveCaseAttribute(std::string case_name, std::string attribute)
    : m_case(std::move(case_name)), m_name(std::move(attribute)) {}

void RemoveCaseAttribute::execute(Project& p) {
    auto c = p.find_case(m_case);
    if (!c) throw InvalidArgument("no case named '" + m_case + "'");
    auto it = std::find_if(c->attributes.begin(), c->attributes.end(), [&](const Attribute& a) { return a.name == m_name; });
    if (it == c->attributes.end()) throw InvalidArgument("case '" + m_case + "' has no attribute '" + m_name + "'");
    m_old = *it;
    m_case_id = c->id;
    p.remove_attribute(m_case_id, m_name);
}

void RemoveCaseAttribute::undo(Project& p) { p.set_attribute(m_case_id, m_old); }

AddMemo::AddMemo(Memo memo) : m_memo(std::move(memo)) {}
void AddMemo::execute(Project& p) {
    m_memo.id = p.insert_memo(m_memo);
    m_memo = p.memo(m_memo.id);
}
void AddMemo::undo(Project& p) { p.delete_memo(m_memo.id); }

EditMemo::EditMemo(RowId id, std::string title, std::string body)
    : m_id(id), m_title(std::move(title)), m_body(std::move(body)) {}
void EditMemo::execute(Project& p) {
    Memo m = p.memo(m_id);
    m_old_title = m.title;
    m_old_body = m.body;
    m.title = m_title;
    m.body = m_body;
    p.update_memo(m);
}
void EditMemo::undo(Project& p) {
    Memo m = p.memo(m_id);
    m.title = m_old_title;
    m.body = m_old_body;
    p.update_memo(m);
}

DeleteMemo::DeleteMemo(RowId id) { m_memo.id = id; }
void DeleteMemo::execute(Project& p) {
    m_memo = p.memo(m_memo.id);
    p.delete_memo(m_memo.id);
}
void DeleteMemo::undo(Project& p) { p.insert_memo(m_memo); }

CreateTheme::CreateTheme(Theme theme) : m_theme(std::move(theme)) {}
void CreateTheme::execute(Project& p) {
    m_theme.id = p.insert_theme(m_theme);
    m_theme = p.theme(m_theme.id);
}
void CreateTheme::undo(Project& p) { p.delete_theme(m_theme.id); }

UpdateTheme::UpdateTheme(Theme theme) : m_new(std::move(theme)) {}
void UpdateTheme::execute(Project& p) {
    m_old = p.theme(m_new.id);
    p.update_theme(m_new);
}
void UpdateTheme::undo(Project& p) { p.update_theme(m_old); }

LinkThemes::LinkThemes(ThemeLink link) : m_link(std::move(link)) {}
void LinkThemes::execute(Project& p) {
    m_link.id = p.insert_theme_link(m_link);
    for (const auto& l : p.theme_links())
        if (l.id == m_link.id) m_link = l;
}
void LinkThemes::undo(Project& p) { p.delete_theme_link(m_link.id); }

void UnlinkThemes::execute(Project& p) {
    for (const auto& l : p.theme_links())
        if (l.id == m_link.id) {
            m_link = l;  // what undo restores is what was stored, whatever the caller passed
            p.delete_theme_link(m_link.id);
            return;
        }
    throw InvalidArgument("that link between themes no longer exists");
}
void UnlinkThemes::undo(Project& p) { p.insert_theme_link(m_link); }

ChartCell::ChartCell(MatrixCell cell) : m_new(std::move(cell)) {}
void ChartCell::execute(Project& p) {
    m_old = p.matrix_cell(m_new.row_kind, m_new.row_id, m_new.col_kind, m_new.col_id);
    if (m_old) m_new.guid = m_old->guid;
    m_new.id = p.upsert_matrix_cell(m_new);
}
void ChartCell::undo(Project& p) {
    if (m_old) p.upsert_matrix_cell(*m_old);
    else p.delete_matrix_cell(m_new.id);
}

}  // namespace tessera
