// Small widgets shared by the views: a word-wrapped paragraph in several colours.
#include "ui/gui/widgets.hpp"

namespace tessera::gui {

void flowing_text(const std::vector<TextRun>& runs) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float left = ImGui::GetCursorScreenPos().x;
    bool line_start = true;
    auto put = [&](const char* b, const char* e, ImU32 col) {
        ImVec2 size = ImGui::CalcTextSize(b, e);
        if (!line_start) {
            ImGui::SameLine(0, 0);
            if (ImGui::GetCursorScreenPos().x + size.x > right) {
                ImGui::NewLine();
                while (b < e && *b == ' ') ++b;  // no leading space on a wrapped line
            }
        }
        ImGui::PushStyleColor(ImGuiCol_Text, col);
        ImGui::TextUnformatted(b, e);
        ImGui::PopStyleColor();
        line_start = false;
    };
    for (const auto& r : runs) {
        const char* p = r.text.data();
        const char* end = p + r.text.size();
        while (p < end) {
            if (*p == '\n') {
                if (!line_start) line_start = true;
                else ImGui::Dummy(ImVec2(0, 0));
                ++p;
                continue;
            }
            // A word with the spaces that follow it.
            const char* q = p;
            while (q < end && *q != ' ' && *q != '\n') ++q;
            while (q < end && *q == ' ') ++q;
            put(p, q, r.color);
            p = q;
        }
    }
    (void)left;
}

}  // namespace tessera::gui
