// AnalysisData: one read of a project (documents, turns, speakers, cases, codes, codings, themes)
// indexed for the analyses, so matrix, support and co-occurrence never query SQLite per coding.
#pragma once

#include "store/project.hpp"
#include "text/text.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace tessera::analysis {

/// Which codings an analysis reads: everyone's, the team (consensus) codebook's, or one coder's.
struct CoderScope {
    enum class Kind { all, team, coder };
    Kind kind = Kind::all;
    RowId coder_id = 0;  // for Kind::coder

    static CoderScope everyone() { return {}; }
    static CoderScope team() { return {Kind::team, 0}; }
    static CoderScope coder(RowId id) { return {Kind::coder, id}; }
};

/// Scope from a command-line style name: "" or "all" -> everyone, "team" -> the team codebook,
/// anything else -> that coder. Throws InvalidArgument listing the coders when the name is unknown.
CoderScope coder_scope_from_name(const std::vector<Coder>& coders, const std::string& name);

/// How focus groups are told apart. By default each document is one group; a case attribute
/// (e.g. "group") groups participants across documents instead.
struct GroupingRule {
    std::string case_attribute;  // empty: one group per document
};

/// A participant a coding is attributed to: the case of a speaker whose turn overlaps the coding.
struct CodingCase {
    RowId case_id = 0;
    RowId turn_id = 0;
};

/// Invariants:
///  1. documents are in collection order (position, then id); doc_index maps id -> index.
///  2. turns of each document are sorted by span start, so a coding's turns are found by binary search.
///  3. codings() holds only the codings in scope; all_codings() holds every coding.
class AnalysisData {
public:
    /// Reads everything the analyses need from `p`. `with_text` keeps document texts for extracts.
    /// Throws StorageError when the project cannot be read.
    static AnalysisData load(const Project& p, bool with_text = true);

    /// Codings visible under `scope` (a copy of the index with the others dropped).
    AnalysisData scoped(const CoderScope& scope) const;

    const std::vector<Document>& documents() const { return m_documents; }
    const std::vector<Case>& cases() const { return m_cases; }
    const std::vector<Code>& codes() const { return m_codes; }
    const std::vector<Coder>& coders() const { return m_coders; }
    const std::vector<Theme>& themes() const { return m_themes; }
    const std::vector<ThemeLink>& theme_links() const { return m_links; }
    const std::vector<Coding>& codings() const { return m_codings; }
    const std::vector<Speaker>& speakers() const { return m_speakers; }
    const std::vector<MatrixCell>& matrix_cells() const { return m_cells; }

    /// The entity with this id; throw InvalidArgument naming the kind and id when there is none.
    const Document& document(RowId id) const;
    const Case& case_(RowId id) const;
    const Code& code(RowId id) const;
    const Theme& theme(RowId id) const;
    const Coder& coder(RowId id) const;
    const Coding& coding(RowId id) const;
    /// Null when the id is unknown.
    const Speaker* speaker(RowId id) const;
    const Turn* turn(RowId id) const;

    /// "Parent/Child" path of a code.
    std::string code_path(RowId code_id) const;
    /// The code's path, followed by " [owner]" (coder name or "team") when `with_owner`.
    std::string code_label(RowId code_id, bool with_owner) const;
    /// True when the codings in scope use codes of more than one codebook (labels then need owners).
    bool mixed_codebooks() const;
    /// Theme ids whose parent is `parent` (nullopt: top level), in id order.
    std::vector<RowId> child_themes(OptId parent) const;
    /// Codes of `theme_id` and, when `with_subthemes`, of every non-discarded theme below it (no duplicates).
    std::vector<RowId> theme_codes(RowId theme_id, bool with_subthemes = true) const;

    /// Turns of a document overlapping `span` (non-empty overlap), in order.
    std::vector<const Turn*> turns_overlapping(RowId document_id, Span span) const;
    /// The turn holding most of `span` (the first on ties), or null when no turn overlaps it.
    const Turn* main_turn(RowId document_id, Span span) const;
    /// Distinct participants (cases) whose turns overlap the coding, in turn order.
    std::vector<CodingCase> cases_of(const Coding& c) const;
    /// The group a coding belongs to under `rule`: one key per (document or case attribute value).
    /// A coding with no case under an attribute rule falls back to its document.
    std::vector<std::string> groups_of(const Coding& c, const GroupingRule& rule) const;
    /// Human label of a group key returned by groups_of.
    std::string group_label(const std::string& key) const;

    /// The coded text of a coding (empty when texts were not loaded).
    std::string coding_text(const Coding& c) const;

private:
    std::vector<Document> m_documents;
    std::vector<Case> m_cases;
    std::vector<Code> m_codes;
    std::vector<Coder> m_coders;
    std::vector<Theme> m_themes;
    std::vector<ThemeLink> m_links;
    std::vector<Coding> m_codings;
    std::vector<MatrixCell> m_cells;
    std::vector<Speaker> m_speakers;
    std::unordered_map<RowId, std::vector<Turn>> m_turns;  // by document, sorted by start
    std::unordered_map<RowId, std::size_t> m_doc_index, m_case_index, m_code_index, m_theme_index, m_coder_index,
        m_speaker_index, m_coding_index;
    std::unordered_map<RowId, std::pair<RowId, std::size_t>> m_turn_index;  // turn id -> (document, index)
    struct Texts {
        std::unordered_map<RowId, std::string> text;  // node-based: the views below stay valid
        std::unordered_map<RowId, text::OffsetIndex> index;
    };
    std::shared_ptr<const Texts> m_texts;  // shared by scoped() copies

    void reindex_codings();
};

}  // namespace tessera::analysis
