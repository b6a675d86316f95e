// File choosing: the desktop's own dialog through zenity when present, else an in-app browser.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tessera::gui {

/// True when zenity is on PATH (checked once).
bool have_zenity();

/// Runs zenity's file dialog (blocking) and returns the chosen paths; empty when cancelled.
/// `save` asks for a new file name; `multiple` allows several files; `filter` is zenity's
/// "--file-filter" value ("Projects | *.tessera").
std::vector<std::filesystem::path> zenity_choose(const std::string& title, bool save, bool multiple,
                                                 const std::string& filter);

/// An in-app file browser drawn as a modal popup (when zenity is missing).
class FileBrowser {
public:
    /// Opens the browser next frame. `extensions` like {".tessera"} (empty: all files).
    void open(std::string title, bool save, bool multiple, std::vector<std::string> extensions);
    /// Draws the popup if open; returns the chosen paths once, when the user confirms.
    std::optional<std::vector<std::filesystem::path>> draw();

private:
    std::string m_title;
    bool m_save = false, m_multiple = false, m_request = false;
    std::vector<std::string> m_ext;
    std::filesystem::path m_dir;
    std::string m_name;
    std::vector<std::filesystem::path> m_picked;
};

}  // namespace tessera::gui
