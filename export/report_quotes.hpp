// Quotes for reports: which extracts illustrate a theme and how each is labelled ("P7, FG1").
#pragma once

#include "analysis/extracts.hpp"
#include "store/project.hpp"

#include <set>
#include <string>
#include <vector>

namespace tessera::exporter {

/// Short label of a data collection from its document name: the part before the first '_' in capitals
/// when it is letters and digits ("fg1_national_records" -> "FG1"), else the whole name. Never throws.
std::string group_short_label(const std::string& document_name);

/// "P7, FG1": the participant's case name (else speaker label, else "unattributed") and the short
/// label of the document. Never throws.
std::string quote_attribution(const analysis::Extract& e);

/// Up to `count` illustrative quotes of a theme, from its own codes, or from its sub-themes' codes too
/// when its own give fewer than `count`; spread over participants and groups. Throws InvalidArgument for
/// an unknown theme.
/// Codings in `avoid` (quotes already shown elsewhere) are used only when nothing else is left; the picked
/// ones are added to it.
std::vector<analysis::Extract> theme_quotes(const analysis::AnalysisData& d, RowId theme_id, std::size_t count,
                                            std::set<RowId>* avoid = nullptr);

/// Title of the memos that record a member-checking group's feedback on a theme.
inline constexpr const char* kMemberCheckMemoTitle = "Member-check feedback";

/// The theme's memos titled "Member-check feedback" (case-insensitive, prefix match), oldest first.
std::vector<Memo> member_check_feedback(const Project& p, RowId theme_id);

}  // namespace tessera::exporter
