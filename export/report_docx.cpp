// DOCX rendering of a ReportDocument: WordprocessingML written by hand (headings as sized bold runs, quotes
// indented in italics, tables with borders) and the thematic map embedded as a PNG, packed with libzip.
#include "export/report_document.hpp"

#include "export/atomic_file.hpp"
#include "export/table_docx.hpp"
#include "export/table_text.hpp"
#include "util/error.hpp"

#include <zip.h>

#include <algorithm>
#include <memory>
#include <sstream>

namespace tessera::exporter {
namespace {

struct ZipDiscard {
    void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;

constexpr const char* kContentTypes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Default Extension=\"png\" ContentType=\"image/png\"/>"
    "<Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "</Types>";
constexpr const char* kRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/></Relationships>";
constexpr const char* kFont = "Noto Sans";
constexpr int kTextWidth = 11906 - 2 * 1134;  // A4 portrait, 2 cm margins, in twips

std::string run(const std::string& text, int half_points, bool bold, bool italic) {
    std::string out = std::string("<w:r><w:rPr><w:rFonts w:ascii=\"") + kFont + "\" w:hAnsi=\"" + kFont + "\" w:cs=\"" +
                      kFont + "\"/>" + (bold ? "<w:b/>" : "") + (italic ? "<w:i/>" : "") + "<w:sz w:val=\"" +
                      std::to_string(half_points) + "\"/></w:rPr>";
    std::size_t start = 0;
    while (true) {
        std::size_t nl = text.find('\n', start);
        out += "<w:t xml:space=\"preserve\">" +
               escape_xml(text.substr(start, nl == std::string::npos ? nl : nl - start)) + "</w:t>";
        if (nl == std::string::npos) break;
        out += "<w:br/>";
        start = nl + 1;
    }
    return out + "</w:r>";
}

std::string para(const std::string& runs, const std::string& ppr = {}) {
    return "<w:p>" + (ppr.empty() ? std::string() : "<w:pPr>" + ppr + "</w:pPr>") + runs + "</w:p>";
}

void table_xml(std::ostringstream& x, const analysis::Table& t) {
    if (!t.title.empty()) x << para(run(t.title, 20, true, false), "<w:keepNext/><w:spacing w:before=\"120\"/>");
    const std::size_t n = std::max<std::size_t>(t.headers.size(), 1);
    const int col_w = static_cast<int>(kTextWidth / static_cast<int>(n));
    x << "<w:tbl><w:tblPr><w:tblW w:w=\"" << kTextWidth << "\" w:type=\"dxa\"/><w:tblBorders>";
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
        x << "<w:" << side << " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>";
    x << "</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>";
    for (std::size_t c = 0; c < n; ++c) x << "<w:gridCol w:w=\"" << col_w << "\"/>";
    x << "</w:tblGrid>";
    auto cell = [&](const std::string& text, bool bold, const std::string& fill) {
        x << "<w:tc><w:tcPr><w:tcW w:w=\"" << col_w << "\" w:type=\"dxa\"/>";
        if (!fill.empty()) x << "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" << fill << "\"/>";
        x << "</w:tcPr>" << para(run(text, 16, bold, false)) << "</w:tc>";
    };
    x << "<w:tr><w:trPr><w:tblHeader/></w:trPr>";
    for (const auto& h : t.headers) cell(h, true, "E8E8E8");
    x << "</w:tr>";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        x << "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
        for (std::size_t c = 0; c < t.headers.size(); ++c) {
            double h = t.heat.empty() ? -1 : t.heat[r][c];
            cell(t.rows[r][c], c < t.header_cols, h >= 0 ? heat_colour(h).substr(1) : "");
        }
        x << "</w:tr>";
    }
    x << "</w:tbl>";
    for (const auto& note : t.notes) x << para(run(note, 16, false, true));
    x << "<w:p/>";
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
    std::vector<std::pair<std::string, const std::string*>> parts;
    const std::string types = kContentTypes, rels = kRels;
    parts.emplace_back("[Content_Types].xml", &types);
    parts.emplace_back("_rels/.rels", &rels);
    parts.emplace_back("word/document.xml", &document);
    parts.emplace_back("word/_rels/document.xml.rels", &doc_rels);
    if (!png.empty()) parts.emplace_back("word/media/map.png", &png);

    AtomicFile file(path);
    int err = 0;
    ZipPtr z(zip_open(file.temp_path().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err));
    if (!z) throw Error("cannot write " + path.string() + ": cannot create the archive (libzip error " + std::to_string(err) + ")");
    for (const auto& [name, body] : parts) {
        // The buffers outlive zip_close below, as libzip requires.
        zip_source_t* src = zip_source_buffer(z.get(), body->data(), body->size(), 0);
        if (!src || zip_file_add(z.get(), name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
            if (src) zip_source_free(src);
            throw Error("cannot write " + path.string() + ": cannot add " + name + ": " + zip_strerror(z.get()));
        }
    }
    if (zip_close(z.get()) != 0) throw Error("cannot write " + path.string() + ": " + zip_strerror(z.get()));
    z.release();  // zip_close succeeded and freed it
    file.commit();
}

}  // namespace tessera::exporter
