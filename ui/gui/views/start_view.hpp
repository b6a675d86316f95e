// Start screen: open or create a project, recent projects.
#pragma once

#include "ui/gui/app_state.hpp"
#include "ui/gui/file_dialog.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace tessera::gui {

struct StartRequest {
    std::filesystem::path path;
    bool create = false;
};

class StartView {
public:
    /// Draws the start screen as a full-window panel; returns a request once the user chose a
    /// project to open or a new file to create.
    std::optional<StartRequest> draw(AppState& s);

private:
    std::string m_path;
    FileBrowser m_browser;
    bool m_browse_create = false;
};

}  // namespace tessera::gui
