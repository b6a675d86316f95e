// Thematic map through Graphviz: SVG checked as XML (labels, font, nothing outside the page),
// PDF rendered to pixels with pdftoppm, PNG decoded and inspected, DOT read back; stored positions kept.
#include "analysis/study_fixture.hpp"
#include "analysis/thematic_map.hpp"
#include "export/map_graphviz.hpp"
#include "export/office_util.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb/stb_image.h>

#include <cstdio>
#include <set>

using namespace tessera;
using namespace tessera::analysis;
using namespace tessera::exporter;
namespace fs = std::filesystem;

namespace {

ThematicMap study_map(test::Study& s) { return build_thematic_map(AnalysisData::load(s.p)); }

// Every <text> of a Graphviz SVG, with its position on the page (after the graph's translate).
struct SvgText {
    std::string text, font;
    double x, y;
};

struct Svg {
    double width = 0, height = 0;  // viewBox
    std::vector<SvgText> texts;
};

Svg read_svg(const fs::path& p) {
    pugi::xml_document doc;
    REQUIRE(doc.load_file(p.c_str()));
    Svg out;
    auto svg = doc.child("svg");
    double vx = 0, vy = 0;
    REQUIRE(std::sscanf(svg.attribute("viewBox").value(), "%lf %lf %lf %lf", &vx, &vy, &out.width, &out.height) == 4);
    auto g = svg.child("g");
    double tx = 0, ty = 0;
    std::string transform = g.attribute("transform").value();
    auto at = transform.find("translate(");
    REQUIRE(at != std::string::npos);
    REQUIRE(std::sscanf(transform.c_str() + at, "translate(%lf %lf)", &tx, &ty) == 2);
    for (auto t : doc.select_nodes("//text"))
        out.texts.push_back({t.node().child_value(), t.node().attribute("font-family").value(),
                             t.node().attribute("x").as_double() + tx, t.node().attribute("y").as_double() + ty});
    return out;
}

}  // namespace

TEST_CASE("map as SVG: every label drawn in the chosen font and inside the page", "[export][map]") {
    test::Study s;
    test::TempDir dir;
    for (auto layout : {MapLayout::tree, MapLayout::network}) {
        MapRenderOptions o;
        o.layout = layout;
        render_map(study_map(s), dir / "map.svg", o);
        Svg svg = read_svg(dir / "map.svg");
        CHECK(svg.width > 200);
        CHECK(svg.height > 100);
        std::set<std::string> labels;
        for (const auto& t : svg.texts) {
            labels.insert(t.text);
            CHECK(t.font == "Noto Sans");
            // No clipping: every text anchor lies on the page.
            CHECK(t.x >= 0);
            CHECK(t.x <= svg.width);
            CHECK(t.y >= 0);
            CHECK(t.y <= svg.height);
        }
        for (const char* l : {"Control over data", "Being asked first", "Trust in institutions", "Practical burden",
                              "Consent/Being asked", "Data sharing", "Burden", "conditions"})
            CHECK(labels.count(l) == 1);
        CHECK(labels.count("Commercial worries") == 0);  // discarded: not drawn
    }
}

TEST_CASE("map as PDF renders to a non-blank page; PNG at 300 dpi decodes and has ink", "[export][map]") {
    test::Study s;
    test::TempDir dir;
    render_map(study_map(s), dir / "map.svg");
    render_map(study_map(s), dir / "map.pdf");
    render_map(study_map(s), dir / "map.png");
    Svg svg = read_svg(dir / "map.svg");
    CHECK(test::read_file(dir / "map.pdf").rfind("%PDF-", 0) == 0);

    int w = 0, h = 0, channels = 0;
    unsigned char* px = stbi_load((dir / "map.png").c_str(), &w, &h, &channels, 3);
    REQUIRE(px != nullptr);
    std::size_t ink = 0, n = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    for (std::size_t i = 0; i < n; ++i)
        if (px[3 * i] < 230 || px[3 * i + 1] < 230 || px[3 * i + 2] < 230) ++ink;
    stbi_image_free(px);
    // 300 dpi: pixels = points * 300 / 72 (within rounding), white background, a few percent ink.
    CHECK(w == Approx(svg.width * 300 / 72).margin(8));
    CHECK(h == Approx(svg.height * 300 / 72).margin(8));
    CHECK(double(ink) / double(n) > 0.02);
    CHECK(double(ink) / double(n) < 0.6);

    if (!test::have_tool("pdftoppm")) {
        WARN("pdftoppm (poppler-utils) is not installed: the PDF map was not rendered to pixels (SKIPPED)");
        return;
    }
    std::string cmd = "pdftoppm -r 72 -singlefile '" + (dir / "map.pdf").string() + "' '" + (dir / "page").string() + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    auto st = test::ppm_stats(dir / "page.ppm");
    CHECK(st.width == Approx(svg.width).margin(3));
    CHECK(st.height == Approx(svg.height).margin(3));
    CHECK(st.ink > 0.02);
    CHECK(st.ink < 0.6);
}

TEST_CASE("map as DOT; stored positions are kept; errors name the file", "[export][map]") {
    test::Study s;
    Theme t = s.p.theme(s.t_trust);
    t.map_x = 400;
    t.map_y = 120;
    s.stack.execute(s.p, std::make_unique<UpdateTheme>(t));
    Theme c = s.p.theme(s.t_control);
    c.map_x = 100;
    c.map_y = 300;
    s.stack.execute(s.p, std::make_unique<UpdateTheme>(c));

    test::TempDir dir;
    MapRenderOptions o;
    o.layout = MapLayout::stored;
    render_map(study_map(s), dir / "map.dot", o);
    std::string dot = test::read_file(dir / "map.dot");
    CHECK(dot.find("digraph thematic_map") != std::string::npos);
    CHECK(dot.find("label=\"Trust in institutions\"") != std::string::npos);
    // The pinned themes keep their relative placement: 300 pt apart across, 180 pt apart down.
    auto pos_of = [&](const std::string& key) {
        auto at = dot.find("\n\t" + key + "\t[");
        REQUIRE(at != std::string::npos);
        auto p = dot.find("pos=\"", at);
        double x = 0, y = 0;
        REQUIRE(std::sscanf(dot.c_str() + p, "pos=\"%lf,%lf", &x, &y) == 2);
        return std::pair{x, y};
    };
    auto trust = pos_of("t" + std::to_string(s.t_trust));
    auto control = pos_of("t" + std::to_string(s.t_control));
    CHECK(trust.first - control.first == Approx(300).margin(1));
    CHECK(control.second - trust.second == Approx(-180).margin(1));

    CHECK(map_to_dot(study_map(s)).find("conditions") != std::string::npos);
    CHECK(wrap_label("Trust in institutions and in the people who run them", 22) ==
          "Trust in institutions\\nand in the people who\\nrun them");
    CHECK_THROWS_AS(render_map(study_map(s), dir / "map.jpg"), InvalidArgument);
    CHECK_THROWS_AS(render_map(ThematicMap{}, dir / "empty.svg"), InvalidArgument);
    CHECK_THROWS_AS(map_layout_from_string("circle"), InvalidArgument);
    CHECK_FALSE(fs::exists(dir / "empty.svg"));
}

TEST_CASE("tree layout with many labelled links between themes does not crash Graphviz", "[export][map]") {
    // Bug: dot 2.43 double-freed in gvFreeLayout when a constraint=false edge carried a `label`
    // (seen on the sample study's map); link labels in the tree are now `xlabel`s.
    ThematicMap m;
    using K = MapNode::Kind;
    for (int t = 0; t < 6; ++t) {
        m.nodes.push_back({K::theme, "t" + std::to_string(t), t, "Theme number " + std::to_string(t), 0x4E79A7, false, {}, {}});
        for (int s = 0; s < 3; ++s) {
            std::string key = "s" + std::to_string(t) + "_" + std::to_string(s);
            m.nodes.push_back({K::subtheme, key, 100 + t * 3 + s, "Sub-theme " + key, 0xF28E2B, false, {}, {}});
            m.edges.push_back({MapEdge::Kind::hierarchy, "t" + std::to_string(t), key, ""});
        }
    }
    for (int t = 0; t < 6; ++t) {
        m.edges.push_back({MapEdge::Kind::link, "t" + std::to_string(t), "t" + std::to_string((t + 2) % 6), "shapes how people see"});
        m.edges.push_back({MapEdge::Kind::link, "s" + std::to_string(t) + "_1", "s" + std::to_string((t + 1) % 6) + "_2", "makes possible"});
        m.edges.push_back({MapEdge::Kind::link, "s" + std::to_string(t) + "_0", "s" + std::to_string(t) + "_2", "within"});
    }
    test::TempDir dir;
    MapRenderOptions o;
    o.layout = MapLayout::tree;
    REQUIRE_NOTHROW(render_map(m, dir / "links.svg", o));
    Svg svg = read_svg(dir / "links.svg");
    std::size_t labels = 0;
    for (const auto& t : svg.texts) labels += t.text == "makes possible";
    CHECK(labels == 6);
}
