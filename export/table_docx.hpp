// DOCX exporter: a minimal valid WordprocessingML package ([Content_Types].xml, _rels/.rels,
// word/document.xml with one table per analysis table) written with libzip and our own XML.
#pragma once

#include "analysis/table.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace tessera::exporter {

struct DocxOptions {
    bool landscape = true;
    std::string font = "Noto Sans";
    int font_half_points = 18;  // 9 pt
};

/// The word/document.xml part for `tables` (exposed for tests).
std::string docx_document_xml(const std::vector<analysis::Table>& tables, const DocxOptions& o = {});

/// Writes `tables` as a .docx to `path`, atomically. Throws InvalidArgument for an invalid table,
/// Error naming the file when the archive cannot be written.
void write_docx(const std::vector<analysis::Table>& tables, const std::filesystem::path& path, const DocxOptions& o = {});

/// `s` escaped for XML text and attributes, with characters XML 1.0 forbids dropped.
std::string escape_xml(const std::string& s);

}  // namespace tessera::exporter
