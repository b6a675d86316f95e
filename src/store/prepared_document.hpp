// PreparedDocument: a document checked and measured for storing, made without a project.
#pragma once

#include "model/document.hpp"

#include <cstdint>
#include <string>

namespace tessera {

/// What Project::add_document stores: the text NFC with LF line ends, every turn span inside it,
/// and its length in code points, word count and content hash, computed once. Only prepare()
/// makes one, and it needs no project, so an import can prepare transcript N+1 on a worker thread
/// while the project stores transcript N; add_document trusts what a PreparedDocument holds.
class PreparedDocument {
public:
    /// Normalises `doc.text` if needed and checks the turns. Throws InvalidArgument on a missing
    /// name, invalid UTF-8, a span outside the text, or turns over text that was not NFC/LF (their
    /// spans cannot be trusted once it is normalised).
    static PreparedDocument prepare(NewDocument doc);

    const NewDocument& doc() const { return m_doc; }
    const std::string& content_hash() const { return m_hash; }  // SHA-256 of the text, hex
    std::int64_t length() const { return m_length; }            // code points
    std::int64_t word_count() const { return m_words; }

private:
    PreparedDocument() = default;

    NewDocument m_doc;
    std::string m_hash;
    std::int64_t m_length = 0;
    std::int64_t m_words = 0;
};

}  // namespace tessera
