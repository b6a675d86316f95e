// Notifications: errors as a modal naming file, problem and what to do; notices fade in a corner.
#include "ui/gui/probe.hpp"
#include "ui/gui/views/views.hpp"

#include <imgui.h>

namespace tessera::gui {

void draw_notifications(AppState& s) {
    const double now = ImGui::GetTime();
    // The oldest undismissed error is shown as a modal; the rest wait their turn.
    Notification* error = nullptr;
    for (auto& n : s.notifications)
        if (n.kind == Notification::Kind::error) {
            error = &n;
            break;
        }
    if (error) {
        if (!ImGui::IsPopupOpen("Problem")) ImGui::OpenPopup("Problem");
        ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 32, 0), ImGuiCond_Appearing);
        if (ImGui::BeginPopupModal("Problem", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
            ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", error->title.c_str());
            ui::probe("notification/error/title");
            ImGui::Separator();
            ImGui::TextWrapped("%s", error->message.c_str());
            ui::probe("notification/error/message");
            if (!error->advice.empty()) {
                ImGui::Spacing();
                ImGui::TextWrapped("What to do: %s", error->advice.c_str());
            }
            ImGui::PopTextWrapPos();
            ImGui::Spacing();
            if (ImGui::Button("OK", ImVec2(ImGui::GetFontSize() * 6, 0)) ||
                ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
                std::uint64_t serial = error->serial;
                std::erase_if(s.notifications, [serial](const Notification& n) { return n.serial == serial; });
                ImGui::CloseCurrentPopup();
            }
            ui::probe("notification/error/ok");
            ImGui::EndPopup();
        }
    }
    // Notices: bottom right, for four seconds each.
    float y = ImGui::GetIO().DisplaySize.y - 10;
    int shown = 0;
    for (auto& n : s.notifications) {
        if (n.kind != Notification::Kind::info) continue;
        if (n.shown_at < 0) n.shown_at = now;
        if (now - n.shown_at > 4.0) continue;
        ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x - 10, y), ImGuiCond_Always, ImVec2(1, 1));
        ImGui::SetNextWindowBgAlpha(0.9f);
        std::string id = "##notice" + std::to_string(n.serial);
        ImGui::Begin(id.c_str(), nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                         ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoSavedSettings);
        ImGui::TextUnformatted(n.title.c_str());
        if (!n.message.empty()) ImGui::TextDisabled("%s", n.message.c_str());
        y -= ImGui::GetWindowHeight() + 6;
        ImGui::End();
        if (++shown == 3) break;
    }
    std::erase_if(s.notifications, [now](const Notification& n) {
        return n.kind == Notification::Kind::info && n.shown_at >= 0 && now - n.shown_at > 4.0;
    });
}

}  // namespace tessera::gui
