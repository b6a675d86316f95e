// Retrieval: the selected code's coded extracts with context; clicking one jumps to it in the transcript.
#include "ui/gui/probe.hpp"
#include "ui/gui/views/views.hpp"
#include "ui/gui/widgets.hpp"

#include <imgui.h>

namespace tessera::gui {
namespace {

// Context is cut at a word boundary-ish: drop the partial first/last word and mark the cut.
std::string trim_left(const std::string& s) {
    auto p = s.find_first_of(" \n");
    return p == std::string::npos || p + 1 >= s.size() ? s : "…" + s.substr(p + 1);
}
std::string trim_right(const std::string& s) {
    auto p = s.find_last_of(" \n");
    return p == std::string::npos || p == 0 ? s : s.substr(0, p) + "…";
}

}  // namespace

void draw_retrieval_view(AppState& s, const ModelCache& c, CommandQueue&) {
    const Code* code = s.selected_code ? c.code(*s.selected_code) : nullptr;
    if (!code) {
        ImGui::TextDisabled("Select a code in the codebook to see its extracts.");
        return;
    }
    color_swatch(code->color);
    ImGui::TextUnformatted(c.code_path(code->id).c_str());
    CodeStats st = c.stats(code->id);
    ImGui::TextDisabled("%lld extracts in %lld documents, %lld cases", static_cast<long long>(st.codings),
                        static_cast<long long>(st.documents), static_cast<long long>(st.cases));
    ImGui::Separator();
    ImGui::BeginChild("##extracts");
    const ImVec4 accent = rgb_to_vec4(code->color);
    for (const auto& e : c.extracts()) {
        ImGui::PushID(static_cast<int>(e.coding.id));
        const Coder* who = c.coder(e.coding.coder_id);
        std::string head = e.document_name + (e.speaker.empty() ? "" : " — " + e.speaker) + "  [" +
                           std::to_string(e.coding.span.start) + ", " + std::to_string(e.coding.span.end) + ")" +
                           (who ? "  · " + who->name : "");
        if (ImGui::Selectable(head.c_str(), s.selected_coding == e.coding.id)) {
            s.document_id = e.coding.document_id;
            s.selection = {e.coding.span.start, e.coding.span.end};
            s.selected_coding = e.coding.id;
            s.scroll_to_cp = e.coding.span.start;
        }
        ui::probe("retrieval/extract/" + std::to_string(e.coding.id));
        tooltip("Jump to this extract in the transcript");
        const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
        const ImU32 hot = ImGui::ColorConvertFloat4ToU32(ImVec4(accent.x * 0.5f, accent.y * 0.5f, accent.z * 0.5f, 1));
        flowing_text({{trim_left(e.before), dim}, {e.text, hot}, {trim_right(e.after), dim}});
        ImGui::Separator();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace tessera::gui
