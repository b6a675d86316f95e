// Transcript layout: word-wrapped lines per turn, cached per width, with code point hit testing.
#include "ui/gui/views/transcript_layout.hpp"

#include "ui/gui/fonts.hpp"

#include <algorithm>

namespace tessera::gui {

bool TranscriptLayout::matches(RowId doc, const LayoutMetrics& m) const {
    return m_doc_id == doc && m_m.font == m.font && m_m.size == m.size && m_m.text_width == m.text_width &&
           m_m.line_h == m.line_h && m_m.header_lines == m.header_lines && m_doc &&
           m_doc_len == m_doc->cps.size() && m_turns.size() == m_doc->turns.size();
}

float TranscriptLayout::advance(char32_t c) const {
    if (c == '\n' || c == '\r') return 0;
    if (c == '\t') return m_space * 4;
    if (!drawable(c)) return m_placeholder;
    return m_m.font ? m_m.font->GetCharAdvance(static_cast<ImWchar>(c)) * m_scale : m_m.size * 0.5f;
}

void TranscriptLayout::build(const OpenDocument& doc, const LayoutMetrics& m) {
    m_doc = &doc;
    m_doc_id = doc.doc.id;
    m_doc_len = doc.cps.size();
    m_m = m;
    m_scale = m.font ? m.size / m.font->FontSize : 1.0f;
    m_space = advance(' ');
    m_placeholder = m.size * 1.05f;
    m_turns.assign(doc.turns.size(), {});
    m_top.assign(doc.turns.size(), 0);
    const auto& cps = doc.cps;
    float y = 0;
    for (std::size_t t = 0; t < doc.turns.size(); ++t) {
        auto& tl = m_turns[t];
        std::int64_t s = std::clamp<std::int64_t>(doc.turns[t].span.start, 0, static_cast<std::int64_t>(cps.size()));
        std::int64_t e = std::clamp<std::int64_t>(doc.turns[t].span.end, s, static_cast<std::int64_t>(cps.size()));
        std::int64_t line_start = s, last_break = -1;
        float x = 0;
        for (std::int64_t i = s; i < e; ++i) {
            char32_t c = cps[static_cast<std::size_t>(i)];
            if (c == '\n') {
                tl.lines.push_back({line_start, i + 1});
                line_start = i + 1;
                x = 0;
                last_break = -1;
                continue;
            }
            float w = advance(c);
            if (x + w > m.text_width && i > line_start) {
                if (last_break > line_start) {
                    tl.lines.push_back({line_start, last_break});
                    line_start = last_break;
                    x = 0;
                    for (std::int64_t k = line_start; k < i; ++k) x += advance(cps[static_cast<std::size_t>(k)]);
                } else {
                    tl.lines.push_back({line_start, i});
                    line_start = i;
                    x = 0;
                }
                last_break = -1;
            }
            x += w;
            if (c == ' ' || c == '\t') last_break = i + 1;
        }
        if (line_start < e || tl.lines.empty()) tl.lines.push_back({line_start, e});
        int rows = std::max(static_cast<int>(tl.lines.size()), m.header_lines);
        tl.height = static_cast<float>(rows) * m.line_h + m.turn_gap;
        m_top[t] = y;
        y += tl.height;
    }
    m_total = y;
}

std::size_t TranscriptLayout::turn_at(float y) const {
    if (m_top.empty()) return 0;
    auto it = std::upper_bound(m_top.begin(), m_top.end(), y);
    return it == m_top.begin() ? 0 : static_cast<std::size_t>(it - m_top.begin()) - 1;
}

std::size_t TranscriptLayout::turn_of(std::int64_t cp) const {
    const auto& turns = m_doc->turns;
    auto it = std::upper_bound(turns.begin(), turns.end(), cp,
                               [](std::int64_t v, const Turn& t) { return v < t.span.end; });
    if (it == turns.end()) return turns.empty() ? 0 : turns.size() - 1;
    return static_cast<std::size_t>(it - turns.begin());
}

std::size_t TranscriptLayout::line_of(std::size_t t, std::int64_t cp) const {
    const auto& lines = m_turns[t].lines;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (cp < lines[i].end) return i;
    return lines.empty() ? 0 : lines.size() - 1;
}

float TranscriptLayout::x_of(const LayoutLine& line, std::int64_t cp) const {
    float x = 0;
    std::int64_t to = std::min(cp, line.end);
    for (std::int64_t i = line.start; i < to; ++i) x += advance(m_doc->cps[static_cast<std::size_t>(i)]);
    return x;
}

ImVec2 TranscriptLayout::pos_of(std::int64_t cp) const {
    if (m_turns.empty()) return {0, 0};
    std::size_t t = turn_of(cp);
    std::size_t l = line_of(t, cp);
    const auto& line = m_turns[t].lines[l];
    return {x_of(line, cp), m_top[t] + static_cast<float>(l) * m_m.line_h};
}

std::int64_t TranscriptLayout::hit(float x, float y) const {
    if (m_turns.empty()) return 0;
    std::size_t t = turn_at(y);
    const auto& tl = m_turns[t];
    float ly = y - m_top[t];
    std::size_t l = ly <= 0 ? 0 : static_cast<std::size_t>(ly / m_m.line_h);
    if (l >= tl.lines.size()) {
        // Below the turn's last line (the gap): the end of the turn.
        return tl.lines.back().end;
    }
    const auto& line = tl.lines[l];
    float acc = 0;
    std::int64_t last = line.end;
    if (last > line.start && m_doc->cps[static_cast<std::size_t>(last - 1)] == '\n') --last;
    for (std::int64_t i = line.start; i < last; ++i) {
        float w = advance(m_doc->cps[static_cast<std::size_t>(i)]);
        if (x < acc + w * 0.5f) return i;
        acc += w;
    }
    return last;
}

}  // namespace tessera::gui
