// ReportDocument building, format choice, map figures through Graphviz, Markdown rendering and writing.
#include "export/report_document.hpp"

#include "export/atomic_file.hpp"
#include "export/table_text.hpp"
#include "util/error.hpp"

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>

namespace tessera::exporter {

void ReportDocument::heading(int level, std::string text) {
    ReportBlock b;
    b.kind = ReportBlock::Kind::heading;
    b.level = std::clamp(level, 1, 4);
    b.text = std::move(text);
    blocks.push_back(std::move(b));
}

void ReportDocument::paragraph(std::string text) {
    ReportBlock b;
    b.text = std::move(text);
    blocks.push_back(std::move(b));
}

void ReportDocument::note(std::string text) {
    ReportBlock b;
    b.kind = ReportBlock::Kind::note;
    b.text = std::move(text);
    blocks.push_back(std::move(b));
}

void ReportDocument::quote(std::string text, std::string attribution) {
    ReportBlock b;
    b.kind = ReportBlock::Kind::quote;
    b.text = std::move(text);
    b.attribution = std::move(attribution);
    blocks.push_back(std::move(b));
}

void ReportDocument::bullets(std::vector<std::string> items) {
    ReportBlock b;
    b.kind = ReportBlock::Kind::bullets;
    b.items = std::move(items);
    blocks.push_back(std::move(b));
}

void ReportDocument::table(analysis::Table t) {
    t.check();
    ReportBlock b;
    b.kind = ReportBlock::Kind::table;
    b.table = std::move(t);
    blocks.push_back(std::move(b));
}

void ReportDocument::figure(ReportFigure f) {
    ReportBlock b;
    b.kind = ReportBlock::Kind::figure;
    b.figure = std::move(f);
    blocks.push_back(std::move(b));
}

void ReportDocument::feedback(std::string prompt) {
    ReportBlock b;
    b.kind = ReportBlock::Kind::feedback;
    b.text = std::move(prompt);
    blocks.push_back(std::move(b));
}

ReportFormat report_format_from_string(const std::string& s) {
    if (s == "md" || s == "markdown") return ReportFormat::markdown;
    if (s == "html" || s == "htm") return ReportFormat::html;
    if (s == "docx") return ReportFormat::docx;
    throw InvalidArgument("report format must be md, html or docx (not '" + s + "')");
}

ReportFormat report_format_from_path(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (ext == ".md" || ext == ".markdown") return ReportFormat::markdown;
    if (ext == ".html" || ext == ".htm") return ReportFormat::html;
    if (ext == ".docx") return ReportFormat::docx;
    throw InvalidArgument(p.string() + ": unknown report format (use .md, .html or .docx, or --format)");
}

namespace {

// A private directory for Graphviz's output, removed with everything in it.
class ScratchDir {
public:
    ScratchDir() {
        std::random_device rd;
        std::ostringstream name;
        name << "tessera-report-" << std::hex << rd() << rd();
        m_path = std::filesystem::temp_directory_path() / name.str();
        std::filesystem::create_directories(m_path);
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw Error(p.string() + ": cannot read the rendered map");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string render_to_bytes(const analysis::ThematicMap& map, const MapRenderOptions& o, const char* ext) {
    ScratchDir dir;
    auto file = dir.path() / (std::string("map.") + ext);
    render_map(map, file, o);
    return read_all(file);
}

// Markdown text outside tables: the table escaper without its <br> for newlines.
std::string md(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\r') continue;
        if (c == '\n') out += ' ';
        else if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '<' || c == '>' || c == '[' || c == ']' ||
                 c == '#' || c == '|') {
            out += '\\';
            out += c;
        } else out += c;
    }
    return out;
}

}  // namespace

std::string map_svg_text(const analysis::ThematicMap& map, const MapRenderOptions& o) {
    std::string svg = render_to_bytes(map, o, "svg");
    auto start = svg.find("<svg");
    if (start == std::string::npos) throw Error("Graphviz produced no <svg> element for the thematic map");
    return svg.substr(start);
}

std::string map_png_bytes(const analysis::ThematicMap& map, const MapRenderOptions& o) {
    return render_to_bytes(map, o, "png");
}

std::string render_markdown(const ReportDocument& doc, const std::string& stem, std::vector<SideFile>* side_files,
                            const ReportRenderOptions& o) {
    std::ostringstream out;
    if (!doc.title.empty()) out << "# " << md(doc.title) << "\n\n";
    int figures = 0;
    for (const auto& b : doc.blocks) {
        switch (b.kind) {
        case ReportBlock::Kind::heading:
            out << std::string(static_cast<std::size_t>(b.level) + 1, '#') << " " << md(b.text) << "\n\n";
            break;
        case ReportBlock::Kind::paragraph: out << md(b.text) << "\n\n"; break;
        case ReportBlock::Kind::note: out << "*" << md(b.text) << "*\n\n"; break;
        case ReportBlock::Kind::quote:
            out << "> \u201C" << md(b.text) << "\u201D";
            if (!b.attribution.empty()) out << " \u2014 " << md(b.attribution);
            out << "\n\n";
            break;
        case ReportBlock::Kind::bullets:
            for (const auto& i : b.items) out << "- " << md(i) << "\n";
            out << "\n";
            break;
        case ReportBlock::Kind::table: out << to_markdown({b.table}) << "\n"; break;
        case ReportBlock::Kind::figure: {
            ++figures;
            const auto& f = b.figure;
            if (f.map && side_files && !stem.empty()) {
                std::string name = stem + (figures == 1 ? "-map.svg" : "-figure" + std::to_string(figures) + ".svg");
                side_files->push_back({name, render_to_bytes(*f.map, o.map, "svg")});
                out << "![" << md(f.caption) << "](" << name << ")\n\n*" << md(f.caption) << "*\n\n";
            } else {
                std::string text = !f.fallback.empty() ? f.fallback
                                   : f.map ? "(The map is written beside the report as an SVG file when the report "
                                             "is written with -o; or draw it with `tessera map`.)"
                                           : "";
                out << "*" << md(f.caption) << "*";
                if (!text.empty()) out << " " << md(text);
                out << "\n\n";
            }
            break;
        }
        case ReportBlock::Kind::feedback:
            out << "**" << md(b.text) << "**\n\n";
            for (int i = 0; i < 4; ++i) out << "> &nbsp;\n>\n";
            out << "\n";
            break;
        }
    }
    return out.str();
}

void write_report(const ReportDocument& doc, ReportFormat f, const std::filesystem::path& path,
                  const ReportRenderOptions& o) {
    switch (f) {
    case ReportFormat::markdown: {
        std::vector<SideFile> sides;
        std::string text = render_markdown(doc, path.stem().string(), &sides, o);
        auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
        for (const auto& s : sides) write_file_atomically(dir / s.name, s.bytes);
        write_file_atomically(path, text);
        break;
    }
    case ReportFormat::html: write_file_atomically(path, render_html(doc, o)); break;
    case ReportFormat::docx: write_report_docx(doc, path, o); break;
    }
}

}  // namespace tessera::exporter
