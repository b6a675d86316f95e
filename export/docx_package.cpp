// Implementation of docx_package.hpp.
#include "export/docx_package.hpp"

#include "export/atomic_file.hpp"
#include "export/table_docx.hpp"
#include "export/table_text.hpp"
#include "util/error.hpp"

#include <zip.h>

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

namespace tessera::exporter {
namespace {

// An archive being written: discarded (nothing written) unless zip_close succeeds.
struct ZipDiscard {
    void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;

std::string content_types(bool with_png) {
    return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                       "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                       "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                       "<Default Extension=\"xml\" ContentType=\"application/xml\"/>") +
           (with_png ? "<Default Extension=\"png\" ContentType=\"image/png\"/>" : "") +
           "<Override PartName=\"/word/document.xml\" "
           "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
           "</Types>";
}

constexpr const char* kRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/></Relationships>";

}  // namespace

std::string docx_run(const std::string& text, const std::string& font, int half_points, bool bold, bool italic) {
    const std::string f = escape_xml(font);
    std::string out = "<w:r><w:rPr><w:rFonts w:ascii=\"" + f + "\" w:hAnsi=\"" + f + "\" w:cs=\"" + f + "\"/>" +
                      (bold ? "<w:b/>" : "") + (italic ? "<w:i/>" : "") + "<w:sz w:val=\"" +
                      std::to_string(half_points) + "\"/></w:rPr>";
    std::size_t start = 0;
    while (true) {
        std::size_t nl = text.find('\n', start);
        out += "<w:t xml:space=\"preserve\">" + escape_xml(text.substr(start, nl == std::string::npos ? nl : nl - start)) +
               "</w:t>";
        if (nl == std::string::npos) break;
        out += "<w:br/>";
        start = nl + 1;
    }
    return out + "</w:r>";
}

void write_docx_package(const std::filesystem::path& path, const std::string& document_xml,
                        const std::string& document_rels, const std::string& png) {
    const std::string types = content_types(!png.empty()), rels = kRels;
    std::vector<std::pair<std::string, const std::string*>> parts{
        {"[Content_Types].xml", &types}, {"_rels/.rels", &rels}, {"word/document.xml", &document_xml}};
    if (!document_rels.empty()) parts.emplace_back("word/_rels/document.xml.rels", &document_rels);
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

void docx_table(std::ostream& x, const analysis::Table& t, int width, const DocxParagraph& paragraph) {
    const std::size_t n = std::max<std::size_t>(t.headers.size(), 1);
    const int col_w = static_cast<int>(width / static_cast<int>(n));
    x << "<w:tbl><w:tblPr><w:tblW w:w=\"" << width << "\" w:type=\"dxa\"/><w:tblBorders>";
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
        x << "<w:" << side << " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>";
    x << "</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>";
    for (std::size_t c = 0; c < n; ++c) x << "<w:gridCol w:w=\"" << col_w << "\"/>";
    x << "</w:tblGrid>";
    auto cell = [&](const std::string& text, bool bold, const std::string& fill) {
        x << "<w:tc><w:tcPr><w:tcW w:w=\"" << col_w << "\" w:type=\"dxa\"/>";
        if (!fill.empty()) x << "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" << fill << "\"/>";
        x << "</w:tcPr>" << paragraph(text, bold, false) << "</w:tc>";
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
    for (const auto& note : t.notes) x << paragraph(note, false, true);
    x << "<w:p/>";  // Word needs a paragraph between and after tables
}

}  // namespace tessera::exporter
