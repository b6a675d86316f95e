// The study report's agreement section: per aligned code pair and overall (pooled and averaged),
// kappa with its 95% CI and alpha, and the agreement engine's own method text.
#include "agreement/project_input.hpp"
#include "analysis/table.hpp"
#include "export/report_study_parts.hpp"

namespace tessera::exporter::detail {
namespace {

std::string unit_phrase(agreement::UnitKind u, double min_overlap) {
    switch (u) {
    case agreement::UnitKind::character: return "at the character level (each character coded by one coder, both or neither)";
    case agreement::UnitKind::segment:
        return "over coded segments matched at " + analysis::format_fixed(min_overlap * 100, 0) + "% overlap";
    case agreement::UnitKind::presence_document: return "on the presence of each code in each document";
    case agreement::UnitKind::presence_turn: return "on the presence of each code in each speaker turn";
    case agreement::UnitKind::continuum: return "over the continuum of the text (unitizing alpha)";
    }
    return "";
}

std::vector<std::string> row_cells(const std::string& label, const agreement::AgreementRow& r) {
    std::string ci = r.kappa.ci_low ? "[" + analysis::format_fixed(*r.kappa.ci_low, 3) + ", " +
                                          analysis::format_fixed(*r.kappa.ci_high, 3) + "]"
                                    : "";
    return {label,
            analysis::format_fixed(r.units, 0),
            r.percent.defined() ? analysis::format_fixed(*r.percent.value * 100, 1) : "undefined",
            report_coefficient(r.kappa.kappa),
            ci,
            report_coefficient(r.alpha),
            agreement::landis_koch(r.kappa.kappa)};
}

}  // namespace

void add_agreement_section(ReportDocument& doc, const StudyContext& c, std::string& method_sentence) {
    doc.heading(1, "Inter-coder agreement");
    if (c.coders.size() < 2) {
        doc.paragraph("Agreement was not computed: the project has fewer than two coders with their own codebooks.");
        return;
    }
    const auto &a = c.coders[0], &b = c.coders[1];
    auto in = agreement::project_input(c.p, a.id, b.id);
    if (in.input.codes.empty()) {
        doc.paragraph("Agreement was not computed: " + a.name + " and " + b.name +
                      " share no codes and their codebooks have no confirmed alignment.");
        return;
    }
    agreement::ReportOptions ro;
    ro.unit = c.o.unit;
    ro.min_overlap = c.o.min_overlap;
    ro.list_disagreements = false;
    ro.per_code_document_rows = false;
    auto r = agreement::build_report(in.input, ro);
    method_sentence = "Agreement between " + a.name + " and " + b.name + " was computed over the " +
                      std::to_string(in.input.codes.size()) + " code pairs of the " + agreement::to_string(in.source) +
                      " " + unit_phrase(ro.unit, ro.min_overlap) +
                      ": percentage agreement, Cohen's kappa with a 95% confidence interval and Krippendorff's alpha "
                      "(nominal), per code pair and overall, pooled over all pairs and averaged across them.";

    analysis::Table t;
    t.title = "Table 2. Agreement between " + a.name + " and " + b.name + " (" + agreement::to_string(ro.unit) +
              " units; code pairs from the " + agreement::to_string(in.source) + ")";
    t.headers = {"Code pair", "Units", "Agreement (%)", "Cohen's kappa", "Kappa 95% CI", "Krippendorff's alpha",
                 "Kappa band"};
    for (const auto& row : r.per_code) t.add(row_cells(row.label, row));
    t.add(row_cells("Overall (pooled)", r.overall_pooled));
    const auto& av = r.overall_averaged;
    t.add({"Overall (averaged over " + std::to_string(av.codes_averaged) + " pairs)", "",
           av.percent.defined() ? analysis::format_fixed(*av.percent.value * 100, 1) : "undefined",
           report_coefficient(av.kappa), "", report_coefficient(av.alpha), agreement::landis_koch(av.kappa)});
    t.notes.push_back("Method: " + r.method);
    if (av.codes_undefined)
        t.notes.push_back(std::to_string(av.codes_undefined) + " pair(s) with an undefined kappa are left out of the average.");
    std::size_t unpaired = in.unpaired_a.size() + in.unpaired_b.size();
    if (unpaired) {
        std::vector<std::string> names;
        for (RowId id : in.unpaired_a) names.push_back(a.name + ": " + c.p.code_path(id));
        for (RowId id : in.unpaired_b) names.push_back(b.name + ": " + c.p.code_path(id));
        t.notes.push_back("Codes without a partner, not compared: " + join_and(names) + ".");
    }
    doc.paragraph("Overall (pooled) agreement between " + a.name + " and " + b.name + ": Cohen's kappa " +
                  report_coefficient(r.overall_pooled.kappa.kappa) +
                  (r.overall_pooled.kappa.ci_low ? " (95% CI " + analysis::format_fixed(*r.overall_pooled.kappa.ci_low, 3) +
                                                       " to " + analysis::format_fixed(*r.overall_pooled.kappa.ci_high, 3) + ")"
                                                 : std::string()) +
                  ", " + agreement::landis_koch(r.overall_pooled.kappa.kappa) + " agreement (Landis & Koch); Krippendorff's alpha " +
                  report_coefficient(r.overall_pooled.alpha) + ". Averaged over code pairs, kappa was " +
                  report_coefficient(av.kappa) + ".");
    doc.table(std::move(t));
}

}  // namespace tessera::exporter::detail
