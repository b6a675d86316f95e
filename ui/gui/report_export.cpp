// Implementation of report_export.hpp over the exporters that `tessera report` uses.
#include "ui/gui/report_export.hpp"

#include "export/member_check_pack.hpp"
#include "export/report_document.hpp"
#include "export/report_study.hpp"
#include "util/error.hpp"

namespace tessera::gui {

std::filesystem::path export_report(AppState& state, const Project& project, bool member_check) {
    const std::filesystem::path& pp = project.path();
    std::filesystem::path out =
        pp.parent_path() / (pp.stem().string() + (member_check ? "-member-check.html" : "-report.html"));
    try {
        exporter::ReportDocument doc;
        if (member_check) {
            exporter::MemberCheckOptions o;
            doc = exporter::build_member_check_pack(project, o);
        } else {
            doc = exporter::build_study_report(project);
        }
        exporter::write_report(doc, exporter::ReportFormat::html, out);
        state.notify(Notification::Kind::info, member_check ? "Member-checking pack written" : "Study report written",
                     out.string(), "Open it in a web browser; it is one self-contained HTML file.");
        return out;
    } catch (const Error& e) {
        state.notify(Notification::Kind::error, "Could not write the report", e.what(),
                     "Check that the folder beside the project is writable and try again.");
        return {};
    }
}

}  // namespace tessera::gui
