// Groups two coders' codings into (code pair, document) cells and counts each unit kind per cell.
#include "agreement/report_cells.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "agreement/unitizing.hpp"
#include "util/error.hpp"

namespace tessera::agreement {

/*
** Invariants:
**  1. An entry is one coding of coder A or B whose code belongs to a compared pair; codings of
**     other coders or codes are ignored, codings naming an unknown document are an error.
**  2. Entries are sorted by (pair, doc, side, start), so each cell is one contiguous run.
**  3. Spans are validated against their document before anything is counted.
*/

namespace {

struct Entry {
    std::uint32_t pair, doc;
    std::uint8_t side;  // 0 = A, 1 = B
    Span span;
};

// Merges overlapping (not merely touching) spans: units of one coder must not overlap.
std::vector<Span> merge_overlapping(std::vector<Span> s) {
    std::sort(s.begin(), s.end(), [](const Span& x, const Span& y) { return x.start < y.start; });
    std::vector<Span> out;
    for (const auto& x : s) {
        if (x.empty()) continue;
        if (!out.empty() && x.start < out.back().end)
            out.back().end = std::max(out.back().end, x.end);
        else
            out.push_back(x);
    }
    return out;
}

Coefficient binary_u_alpha(const std::vector<Span>& a, const std::vector<Span>& b, std::int64_t length) {
    if (length <= 0) return Coefficient::undefined("the text is empty");
    Continuum c;
    c.length = length;
    c.coders.resize(2);
    for (const auto& s : merge_overlapping(a)) c.coders[0].push_back({s.start, s.end, "1"});
    for (const auto& s : merge_overlapping(b)) c.coders[1].push_back({s.start, s.end, "1"});
    return unitizing_alphas(c).binary_u_alpha;
}

// Spans of `a` not covered by `b` (both normalised).
std::vector<Span> difference(const std::vector<Span>& a, const std::vector<Span>& b) {
    std::vector<Span> out;
    std::size_t j = 0;
    for (const Span& s : a) {
        std::int64_t pos = s.start;
        while (j < b.size() && b[j].end <= pos) ++j;
        for (std::size_t k = j; k < b.size() && b[k].start < s.end; ++k) {
            if (b[k].start > pos) out.push_back({pos, b[k].start});
            pos = std::max(pos, b[k].end);
        }
        if (pos < s.end) out.push_back({pos, s.end});
    }
    return out;
}

// Sorted unique indices of turns (sorted by start, non-overlapping) that spans overlap.
std::vector<std::uint32_t> touched_turns(const std::vector<Span>& spans, const std::vector<Span>& turns) {
    std::vector<std::uint32_t> out;
    for (const Span& s : spans) {
        auto it = std::upper_bound(turns.begin(), turns.end(), s.start,
                                   [](std::int64_t v, const Span& t) { return v < t.end; });
        for (; it != turns.end() && it->start < s.end; ++it)
            if (!it->empty()) out.push_back(static_cast<std::uint32_t>(it - turns.begin()));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace

Cells build_cells(const ReportInput& in, const ReportOptions& o, std::vector<Disagreement>* out) {
    if (in.coder_a == in.coder_b) throw InvalidArgument("agreement report: coder A and coder B must differ");
    Cells cells;
    cells.documents = in.documents;
    std::unordered_map<RowId, std::uint32_t> doc_index;
    for (std::size_t d = 0; d < in.documents.size(); ++d) {
        if (!doc_index.emplace(in.documents[d].id, static_cast<std::uint32_t>(d)).second)
            throw InvalidArgument("agreement report: document " + std::to_string(in.documents[d].id) +
                                  " is listed twice");
        if (cells.documents[d].name.empty()) cells.documents[d].name = "document " + std::to_string(in.documents[d].id);
    }
    // Code pairs: given, or every code either coder used, paired with itself.
    cells.pairs = in.codes;
    if (cells.pairs.empty()) {
        std::vector<RowId> used;
        for (const auto& c : in.codings)
            if (c.coder_id == in.coder_a || c.coder_id == in.coder_b) used.push_back(c.code_id);
        std::sort(used.begin(), used.end());
        used.erase(std::unique(used.begin(), used.end()), used.end());
        for (RowId id : used) cells.pairs.push_back({id, id, ""});
    }
    std::unordered_map<RowId, std::uint32_t> pair_of_a, pair_of_b;
    for (std::size_t p = 0; p < cells.pairs.size(); ++p) {
        auto& pr = cells.pairs[p];
        if (pr.label.empty())
            pr.label = pr.code_a == pr.code_b ? "code " + std::to_string(pr.code_a)
                                              : "code " + std::to_string(pr.code_a) + " / " + std::to_string(pr.code_b);
        if (!pair_of_a.emplace(pr.code_a, static_cast<std::uint32_t>(p)).second ||
            !pair_of_b.emplace(pr.code_b, static_cast<std::uint32_t>(p)).second)
            throw InvalidArgument("agreement report: a code appears in two compared pairs ('" + pr.label + "')");
    }
    // Turns per document, for presence per turn.
    std::vector<std::vector<Span>> turns(in.documents.size());
    if (o.unit == UnitKind::presence_turn) {
        if (in.turns.empty()) throw InvalidArgument("agreement report: presence per turn needs the documents' turns");
        for (const auto& t : in.turns)
            if (auto it = doc_index.find(t.document_id); it != doc_index.end()) turns[it->second].push_back(t.span);
        for (auto& v : turns)
            std::sort(v.begin(), v.end(), [](const Span& x, const Span& y) { return x.start < y.start; });
    }
    cells.capacity.resize(in.documents.size());
    for (std::size_t d = 0; d < in.documents.size(); ++d) {
        switch (o.unit) {
            case UnitKind::character:
            case UnitKind::continuum:
                cells.capacity[d] = static_cast<double>(in.documents[d].length);
                break;
            case UnitKind::presence_document:
                cells.capacity[d] = 1.0;
                break;
            case UnitKind::presence_turn:
                cells.capacity[d] = static_cast<double>(turns[d].size());
                break;
            case UnitKind::segment:
                cells.capacity[d] = 0.0;
                break;
        }
    }

    std::vector<Entry> entries;
    entries.reserve(in.codings.size());
    for (const auto& c : in.codings) {
        const bool is_a = c.coder_id == in.coder_a;
        if (!is_a && c.coder_id != in.coder_b) continue;
        const auto& map = is_a ? pair_of_a : pair_of_b;
        const auto p = map.find(c.code_id);
        if (p == map.end()) continue;
        const auto d = doc_index.find(c.document_id);
        if (d == doc_index.end())
            throw InvalidArgument("agreement report: coding " + std::to_string(c.id) + " names document " +
                                  std::to_string(c.document_id) + ", which is not in the report's documents");
        if (c.span.start < 0 || c.span.end > in.documents[d->second].length || c.span.end < c.span.start)
            throw InvalidArgument("agreement report: coding " + std::to_string(c.id) + " span [" +
                                  std::to_string(c.span.start) + ", " + std::to_string(c.span.end) +
                                  ") lies outside document " + std::to_string(c.document_id) + " [0, " +
                                  std::to_string(in.documents[d->second].length) + ")");
        entries.push_back({p->second, d->second, static_cast<std::uint8_t>(is_a ? 0 : 1), c.span});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& x, const Entry& y) {
        if (x.pair != y.pair) return x.pair < y.pair;
        if (x.doc != y.doc) return x.doc < y.doc;
        if (x.side != y.side) return x.side < y.side;
        return x.span.start < y.span.start;
    });

    const bool continuum = o.unit == UnitKind::continuum;
    std::vector<std::int64_t> offset(in.documents.size() + 1, 0);
    for (std::size_t d = 0; d < in.documents.size(); ++d) offset[d + 1] = offset[d] + in.documents[d].length;
    std::vector<Span> pair_a, pair_b;  // continuum, current pair
    std::vector<std::vector<Span>> doc_a(continuum ? in.documents.size() : 0), doc_b(doc_a.size());
    if (continuum) cells.pair_alpha.resize(cells.pairs.size(), Coefficient::undefined("neither coder used this code"));

    std::size_t ncells = entries.empty() ? 0 : 1;
    for (std::size_t i = 1; i < entries.size(); ++i)
        ncells += entries[i].pair != entries[i - 1].pair || entries[i].doc != entries[i - 1].doc;
    cells.cells.reserve(ncells);
    // Reserved address space costs nothing until written; it spares the copies of a growing vector.
    if (out) out->reserve(out->size() + entries.size() + ncells);

    std::vector<Span> a, b;
    std::size_t next_report = 0;
    for (std::size_t i = 0; i < entries.size();) {
        if (o.progress && i >= next_report) {
            if (!o.progress(static_cast<double>(i) / static_cast<double>(entries.size()))) throw Cancelled();
            next_report = i + 4096;
        }
        const std::uint32_t pair = entries[i].pair, doc = entries[i].doc;
        a.clear();
        b.clear();
        for (; i < entries.size() && entries[i].pair == pair && entries[i].doc == doc; ++i)
            (entries[i].side == 0 ? a : b).push_back(entries[i].span);
        Cell cell;
        cell.pair = pair;
        cell.doc = doc;
        const CodePair& cp = cells.pairs[pair];
        const RowId doc_id = in.documents[doc].id;
        auto note = [&](Disagreement::Who who, Span s) {
            if (out) out->push_back({doc_id, s, cp.code_a, cp.code_b, who, std::nullopt, 0.0});
        };
        switch (o.unit) {
            case UnitKind::character:
            case UnitKind::continuum: {
                cell.counts = character_counts(a, b, in.documents[doc].length);
                if (continuum) {
                    cells.cell_alpha.push_back(binary_u_alpha(a, b, in.documents[doc].length));
                    for (const auto& s : a) {
                        pair_a.push_back({s.start + offset[doc], s.end + offset[doc]});
                        doc_a[doc].push_back(s);
                    }
                    for (const auto& s : b) {
                        pair_b.push_back({s.start + offset[doc], s.end + offset[doc]});
                        doc_b[doc].push_back(s);
                    }
                }
                if (out) {
                    std::vector<Span> na = a, nb = b;
                    normalise_spans(na);
                    normalise_spans(nb);
                    for (const auto& s : difference(na, nb)) note(Disagreement::Who::only_a, s);
                    for (const auto& s : difference(nb, na)) note(Disagreement::Who::only_b, s);
                }
                break;
            }
            case UnitKind::segment: {
                const auto ca = check_segments(a, b, o.min_overlap);
                const auto cb = check_segments(b, a, o.min_overlap);
                std::vector<Span> sa = a, sb = b;  // the partner index refers to the sorted, unique list
                auto sorted_unique = [](std::vector<Span>& v) {
                    std::sort(v.begin(), v.end(), [](const Span& x, const Span& y) {
                        return x.start != y.start ? x.start < y.start : x.end < y.end;
                    });
                    v.erase(std::unique(v.begin(), v.end()), v.end());
                };
                sorted_unique(sa);
                sorted_unique(sb);
                auto tally = [&](const std::vector<SegmentCheck>& checks, const std::vector<Span>& other, bool side_a) {
                    for (const auto& x : checks) {
                        (side_a ? cell.segments.segments_a : cell.segments.segments_b) += 1.0;
                        (side_a ? cell.segments.agreeing_a : cell.segments.agreeing_b) += x.agrees;
                        if (!x.agrees && out) {
                            Disagreement dis{doc_id,
                                             x.span,
                                             cp.code_a,
                                             cp.code_b,
                                             side_a ? Disagreement::Who::only_a : Disagreement::Who::only_b,
                                             std::nullopt,
                                             x.best_ratio};
                            if (x.partner >= 0) dis.partner = other[static_cast<std::size_t>(x.partner)];
                            out->push_back(dis);
                        }
                    }
                };
                tally(ca, sb, true);
                tally(cb, sa, false);
                break;
            }
            case UnitKind::presence_document: {
                const bool ha = !a.empty(), hb = !b.empty();
                cell.counts = {ha && hb ? 1.0 : 0.0, ha && !hb ? 1.0 : 0.0, hb && !ha ? 1.0 : 0.0, 0.0};
                if (ha != hb)
                    note(ha ? Disagreement::Who::only_a : Disagreement::Who::only_b, {0, in.documents[doc].length});
                break;
            }
            case UnitKind::presence_turn: {
                const auto ta = touched_turns(a, turns[doc]), tb = touched_turns(b, turns[doc]);
                std::vector<std::uint32_t> both;
                std::set_intersection(ta.begin(), ta.end(), tb.begin(), tb.end(), std::back_inserter(both));
                const double nb = static_cast<double>(both.size());
                cell.counts = {nb, static_cast<double>(ta.size()) - nb, static_cast<double>(tb.size()) - nb,
                               static_cast<double>(turns[doc].size() + both.size() - ta.size() - tb.size())};
                if (out) {
                    std::vector<std::uint32_t> diff;
                    std::set_difference(ta.begin(), ta.end(), tb.begin(), tb.end(), std::back_inserter(diff));
                    for (auto t : diff) note(Disagreement::Who::only_a, turns[doc][t]);
                    diff.clear();
                    std::set_difference(tb.begin(), tb.end(), ta.begin(), ta.end(), std::back_inserter(diff));
                    for (auto t : diff) note(Disagreement::Who::only_b, turns[doc][t]);
                }
                break;
            }
        }
        cells.cells.push_back(cell);
        if (continuum && (i == entries.size() || entries[i].pair != pair)) {
            cells.pair_alpha[pair] = binary_u_alpha(pair_a, pair_b, offset.back());
            pair_a.clear();
            pair_b.clear();
        }
    }
    if (continuum) {
        std::vector<Span> all_a, all_b;
        for (std::size_t d = 0; d < in.documents.size(); ++d) {
            cells.doc_alpha.push_back(binary_u_alpha(doc_a[d], doc_b[d], in.documents[d].length));
            for (const auto& s : merge_overlapping(doc_a[d])) all_a.push_back({s.start + offset[d], s.end + offset[d]});
            for (const auto& s : merge_overlapping(doc_b[d])) all_b.push_back({s.start + offset[d], s.end + offset[d]});
        }
        cells.overall_alpha = binary_u_alpha(all_a, all_b, offset.back());
    }
    if (o.progress && !o.progress(1.0)) throw Cancelled();
    return cells;
}

}  // namespace tessera::agreement
