// Import: choose transcript files, preview them (the importer's dry run), then import all or none.
#pragma once

#include "model/document.hpp"
#include "ui/gui/app_state.hpp"
#include "ui/gui/command_queue.hpp"
#include "ui/gui/file_dialog.hpp"
#include "ui/gui/model_cache.hpp"

#include <filesystem>
#include <vector>

namespace tessera::gui {

class ImportView {
public:
    /// Starts choosing files (zenity, else the in-app browser).
    void open();
    /// Parses `files` for the preview; nothing is written. A file that fails becomes an error
    /// notification naming it, and the preview is dropped (all or none).
    void preview(const std::vector<std::filesystem::path>& files, const ModelCache& c, AppState& s);
    /// Draws the file browser and the preview modal; "Import" queues one ImportDocuments command.
    void draw(AppState& s, const ModelCache& c, CommandQueue& q);
    bool has_preview() const { return !m_docs.empty(); }

private:
    struct Row {
        std::string file, format, encoding;
        std::int64_t words = 0;
        std::vector<std::string> notes;
        bool duplicate = false;
    };
    FileBrowser m_browser;
    std::vector<PreparedDocument> m_docs;
    std::vector<Row> m_rows;
    bool m_open_preview = false;
    bool m_force = false;
    std::vector<std::filesystem::path> m_pending;  // chosen, not yet previewed
};

}  // namespace tessera::gui
