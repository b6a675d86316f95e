// Full-text search over speaker turns: a Xapian index beside the project, derived and rebuilt when stale.
#pragma once

#include "model/document.hpp"
#include "model/ids.hpp"
#include "text/text.hpp"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tessera {
class Project;
}

namespace tessera::search {

/// Which turns a search looks in; empty members do not narrow.
struct SearchFilter {
    std::optional<SpeakerRole> role;  // e.g. participants only, leaving facilitators' questions out
    OptId document_id;
    OptId case_id;
};

/// One matching speaker turn.
struct SearchHit {
    RowId document_id = 0;
    OptId turn_id;                    // empty for a document stored without turns (searched whole)
    std::int64_t ordinal = 0;         // the turn's position in its document
    OptId speaker_id;
    Span turn;                  // the turn's span in the document, in code points
    std::vector<Span> matches;  // the words that matched, in document code points, in order
    double weight = 0;                // Xapian's BM25 relevance
};

struct SearchResult {
    std::vector<SearchHit> hits;  // best first
    std::size_t estimated = 0;    // Xapian's estimate of all matches (hits holds at most the limit)
};

/// The project setting naming the transcripts' language, for stemming ("english" when unset).
inline constexpr const char* kLanguageSetting = "search_language";

/// The languages search can stem (Xapian's Snowball stemmers: "english", "german", "french", ...).
std::vector<std::string> search_languages();

/// The project's search language, checked: InvalidArgument naming the languages there are when
/// the setting holds one that is not among them.
std::string search_language(const Project& p);

/// Where the index of the project at `project` lives: "<project>-index/" beside it.
std::filesystem::path index_path_for(const std::filesystem::path& project);

/// The search index of one project. Invariants:
///  1. The index is derived: it holds nothing the project does not, so a missing, unreadable,
///     half-written or stale index is rebuilt, never reported as an error.
///  2. Stale means the project's documents (by content hash), speakers (role, case) or the index
///     format changed since it was built: a fingerprint of those is stored in the index last,
///     so an index whose building was interrupted has none and is rebuilt.
///  3. Where the index cannot be written (a read-only folder, another window rebuilding it) it is
///     built in memory for this session instead.
/// Words are stemmed in the project's language (English by default: "sharing" finds "shared" and
/// "shares"); changing it makes the index stale.
class SearchIndex {
public:
    explicit SearchIndex(std::filesystem::path project_path);
    ~SearchIndex();
    SearchIndex(SearchIndex&&) noexcept;
    SearchIndex& operator=(SearchIndex&&) noexcept;

    /// Turns of `p` matching `query`, best first, at most `limit`. Rebuilds the index first when
    /// it is missing or stale. Query syntax: words (all must occur), "quoted phrases", OR, NOT,
    /// -word, +word, word* (prefix), (brackets). An empty query finds nothing. Throws
    /// InvalidArgument naming the problem for a query that cannot be read; StorageError when the
    /// project cannot be read; SearchError when the index fails while read (the next search
    /// rebuilds it).
    SearchResult search(const Project& p, const std::string& query, const SearchFilter& filter = {},
                        std::size_t limit = 100);

    /// Whether the last search rebuilt the index, and whether it lives in memory (invariant 3).
    bool last_rebuilt() const;
    bool in_memory() const;

private:
    SearchResult run(const Project& p, const std::string& query, const SearchFilter& filter, std::size_t limit);

    struct Impl;
    std::unique_ptr<Impl> m;
};

/// The text of `hit`'s turn from `doc_text`, cut to about `context` code points around its first
/// match, with each match wrapped in `open` and `close` and "…" where text was cut.
std::string snippet(const std::string& doc_text, const SearchHit& hit, std::int64_t context = 80,
                    const std::string& open = "[", const std::string& close = "]");

}  // namespace tessera::search
