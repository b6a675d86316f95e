// XML part parsing shared by the docx and odt importers.
#include "import/xml_part.hpp"

#include "util/error.hpp"

#include <algorithm>
#include <cctype>

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

// Length of the reference at the start of `s` ("&amp;", "&#233;") if XML defines it without a
// DTD, else 0. Character references must name a character XML allows.
std::size_t predefined_reference(std::string_view s) {
    for (std::string_view name : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"})
        if (s.substr(0, name.size()) == name) return name.size();
    if (s.size() < 4 || s[1] != '#') return 0;
    bool hex = s[2] == 'x';
    std::size_t i = hex ? 3 : 2;
    const std::size_t first = i;
    while (i < s.size() && s[i] == '0') ++i;  // "&#x0000000041;" is 'A': zeros do not count as digits
    const bool zeros = i > first;
    unsigned long value = 0;
    std::size_t digits = 0;
    for (; i < s.size() && s[i] != ';' && digits <= 8; ++i, ++digits) {
        int d = std::isdigit(static_cast<unsigned char>(s[i])) ? s[i] - '0'
                : hex && std::isxdigit(static_cast<unsigned char>(s[i]))
                    ? std::tolower(static_cast<unsigned char>(s[i])) - 'a' + 10
                    : -1;
        if (d < 0) return 0;
        value = value * (hex ? 16 : 10) + static_cast<unsigned long>(d);
    }
    if (i >= s.size() || s[i] != ';' || (digits == 0 && !zeros) || digits > 8) return 0;
    bool allowed = value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value <= 0xD7FF) ||
                   (value >= 0xE000 && value <= 0xFFFD) || (value >= 0x10000 && value <= 0x10FFFF);
    return allowed ? i + 1 : 0;
}

}  // namespace

std::size_t undefined_reference(const std::string& xml) {
    // Fast path: most parts have only well-formed references (find is a memchr).
    std::string_view all(xml);
    std::size_t amp = all.find('&');
    while (amp != std::string_view::npos && predefined_reference(all.substr(amp)) != 0) amp = all.find('&', amp + 1);
    if (amp == std::string_view::npos) return std::string::npos;
    for (std::size_t i = all.find_first_of("<&"); i != std::string::npos; i = all.find_first_of("<&", i)) {
        if (all[i] == '&') {
            std::size_t n = predefined_reference(all.substr(i));
            if (n == 0) return i;
            i += n;
            continue;
        }
        std::string_view rest = all.substr(i);
        std::string_view close = rest.substr(0, 4) == "<!--"        ? "-->"
                                 : rest.substr(0, 9) == "<![CDATA[" ? "]]>"
                                 : rest.substr(0, 2) == "<?"        ? "?>"
                                                                    : "";
        if (close.empty()) {
            // A tag: its quoted attribute values may hold '<' and '>' (pugixml takes them), and
            // references, which count like those in text.
            std::size_t j = i + 1;
            while (j < all.size() && all[j] != '>') {
                if (all[j] != '"' && all[j] != '\'') {
                    ++j;
                    continue;
                }
                const std::size_t quote_end = all.find(all[j], j + 1);
                if (quote_end == std::string_view::npos) return std::string::npos;  // pugixml reports it
                for (std::size_t k = all.find('&', j + 1); k < quote_end; k = all.find('&', k + 1))
                    if (predefined_reference(all.substr(k)) == 0) return k;
                j = quote_end + 1;
            }
            i = j;
            continue;
        }
        std::size_t end = all.find(close, i + 2);
        if (end == std::string::npos) return std::string::npos;  // unterminated: pugixml reports it
        i = end + close.size();
    }
    return std::string::npos;
}

namespace {

std::size_t line_at(const std::string& xml, std::size_t offset) {
    return 1 + static_cast<std::size_t>(std::count(xml.begin(), xml.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

}  // namespace

void parse_xml_part(pugi::xml_document& doc, const std::string& xml, const std::string& entry, const std::string& path) {
    pugi::xml_parse_result r =
        doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!r) {
        auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(r.offset, 0));
        offset = std::min(offset, xml.size());
        throw ImportError(path, "malformed XML in " + entry + " (line " + std::to_string(line_at(xml, offset)) +
                                    ", byte " + std::to_string(offset) + "): " + r.description());
    }
    if (std::size_t at = undefined_reference(xml); at != std::string::npos) {
        std::string_view ref = std::string_view(xml).substr(at, 32);
        if (std::size_t stop = ref.find_first_of(";<> \t\r\n\"'"); stop != std::string_view::npos)
            ref = ref.substr(0, stop + (ref[stop] == ';'));
        const bool numeric = ref.substr(0, 2) == "&#";
        throw ImportError(path, "malformed XML in " + entry + " (line " + std::to_string(line_at(xml, at)) + ", byte " +
                                    std::to_string(at) + "): " +
                                    (numeric ? "'" + std::string(ref) + "' is not a character XML allows"
                                             : "undefined entity '" + std::string(ref) +
                                                   "' (XML without a DTD knows only &amp; &lt; &gt; &quot; &apos; "
                                                   "and character references)"));
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
