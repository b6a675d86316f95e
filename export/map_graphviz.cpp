// Implementation of map_graphviz.hpp.
#include "export/map_graphviz.hpp"

#include "export/atomic_file.hpp"
#include "util/error.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>

namespace tessera::exporter {
namespace {

struct GraphClose {
    void operator()(Agraph_t* g) const { agclose(g); }
};

// One Graphviz context for the whole process, made on first use (callers hold g_gv_mutex) and kept
// until exit. Graphviz 2.43 caches text-span fonts globally with names owned by the context, so
// freeing a context and making another reads freed memory (found by ASan in textspan_size).
GVC_t* shared_context() {
    static GVC_t* const gvc = gvContext();
    return gvc;
}
using GraphPtr = std::unique_ptr<Agraph_t, GraphClose>;

// Frees a layout before its graph is closed (declare after the GraphPtr).
class LayoutGuard {
public:
    LayoutGuard(GVC_t* gvc, Agraph_t* g) : m_gvc(gvc), m_g(g) {}
    ~LayoutGuard() {
        if (m_active) gvFreeLayout(m_gvc, m_g);
    }
    LayoutGuard(const LayoutGuard&) = delete;
    LayoutGuard& operator=(const LayoutGuard&) = delete;
    void activate() { m_active = true; }

private:
    GVC_t* m_gvc;
    Agraph_t* m_g;
    bool m_active = false;
};

// Graphviz reports through a global callback: collect its messages for our exception. The
// mutex keeps two renders on different threads from mixing their messages.
std::mutex g_gv_mutex;
std::string g_gv_errors;
int collect_error(char* msg) {
    g_gv_errors += msg;
    return 0;
}

void set(void* obj, const char* name, const std::string& value) {
    std::string n = name, v = value, empty;
    agsafeset(obj, n.data(), v.data(), empty.data());
}

std::string hex(std::uint32_t rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06X", rgb & 0xFFFFFFu);
    return buf;
}

// Mix with white: theme fills stay readable under black text.
std::string tint(std::uint32_t rgb, double keep) {
    auto ch = [&](int shift) { return static_cast<std::uint32_t>(255 - (255 - int((rgb >> shift) & 0xFF)) * keep + 0.5); };
    return hex((ch(16) << 16) | (ch(8) << 8) | ch(0));
}

GraphPtr build_graph(const analysis::ThematicMap& map, const MapRenderOptions& o) {
    using analysis::MapEdge;
    using analysis::MapNode;
    std::string name = "thematic_map";
    GraphPtr g(agopen(name.data(), Agdirected, nullptr));
    if (!g) throw Error("Graphviz could not create a graph");
    Agraph_t* gr = g.get();
    set(gr, "fontname", o.font);
    set(gr, "pad", "0.3");
    set(gr, "margin", "0");  // paged devices (PDF) add 36 pt by default; pad is our only border
    set(gr, "nodesep", "0.35");
    set(gr, "ranksep", "0.6");
    set(gr, "outputorder", "edgesfirst");
    set(gr, "bgcolor", "white");
    switch (o.layout) {
    case MapLayout::tree:
        set(gr, "rankdir", "TB");
        set(gr, "forcelabels", "true");  // always draw link xlabels
        break;
    case MapLayout::network:
        set(gr, "overlap", "false");
        set(gr, "sep", "+14");
        set(gr, "splines", "true");
        set(gr, "K", "1.2");
        break;
    case MapLayout::stored:
        // Overlap removal would scale or shift the pinned themes; the stored map is the analyst's.
        set(gr, "overlap", "true");
        set(gr, "splines", "true");
        set(gr, "inputscale", "72");  // stored positions are in points (screen units)
        break;
    }
    std::map<std::string, Agnode_t*> nodes;
    for (const auto& n : map.nodes) {
        std::string key = n.key;
        Agnode_t* an = agnode(gr, key.data(), 1);
        nodes[n.key] = an;
        set(an, "label", wrap_label(n.label, o.wrap_chars));
        set(an, "fontname", o.font);
        set(an, "style", n.discarded ? "rounded,filled,dashed" : "rounded,filled");
        set(an, "margin", "0.15,0.08");
        switch (n.kind) {
        case MapNode::Kind::theme:
            set(an, "shape", "box");
            set(an, "fontsize", "16");
            set(an, "penwidth", "2");
            set(an, "fillcolor", tint(n.color, 0.45));
            break;
        case MapNode::Kind::subtheme:
            set(an, "shape", "box");
            set(an, "fontsize", "13");
            set(an, "penwidth", "1.5");
            set(an, "fillcolor", tint(n.color, 0.3));
            break;
        case MapNode::Kind::code:
            set(an, "shape", "box");
            set(an, "style", "rounded");
            set(an, "fontsize", "11");
            set(an, "penwidth", "1");
            break;
        }
        set(an, "color", hex(n.color));
        if (n.discarded) set(an, "fontcolor", "#777777");
        if (o.layout == MapLayout::stored && n.x && n.y) {
            char pos[64];
            std::snprintf(pos, sizeof pos, "%.2f,%.2f!", *n.x, -*n.y);  // screen y grows down, Graphviz's up
            set(an, "pos", pos);
        }
    }
    int count = 0;
    for (const auto& e : map.edges) {
        auto from = nodes.find(e.from), to = nodes.find(e.to);
        if (from == nodes.end() || to == nodes.end())
            throw InvalidArgument("thematic map: edge " + e.from + " -> " + e.to + " names a node that is not in the map");
        std::string ename = "e" + std::to_string(count++);
        Agedge_t* ae = agedge(gr, from->second, to->second, ename.data(), 1);
        set(ae, "fontname", o.font);
        if (e.kind == MapEdge::Kind::hierarchy) {
            set(ae, "color", "#555555");
            set(ae, "arrowhead", "none");
            set(ae, "penwidth", "1.2");
        } else {
            set(ae, "style", "dashed");
            set(ae, "color", "#333333");
            set(ae, "penwidth", "1.4");
            set(ae, "arrowsize", "0.8");
            set(ae, "constraint", "false");  // a link must not bend the tree
            if (!e.label.empty()) {
                // dot (2.43) double-frees in gvFreeLayout when a constraint=false edge has a `label`
                // (it becomes a virtual node); an `xlabel` is placed after layout and is safe.
                set(ae, o.layout == MapLayout::tree ? "xlabel" : "label", wrap_label(e.label, o.wrap_chars));
                set(ae, "fontsize", "11");
            }
        }
    }
    return g;
}

const char* engine_for(const MapRenderOptions& o) {
    switch (o.layout) {
    case MapLayout::tree: return "dot";
    case MapLayout::network: return o.network_engine == "neato" ? "neato" : "fdp";
    case MapLayout::stored: return "neato";
    }
    return "dot";
}

}  // namespace

MapLayout map_layout_from_string(const std::string& s) {
    if (s == "tree") return MapLayout::tree;
    if (s == "network") return MapLayout::network;
    if (s == "stored") return MapLayout::stored;
    throw InvalidArgument("map layout must be 'tree', 'network' or 'stored', not '" + s + "'");
}

MapFormat map_format_from_path(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    if (ext == ".svg") return MapFormat::svg;
    if (ext == ".pdf") return MapFormat::pdf;
    if (ext == ".png") return MapFormat::png;
    if (ext == ".dot" || ext == ".gv") return MapFormat::dot;
    throw InvalidArgument("cannot tell the map format of " + p.string() + " (use .svg, .pdf, .png or .dot)");
}

std::string wrap_label(const std::string& label, int width) {
    std::string out, line;
    auto flush_word = [&](const std::string& word) {
        if (!line.empty() && static_cast<int>(line.size() + 1 + word.size()) > width) {
            out += line + "\\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    };
    std::string word;
    for (char c : label) {
        if (c == ' ' || c == '\n') {
            if (!word.empty()) flush_word(word);
            word.clear();
        } else if (c == '\\') {
            word += "\\\\";
        } else if (c == '"') {
            word += "\\\"";
        } else {
            word += c;
        }
    }
    if (!word.empty()) flush_word(word);
    return out + line;
}

std::string map_to_dot(const analysis::ThematicMap& map, const MapRenderOptions& o) {
    std::lock_guard lock(g_gv_mutex);
    GraphPtr g = build_graph(map, o);
    // open_memstream's buffer is the C library's, freed by whoever leaves this scope.
    char* data = nullptr;
    std::size_t length = 0;
    std::unique_ptr<char, decltype(&std::free)> buffer(nullptr, &std::free);
    int rc = 0;
    {
        std::unique_ptr<FILE, decltype(&std::fclose)> mem(open_memstream(&data, &length), &std::fclose);
        if (!mem) throw Error("Graphviz could not write the map as DOT: out of memory");
        rc = agwrite(g.get(), mem.get());
    }  // closing the stream sets data and length
    buffer.reset(data);
    if (rc != 0) throw Error("Graphviz could not write the map as DOT");
    return std::string(data ? data : "", length);
}

void render_map(const analysis::ThematicMap& map, const std::filesystem::path& path, const MapRenderOptions& o) {
    if (map.nodes.empty()) throw InvalidArgument("cannot draw " + path.string() + ": the thematic map has no themes");
    const MapFormat format = map_format_from_path(path);
    AtomicFile file(path);
    std::lock_guard lock(g_gv_mutex);
    g_gv_errors.clear();
    agusererrf previous = agseterrf(collect_error);
    struct Restore {
        agusererrf f;
        ~Restore() { agseterrf(f); }
    } restore{previous};

    GVC_t* gvc = shared_context();
    if (!gvc) throw Error("cannot draw " + path.string() + ": Graphviz did not start");
    GraphPtr g = build_graph(map, o);
    if (format == MapFormat::png) set(g.get(), "dpi", std::to_string(static_cast<int>(o.dpi)));
    LayoutGuard layout(gvc, g.get());
    if (gvLayout(gvc, g.get(), engine_for(o)) != 0)
        throw Error("cannot draw " + path.string() + ": Graphviz layout '" + engine_for(o) + "' failed: " + g_gv_errors);
    layout.activate();
    // Cairo renderers for PDF/PNG (antialiased, real font metrics); Graphviz's own SVG and DOT.
    const char* renderer = format == MapFormat::svg ? "svg" : format == MapFormat::pdf ? "pdf:cairo"
                         : format == MapFormat::png ? "png:cairo" : "dot";
    if (gvRenderFilename(gvc, g.get(), renderer, file.temp_path().c_str()) != 0)
        throw Error("cannot draw " + path.string() + ": Graphviz could not render '" + renderer + "': " + g_gv_errors);
    file.commit();
}

}  // namespace tessera::exporter
