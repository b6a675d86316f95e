// DOCX rendering of a ReportDocument: WordprocessingML written by hand (headings as sized bold runs, quotes
// indented in italics, tables with borders) and the thematic map embedded as a PNG, packed with libzip.
#include "export/report_document.hpp"

#include "export/docx_package.hpp"
#include "export/table_docx.hpp"
#include "export/table_text.hpp"
#include "util/error.hpp"

#include <algorithm>
#include <sstream>

namespace tessera::exporter {
namespace {

constexpr const char* kFont = "Noto Sans";
constexpr int kTextWidth = 11906 - 2 * 1134;  // A4 portrait, 2 cm margins, in twips

std::string run(const std::string& text, int half_points, bool bold, bool italic) {
    return docx_run(text, kFont, half_points, bold, italic);
}

std::string para(const std::string& runs, const std::string& ppr = {}) {
    return "<w:p>" + (ppr.empty() ? std::string() : "<w:pPr>" + ppr + "</w:pPr>") + runs + "</w:p>";
}

void table_xml(std::ostringstream& x, const analysis::Table& t) {
    if (!t.title.empty()) x << para(run(t.title, 20, true, false), "<w:keepNext/><w:spacing w:before=\"120\"/>");
    docx_table(x, t, kTextWidth, [](const std::string& text, bool bold, bool italic) {
        return para(run(text, 16, bold, italic));
    });
}

// Width and height of a PNG from its IHDR chunk; {0, 0} when the bytes are not a PNG.
std::pair<std::uint32_t, std::uint32_t> png_size(const std::string& png) {
    if (png.size() < 24 || png.compare(1, 3, "PNG") != 0) return {0, 0};
    auto be32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(png[at + i]);
        return v;
    };
    return {be32(16), be32(20)};
}

std::string image_xml(std::uint32_t w_px, std::uint32_t h_px, double dpi, const std::string& name) {
    // EMU: 914400 per inch; shrink to the text width (1 twip = 635 EMU).
    double cx = double(w_px) * 914400.0 / dpi, cy = double(h_px) * 914400.0 / dpi;
    double max_cx = double(kTextWidth) * 635.0;
    if (cx > max_cx) {
        cy *= max_cx / cx;
        cx = max_cx;
    }
    std::string ext = "cx=\"" + std::to_string(std::int64_t(cx)) + "\" cy=\"" + std::to_string(std::int64_t(cy)) + "\"";
    return "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent " + ext +
           "/><wp:docPr id=\"1\" name=\"" + name +
           "\"/><a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData "
           "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic "
           "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"1\" "
           "name=\"" + name + "\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdMap\"/><a:stretch>"
           "<a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext " + ext +
           "/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>"
           "</a:graphic></wp:inline></w:drawing></w:r>";
}

}  // namespace

void write_report_docx(const ReportDocument& doc, const std::filesystem::path& path, const ReportRenderOptions& o) {
    std::ostringstream x;
    std::string png;  // the first map figure; later ones become notes
    x << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
         "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"><w:body>";
    if (!doc.title.empty()) x << para(run(doc.title, 36, true, false), "<w:spacing w:after=\"200\"/>");
    for (const auto& b : doc.blocks) {
        switch (b.kind) {
        case ReportBlock::Kind::heading: {
            static const int sizes[] = {32, 28, 24, 22};
            x << para(run(b.text, sizes[std::clamp(b.level, 1, 4) - 1], true, false),
                      "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"80\"/>");
            break;
        }
        case ReportBlock::Kind::paragraph: x << para(run(b.text, 21, false, false)); break;
        case ReportBlock::Kind::note: x << para(run(b.text, 19, false, true)); break;
        case ReportBlock::Kind::quote:
            x << para(run("\u201C" + b.text + "\u201D", 21, false, true) +
                          (b.attribution.empty() ? "" : run(" \u2014 " + b.attribution, 19, false, false)),
                      "<w:ind w:left=\"567\" w:right=\"567\"/>");
            break;
        case ReportBlock::Kind::bullets:
            for (const auto& i : b.items) x << para(run("\u2022 " + i, 21, false, false), "<w:ind w:left=\"360\"/>");
            break;
        case ReportBlock::Kind::table: table_xml(x, b.table); break;
        case ReportBlock::Kind::figure: {
            const auto& f = b.figure;
            if (f.map && png.empty()) {
                png = map_png_bytes(*f.map, o.map);
                auto [w, h] = png_size(png);
                if (w && h) x << para(image_xml(w, h, o.map.dpi, "Thematic map"), "<w:jc w:val=\"center\"/>");
                else png.clear();
            } else {
                std::string text = !f.fallback.empty() ? f.fallback : "The figure is in the HTML report.";
                x << para(run(text, 19, false, true));
            }
            x << para(run(f.caption, 19, false, true));
            break;
        }
        case ReportBlock::Kind::feedback:
            x << para(run(b.text, 21, true, false), "<w:keepNext/>");
            x << "<w:tbl><w:tblPr><w:tblW w:w=\"" << kTextWidth << "\" w:type=\"dxa\"/><w:tblBorders>";
            for (const char* side : {"top", "left", "bottom", "right"})
                x << "<w:" << side << " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"666666\"/>";
            x << "</w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w=\"" << kTextWidth
              << "\"/></w:tblGrid><w:tr><w:trPr><w:trHeight w:val=\"1700\"/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\""
              << kTextWidth << "\" w:type=\"dxa\"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl><w:p/>";
            break;
        }
    }
    x << "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" "
         "w:left=\"1134\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>";
    const std::string document = x.str();
    const std::string doc_rels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        std::string(png.empty() ? "" : "<Relationship Id=\"rIdMap\" Type=\"http://schemas.openxmlformats.org/"
                                       "officeDocument/2006/relationships/image\" Target=\"media/map.png\"/>") +
        "</Relationships>";
    write_docx_package(path, document, doc_rels, png);
}

}  // namespace tessera::exporter
