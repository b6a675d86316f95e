// The member-checking pack: a plain-language summary of each theme (from its own definition and scope),
// the thematic map, a few anonymised quotes and space for feedback, for the follow-up group.
#pragma once

#include "export/member_check_redact.hpp"
#include "export/report_document.hpp"
#include "store/project.hpp"

namespace tessera::exporter {

struct MemberCheckOptions {
    Redactor redactor;                  ///< identifiers to replace (speaker names are added automatically)
    std::size_t quotes_per_theme = 2;
    bool include_subthemes = true;      ///< list each theme's sub-themes with their definitions
};

/// Builds the pack from the project's non-discarded themes. Theme texts are the team's own definitions
/// and scope notes, never generated. Every quote and theme text passes through the redactor; the pack
/// ends by saying how many identifiers were replaced (not which). `o.redactor` holds the counts after.
/// Throws StorageError when the project cannot be read.
ReportDocument build_member_check_pack(const Project& p, MemberCheckOptions& o);

}  // namespace tessera::exporter
