// App: one workbench window's state, project, undo stack and views; platform-free so tests run it headless.
//
// [SECTION] project and coder
// [SECTION] frame: refresh, poll other windows, after_render
// [SECTION] menus and shortcuts
// [SECTION] panels layout
#include "ui/gui/app.hpp"

#include "commands/codebook_commands.hpp"
#include "commands/coding_commands.hpp"
#include "commands/project_commands.hpp"
#include "store/data_version.hpp"
#include "ui/gui/fonts.hpp"
#include "ui/gui/probe.hpp"
#include "ui/gui/recent_projects.hpp"
#include "ui/gui/report_export.hpp"
#include "ui/gui/views/views.hpp"
#include "ui/gui/widgets.hpp"
#include "util/error.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <imgui_stdlib.h>

#include <chrono>

namespace tessera::gui {

// [SECTION] project and coder

App::App(AppOptions options) : m_options(std::move(options)) {
    m_state.requested_view = m_options.view;
    if (!m_options.project.empty()) open_project(m_options.project);
}

App::~App() = default;

bool App::open_project(const std::filesystem::path& path, bool create) {
    try {
        auto p = std::make_unique<Project>(create ? Project::create(path) : Project::open(path));
        m_queue = CommandQueue{};
        m_stack.clear();
        m_cache.clear();
        m_agreement.cancel();  // a report of the old project: not waited for
        m_agreement = AgreementModel{};
        m_search = SearchModel{};
        m_busy.reset();
        m_project = std::move(p);
        m_busy = std::make_unique<BusyWait>(*m_project, 15000, [this](int ms) {
            m_state.write_waiting = true;
            m_wait_ms = ms;
            if (m_wait_hook) m_wait_hook(ms);
            return true;
        });
        m_state = AppState{};
        m_state.requested_view = m_options.view;
        m_data_version = data_version(*m_project);
        ++m_generation;
        if (m_options.remember_recent) remember_recent_project(m_project->path());
        m_state.coder_id.reset();
        if (!m_options.coder.empty()) {
            if (auto c = m_project->find_coder(m_options.coder)) {
                switch_coder(c->id);
            } else {
                // A new coder is not an undoable step of this window: run it on its own stack.
                CommandStack once;
                auto cmd = std::make_unique<CreateCoder>(m_options.coder);
                auto* raw = cmd.get();
                once.execute(*m_project, std::move(cmd));
                ++m_generation;
                switch_coder(raw->id());
            }
        } else {
            m_state.choose_coder_open = true;
        }
        refresh();
        // Open the first document so the transcript is never empty on a project with documents.
        if (!m_cache.documents().empty()) m_state.document_id = m_cache.documents().front().id;
        refresh();
        return true;
    } catch (const std::exception& e) {
        std::string what = e.what();
        // The core's messages usually name the file already; say which file when they do not.
        if (what.find(path.filename().string()) == std::string::npos) what = path.string() + ": " + what;
        m_state.notify(Notification::Kind::error, "Could not open " + path.filename().string(), what,
                       create ? "Choose a new file name in a folder you can write to."
                              : "Check that the file is a Tessera project (.tessera) and that you may read it. "
                                "A project from a newer Tessera needs that version.");
        return false;
    }
}

void App::close_project() {
    m_busy.reset();
    m_project.reset();
    m_stack.clear();
    m_queue = CommandQueue{};
    m_cache.clear();
    m_agreement.cancel();
    m_agreement = AgreementModel{};
    m_search = SearchModel{};
    m_state = AppState{};
}

void App::switch_coder(RowId coder) {
    if (!m_project) return;
    OptId before = m_state.coder_id;
    m_state.coder_id = coder;
    m_state.selected_coding.reset();
    m_state.selected_code.reset();
    m_state.recent_codes.clear();
    m_state.edit_code_id.reset();
    // Undo belongs to the coder who did the step: a switch starts a fresh history.
    m_stack.clear();
    std::string from = before ? m_project->coder(*before).name : std::string("(none)");
    std::string to = m_project->coder(coder).name;
    m_queue.push_action("Switch coder", [coder, from, to](Project& p) {
        if (!p.read_only()) p.audit(coder, "switch coder", from + " -> " + to);
    });
    ++m_generation;
}

// [SECTION] frame: refresh, poll other windows, after_render

void App::refresh() {
    if (!m_project) return;
    try {
        m_cache.refresh(*m_project, m_state, m_generation);
        m_analysis.refresh(*m_project, m_state, m_generation, m_cache.blind());
        m_agreement.refresh(*m_project, m_generation);
        m_search.refresh(*m_project, m_generation);
        if (m_state.document_id && !m_cache.document(*m_state.document_id)) m_state.document_id.reset();
    } catch (const std::exception& e) {
        m_state.notify(Notification::Kind::error, "Could not read the project",
                       m_project->path().string() + ": " + e.what(), advice_for(e));
    }
}

void App::poll_other_windows() {
    if (!m_project) return;
    double now = ImGui::GetTime();
    if (now - m_last_poll < 0.25) return;
    m_last_poll = now;
    try {
        std::int64_t v = data_version(*m_project);
        if (v != m_data_version) {
            m_data_version = v;
            ++m_generation;  // another window wrote: re-read what we show
        }
    } catch (const std::exception&) {
        // Busy or unreadable: try again next poll; writes report their own errors.
    }
}

void App::after_render() {
    if (!m_project) {
        m_queue = CommandQueue{};
        return;
    }
    if (!m_queue.empty()) {
        const auto started = std::chrono::steady_clock::now();
        int wrote = m_queue.run(*m_project, m_stack, m_state);
        m_state.write_waiting = false;
        double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (waited > 1.0)
            m_state.notify(Notification::Kind::info, "Saved after waiting for another window",
                           "Another window or program was writing to the project for " +
                               std::to_string(static_cast<int>(waited + 0.5)) + " s.");
        if (wrote > 0) {
            ++m_generation;
            try {
                m_data_version = data_version(*m_project);
            } catch (const std::exception&) {
            }
        }
    }
    refresh();
}

std::optional<std::string> App::take_font_request() {
    if (m_font_px != m_built_font_px) {
        m_built_font_px = m_font_px;
        m_font_version = m_cache.version();
        return m_cache.glyph_sample();
    }
    if (m_cache.version() == m_font_version) return std::nullopt;
    m_font_version = m_cache.version();
    std::string sample = m_cache.glyph_sample();
    ImFont* font = ImGui::GetIO().Fonts->Fonts.Size ? ImGui::GetIO().Fonts->Fonts[0] : nullptr;
    if (!font) return sample;
    for (char32_t c : text::to_utf32(sample))
        if (drawable(c) && c >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) return sample;
    return std::nullopt;
}

void App::draw() {
    // While a write waits (drawn from the busy handler) the project must not be read: no polling.
    const bool waiting = m_state.write_waiting;
    if (!waiting) {
        poll_other_windows();
        if (m_project && m_cache.version() == 0) refresh();
        handle_shortcuts();
    }
    draw_menu();
    if (!m_project) {
        if (auto req = m_start.draw(m_state)) open_project(req->path, req->create);
    } else {
        draw_panels();
        draw_coder_chooser();
        m_import.draw(m_state, m_cache, m_queue);
        m_attributes.draw(m_state, m_cache, m_queue);
        draw_code_popups(m_state, m_cache, m_queue);
        draw_analysis_windows(m_state, m_cache, m_analysis, m_queue);
        draw_agreement_windows(m_state, m_cache, m_agreement, m_queue);
    }
    if (m_about && ImGui::Begin("About Tessera", &m_about, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("Tessera %s — qualitative research workbench", TESSERA_VERSION);
        ImGui::TextDisabled("Dear ImGui %s", IMGUI_VERSION);
        ImGui::End();
    } else if (m_about) {
        ImGui::End();
    }
    if (waiting) {
        ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetFrameHeight() * 2), ImGuiCond_Always,
                                ImVec2(0.5f, 0));
        ImGui::Begin("##waiting", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                               ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
        ImGui::Text("Waiting for another window to finish writing to this project… (%.1f s)", m_wait_ms / 1000.0);
        ImGui::TextDisabled("Your change is saved as soon as it has finished. Nothing is lost.");
        ui::probe("notice/write_waiting");
        ImGui::End();
    }
    draw_notifications(m_state);
    ui::probe_frame_end();
}

// [SECTION] menus and shortcuts

void App::handle_shortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (!m_project || io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel))
        return;
    // Text size: Ctrl+= (or Ctrl+Shift+=) larger, Ctrl+- smaller, Ctrl+0 back to normal.
    if (ImGui::IsKeyPressed('=', false) && io.KeyCtrl) m_font_px = std::min(40.0f, m_font_px + 2);
    if (key_chord(true, false, '-')) m_font_px = std::max(10.0f, m_font_px - 2);
    if (key_chord(true, false, '0')) m_font_px = 16;
    if (key_chord(true, false, 'Z')) m_queue.push_undo();
    if (key_chord(true, true, 'Z') || key_chord(true, false, 'Y')) m_queue.push_redo();
    if (key_chord(true, false, 'K')) m_state.code_picker_open = true;
    if (key_chord(true, false, 'N')) m_state.new_code_open = true;
    if (key_chord(true, false, 'I')) code_in_vivo(m_state, m_cache, m_queue);
    if (key_chord(true, false, 'F')) {
        m_state.right_tab = "search";
        m_state.focus_search = true;
    }
    if (!io.KeyCtrl && !io.KeyAlt)
        for (int k = 1; k <= 9; ++k)
            if (ImGui::IsKeyPressed('0' + k, false) && static_cast<std::size_t>(k) <= m_state.recent_codes.size())
                code_selection(m_state, m_cache, m_queue, m_state.recent_codes[static_cast<std::size_t>(k - 1)]);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete), false) && m_state.selected_coding) {
        if (const auto* d = m_cache.open_document())
            for (const auto& c : d->codings)
                if (c.id == *m_state.selected_coding && c.coder_id == m_state.coder_id) {
                    m_queue.push(std::make_unique<RemoveCoding>(c.id));
                    m_state.selected_coding.reset();
                    break;
                }
    }
}

void App::draw_menu() {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Start screen (open, create, recent)…", nullptr, false, m_project != nullptr)) close_project();
        if (ImGui::MenuItem("Import transcripts…", nullptr, false, m_project != nullptr)) m_import.open();
        if (ImGui::MenuItem("Import case attributes (CSV)…", nullptr, false, m_project != nullptr)) m_attributes.open();
        ImGui::Separator();
        if (ImGui::MenuItem("Export study report (HTML)", nullptr, false, m_project != nullptr))
            export_report(m_state, *m_project, false);
        if (ImGui::MenuItem("Export member-checking pack (HTML)", nullptr, false, m_project != nullptr))
            export_report(m_state, *m_project, true);
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) m_quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit", m_project != nullptr)) {
        std::string u = m_stack.can_undo() ? "Undo " + m_stack.undo_label() : "Undo";
        std::string r = m_stack.can_redo() ? "Redo " + m_stack.redo_label() : "Redo";
        if (ImGui::MenuItem(u.c_str(), "Ctrl+Z", false, m_stack.can_undo())) m_queue.push_undo();
        if (ImGui::MenuItem(r.c_str(), "Ctrl+Shift+Z", false, m_stack.can_redo())) m_queue.push_redo();
        ImGui::EndMenu();
    }
    bool can_code = m_project && m_state.coder_id && !m_state.selection.empty();
    if (ImGui::BeginMenu("Code", m_project != nullptr)) {
        if (ImGui::MenuItem("Code selection…", "Ctrl+K", false, can_code)) m_state.code_picker_open = true;
        if (ImGui::MenuItem("New code from selection…", "Ctrl+N", false, can_code)) m_state.new_code_open = true;
        if (ImGui::MenuItem("In-vivo code (selected words)", "Ctrl+I", false, can_code))
            code_in_vivo(m_state, m_cache, m_queue);
        if (ImGui::MenuItem("Remove selected coding", "Delete", false, m_state.selected_coding.has_value()))
            if (m_state.selected_coding) {
                m_queue.push(std::make_unique<RemoveCoding>(*m_state.selected_coding));
                m_state.selected_coding.reset();
            }
        ImGui::Separator();
        ImGui::TextDisabled("Recent codes (number keys)");
        for (std::size_t i = 0; i < m_state.recent_codes.size(); ++i)
            if (const Code* k = m_cache.code(m_state.recent_codes[i])) {
                std::string key = std::to_string(i + 1);
                if (ImGui::MenuItem(k->name.c_str(), key.c_str(), false, can_code))
                    code_selection(m_state, m_cache, m_queue, k->id);
            }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Navigate", m_project != nullptr)) {
        ImGui::MenuItem("Next turn", "Ctrl+Down", false, false);
        ImGui::MenuItem("Previous turn", "Ctrl+Up", false, false);
        ImGui::MenuItem("Extend selection by character / word", "Shift+Arrows / Ctrl+Shift+Arrows", false, false);
        ImGui::MenuItem("Extend selection to end of turn", "Ctrl+Shift+Down", false, false);
        ImGui::MenuItem("Select the whole turn", "Ctrl+A", false, false);
        ImGui::MenuItem("Select a word", "Double-click", false, false);
        ImGui::MenuItem("Clear selection", "Esc", false, false);
        ImGui::EndMenu();
    }
    const bool view_menu = ImGui::BeginMenu("View", m_project != nullptr);
    ui::probe("menu/view");
    if (view_menu) {
        ImGui::MenuItem("Documents and cases", nullptr, &m_state.panels.documents);
        ImGui::MenuItem("Codebook", nullptr, &m_state.panels.codebook);
        ImGui::MenuItem("Code, retrieval and memos", nullptr, &m_state.panels.retrieval);
        if (ImGui::MenuItem("Themes", nullptr, m_state.panels.themes)) open_analysis_panel(m_state, "themes");
        if (ImGui::MenuItem("Thematic map", nullptr, m_state.panels.map)) open_analysis_panel(m_state, "map");
        if (ImGui::MenuItem("Framework matrix", nullptr, m_state.panels.matrix)) open_analysis_panel(m_state, "matrix");
        if (ImGui::MenuItem("Inter-coder agreement…")) open_agreement_panel(m_state, m_cache, m_agreement, "agreement");
        if (ImGui::MenuItem("Disagreements…")) open_agreement_panel(m_state, m_cache, m_agreement, "disagreements");
        if (ImGui::MenuItem("Codebook alignment…")) open_agreement_panel(m_state, m_cache, m_agreement, "alignment");
        ImGui::Separator();
        if (ImGui::MenuItem("Larger text", "Ctrl+=")) m_font_px = std::min(40.0f, m_font_px + 2);
        if (ImGui::MenuItem("Smaller text", "Ctrl+-")) m_font_px = std::max(10.0f, m_font_px - 2);
        if (ImGui::MenuItem("Normal text size", "Ctrl+0")) m_font_px = 16;
        ImGui::Separator();
        bool blind = m_cache.blind();
        const bool toggle = ImGui::MenuItem("Blind mode (see only my codes, codings, memos)", nullptr, blind,
                                            m_state.coder_id.has_value());
        ui::probe("menu/view/blind");
        if (toggle) {
            // Undoable and audited (who lifted the blind, and when) like every other change.
            m_queue.push(std::make_unique<SetProjectSetting>("blind_mode", blind ? "0" : "1",
                                                             blind ? "Turn blind mode off" : "Turn blind mode on"));
        }
        ImGui::EndMenu();
    }
    if (m_project) {
        const Coder* me = m_state.coder_id ? m_cache.coder(*m_state.coder_id) : nullptr;
        std::string label = std::string("Coder: ") + (me ? me->name : "(choose)") + "###coder";
        if (ImGui::BeginMenu(label.c_str())) {
            if (ImGui::MenuItem("Switch coder…")) m_state.choose_coder_open = true;
            ImGui::EndMenu();
        }
        if (m_cache.blind()) {
            ImGui::TextColored(ImVec4(0.1f, 0.45f, 0.2f, 1), "Blind");
            tooltip("Blind mode: you see only your own codes, codings and memos (View menu to change).");
        }
        ImGui::TextDisabled("%s", m_project->path().filename().string().c_str());
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("About")) m_about = true;
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
    if (key_chord(true, false, 'Q')) m_quit = true;
}

void App::draw_coder_chooser() {
    if (m_state.choose_coder_open) {
        m_state.choose_coder_open = false;
        m_new_coder.clear();
        ImGui::OpenPopup("Who is coding?");
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 24, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Who is coding?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextWrapped("This window codes as one coder. Choose yourself, or add your name.");
    ImGui::Separator();
    for (const auto& c : m_cache.coders()) {
        bool me = m_state.coder_id == c.id;
        if (ImGui::Selectable(c.name.c_str(), me)) {
            if (!me) switch_coder(c.id);
            ImGui::CloseCurrentPopup();
        }
        ui::probe("coder/" + c.name);
    }
    ImGui::Separator();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    bool enter = ImGui::InputTextWithHint("##newcoder", "New coder's name", &m_new_coder,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    ui::probe("coder/new");
    ImGui::SameLine();
    bool add = ImGui::Button("Add and code as");
    ui::probe("coder/add");
    if ((add || enter) && !m_new_coder.empty()) {
        // Written after the frame like every change; a taken name comes back as a notification.
        // Switching coder starts a fresh history, so the new coder is no step to undo.
        m_queue.push(std::make_unique<CreateCoder>(m_new_coder), [this](AppState&, Command* done) {
            switch_coder(static_cast<CreateCoder*>(done)->id());
        });
        ImGui::CloseCurrentPopup();
    }
    if (m_state.coder_id && ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// [SECTION] panels layout

void App::apply_requested_view() {
    const std::string& v = m_state.requested_view;
    if (v.empty()) return;
    if (v == "retrieval" || v == "codebook" || v == "code") {
        if (!m_state.selected_code) {
            // Show the code with the most codings, so the panel has something to show.
            std::int64_t best = -1;
            for (const auto& c : m_cache.codes())
                if (m_cache.stats(c.id).codings > best) {
                    best = m_cache.stats(c.id).codings;
                    m_state.selected_code = c.id;
                }
        }
        m_state.right_tab = v == "retrieval" ? "retrieval" : "code";
    } else if (v == "memos") {
        m_state.right_tab = "memos";
    } else if (v == "agreement" || v == "disagreements" || v == "alignment") {
        // Asked for on the command line: that is the confirmation (still audited in blind mode).
        if (m_view_frames == 0) {
            if (m_cache.blind()) {
                OptId coder = m_state.coder_id;
                m_queue.push_action("Show both coders' codings", [coder, v](Project& p) {
                    if (!p.read_only()) p.audit(coder, "reveal codings", "opened the " + v + " view in blind mode (--view)");
                });
                m_agreement.ui.revealed = true;
            }
            open_agreement_panel(m_state, m_cache, m_agreement, v);
        }
    } else if (v == "themes" || v == "map" || v == "matrix") {
        if (m_view_frames == 0) open_analysis_panel(m_state, v);
    } else if (v == "search") {
        m_state.right_tab = "search";
        if (m_view_frames == 0 && !m_options.search.empty()) {
            m_search.ui.query = m_options.search;
            m_search.request(m_options.search, {});
        } else if (m_view_frames == 1) {
            // Open the best result (searched after the first frame), as a click on it would.
            m_search.wait();
            if (!m_search.rows().empty()) open_search_result(m_state, m_search, 0);
        }
    } else if (v == "import") {
        m_import.open();
    } else if (v == "transcript") {
        // Select a coding so the screenshot shows the coding bar and a highlighted stripe.
        if (const auto* d = m_cache.open_document(); d && !d->codings.empty() && !m_state.selected_coding) {
            const Coding& k = d->codings[d->codings.size() / 3];
            m_state.selected_coding = k.id;
            m_state.scroll_to_cp = k.span.start;
        }
    }
    if (++m_view_frames > 2) m_state.requested_view.clear();
}

void App::draw_panels() {
    apply_requested_view();
    const ImGuiIO& io = ImGui::GetIO();
    const float top = ImGui::GetFrameHeight();
    const float w = io.DisplaySize.x, h = io.DisplaySize.y - top;
    const float left_w = std::floor(w * 0.26f), right_w = std::floor(w * 0.26f);
    const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    float lw = m_state.panels.documents || m_state.panels.codebook ? left_w : 0;
    float rw = m_state.panels.retrieval ? right_w : 0;

    if (lw > 0) {
        float doc_h = m_state.panels.codebook ? std::floor(h * 0.36f) : h;
        if (m_state.panels.documents) {
            ImGui::SetNextWindowPos(ImVec2(0, top));
            ImGui::SetNextWindowSize(ImVec2(lw, m_state.panels.codebook ? doc_h : h));
            if (ImGui::Begin("Documents and cases", nullptr, fixed)) draw_documents_view(m_state, m_cache, m_queue);
            ImGui::End();
        }
        if (m_state.panels.codebook) {
            float y = m_state.panels.documents ? top + doc_h : top;
            ImGui::SetNextWindowPos(ImVec2(0, y));
            ImGui::SetNextWindowSize(ImVec2(lw, top + h - y));
            if (ImGui::Begin("Codebook", nullptr, fixed)) draw_codebook_view(m_state, m_cache, m_queue);
            ImGui::End();
        }
    }
    ImGui::SetNextWindowPos(ImVec2(lw, top));
    ImGui::SetNextWindowSize(ImVec2(w - lw - rw, h));
    if (ImGui::Begin("Transcript", nullptr, fixed | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse))
        m_transcript.draw(m_state, m_cache, m_queue);
    ImGui::End();
    if (rw > 0) {
        ImGui::SetNextWindowPos(ImVec2(w - rw, top));
        ImGui::SetNextWindowSize(ImVec2(rw, h));
        if (ImGui::Begin("Details", nullptr, fixed) && ImGui::BeginTabBar("##right")) {
            auto tab = [&](const char* label, const char* key) {
                ImGuiTabItemFlags f = m_state.right_tab == key ? ImGuiTabItemFlags_SetSelected : 0;
                return ImGui::BeginTabItem(label, nullptr, f);
            };
            if (tab("Code", "code")) {
                draw_code_editor_view(m_state, m_cache, m_queue);
                ImGui::EndTabItem();
            }
            if (tab("Retrieval", "retrieval")) {
                draw_retrieval_view(m_state, m_cache, m_queue);
                ImGui::EndTabItem();
            }
            if (tab("Memos", "memos")) {
                draw_memos_view(m_state, m_cache, m_queue);
                ImGui::EndTabItem();
            }
            if (tab("Search", "search")) {
                draw_search_view(m_state, m_cache, m_queue, m_search);
                ImGui::EndTabItem();
            }
            m_state.right_tab.clear();
            ImGui::EndTabBar();
        }
        ImGui::End();
    }
}

}  // namespace tessera::gui
