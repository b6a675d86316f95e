// HTML rendering of a ReportDocument: one standalone UTF-8 page, every text escaped, the map inline as SVG.
#include "export/report_document.hpp"

#include "export/table_text.hpp"

#include <sstream>

namespace tessera::exporter {
namespace {

const char* kStyle = R"(body{font-family:"Noto Sans",Arial,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.45;color:#222}
table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #bbb;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#eef1f5}caption{text-align:left;font-weight:bold;margin-bottom:.3em}
blockquote{margin:.5em 0 .8em 1.5em;padding-left:.8em;border-left:3px solid #9ab}blockquote cite{display:block;font-style:normal;color:#555;font-size:.9em}
figure{margin:1em 0}figure svg{max-width:100%;height:auto}figcaption{font-style:italic;color:#444}
.note{font-style:italic;color:#555}.feedback{border:1px solid #999;min-height:7em;margin:.3em 0 1.2em;padding:.5em}
.table-note{font-size:.9em;font-style:italic;color:#555})";

void write_table(std::ostringstream& out, const analysis::Table& t) {
    out << "<table>\n";
    if (!t.title.empty()) out << "<caption>" << escape_html(t.title) << "</caption>\n";
    out << "<thead><tr>";
    for (const auto& h : t.headers) out << "<th>" << escape_html(h) << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        out << "<tr>";
        for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
            const char* tag = c < t.header_cols ? "th" : "td";
            out << "<" << tag;
            if (!t.heat.empty() && t.heat[r][c] >= 0) out << " style=\"background:" << heat_colour(t.heat[r][c]) << "\"";
            out << ">" << escape_html(t.rows[r][c]) << "</" << tag << ">";
        }
        out << "</tr>\n";
    }
    out << "</tbody></table>\n";
    for (const auto& n : t.notes) out << "<p class=\"table-note\">" << escape_html(n) << "</p>\n";
}

}  // namespace

std::string render_html(const ReportDocument& doc, const ReportRenderOptions& o) {
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << escape_html(doc.title)
        << "</title>\n<style>\n" << kStyle << "\n</style>\n</head>\n<body>\n";
    if (!doc.title.empty()) out << "<h1>" << escape_html(doc.title) << "</h1>\n";
    for (const auto& b : doc.blocks) {
        switch (b.kind) {
        case ReportBlock::Kind::heading: {
            int h = b.level + 1;
            out << "<h" << h << ">" << escape_html(b.text) << "</h" << h << ">\n";
            break;
        }
        case ReportBlock::Kind::paragraph: out << "<p>" << escape_html(b.text) << "</p>\n"; break;
        case ReportBlock::Kind::note: out << "<p class=\"note\">" << escape_html(b.text) << "</p>\n"; break;
        case ReportBlock::Kind::quote:
            out << "<blockquote><p>\u201C" << escape_html(b.text) << "\u201D</p>";
            if (!b.attribution.empty()) out << "<cite>\u2014 " << escape_html(b.attribution) << "</cite>";
            out << "</blockquote>\n";
            break;
        case ReportBlock::Kind::bullets:
            out << "<ul>\n";
            for (const auto& i : b.items) out << "<li>" << escape_html(i) << "</li>\n";
            out << "</ul>\n";
            break;
        case ReportBlock::Kind::table: write_table(out, b.table); break;
        case ReportBlock::Kind::figure: {
            const auto& f = b.figure;
            out << "<figure>\n";
            if (f.map) out << map_svg_text(*f.map, o.map) << "\n";
            else if (!f.svg.empty()) out << f.svg << "\n";  // drawn by us, already escaped
            else if (!f.fallback.empty()) out << "<p class=\"note\">" << escape_html(f.fallback) << "</p>\n";
            out << "<figcaption>" << escape_html(f.caption) << "</figcaption>\n</figure>\n";
            break;
        }
        case ReportBlock::Kind::feedback:
            out << "<p><strong>" << escape_html(b.text) << "</strong></p>\n<div class=\"feedback\"></div>\n";
            break;
        }
    }
    out << "</body>\n</html>\n";
    return out.str();
}

}  // namespace tessera::exporter
