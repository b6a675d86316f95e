// The WordprocessingML pieces every .docx we write shares: a text run, and the package itself
// ([Content_Types].xml, relationships, document, optional image) written atomically with libzip.
#pragma once

#include <filesystem>
#include <string>

namespace tessera::exporter {

/// A <w:r> run of `text` in `font` at `half_points` size; line breaks in the text become <w:br/>.
std::string docx_run(const std::string& text, const std::string& font, int half_points, bool bold, bool italic = false);

/// Writes a .docx holding `document_xml` as word/document.xml, atomically. `document_rels` (if not
/// empty) is word/_rels/document.xml.rels; `png` (if not empty) is word/media/map.png, for a
/// relationship in document_rels to point at. Throws Error naming the file when it cannot be written.
void write_docx_package(const std::filesystem::path& path, const std::string& document_xml,
                        const std::string& document_rels = {}, const std::string& png = {});

}  // namespace tessera::exporter
