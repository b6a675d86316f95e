// OpenDocument .odt importer: paragraphs, headings, lists, tables as text; tracked changes accepted;
// annotations and notes ignored; a leading bold span marks a speaker.
#include "import/formats.hpp"
#include "import/xml_part.hpp"
#include "import/zip_archive.hpp"

#include <set>

namespace tessera::importer::detail {
namespace {

using BoldStyles = std::set<std::string, std::less<>>;

// Text styles whose font weight is bold, from content.xml's automatic styles and styles.xml.
void collect_bold_styles(const pugi::xml_node& styles_parent, BoldStyles& out) {
    for (pugi::xml_node s : styles_parent.children("style:style")) {
        pugi::xml_node tp = s.child("style:text-properties");
        std::string_view w = tp.attribute("fo:font-weight").value();
        if (w == "bold" || w == "600" || w == "700" || w == "800" || w == "900") out.insert(s.attribute("style:name").value());
    }
}

class OdtParagraph {
public:
    explicit OdtParagraph(const BoldStyles& bold) : m_bold(bold) {}

    void visit(const pugi::xml_node& node, bool bold) {
        for (pugi::xml_node c : node.children()) {
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
                add_collapsed(c.value(), bold);
                continue;
            }
            std::string_view n = c.name();
            if (n == "text:span" || n == "text:a" || n == "text:meta" || n == "text:ruby" || n == "text:ruby-base") {
                bool b = bold || m_bold.count(std::string_view(c.attribute("text:style-name").value())) > 0;
                visit(c, b);
            } else if (n == "text:s") {
                int count = c.attribute("text:c").as_int(1);
                add(std::string(static_cast<std::size_t>(std::max(count, 1)), ' '), bold);
            } else if (n == "text:tab") {
                add("\t", bold);
            } else if (n == "text:line-break") {
                add("\n", bold);
            }
            // office:annotation, text:note, text:change markers, bookmarks, frames: not body text
        }
    }
    Paragraph take() {
        m_para.bold_prefix = m_has_plain ? m_bold_end : 0;
        return std::move(m_para);
    }

private:
    // ODF collapses runs of white space in character data to one space (text:s carries the rest).
    void add_collapsed(std::string_view s, bool bold) {
        std::string out;
        for (char ch : s) {
            bool ws = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
            if (ws) {
                bool prev_space = out.empty() ? (m_para.text.empty() || m_para.text.back() == ' ') : out.back() == ' ';
                if (!prev_space) out += ' ';
            } else {
                out += ch;
            }
        }
        add(out, bold);
    }
    void add(std::string_view s, bool bold) {
        if (s.empty()) return;
        bool blank = s.find_first_not_of(" \t\n") == std::string_view::npos;
        m_para.text += s;
        if (m_in_prefix && !blank) {
            if (bold) m_bold_end = m_para.text.size();
            else m_in_prefix = false, m_has_plain = true;
        } else if (!blank) {
            m_has_plain = true;
        }
    }
    const BoldStyles& m_bold;
    Paragraph m_para;
    std::size_t m_bold_end = 0;
    bool m_in_prefix = true;
    bool m_has_plain = false;
};

Paragraph paragraph_of(const pugi::xml_node& p, const BoldStyles& bold) {
    OdtParagraph b(bold);
    b.visit(p, bold.count(std::string_view(p.attribute("text:style-name").value())) > 0);
    return b.take();
}

void visit_table(const pugi::xml_node& t, const BoldStyles& bold, std::vector<Paragraph>& out);

void visit_block(const pugi::xml_node& parent, const BoldStyles& bold, std::vector<Paragraph>& out) {
    for (pugi::xml_node c : parent.children()) {
        std::string_view n = c.name();
        if (n == "text:p" || n == "text:h") out.push_back(paragraph_of(c, bold));
        else if (n == "text:list" || n == "text:list-item" || n == "text:list-header" || n == "text:section")
            visit_block(c, bold, out);
        else if (n == "table:table") visit_table(c, bold, out);
        // text:tracked-changes holds deleted text: skipped, so changes read as accepted
    }
}

void collect_rows(const pugi::xml_node& parent, std::vector<pugi::xml_node>& rows) {
    for (pugi::xml_node c : parent.children()) {
        std::string_view n = c.name();
        if (n == "table:table-row") rows.push_back(c);
        else if (n == "table:table-header-rows" || n == "table:table-rows" || n == "table:table-row-group")
            collect_rows(c, rows);
    }
}

void visit_table(const pugi::xml_node& t, const BoldStyles& bold, std::vector<Paragraph>& out) {
    std::vector<pugi::xml_node> rows;
    collect_rows(t, rows);
    for (pugi::xml_node tr : rows) {
        std::vector<std::string> cells;
        for (pugi::xml_node tc : tr.children("table:table-cell")) {
            std::vector<Paragraph> inner;
            visit_block(tc, bold, inner);
            std::string cell;
            for (auto& p : inner)
                if (!p.text.empty()) cell += (cell.empty() ? "" : " ") + p.text;
            cells.push_back(std::move(cell));
        }
        Paragraph row = table_row(cells);
        if (row.text.find_first_not_of('\t') != std::string::npos) out.push_back(std::move(row));
    }
}

}  // namespace

void import_odt(std::string_view bytes, const ImportOptions& options, ImportedDocument& doc) {
    ZipArchive zip(bytes, doc.source_path, options);
    auto xml = zip.read("content.xml");
    if (!xml) throw ImportError(doc.source_path, "not an OpenDocument text: the archive has no content.xml");
    pugi::xml_document d;
    parse_xml_part(d, *xml, "content.xml", doc.source_path);
    pugi::xml_node root = d.child("office:document-content");
    pugi::xml_node body = root.child("office:body").child("office:text");
    if (!body) throw ImportError(doc.source_path, "not an OpenDocument text: content.xml has no office:body/office:text");

    BoldStyles bold{"Strong_20_Emphasis"};
    collect_bold_styles(root.child("office:automatic-styles"), bold);
    if (auto styles = zip.read("styles.xml")) {
        pugi::xml_document sd;
        parse_xml_part(sd, *styles, "styles.xml", doc.source_path);
        collect_bold_styles(sd.child("office:document-styles").child("office:styles"), bold);
    }
    std::vector<Paragraph> paragraphs;
    visit_block(body, bold, paragraphs);
    doc.encoding = "UTF-8";
    detect_into(std::move(paragraphs), options, doc);
}

}  // namespace tessera::importer::detail
