// Unicode text services: NFC, code-point spans over UTF-8, slicing and word counts (ICU-backed).
// UTF-8 byte offsets never leave this module: everything outside counts code points.
#pragma once

#include "model/span.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tessera::text {

/// The model's span (code points, half-open), under the name text services have always used.
using Span = tessera::Span;

/// Returns true when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s);

/// Returns the byte offset of the first ill-formed sequence, or npos when `s` is valid UTF-8.
std::size_t first_invalid_utf8(std::string_view s);

/// Returns `s` in Unicode Normalization Form C. Throws InvalidArgument if `s` is not valid UTF-8.
std::string to_nfc(std::string_view s);

/// Returns true when `s` is already NFC (fast check; ICU quick-check with full fallback).
bool is_nfc(std::string_view s);

/// Converts CRLF and lone CR to LF and strips a leading UTF-8 BOM.
std::string normalize_newlines(std::string_view s);

/// Number of code points in valid UTF-8 `s`.
std::int64_t count_code_points(std::string_view s);

/// Number of words in `s` by ICU's word-break rules (letters/numbers; punctuation and spaces excluded).
std::int64_t count_words(std::string_view s);

/// Maps code-point positions to UTF-8 byte offsets and back in O(1) + a short scan:
/// a checkpoint every kStride code points, so long transcripts need no linear scan per lookup.
class OffsetIndex {
public:
    static constexpr std::int64_t kStride = 64;

    OffsetIndex() = default;
    /// Builds the index over `utf8` (which must stay alive and unchanged while the index is used).
    explicit OffsetIndex(std::string_view utf8);

    /// Number of code points in the text.
    std::int64_t size() const { return m_code_points; }
    /// Byte offset of code point `cp` (cp == size() gives the text's byte length).
    /// Throws InvalidArgument when cp is outside [0, size()].
    std::size_t byte_of(std::int64_t cp) const;
    /// Code point index containing byte `byte` (a byte inside a sequence maps to its code point).
    std::int64_t code_point_of(std::size_t byte) const;
    /// The UTF-8 bytes of `span`. Throws InvalidArgument when the span is out of range or reversed.
    std::string_view slice(Span span) const;

private:
    std::string_view m_text;
    std::vector<std::uint32_t> m_checkpoints;  // byte offset of every kStride-th code point
    std::int64_t m_code_points = 0;
};

/// Returns the code points of `s` as UTF-32 (for UIs that lay out glyph by glyph).
std::u32string to_utf32(std::string_view s);

/// Returns UTF-8 for one code point.
std::string from_code_point(char32_t cp);

/// Splits `s` into word spans (code points) by ICU's word break, words only.
std::vector<Span> word_spans(std::string_view s);

/// Lower-cases `s` with full Unicode case folding (for name comparison and search).
std::string fold_case(std::string_view s);

/// SHA-256 of `bytes` as 64 lowercase hex digits (content hash of documents).
std::string sha256_hex(std::string_view bytes);

}  // namespace tessera::text
