// count_words() counts what ICU's word iterator counts: its fast path (tokens of Latin, Greek and
// Cyrillic letters, ASCII digits and simple punctuation) must agree with ICU on any text.
#include "text/text.hpp"

#include <catch2/catch.hpp>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

using namespace tessera;

namespace {

// The reference: every segment ICU's root word iterator gives a letter/number/kana/ideo status.
std::int64_t icu_words(const std::string& s) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UText, decltype(&utext_close)> t(
        utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &status), &utext_close);
    std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    bi->setText(t.get(), status);
    REQUIRE(U_SUCCESS(status));
    std::int64_t n = 0;
    bi->first();
    while (bi->next() != icu::BreakIterator::DONE)
        if (bi->getRuleStatus() >= UBRK_WORD_NUMBER) ++n;
    return n;
}

// Characters from every word-break class the fast path models, the separators, and a sample of
// those it hands to ICU (marks, ZWJ, emoji modifiers, CJK, Thai, Hebrew, '_', '@', NBSP, ZWSP).
std::vector<std::string> alphabet() {
    std::vector<std::string> a;
    for (char32_t c = 0x21; c < 0x7F; ++c) a.push_back(text::from_code_point(c));
    for (const char* s : {"  ", "\t", "\n", "\r\n"}) a.push_back(s);
    for (char32_t c : {0xA0, 0xA7, 0xAA, 0xAB, 0xAD, 0xB2, 0xB5, 0xB7, 0xBA, 0xBB, 0xBF, 0xC9, 0xD7, 0xDF, 0xE9, 0xF7, 0xFC,
                       0x131, 0x153, 0x1C4, 0x2BC, 0x2C6, 0x2D8, 0x300, 0x301, 0x37E, 0x386, 0x387, 0x3A9, 0x3C9, 0x401,
                       0x44F, 0x482, 0x483, 0x5D0, 0x5F3, 0x5F4, 0x1E9E, 0x1EF9, 0x2010, 0x2013, 0x2014, 0x2018, 0x2019,
                       0x201C, 0x201D, 0x2020, 0x2022, 0x2024, 0x2026, 0x2027, 0x2028, 0x2030, 0x2044, 0x200B, 0x200D,
                       0x20AC, 0x3001, 0x3042, 0x30A2, 0x4E2D, 0x0E01, 0x0E32, 0xFE0F, 0xFF0C, 0x1F3FB, 0x1F642,
                       0x1F469, 0x1F680, 0x1F1EC, 0x1F1E7, 0x1F44D})
        a.push_back(text::from_code_point(c));
    return a;
}

const char* const kCommon[] = {" ", " ", "a", "e", "s", "t", "\xC3\xA9", "1", "2", "9", ".", ",", "'", ":"};

}  // namespace

TEST_CASE("word counts of plain transcript text", "[text][words]") {
    CHECK(text::count_words("") == 0);
    CHECK(text::count_words("Hello, world!") == 2);
    CHECK(text::count_words("P1: I don't know \xE2\x80\x94 maybe 3.5 times?") == 7);  // don't and 3.5 are one word each
    CHECK(text::count_words("e.g. the G\xC3\xBCnter caf\xC3\xA9, na\xC3\xAFve  \xF0\x9F\x99\x82 fine") == 6);
    CHECK(text::count_words("\xE4\xB8\xAD\xE6\x96\x87 text") == icu_words("\xE4\xB8\xAD\xE6\x96\x87 text"));
    CHECK(text::count_words("user@example.org snake_case") == icu_words("user@example.org snake_case"));
}

TEST_CASE("count_words agrees with ICU's word iterator on random text", "[text][words]") {
    const std::vector<std::string> a = alphabet();
    std::mt19937 rng(20261124);
    // Spaces, letters, digits and mid characters drawn more often, so that joins are common.
    std::uniform_int_distribution<std::size_t> pick(0, a.size() - 1);
    std::uniform_int_distribution<int> length(0, 24);
    int compared = 0;
    for (int round = 0; round < 200000; ++round) {
        std::string s;
        for (int n = length(rng); n > 0; --n) s += rng() % 3 == 0 ? kCommon[rng() % std::size(kCommon)] : a[pick(rng)];
        std::int64_t expected = icu_words(s);
        if (text::count_words(s) != expected) {
            INFO("text: \"" << s << "\"");
            REQUIRE(text::count_words(s) == expected);
        }
        ++compared;
    }
    CHECK(compared == 200000);
}

TEST_CASE("count_words leaves ill-formed bytes to ICU without reading past the end", "[text][words]") {
    for (const std::string& s : {std::string("ab\xFF" "cd"), std::string("caf\xC3"), std::string("\xE2\x80"),
                                std::string("x \xF0\x9F\x99")})
        CHECK(text::count_words(s) == icu_words(s));
}
