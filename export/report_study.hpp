// The study report: sample characteristics, methods, agreement, themes with quotes, the thematic map,
// saturation, theme x group coverage and the evidence trail, as a ReportDocument built from a project.
#pragma once

#include "agreement/report.hpp"
#include "agreement/result.hpp"
#include "export/report_document.hpp"
#include "store/project.hpp"

#include <string>
#include <vector>

namespace tessera::exporter {

struct StudyReportOptions {
    /// The two coders compared; empty: the first two coders (by id) that own a codebook.
    std::vector<std::string> coders;
    agreement::UnitKind unit = agreement::UnitKind::character;
    double min_overlap = 0.9;  ///< segment units: overlap needed to agree
    std::size_t quotes_per_theme = 3;
    bool map_codes = false;  ///< the map figure shows codes under the (sub-)themes too
};

/// Builds the report from what the project holds. Throws InvalidArgument naming the coder when a
/// --coders name is unknown or fewer than two are given; StorageError when the project cannot be read.
ReportDocument build_study_report(const Project& p, const StudyReportOptions& o = {});

/// How the report prints a coefficient: three decimals, or "undefined". Exposed so tests compare like with like.
std::string report_coefficient(const agreement::Coefficient& c);

/// The two coders the report compares (see StudyReportOptions::coders); fewer than two when the
/// project has fewer. Throws InvalidArgument naming an unknown coder.
std::vector<Coder> report_coders(const Project& p, const std::vector<std::string>& names);

}  // namespace tessera::exporter
