// ModelCache: what the views draw, read from the Project when it changes (never per frame).
//
// Views own no domain data and never run SQL; they read this cache, which the App refreshes
// from the Project's read API when the project's generation (own writes, other windows' writes
// seen through data_version), the coder, blind mode, the open document or the selected code change.
// Invariants:
//   1. Everything here honours blind mode: a blind coder's cache holds no other coder's codes,
//      codings or memos, nor the team codebook, so no view can leak them by accident.
//   2. Spans are code points of the document text, as in the core.
#pragma once

#include "model/case.hpp"
#include "model/coding.hpp"
#include "model/document.hpp"
#include "model/memo.hpp"
#include "text/text.hpp"
#include "ui/gui/app_state.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace tessera {
class Project;
}

namespace tessera::gui {

/// Codings, documents and cases a code reaches (the codebook's counts).
struct CodeStats {
    std::int64_t codings = 0, documents = 0, cases = 0;
};

/// How much of a document one coder has coded: code points covered by any of their codings.
struct CoderProgress {
    RowId coder_id = 0;
    std::int64_t codings = 0;
    std::int64_t covered = 0;  // code points in the union of their spans
};

/// One coded extract for the retrieval panel, with context either side (UTF-8).
struct Extract {
    Coding coding;
    std::string document_name;
    std::string before, text, after;
    std::string speaker;
};

/// The open document, laid out for the transcript view.
struct OpenDocument {
    Document doc;                 // with text
    std::u32string cps;           // the text as code points (layout works glyph by glyph)
    text::OffsetIndex index;      // code point -> byte, over doc.text
    std::vector<Turn> turns;      // by ordinal
    std::unordered_map<RowId, Speaker> speakers;
    std::vector<Coding> codings;  // visible codings, by start
    std::vector<std::vector<std::size_t>> turn_codings;  // per turn: indices into codings
    std::vector<RowId> lane_codes;  // stripe lanes: one per code present, in first-use order
};

class ModelCache {
public:
    ModelCache() = default;
    ModelCache(const ModelCache&) = delete;
    ModelCache& operator=(const ModelCache&) = delete;

    /// Re-reads what changed since the last call. `generation` changes after every write.
    /// Throws the core's errors (StorageError) when the project cannot be read.
    void refresh(const Project& p, const AppState& s, std::uint64_t generation);
    /// Forgets everything (project closed).
    void clear();

    bool blind() const { return m_blind; }
    OptId coder_id() const { return m_coder; }
    const std::vector<Coder>& coders() const { return m_coders; }
    const std::vector<Code>& codes() const { return m_codes; }  // visible codes, by owner then name
    const std::vector<Document>& documents() const { return m_documents; }
    const std::vector<Case>& cases() const { return m_cases; }
    const std::vector<Memo>& memos() const { return m_memos; }
    const std::vector<Coding>& codings() const { return m_codings; }  // every visible coding
    const std::vector<Extract>& extracts() const { return m_extracts; }  // of the selected code
    const OpenDocument* open_document() const { return m_open.doc.id ? &m_open : nullptr; }

    const Code* code(RowId id) const;
    const Coder* coder(RowId id) const;
    const Document* document(RowId id) const;
    const Case* case_(RowId id) const;
    std::string code_path(RowId id) const;
    CodeStats stats(RowId code) const;
    /// Progress of each coder (each visible coder in blind mode) on a document.
    std::vector<CoderProgress> progress(RowId document) const;
    /// Memos on one target (visible ones only).
    std::vector<const Memo*> memos_for(MemoTarget t, OptId id) const;
    /// Every distinct character the project shows (for the font's glyph ranges), UTF-8.
    std::string glyph_sample() const;
    /// Increments whenever the cache content changed (views drop caches keyed on it).
    std::uint64_t version() const { return m_version; }
    /// Project setting blind_mode as read, or "" when unset.
    const std::string& blind_setting() const { return m_blind_setting; }

private:
    void load_base(const Project& p, const AppState& s);
    void load_open_document(const Project& p, RowId id);
    void derive_open_codings();
    void load_extracts(const Project& p, OptId code);

    std::uint64_t m_generation = ~0ull;
    OptId m_coder;
    OptId m_loaded_doc;
    OptId m_extracts_code;
    bool m_blind = false;
    bool m_loaded = false;
    std::string m_blind_setting;
    std::uint64_t m_version = 0;

    std::vector<Coder> m_coders;
    std::vector<Code> m_codes;
    std::vector<Document> m_documents;
    std::vector<Case> m_cases;
    std::vector<Memo> m_memos;
    std::vector<Coding> m_codings;
    std::vector<Extract> m_extracts;
    std::unordered_map<RowId, std::size_t> m_code_at, m_coder_at, m_document_at, m_case_at;
    std::unordered_map<RowId, CodeStats> m_stats;
    std::unordered_map<RowId, std::vector<CoderProgress>> m_progress;
    std::unordered_map<RowId, std::vector<Speaker>> m_speakers_by_doc;
    OpenDocument m_open;
};

/// Effective blind mode: the project setting, else on once a second coder exists.
bool blind_mode_on(const std::string& setting, std::size_t coder_count);

}  // namespace tessera::gui
