// TranscriptLayout: wrapping keeps every code point on one line, and hit testing inverts positions,
// emoji (beyond ImGui 1.86's 16-bit glyphs) included.
#include "ui/gui/fonts.hpp"
#include "ui/gui/views/transcript_layout.hpp"

#include <catch2/catch.hpp>
#include <imgui.h>

using namespace tessera;

namespace {

struct FontContext {
    ImGuiContext* ctx = ImGui::CreateContext();
    FontContext() {
        gui::load_fonts(*ImGui::GetIO().Fonts, "", 16.0f);
        unsigned char* px = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    }
    ~FontContext() { ImGui::DestroyContext(ctx); }
    ImFont* font() const { return ImGui::GetIO().Fonts->Fonts[0]; }
};

void make_doc(gui::OpenDocument& d, const std::string& text, const std::vector<Span>& turns) {
    d.doc.id = 1;
    d.doc.text = text;
    d.cps = text::to_utf32(d.doc.text);
    d.index = text::OffsetIndex(d.doc.text);
    for (std::size_t i = 0; i < turns.size(); ++i) {
        Turn t;
        t.ordinal = static_cast<std::int64_t>(i);
        t.span = turns[i];
        d.turns.push_back(t);
    }
}

}  // namespace

TEST_CASE("layout covers every code point once and hit(pos_of(cp)) == cp", "[ui]") {
    FontContext fc;
    gui::OpenDocument d;
    std::string a = "Honestly? They felt cold 😟😟 at the café — Zoë said so, and the letter was 👍 fine.";
    std::string b = "Supercalifragilisticexpialidociousandthensomewordsthatdonotbreakatall 💬 ok\nnext line";
    std::string text = "P1: " + a + "\n\nP2: " + b;
    auto la = text::count_code_points(a), lb = text::count_code_points(b);
    make_doc(d, text, {{4, 4 + la}, {4 + la + 6, 4 + la + 6 + lb}});
    for (float width : {60.0f, 123.0f, 400.0f, 2000.0f}) {
        gui::LayoutMetrics m;
        m.font = fc.font();
        m.size = 16;
        m.line_h = 22;
        m.text_width = width;
        gui::TranscriptLayout l;
        l.build(d, m);
        REQUIRE(l.turn_count() == 2);
        for (std::size_t t = 0; t < 2; ++t) {
            const auto& lines = l.turn(t).lines;
            REQUIRE(lines.front().start == d.turns[t].span.start);
            REQUIRE(lines.back().end == d.turns[t].span.end);
            for (std::size_t i = 1; i < lines.size(); ++i) REQUIRE(lines[i].start == lines[i - 1].end);
            for (std::int64_t cp = d.turns[t].span.start; cp < d.turns[t].span.end; ++cp) {
                if (d.cps[static_cast<std::size_t>(cp)] == '\n') continue;
                ImVec2 p = l.pos_of(cp);
                INFO("width " << width << " cp " << cp);
                REQUIRE(l.hit(p.x + 0.25f, p.y + m.line_h * 0.5f) == cp);
            }
        }
        if (width <= 400) CHECK(l.turn(0).lines.size() > 1);
    }
}

TEST_CASE("characters beyond the BMP get a placeholder's width, not a glyph's", "[ui]") {
    FontContext fc;
    CHECK(!gui::drawable(U'😟'));
    CHECK(gui::drawable(U'é'));
    gui::OpenDocument d;
    make_doc(d, "a😟b", {{0, 3}});
    gui::LayoutMetrics m;
    m.font = fc.font();
    gui::TranscriptLayout l;
    l.build(d, m);
    CHECK(l.advance(U'😟') > l.advance(U'a'));
    CHECK(l.pos_of(2).x == Approx(l.advance(U'a') + l.advance(U'😟')));
}
