// tessera-gui: the coding workbench. Parses arguments, opens the window, runs frames (or one screenshot).
#include "ui/gui/app.hpp"
#include "ui/gui/platform/glfw_platform.hpp"
#include "ui/gui/probe.hpp"

#include <CLI/CLI.hpp>
#include <imgui.h>

#include <chrono>
#include <iostream>
#include <thread>

int main(int argc, char** argv) {
    using namespace tessera::gui;
    CLI::App cli{"Tessera coding workbench"};
    std::string project, coder, screenshot, view, search;
    int frames = 8, width = 1400, height = 900;
    cli.add_option("PROJECT", project, "Project file (.tessera) to open");
    cli.add_option("--coder", coder, "Code as this coder (created if the project has no such coder)");
    cli.add_option("--screenshot", screenshot, "Render --frames frames, save this PNG and exit");
    cli.add_option("--frames", frames, "Frames to render before the screenshot (default 8)");
    cli.add_option("--view", view, "Panel to show: transcript, codebook, documents, retrieval, memos, import, start, agreement, disagreements, alignment, themes, map, matrix, search");
    cli.add_option("--search", search, "Open the Search tab with this query run (and its best result shown)");
    cli.add_option("--size", width, "Window width in pixels (height follows 14:9)")->check(CLI::Range(640, 8000));
    CLI11_PARSE(cli, argc, argv);
    if (width != 1400) height = width * 9 / 14;

    try {
        const bool shot = !screenshot.empty();
        GlfwPlatform platform("Tessera", width, height, !shot);
        if (shot) ui::set_probes_enabled(true);
        AppOptions opt;
        opt.project = project;
        opt.coder = coder;
        opt.view = view.empty() && !search.empty() ? "search" : view;
        opt.search = search;
        opt.remember_recent = !shot;
        App app(opt);
        platform.rebuild_fonts(app.cache().glyph_sample(), app.font_px());
        // A write waiting for another window keeps drawing frames, with a notice, from the busy handler.
        app.set_wait_hook([&](int) {
            platform.begin_frame();
            ImGui::NewFrame();
            app.draw();
            ImGui::Render();
            platform.render();
            platform.present();
        });
        const auto shot_deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
        for (int frame = 0; !platform.should_close(); ++frame) {
            if (auto sample = app.take_font_request()) platform.rebuild_fonts(*sample, app.font_px());
            platform.begin_frame();
            ImGui::NewFrame();
            app.draw();
            ImGui::Render();
            platform.render();
            // A screenshot waits for a report or proposal computing in the background (a minute at most).
            const bool settled = (!app.agreement().computing() && !app.agreement().aligning()) ||
                                 std::chrono::steady_clock::now() > shot_deadline;
            if (shot && !settled) std::this_thread::sleep_for(std::chrono::milliseconds(5));
            if (shot && frame + 1 >= std::max(1, frames) && settled) {
                if (!platform.save_png(screenshot)) {
                    std::cerr << "tessera-gui: could not write " << screenshot << "\n";
                    return 1;
                }
                std::cout << "wrote " << screenshot << "\n";
                return 0;
            }
            platform.present();
            app.after_render();
            if (app.quit_requested()) platform.request_close();
        }
    } catch (const std::exception& e) {
        std::cerr << "tessera-gui: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
