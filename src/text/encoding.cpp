// Implementation of encoding.hpp over ICU converters (ucnv) and the charset detector (ucsdet).
#include "text/encoding.hpp"

#include "text/text.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>

namespace tessera::text {
namespace {

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
    void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
using DetectorPtr = std::unique_ptr<UCharsetDetector, DetectorCloser>;

ConverterPtr open_converter(const std::string& name) {
    UErrorCode status = U_ZERO_ERROR;
    ConverterPtr conv(ucnv_open(name.c_str(), &status));
    if (U_FAILURE(status) || !conv) throw InvalidArgument("unknown text encoding '" + name + "'");
    return conv;
}

std::string standard_name(UConverter* conv) {
    UErrorCode status = U_ZERO_ERROR;
    const char* internal = ucnv_getName(conv, &status);
    if (U_FAILURE(status) || internal == nullptr) return "unknown";
    for (const char* standard : {"MIME", "IANA"}) {
        UErrorCode s2 = U_ZERO_ERROR;
        const char* n = ucnv_getStandardName(internal, standard, &s2);
        if (U_SUCCESS(s2) && n != nullptr) return n;
    }
    return internal;
}

enum class Bom { none, utf8, utf16le, utf16be };

Bom bom_of(std::string_view b) {
    auto at = [&](std::size_t i) { return static_cast<unsigned char>(b[i]); };
    if (b.size() >= 3 && at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) return Bom::utf8;
    if (b.size() >= 2 && at(0) == 0xFF && at(1) == 0xFE) return Bom::utf16le;
    if (b.size() >= 2 && at(0) == 0xFE && at(1) == 0xFF) return Bom::utf16be;
    return Bom::none;
}

std::size_t bom_length(Bom bom) {
    switch (bom) {
        case Bom::utf8: return 3;
        case Bom::utf16le:
        case Bom::utf16be: return 2;
        case Bom::none: break;
    }
    return 0;
}

// UTF-16 without a BOM: ASCII-heavy text has a zero in every other byte.
std::string guess_utf16(std::string_view b) {
    std::size_t n = std::min<std::size_t>(b.size(), 4096) & ~std::size_t{1};
    if (n < 4) return {};
    std::size_t zero_even = 0, zero_odd = 0;
    for (std::size_t i = 0; i < n; i += 2) {
        zero_even += b[i] == 0;
        zero_odd += b[i + 1] == 0;
    }
    std::size_t pairs = n / 2;
    if (zero_odd * 10 >= pairs * 3 && zero_even * 20 < pairs) return "UTF-16LE";
    if (zero_even * 10 >= pairs * 3 && zero_odd * 20 < pairs) return "UTF-16BE";
    return {};
}

// What the charset detector reads. Its recognisers each run an n-gram search over the first 8 KiB
// they are given (3 ms a file, ten times the cost of decoding and normalising it; 1.7 ms for 4 KiB),
// and only bytes above 0x7F tell legacy encodings apart: so it gets the lines that hold such bytes,
// whole (their letters are the language evidence), up to kSampleBytes, wherever in the file they are.
std::string detection_sample(std::string_view b) {
    constexpr std::size_t kSampleBytes = 4 << 10;
    constexpr std::size_t kLineBytes = 1 << 10;  // of one long line: the part around its first high byte
    if (b.size() <= kSampleBytes) return std::string(b);
    std::string sample;
    std::size_t i = 0;
    while (i < b.size() && sample.size() < kSampleBytes) {
        std::size_t high = i;
        while (high < b.size() && static_cast<unsigned char>(b[high]) < 0x80) ++high;
        if (high == b.size()) break;
        std::size_t start = b.rfind('\n', high);
        start = start == std::string_view::npos || start < i ? i : start + 1;
        std::size_t end = b.find('\n', high);
        end = end == std::string_view::npos ? b.size() : end + 1;
        if (end - start > kLineBytes) {
            start = std::max(start, high - std::min(high, kLineBytes / 2));
            end = std::min(end, start + kLineBytes);
        }
        sample.append(b.substr(start, std::min(end - start, kSampleBytes - sample.size())));
        i = end;
    }
    return sample;
}

std::string hex_byte(unsigned char c) {
    static const char* digits = "0123456789ABCDEF";
    return std::string("0x") + digits[c >> 4] + digits[c & 15];
}

// Strict conversion: the first ill-formed or unmappable sequence stops it with its byte offset.
std::string convert_strict(std::string_view bytes, std::size_t base_offset, const std::string& encoding) {
    ConverterPtr conv = open_converter(encoding);
    UErrorCode status = U_ZERO_ERROR;
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status)) throw Error(std::string("ICU: cannot configure converter: ") + u_errorName(status));

    std::u16string out;
    out.resize(bytes.size() + 16);  // every supported byte encoding yields at most one unit per byte
    const char* src = bytes.data();
    const char* src_limit = bytes.data() + bytes.size();
    UChar* dst = reinterpret_cast<UChar*>(out.data());
    UChar* dst_start = dst;
    for (;;) {
        status = U_ZERO_ERROR;
        UChar* dst_limit = reinterpret_cast<UChar*>(out.data()) + out.size();
        ucnv_toUnicode(conv.get(), &dst, dst_limit, &src, src_limit, nullptr, true, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            std::size_t used = static_cast<std::size_t>(dst - dst_start);
            out.resize(out.size() * 2);
            dst_start = reinterpret_cast<UChar*>(out.data());
            dst = dst_start + used;
            continue;
        }
        break;
    }
    if (U_FAILURE(status)) {
        char invalid[32];
        int8_t len = sizeof invalid;
        UErrorCode s2 = U_ZERO_ERROR;
        ucnv_getInvalidChars(conv.get(), invalid, &len, &s2);
        if (U_FAILURE(s2)) len = 0;
        std::size_t consumed = static_cast<std::size_t>(src - bytes.data());
        std::size_t offset = base_offset + consumed - std::min<std::size_t>(consumed, static_cast<std::size_t>(len));
        std::string what = len > 0 ? " (" + hex_byte(static_cast<unsigned char>(invalid[0])) + ")" : "";
        const char* kind = status == U_TRUNCATED_CHAR_FOUND ? "truncated character" : "invalid bytes";
        throw EncodingError(std::string(kind) + " for encoding " + encoding + " at byte offset " +
                                std::to_string(offset) + what,
                            encoding, offset);
    }
    out.resize(static_cast<std::size_t>(dst - dst_start));
    std::string utf8;
    icu::UnicodeString(false, out.data(), static_cast<int32_t>(out.size())).toUTF8String(utf8);
    return utf8;
}

}  // namespace

std::string canonical_encoding(const std::string& name) {
    ConverterPtr conv = open_converter(name);
    return standard_name(conv.get());
}

namespace {

// detect_encoding(), also saying whether it validated the bytes as UTF-8 (so decoding need not).
std::string detect_checked(std::string_view bytes, bool& valid_utf8) {
    valid_utf8 = false;
    switch (bom_of(bytes)) {
        case Bom::utf8: return "UTF-8";
        case Bom::utf16le: return "UTF-16LE";
        case Bom::utf16be: return "UTF-16BE";
        case Bom::none: break;
    }
    // Before the UTF-8 check: NUL bytes are valid UTF-8, and BOM-less UTF-16 is full of them.
    if (std::string u16 = guess_utf16(bytes); !u16.empty()) return u16;
    if (is_valid_utf8(bytes)) {
        valid_utf8 = true;
        return "UTF-8";
    }

    UErrorCode status = U_ZERO_ERROR;
    DetectorPtr det(ucsdet_open(&status));
    if (U_FAILURE(status)) return "windows-1252";
    const std::string sample = detection_sample(bytes);
    ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
    const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
    if (U_FAILURE(status) || match == nullptr) return "windows-1252";
    std::string name = ucsdet_getName(match, &status);
    int32_t confidence = ucsdet_getConfidence(match, &status);
    if (U_FAILURE(status) || confidence < 10 || name == "UTF-8") return "windows-1252";
    // Windows writes 1252 where it claims Latin-1; 1252 decodes every Latin-1 letter the same way.
    if (name == "ISO-8859-1") return "windows-1252";
    return name;
}

// Bytes that are mostly well-formed UTF-8 with a few stray bytes (a Windows apostrophe pasted into
// a UTF-8 file) are damaged UTF-8, not a legacy encoding: decoding them as Windows-1252 would turn
// every accented letter into two ("é" → "Ã©") without a word. Counts multi-byte UTF-8 characters
// against ill-formed sequences and finds the first of those.
struct Utf8Evidence {
    std::size_t characters = 0, invalid = 0, first_invalid = std::string_view::npos;
};

Utf8Evidence utf8_evidence(std::string_view bytes) {
    Utf8Evidence e;
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    const auto n = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), INT32_MAX));
    for (int32_t i = 0; i < n;) {
        if (s[i] < 0x80) {
            ++i;
            continue;
        }
        const int32_t at = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0) {
            if (e.invalid++ == 0) e.first_invalid = static_cast<std::size_t>(at);
        } else {
            ++e.characters;
        }
    }
    return e;
}

}  // namespace

std::string detect_encoding(std::string_view bytes) {
    bool validated = false;
    return detect_checked(bytes, validated);
}

DecodedText decode_to_utf8(std::string_view bytes, const std::string& encoding) {
    DecodedText out;
    Bom bom = bom_of(bytes);
    out.detected = encoding.empty() && bom == Bom::none;
    bool validated = false;  // detection found the bytes well-formed UTF-8: no need to look again
    std::string enc = encoding.empty() ? detect_checked(bytes, validated) : canonical_encoding(encoding);
    out.encoding = enc;
    if (out.detected && enc.rfind("UTF-", 0) != 0) {
        const Utf8Evidence e = utf8_evidence(bytes);
        if (e.characters >= 2 && e.characters > e.invalid)
            throw EncodingError("looks like UTF-8 (" + std::to_string(e.characters) +
                                    " accented or other non-ASCII characters) but has invalid bytes, the first at "
                                    "byte offset " + std::to_string(e.first_invalid) + " (" +
                                    hex_byte(static_cast<unsigned char>(bytes[e.first_invalid])) +
                                    "): damaged UTF-8 or two encodings mixed; choose the encoding explicitly "
                                    "(UTF-8 to find the bad bytes, windows-1252 to read it as that)",
                                "UTF-8", e.first_invalid);
    }

    // Strip a BOM that agrees with the encoding in use (an override naming another encoding keeps it).
    bool is_utf8 = enc == "UTF-8";
    bool is_16le = enc == "UTF-16LE" || (enc == "UTF-16" && bom == Bom::utf16le);
    bool is_16be = enc == "UTF-16BE" || (enc == "UTF-16" && bom == Bom::utf16be);
    std::size_t skip = 0;
    if ((bom == Bom::utf8 && is_utf8) || (bom == Bom::utf16le && is_16le) || (bom == Bom::utf16be && is_16be)) {
        skip = bom_length(bom);
        out.had_bom = true;
    }
    std::string_view body = bytes.substr(skip);

    if (is_utf8) {
        std::size_t bad = validated ? std::string_view::npos : first_invalid_utf8(body);
        if (bad != std::string_view::npos) {
            std::size_t offset = skip + bad;
            throw EncodingError("invalid bytes for encoding UTF-8 at byte offset " + std::to_string(offset) + " (" +
                                    hex_byte(static_cast<unsigned char>(bytes[offset])) + ")",
                                "UTF-8", offset);
        }
        out.utf8.assign(body);
        return out;
    }
    std::string conv_name = is_16le ? "UTF-16LE" : is_16be ? "UTF-16BE" : enc;
    if (is_16le || is_16be) out.encoding = conv_name;
    out.utf8 = convert_strict(body, skip, conv_name);
    // A BOM the converter passed through (e.g. "UTF-16LE" named with a BOM present) is not text.
    if (out.utf8.rfind("\xEF\xBB\xBF", 0) == 0) {
        out.utf8.erase(0, 3);
        out.had_bom = true;
    }
    return out;
}

}  // namespace tessera::text
