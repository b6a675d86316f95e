// Import: choose transcript files, read them in the background, preview them (the importer's dry
// run) with the options that change how they are read, then import all or none.
#pragma once

#include "import/prepared_file.hpp"
#include "import/speaker_mapping.hpp"
#include "ui/gui/app_state.hpp"
#include "ui/gui/command_queue.hpp"
#include "ui/gui/file_dialog.hpp"
#include "ui/gui/import_job.hpp"
#include "ui/gui/model_cache.hpp"

#include <filesystem>
#include <memory>
#include <vector>

namespace tessera::gui {

/// How the chosen files are read: the importer's options a researcher may need to change when
/// detection guesses wrong (the CLI's --encoding, --no-speakers, --speaker-pattern, --case-scope,
/// --map, --csv-layout and --id-column).
struct ImportSettings {
    std::string encoding;         // empty: detect
    bool detect_speakers = true;
    std::string speaker_pattern;  // empty: built-in detection
    bool restart_per_document = false;  // CaseScope::document: "P1" in two groups are two people
    std::string mapping_file;     // speaker -> case mapping CSV; empty: none
    bool csv_per_respondent = false;  // survey CSVs: a document per respondent, not per question
    std::string csv_id_column;        // survey CSVs: the respondent id column; empty: the first
    bool month_first = false;         // survey CSVs: dates such as 04/12/2023 are month first (US)
};

class ImportView {
public:
    /// Starts choosing files (zenity, else the in-app browser).
    void open();
    /// Starts reading `files` in the background with the current settings; nothing is written.
    /// The preview opens when all are read. A file that fails becomes an error notification
    /// naming it, and nothing of that reading is kept (all or none).
    void read(const std::vector<std::filesystem::path>& files, AppState& s);
    /// As read(), with the job given: how tests hold a reading at a chosen file.
    void start(const std::vector<std::filesystem::path>& files, std::unique_ptr<ImportJob> job);
    /// Draws the file browser, the reading progress (with Cancel) and the preview modal; "Import"
    /// queues one ImportDocuments command.
    void draw(AppState& s, const ModelCache& c, CommandQueue& q);
    bool busy() const { return m_job != nullptr; }
    bool has_preview() const { return !m_docs.empty(); }
    ImportSettings& settings() { return m_settings; }

private:
    struct Row {
        std::string file, format, encoding;
        std::int64_t words = 0;
        std::vector<std::string> notes;
        bool duplicate = false;
    };
    void collect(AppState& s, const ModelCache& c);
    void draw_progress();
    void draw_settings(AppState& s);
    void clear();
    void stop_job();  // cancels the running job without waiting for it (it finishes its file)

    FileBrowser m_browser;
    FileBrowser m_map_browser;
    ImportSettings m_settings;
    std::unique_ptr<ImportJob> m_job;
    std::vector<std::unique_ptr<ImportJob>> m_stopping;  // cancelled, finishing their current file
    std::vector<std::filesystem::path> m_files;  // what m_job reads (or read), for reading again
    std::vector<std::string> m_taken;            // the project's document names, as of the last frame
    std::vector<PreparedDocument> m_docs;
    std::vector<Row> m_rows;
    std::vector<Case> m_respondents;  // from survey CSVs: their attributes are set with the import
    importer::SpeakerMapping m_mapping;        // what m_job reads with, to say which rows it did not use
    std::string m_mapping_source;              // its file, as the settings named it
    std::vector<std::string> m_mapping_notes;  // mapping rows that named no previewed speaker
    std::string m_reread_error;  // why the last "Read again" failed; the preview keeps the earlier reading
    bool m_open_preview = false;
    bool m_open_progress = false;
    bool m_force = false;
    std::vector<std::filesystem::path> m_pending;  // chosen, not yet read
};

}  // namespace tessera::gui
