// Codebook alignment: per-document sweeps give the characters each (A code, B code) pair shares;
// names and definitions add text similarity; a greedy one-to-one matching proposes the pairs.
#include "agreement/alignment.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include "text/text.hpp"
#include "util/error.hpp"

namespace tessera::agreement {

/*
** Invariants:
**  1. Coverage and intersections count characters, each once per code even when one coder's
**     codings of the code overlap (multiset counts in the sweep).
**  2. A code appears in at most one proposed pair; pairs below min_score are never proposed.
**  3. The score is the weighted mean of its parts; the explanation names every part it used.
*/

namespace {

std::vector<std::string> words(const std::string& s, std::size_t min_len) {
    std::vector<std::string> out;
    std::string cur;
    const std::string folded = text::fold_case(s);
    for (char ch : folded + " ") {
        const auto u = static_cast<unsigned char>(ch);
        if (std::isalnum(u) || u >= 0x80)
            cur += ch;
        else {
            if (cur.size() >= min_len) out.push_back(cur);
            cur.clear();
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// Jaccard of two sorted unique word lists; the shared words go to *shared when it is non-null.
double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b, std::vector<std::string>* shared) {
    if (a.empty() || b.empty()) return 0.0;
    std::size_t inter = 0;
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
        if (*i < *j)
            ++i;
        else if (*j < *i)
            ++j;
        else {
            if (shared) shared->push_back(*i);
            ++inter;
            ++i;
            ++j;
        }
    }
    return static_cast<double>(inter) / static_cast<double>(a.size() + b.size() - inter);
}

std::vector<std::string> trigrams(const std::string& s) {
    const std::string t = " " + text::fold_case(s) + " ";
    std::vector<std::string> out;
    for (std::size_t i = 0; i + 3 <= t.size(); ++i) out.push_back(t.substr(i, 3));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

struct Event {
    std::int64_t pos;
    int delta;  // +1 open, -1 close
    std::uint8_t side;
    std::uint32_t code;
};

// A code's name and definition, case-folded and split once (not once per compared pair).
struct CodeText {
    std::vector<std::string> name_words, name_trigrams, definition_words;
    explicit CodeText(const Code& c)
        : name_words(words(c.name, 1)), name_trigrams(trigrams(c.name)), definition_words(words(c.definition, 3)) {}
};

double name_score(const CodeText& a, const CodeText& b) {
    const double w = jaccard(a.name_words, b.name_words, nullptr);
    if (a.name_trigrams.empty() || b.name_trigrams.empty()) return w;
    std::size_t inter = 0;
    for (auto i = a.name_trigrams.begin(), j = b.name_trigrams.begin();
         i != a.name_trigrams.end() && j != b.name_trigrams.end();) {
        if (*i < *j)
            ++i;
        else if (*j < *i)
            ++j;
        else {
            ++inter;
            ++i;
            ++j;
        }
    }
    const double dice =
        2.0 * static_cast<double>(inter) / static_cast<double>(a.name_trigrams.size() + b.name_trigrams.size());
    return std::max(w, dice);
}

}  // namespace

double name_similarity(const std::string& a, const std::string& b) {
    Code x, y;
    x.name = a;
    y.name = b;
    return name_score(CodeText(x), CodeText(y));
}

Alignment align_codebooks(const std::vector<Code>& codes_a, const std::vector<Code>& codes_b,
                          const std::vector<Coding>& codings, RowId coder_a, RowId coder_b, const AlignmentOptions& o) {
    if (o.overlap_weight < 0 || o.name_weight < 0 || o.definition_weight < 0 ||
        o.overlap_weight + o.name_weight + o.definition_weight <= 0)
        throw InvalidArgument("codebook alignment: weights must be non-negative and not all zero");
    std::unordered_map<RowId, std::uint32_t> ia, ib;
    for (std::size_t i = 0; i < codes_a.size(); ++i) ia.emplace(codes_a[i].id, static_cast<std::uint32_t>(i));
    for (std::size_t i = 0; i < codes_b.size(); ++i) ib.emplace(codes_b[i].id, static_cast<std::uint32_t>(i));

    // Sweep each document: elementary intervals add their length to every active (A, B) pair.
    std::map<RowId, std::vector<Event>> events;
    for (const auto& c : codings) {
        if (c.span.empty()) continue;
        if (c.coder_id == coder_a) {
            if (auto it = ia.find(c.code_id); it != ia.end()) {
                events[c.document_id].push_back({c.span.start, +1, 0, it->second});
                events[c.document_id].push_back({c.span.end, -1, 0, it->second});
            }
        } else if (c.coder_id == coder_b) {
            if (auto it = ib.find(c.code_id); it != ib.end()) {
                events[c.document_id].push_back({c.span.start, +1, 1, it->second});
                events[c.document_id].push_back({c.span.end, -1, 1, it->second});
            }
        }
    }
    std::vector<double> cover_a(codes_a.size(), 0.0), cover_b(codes_b.size(), 0.0);
    std::vector<double> inter(codes_a.size() * codes_b.size(), 0.0);        // [a * |B| + b]
    std::vector<int> open_a(codes_a.size(), 0), open_b(codes_b.size(), 0);  // open codings per code
    std::vector<std::uint32_t> active_a, active_b;                          // codes with open codings
    auto toggle = [](std::vector<int>& open, std::vector<std::uint32_t>& active, std::uint32_t code, int delta) {
        const int before = open[code];
        open[code] += delta;
        if (before == 0 && open[code] > 0)
            active.push_back(code);
        else if (before > 0 && open[code] == 0)
            active.erase(std::find(active.begin(), active.end(), code));
    };
    for (auto& [doc, ev] : events) {
        std::sort(ev.begin(), ev.end(), [](const Event& x, const Event& y) { return x.pos < y.pos; });
        for (std::size_t i = 0; i < ev.size();) {
            const std::int64_t pos = ev[i].pos;
            for (; i < ev.size() && ev[i].pos == pos; ++i) {
                if (ev[i].side == 0)
                    toggle(open_a, active_a, ev[i].code, ev[i].delta);
                else
                    toggle(open_b, active_b, ev[i].code, ev[i].delta);
            }
            if (i == ev.size()) break;
            const double len = static_cast<double>(ev[i].pos - pos);
            for (auto a : active_a) cover_a[a] += len;
            for (auto b : active_b) cover_b[b] += len;
            for (auto a : active_a)
                for (auto b : active_b) inter[a * codes_b.size() + b] += len;
        }
    }

    std::vector<CodeText> text_a, text_b;
    for (const auto& c : codes_a) text_a.emplace_back(c);
    for (const auto& c : codes_b) text_b.emplace_back(c);
    Alignment out;
    for (std::size_t a = 0; a < codes_a.size(); ++a)
        for (std::size_t b = 0; b < codes_b.size(); ++b) {
            AlignedPair p;
            p.code_a = codes_a[a].id;
            p.code_b = codes_b[b].id;
            const double shared = inter[a * codes_b.size() + b];
            const double uni = cover_a[a] + cover_b[b] - shared;
            p.overlap = uni > 0.0 ? shared / uni : 0.0;
            p.name = name_score(text_a[a], text_b[b]);
            const auto& da = text_a[a].definition_words;
            const auto& db = text_b[b].definition_words;
            const bool have_def = !da.empty() && !db.empty();
            p.definition = jaccard(da, db, nullptr);
            const double wd = have_def ? o.definition_weight : 0.0;
            const double wsum = o.overlap_weight + o.name_weight + wd;
            p.score =
                wsum > 0.0 ? (o.overlap_weight * p.overlap + o.name_weight * p.name + wd * p.definition) / wsum : 0.0;
            if (p.score < o.min_score) continue;
            char buf[256];
            std::snprintf(buf, sizeof buf,
                          "score %.2f = overlap %.2f of coded text (weight %.2f) + names %.2f (weight %.2f)", p.score,
                          p.overlap, o.overlap_weight / wsum, p.name, o.name_weight / wsum);
            p.explanation = buf;
            if (have_def) {
                std::snprintf(buf, sizeof buf, " + definitions %.2f (weight %.2f)", p.definition, wd / wsum);
                p.explanation += buf;
                std::vector<std::string> shared_def;
                jaccard(da, db, &shared_def);
                if (!shared_def.empty()) {
                    p.explanation += "; shared definition words:";
                    for (std::size_t k = 0; k < shared_def.size() && k < 5; ++k) p.explanation += " " + shared_def[k];
                }
            } else {
                p.explanation += "; definitions not compared (one or both empty)";
            }
            out.candidates.push_back(std::move(p));
        }
    std::sort(out.candidates.begin(), out.candidates.end(), [](const AlignedPair& x, const AlignedPair& y) {
        if (x.score != y.score) return x.score > y.score;
        if (x.code_a != y.code_a) return x.code_a < y.code_a;
        return x.code_b < y.code_b;
    });
    std::set<RowId> used_a, used_b;
    for (const auto& p : out.candidates)
        if (!used_a.count(p.code_a) && !used_b.count(p.code_b)) {
            used_a.insert(p.code_a);
            used_b.insert(p.code_b);
            out.pairs.push_back(p);
        }
    for (const auto& c : codes_a)
        if (!used_a.count(c.id)) out.unpartnered_a.push_back(c.id);
    for (const auto& c : codes_b)
        if (!used_b.count(c.id)) out.unpartnered_b.push_back(c.id);
    return out;
}

}  // namespace tessera::agreement
