// `tessera agreement`: inter-coder agreement of a project's coders, or of a ratings table (CSV).
#include "agreement/coefficients.hpp"
#include "agreement/krippendorff.hpp"
#include "agreement/multi_coder.hpp"
#include "agreement/project_input.hpp"
#include "agreement/ratings.hpp"
#include "agreement/report.hpp"
#include "export/csv_writer.hpp"
#include "import/csv_table.hpp"
#include "ui/cli/cli_common.hpp"
#include "ui/cli/cli_registry.hpp"
#include "util/error.hpp"

#include <iostream>
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace tessera::cli {
namespace {

using namespace tessera::agreement;

struct AgreementArgs {
    std::string project;
    std::string coders;
    std::string unit = "char";
    std::vector<std::string> codes;
    std::string format = "table";
    std::string ratings;
    std::string level = "nominal";
    std::size_t bootstrap = 2000;
    bool disagreements = false;
    bool nvivo_empty = false;
};

std::string num(const std::optional<double>& v, int digits = 4) { return v ? fixed(*v, digits) : ""; }
std::string val(const Coefficient& c) { return c.defined() ? fixed(*c.value, 4) : "undefined"; }

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string part; std::getline(ss, part, sep);)
        if (!part.empty()) out.push_back(part);
    return out;
}

void check_format(const std::string& f) {
    if (f != "table" && f != "csv" && f != "json")
        throw InvalidArgument("--format must be table, csv or json (not '" + f + "')");
}

nlohmann::json coef_json(const Coefficient& c) {
    nlohmann::json j = {{"value", c.value ? nlohmann::json(*c.value) : nlohmann::json(nullptr)}};
    if (!c.defined()) j["undefined_reason"] = c.reason;
    return j;
}

nlohmann::json row_json(const AgreementRow& r) {
    return {{"label", r.label},
            {"units", r.units},
            {"percent_agreement", coef_json(r.percent)},
            {"cohen_kappa", coef_json(r.kappa.kappa)},
            {"kappa_se", r.kappa.se ? nlohmann::json(*r.kappa.se) : nlohmann::json(nullptr)},
            {"kappa_ci95", r.kappa.ci_low ? nlohmann::json({*r.kappa.ci_low, *r.kappa.ci_high}) : nlohmann::json(nullptr)},
            {"krippendorff_alpha", coef_json(r.alpha)},
            {"landis_koch", landis_koch(r.kappa.kappa)},
            {"krippendorff_band", krippendorff_band(r.alpha)}};
}

Table rows_table(const std::vector<const AgreementRow*>& rows, const char* first) {
    Table t({first, "units", "agreement", "kappa", "SE", "95% CI", "alpha", "kappa band", "alpha band"});
    for (const auto* r : rows) {
        std::string ci = r->kappa.ci_low ? "[" + fixed(*r->kappa.ci_low, 3) + ", " + fixed(*r->kappa.ci_high, 3) + "]" : "";
        t.add({r->label, fixed(r->units, 0), r->percent.defined() ? fixed(*r->percent.value * 100, 1) + "%" : "undefined",
               val(r->kappa.kappa), num(r->kappa.se), ci, val(r->alpha), landis_koch(r->kappa.kappa),
               krippendorff_band(r->alpha)});
    }
    return t;
}

void print_csv(const Table& t) {
    auto j = t.to_json();
    if (j.empty()) return;
    std::vector<std::string> head;
    for (auto it = j[0].begin(); it != j[0].end(); ++it) head.push_back(it.key());
    exporter::write_csv_row(std::cout, head);
    for (const auto& row : j) {
        std::vector<std::string> cells;
        for (const auto& h : head) cells.push_back(row[h].get<std::string>());
        exporter::write_csv_row(std::cout, cells);
    }
}

void project_agreement(const AgreementArgs& a) {
    check_format(a.format);
    Project p = open_project(a.project);
    auto names = split(a.coders, ',');
    if (names.size() < 2) throw InvalidArgument("--coders needs at least two coder names, e.g. --coders Amara,Ben");
    std::vector<Coder> coders;
    for (const auto& n : names) coders.push_back(require_coder(p, n));
    ReportOptions opt;
    opt.unit = unit_from_string(a.unit, &opt.min_overlap);
    opt.nvivo_empty_kappa_is_one = a.nvivo_empty;

    // Three or more coders on one codebook: Fleiss' kappa and alpha over all of them (characters),
    // then every pair as below.
    nlohmann::json all = nlohmann::json::array();
    if (coders.size() >= 3 && opt.unit == UnitKind::character) {
        std::vector<RowId> ids;
        for (const auto& c : coders) ids.push_back(c.id);
        std::map<RowId, std::set<RowId>> users;  // code -> coders who applied it
        std::vector<Coding> codings;
        for (auto& k : p.codings())
            if (std::find(ids.begin(), ids.end(), k.coder_id) != ids.end()) {
                users[k.code_id].insert(k.coder_id);
                codings.push_back(std::move(k));
            }
        std::vector<RowId> shared;
        for (const auto& [code, who] : users)
            if (who.size() >= 2) shared.push_back(code);
        if (shared.empty()) {
            if (a.format == "table")
                std::cout << "No code was applied by two or more of these coders, so Fleiss' kappa over all "
                             "of them is not defined (separate codebooks: align them pairwise below).\n\n";
        } else {
            std::vector<DocumentExtent> docs;
            for (const auto& d : p.documents()) docs.push_back({d.id, d.length, d.name});
            MultiCoderReport mr = multi_coder_character_report(codings, docs, ids, shared);
            Table mt({"code", "pairwise agreement", "Fleiss' kappa", "alpha", "kappa band"});
            auto add = [&](const std::string& label, const BinaryMultiCoder& c) {
                mt.add({label, c.percent.defined() ? fixed(*c.percent.value * 100, 1) + "%" : "undefined", val(c.fleiss),
                        val(c.alpha), landis_koch(c.fleiss)});
            };
            for (const auto& row : mr.per_code) add(p.code_path(row.code_id), row.coefficients);
            add("OVERALL (pooled)", mr.overall_pooled.coefficients);
            if (a.format == "json") {
                all.push_back({{"coders", names}, {"unit", "char"}, {"multi_coder", mt.to_json()}, {"method", mr.method}});
            } else if (a.format == "csv") {
                print_csv(mt);
            } else {
                std::cout << "Agreement among " << coders.size() << " coders (" << a.coders
                          << ") — unit: characters; codes applied by at least two of them\n\n";
                mt.print(std::cout, false);
                std::cout << "\nMethod: " << mr.method << "\n\n";
            }
        }
    }
    for (std::size_t i = 0; i < coders.size(); ++i) {
        for (std::size_t k = i + 1; k < coders.size(); ++k) {
            ProjectInput in = project_input(p, coders[i].id, coders[k].id, a.codes);
            if (in.input.codes.empty())
                throw InvalidArgument("coders " + coders[i].name + " and " + coders[k].name +
                                      " share no codes and have no confirmed alignment: align their codebooks first");
            AgreementReport r = build_report(in.input, opt);
            std::vector<const AgreementRow*> per_code, per_doc;
            for (const auto& row : r.per_code) per_code.push_back(&row);
            for (const auto& row : r.per_document) per_doc.push_back(&row);
            std::vector<std::string> unpaired;
            for (RowId id : in.unpaired_a) unpaired.push_back(coders[i].name + ": " + p.code_path(id));
            for (RowId id : in.unpaired_b) unpaired.push_back(coders[k].name + ": " + p.code_path(id));

            if (a.format == "json") {
                nlohmann::json j;
                j["coders"] = {coders[i].name, coders[k].name};
                j["unit"] = to_string(opt.unit);
                j["pairs_from"] = to_string(in.source);
                j["method"] = r.method;
                for (const auto* row : per_code) j["per_code"].push_back(row_json(*row));
                for (const auto* row : per_doc) j["per_document"].push_back(row_json(*row));
                j["overall_pooled"] = row_json(r.overall_pooled);
                j["overall_averaged"] = {{"percent_agreement", coef_json(r.overall_averaged.percent)},
                                         {"cohen_kappa", coef_json(r.overall_averaged.kappa)},
                                         {"krippendorff_alpha", coef_json(r.overall_averaged.alpha)},
                                         {"codes_averaged", r.overall_averaged.codes_averaged},
                                         {"codes_undefined", r.overall_averaged.codes_undefined}};
                j["unpaired_codes"] = unpaired;
                j["disagreements"] = r.disagreements.size();
                all.push_back(j);
                continue;
            }
            Table codes_t = rows_table(per_code, "code");
            AgreementRow pooled = r.overall_pooled;
            pooled.label = "OVERALL (pooled)";
            if (a.format == "csv") {
                codes_t.add({pooled.label, fixed(pooled.units, 0), num(pooled.percent.value), val(pooled.kappa.kappa),
                             num(pooled.kappa.se), "", val(pooled.alpha), landis_koch(pooled.kappa.kappa),
                             krippendorff_band(pooled.alpha)});
                print_csv(codes_t);
                continue;
            }
            std::cout << "Agreement between " << coders[i].name << " and " << coders[k].name << " — unit: "
                      << to_string(opt.unit) << "; code pairs from the " << to_string(in.source) << "\n\n";
            codes_t.print(std::cout, false);
            std::cout << "\n";
            rows_table(per_doc, "document").print(std::cout, false);
            std::cout << "\n";
            rows_table({&pooled}, "overall").print(std::cout, false);
            std::cout << "OVERALL (averaged over " << r.overall_averaged.codes_averaged << " codes"
                      << (r.overall_averaged.codes_undefined
                              ? ", " + std::to_string(r.overall_averaged.codes_undefined) + " undefined left out"
                              : std::string())
                      << "): agreement " << val(r.overall_averaged.percent) << ", kappa "
                      << val(r.overall_averaged.kappa) << ", alpha " << val(r.overall_averaged.alpha) << "\n";
            if (!unpaired.empty()) {
                std::cout << "\nCodes without a partner (not compared):\n";
                for (const auto& u : unpaired) std::cout << "  " << u << "\n";
            }
            std::cout << "\n" << r.disagreements.size() << " disagreement(s)";
            if (a.disagreements && !r.disagreements.empty()) {
                std::cout << ":\n";
                std::map<RowId, std::string> doc_names;
                for (const auto& d : in.input.documents) doc_names[d.id] = d.name;
                Table dt({"document", "span", "only", "code"});
                for (const auto& d : r.disagreements)
                    dt.add({doc_names[d.document_id], "[" + std::to_string(d.span.start) + ", " + std::to_string(d.span.end) + ")",
                            d.who == Disagreement::Who::only_a ? coders[i].name : coders[k].name,
                            p.code_path(d.who == Disagreement::Who::only_a ? d.code_a : d.code_b)});
                dt.print(std::cout, false);
            } else {
                std::cout << (r.disagreements.empty() ? "\n" : " (list them with --disagreements)\n");
            }
            std::cout << "\nMethod: " << r.method << "\n";
        }
    }
    if (a.format == "json") std::cout << (all.size() == 1 ? all[0] : all).dump(2) << "\n";
}

void ratings_agreement(const AgreementArgs& a) {
    check_format(a.format);
    importer::CsvTable csv = importer::read_csv(a.ratings);
    if (csv.header.size() < 3)
        throw ImportError(a.ratings, "a ratings table needs a unit column and at least two coder columns", 1);
    Level level = level_from_string(a.level);
    std::vector<std::vector<std::optional<std::string>>> rows;
    for (const auto& r : csv.rows) {
        std::vector<std::optional<std::string>> row;
        for (std::size_t c = 1; c < r.size(); ++c)
            row.push_back(r[c].empty() ? std::nullopt : std::optional<std::string>(r[c]));
        rows.push_back(std::move(row));
    }
    RatingsTable t = RatingsTable::from_labels(rows);
    if (level != Level::nominal && !t.numeric())
        throw InvalidArgument(a.ratings + ": --level " + a.level + " needs numeric ratings in every cell");
    Table out({"coefficient", "value", "note"});
    out.add({"percent agreement (pairwise)", val(percent_agreement(t)), ""});
    if (t.coders() == 2) {
        ContingencyTable ct = ContingencyTable::from_ratings(t);
        CohenKappa k = cohen_kappa(ct);
        out.add({"Cohen's kappa", val(k.kappa),
                 k.se ? "SE " + fixed(*k.se, 4) + ", 95% CI [" + fixed(*k.ci_low, 4) + ", " + fixed(*k.ci_high, 4) + "]"
                      : k.kappa.reason});
        out.add({"Scott's pi", val(scott_pi(ct)), ""});
    }
    out.add({"Fleiss' kappa", val(fleiss_kappa(t)), t.coders() == 2 ? "equals Scott's pi for two coders" : ""});
    out.add({"Brennan-Prediger kappa", val(brennan_prediger(t)), ""});
    out.add({"Gwet's AC1", val(gwet_ac1(t)), ""});
    Coefficient alpha = krippendorff_alpha(t, level);
    AlphaBootstrap boot = alpha_bootstrap(t, level, a.bootstrap);
    out.add({std::string("Krippendorff's alpha (") + to_string(level) + ")", val(alpha),
             boot.ci_low ? "bootstrap 95% CI [" + fixed(*boot.ci_low, 4) + ", " + fixed(*boot.ci_high, 4) + "], " +
                               std::to_string(a.bootstrap) + " replicates"
                         : alpha.reason});
    if (a.format == "csv") print_csv(out);
    else if (a.format == "json") out.print(std::cout, true);
    else {
        std::cout << t.units() << " units, " << t.coders() << " coders, " << t.categories() << " categories\n\n";
        out.print(std::cout, false);
    }
}

const Registrar kAgreement(50, [](CLI::App& app) {
    auto a = std::make_shared<AgreementArgs>();
    auto* cmd = app.add_subcommand("agreement", "Inter-coder agreement per code, per document and overall");
    cmd->add_option("PROJECT", a->project, "Project file (omit with --ratings)");
    cmd->add_option("--coders", a->coders, "Coders to compare, e.g. Amara,Ben (three or more: every pair)");
    cmd->add_option("--unit", a->unit, "char | segment[:PCT] | presence[:doc|turn] | continuum (default char)");
    cmd->add_option("--codes", a->codes, "Only these codes (paths or aligned labels)")->delimiter(',');
    cmd->add_option("--format", a->format, "table | csv | json (default table)");
    cmd->add_flag("--disagreements", a->disagreements, "List every disagreement");
    cmd->add_flag("--nvivo-empty-kappa", a->nvivo_empty, "NVivo's convention: kappa = 1 where neither coded");
    cmd->add_option("--ratings", a->ratings, "A ratings table CSV (unit, coder1, coder2, ...) instead of a project");
    cmd->add_option("--level", a->level, "With --ratings: nominal | ordinal | interval | ratio (default nominal)");
    cmd->add_option("--bootstrap", a->bootstrap, "With --ratings: bootstrap replicates for alpha's CI (default 2000)");
    cmd->callback([a] {
        if (!a->ratings.empty()) {
            if (!a->project.empty()) throw InvalidArgument("give either PROJECT or --ratings, not both");
            ratings_agreement(*a);
            return;
        }
        if (a->project.empty()) throw InvalidArgument("agreement needs a PROJECT (or --ratings table.csv)");
        if (a->coders.empty()) throw InvalidArgument("agreement needs --coders, e.g. --coders Amara,Ben");
        project_agreement(*a);
    });
});

}  // namespace
}  // namespace tessera::cli
