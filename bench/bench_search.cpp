// Search: building the index of a generated project, and queries against it, beside the reference
// a researcher would otherwise use: Find All over every transcript's text (case-folded substring
// search, as a word processor does, one document after another).
// Usage: bench_search [documents=500] [words_per_document=8000] [repeats=5]
#include "bench_util.hpp"
#include "search/search_index.hpp"
#include "store/database.hpp"
#include "store/project.hpp"
#include "text/text.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace tessera;

namespace {

// [SECTION] project

const char* kWords[] = {"the",     "bus",    "clinic",  "waiting",  "never",   "on",     "time",    "and",
                        "we",      "felt",   "heard",   "caf\u00e9", "records", "shared", "sharing", "insurance",
                        "because", "support", "group",  "really",   "I",       "think",  "that",    "staff",
                        "listened", "council", "money", "was",      "tight",   "data",   "Zo\u00eb", "weeks",
                        "appointment", "letter", "phone", "nobody", "answered", "so",    "police",  "consent"};

// A focus group of `words` words: turns of 20-120 words by a facilitator and eight participants.
NewDocument make_document(int n, int words, std::mt19937& rng) {
    NewDocument d;
    d.name = "Group " + std::to_string(n);
    std::uniform_int_distribution<std::size_t> pick(0, std::size(kWords) - 1);
    std::uniform_int_distribution<int> len(20, 120);
    std::int64_t cp = 0;
    for (int written = 0; written < words;) {
        const int who = static_cast<int>(rng() % 9);
        const std::string label = who == 0 ? "Facilitator" : "P" + std::to_string(who + (n % 5) * 8);
        std::string utterance;
        const int k = len(rng);
        for (int w = 0; w < k; ++w) utterance += (w ? " " : "") + std::string(kWords[pick(rng)]);
        written += k;
        if (!d.text.empty()) {
            d.text += "\n\n";
            cp += 2;
        }
        d.text += label + ": ";
        cp += text::count_code_points(label) + 2;
        const std::int64_t start = cp;
        d.text += utterance;
        cp += text::count_code_points(utterance);
        d.turns.push_back({{start, cp}, label, {}, {}});
        bool known = false;
        for (const auto& s : d.speakers) known |= s.label == label;
        if (!known)
            d.speakers.push_back({label, who == 0 ? SpeakerRole::facilitator : SpeakerRole::participant,
                                  who == 0 ? std::string() : label});
    }
    return d;
}

// [SECTION] reference: Find in every transcript

// Every place each of `words` occurs, by case-folded substring search through every text (Find
// All): the least work that lists each mention, without stemming, ranking or turns.
std::size_t scan(const std::vector<std::string>& folded_texts, const std::vector<std::string>& words) {
    std::size_t found = 0;
    for (const auto& t : folded_texts)
        for (const auto& w : words)
            for (std::size_t at = t.find(w); at != std::string::npos; at = t.find(w, at + w.size())) ++found;
    return found;
}

}  // namespace

int main(int argc, char** argv) {
    const int documents = argc > 1 ? std::atoi(argv[1]) : 500;
    const int words = argc > 2 ? std::atoi(argv[2]) : 8000;
    const int repeats = argc > 3 ? std::atoi(argv[3]) : 5;
    const fs::path dir = fs::temp_directory_path() / ("tessera-bench-search-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path path = dir / "bench.tessera";
    std::size_t turns = 0, bytes = 0;
    {
        Project p = Project::create(path);
        std::mt19937 rng(7);
        store::Transaction tx(p.db());
        for (int n = 0; n < documents; ++n) {
            NewDocument d = make_document(n, words, rng);
            turns += d.turns.size();
            bytes += d.text.size();
            p.add_document(d, true);
        }
        tx.commit();
    }
    Project p = Project::open(path);
    std::printf("project: %d documents, %zu turns, %.1f MB, ~%d words each\n", documents, turns, bytes / 1e6, words);

    // Building: the first search of a project (or after its documents changed).
    std::vector<double> build;
    for (int r = 0; r < repeats; ++r) {
        fs::remove_all(search::index_path_for(path));
        search::SearchIndex index(path);
        bench::Timer t;
        index.search(p, "consent");
        build.push_back(t.seconds());
    }
    std::printf("index build (first search): median %.2f s of %d (%.0f turns/s, %.1f MB/s); index %.1f MB on disk\n",
                bench::median(build), repeats, static_cast<double>(turns) / bench::median(build),
                bytes / 1e6 / bench::median(build), [&] {
                    std::uintmax_t s = 0;
                    for (const auto& e : fs::recursive_directory_iterator(search::index_path_for(path)))
                        if (e.is_regular_file()) s += e.file_size();
                    return s / 1e6;
                }());

    // Queries on the built index against Find over every transcript (texts read and folded once,
    // outside the timing: the reference is given its best case).
    std::vector<std::string> folded;
    for (const auto& d : p.documents(true)) folded.push_back(text::fold_case(d.text));
    search::SearchIndex index(path);
    index.search(p, "warm");  // opens the index
    struct Query {
        const char* query;
        std::vector<std::string> words;  // what the reference looks for
    };
    const Query queries[] = {{"insurance", {"insurance"}},
                             {"police consent", {"police", "consent"}},
                             {"\"council money\"", {"council money"}},
                             {"sharing", {"shar"}},
                             {"caf\u00e9 OR Zo\u00eb", {"caf\u00e9", "zo\u00eb"}}};
    std::printf("%-22s %12s %14s %10s %8s\n", "query (100 best turns)", "search", "Find (ref.)", "ratio", "hits");
    for (const auto& q : queries) {
        std::vector<double> s, f, ratio;
        std::size_t hits = 0, sink = 0;
        for (int r = 0; r < repeats * 4; ++r) {
            bench::Timer a;
            hits = index.search(p, q.query, {}, 100).estimated;
            s.push_back(a.seconds());
            bench::Timer b;
            sink += scan(folded, q.words);
            f.push_back(b.seconds());
            ratio.push_back(s.back() / f.back());
        }
        std::printf("%-22s %9.2f ms %11.2f ms %9.3fx %8zu\n", q.query, bench::median(s) * 1e3, bench::median(f) * 1e3,
                    bench::median(ratio), hits);
        if (sink == 0) std::printf("  (reference found nothing)\n");
    }
    std::printf("peak RSS %.1f MiB\n", bench::peak_rss_mib());
    fs::remove_all(dir);
    return 0;
}
