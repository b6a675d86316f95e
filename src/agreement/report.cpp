// Builds the agreement report: groups codings by (code pair, document), counts units per cell with
// interval sweeps, then pools cells into per-code, per-document and overall rows.
#include "agreement/report.hpp"

#include <algorithm>
#include <unordered_map>

#include "agreement/krippendorff.hpp"
#include "agreement/report_cells.hpp"
#include "util/error.hpp"

namespace tessera::agreement {

/*
** Invariants:
**  1. Every unit of every (code pair, document) is counted exactly once: cells hold the units of
**     the pairs a coder used in the document; the units of untouched pairs/documents are added
**     to "neither" when pooling (capacity of the document x untouched pairs).
**  2. Pooled rows sum raw counts and compute each coefficient once from the sum; averaged rows
**     average per-code coefficients, leaving undefined ones out and counting them.
**  3. No per-character vector is built: memory is linear in the number of codings.
*/

const char* to_string(UnitKind u) {
    switch (u) {
        case UnitKind::character:
            return "char";
        case UnitKind::segment:
            return "segment";
        case UnitKind::presence_document:
            return "presence:doc";
        case UnitKind::presence_turn:
            return "presence:turn";
        case UnitKind::continuum:
            return "continuum";
    }
    return "char";
}

UnitKind unit_from_string(const std::string& s, double* min_overlap) {
    if (s == "char" || s == "character") return UnitKind::character;
    if (s == "continuum") return UnitKind::continuum;
    if (s == "presence" || s == "presence:doc") return UnitKind::presence_document;
    if (s == "presence:turn") return UnitKind::presence_turn;
    if (s == "segment") return UnitKind::segment;
    if (s.rfind("segment:", 0) == 0) {
        const std::string pct = s.substr(8);
        std::size_t used = 0;
        double v = 0.0;
        try {
            v = std::stod(pct, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != pct.size() || pct.empty() || !(v > 0.0 && v <= 100.0))
            throw InvalidArgument("unit '" + s + "': the overlap after 'segment:' must be a percentage in (0, 100]");
        if (min_overlap) *min_overlap = v / 100.0;
        return UnitKind::segment;
    }
    throw InvalidArgument("unknown unit '" + s + "' (expected char, segment[:PCT], presence[:doc|turn] or continuum)");
}

namespace {

void fill_binary(AgreementRow& row, const ReportOptions& o) {
    row.units = row.counts.total();
    const ContingencyTable t = row.counts.table();
    row.percent = percent_agreement(t);
    row.kappa = cohen_kappa(t);
    const bool nothing_coded = row.counts.both == 0.0 && row.counts.only_a == 0.0 && row.counts.only_b == 0.0;
    if (nothing_coded && row.units > 0.0) {
        const std::string why = "neither coder coded anything here (0/0)";
        row.kappa.kappa =
            o.nvivo_empty_kappa_is_one ? Coefficient::of(1.0, 1.0, 1.0) : Coefficient::undefined(why, 1.0, 1.0);
        row.alpha = Coefficient::undefined(why);
        return;
    }
    row.alpha = o.unit == UnitKind::continuum ? row.alpha : krippendorff_alpha(coincidences(t), Level::nominal);
}

void fill_segment(AgreementRow& row, std::size_t pairs) {
    row.units = row.segments.segments();
    row.percent = segment_percent_agreement(row.segments);
    row.kappa = CohenKappa{};
    row.kappa.kappa = maxqda_kappa(row.segments, pairs);
    row.kappa.n = row.units;
    static const std::string why =
        "segment units have no 'coded by neither' cell (free segmentation), so only "
        "MAXQDA's free-marginal kappa is defined; use character units for alpha";
    row.alpha = Coefficient::undefined(why);
}

Coefficient mean_of(const std::vector<AgreementRow>& rows, const Coefficient AgreementRow::*field, const char* what) {
    double sum = 0.0;
    std::size_t n = 0;
    for (const auto& r : rows)
        if ((r.*field).defined()) {
            sum += *(r.*field).value;
            ++n;
        }
    if (n == 0) return Coefficient::undefined(std::string("no code has a defined ") + what);
    return Coefficient::of(sum / static_cast<double>(n));
}

}  // namespace

Coefficient size_weighted_kappa(const std::vector<AgreementRow>& rows) {
    double sum = 0.0, weight = 0.0;
    for (const auto& r : rows)
        if (r.kappa.kappa.defined() && r.units > 0.0) {
            sum += *r.kappa.kappa.value * r.units;
            weight += r.units;
        }
    if (weight <= 0.0) return Coefficient::undefined("no row has a defined kappa");
    return Coefficient::of(sum / weight);
}

AgreementReport build_report(const ReportInput& input, const ReportOptions& options) {
    if (!(options.min_overlap > 0.0 && options.min_overlap <= 1.0))
        throw InvalidArgument("agreement report: minimum overlap must be in (0, 1], got " +
                              std::to_string(options.min_overlap));
    AgreementReport rep;
    rep.options = options;
    rep.coder_a = input.coder_a;
    rep.coder_b = input.coder_b;

    const Cells cells = build_cells(input, options, rep.options.list_disagreements ? &rep.disagreements : nullptr);
    const std::size_t npairs = cells.pairs.size();
    const bool seg = options.unit == UnitKind::segment;

    rep.per_code.resize(npairs);
    for (std::size_t p = 0; p < npairs; ++p) {
        rep.per_code[p].label = cells.pairs[p].label;
        rep.per_code[p].code_a = cells.pairs[p].code_a;
        rep.per_code[p].code_b = cells.pairs[p].code_b;
    }
    rep.per_document.resize(cells.documents.size());
    for (std::size_t d = 0; d < cells.documents.size(); ++d) {
        rep.per_document[d].label = cells.documents[d].name;
        rep.per_document[d].document_id = cells.documents[d].id;
    }
    std::vector<double> pair_capacity(npairs, 0.0);  // units of documents with a cell for the pair
    std::vector<std::size_t> doc_cells(cells.documents.size(), 0);
    if (options.per_code_document_rows) rep.per_code_document.reserve(cells.cells.size());
    for (const Cell& c : cells.cells) {
        rep.per_code[c.pair].counts += c.counts;
        rep.per_code[c.pair].segments += c.segments;
        rep.per_document[c.doc].counts += c.counts;
        rep.per_document[c.doc].segments += c.segments;
        pair_capacity[c.pair] += cells.capacity[c.doc];
        ++doc_cells[c.doc];
        if (options.per_code_document_rows) {
            AgreementRow& row = rep.per_code_document.emplace_back();
            row.label = cells.pairs[c.pair].label;
            row.code_a = cells.pairs[c.pair].code_a;
            row.code_b = cells.pairs[c.pair].code_b;
            row.document_id = cells.documents[c.doc].id;
            row.counts = c.counts;
            row.segments = c.segments;
            if (!cells.cell_alpha.empty()) row.alpha = cells.cell_alpha[&c - cells.cells.data()];
            if (seg)
                fill_segment(row, npairs);
            else
                fill_binary(row, options);
        }
    }
    double all_capacity = 0.0;
    for (double x : cells.capacity) all_capacity += x;
    rep.overall_pooled.label = "overall (pooled)";
    for (std::size_t p = 0; p < npairs; ++p) {
        auto& row = rep.per_code[p];
        row.counts.neither += all_capacity - pair_capacity[p];
        row.alpha = cells.pair_alpha.empty() ? Coefficient{} : cells.pair_alpha[p];
        if (seg)
            fill_segment(row, npairs);
        else
            fill_binary(row, options);
        rep.overall_pooled.counts += row.counts;
        rep.overall_pooled.segments += row.segments;
    }
    for (std::size_t d = 0; d < rep.per_document.size(); ++d) {
        auto& row = rep.per_document[d];
        row.counts.neither += static_cast<double>(npairs - doc_cells[d]) * cells.capacity[d];
        row.alpha = cells.doc_alpha.empty() ? Coefficient{} : cells.doc_alpha[d];
        if (seg)
            fill_segment(row, npairs);
        else
            fill_binary(row, options);
    }
    rep.overall_pooled.alpha = cells.overall_alpha;
    if (seg)
        fill_segment(rep.overall_pooled, npairs);
    else
        fill_binary(rep.overall_pooled, options);

    auto& avg = rep.overall_averaged;
    avg.percent = mean_of(rep.per_code, &AgreementRow::percent, "percent agreement");
    avg.alpha = mean_of(rep.per_code, &AgreementRow::alpha, "alpha");
    {
        double sum = 0.0;
        for (const auto& r : rep.per_code) {
            if (r.kappa.kappa.defined()) {
                sum += *r.kappa.kappa.value;
                ++avg.codes_averaged;
            } else {
                ++avg.codes_undefined;
            }
        }
        avg.kappa = avg.codes_averaged ? Coefficient::of(sum / static_cast<double>(avg.codes_averaged))
                                       : Coefficient::undefined("no code has a defined kappa");
    }
    rep.method = describe_method(options, npairs);
    return rep;
}

}  // namespace tessera::agreement
