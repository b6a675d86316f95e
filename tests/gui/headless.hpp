// Headless ImGui 1.86 harness: real frames of the App without a window, with injected mouse and keys.
//
// Input is driven the 1.86 way (io.MousePos, io.MouseDown, io.KeysDown with io.KeyMap, io.KeyCtrl),
// each state held for one frame. 1.87's event API is not available; keep version details here.
#pragma once

#include "ui/gui/app.hpp"

#include <imgui.h>

#include <filesystem>
#include <string>

namespace tessera::test {

/// The app opened on `project` as `coder`, leaving the user's recent-projects list alone.
inline gui::AppOptions app_options(const std::filesystem::path& project, const std::string& coder = "Amara") {
    gui::AppOptions o;
    o.project = project;
    o.coder = coder;
    o.remember_recent = false;
    return o;
}

class Headless {
public:
    /// Creates an ImGui context, loads the app's fonts and builds the atlas before the first frame.
    explicit Headless(gui::App& app, ImVec2 size = ImVec2(1400, 900));
    ~Headless();
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    /// Runs one frame: NewFrame, App::draw, Render, App::after_render.
    void frame();
    void frames(int n);
    void move(ImVec2 p);
    void click(ImVec2 p, int button = 0);
    void double_click(ImVec2 p);
    void drag(ImVec2 from, ImVec2 to);
    /// Presses and releases a key (GLFW codes: letters and digits are ASCII) with modifiers.
    void key(int key, bool ctrl = false, bool shift = false);
    /// Types UTF-8 text into the focused text field.
    void type(const std::string& utf8);
    /// Center of a probe recorded last frame; fails the test (throws) when it was not drawn.
    ImVec2 at(const std::string& probe) const;
    bool drawn(const std::string& probe) const;

    static constexpr int kEnter = 257, kEscape = 256, kDelete = 261, kLeft = 263, kRight = 262, kDown = 264,
                         kUp = 265;

private:
    gui::App& m_app;
    ImGuiContext* m_ctx = nullptr;
};

}  // namespace tessera::test
