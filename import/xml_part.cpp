// XML part parsing shared by the docx and odt importers.
#include "import/xml_part.hpp"

#include "util/error.hpp"

#include <algorithm>

namespace tessera::importer::detail {

namespace {

// Deepest element nesting, walked without recursion (the point is to refuse what would exhaust
// the stack of the importers' recursive visitors).
int depth_of(const pugi::xml_node& root) {
    int depth = 0, deepest = 0;
    pugi::xml_node n = root.first_child();
    while (n && n != root) {
        if (n.first_child()) {
            n = n.first_child();
            deepest = std::max(deepest, ++depth);
            continue;
        }
        while (n != root && !n.next_sibling()) {
            n = n.parent();
            --depth;
        }
        if (n != root) n = n.next_sibling();
    }
    return deepest + 1;
}

}  // namespace

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
    // Word nests a document's body a dozen levels deep, tables in tables a few more each.
    constexpr int kMaxDepth = 256;
    if (int depth = depth_of(doc); depth > kMaxDepth)
        throw ImportError(path, entry + " nests its XML " + std::to_string(depth) + " levels deep (more than " +
                                    std::to_string(kMaxDepth) + "): a damaged or hostile file, not read");
}

std::string_view local_name(const pugi::xml_node& node) {
    std::string_view n = node.name();
    std::size_t colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

}  // namespace tessera::importer::detail
