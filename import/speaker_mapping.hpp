// Speaker → case mapping across documents: a mapping file (document-or-*, label, case) and a scope rule.
#pragma once

#include "model/document.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tessera::importer {

enum class CaseScope {
    label,     // the normalised label is the case everywhere: "P3" and "P3 (member check)" meet (default)
    document,  // numbering restarts per group: the case is "<document> / <label>" unless mapped
};

struct SpeakerMappingEntry {
    std::string document;  // document name, or "*" for every document
    std::string label;     // speaker label as written (compared trimmed, case-insensitively)
    std::string case_name; // the case it joins; empty = no case
    std::optional<SpeakerRole> role;  // optional role override
    std::int64_t line = 0;  // where it came from in the mapping file
};

struct SpeakerMapping {
    std::vector<SpeakerMappingEntry> entries;
    CaseScope scope = CaseScope::label;
};

/// Reads a mapping CSV with header "document,label,case" and an optional "role" column
/// (participant/facilitator/interviewer/other). Throws ImportError{path, message, line} for a
/// missing column, an empty label, an unknown role, or the same document+label mapped twice.
SpeakerMapping read_speaker_mapping(const std::filesystem::path& path);

/// Applies `mapping` to a composed document in place: an entry for this document's name wins over
/// a "*" entry; a mapped role other than participant clears the case. Unmapped participants keep
/// their rule-made case, prefixed "<document> / " under CaseScope::document.
void apply_speaker_mapping(NewDocument& doc, const SpeakerMapping& mapping);

/// True when `entry` names `doc` (or every document) and a speaker label in it: a mapping row that
/// matches no imported document is most likely a typo, which an import should say.
bool mapping_matches(const SpeakerMappingEntry& entry, const NewDocument& doc);

/// Which rows of a mapping named a speaker of the documents seen so far. A row that names none is
/// most likely a typo in a label or a document name: the CLI and the window's preview both say so.
class MappingUse {
public:
    explicit MappingUse(const SpeakerMapping& mapping) : m_entries(mapping.entries), m_used(mapping.entries.size()) {}
    void see(const NewDocument& doc);
    /// One note per unused row: "<source>:<line>: no speaker 'P7' in a document 'FG2' of this
    /// import; the row was not used", `source` being the mapping file's name as the user gave it.
    std::vector<std::string> unused_notes(const std::string& source) const;

private:
    std::vector<SpeakerMappingEntry> m_entries;
    std::vector<bool> m_used;
};

}  // namespace tessera::importer
