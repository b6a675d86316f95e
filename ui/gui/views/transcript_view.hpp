// Transcript view: turns with speaker and time, wrapped and virtualised, selection, tints and stripes.
#pragma once

#include "ui/gui/app_state.hpp"
#include "ui/gui/command_queue.hpp"
#include "ui/gui/model_cache.hpp"
#include "ui/gui/views/transcript_layout.hpp"

#include <imgui.h>

#include <optional>

namespace tessera::gui {

/// Payload of a selection dragged onto a code (drag-and-drop type "TESSERA_SPAN").
struct SpanPayload {
    RowId document = 0;
    std::int64_t start = 0, end = 0;
};
inline constexpr const char* kSpanPayload = "TESSERA_SPAN";

class TranscriptView {
public:
    /// Draws the open document into the current window (a child fills the remaining space).
    /// Changes the selection in `s`; queues coding commands (adjust, remove) on `q`.
    void draw(AppState& s, const ModelCache& c, CommandQueue& q);

    /// Screen position of the left edge of code point `cp` at mid-line, as drawn in the last frame
    /// (tests drive the mouse there). Empty when it was not visible.
    std::optional<ImVec2> screen_pos(std::int64_t cp) const;
    /// Number of turns laid out in the last frame (virtualisation check for tests and the bench).
    std::size_t drawn_turns() const { return m_drawn_turns; }
    const TranscriptLayout& layout() const { return m_layout; }

private:
    /// Which end of the selected coding a handle moves.
    enum class Handle { none, start, end };
    /// A handle being dragged: the coding and the span it would have if released now.
    struct HandleDrag {
        RowId coding = 0;
        Handle which = Handle::none;
        Span span;
    };

    /// Draws handles on the ends of the selected coding (one's own) and moves an end dragged by
    /// its handle, adjusting the coding (one undoable step) when the mouse is released.
    void handles(AppState& s, const ModelCache& c, const OpenDocument& d, CommandQueue& q);
    /// Content position of the edge a coding's start (or end) sits on: an end is drawn after the
    /// last character it covers, on that character's line, not at the start of the next line.
    ImVec2 edge_pos(std::int64_t cp, bool is_end) const;
    /// Moves a dragged start or end to the nearest word edge (Alt keeps the exact character).
    std::int64_t snap(const OpenDocument& d, std::int64_t cp, bool is_end) const;
    std::optional<Span> word_containing(const OpenDocument& d, std::int64_t cp) const;
    void handle_mouse(AppState& s, const OpenDocument& d, ImVec2 origin, bool hovered);
    void handle_keys(AppState& s, const OpenDocument& d);
    void draw_turn(AppState& s, const ModelCache& c, const OpenDocument& d, std::size_t t, ImVec2 origin);
    void draw_coding_bar(AppState& s, const ModelCache& c, CommandQueue& q, const OpenDocument& d);
    Span word_at(const OpenDocument& d, std::int64_t cp) const;
    std::size_t lane_of(const OpenDocument& d, RowId code) const;

    TranscriptLayout m_layout;
    ImVec2 m_origin{0, 0};       // screen position of content (0,0) of the text column, last frame
    float m_view_top = 0, m_view_bottom = 0;
    float m_text_x = 0, m_margin_x = 0;
    bool m_selecting = false;
    bool m_press_in_selection = false;
    std::int64_t m_press_cp = 0;
    std::size_t m_drawn_turns = 0;
    bool m_stripe_hovered = false;
    Handle m_handle_hovered = Handle::none;
    std::optional<HandleDrag> m_handle_drag;
};

/// "12:34" or "1:02:03" for a media time in milliseconds.
std::string format_time(std::int64_t ms);

}  // namespace tessera::gui
