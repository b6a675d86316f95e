// ui::probe: where interactive items were drawn in the last frame, so headless tests can find them.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>

namespace tessera::gui::ui {

struct ProbeRect {
    ImVec2 min, max;
    ImVec2 center() const { return {(min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f}; }
};

/// Records the last ImGui item's rectangle under `id` ("codebook/row/42") for this frame.
void probe(const std::string& id);
/// Records an explicit rectangle (custom-drawn things: turns, stripes).
void probe_rect(const std::string& id, ImVec2 min, ImVec2 max);
/// The rectangle recorded under `id` in the last finished frame, if it was drawn.
std::optional<ProbeRect> find_probe(const std::string& id);
/// Ends a frame's recording: what was recorded becomes what find_probe() sees. Called by App::draw.
void probe_frame_end();
/// Turns recording on or off (off by default; tests and --screenshot turn it on). Cheap when off.
void set_probes_enabled(bool on);

}  // namespace tessera::gui::ui
