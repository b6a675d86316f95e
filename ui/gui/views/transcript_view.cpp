// Transcript view: turns with speaker and time, wrapped and virtualised, selection, tints and stripes.
//
// [SECTION] helpers
// [SECTION] draw: top bar, scrolling child, visible turns only
// [SECTION] one turn: speaker column, tints, selection, text runs, emoji placeholders, stripes
// [SECTION] handles on the selected coding's ends
// [SECTION] mouse and keyboard selection
#include "ui/gui/views/transcript_view.hpp"

#include "commands/coding_commands.hpp"
#include "ui/gui/fonts.hpp"
#include "ui/gui/probe.hpp"
#include "ui/gui/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tessera::gui {
namespace {

// [SECTION] helpers

constexpr int kMaxLanes = 10;
constexpr float kLaneWidth = 4.0f;

ImU32 code_color(std::uint32_t rgb, int alpha) {
    return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, alpha);
}

bool key_pressed(int key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); }

}  // namespace

std::string format_time(std::int64_t ms) {
    std::int64_t s = ms / 1000;
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                      static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
    else
        std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(s / 60), static_cast<long long>(s % 60));
    return buf;
}

std::size_t TranscriptView::lane_of(const OpenDocument& d, RowId code) const {
    auto it = std::find(d.lane_codes.begin(), d.lane_codes.end(), code);
    auto i = static_cast<std::size_t>(it - d.lane_codes.begin());
    return std::min<std::size_t>(i, kMaxLanes - 1);
}

std::optional<Span> TranscriptView::word_containing(const OpenDocument& d, std::int64_t cp) const {
    if (d.turns.empty() || cp < 0) return std::nullopt;
    const Turn& t = d.turns[m_layout.turn_of(cp)];
    if (cp < t.span.start || cp >= t.span.end) return std::nullopt;
    auto slice = d.index.slice(t.span);
    for (const auto& w : text::word_spans(slice))
        if (t.span.start + w.start <= cp && cp < t.span.start + w.end)
            return Span{t.span.start + w.start, t.span.start + w.end};
    return std::nullopt;
}

Span TranscriptView::word_at(const OpenDocument& d, std::int64_t cp) const {
    if (d.turns.empty()) return {cp, cp};
    if (auto w = word_containing(d, cp)) return *w;
    return {cp, std::min<std::int64_t>(cp + 1, static_cast<std::int64_t>(d.cps.size()))};
}

std::int64_t TranscriptView::snap(const OpenDocument& d, std::int64_t cp, bool is_end) const {
    if (ImGui::GetIO().KeyAlt) return cp;
    auto w = word_containing(d, is_end ? cp - 1 : cp);
    if (!w) return cp;
    return is_end ? w->end : w->start;
}

ImVec2 TranscriptView::edge_pos(std::int64_t cp, bool is_end) const {
    if (!is_end || cp <= 0) return m_layout.pos_of(cp);
    std::size_t t = m_layout.turn_of(cp - 1);
    std::size_t l = m_layout.line_of(t, cp - 1);
    const LayoutLine& line = m_layout.turn(t).lines[l];
    return {m_layout.x_of(line, cp), m_layout.turn_top(t) + static_cast<float>(l) * m_layout.metrics().line_h};
}

std::optional<ImVec2> TranscriptView::screen_pos(std::int64_t cp) const {
    if (m_layout.turn_count() == 0) return std::nullopt;
    ImVec2 p = m_layout.pos_of(cp);
    float y = m_origin.y + p.y;
    if (y < m_view_top || y + m_layout.metrics().line_h > m_view_bottom) return std::nullopt;
    return ImVec2{m_origin.x + p.x, y + m_layout.metrics().line_h * 0.5f};
}

// [SECTION] draw: top bar, scrolling child, visible turns only

void TranscriptView::draw(AppState& s, const ModelCache& c, CommandQueue& q) {
    const OpenDocument* d = c.open_document();
    m_drawn_turns = 0;
    if (!d) {
        ImGui::TextDisabled("No document open. Choose one in Documents (left) to start coding.");
        return;
    }
    draw_coding_bar(s, c, q, *d);

    ImGui::BeginChild("##transcript", ImVec2(0, 0), false, ImGuiWindowFlags_NoMove);
    ui::probe("transcript/area");
    const float size = ImGui::GetFontSize();
    const float margin_w = 8 + kMaxLanes * kLaneWidth;
    const float header_w = size * 8.5f;
    const float avail = ImGui::GetContentRegionAvail().x;
    LayoutMetrics m;
    m.font = ImGui::GetFont();
    m.size = size;
    m.line_h = std::floor(size * 1.45f);
    m.turn_gap = std::floor(size * 0.6f);
    m.header_lines = !d->turns.empty() && d->turns.front().start_ms ? 2 : 1;
    m.text_width = std::max(size * 10, avail - margin_w - header_w - size);
    if (!m_layout.matches(d->doc.id, m)) m_layout.build(*d, m);

    ImVec2 win = ImGui::GetCursorScreenPos();  // content (0,0), already scrolled
    m_margin_x = win.x;
    m_text_x = win.x + margin_w + header_w;
    m_origin = {m_text_x, win.y};
    m_view_top = ImGui::GetWindowPos().y;
    m_view_bottom = m_view_top + ImGui::GetWindowHeight();

    // Jump requests (retrieval, keyboard) scroll so the code point is a third of the way down.
    if (s.scroll_to_cp >= 0) {
        float y = m_layout.pos_of(s.scroll_to_cp).y;
        float top = ImGui::GetScrollY(), h = ImGui::GetWindowHeight();
        if (y < top + m.line_h || y > top + h - 2 * m.line_h) ImGui::SetScrollY(std::max(0.0f, y - h / 3));
        s.scroll_to_cp = -1;
    }

    // The visible region is one invisible button: it owns the mouse (selection, drag to a code).
    float scroll = ImGui::GetScrollY();
    ImVec2 vis(std::max(1.0f, avail), std::max(1.0f, ImGui::GetWindowHeight()));
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX(), scroll + ImGui::GetCursorStartPos().y));
    ImGui::InvisibleButton("##text", vis);
    bool hovered = ImGui::IsItemHovered();

    m_stripe_hovered = false;
    std::size_t first = m_layout.turn_at(scroll);
    for (std::size_t t = first; t < m_layout.turn_count(); ++t) {
        if (m_layout.turn_top(t) > scroll + vis.y) break;
        draw_turn(s, c, *d, t, m_origin);
        ++m_drawn_turns;
    }
    handles(s, c, *d, q);
    handle_mouse(s, *d, m_origin, hovered && m_handle_hovered == Handle::none && !m_handle_drag);
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) handle_keys(s, *d);

    // Content height for the scrollbar: the whole transcript, though only visible turns were drawn.
    ImGui::SetCursorPos(ImVec2(0, m_layout.total_height()));
    ImGui::Dummy(ImVec2(1, 1));
    ImGui::EndChild();
}

void TranscriptView::draw_coding_bar(AppState& s, const ModelCache& c, CommandQueue& q, const OpenDocument& d) {
    ImGui::TextUnformatted(d.doc.name.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%lld words, %zu turns)", static_cast<long long>(d.doc.word_count), d.turns.size());
    Span sel = s.selection.span();
    if (!sel.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("| selected %lld–%lld (%lld characters)", static_cast<long long>(sel.start),
                            static_cast<long long>(sel.end), static_cast<long long>(sel.length()));
    }
    const Coding* sc = nullptr;
    if (s.selected_coding)
        for (const auto& k : d.codings)
            if (k.id == *s.selected_coding) sc = &k;
    if (!sc) {
        ImGui::TextDisabled("Select text, then Ctrl+K to code it, Ctrl+N for a new code, Ctrl+I in vivo, 1–9 recent codes.");
        return;
    }
    const Code* code = c.code(sc->code_id);
    const Coder* coder = c.coder(sc->coder_id);
    ImGui::Text("Coding: %s by %s [%lld, %lld)", code ? code->name.c_str() : "?", coder ? coder->name.c_str() : "?",
                static_cast<long long>(sc->span.start), static_cast<long long>(sc->span.end));
    bool own = s.coder_id && sc->coder_id == *s.coder_id;
    ImGui::SameLine();
    ImGui::BeginDisabled(!own || sel.empty() || sel == sc->span);
    if (ImGui::SmallButton("Fit to selection")) q.push(std::make_unique<AdjustCoding>(sc->id, sel));
    ui::probe("transcript/coding_bar/adjust");
    tooltip("Move this coding's span to the current selection");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!own);
    if (ImGui::SmallButton("Remove")) {
        q.push(std::make_unique<RemoveCoding>(sc->id));
        s.selected_coding.reset();
    }
    ui::probe("transcript/coding_bar/remove");
    tooltip("Remove this coding (Delete)");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::SmallButton("Memo")) s.memo_context = {MemoTarget::coding, sc->id};
    tooltip("Show and write memos on this coding in the Memos panel");
    ImGui::SameLine();
    if (ImGui::SmallButton("Select its text")) s.selection = {sc->span.start, sc->span.end};
}

// [SECTION] one turn: speaker column, tints, selection, text runs, emoji placeholders, stripes

void TranscriptView::draw_turn(AppState& s, const ModelCache& c, const OpenDocument& d, std::size_t t, ImVec2 origin) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Turn& turn = d.turns[t];
    const TurnLayout& tl = m_layout.turn(t);
    const LayoutMetrics& m = m_layout.metrics();
    const float top = origin.y + m_layout.turn_top(t);
    ImFont* bold = ImGui::GetIO().Fonts->Fonts.Size > 1 ? ImGui::GetIO().Fonts->Fonts[1] : m.font;

    // Speaker column: label (bold) and media time.
    float hx = m_margin_x + 8 + kMaxLanes * kLaneWidth;
    if (turn.speaker_id) {
        auto it = d.speakers.find(*turn.speaker_id);
        if (it != d.speakers.end()) {
            bool facilitator = it->second.role != SpeakerRole::participant;
            ImU32 col = facilitator ? ImGui::GetColorU32(ImGuiCol_TextDisabled) : ImGui::GetColorU32(ImGuiCol_Text);
            const std::string& label = it->second.label;
            const char* end = label.c_str() + label.size();
            ImGui::PushClipRect(ImVec2(hx, top), ImVec2(m_text_x - m.size * 0.5f, top + m.line_h * 2), true);
            dl->AddText(bold, m.size, ImVec2(hx, top), col, label.c_str(), end);
            ImGui::PopClipRect();
        }
    }
    if (turn.start_ms) {
        std::string ts = format_time(*turn.start_ms);
        dl->AddText(m.font, m.size * 0.85f, ImVec2(hx, top + m.line_h), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                    ts.c_str());
    }
    ui::probe_rect("transcript/turn/" + std::to_string(turn.ordinal), ImVec2(origin.x, top),
                   ImVec2(origin.x + m.text_width, top + tl.height));

    Span sel = s.selection.span();
    const auto& idx = d.turn_codings[t];
    for (std::size_t l = 0; l < tl.lines.size(); ++l) {
        const LayoutLine& line = tl.lines[l];
        float y = top + static_cast<float>(l) * m.line_h;
        float pad = (m.line_h - m.size) * 0.5f;
        // Words the search found: a find-in-page marker under the code tints.
        if (s.marked_document == d.doc.id) {
            auto it = std::lower_bound(s.marked.begin(), s.marked.end(), line.start,
                                       [](Span w, std::int64_t cp) { return w.end <= cp; });
            for (; it != s.marked.end() && it->start < line.end; ++it) {
                std::int64_t a = std::max(it->start, line.start), b = std::min(it->end, line.end);
                if (a >= b) continue;
                ImVec2 p0(origin.x + m_layout.x_of(line, a), y + 1), p1(origin.x + m_layout.x_of(line, b), y + m.line_h - 1);
                dl->AddRectFilled(p0, p1, IM_COL32(255, 214, 10, 150), 2);
                ui::probe_rect("transcript/mark/" + std::to_string(it->start), p0, p1);
            }
        }
        // Tints: each coding's colour, translucent, so overlaps read as darker.
        for (std::size_t k : idx) {
            const Coding& cd = d.codings[k];
            if (m_handle_drag && m_handle_drag->coding == cd.id) continue;  // its preview is drawn instead
            std::int64_t a = std::max(cd.span.start, line.start), b = std::min(cd.span.end, line.end);
            if (a >= b) continue;
            const Code* code = c.code(cd.code_id);
            bool picked = s.selected_coding == cd.id;
            dl->AddRectFilled(ImVec2(origin.x + m_layout.x_of(line, a), y + 1),
                              ImVec2(origin.x + m_layout.x_of(line, b), y + m.line_h - 1),
                              code_color(code ? code->color : 0x888888, picked ? 110 : 55));
        }
        if (!sel.empty()) {
            std::int64_t a = std::max(sel.start, line.start), b = std::min(sel.end, line.end);
            if (a < b)
                dl->AddRectFilled(ImVec2(origin.x + m_layout.x_of(line, a), y),
                                  ImVec2(origin.x + m_layout.x_of(line, b), y + m.line_h), IM_COL32(60, 120, 230, 110));
        }
        // Text in runs of drawable characters; placeholders for the rest.
        ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
        float x = origin.x;
        std::int64_t run = line.start;
        auto flush = [&](std::int64_t upto) {
            if (upto > run) {
                std::size_t b0 = d.index.byte_of(run), b1 = d.index.byte_of(upto);
                dl->AddText(m.font, m.size, ImVec2(origin.x + m_layout.x_of(line, run), y + pad), text_col,
                            d.doc.text.data() + b0, d.doc.text.data() + b1);
            }
        };
        for (std::int64_t i = line.start; i < line.end; ++i) {
            char32_t ch = d.cps[static_cast<std::size_t>(i)];
            float w = m_layout.advance(ch);
            if (ch < 0x20 || !drawable(ch)) {
                flush(i);
                run = i + 1;
                if (!drawable(ch)) {
                    // Beyond the BMP (emoji): a visible box; it still counts as one code point.
                    ImVec2 p0(x + 1, y + pad + 1), p1(x + w - 1, y + pad + m.size - 1);
                    dl->AddRectFilled(p0, p1, IM_COL32(250, 205, 90, 230), 3);
                    dl->AddRect(p0, p1, IM_COL32(150, 100, 20, 255), 3);
                    dl->AddCircleFilled(ImVec2((p0.x + p1.x) * 0.5f, (p0.y + p1.y) * 0.5f), m.size * 0.15f,
                                        IM_COL32(120, 80, 10, 255));
                    if (ImGui::IsMouseHoveringRect(p0, p1) && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
                        ImGui::SetTooltip("U+%04X: a character this renderer cannot draw (e.g. an emoji); "
                                          "it is in the text and counts as one character.",
                                          static_cast<unsigned>(ch));
                    }
                }
            }
            x += w;
        }
        flush(line.end);
    }

    // Stripes: one lane per code, the coding's extent within this turn.
    ImVec2 mouse = ImGui::GetIO().MousePos;
    for (std::size_t k : idx) {
        const Coding& cd = d.codings[k];
        std::int64_t a = std::max(cd.span.start, turn.span.start);
        std::int64_t b = std::min(cd.span.end, turn.span.end);
        if (a >= b) continue;
        std::size_t la = m_layout.line_of(t, a), lb = m_layout.line_of(t, b - 1);
        float x0 = m_margin_x + 4 + static_cast<float>(lane_of(d, cd.code_id)) * kLaneWidth;
        ImVec2 p0(x0, top + static_cast<float>(la) * m.line_h + 1);
        ImVec2 p1(x0 + kLaneWidth - 1, top + static_cast<float>(lb + 1) * m.line_h - 1);
        const Code* code = c.code(cd.code_id);
        bool picked = s.selected_coding == cd.id;
        dl->AddRectFilled(p0, p1, code_color(code ? code->color : 0x888888, 255));
        if (picked) dl->AddRect(ImVec2(p0.x - 1, p0.y - 1), ImVec2(p1.x + 1, p1.y + 1), IM_COL32(0, 0, 0, 255));
        ui::probe_rect("transcript/coding/" + std::to_string(cd.id), p0, p1);
        bool over = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && mouse.x >= p0.x - 1 && mouse.x <= p1.x + 1 && mouse.y >= p0.y &&
                    mouse.y <= p1.y;
        if (over && !m_stripe_hovered) {
            m_stripe_hovered = true;
            const Coder* coder = c.coder(cd.coder_id);
            ImGui::BeginTooltip();
            ImGui::Text("%s", c.code_path(cd.code_id).c_str());
            ImGui::TextDisabled("coded by %s", coder ? coder->name.c_str() : "?");
            for (const Memo* memo : c.memos_for(MemoTarget::coding, cd.id)) {
                ImGui::Separator();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 25);
                ImGui::TextWrapped("%s: %s", memo->title.c_str(), memo->body.c_str());
                ImGui::PopTextWrapPos();
            }
            ImGui::TextDisabled("Click to select this coding");
            ImGui::EndTooltip();
            if (ImGui::IsMouseClicked(0)) s.selected_coding = cd.id;
        }
    }
}

// [SECTION] handles on the selected coding's ends

void TranscriptView::handles(AppState& s, const ModelCache& c, const OpenDocument& d, CommandQueue& q) {
    m_handle_hovered = Handle::none;
    const Coding* sc = nullptr;
    if (s.selected_coding && s.coder_id)
        for (const auto& k : d.codings)
            if (k.id == *s.selected_coding && k.coder_id == *s.coder_id) sc = &k;  // only one's own
    if (!sc || (m_handle_drag && m_handle_drag->coding != sc->id)) m_handle_drag.reset();
    if (!sc) return;

    ImGuiIO& io = ImGui::GetIO();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const LayoutMetrics& m = m_layout.metrics();
    const Code* code = c.code(sc->code_id);
    const ImU32 colour = code_color(code ? code->color : 0x888888, 255);
    const Span span = m_handle_drag ? m_handle_drag->span : sc->span;

    if (m_handle_drag) {
        // The span it would have if released now, over every visible line it covers.
        for (std::size_t t = m_layout.turn_of(span.start); t < m_layout.turn_count(); ++t) {
            const float top = m_origin.y + m_layout.turn_top(t);
            if (top > m_view_bottom || d.turns[t].span.start >= span.end) break;
            const auto& lines = m_layout.turn(t).lines;
            for (std::size_t l = 0; l < lines.size(); ++l) {
                std::int64_t a = std::max(span.start, lines[l].start), b = std::min(span.end, lines[l].end);
                float y = top + static_cast<float>(l) * m.line_h;
                if (a >= b || y + m.line_h < m_view_top) continue;
                dl->AddRectFilled(ImVec2(m_origin.x + m_layout.x_of(lines[l], a), y + 1),
                                  ImVec2(m_origin.x + m_layout.x_of(lines[l], b), y + m.line_h - 1),
                                  code_color(code ? code->color : 0x888888, 110));
            }
        }
    }

    // A bar on each edge with a knob hanging below it, like a phone's text handles: the start's to the
    // left, the end's to the right, so the two stay apart on a short coding. Below, not above: above
    // the first line there is no transcript to grab it in.
    const float knob = std::max(3.0f, m.size * 0.3f);
    for (Handle which : {Handle::start, Handle::end}) {
        const bool is_end = which == Handle::end;
        ImVec2 p = edge_pos(is_end ? span.end : span.start, is_end);
        const float x = m_origin.x + p.x, y = m_origin.y + p.y;
        if (y + m.line_h < m_view_top || y > m_view_bottom) continue;
        const ImVec2 centre(is_end ? x + knob * 0.7f : x - knob * 0.7f, y + m.line_h + knob * 0.7f);
        // Only the knob is grabbed: the text under the bar stays free for starting a selection there.
        ImVec2 p0(centre.x - knob - 2, centre.y - knob - 2), p1(centre.x + knob + 2, centre.y + knob + 2);
        const char* name = is_end ? "transcript/handle/end" : "transcript/handle/start";
        ui::probe_rect(name, p0, p1);
        const bool over = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
                          ImGui::IsMouseHoveringRect(p0, p1, false);
        const bool active = m_handle_drag && m_handle_drag->which == which;
        dl->AddRectFilled(ImVec2(x - 1, y), ImVec2(x + 1, y + m.line_h + knob * 0.7f), colour);
        dl->AddCircleFilled(centre, knob, colour);
        if (over || active) dl->AddCircle(centre, knob + 1, IM_COL32(0, 0, 0, 255), 0, 1.5f);
        if (over && !m_handle_drag) {
            m_handle_hovered = which;
            ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
            ImGui::SetTooltip(is_end ? "Drag to move where this coding ends (to a word's end; Alt: any character)"
                                     : "Drag to move where this coding starts (to a word's start; Alt: any character)");
        }
    }

    if (!m_handle_drag && m_handle_hovered != Handle::none && ImGui::IsMouseClicked(0))
        m_handle_drag = HandleDrag{sc->id, m_handle_hovered, sc->span};
    if (!m_handle_drag) return;
    if (ImGui::IsMouseDown(0)) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        const bool is_end = m_handle_drag->which == Handle::end;
        std::int64_t cp = snap(d, m_layout.hit(io.MousePos.x - m_origin.x, io.MousePos.y - m_origin.y), is_end);
        Span& sp = m_handle_drag->span;
        const auto len = static_cast<std::int64_t>(d.cps.size());
        if (is_end) sp.end = std::clamp<std::int64_t>(cp, sp.start + 1, len);  // never empty
        else sp.start = std::clamp<std::int64_t>(cp, 0, sp.end - 1);
        float edge = m.size;  // dragging past the edges scrolls, as when selecting
        if (io.MousePos.y < m_view_top + edge) ImGui::SetScrollY(ImGui::GetScrollY() - edge);
        if (io.MousePos.y > m_view_bottom - edge) ImGui::SetScrollY(ImGui::GetScrollY() + edge);
        return;
    }
    // Released: one undoable step, and none when the span did not change.
    if (m_handle_drag->span != sc->span) q.push(std::make_unique<AdjustCoding>(sc->id, m_handle_drag->span));
    m_handle_drag.reset();
}

// [SECTION] mouse and keyboard selection

void TranscriptView::handle_mouse(AppState& s, const OpenDocument& d, ImVec2 origin, bool hovered) {
    ImGuiIO& io = ImGui::GetIO();
    auto cp_at_mouse = [&] { return m_layout.hit(io.MousePos.x - origin.x, io.MousePos.y - origin.y); };
    Span sel = s.selection.span();

    if (hovered && !m_stripe_hovered && io.MousePos.x >= m_text_x - 4) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
        if (ImGui::IsMouseDoubleClicked(0)) {
            Span w = word_at(d, cp_at_mouse());
            s.selection = {w.start, w.end};
            m_selecting = false;
            m_press_in_selection = false;
        } else if (ImGui::IsMouseClicked(0)) {
            std::int64_t cp = cp_at_mouse();
            if (io.KeyShift) {
                s.selection.caret = cp;
                m_selecting = true;
            } else if (!sel.empty() && cp >= sel.start && cp < sel.end) {
                m_press_in_selection = true;  // may become a drag onto a code
                m_press_cp = cp;
            } else {
                s.selection = {cp, cp};
                m_selecting = true;
            }
            s.selected_coding.reset();
        }
    }
    if (m_selecting) {
        if (ImGui::IsMouseDown(0)) {
            s.selection.caret = cp_at_mouse();
            // Drag past the edges scrolls.
            float edge = ImGui::GetFontSize();
            if (io.MousePos.y < m_view_top + edge) ImGui::SetScrollY(ImGui::GetScrollY() - edge);
            if (io.MousePos.y > m_view_bottom - edge) ImGui::SetScrollY(ImGui::GetScrollY() + edge);
        } else {
            m_selecting = false;
        }
    }
    if (m_press_in_selection) {
        if (ImGui::BeginDragDropSource(ImGuiDragDropFlags_SourceAllowNullID)) {
            SpanPayload p{d.doc.id, sel.start, sel.end};
            ImGui::SetDragDropPayload(kSpanPayload, &p, sizeof p);
            ImGui::Text("Drop on a code in the codebook to code %lld characters", static_cast<long long>(sel.length()));
            ImGui::EndDragDropSource();
        } else if (!ImGui::IsMouseDown(0)) {
            if (!ImGui::IsMouseDragging(0)) s.selection = {m_press_cp, m_press_cp};
            m_press_in_selection = false;
        }
        if (!ImGui::IsMouseDown(0)) m_press_in_selection = false;
    }
}

void TranscriptView::handle_keys(AppState& s, const OpenDocument& d) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    const auto len = static_cast<std::int64_t>(d.cps.size());
    auto move = [&](std::int64_t to) {
        to = std::clamp<std::int64_t>(to, 0, len);
        s.selection.caret = to;
        if (!io.KeyShift) s.selection.anchor = to;
        s.scroll_to_cp = to;
    };
    std::int64_t caret = s.selection.caret;
    if (key_pressed(ImGuiKey_RightArrow)) {
        if (io.KeyCtrl) {
            Span w = word_at(d, caret);
            move(w.end > caret ? w.end : word_at(d, caret + 1).end);
        } else {
            move(caret + 1);
        }
    }
    if (key_pressed(ImGuiKey_LeftArrow)) {
        if (io.KeyCtrl) {
            Span w = word_at(d, std::max<std::int64_t>(0, caret - 1));
            move(w.start < caret ? w.start : caret - 1);
        } else {
            move(caret - 1);
        }
    }
    if (key_pressed(ImGuiKey_DownArrow) || key_pressed(ImGuiKey_UpArrow)) {
        bool down = key_pressed(ImGuiKey_DownArrow);
        std::size_t t = m_layout.turn_of(caret);
        if (io.KeyCtrl) {
            // Next / previous turn: Shift extends the selection to its end / start.
            if (down && t + 1 < d.turns.size()) move(io.KeyShift ? d.turns[t].span.end : d.turns[t + 1].span.start);
            else if (down && io.KeyShift) move(d.turns[t].span.end);
            if (!down) move(caret > d.turns[t].span.start || t == 0 ? d.turns[t].span.start : d.turns[t - 1].span.start);
        } else {
            ImVec2 p = m_layout.pos_of(caret);
            float dy = down ? m_layout.metrics().line_h * 1.5f : -m_layout.metrics().line_h * 0.5f;
            move(m_layout.hit(p.x, p.y + dy));
        }
    }
    if (io.KeyCtrl && key_pressed(ImGuiKey_A) && !d.turns.empty()) {
        // Ctrl+A selects the turn under the caret (a whole utterance is the usual unit).
        const Turn& t = d.turns[m_layout.turn_of(caret)];
        s.selection = {t.span.start, t.span.end};
    }
    if (key_pressed(ImGuiKey_Escape)) {
        s.selection = {caret, caret};
        s.selected_coding.reset();
        s.marked.clear();
        s.marked_document.reset();
    }
}

}  // namespace tessera::gui
