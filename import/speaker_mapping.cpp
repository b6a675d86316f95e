// Speaker mapping file reading and application to composed documents.
#include "import/speaker_mapping.hpp"

#include "import/csv_records.hpp"
#include "import/import_file.hpp"
#include "import/speaker_rules.hpp"
#include "text/text.hpp"

#include <set>

namespace tessera::importer {
namespace {

std::string key(const std::string& s) {
    auto b = s.find_first_not_of(" \t");
    auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : text::fold_case(s.substr(b, e - b + 1));
}

}  // namespace

SpeakerMapping read_speaker_mapping(const std::filesystem::path& path) {
    std::string p = path.string();
    std::string bytes = read_source(path);
    detail::CsvRecords csv = detail::read_csv_records(bytes, p, {});
    std::size_t doc_col = detail::column_index(csv, "document", p);
    std::size_t label_col = detail::column_index(csv, "label", p);
    std::size_t case_col = detail::column_index(csv, "case", p);
    std::optional<std::size_t> role_col;
    for (std::size_t c = 0; c < csv.header.size(); ++c)
        if (key(csv.header[c]) == "role") role_col = c;

    SpeakerMapping m;
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t r = 0; r < csv.rows.size(); ++r) {
        const auto& row = csv.rows[r];
        SpeakerMappingEntry e;
        e.document = row[doc_col].empty() ? "*" : row[doc_col];
        e.label = row[label_col];
        e.case_name = row[case_col];
        e.line = csv.lines[r];
        if (key(e.label).empty()) throw ImportError(p, "mapping without a speaker label", e.line);
        if (role_col && !key(row[*role_col]).empty()) {
            e.role = speaker_role_from_string(key(row[*role_col]));
            if (!e.role)
                throw ImportError(p, "unknown speaker role '" + row[*role_col] + "' (expected one of: " +
                                         speaker_role_names() + ")", e.line);
        }
        if (!seen.insert({e.document == "*" ? "*" : key(e.document), key(e.label)}).second)
            throw ImportError(p, "speaker '" + e.label + "' is mapped twice for document '" + e.document + "'", e.line);
        m.entries.push_back(std::move(e));
    }
    return m;
}

bool mapping_matches(const SpeakerMappingEntry& entry, const NewDocument& doc) {
    if (entry.document != "*" && key(entry.document) != key(doc.name)) return false;
    for (const auto& s : doc.speakers)
        if (key(s.label) == key(entry.label)) return true;
    return false;
}

void MappingUse::see(const NewDocument& doc) {
    for (std::size_t e = 0; e < m_entries.size(); ++e)
        if (!m_used[e]) m_used[e] = mapping_matches(m_entries[e], doc);
}

std::vector<std::string> MappingUse::unused_notes(const std::string& source) const {
    std::vector<std::string> out;
    for (std::size_t e = 0; e < m_entries.size(); ++e)
        if (!m_used[e])
            out.push_back(source + ":" + std::to_string(m_entries[e].line) + ": no speaker '" + m_entries[e].label +
                          "' in " +
                          (m_entries[e].document == "*" ? std::string("any document")
                                                        : "a document '" + m_entries[e].document + "'") +
                          " of this import; the row was not used");
    return out;
}

void apply_speaker_mapping(NewDocument& doc, const SpeakerMapping& mapping) {
    std::string doc_key = key(doc.name);
    for (auto& s : doc.speakers) {
        const SpeakerMappingEntry* found = nullptr;
        for (const auto& e : mapping.entries) {
            if (key(e.label) != key(s.label)) continue;
            if (e.document != "*" && key(e.document) == doc_key) {
                found = &e;
                break;
            }
            if (e.document == "*" && found == nullptr) found = &e;
        }
        if (found != nullptr) {
            if (found->role) s.role = *found->role;
            s.case_name = s.role == SpeakerRole::participant ? found->case_name : std::string();
            continue;
        }
        // A generic label ("Speaker 2") already has its document's own case.
        if (mapping.scope == CaseScope::document && !s.case_name.empty() && !is_generic_label(s.label))
            s.case_name = doc.name + " / " + s.case_name;
    }
}

}  // namespace tessera::importer
