// Implementation of table_docx.hpp.
#include "export/table_docx.hpp"

#include "export/docx_package.hpp"
#include "export/table_text.hpp"
#include "util/error.hpp"

#include <sstream>

namespace tessera::exporter {
namespace {

// A run of text; line breaks inside a cell become <w:br/>.
std::string runs(const std::string& text, const DocxOptions& o, bool bold) {
    return docx_run(text, o.font, o.font_half_points, bold);
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
        // Notes keep the table's plain style here (the study report sets them in italics).
        docx_table(x, t, text_w, [&](const std::string& text, bool bold, bool) { return paragraph(text, o, bold); });
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
    write_docx_package(path, document);
}

}  // namespace tessera::exporter
