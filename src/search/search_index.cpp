// Implementation of search_index.hpp: one Xapian document per speaker turn.
#include "search/search_index.hpp"

#include "store/project.hpp"
#include "util/error.hpp"

#include <xapian.h>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <set>

namespace tessera::search {
namespace {

// Bumped when what is indexed, or how, changes: older indexes are then stale (invariant 2).
constexpr const char* kIndexFormat = "tessera-search-1";
constexpr const char* kFingerprintKey = "tessera-fingerprint";

// Boolean terms for filtering, and values to rebuild a hit without reading the project.
constexpr const char* kDocPrefix = "XD";
constexpr const char* kRolePrefix = "XR";
constexpr const char* kCasePrefix = "XC";
enum Slot : Xapian::valueno { kDocId, kTurnId, kOrdinal, kSpeakerId, kStart, kEnd };

std::string opt_str(const OptId& id) { return id ? std::to_string(*id) : std::string(); }
OptId opt_id(const std::string& s) { return s.empty() ? OptId() : OptId(std::stoll(s)); }

// What the index depends on, hashed: documents by identity and content (turns never change after
// import), speakers by role and case.
std::string fingerprint(const Project& p, const std::string& language) {
    std::string all = std::string(kIndexFormat) + "\n" + language + "\n";
    // The GUID, not only the row id: SQLite hands a deleted last row's id out again, and an undone
    // import re-imported with other turns must not find the old turns.
    for (const auto& d : p.documents())
        all += "d" + std::to_string(d.id) + " " + d.guid + " " + d.content_hash + "\n";
    for (const auto& s : p.all_speakers())
        all += "s" + std::to_string(s.id) + " " + std::to_string(s.document_id) + " " + to_string(s.role) + " " +
               opt_str(s.case_id) + "\n";
    return text::sha256_hex(all);
}

void index_project(const Project& p, Xapian::WritableDatabase& db, const std::string& print,
                   const std::string& language) {
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem(language));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    for (const auto& meta : p.documents()) {
        const Document d = p.document(meta.id);
        const text::OffsetIndex offsets(d.text);
        std::map<RowId, const Speaker*> speaker_of;
        const std::vector<Speaker> speakers = p.speakers(d.id);
        for (const auto& s : speakers) speaker_of[s.id] = &s;
        std::vector<Turn> turns = p.turns(d.id);
        if (turns.empty()) turns.push_back(Turn{0, d.id, 0, {0, offsets.size()}, std::nullopt, std::nullopt, std::nullopt});
        for (const auto& t : turns) {
            Xapian::Document doc;
            tg.set_document(doc);
            tg.index_text(std::string(offsets.slice(t.span)));
            doc.add_boolean_term(kDocPrefix + std::to_string(d.id));
            if (t.speaker_id) {
                if (auto it = speaker_of.find(*t.speaker_id); it != speaker_of.end()) {
                    doc.add_boolean_term(kRolePrefix + std::string(to_string(it->second->role)));
                    if (it->second->case_id) doc.add_boolean_term(kCasePrefix + std::to_string(*it->second->case_id));
                }
            }
            doc.add_value(kDocId, std::to_string(d.id));
            doc.add_value(kTurnId, t.id ? std::to_string(t.id) : std::string());
            doc.add_value(kOrdinal, std::to_string(t.ordinal));
            doc.add_value(kSpeakerId, opt_str(t.speaker_id));
            doc.add_value(kStart, std::to_string(t.span.start));
            doc.add_value(kEnd, std::to_string(t.span.end));
            db.add_document(doc);
        }
    }
    db.set_metadata(kFingerprintKey, print);  // last: an interrupted build has none (invariant 2)
    db.commit();
}

// A word as Xapian's term generator writes it: lower-cased code point by code point (not folded:
// "straße" stays), with the typographic apostrophe Word writes taken as "'".
std::string term_form(std::string_view word) {
    std::string w(word);
    for (std::size_t at; (at = w.find("\u2019")) != std::string::npos;) w.replace(at, 3, "'");
    return Xapian::Unicode::tolower(w);
}

// The prefixes of `query`'s wildcard words ("shar*" -> "shar"), lower-cased: the matching terms
// Xapian reports for a hit do not include wildcard expansions.
std::vector<std::string> wildcard_prefixes(const std::string& query) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < query.size()) {
        std::size_t end = query.find_first_of(" \t\n()\"", i);
        if (end == std::string::npos) end = query.size();
        std::string word = query.substr(i, end - i);
        while (!word.empty() && (word[0] == '+' || word[0] == '-')) word.erase(0, 1);
        if (word.size() > 1 && word.back() == '*') out.push_back(term_form(word.substr(0, word.size() - 1)));
        i = end + 1;
    }
    return out;
}

// The quoted phrases of `query`, each as its words folded to lower case: their words are marked
// only where the whole phrase occurs, not wherever one of them ("the") does.
struct QueryWords {
    std::vector<std::vector<std::string>> phrases;  // each quoted phrase's words
    std::set<std::string> outside;                  // words written outside any quotes
};

// Splits `query` at its quotes (straight, or the curly ones a word processor writes): the words
// inside each pair form a phrase; an unclosed quote runs to the end, as Xapian reads it.
QueryWords query_words(const std::string& query) {
    std::string q = query;
    for (const char* curly : {"\u201c", "\u201d"})
        for (std::size_t at; (at = q.find(curly)) != std::string::npos;) q.replace(at, 3, "\"");
    QueryWords out;
    auto words_of = [](const std::string& part) {
        std::vector<std::string> words;
        const text::OffsetIndex offsets(part);
        for (const Span w : text::word_spans(part)) words.push_back(term_form(offsets.slice(w)));
        return words;
    };
    bool inside = false;
    std::size_t from = 0;
    while (from <= q.size()) {
        std::size_t quote = q.find('"', from);
        const std::string part = q.substr(from, quote == std::string::npos ? std::string::npos : quote - from);
        std::vector<std::string> words = words_of(part);
        if (inside) {
            if (!words.empty()) out.phrases.push_back(std::move(words));
        } else {
            out.outside.insert(words.begin(), words.end());
        }
        if (quote == std::string::npos) break;
        inside = !inside;
        from = quote + 1;
    }
    return out;
}

}  // namespace

std::vector<std::string> search_languages() {
    std::vector<std::string> out;
    const std::string all = Xapian::Stem::get_available_languages();  // space-separated
    for (std::size_t at = 0; at < all.size();) {
        std::size_t end = all.find(' ', at);
        if (end == std::string::npos) end = all.size();
        if (end > at) out.push_back(all.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

std::string search_language(const Project& p) {
    std::string language = p.setting(kLanguageSetting);
    if (language.empty()) language = "english";  // unset, or set back by undo
    const std::vector<std::string> known = search_languages();
    if (std::find(known.begin(), known.end(), language) == known.end()) {
        std::string list;
        for (const auto& l : known) list += (list.empty() ? "" : ", ") + l;
        throw InvalidArgument("the project's search language '" + language + "' is not one search knows: " + list);
    }
    return language;
}

std::filesystem::path index_path_for(const std::filesystem::path& project) {
    return std::filesystem::path(project.string() + "-index");
}

struct SearchIndex::Impl {
    std::filesystem::path project_path;
    std::optional<Xapian::Database> db;  // what searches read
    std::string built_for;               // the fingerprint db was built for
    std::string language;                // the stemmer's, for the index built_for
    bool rebuilt = false;
    bool memory = false;
    bool distrust = false;  // the index on disk failed while read: build it again, do not reopen it

    // Opens the index on disk when it is there and current; else builds it (invariants 1-3).
    // Throws Xapian::Error only when even the in-memory build fails.
    void ensure_current(const Project& p) {
        rebuilt = false;
        language = search_language(p);
        const std::string print = fingerprint(p, language);
        if (db && built_for == print) return;
        db.reset();
        const std::filesystem::path dir = index_path_for(project_path);
        if (!memory) {
            try {
                Xapian::Database on_disk(dir.string());
                if (!distrust && on_disk.get_metadata(kFingerprintKey) == print) {
                    db = on_disk;
                    built_for = print;
                    return;
                }
            } catch (const Xapian::Error&) {
                // Missing or unreadable: built below.
            }
            if (build_on_disk(p, dir, print)) return;
            memory = true;  // not writable here: in memory for this session
        }
        Xapian::WritableDatabase w(std::string(), Xapian::DB_BACKEND_INMEMORY);
        index_project(p, w, print, language);
        db = w;
        built_for = print;
        rebuilt = true;
    }

    // Builds the index in a sibling folder and swaps it in, so a window reading the old one keeps
    // a whole index (its open files stay readable) and never sees a half-built one. False when
    // the folder cannot be written.
    bool build_on_disk(const Project& p, const std::filesystem::path& dir, const std::string& print) {
        static std::atomic<int> serial{0};
        const std::string tag = "." + std::to_string(::getpid()) + "-" + std::to_string(++serial);
        const std::filesystem::path fresh = dir.string() + ".new" + tag, old = dir.string() + ".old" + tag;
        std::error_code ec;
        try {
            {
                Xapian::WritableDatabase w(fresh.string(), Xapian::DB_CREATE_OR_OVERWRITE);
                index_project(p, w, print, language);
                w.close();
            }
            std::filesystem::rename(dir, old, ec);  // nothing there, or a file in the way: either is fine
            std::filesystem::rename(fresh, dir);
            std::filesystem::remove_all(old, ec);
            db = Xapian::Database(dir.string());
            built_for = print;
            rebuilt = true;
            distrust = false;
            return true;
        } catch (const Xapian::Error&) {
        } catch (const std::filesystem::filesystem_error&) {
        }
        std::filesystem::remove_all(fresh, ec);
        return false;
    }
};

SearchIndex::SearchIndex(std::filesystem::path project_path) : m(std::make_unique<Impl>()) {
    m->project_path = std::move(project_path);
}
SearchIndex::~SearchIndex() = default;
SearchIndex::SearchIndex(SearchIndex&&) noexcept = default;
SearchIndex& SearchIndex::operator=(SearchIndex&&) noexcept = default;

bool SearchIndex::last_rebuilt() const { return m->rebuilt; }
bool SearchIndex::in_memory() const { return m->memory; }

SearchResult SearchIndex::search(const Project& p, const std::string& query, const SearchFilter& filter,
                                 std::size_t limit) {
    if (query.find_first_not_of(" \t\r\n") == std::string::npos || limit == 0) return {};
    // Xapian's errors are not std::exceptions: none may leave here as one. An index another
    // window replaced while this one read it is opened afresh once.
    for (int attempt = 0;; ++attempt) {
        try {
            m->ensure_current(p);
            return run(p, query, filter, limit);
        } catch (const Xapian::DatabaseModifiedError&) {
            m->db.reset();
            if (attempt > 0) throw SearchError("the search index kept changing while it was read; search again");
        } catch (const Xapian::QueryParserError& e) {
            throw InvalidArgument("cannot read the search \"" + query + "\": " + e.get_msg());
        } catch (const Xapian::Error& e) {
            m->db.reset();
            m->distrust = true;
            throw SearchError("search failed: " + e.get_description() + " (the index is rebuilt on the next search)");
        }
    }
}

SearchResult SearchIndex::run(const Project& p, const std::string& query, const SearchFilter& filter,
                              std::size_t limit) {
    SearchResult out;
    Xapian::Database& db = *m->db;
    const Xapian::Stem stem(m->language);

    Xapian::QueryParser qp;
    qp.set_stemmer(stem);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);  // researchers expect every word to be there
    qp.set_database(db);
    Xapian::Query q = qp.parse_query(query, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                                                Xapian::QueryParser::FLAG_PURE_NOT);
    auto narrow = [&](const std::string& term) { q = Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(term)); };
    if (filter.role) narrow(kRolePrefix + std::string(to_string(*filter.role)));
    if (filter.document_id) narrow(kDocPrefix + std::to_string(*filter.document_id));
    if (filter.case_id) narrow(kCasePrefix + std::to_string(*filter.case_id));

    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    out.estimated = mset.get_matches_estimated();

    // Matches to highlight: the query's terms that index each hit, found again among its words;
    // a phrase's words only where the phrase is.
    const std::vector<std::string> prefixes = wildcard_prefixes(query);
    const QueryWords qw = query_words(query);
    std::set<std::string> phrase_only;  // words marked only where their phrase is
    for (const auto& ph : qw.phrases)
        for (const auto& w : ph)
            if (!qw.outside.count(w)) phrase_only.insert(w);
    auto same = [&](const std::string& a, const std::string& b) { return a == b || stem(a) == stem(b); };
    struct Text {
        std::string utf8;
        text::OffsetIndex offsets;  // over utf8, which stays put in the map's node
    };
    std::map<RowId, Text> texts;  // documents read so far
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Xapian::Document doc = it.get_document();
        SearchHit h;
        h.document_id = std::stoll(doc.get_value(kDocId));
        h.turn_id = opt_id(doc.get_value(kTurnId));
        h.ordinal = std::stoll(doc.get_value(kOrdinal));
        h.speaker_id = opt_id(doc.get_value(kSpeakerId));
        h.turn = {std::stoll(doc.get_value(kStart)), std::stoll(doc.get_value(kEnd))};
        h.weight = it.get_weight();
        std::set<std::string> terms(enquire.get_matching_terms_begin(it), enquire.get_matching_terms_end(it));
        auto [t, fresh] = texts.try_emplace(h.document_id);
        if (fresh) {
            t->second.utf8 = p.document(h.document_id).text;
            t->second.offsets = text::OffsetIndex(t->second.utf8);
        }
        const std::string_view turn = t->second.offsets.slice(h.turn);
        const text::OffsetIndex turn_offsets(turn);
        const std::vector<Span> spans = text::word_spans(turn);
        std::vector<std::string> words;
        for (const Span w : spans) words.push_back(term_form(turn_offsets.slice(w)));
        std::vector<bool> marked(words.size(), false);
        for (const auto& ph : qw.phrases)
            for (std::size_t i = 0; i + ph.size() <= words.size(); ++i) {
                std::size_t k = 0;
                while (k < ph.size() && same(words[i + k], ph[k])) ++k;
                if (k == ph.size())
                    for (k = 0; k < ph.size(); ++k) marked[i + k] = true;
            }
        for (std::size_t i = 0; i < words.size(); ++i) {
            const std::string& word = words[i];
            bool hit = marked[i];
            if (!hit && !phrase_only.count(word)) {
                hit = terms.count(word) > 0 || terms.count("Z" + stem(word)) > 0;
                for (const auto& pre : prefixes) hit = hit || word.rfind(pre, 0) == 0;
            }
            if (hit) h.matches.push_back({h.turn.start + spans[i].start, h.turn.start + spans[i].end});
        }
        out.hits.push_back(std::move(h));
    }
    return out;
}

std::string snippet(const std::string& doc_text, const SearchHit& hit, std::int64_t context, const std::string& open,
                    const std::string& close) {
    const text::OffsetIndex offsets(doc_text);
    const std::int64_t first = hit.matches.empty() ? hit.turn.start : hit.matches.front().start;
    const std::int64_t from = std::max(hit.turn.start, first - context / 2);
    std::int64_t to = std::min(hit.turn.end, std::max(from + context, first + context / 2));
    for (const Span m : hit.matches)
        if (m.start < to && m.end > to) to = m.end;  // never cut a marked word in two
    std::string out = from > hit.turn.start ? "…" : "";
    std::int64_t at = from;
    for (const Span m : hit.matches) {
        if (m.end <= from || m.start >= to) continue;
        const std::int64_t s = std::max(m.start, from), e = std::min(m.end, to);
        out += offsets.slice({at, s});
        out += open;
        out += offsets.slice({s, e});
        out += close;
        at = e;
    }
    out += offsets.slice({at, to});
    if (to < hit.turn.end) out += "…";
    // One line: a turn's own line breaks would break a listing.
    for (char& c : out)
        if (c == '\n') c = ' ';
    return out;
}

}  // namespace tessera::search
