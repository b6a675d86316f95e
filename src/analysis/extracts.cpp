// Implementation of extracts.hpp.
#include "analysis/extracts.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

namespace tessera::analysis {

std::string Extract::participant_label() const {
    std::string who = !case_name.empty() ? case_name : !speaker_label.empty() ? speaker_label : "unattributed";
    return document_name.empty() ? who : who + ", " + document_name;
}

Extract make_extract(const AnalysisData& d, const Coding& c) {
    Extract e;
    e.coding_id = c.id;
    e.document_id = c.document_id;
    e.document_name = d.document(c.document_id).name;
    e.span = c.span;
    e.code_id = c.code_id;
    e.code_path = d.code_path(c.code_id);
    e.coder_id = c.coder_id;
    for (const auto& coder : d.coders())
        if (coder.id == c.coder_id) e.coder_name = coder.name;
    e.text = d.coding_text(c);
    if (const Turn* t = d.main_turn(c.document_id, c.span)) {
        e.turn_id = t->id;
        if (t->speaker_id)
            if (const Speaker* s = d.speaker(*t->speaker_id)) {
                e.speaker_label = s->label;
                e.case_id = s->case_id;
                if (s->case_id) e.case_name = d.case_(*s->case_id).name;
            }
    }
    return e;
}

std::vector<Extract> extracts_for_codes(const AnalysisData& d, const std::vector<RowId>& code_ids) {
    std::unordered_set<RowId> wanted(code_ids.begin(), code_ids.end());
    std::vector<Extract> out;
    std::vector<const Coding*> hits;
    for (const auto& c : d.codings())
        if (wanted.count(c.code_id)) hits.push_back(&c);
    std::stable_sort(hits.begin(), hits.end(), [&](const Coding* a, const Coding* b) {
        const auto& da = d.document(a->document_id);
        const auto& db = d.document(b->document_id);
        if (da.position != db.position) return da.position < db.position;
        if (a->document_id != b->document_id) return a->document_id < b->document_id;
        return a->span.start < b->span.start;
    });
    for (const Coding* c : hits) out.push_back(make_extract(d, *c));
    return out;
}

std::vector<Extract> pick_illustrative(const AnalysisData& d, const std::vector<Extract>& extracts,
                                       const QuoteOptions& o, const GroupingRule& rule) {
    std::vector<const Extract*> pool;
    for (const auto& e : extracts) pool.push_back(&e);
    // A quote must be one person speaking: extracts crossing turns are good evidence but bad quotes.
    auto in_bounds = [&](const Extract* e) {
        auto n = e->span.length();
        return n >= o.min_chars && n <= o.max_chars && d.turns_overlapping(e->document_id, e->span).size() <= 1;
    };
    // Within bounds first, then longer first; stable so document order breaks ties.
    std::stable_sort(pool.begin(), pool.end(), [&](const Extract* a, const Extract* b) {
        if (in_bounds(a) != in_bounds(b)) return in_bounds(a);
        return a->span.length() > b->span.length();
    });
    std::vector<Extract> out;
    std::set<std::string> people, groups;
    std::set<RowId> taken;
    auto person = [](const Extract* e) { return e->case_id ? "c" + std::to_string(*e->case_id) : "s" + e->speaker_label; };
    auto group = [&](const Extract* e) {
        Coding c;
        c.document_id = e->document_id;
        c.span = e->span;
        return d.groups_of(c, rule).front();
    };
    // Pass 0 wants a new participant and a new group, pass 1 a new participant, pass 2 anything.
    for (int pass = 0; pass < 3 && out.size() < o.count; ++pass) {
        for (const Extract* e : pool) {
            if (out.size() >= o.count) break;
            if (taken.count(e->coding_id)) continue;
            bool new_person = !people.count(person(e));
            bool new_group = !groups.count(group(e));
            if (pass == 0 && ((o.distinct_participants && !new_person) || (o.distinct_groups && !new_group))) continue;
            if (pass == 1 && o.distinct_participants && !new_person) continue;
            taken.insert(e->coding_id);
            people.insert(person(e));
            groups.insert(group(e));
            out.push_back(*e);
        }
    }
    return out;
}

}  // namespace tessera::analysis
