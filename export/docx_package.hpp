// The WordprocessingML pieces every .docx we write shares: a text run, and the package itself
// ([Content_Types].xml, relationships, document, optional image) written atomically with libzip.
#pragma once

#include "analysis/table.hpp"

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>

namespace tessera::exporter {

/// A <w:r> run of `text` in `font` at `half_points` size; line breaks in the text become <w:br/>.
std::string docx_run(const std::string& text, const std::string& font, int half_points, bool bold, bool italic = false);

/// Makes one cell's or note's paragraph of a table: its text, bold, italic.
using DocxParagraph = std::function<std::string(const std::string& text, bool bold, bool italic)>;

/// Writes `t` as a <w:tbl> `width` twips wide in equal columns: thin grey borders, the header row
/// shaded and repeated on every page, rows kept whole, heat-shaded cells, then the table's notes
/// (made with italic asked for) and the empty paragraph Word needs after a table. The caption is the caller's.
void docx_table(std::ostream& x, const analysis::Table& t, int width, const DocxParagraph& paragraph);

/// Writes a .docx holding `document_xml` as word/document.xml, atomically. `document_rels` (if not
/// empty) is word/_rels/document.xml.rels; `png` (if not empty) is word/media/map.png, for a
/// relationship in document_rels to point at. Throws Error naming the file when it cannot be written.
void write_docx_package(const std::filesystem::path& path, const std::string& document_xml,
                        const std::string& document_rels = {}, const std::string& png = {});

}  // namespace tessera::exporter
