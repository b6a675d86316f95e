// Recent projects: a short list in $XDG_CONFIG_HOME/tessera/recent-projects (one path a line).
#pragma once

#include <filesystem>
#include <vector>

namespace tessera::gui {

/// The recent projects, newest first, that still exist. Never throws (an unreadable list is empty).
std::vector<std::filesystem::path> recent_projects();
/// Puts `path` first in the list (at most 10 kept). Never throws; a write failure is ignored.
void remember_recent_project(const std::filesystem::path& path);

}  // namespace tessera::gui
