// Full-text search over turns: stemming, phrases, operators, filters by role, document and case,
// match spans in code points, and the index as derived data (missing, stale, damaged, read-only).
#include "search/hit_details.hpp"
#include "search/search_index.hpp"
#include "store/project.hpp"
#include "test_support.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>

using namespace tessera;
using namespace tessera::search;
using tessera::test::TempDir;

namespace {

// Original text: a focus group on sharing mental-health records, with a facilitator.
const char* kGroup =
    "Facilitator: Who should see your records when they are shared?\n\n"
    "P1: My GP, yes. But sharing my notes with the council? Never without asking me first.\n\n"
    "P2: I'd share the diagnosis, not the story behind it 😟 — Zoë felt the same.\n\n"
    "P1: Researchers could have it if it's anonymised properly.";

struct Study {
    TempDir dir;
    std::filesystem::path path = dir / "search.tessera";
    Project p = Project::create(path);
    RowId group = 0, interview = 0;

    Study() {
        group = add("Focus group 1", kGroup);
        interview = add("Interview 3", "Interviewer: And the pharmacy?\n\nP7: The pharmacist shares a lot already.");
    }
    RowId add(const std::string& name, const std::string& body) {
        return p.add_document(tessera::test::labelled_document(name, body));
    }
    std::string words(const SearchHit& h, const std::string& doc_text) const {
        const text::OffsetIndex o(doc_text);
        std::string out;
        for (const auto& m : h.matches) out += (out.empty() ? "" : "|") + std::string(o.slice(m));
        return out;
    }
};

}  // namespace

TEST_CASE("search finds turns by stemmed words, with the matched words in code points", "[search]") {
    Study s;
    SearchIndex index(s.p.path());
    SearchResult r = index.search(s.p, "sharing");
    CHECK(index.last_rebuilt());
    CHECK(!index.in_memory());
    CHECK(std::filesystem::is_directory(index_path_for(s.p.path())));
    // "shared", "sharing", "share" and "shares" all stem to "share".
    REQUIRE(r.hits.size() == 4);
    std::set<std::string> found;
    for (const auto& h : r.hits) {
        const Document d = s.p.document(h.document_id);
        found.insert(s.words(h, d.text));
        REQUIRE(h.turn_id);
        REQUIRE(!h.matches.empty());
        CHECK(h.turn.start <= h.matches.front().start);
        CHECK(h.matches.back().end <= h.turn.end);
    }
    CHECK(found == std::set<std::string>{"shared", "sharing", "share", "shares"});

    // Offsets count code points: the emoji and "Zoë" before nothing here, but the match after them is exact.
    SearchResult z = index.search(s.p, "Zoë felt");
    REQUIRE(z.hits.size() == 1);
    CHECK(s.words(z.hits[0], kGroup) == "Zoë|felt");
    CHECK(z.hits[0].matches[0].start == static_cast<std::int64_t>(text::to_utf32(kGroup).find(U"Zoë")));

    // A second search reuses the index.
    index.search(s.p, "records");
    CHECK(!index.last_rebuilt());
}

TEST_CASE("search: all words by default, phrases, OR, NOT, prefixes", "[search]") {
    Study s;
    SearchIndex index(s.p.path());
    CHECK(index.search(s.p, "sharing council").hits.size() == 1);
    CHECK(index.search(s.p, "council pharmacist").hits.empty());
    CHECK(index.search(s.p, "council OR pharmacist").hits.size() == 2);
    SearchResult phrase = index.search(s.p, "\"my notes\"");
    REQUIRE(phrase.hits.size() == 1);
    CHECK(s.words(phrase.hits[0], kGroup) == "my|notes");  // not the "My" that opens the turn
    // A phrase's words are marked only where the phrase is, even when the turn matched otherwise.
    SearchResult either = index.search(s.p, "\"the council\" OR diagnosis");
    REQUIRE(either.hits.size() == 2);
    for (const auto& h : either.hits) {
        const std::string w = s.words(h, kGroup);
        CHECK((w == "the|council" || w == "diagnosis"));
    }
    CHECK(index.search(s.p, "\"notes my\"").hits.empty());
    CHECK(index.search(s.p, "share NOT pharmacist").hits.size() == 3);
    SearchResult pre = index.search(s.p, "anonym*");
    REQUIRE(pre.hits.size() == 1);
    CHECK(s.words(pre.hits[0], kGroup) == "anonymised");
    CHECK(index.search(s.p, "   ").hits.empty());
    CHECK(index.search(s.p, "nothing-like-this-anywhere").hits.empty());
}

TEST_CASE("search marks words as Xapian reads them: curly apostrophes, unfolded letters, phrases", "[search]") {
    Study s;
    const std::string text = "P3: I don\u2019t trust the Stra\u00dfe office.\n\nP4: The council, not the courts.";
    const RowId doc = s.add("Interview 8", text);
    SearchIndex index(s.p.path());
    SearchResult r = index.search(s.p, "don't");
    REQUIRE(r.hits.size() == 1);
    CHECK(s.words(r.hits[0], text) == "don\u2019t");
    r = index.search(s.p, "stra\u00dfe");
    REQUIRE(r.hits.size() == 1);
    CHECK(s.words(r.hits[0], text) == "Stra\u00dfe");
    // A word both in a phrase and on its own is marked wherever it is; curly quotes make phrases.
    SearchFilter only;
    only.document_id = doc;
    r = index.search(s.p, "\u201cthe council\u201d OR courts", only);
    REQUIRE(r.hits.size() == 1);
    CHECK(s.words(r.hits[0], text) == "The|council|courts");
    r = index.search(s.p, "\"the council\" OR the", only);
    REQUIRE(r.hits.size() == 2);
}

TEST_CASE("search filters by speaker role, document and case", "[search]") {
    Study s;
    SearchIndex index(s.p.path());
    SearchFilter participants;
    participants.role = SpeakerRole::participant;
    SearchResult r = index.search(s.p, "share", participants);
    CHECK(r.hits.size() == 3);  // the facilitator's question is left out
    for (const auto& h : r.hits) {
        REQUIRE(h.speaker_id);
        bool participant = false;
        for (const auto& sp : s.p.speakers(h.document_id))
            if (sp.id == *h.speaker_id) participant = sp.role == SpeakerRole::participant;
        CHECK(participant);
    }
    SearchFilter one_doc;
    one_doc.document_id = s.interview;
    REQUIRE(index.search(s.p, "share", one_doc).hits.size() == 1);
    SearchFilter p1;
    p1.case_id = s.p.find_case("P1")->id;
    SearchResult mine = index.search(s.p, "share OR anonymised", p1);
    CHECK(mine.hits.size() == 2);
    for (const auto& h : mine.hits) CHECK(h.document_id == s.group);
}

TEST_CASE("the index follows the project: new documents and changed roles rebuild it", "[search]") {
    Study s;
    SearchIndex index(s.p.path());
    CHECK(index.search(s.p, "pharmacy").hits.size() == 1);
    s.add("Interview 4", "P8: The pharmacy knew before my own family did.");
    SearchResult r = index.search(s.p, "pharmacy");
    CHECK(index.last_rebuilt());
    CHECK(r.hits.size() == 2);

    // An interviewer re-marked as a participant joins the participants-only results.
    SearchFilter participants;
    participants.role = SpeakerRole::participant;
    REQUIRE(index.search(s.p, "pharmacy", participants).hits.size() == 1);
    for (auto sp : s.p.speakers(s.interview))
        if (sp.label == "Interviewer") {
            sp.role = SpeakerRole::participant;
            s.p.set_speaker(sp);
        }
    CHECK(index.search(s.p, "pharmacy", participants).hits.size() == 2);

    // Another window (another SearchIndex on the same project) opens the index already built.
    SearchIndex other(s.p.path());
    CHECK(other.search(s.p, "pharmacy").hits.size() == 2);
    CHECK(!other.last_rebuilt());
}

TEST_CASE("a damaged or half-built index is rebuilt, never an error", "[search]") {
    Study s;
    const auto dir = index_path_for(s.p.path());
    {
        SearchIndex index(s.p.path());
        REQUIRE(index.search(s.p, "council").hits.size() == 1);
    }
    SECTION("files overwritten with junk") {
        for (const auto& e : std::filesystem::directory_iterator(dir))
            std::ofstream(e.path(), std::ios::binary | std::ios::trunc) << "not a xapian table";
    }
    SECTION("the folder replaced by a file") {
        std::filesystem::remove_all(dir);
        std::ofstream(dir, std::ios::binary) << "junk";
    }
    SECTION("an index of another project") {
        Study other;
        other.add("Interview 5", "P9: Something else entirely.");
        std::filesystem::remove_all(dir);
        SearchIndex theirs(other.p.path());
        theirs.search(other.p, "pharmacy");
        std::filesystem::copy(index_path_for(other.p.path()), dir);
        // Built for that project's documents: its fingerprint does not match this one's.
    }
    SearchIndex index(s.p.path());
    SearchResult r = index.search(s.p, "council");
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].document_id == s.group);
    CHECK(index.last_rebuilt());
    // Where the folder cannot be made (a file is in its place; a read-only folder alike), the index
    // is built in memory for the session.
    CHECK(index.in_memory() == std::filesystem::is_regular_file(dir));
}

TEST_CASE("queries: unbalanced brackets and quotes are read leniently, a dangling operator is refused", "[search]") {
    Study s;
    SearchIndex index(s.p.path());
    for (const char* q : {"council)", "(council"}) {
        INFO(q);
        SearchResult r = index.search(s.p, q);
        REQUIRE(r.hits.size() == 1);
        CHECK(s.words(r.hits[0], kGroup) == "council");
    }
    // An unclosed quote runs to the end of the query.
    SearchResult r = index.search(s.p, "\"without asking");
    REQUIRE(r.hits.size() == 1);
    CHECK(s.words(r.hits[0], kGroup) == "without|asking");
    CHECK_THROWS_WITH(index.search(s.p, "OR council"), Catch::Contains("cannot read the search"));
    CHECK_THROWS_WITH(index.search(s.p, "council AND"),
                      Catch::Contains("cannot read the search \"council AND\"") && Catch::Contains("AND"));
}

TEST_CASE("snippets cut around the first match and mark every match", "[search]") {
    Study s;
    SearchIndex index(s.p.path());
    SearchResult r = index.search(s.p, "council asking");
    REQUIRE(r.hits.size() == 1);
    const std::string text = s.p.document(r.hits[0].document_id).text;
    CHECK(snippet(text, r.hits[0], 400) == "My GP, yes. But sharing my notes with the [council]? Never without [asking] me first.");
    const std::string cut = snippet(text, r.hits[0], 20, "<", ">");
    CHECK(cut.find("<council>") != std::string::npos);
    CHECK(cut.rfind("…", 0) == 0);
    CHECK(cut.size() < 60);
}

TEST_CASE("search stems in the project's language; changing it rebuilds; an unknown one is named", "[search]") {
    Study s;
    const std::string text = "P1: Die H\u00e4user waren leer.\n\nP2: Im Haus war niemand.";
    s.add("Gruppe 1", text);
    SearchIndex index(s.p.path());
    CHECK(search_language(s.p) == "english");
    CHECK(index.search(s.p, "haus").hits.size() == 1);  // English stemming leaves "Häuser" alone
    s.p.set_setting(kLanguageSetting, "german");
    SearchResult r = index.search(s.p, "haus");
    CHECK(index.last_rebuilt());
    REQUIRE(r.hits.size() == 2);
    s.p.set_setting(kLanguageSetting, "klingon");
    CHECK_THROWS_WITH(index.search(s.p, "haus"), Catch::Contains("'klingon'") && Catch::Contains("german"));
    s.p.set_setting(kLanguageSetting, "");  // what undo of a first setting leaves
    CHECK(search_language(s.p) == "english");
    const auto all = search_languages();
    CHECK(std::find(all.begin(), all.end(), "english") != all.end());
    CHECK(std::find(all.begin(), all.end(), "french") != all.end());
}

TEST_CASE("hit details: a hit's document, speaker and case, read once per document", "[search]") {
    Study s;
    for (auto sp : s.p.speakers(s.group))
        if (sp.label == "P2") {
            sp.case_id = s.p.ensure_case("Jo");
            s.p.set_speaker(sp);
        }
    SearchIndex index(s.p.path());
    HitDetails details(s.p);
    std::set<std::string> labels;
    for (const auto& h : index.search(s.p, "share OR records").hits) {
        CHECK(details.document(h).id == h.document_id);
        labels.insert(details.speaker_label(h));
        if (const Speaker* sp = details.speaker(h); sp && sp->label == "P2") CHECK(details.case_name(h) == "Jo");
    }
    // A participant whose case is named otherwise shows both; a facilitator has no case.
    CHECK(labels.count("P2 (case Jo)") == 1);
    CHECK(labels.count("P1") == 1);
    CHECK(labels.count("Facilitator") == 1);
    CHECK(labels.count("P7") == 1);
}
