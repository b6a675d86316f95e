// Decoding transcript bytes to UTF-8: BOMs, UTF-16 LE/BE, ICU charset detection, explicit overrides.
// Callers outside text/ get UTF-8 (no BOM); byte offsets appear only in EncodingError.
#pragma once

#include "util/error.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace tessera::text {

/// Bytes that are not valid in the declared (or detected) encoding. what() names the encoding and
/// the byte offset; offset() is that offset in the input (BOM included).
class EncodingError : public Error {
public:
    EncodingError(const std::string& message, std::string encoding, std::size_t offset)
        : Error(message), m_encoding(std::move(encoding)), m_offset(offset) {}
    const std::string& encoding() const { return m_encoding; }
    std::size_t offset() const { return m_offset; }

private:
    std::string m_encoding;
    std::size_t m_offset;
};

struct DecodedText {
    std::string utf8;      // the text as UTF-8, without a BOM (line ends untouched)
    std::string encoding;  // what was used: "UTF-8", "UTF-16LE", "windows-1252", or the override
    bool had_bom = false;
    bool detected = false;  // true when the encoding was guessed (no BOM, not valid UTF-8, no override)
};

/// Returns ICU's canonical name for an encoding name or alias ("latin1" → "ISO-8859-1").
/// Throws InvalidArgument naming the encoding when ICU does not know it.
std::string canonical_encoding(const std::string& name);

/// Guesses the encoding of `bytes`: a BOM wins; then valid UTF-8 (ASCII included); then UTF-16
/// without BOM by its zero bytes; then ICU's detector (ucsdet). ISO-8859-1 is reported as
/// windows-1252, its superset in practice. Never throws for any input.
std::string detect_encoding(std::string_view bytes);

/// Decodes `bytes` to UTF-8. `encoding` empty means detect (see detect_encoding); otherwise it is
/// used as given (a BOM matching it is still stripped). Throws EncodingError naming the first
/// invalid byte offset, and InvalidArgument for an unknown encoding name.
DecodedText decode_to_utf8(std::string_view bytes, const std::string& encoding = {});

}  // namespace tessera::text
