// XML part parsing shared by the docx and odt importers.
#include "import/xml_part.hpp"

#include "util/error.hpp"

#include <algorithm>

namespace tessera::importer::detail {

void parse_xml_part(pugi::xml_document& doc, const std::string& xml, const std::string& entry, const std::string& path) {
    pugi::xml_parse_result r =
        doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!r) {
        auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(r.offset, 0));
        offset = std::min(offset, xml.size());
        auto line = 1 + std::count(xml.begin(), xml.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
        throw ImportError(path, "malformed XML in " + entry + " (line " + std::to_string(line) + ", byte " +
                                    std::to_string(offset) + "): " + r.description());
    }
}

std::string_view local_name(const pugi::xml_node& node) {
    std::string_view n = node.name();
    std::size_t colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

}  // namespace tessera::importer::detail
