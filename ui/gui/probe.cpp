// ui::probe: where interactive items were drawn in the last frame, so headless tests can find them.
#include "ui/gui/probe.hpp"

#include <unordered_map>

namespace tessera::gui::ui {
namespace {

struct Registry {
    bool enabled = false;
    std::unordered_map<std::string, ProbeRect> current, last;
};

Registry& registry() {
    static Registry r;
    return r;
}

}  // namespace

void probe(const std::string& id) {
    if (!registry().enabled) return;
    registry().current[id] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
}

void probe_rect(const std::string& id, ImVec2 min, ImVec2 max) {
    if (!registry().enabled) return;
    registry().current[id] = {min, max};
}

std::optional<ProbeRect> find_probe(const std::string& id) {
    auto& r = registry();
    auto it = r.last.find(id);
    if (it == r.last.end()) return std::nullopt;
    return it->second;
}

void probe_frame_end() {
    auto& r = registry();
    if (!r.enabled) return;
    r.last.swap(r.current);
    r.current.clear();
}

void set_probes_enabled(bool on) { registry().enabled = on; }

}  // namespace tessera::gui::ui
