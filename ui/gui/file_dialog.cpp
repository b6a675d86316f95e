// File choosing: the desktop's own dialog through zenity when present, else an in-app browser.
#include "ui/gui/file_dialog.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <memory>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace tessera::gui {
namespace {

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

}  // namespace

bool have_zenity() {
    static const bool found = std::system("command -v zenity >/dev/null 2>&1") == 0;
    return found;
}

std::vector<std::filesystem::path> zenity_choose(const std::string& title, bool save, bool multiple,
                                                 const std::string& filter) {
    std::string cmd = "zenity --file-selection --title=" + shell_quote(title);
    if (save) cmd += " --save --confirm-overwrite";
    if (multiple) cmd += " --multiple --separator='\n'";
    if (!filter.empty()) cmd += " --file-filter=" + shell_quote(filter);
    cmd += " 2>/dev/null";
    std::vector<std::filesystem::path> out;
    std::string all;
    {
        std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(cmd.c_str(), "r"), &pclose);
        if (!pipe) return out;
        std::array<char, 4096> buf{};
        while (std::fgets(buf.data(), static_cast<int>(buf.size()), pipe.get())) all += buf.data();
    }
    std::istringstream in(all);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) out.emplace_back(line);
    return out;
}

void FileBrowser::open(std::string title, bool save, bool multiple, std::vector<std::string> extensions) {
    m_title = std::move(title);
    m_save = save;
    m_multiple = multiple;
    m_ext = std::move(extensions);
    m_request = true;
    m_picked.clear();
    m_name.clear();
    std::error_code ec;
    if (m_dir.empty()) m_dir = std::filesystem::current_path(ec);
}

std::optional<std::vector<std::filesystem::path>> FileBrowser::draw() {
    std::string id = m_title + "###filebrowser";
    if (m_request) {
        ImGui::OpenPopup(id.c_str());
        m_request = false;
    }
    std::optional<std::vector<std::filesystem::path>> result;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 36, ImGui::GetFontSize() * 26), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(id.c_str())) return result;
    ImGui::TextUnformatted(m_dir.string().c_str());
    if (ImGui::Button("Up") && m_dir.has_parent_path()) m_dir = m_dir.parent_path();
    ImGui::SameLine();
    if (ImGui::Button("Home"))
        if (const char* h = std::getenv("HOME")) m_dir = h;
    ImGui::BeginChild("##entries", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2), true);
    std::vector<std::filesystem::directory_entry> dirs, files;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(m_dir, ec)) {
        std::string name = e.path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        if (e.is_directory(ec)) dirs.push_back(e);
        else if (m_ext.empty() || std::find(m_ext.begin(), m_ext.end(), e.path().extension().string()) != m_ext.end())
            files.push_back(e);
    }
    auto by_name = [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); };
    std::sort(dirs.begin(), dirs.end(), by_name);
    std::sort(files.begin(), files.end(), by_name);
    for (const auto& d : dirs)
        if (ImGui::Selectable((d.path().filename().string() + "/").c_str())) m_dir = d.path();
    for (const auto& f : files) {
        bool picked = std::find(m_picked.begin(), m_picked.end(), f.path()) != m_picked.end();
        if (ImGui::Selectable(f.path().filename().string().c_str(), picked, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (m_multiple && ImGui::GetIO().KeyCtrl) {
                if (picked) m_picked.erase(std::find(m_picked.begin(), m_picked.end(), f.path()));
                else m_picked.push_back(f.path());
            } else {
                m_picked = {f.path()};
                m_name = f.path().filename().string();
            }
            if (ImGui::IsMouseDoubleClicked(0) && !m_save) result = m_picked;
        }
    }
    ImGui::EndChild();
    if (m_save) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
        ImGui::InputTextWithHint("##name", "file name", &m_name);
        ImGui::SameLine();
    } else if (m_multiple) {
        ImGui::TextDisabled("Ctrl+click picks several files.");
    }
    bool ok = m_save ? !m_name.empty() : !m_picked.empty();
    ImGui::BeginDisabled(!ok);
    if (ImGui::Button(m_save ? "Create" : "Open")) result = m_save ? std::vector{m_dir / m_name} : m_picked;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    if (result) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return result;
}

}  // namespace tessera::gui
