// Platform layer: a GLFW window with an OpenGL 3 context and Dear ImGui's GLFW/OpenGL3 backends (RAII).
#pragma once

#include <filesystem>
#include <string>

struct GLFWwindow;

namespace tessera::gui {

/// Owns the ImGui context, the GLFW window and the backends; destroying it tears all down in order.
class GlfwPlatform {
public:
    /// Creates the window (hidden when `visible` is false: screenshots). Throws std::runtime_error
    /// naming the cause when there is no display or no OpenGL 3 context.
    GlfwPlatform(const std::string& title, int width, int height, bool visible);
    ~GlfwPlatform();
    GlfwPlatform(const GlfwPlatform&) = delete;
    GlfwPlatform& operator=(const GlfwPlatform&) = delete;

    bool should_close() const;
    void request_close();
    /// Polls events and starts an ImGui frame.
    void begin_frame();
    /// Renders ImGui's draw data into the back buffer (call after ImGui::Render()).
    void render();
    /// Shows the back buffer.
    void present();
    /// Writes the back buffer as a PNG (call between render() and present()). Returns false on failure.
    bool save_png(const std::filesystem::path& path) const;
    /// Rebuilds the font atlas for `sample`'s characters at `px` times the display's scale and re-uploads it.
    void rebuild_fonts(const std::string& sample, float px = 16);
    /// Display scale (1 on a 96-dpi screen; 2 on HiDPI).
    float scale() const { return m_scale; }
    bool focused() const;

private:
    GLFWwindow* m_window = nullptr;
    float m_scale = 1;
    bool m_glfw = false, m_imgui = false, m_backend_glfw = false, m_backend_gl = false;
};

}  // namespace tessera::gui
