// Platform layer: a GLFW window with an OpenGL 3 context and Dear ImGui's GLFW/OpenGL3 backends (RAII).
#include "ui/gui/platform/glfw_platform.hpp"

#include "ui/gui/fonts.hpp"

#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace tessera::gui {
namespace {

std::string g_glfw_error;
void on_glfw_error(int, const char* msg) { g_glfw_error = msg ? msg : "unknown GLFW error"; }

}  // namespace

GlfwPlatform::GlfwPlatform(const std::string& title, int width, int height, bool visible) {
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit())
        throw std::runtime_error("cannot open a window: " + g_glfw_error +
                                 " (is DISPLAY set? for a headless machine run under xvfb-run)");
    m_glfw = true;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    m_window = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
    if (!m_window) {
        glfwTerminate();
        m_glfw = false;
        throw std::runtime_error("cannot create an OpenGL 3 window: " + g_glfw_error);
    }
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(1);
    float sx = 1, sy = 1;
    glfwGetWindowContentScale(m_window, &sx, &sy);
    m_scale = std::max(1.0f, std::max(sx, sy));

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    m_imgui = true;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is fixed; nothing to save beside the user's files
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0;
    style.FrameRounding = 3;
    style.ScaleAllSizes(m_scale);
    m_backend_glfw = ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    m_backend_gl = ImGui_ImplOpenGL3_Init("#version 130");
    if (!m_backend_glfw || !m_backend_gl) throw std::runtime_error("cannot start the OpenGL 3 renderer");
}

GlfwPlatform::~GlfwPlatform() {
    if (m_backend_gl) ImGui_ImplOpenGL3_Shutdown();
    if (m_backend_glfw) ImGui_ImplGlfw_Shutdown();
    if (m_imgui) ImGui::DestroyContext();
    if (m_window) glfwDestroyWindow(m_window);
    if (m_glfw) glfwTerminate();
}

bool GlfwPlatform::should_close() const { return glfwWindowShouldClose(m_window); }
void GlfwPlatform::request_close() { glfwSetWindowShouldClose(m_window, GLFW_TRUE); }
bool GlfwPlatform::focused() const { return glfwGetWindowAttrib(m_window, GLFW_FOCUSED) != 0; }

void GlfwPlatform::begin_frame() {
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
}

void GlfwPlatform::render() {
    int w = 0, h = 0;
    glfwGetFramebufferSize(m_window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.94f, 0.94f, 0.94f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void GlfwPlatform::present() { glfwSwapBuffers(m_window); }

bool GlfwPlatform::save_png(const std::filesystem::path& path) const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(m_window, &w, &h);
    if (w <= 0 || h <= 0) return false;
    std::vector<unsigned char> px(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    // OpenGL's rows run bottom-up; PNG's top-down. Alpha is forced opaque.
    const auto stride = static_cast<std::size_t>(w) * 4;
    std::vector<unsigned char> out(px.size());
    for (int y = 0; y < h; ++y)
        std::copy_n(px.data() + stride * static_cast<std::size_t>(h - 1 - y), stride,
                    out.data() + stride * static_cast<std::size_t>(y));
    for (std::size_t i = 3; i < out.size(); i += 4) out[i] = 255;
    return stbi_write_png(path.c_str(), w, h, 4, out.data(), static_cast<int>(stride)) != 0;
}

void GlfwPlatform::rebuild_fonts(const std::string& sample, float px) {
    ImGuiIO& io = ImGui::GetIO();
    load_fonts(*io.Fonts, sample, std::round(px * m_scale));
    io.Fonts->Build();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

}  // namespace tessera::gui
