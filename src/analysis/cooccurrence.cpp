// Implementation of cooccurrence.hpp: a sweep per document for spans, code sets per turn/document.
#include "analysis/cooccurrence.hpp"

#include "util/error.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace tessera::analysis {

CooccurrenceUnit cooccurrence_unit_from_string(const std::string& s) {
    if (s == "span") return CooccurrenceUnit::span;
    if (s == "turn") return CooccurrenceUnit::turn;
    if (s == "document") return CooccurrenceUnit::document;
    throw InvalidArgument("co-occurrence unit must be 'span', 'turn' or 'document', not '" + s + "'");
}

const char* to_string(CooccurrenceUnit u) {
    switch (u) {
    case CooccurrenceUnit::span: return "span";
    case CooccurrenceUnit::turn: return "turn";
    case CooccurrenceUnit::document: return "document";
    }
    return "?";
}

std::int64_t Cooccurrence::between(RowId a, RowId b) const {
    auto ia = std::find(code_ids.begin(), code_ids.end(), a);
    auto ib = std::find(code_ids.begin(), code_ids.end(), b);
    if (ia == code_ids.end() || ib == code_ids.end()) return 0;
    return counts[static_cast<std::size_t>(ia - code_ids.begin())][static_cast<std::size_t>(ib - code_ids.begin())];
}

Cooccurrence cooccurrence(const AnalysisData& d, CooccurrenceUnit unit, const std::vector<RowId>& wanted) {
    Cooccurrence out;
    out.unit = unit;
    if (wanted.empty()) {
        std::set<RowId> used;
        for (const auto& c : d.codings()) used.insert(c.code_id);
        for (const auto& code : d.codes())  // codebook order
            if (used.count(code.id)) out.code_ids.push_back(code.id);
    } else {
        out.code_ids = wanted;
    }
    bool mixed = d.mixed_codebooks();
    std::unordered_map<RowId, std::size_t> idx;
    for (std::size_t i = 0; i < out.code_ids.size(); ++i) {
        idx[out.code_ids[i]] = i;
        out.labels.push_back(d.code_label(out.code_ids[i], mixed));
    }
    const std::size_t n = out.code_ids.size();
    out.counts.assign(n, std::vector<std::int64_t>(n, 0));

    auto count_sets = [&](const std::map<std::pair<RowId, RowId>, std::set<std::size_t>>& units) {
        for (const auto& [key, codes] : units) {
            std::vector<std::size_t> v(codes.begin(), codes.end());
            for (std::size_t i = 0; i < v.size(); ++i) {
                ++out.counts[v[i]][v[i]];
                for (std::size_t j = i + 1; j < v.size(); ++j) ++out.counts[v[i]][v[j]], ++out.counts[v[j]][v[i]];
            }
        }
    };

    if (unit == CooccurrenceUnit::span) {
        // codings() is sorted by document then start: keep the codings still open at each start.
        std::vector<const Coding*> active;
        RowId doc = -1;
        for (const auto& c : d.codings()) {
            auto ic = idx.find(c.code_id);
            if (ic == idx.end()) continue;
            if (c.document_id != doc) active.clear(), doc = c.document_id;
            std::erase_if(active, [&](const Coding* a) { return a->span.end <= c.span.start; });
            ++out.counts[ic->second][ic->second];
            for (const Coding* a : active) {
                if (a->code_id == c.code_id || c.span.empty()) continue;
                std::size_t i = idx.at(a->code_id), j = ic->second;
                ++out.counts[i][j], ++out.counts[j][i];
            }
            active.push_back(&c);
        }
        return out;
    }
    std::map<std::pair<RowId, RowId>, std::set<std::size_t>> units;  // (document, turn or 0) -> codes
    for (const auto& c : d.codings()) {
        auto ic = idx.find(c.code_id);
        if (ic == idx.end()) continue;
        if (unit == CooccurrenceUnit::document) {
            units[{c.document_id, 0}].insert(ic->second);
        } else {
            for (const Turn* t : d.turns_overlapping(c.document_id, c.span)) units[{c.document_id, t->id}].insert(ic->second);
        }
    }
    count_sets(units);
    return out;
}

}  // namespace tessera::analysis
