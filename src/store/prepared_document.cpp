// Implementation of prepared_document.hpp: the checks and counts Project::add_document relies on.
#include "store/prepared_document.hpp"

#include "text/text.hpp"
#include "util/error.hpp"

namespace tessera {

PreparedDocument PreparedDocument::prepare(NewDocument doc) {
    if (doc.name.empty()) throw InvalidArgument("a document needs a name");
    const bool raw_newlines = doc.text.find('\r') != std::string::npos || doc.text.rfind("\xEF\xBB\xBF", 0) == 0;
    std::string body = raw_newlines ? text::normalize_newlines(doc.text) : std::string();
    std::string_view view = raw_newlines ? std::string_view(body) : std::string_view(doc.text);
    if (!text::is_nfc(view)) {
        body = text::to_nfc(view);  // throws on invalid UTF-8
        view = body;
    }
    const bool changed = view.data() != doc.text.data();
    if (changed && !doc.turns.empty())
        throw InvalidArgument(doc.name + ": text is not NFC/LF, so its turn spans cannot be trusted; normalise before composing turns");
    if (changed) doc.text = std::move(body);

    PreparedDocument out;
    out.m_length = text::count_code_points(doc.text);
    for (std::size_t i = 0; i < doc.turns.size(); ++i) {
        const auto& t = doc.turns[i];
        if (t.span.start < 0 || t.span.end < t.span.start || t.span.end > out.m_length)
            throw InvalidArgument(doc.name + ": turn " + std::to_string(i + 1) + " span [" +
                                  std::to_string(t.span.start) + ", " + std::to_string(t.span.end) +
                                  ") is outside the text (length " + std::to_string(out.m_length) + ")");
    }
    out.m_hash = text::sha256_hex(doc.text);
    out.m_words = text::count_words(doc.text);
    out.m_doc = std::move(doc);
    return out;
}

}  // namespace tessera
