// Internal: parsing one XML part of an archive (docx, odt) with pugixml, errors naming part and line.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace tessera::importer::detail {

/// Parses `xml` (an archive entry named `entry`) into `doc`, keeping whitespace-only text.
/// Throws ImportError naming `path`, the entry, its line and pugixml's reason when malformed, and
/// likewise for an undefined entity reference or XML nested deeper than 256 elements.
void parse_xml_part(pugi::xml_document& doc, const std::string& xml, const std::string& entry, const std::string& path);

/// Offset of the first '&' in `xml`'s markup that does not start a predefined (&amp; &lt; &gt;
/// &quot; &apos;) or character reference, or npos. pugixml leaves such a reference in the text as
/// it stands ("&nbsp;" would become part of a participant's words), and Word and LibreOffice never
/// write one: a part containing it is damaged. '&' is literal inside comments, CDATA sections and
/// processing instructions, which are skipped.
std::size_t undefined_reference(const std::string& xml);

/// Element name without its namespace prefix ("w:p" → "p").
std::string_view local_name(const pugi::xml_node& node);

}  // namespace tessera::importer::detail
