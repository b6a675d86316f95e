// Recent projects: a short list in $XDG_CONFIG_HOME/tessera/recent-projects (one path a line).
#include "ui/gui/recent_projects.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>

namespace tessera::gui {
namespace {

std::filesystem::path list_file() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    std::filesystem::path base = xdg && *xdg ? xdg : (home ? std::filesystem::path(home) / ".config" : "");
    return base.empty() ? std::filesystem::path{} : base / "tessera" / "recent-projects";
}

}  // namespace

std::vector<std::filesystem::path> recent_projects() {
    std::vector<std::filesystem::path> out;
    std::ifstream in(list_file());
    std::string line;
    std::error_code ec;
    while (std::getline(in, line))
        if (!line.empty() && std::filesystem::exists(line, ec)) out.emplace_back(line);
    return out;
}

void remember_recent_project(const std::filesystem::path& path) {
    auto file = list_file();
    if (file.empty()) return;
    std::error_code ec;
    auto abs = std::filesystem::absolute(path, ec);
    auto list = recent_projects();
    list.erase(std::remove(list.begin(), list.end(), abs), list.end());
    list.insert(list.begin(), abs);
    if (list.size() > 10) list.resize(10);
    std::filesystem::create_directories(file.parent_path(), ec);
    std::ofstream out(file, std::ios::trunc);
    for (const auto& p : list) out << p.string() << "\n";
}

}  // namespace tessera::gui
