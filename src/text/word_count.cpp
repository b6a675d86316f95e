// count_words(): ICU's word count, with a fast path for the text transcripts are mostly made of.
//
// Profiling `tessera import` showed ICU's rule-based word iterator taking more time than reading,
// decoding and normalising a transcript together (46 MB/s on English text). Word boundaries
// (UAX #29, as ICU tailors it) always fall on both sides of a space, tab or line break, so the text
// can be counted token by token. A token made only of "simple" characters (Latin, Greek and
// Cyrillic letters, ASCII digits, and punctuation whose word-break class is Other or one of the
// Mid classes) is counted here with the handful of rules that can apply to those classes: letters
// and digits join (WB5, WB8-10), and one mid character joins letter to letter (WB6/7) or digit to
// digit (WB11/12). Every other token (dictionary scripts, marks, emoji sequences, '_', '@', which
// ICU tailors, ill-formed bytes) goes to ICU unchanged. tests/text/test_word_count.cpp checks the
// two agree on random text drawn from every class involved.
#include "text/text.hpp"

#include "text/icu_words.hpp"

#include <unicode/uchar.h>

#include <array>

namespace tessera::text {
namespace {

enum class Wb : std::uint8_t {
    complex,     // anything the fast path does not model: ICU counts the token
    letter,      // ALetter
    digit,       // Numeric
    mid_letter,  // MidLetter: joins letter to letter
    mid_num,     // MidNum: joins digit to digit
    mid_both,    // MidNumLet, Single_Quote: joins either
    other,       // breaks on both sides, never a word
    separator,   // space, tab, CR, LF: ends the token
};

// Where the property lookup alone decides: letters of scripts ICU breaks by rule (no dictionary,
// no Hebrew quote rules), general punctuation, currency symbols and emoji without modifiers.
bool in_simple_range(UChar32 c) {
    return c < 0x0530 || (c >= 0x1E00 && c < 0x1F00) || (c >= 0x2010 && c < 0x2028) || (c >= 0x2030 && c < 0x205F) ||
           (c >= 0x20A0 && c < 0x20C1) || (c >= 0x1F300 && c < 0x1F3FB) || (c >= 0x1F400 && c < 0x1FA00);
}

Wb classify(UChar32 c) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return Wb::separator;
    // ICU 72 tailors '@' (e-mail addresses); '_' is ExtendNumLet with rules of its own.
    if (c == '@' || c == '_' || !in_simple_range(c)) return Wb::complex;
    if (c >= '0' && c <= '9') return Wb::digit;
    if (c == ':') return Wb::other;  // MidLetter in UAX #29, but ICU's rules break at it
    switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
        case U_WB_ALETTER: return Wb::letter;
        case U_WB_MIDLETTER: return Wb::mid_letter;
        case U_WB_MIDNUM: return Wb::mid_num;
        case U_WB_MIDNUMLET:
        case U_WB_SINGLE_QUOTE: return Wb::mid_both;
        case U_WB_OTHER: return Wb::other;
        default: return Wb::complex;  // Extend, Format, ZWJ, Numeric outside ASCII, spaces, newlines...
    }
}

const std::array<Wb, 128>& ascii_classes() {
    static const std::array<Wb, 128> table = [] {
        std::array<Wb, 128> t{};
        for (UChar32 c = 0; c < 128; ++c) t[static_cast<std::size_t>(c)] = classify(c);
        return t;
    }();
    return table;
}

// Next code point of valid UTF-8 at s[i] (advancing i); -1 when ill-formed, so ICU decides.
UChar32 next_code_point(std::string_view s, std::size_t& i) {
    UChar32 c;
    std::ptrdiff_t at = static_cast<std::ptrdiff_t>(i);  // the macro takes any index type: no 2 GiB limit
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data()), at, static_cast<std::ptrdiff_t>(s.size()), c);
    i = static_cast<std::size_t>(at);
    return c;
}

// The rules as a state machine over classes. States: outside a word; in a word whose last
// letter/digit is a letter or a digit; and those two with one mid character after them that may
// still join (a mid that cannot join ends the word at once).
enum State : std::uint8_t { kOut, kLetter, kDigit, kLetterMid, kDigitMid, kStates };
constexpr std::uint8_t kCounts = 8;     // transition bit: a new word starts here
constexpr std::uint8_t kComplex = 16;   // transition bit: ICU must count this token

struct Transitions {
    std::array<std::array<std::uint8_t, 8>, kStates> next{};

    constexpr Transitions() {
        for (int st = 0; st < kStates; ++st) {
            auto to = [&](Wb k, std::uint8_t v) { next[static_cast<std::size_t>(st)][static_cast<std::size_t>(k)] = v; };
            const bool letter_side = st == kLetter, digit_side = st == kDigit;
            // WB5/9: letter after letter or digit joins; WB7: after letter + mid.
            to(Wb::letter, st == kLetter || st == kDigit || st == kLetterMid ? kLetter : kLetter | kCounts);
            // WB8/10: digit after digit or letter joins; WB11: after digit + mid.
            to(Wb::digit, st == kLetter || st == kDigit || st == kDigitMid ? kDigit : kDigit | kCounts);
            to(Wb::mid_letter, letter_side ? kLetterMid : kOut);
            to(Wb::mid_num, digit_side ? kDigitMid : kOut);
            to(Wb::mid_both, letter_side ? kLetterMid : digit_side ? kDigitMid : kOut);
            to(Wb::other, kOut);
            to(Wb::separator, kOut);
            to(Wb::complex, kOut | kComplex);
        }
    }
};
constexpr Transitions kTransitions;

// Runs the machine over s from `i` (state kOut), adding words; stops at the first character that
// needs ICU and returns its offset, or s.size().
std::size_t run_simple(std::string_view s, std::size_t i, std::int64_t& words) {
    const std::array<Wb, 128>& ascii = ascii_classes();
    std::uint8_t state = kOut;
    std::int64_t n = 0;
    while (i < s.size()) {
        const std::size_t at = i;
        auto byte = static_cast<unsigned char>(s[i]);
        Wb k;
        if (byte < 0x80) {
            k = ascii[byte];
            ++i;
        } else {
            UChar32 c = next_code_point(s, i);
            k = c < 0 ? Wb::complex : classify(c);
        }
        const std::uint8_t t = kTransitions.next[state][static_cast<std::size_t>(k)];
        if (t & kComplex) {
            words += n;
            return at;
        }
        n += t >> 3;
        state = t & 7;
    }
    words += n;
    return s.size();
}

bool is_separator(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::int64_t count_words(std::string_view s) {
    detail::IcuWords icu;  // for the tokens the machine leaves to ICU; made on first use
    std::int64_t words = 0;
    std::size_t i = 0;
    while ((i = run_simple(s, i, words)) < s.size()) {
        // A character the machine does not model: ICU counts its whole token instead, so take
        // back what the machine counted of the token so far (a token starts in state kOut).
        std::size_t start = i;
        while (start > 0 && !is_separator(s[start - 1])) --start;
        std::int64_t counted = 0;
        run_simple(s.substr(0, i), start, counted);
        std::size_t end = i;
        while (end < s.size() && !is_separator(s[end])) ++end;
        icu.reset(s.substr(start, end - start));
        words += icu.count() - counted;
        i = end;
    }
    return words;
}

}  // namespace tessera::text
