// Redaction for the member-checking pack: a list of identifiers (names of people and places) replaced
// whole-word, case-insensitively, by a neutral placeholder, with a count of what was replaced.
#pragma once

#include "store/project.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace tessera::exporter {

struct Redaction {
    std::string identifier;                // as written, e.g. "Rowan Ward"
    std::string replacement = "[name]";    // what the reader sees instead
    std::size_t replaced = 0;              // occurrences replaced so far
};

/// Rule: each identifier is replaced wherever it stands as a whole word or phrase (neighbours are not
/// letters or digits), ignoring ASCII case; longer identifiers are tried first, so "Rowan Ward" wins
/// over "Rowan".
class Redactor {
public:
    /// Reads a list: one identifier per line, optionally "identifier = replacement"; blank lines and
    /// lines starting with '#' are skipped. Throws ImportError naming the file (and line) when it cannot
    /// be read or a line has an empty identifier.
    static Redactor from_file(const std::filesystem::path& path);

    /// Adds an identifier; an empty one is ignored, a repeated one keeps its first replacement.
    void add(const std::string& identifier, const std::string& replacement = "[name]");
    /// Adds every speaker label that differs from its case's name (a name in the transcript), to be
    /// replaced by the case name (the participant's study label).
    void add_speaker_names(const Project& p);

    /// `text` with every identifier replaced; counts go into the redactions.
    std::string apply(const std::string& text);

    const std::vector<Redaction>& redactions() const { return m_list; }
    std::size_t total_replaced() const;

private:
    std::vector<Redaction> m_list;  // longest identifier first
};

}  // namespace tessera::exporter
