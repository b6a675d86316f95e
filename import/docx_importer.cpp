// Word .docx importer: body paragraphs, breaks, tabs and tables as text; tracked changes accepted;
// headers, footers, comments, footnotes and text boxes ignored; a bold leading run marks a speaker.
#include "import/formats.hpp"
#include "import/xml_part.hpp"
#include "import/zip_archive.hpp"

#include <set>

namespace tessera::importer::detail {
namespace {

bool on_off(const pugi::xml_node& n) {
    if (!n) return false;
    std::string_view v = n.attribute("w:val").value();
    return !(v == "0" || v == "false" || v == "off");
}

// Character styles that make text bold ("Strong", a "Speaker" style), from word/styles.xml.
using BoldStyles = std::set<std::string, std::less<>>;
bool run_is_bold(const pugi::xml_node& run, const BoldStyles& bold_styles) {
    pugi::xml_node rpr = run.child("w:rPr");
    if (!rpr) return false;
    if (pugi::xml_node b = rpr.child("w:b")) return on_off(b);
    return bold_styles.count(std::string_view(rpr.child("w:rStyle").attribute("w:val").value())) > 0;
}

BoldStyles bold_character_styles(const ZipArchive& zip, const std::string& path) {
    BoldStyles out;
    auto xml = zip.read("word/styles.xml");
    if (!xml) return out;
    pugi::xml_document d;
    parse_xml_part(d, *xml, "word/styles.xml", path);
    for (pugi::xml_node st : d.child("w:styles").children("w:style"))
        if (std::string_view(st.attribute("w:type").value()) == "character" && on_off(st.child("w:rPr").child("w:b")))
            out.insert(st.attribute("w:styleId").value());
    return out;
}

class ParagraphBuilder {
public:
    void add(std::string_view s, bool bold) {
        bool blank = s.find_first_not_of(" \t\n\xC2\xA0") == std::string_view::npos;
        m_text.text += s;
        if (m_in_prefix) {
            if (bold && !blank) m_bold_end = m_text.text.size();
            else if (!bold && !blank) m_in_prefix = false, m_has_plain = true;
        } else if (!blank) {
            m_has_plain = true;
        }
    }
    Paragraph take() {
        m_text.bold_prefix = m_has_plain ? m_bold_end : 0;  // an all-bold paragraph is a heading, not a label
        return std::move(m_text);
    }

private:
    Paragraph m_text;
    std::size_t m_bold_end = 0;
    bool m_in_prefix = true;
    bool m_has_plain = false;
};

void visit_run(const pugi::xml_node& run, const BoldStyles& styles, ParagraphBuilder& b) {
    bool bold = run_is_bold(run, styles);
    for (pugi::xml_node c : run.children()) {
        std::string_view n = c.name();
        if (n == "w:t") b.add(c.child_value(), bold);
        else if (n == "w:tab" || n == "w:ptab") b.add("\t", bold);
        else if (n == "w:br" || n == "w:cr") b.add("\n", bold);
        else if (n == "w:noBreakHyphen") b.add("-", bold);
        // w:delText, drawings, text boxes, footnote/comment references: not body text
    }
}

void visit_inline(const pugi::xml_node& parent, const BoldStyles& styles, ParagraphBuilder& b) {
    for (pugi::xml_node c : parent.children()) {
        std::string_view n = c.name();
        if (n == "w:r") visit_run(c, styles, b);
        else if (n == "w:ins" || n == "w:hyperlink" || n == "w:smartTag" || n == "w:fldSimple" || n == "w:customXml" ||
                 n == "w:sdt" || n == "w:sdtContent" || n == "w:moveTo" || n == "w:dir" || n == "w:bdo")
            visit_inline(c, styles, b);
        // w:del and w:moveFrom are dropped: tracked changes are taken as accepted
    }
}

Paragraph paragraph_of(const pugi::xml_node& p, const BoldStyles& styles) {
    ParagraphBuilder b;
    visit_inline(p, styles, b);
    return b.take();
}

void visit_body(const pugi::xml_node& body, const BoldStyles& styles, std::vector<Paragraph>& out);

// A cell's paragraphs joined by spaces; a cell is block content like the body, so tables nested
// in it (rows as tab-separated text) and content controls count too.
std::string cell_text(const pugi::xml_node& tc, const BoldStyles& styles) {
    std::vector<Paragraph> inner;
    visit_body(tc, styles, inner);
    std::string out;
    for (const auto& p : inner) {
        if (p.text.find_first_not_of(" \t") == std::string::npos) continue;
        if (!out.empty()) out += ' ';
        out += p.text;
    }
    return out;
}

// Recursive over nested tables and content controls; parse_xml_part refuses XML nested deep
// enough to exhaust the stack.
void visit_body(const pugi::xml_node& body, const BoldStyles& styles, std::vector<Paragraph>& out) {
    for (pugi::xml_node c : body.children()) {
        std::string_view n = c.name();
        if (n == "w:p") {
            out.push_back(paragraph_of(c, styles));
        } else if (n == "w:tbl") {
            for (pugi::xml_node tr : c.children("w:tr")) {
                std::vector<std::string> cells;
                for (pugi::xml_node tc : tr.children("w:tc")) cells.push_back(cell_text(tc, styles));
                Paragraph row = table_row(cells);
                if (row.text.find_first_not_of('\t') != std::string::npos) out.push_back(std::move(row));
            }
        } else if (n == "w:sdt" || n == "w:customXml") {
            visit_body(c.child("w:sdtContent") ? c.child("w:sdtContent") : c, styles, out);
        } else if (n == "w:ins" || n == "w:moveTo") {
            visit_body(c, styles, out);
        }
    }
}

// The main part's name, from the package relationships (almost always word/document.xml).
std::string main_part(const ZipArchive& zip, const std::string& path) {
    auto rels = zip.read("_rels/.rels");
    if (rels) {
        pugi::xml_document d;
        parse_xml_part(d, *rels, "_rels/.rels", path);
        for (pugi::xml_node r : d.child("Relationships").children("Relationship")) {
            std::string_view type = r.attribute("Type").value();
            if (type.size() >= 15 && type.substr(type.size() - 15) == "/officeDocument") {
                std::string target = r.attribute("Target").value();
                if (!target.empty() && target.front() == '/') target.erase(0, 1);
                if (!target.empty()) return target;
            }
        }
    }
    return "word/document.xml";
}

}  // namespace

void import_docx(std::string_view bytes, const ImportOptions& options, ImportedDocument& doc) {
    // Password-protected .docx files and old binary .doc files are OLE compound files, not zips.
    if (bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        throw ImportError(doc.source_path, "this is a password-protected Word file or an old binary .doc, not a "
                                           ".docx archive; open it in Word and save it as .docx without a password");
    ZipArchive zip(bytes, doc.source_path, options);
    std::string part = main_part(zip, doc.source_path);
    auto xml = zip.read(part);
    if (!xml) throw ImportError(doc.source_path, "not a Word document: the archive has no " + part);
    pugi::xml_document d;
    parse_xml_part(d, *xml, part, doc.source_path);
    pugi::xml_node body = d.child("w:document").child("w:body");
    if (!body) throw ImportError(doc.source_path, "not a Word document: " + part + " has no w:document/w:body");
    std::vector<Paragraph> paragraphs;
    visit_body(body, bold_character_styles(zip, doc.source_path), paragraphs);
    doc.encoding = "UTF-8";
    detect_into(std::move(paragraphs), options, doc);
}

}  // namespace tessera::importer::detail
