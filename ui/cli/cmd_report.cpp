// `tessera report PROJECT [-o FILE] [--format md|html|docx] [--coders A,B] [--member-check [--redact LIST]]`:
// the study report (or the member-checking pack); Markdown on stdout without -o.
#include "export/member_check_pack.hpp"
#include "export/report_study.hpp"
#include "ui/cli/cli_common.hpp"
#include "ui/cli/cli_registry.hpp"
#include "util/error.hpp"

#include <iostream>
#include <sstream>

namespace tessera::cli {
namespace {

struct Args {
    std::string path, out, format, coders, unit = "char", redact, layout = "auto";
    bool member_check = false, map_codes = false;
    std::size_t quotes = 3;
};

std::vector<std::string> split_names(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string part; std::getline(ss, part, ',');)
        if (!part.empty()) out.push_back(part);
    return out;
}

const Registrar kReport(70, [](CLI::App& app) {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("report", "Write the study report (or, with --member-check, the member-checking pack)");
    cmd->add_option("PROJECT", a->path, "Project file")->required();
    cmd->add_option("-o,--output", a->out, "report.md | report.html | report.docx (default: Markdown on stdout)");
    cmd->add_option("--format", a->format, "md | html | docx (default: from the extension)");
    cmd->add_option("--coders", a->coders, "The two coders compared, e.g. Amara,Ben (default: the first two codebook owners)");
    cmd->add_option("--unit", a->unit, "Agreement unit: char | segment[:PCT] | presence[:doc|turn] | continuum")->capture_default_str();
    cmd->add_option("--quotes", a->quotes, "Illustrative quotes per theme")->capture_default_str();
    cmd->add_option("--layout", a->layout, "Map layout: auto (stored when themes have map positions, else tree) | tree | network | stored")->capture_default_str();
    cmd->add_flag("--map-codes", a->map_codes, "Show codes under the themes in the map figure");
    cmd->add_flag("--member-check", a->member_check, "Write the member-checking pack instead of the report");
    cmd->add_option("--redact", a->redact,
                    "With --member-check: a file of names to replace, one per line ('name' or 'name = replacement')");
    cmd->callback([a] {
        if (!a->redact.empty() && !a->member_check) throw InvalidArgument("--redact goes with --member-check");
        auto format = !a->format.empty()  ? exporter::report_format_from_string(a->format)
                      : !a->out.empty()   ? exporter::report_format_from_path(a->out)
                                          : exporter::ReportFormat::markdown;
        if (a->out.empty() && format == exporter::ReportFormat::docx)
            throw InvalidArgument("--format docx needs -o FILE.docx (a Word file cannot go to the terminal)");
        Project p = open_project(a->path);
        exporter::ReportDocument doc;
        std::string what;
        if (a->member_check) {
            exporter::MemberCheckOptions mo;
            if (!a->redact.empty()) mo.redactor = exporter::Redactor::from_file(a->redact);
            doc = exporter::build_member_check_pack(p, mo);
            what = "member-checking pack (" + std::to_string(mo.redactor.total_replaced()) + " identifiers replaced)";
        } else {
            exporter::StudyReportOptions so;
            so.coders = split_names(a->coders);
            so.unit = agreement::unit_from_string(a->unit, &so.min_overlap);
            so.quotes_per_theme = a->quotes;
            so.map_codes = a->map_codes;
            doc = exporter::build_study_report(p, so);
            what = "study report";
        }
        exporter::ReportRenderOptions ro;
        bool positioned = false;
        for (const auto& t : p.themes()) positioned = positioned || t.map_x.has_value();
        ro.map.layout = a->layout == "auto" ? (positioned ? exporter::MapLayout::stored : exporter::MapLayout::tree)
                                            : exporter::map_layout_from_string(a->layout);
        if (a->out.empty()) {
            std::cout << (format == exporter::ReportFormat::html ? exporter::render_html(doc, ro)
                                                                  : exporter::render_markdown(doc, {}, nullptr, ro));
            return;
        }
        exporter::write_report(doc, format, a->out, ro);
        std::cerr << "wrote " << a->out << ": " << what << "\n";
    });
});

}  // namespace
}  // namespace tessera::cli
