// Headless ImGui 1.86 harness: real frames of the App without a window, with injected mouse and keys.
#include "headless.hpp"

#include "ui/gui/fonts.hpp"
#include "ui/gui/probe.hpp"

#include <stdexcept>

namespace tessera::test {

Headless::Headless(gui::App& app, ImVec2 size) : m_app(app) {
    m_ctx = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = size;
    io.DeltaTime = 1.0f / 60.0f;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // GLFW's key codes, as the real backend maps them.
    const int map[][2] = {{ImGuiKey_Tab, 258},   {ImGuiKey_LeftArrow, 263}, {ImGuiKey_RightArrow, 262},
                          {ImGuiKey_UpArrow, 265}, {ImGuiKey_DownArrow, 264}, {ImGuiKey_PageUp, 266},
                          {ImGuiKey_PageDown, 267}, {ImGuiKey_Home, 268},    {ImGuiKey_End, 269},
                          {ImGuiKey_Insert, 260}, {ImGuiKey_Delete, 261},    {ImGuiKey_Backspace, 259},
                          {ImGuiKey_Space, 32},   {ImGuiKey_Enter, 257},     {ImGuiKey_Escape, 256},
                          {ImGuiKey_KeyPadEnter, 335}, {ImGuiKey_A, 'A'},    {ImGuiKey_C, 'C'},
                          {ImGuiKey_V, 'V'},      {ImGuiKey_X, 'X'},         {ImGuiKey_Y, 'Y'},
                          {ImGuiKey_Z, 'Z'}};
    for (const auto& m : map) io.KeyMap[m[0]] = m[1];
    ImGui::StyleColorsLight();
    gui::load_fonts(*io.Fonts, app.cache().glyph_sample(), 16.0f);
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    gui::ui::set_probes_enabled(true);
}

Headless::~Headless() {
    gui::ui::set_probes_enabled(false);
    ImGui::DestroyContext(m_ctx);
}

void Headless::frame() {
    ImGui::NewFrame();
    m_app.draw();
    ImGui::Render();
    m_app.after_render();
}

void Headless::frames(int n) {
    for (int i = 0; i < n; ++i) frame();
}

void Headless::move(ImVec2 p) {
    ImGui::GetIO().MousePos = p;
    frame();
}

void Headless::click(ImVec2 p, int button) {
    ImGuiIO& io = ImGui::GetIO();
    move(p);
    io.MouseDown[button] = true;
    frame();
    io.MouseDown[button] = false;
    frame();
}

void Headless::double_click(ImVec2 p) {
    click(p);
    ImGuiIO& io = ImGui::GetIO();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
}

void Headless::drag(ImVec2 from, ImVec2 to) {
    ImGuiIO& io = ImGui::GetIO();
    move(from);
    io.MouseDown[0] = true;
    frame();
    // A few steps, as a hand would move, so drag thresholds are crossed.
    for (int i = 1; i <= 4; ++i) {
        float t = static_cast<float>(i) / 4.0f;
        io.MousePos = ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
        frame();
    }
    io.MouseDown[0] = false;
    frame();
}

void Headless::key(int k, bool ctrl, bool shift) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeyShift = shift;
    io.KeysDown[k] = true;
    frame();
    io.KeysDown[k] = false;
    frame();
    io.KeyCtrl = false;
    io.KeyShift = false;
}

void Headless::type(const std::string& utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
    frame();
}

ImVec2 Headless::at(const std::string& probe) const {
    auto r = gui::ui::find_probe(probe);
    if (!r) throw std::runtime_error("probe '" + probe + "' was not drawn in the last frame");
    return r->center();
}

bool Headless::drawn(const std::string& probe) const { return gui::ui::find_probe(probe).has_value(); }

}  // namespace tessera::test
