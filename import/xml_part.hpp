// Internal: parsing one XML part of an archive (docx, odt) with pugixml, errors naming part and line.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace tessera::importer::detail {

/// Parses `xml` (an archive entry named `entry`) into `doc`, keeping whitespace-only text.
/// Throws ImportError naming `path`, the entry, its line and pugixml's reason when malformed.
void parse_xml_part(pugi::xml_document& doc, const std::string& xml, const std::string& entry, const std::string& path);

/// Element name without its namespace prefix ("w:p" → "p").
std::string_view local_name(const pugi::xml_node& node);

}  // namespace tessera::importer::detail
