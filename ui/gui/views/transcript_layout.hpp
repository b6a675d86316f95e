// Transcript layout: word-wrapped lines per turn, cached per width, with code point hit testing.
//
// Pure geometry over an OpenDocument and a font's advances; the transcript view draws from it.
// Invariants:
//   1. Every code point of every turn is on exactly one line; lines are half-open [start, end).
//   2. Characters ImGui 1.86 cannot draw (beyond the BMP) still occupy one code point and a
//      placeholder's width, so hit testing and spans count them exactly.
#pragma once

#include "ui/gui/model_cache.hpp"

#include <imgui.h>

#include <cstdint>
#include <vector>

namespace tessera::gui {

struct LayoutLine {
    std::int64_t start = 0, end = 0;  // document code points
};

struct TurnLayout {
    std::vector<LayoutLine> lines;
    float height = 0;
};

/// Sizes the layout depends on (all in pixels).
struct LayoutMetrics {
    ImFont* font = nullptr;
    float size = 16;         // font size in pixels
    float line_h = 20;       // line advance
    float text_width = 400;  // wrap width of the text column
    float turn_gap = 8;      // space between turns
    int header_lines = 1;    // lines the speaker column needs at least
};

class TranscriptLayout {
public:
    /// Lays out every turn of `doc` (O(text length); called when the document or width changes).
    void build(const OpenDocument& doc, const LayoutMetrics& m);
    /// True when the layout was built for this document, width and font size.
    bool matches(RowId doc, const LayoutMetrics& m) const;

    std::size_t turn_count() const { return m_turns.size(); }
    const TurnLayout& turn(std::size_t i) const { return m_turns[i]; }
    float turn_top(std::size_t i) const { return m_top[i]; }
    float total_height() const { return m_total; }
    const LayoutMetrics& metrics() const { return m_m; }

    /// Width of one code point in the text column.
    float advance(char32_t c) const;
    /// Index of the turn at content height `y` (clamped to the existing turns).
    std::size_t turn_at(float y) const;
    /// Index of the turn holding code point `cp` (the one after it when cp is between turns).
    std::size_t turn_of(std::int64_t cp) const;
    /// The code point nearest to content position (x in the text column, y from the top).
    std::int64_t hit(float x, float y) const;
    /// x of code point `cp` within line `line` of its turn.
    float x_of(const LayoutLine& line, std::int64_t cp) const;
    /// Content position (text-column x, line top y) of code point `cp`.
    ImVec2 pos_of(std::int64_t cp) const;
    /// Line index within turn `t` that holds `cp` (clamped).
    std::size_t line_of(std::size_t t, std::int64_t cp) const;

private:
    const OpenDocument* m_doc = nullptr;
    RowId m_doc_id = 0;
    std::size_t m_doc_len = 0;
    LayoutMetrics m_m;
    float m_scale = 1, m_space = 4, m_placeholder = 16;
    std::vector<TurnLayout> m_turns;
    std::vector<float> m_top;
    float m_total = 0;
};

}  // namespace tessera::gui
