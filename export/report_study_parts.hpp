// Internal to the study report: the sections, each appending its blocks to the document.
#pragma once

#include "analysis/data.hpp"
#include "export/report_study.hpp"

namespace tessera::exporter::detail {

struct StudyContext {
    const Project& p;
    const analysis::AnalysisData& d;
    const StudyReportOptions& o;
    std::vector<Coder> coders;  // the compared pair (may be fewer than two)
};

void add_agreement_section(ReportDocument& doc, const StudyContext& c, std::string& method_sentence);
void add_theme_sections(ReportDocument& doc, const StudyContext& c);
void add_evidence_trail(ReportDocument& doc, const StudyContext& c);

/// "a, b and c".
std::string join_and(const std::vector<std::string>& items);
/// "1 focus group" / "3 focus groups".
std::string count_of(std::int64_t n, const std::string& one, const std::string& many);

}  // namespace tessera::exporter::detail
