// File ▸ Export study report / member-checking pack: writes HTML beside the project and says where.
#pragma once

#include "store/project.hpp"
#include "ui/gui/app_state.hpp"

#include <filesystem>

namespace tessera::gui {

/// Writes the study report (or, with member_check, the plain-language pack) as HTML next to the
/// project file ("study-report.html" / "study-member-check.html") and notifies the user of the path,
/// or of the error (the project is only read). Returns the path written, or empty on error.
std::filesystem::path export_report(AppState& state, const Project& project, bool member_check);

}  // namespace tessera::gui
