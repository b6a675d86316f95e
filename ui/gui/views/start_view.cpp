// Start screen: open or create a project, recent projects.
#include "ui/gui/views/start_view.hpp"

#include "ui/gui/probe.hpp"
#include "ui/gui/recent_projects.hpp"
#include "ui/gui/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace tessera::gui {

std::optional<StartRequest> StartView::draw(AppState&) {
    std::optional<StartRequest> req;
    const ImGuiIO& io = ImGui::GetIO();
    const float top = ImGui::GetFrameHeight();
    ImGui::SetNextWindowPos(ImVec2(0, top));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, io.DisplaySize.y - top));
    ImGui::Begin("Start", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    const float col = ImGui::GetFontSize() * 34;
    ImGui::SetCursorPosX(std::max(20.0f, (io.DisplaySize.x - col) * 0.5f));
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 2));
    ImGui::SetWindowFontScale(1.6f);
    ImGui::TextUnformatted("Tessera");
    ImGui::SetWindowFontScale(1.0f);
    ImGui::TextDisabled("Qualitative coding of focus groups and interviews. Everything stays on this computer.");
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));

    auto choose = [&](bool create) {
        if (have_zenity()) {
            auto paths = zenity_choose(create ? "New Tessera project" : "Open a Tessera project", create, false,
                                       "Tessera projects | *.tessera");
            if (!paths.empty()) {
                auto p = paths.front();
                if (create && p.extension() != ".tessera") p += ".tessera";
                req = StartRequest{p, create};
            }
        } else {
            m_browse_create = create;
            m_browser.open(create ? "New project" : "Open project", create, false, {".tessera"});
        }
    };
    if (ImGui::Button("Open project…", ImVec2(col * 0.49f, 0))) choose(false);
    ui::probe("start/open");
    ImGui::SameLine();
    if (ImGui::Button("New project…", ImVec2(col * 0.49f, 0))) choose(true);
    ui::probe("start/new");

    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.5f));
    ImGui::SetNextItemWidth(col * 0.6f);
    ImGui::InputTextWithHint("##path", "or type a path: /home/me/study.tessera", &m_path);
    ui::probe("start/path");
    ImGui::SameLine();
    ImGui::BeginDisabled(m_path.empty());
    if (ImGui::Button("Open")) req = StartRequest{m_path, false};
    ImGui::SameLine();
    if (ImGui::Button("Create")) {
        std::filesystem::path p = m_path;
        if (p.extension() != ".tessera") p += ".tessera";
        req = StartRequest{p, true};
    }
    ImGui::EndDisabled();

    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
    ImGui::TextUnformatted("Recent projects");
    ImGui::Separator();
    auto recent = recent_projects();
    if (recent.empty()) ImGui::TextDisabled("None yet.");
    for (std::size_t i = 0; i < recent.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(recent[i].filename().string().c_str())) req = StartRequest{recent[i], false};
        tooltip(recent[i].string().c_str());
        ImGui::SameLine(col * 0.45f);
        ImGui::TextDisabled("%s", recent[i].parent_path().string().c_str());
        ImGui::PopID();
    }
    ImGui::EndGroup();
    if (auto picked = m_browser.draw(); picked && !picked->empty()) {
        auto p = picked->front();
        if (m_browse_create && p.extension() != ".tessera") p += ".tessera";
        req = StartRequest{p, m_browse_create};
    }
    ImGui::End();
    return req;
}

}  // namespace tessera::gui
