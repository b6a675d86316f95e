// App: one workbench window's state, project, undo stack and views; platform-free so tests run it headless.
//
// A frame is: (platform NewFrame) → App::draw() → ImGui::Render() → App::after_render().
// draw() only reads the ModelCache and queues commands; after_render() runs the queue on the
// CommandStack inside try/catch and refreshes the cache. The project is never written mid-frame.
#pragma once

#include "commands/command.hpp"
#include "store/busy_wait.hpp"
#include "store/project.hpp"
#include "ui/gui/analysis_cache.hpp"
#include "ui/gui/app_state.hpp"
#include "ui/gui/command_queue.hpp"
#include "ui/gui/model_cache.hpp"
#include "ui/gui/views/agreement_model.hpp"
#include "ui/gui/search_model.hpp"
#include "ui/gui/views/attributes_view.hpp"
#include "ui/gui/views/import_view.hpp"
#include "ui/gui/views/start_view.hpp"
#include "ui/gui/views/transcript_view.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace tessera::gui {

struct AppOptions {
    std::filesystem::path project;  // empty: start screen
    std::string coder;              // --coder NAME: code as this coder (created if new)
    std::string view;               // --view NAME: transcript | codebook | documents | retrieval | memos | start | import | agreement | disagreements | alignment
    std::string search;             // --search QUERY: open the Search tab with this query run
    bool remember_recent = true;    // add opened projects to the recent list (tests turn it off)
};

class App {
public:
    explicit App(AppOptions options = {});
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    /// Opens (or creates) a project; errors become an error notification and leave the current
    /// project open. Returns true on success.
    bool open_project(const std::filesystem::path& path, bool create = false);
    void close_project();
    /// Sets the coder this window codes as, logging the switch in the project's audit log.
    void switch_coder(RowId coder);

    /// Draws one frame (between ImGui::NewFrame and ImGui::Render).
    void draw();
    /// Runs the commands queued during draw(), then refreshes the cache. Never throws.
    void after_render();

    /// Characters the fonts should cover, when they changed since the last call (the platform
    /// rebuilds the font atlas between frames); empty when nothing new needs a glyph.
    std::optional<std::string> take_font_request();
    /// Text size in pixels at 96 dpi (View ▸ Larger / Smaller text, Ctrl+= / Ctrl+-).
    float font_px() const { return m_font_px; }
    bool quit_requested() const { return m_quit; }
    /// Called while a write waits for another window's transaction (elapsed ms). The platform draws
    /// a frame there (ImGui::NewFrame, App::draw, ImGui::Render, present) so the notice shows;
    /// it must not call after_render().
    void set_wait_hook(std::function<void(int elapsed_ms)> hook) { m_wait_hook = std::move(hook); }

    AppState& state() { return m_state; }
    const ModelCache& cache() const { return m_cache; }
    Project* project() { return m_project.get(); }
    CommandStack& stack() { return m_stack; }
    CommandQueue& queue() { return m_queue; }
    TranscriptView& transcript() { return m_transcript; }
    ImportView& import_view() { return m_import; }
    AttributesView& attributes_view() { return m_attributes; }
    const AnalysisCache& analysis() const { return m_analysis; }
    AgreementModel& agreement() { return m_agreement; }
    SearchModel& search() { return m_search; }
    /// Bumped after every write and when another window's write is seen.
    std::uint64_t generation() const { return m_generation; }

private:
    void refresh();
    void poll_other_windows();
    void handle_shortcuts();
    void draw_menu();
    void draw_panels();
    void draw_coder_chooser();
    void apply_requested_view();

    AppOptions m_options;
    std::unique_ptr<Project> m_project;
    std::unique_ptr<BusyWait> m_busy;  // declared after m_project: released before it
    std::function<void(int)> m_wait_hook;
    int m_wait_ms = 0;
    CommandStack m_stack;
    CommandQueue m_queue;
    AppState m_state;
    ModelCache m_cache;
    TranscriptView m_transcript;
    StartView m_start;
    ImportView m_import;
    AttributesView m_attributes;
    AnalysisCache m_analysis;  // themes, map and matrix snapshot (read only while one is shown)
    AgreementModel m_agreement;
    SearchModel m_search;
    std::uint64_t m_generation = 1;
    std::int64_t m_data_version = 0;
    double m_last_poll = 0;
    std::uint64_t m_font_version = 0;
    float m_font_px = 16, m_built_font_px = 16;
    bool m_quit = false;
    bool m_about = false;
    int m_view_frames = 0;
    std::string m_new_coder;
};

}  // namespace tessera::gui
