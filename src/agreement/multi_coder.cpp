// m-coder character units: boundary sweeps give, per code and document, how many coders coded each run.
#include "agreement/multi_coder.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "agreement/krippendorff.hpp"
#include "util/error.hpp"

namespace tessera::agreement {

/*
** Invariants:
**  1. sum_k h[k] == length: every character is in exactly one bin.
**  2. Coefficients are computed from the histogram alone; a character coded by k of m coders is a
**     unit with k "coded" and m - k "not coded" values.
*/

std::vector<double> coverage_histogram(const std::vector<std::vector<Span>>& coders, std::int64_t length) {
    std::vector<std::pair<std::int64_t, int>> ev;
    for (const auto& spans : coders) {
        std::vector<Span> s = spans;
        normalise_spans(s);
        for (const auto& x : s) {
            if (x.start < 0 || x.end > length)
                throw InvalidArgument("character units: span [" + std::to_string(x.start) + ", " +
                                      std::to_string(x.end) + ") lies outside the document [0, " +
                                      std::to_string(length) + ")");
            ev.emplace_back(x.start, +1);
            ev.emplace_back(x.end, -1);
        }
    }
    std::sort(ev.begin(), ev.end());
    std::vector<double> h(coders.size() + 1, 0.0);
    std::int64_t pos = 0;
    int active = 0;
    for (const auto& [p, d] : ev) {
        h[static_cast<std::size_t>(active)] += static_cast<double>(p - pos);
        pos = p;
        active += d;
    }
    h[0] += static_cast<double>(length - pos);
    return h;
}

BinaryMultiCoder binary_coefficients(const std::vector<double>& h) {
    BinaryMultiCoder r;
    const std::size_t m = h.size() - 1;
    double n = 0.0;
    for (double x : h) n += x;
    if (m < 2 || n <= 0.0) {
        const std::string why = m < 2 ? "fewer than 2 coders" : "no units";
        r.percent = r.fleiss = r.alpha = Coefficient::undefined(why);
        return r;
    }
    const double md = static_cast<double>(m);
    double agree = 0.0, coded = 0.0;
    Coincidences co;
    co.q = 2;
    co.coders = m;
    co.o.assign(4, 0.0);
    co.values = {0.0, 1.0};
    for (std::size_t k = 0; k <= m; ++k) {
        const double kd = static_cast<double>(k), rest = md - kd;
        agree += h[k] * (kd * (kd - 1.0) + rest * (rest - 1.0)) / (md * (md - 1.0));
        coded += h[k] * kd;
        co.o[3] += h[k] * kd * (kd - 1.0) / (md - 1.0);
        co.o[0] += h[k] * rest * (rest - 1.0) / (md - 1.0);
        co.o[1] += h[k] * kd * rest / (md - 1.0);
        co.o[2] += h[k] * kd * rest / (md - 1.0);
        co.pairs += h[k] * md * (md - 1.0) / 2.0;
    }
    const double po = agree / n;
    r.percent = Coefficient::of(po, po, 0.0);
    const double p1 = coded / (n * md);
    const double pe = p1 * p1 + (1.0 - p1) * (1.0 - p1);
    r.fleiss = pe >= 1.0 - 1e-12
                   ? Coefficient::undefined("no variation: every character coded by all coders or by none", po, pe)
                   : Coefficient::of((po - pe) / (1.0 - pe), po, pe);
    r.alpha = krippendorff_alpha(co, Level::nominal);
    return r;
}

MultiCoderReport multi_coder_character_report(const std::vector<Coding>& codings,
                                              const std::vector<DocumentExtent>& documents,
                                              const std::vector<RowId>& coders, std::vector<RowId> codes) {
    std::vector<RowId> uniq = coders;
    std::sort(uniq.begin(), uniq.end());
    uniq.erase(std::unique(uniq.begin(), uniq.end()), uniq.end());
    if (uniq.size() < 2 || uniq.size() != coders.size())
        throw InvalidArgument("multi-coder report: give at least 2 distinct coders");
    std::unordered_map<RowId, std::size_t> coder_index, doc_index;
    for (std::size_t i = 0; i < coders.size(); ++i) coder_index[coders[i]] = i;
    double total_length = 0.0;
    for (std::size_t d = 0; d < documents.size(); ++d) {
        doc_index[documents[d].id] = d;
        total_length += static_cast<double>(documents[d].length);
    }
    // (code, doc) -> spans per coder
    std::map<std::pair<RowId, std::size_t>, std::vector<std::vector<Span>>> cells;
    for (const auto& c : codings) {
        const auto ci = coder_index.find(c.coder_id);
        if (ci == coder_index.end()) continue;
        if (!codes.empty() && std::find(codes.begin(), codes.end(), c.code_id) == codes.end()) continue;
        const auto di = doc_index.find(c.document_id);
        if (di == doc_index.end())
            throw InvalidArgument("multi-coder report: coding " + std::to_string(c.id) + " names document " +
                                  std::to_string(c.document_id) + ", which is not in the report's documents");
        auto& cell = cells[{c.code_id, di->second}];
        cell.resize(coders.size());
        cell[ci->second].push_back(c.span);
    }
    if (codes.empty())
        for (const auto& [key, v] : cells)
            if (codes.empty() || codes.back() != key.first) codes.push_back(key.first);
    MultiCoderReport rep;
    rep.coders = coders;
    std::unordered_map<RowId, std::size_t> row_of;
    for (RowId id : codes) {
        row_of[id] = rep.per_code.size();
        MultiCoderRow row;
        row.code_id = id;
        row.histogram.assign(coders.size() + 1, 0.0);
        row.histogram[0] = total_length;  // documents without a cell are uncoded throughout
        rep.per_code.push_back(std::move(row));
    }
    for (const auto& [key, spans] : cells) {
        const auto h = coverage_histogram(spans, documents[key.second].length);
        auto& row = rep.per_code[row_of.at(key.first)];
        row.histogram[0] -= static_cast<double>(documents[key.second].length);
        for (std::size_t k = 0; k < h.size(); ++k) row.histogram[k] += h[k];
    }
    rep.overall_pooled.histogram.assign(coders.size() + 1, 0.0);
    for (auto& row : rep.per_code) {
        row.coefficients = binary_coefficients(row.histogram);
        for (std::size_t k = 0; k < row.histogram.size(); ++k) rep.overall_pooled.histogram[k] += row.histogram[k];
    }
    rep.overall_pooled.coefficients = binary_coefficients(rep.overall_pooled.histogram);
    rep.method = "Unit: the character, for " + std::to_string(coders.size()) +
                 " coders: each character of each document is coded by k of the m coders for a code. Percent "
                 "agreement is pairwise; Fleiss' kappa and nominal Krippendorff's alpha treat a character as a unit "
                 "with k 'coded' and m - k 'not coded' values. Per code: pooled over documents; overall: pooled over "
                 "codes and documents. Undefined values (no variation) are reported with the reason.\n";
    return rep;
}

}  // namespace tessera::agreement
