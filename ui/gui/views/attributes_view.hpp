// Case attributes from a CSV (id, age, gender, ...): choose the file, preview the typed columns and
// which cases are new, then set them all in one undoable command.
#pragma once

#include "import/case_attributes.hpp"
#include "ui/gui/app_state.hpp"
#include "ui/gui/command_queue.hpp"
#include "ui/gui/file_dialog.hpp"
#include "ui/gui/model_cache.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace tessera::gui {

class AttributesView {
public:
    /// Starts choosing a CSV (zenity, else the in-app browser).
    void open();
    /// Reads `csv` for the preview with the current id column and encoding; nothing is written.
    /// A file that cannot be read becomes an error notification naming it (line and problem).
    void read(const std::filesystem::path& csv, AppState& s);
    /// Draws the browser and the preview; "Set attributes" queues one group of SetCaseAttribute.
    void draw(AppState& s, const ModelCache& c, CommandQueue& q);
    bool has_preview() const { return m_table.has_value(); }
    importer::CaseAttributeOptions& options() { return m_options; }

private:
    void close();

    FileBrowser m_browser;
    importer::CaseAttributeOptions m_options;
    importer::CaseAttributeOptions m_read_with;  // what the table shown was read with
    std::filesystem::path m_file;
    std::optional<importer::CaseAttributeTable> m_table;
    std::string m_reread_error;
    bool m_open = false;
};

}  // namespace tessera::gui
