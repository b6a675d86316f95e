// Implementation of text.hpp over ICU (normalisation, breaks, case folding) and libcrypto (SHA-256).
#include "text/text.hpp"

#include "text/icu_words.hpp"
#include "util/error.hpp"

#include <openssl/evp.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace tessera::text {
namespace {

// Decodes one code point at s[i]; returns its byte length, or 0 when ill-formed.
std::size_t decode_one(std::string_view s, std::size_t i, char32_t* out) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    unsigned char c = p[i];
    if (c < 0x80) {
        *out = c;
        return 1;
    }
    std::size_t len;
    char32_t cp;
    char32_t min;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
    else return 0;
    if (i + len > n) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        unsigned char cc = p[i + k];
        if ((cc & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    *out = cp;
    return len;
}

// ICU makes its NFC instance once, thread-safely, but inside an uninstrumented library; taking it
// through a C++ static makes that visible to ThreadSanitizer, which otherwise flags the first use
// from an import worker as a race.
const icu::Normalizer2& nfc() {
    static const icu::Normalizer2* const instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
        return U_FAILURE(status) ? nullptr : n;
    }();
    if (instance == nullptr) throw Error("ICU: NFC normaliser unavailable");
    return *instance;
}

void require_utf8(std::string_view s) {
    std::size_t bad = first_invalid_utf8(s);
    if (bad != std::string_view::npos)
        throw InvalidArgument("text is not valid UTF-8 (ill-formed byte at offset " + std::to_string(bad) + ")");
}


}  // namespace

std::size_t first_invalid_utf8(std::string_view s) {
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        // Transcripts are mostly ASCII: skip it eight bytes at a time (every pass over imported
        // text validates it, so this loop is a measurable share of an import).
        while (i + 8 <= s.size()) {
            std::uint64_t block;
            std::memcpy(&block, s.data() + i, 8);
            if ((block & 0x8080808080808080ULL) != 0) break;
            i += 8;
        }
        if (i == s.size()) break;
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = decode_one(s, i, &cp);
        if (len == 0) return i;
        i += len;
    }
    return std::string_view::npos;
}

bool is_valid_utf8(std::string_view s) { return first_invalid_utf8(s) == std::string_view::npos; }

std::string to_nfc(std::string_view s) {
    require_utf8(s);
    const icu::Normalizer2& n = nfc();
    UErrorCode status = U_ZERO_ERROR;
    icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
    if (n.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(s);
    status = U_ZERO_ERROR;
    std::string out;
    icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(s.size()));
    n.normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_FAILURE(status)) throw Error(std::string("ICU: NFC normalisation failed: ") + u_errorName(status));
    return out;
}

bool is_nfc(std::string_view s) {
    if (!is_valid_utf8(s)) return false;
    UErrorCode status = U_ZERO_ERROR;
    bool ok = nfc().isNormalizedUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), status);
    return U_SUCCESS(status) && ok;
}

std::string normalize_newlines(std::string_view s) {
    if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xEF && static_cast<unsigned char>(s[1]) == 0xBB &&
        static_cast<unsigned char>(s[2]) == 0xBF)
        s.remove_prefix(3);
    std::string out;
    out.reserve(s.size());
    // Copies the runs between carriage returns whole: most text has none, or one per line.
    for (std::size_t i = 0; i < s.size();) {
        const void* cr = std::memchr(s.data() + i, '\r', s.size() - i);
        std::size_t at = cr == nullptr ? s.size() : static_cast<std::size_t>(static_cast<const char*>(cr) - s.data());
        out.append(s.data() + i, at - i);
        if (at == s.size()) break;
        out.push_back('\n');
        i = at + 1;
        if (i < s.size() && s[i] == '\n') ++i;
    }
    return out;
}

std::int64_t count_code_points(std::string_view s) {
    std::int64_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::vector<Span> word_spans(std::string_view s) {
    std::vector<Span> out;
    std::int64_t cp = 0;
    std::size_t byte = 0;
    auto advance = [&](std::size_t to) {
        cp += count_code_points(s.substr(byte, to - byte));
        byte = to;
    };
    if (s.empty()) return out;
    detail::IcuWords words;
    words.reset(s);
    words.for_each([&](std::size_t b, std::size_t e) {
        advance(b);
        std::int64_t start = cp;
        advance(e);
        out.push_back({start, cp});
    });
    return out;
}

OffsetIndex::OffsetIndex(std::string_view utf8) : m_text(utf8) {
    if (utf8.size() > UINT32_MAX) throw InvalidArgument("text longer than 4 GiB");
    m_checkpoints.reserve(utf8.size() / kStride + 2);
    std::int64_t cp = 0;
    const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if ((p[i] & 0xC0) != 0x80) {
            if (cp % kStride == 0) m_checkpoints.push_back(static_cast<std::uint32_t>(i));
            ++cp;
        }
    }
    m_code_points = cp;
    if (cp % kStride == 0) m_checkpoints.push_back(static_cast<std::uint32_t>(utf8.size()));
}

std::size_t OffsetIndex::byte_of(std::int64_t cp) const {
    if (cp < 0 || cp > m_code_points)
        throw InvalidArgument("position " + std::to_string(cp) + " is outside the text (0.." +
                              std::to_string(m_code_points) + ")");
    if (cp == m_code_points) return m_text.size();
    std::size_t byte = m_checkpoints[static_cast<std::size_t>(cp / kStride)];
    const auto* p = reinterpret_cast<const unsigned char*>(m_text.data());
    for (std::int64_t k = cp % kStride; k > 0; --k) {
        ++byte;
        while (byte < m_text.size() && (p[byte] & 0xC0) == 0x80) ++byte;
    }
    return byte;
}

std::int64_t OffsetIndex::code_point_of(std::size_t byte) const {
    if (byte >= m_text.size()) return m_code_points;
    // Last checkpoint at or before `byte`, then count lead bytes up to it.
    auto it = std::upper_bound(m_checkpoints.begin(), m_checkpoints.end(), static_cast<std::uint32_t>(byte));
    std::size_t k = static_cast<std::size_t>(it - m_checkpoints.begin()) - 1;
    std::int64_t cp = static_cast<std::int64_t>(k) * kStride;
    const auto* p = reinterpret_cast<const unsigned char*>(m_text.data());
    for (std::size_t i = m_checkpoints[k] + 1; i <= byte; ++i)
        if ((p[i] & 0xC0) != 0x80) ++cp;
    return cp;
}

std::string_view OffsetIndex::slice(Span span) const {
    if (span.start > span.end)
        throw InvalidArgument("span [" + std::to_string(span.start) + ", " + std::to_string(span.end) + ") is reversed");
    std::size_t b = byte_of(span.start);
    std::size_t e = byte_of(span.end);
    return m_text.substr(b, e - b);
}

std::u32string to_utf32(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = decode_one(s, i, &cp);
        if (len == 0) {
            out.push_back(0xFFFD);
            ++i;
        } else {
            out.push_back(cp);
            i += len;
        }
    }
    return out;
}

std::string from_code_point(char32_t cp) {
    std::string out;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    return out;
}

std::string fold_case(std::string_view s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    u.foldCase();
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[32];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1 || length != sizeof digest)
        throw Error("libcrypto: SHA-256 failed");
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(2 * sizeof digest);
    for (unsigned char c : digest) {
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 0xF]);
    }
    return out;
}

}  // namespace tessera::text
