// Implementation of table_docx.hpp.
#include "export/table_docx.hpp"

#include "export/atomic_file.hpp"
#include "export/table_text.hpp"
#include "util/error.hpp"

#include <zip.h>

#include <memory>
#include <sstream>

namespace tessera::exporter {
namespace {

// An archive being written: discarded (nothing written) unless close() succeeds.
struct ZipDiscard {
    void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;

constexpr const char* kContentTypes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "</Types>";

constexpr const char* kRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/></Relationships>";

// A run of text; line breaks inside a cell become <w:br/>.
std::string runs(const std::string& text, const DocxOptions& o, bool bold) {
    std::string rpr = "<w:rPr><w:rFonts w:ascii=\"" + escape_xml(o.font) + "\" w:hAnsi=\"" + escape_xml(o.font) +
                      "\" w:cs=\"" + escape_xml(o.font) + "\"/>" + (bold ? "<w:b/>" : "") + "<w:sz w:val=\"" +
                      std::to_string(o.font_half_points) + "\"/></w:rPr>";
    std::string out = "<w:r>" + rpr;
    std::size_t start = 0;
    while (true) {
        std::size_t nl = text.find('\n', start);
        out += "<w:t xml:space=\"preserve\">" + escape_xml(text.substr(start, nl == std::string::npos ? nl : nl - start)) + "</w:t>";
        if (nl == std::string::npos) break;
        out += "<w:br/>";
        start = nl + 1;
    }
    return out + "</w:r>";
}

std::string paragraph(const std::string& text, const DocxOptions& o, bool bold) {
    return "<w:p>" + runs(text, o, bold) + "</w:p>";
}

}  // namespace

std::string escape_xml(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;  // not allowed in XML 1.0
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += ch;
        }
    }
    return out;
}

std::string docx_document_xml(const std::vector<analysis::Table>& tables, const DocxOptions& o) {
    std::ostringstream x;
    x << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
    // Page: A4, 1.5 cm margins; text width in twentieths of a point.
    const int page_w = o.landscape ? 16838 : 11906, page_h = o.landscape ? 11906 : 16838, margin = 850;
    const int text_w = page_w - 2 * margin;
    for (const auto& t : tables) {
        t.check();
        if (!t.title.empty()) x << paragraph(t.title, o, true);
        const std::size_t n = std::max<std::size_t>(t.headers.size(), 1);
        const int col_w = static_cast<int>(text_w / static_cast<int>(n));
        x << "<w:tbl><w:tblPr><w:tblW w:w=\"" << text_w << "\" w:type=\"dxa\"/><w:tblBorders>";
        for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
            x << "<w:" << side << " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>";
        x << "</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>";
        for (std::size_t c = 0; c < n; ++c) x << "<w:gridCol w:w=\"" << col_w << "\"/>";
        x << "</w:tblGrid>";
        auto cell = [&](const std::string& text, bool bold, const std::string& fill) {
            x << "<w:tc><w:tcPr><w:tcW w:w=\"" << col_w << "\" w:type=\"dxa\"/>";
            if (!fill.empty()) x << "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" << fill << "\"/>";
            x << "</w:tcPr>" << paragraph(text, o, bold) << "</w:tc>";
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
        for (const auto& note : t.notes) x << paragraph(note, o, false);
        x << "<w:p/>";  // Word needs a paragraph between and after tables
    }
    if (tables.empty()) x << "<w:p/>";
    x << "<w:sectPr><w:pgSz w:w=\"" << page_w << "\" w:h=\"" << page_h << "\""
      << (o.landscape ? " w:orient=\"landscape\"" : "") << "/><w:pgMar w:top=\"" << margin << "\" w:right=\"" << margin
      << "\" w:bottom=\"" << margin << "\" w:left=\"" << margin
      << "\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>";
    return x.str();
}

void write_docx(const std::vector<analysis::Table>& tables, const std::filesystem::path& path, const DocxOptions& o) {
    const std::string document = docx_document_xml(tables, o);
    const std::string parts[3][2] = {{"[Content_Types].xml", kContentTypes}, {"_rels/.rels", kRels}, {"word/document.xml", document}};
    AtomicFile file(path);
    int err = 0;
    ZipPtr z(zip_open(file.temp_path().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err));
    if (!z) throw Error("cannot write " + path.string() + ": cannot create the archive (libzip error " + std::to_string(err) + ")");
    for (const auto& [name, body] : parts) {
        // The buffers live in `parts` until zip_close below, as libzip requires.
        zip_source_t* src = zip_source_buffer(z.get(), body.data(), body.size(), 0);
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
