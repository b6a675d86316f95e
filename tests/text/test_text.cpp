// Tests for text/: NFC, code-point offsets over emoji and combining marks, word counts, hashing.
#include "text/text.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

using namespace tessera;
using tessera::text::OffsetIndex;
using tessera::Span;

TEST_CASE("NFC composes combining accents", "[text]") {
    // "e" + COMBINING ACUTE ACCENT -> "é"
    REQUIRE(text::to_nfc("Caf\x65\xCC\x81") == "Caf\xC3\xA9");
    REQUIRE(text::is_nfc("Caf\xC3\xA9"));
    REQUIRE_FALSE(text::is_nfc("Caf\x65\xCC\x81"));
}

TEST_CASE("invalid UTF-8 is rejected with its offset", "[text]") {
    REQUIRE(text::first_invalid_utf8("ab\xFF") == 2);
    REQUIRE(text::first_invalid_utf8("\xED\xA0\x80") == 0);  // surrogate
    REQUIRE(text::first_invalid_utf8("\xC0\xAF") == 0);      // overlong
    // Past the eight-byte ASCII skip: the offset stays exact wherever the bad byte falls.
    for (std::size_t at : {0u, 7u, 8u, 15u, 16u, 37u, 64u}) {
        std::string s = std::string(at, 'a') + "\xC3\xA9" + std::string(at, 'b');
        REQUIRE(text::is_valid_utf8(s));
        REQUIRE(text::first_invalid_utf8(s.substr(0, at + 1)) == at);  // truncated two-byte sequence
        s[at + 1] = 'x';
        REQUIRE(text::first_invalid_utf8(s) == at);
    }
    REQUIRE_THROWS_AS(text::to_nfc("ab\xFF"), InvalidArgument);
    REQUIRE_THROWS_WITH(text::to_nfc("ab\xFF"), Catch::Contains("offset 2"));
}

TEST_CASE("newlines and BOM are normalised", "[text]") {
    REQUIRE(text::normalize_newlines("\xEF\xBB\xBF" "a\r\nb\rc\n") == "a\nb\nc\n");
}

TEST_CASE("code-point offsets stay exact over emoji and combining marks", "[text]") {
    // "I 😀 café" with a decomposed é (e + U+0301) kept as two code points.
    std::string s = "I \xF0\x9F\x98\x80 cafe\xCC\x81!";
    OffsetIndex idx(s);
    REQUIRE(idx.size() == 10);
    REQUIRE(idx.slice(Span{2, 3}) == "\xF0\x9F\x98\x80");
    REQUIRE(idx.slice(Span{4, 9}) == "cafe\xCC\x81");
    REQUIRE(idx.byte_of(3) == 6);
    REQUIRE(idx.code_point_of(6) == 3);
    REQUIRE(idx.code_point_of(3) == 2);  // inside the emoji maps to the emoji
    REQUIRE(idx.byte_of(10) == s.size());
    REQUIRE_THROWS_AS(idx.byte_of(11), InvalidArgument);
    REQUIRE_THROWS_AS(idx.byte_of(-1), InvalidArgument);
    REQUIRE_THROWS_AS(idx.slice(Span{5, 4}), InvalidArgument);
}

TEST_CASE("offset index agrees with a linear scan on long mixed text", "[text]") {
    std::string s;
    for (int i = 0; i < 5000; ++i) s += (i % 7 == 0) ? "\xF0\x9F\x8C\x8D" : (i % 3 == 0 ? "\xC3\xA9" : "a");
    OffsetIndex idx(s);
    std::u32string u = text::to_utf32(s);
    REQUIRE(idx.size() == static_cast<std::int64_t>(u.size()));
    std::size_t byte = 0;
    for (std::size_t cp = 0; cp < u.size(); ++cp) {
        REQUIRE(idx.byte_of(static_cast<std::int64_t>(cp)) == byte);
        REQUIRE(idx.code_point_of(byte) == static_cast<std::int64_t>(cp));
        byte += text::from_code_point(u[cp]).size();
    }
}

TEST_CASE("word counts follow ICU word breaks", "[text]") {
    REQUIRE(text::count_words("I don't know, really... 42 times.") == 6);
    REQUIRE(text::count_words("") == 0);
    REQUIRE(text::count_words("  ,.;  ") == 0);
    auto w = text::word_spans("\xF0\x9F\x98\x80 yes no");
    REQUIRE(w.size() == 2);
    REQUIRE(w[0] == Span{2, 5});
}

TEST_CASE("case folding and hashing", "[text]") {
    REQUIRE(text::fold_case("Straße") == "strasse");
    REQUIRE(text::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // FIPS 180-2 test vectors: the empty message and one million 'a' (many blocks).
    REQUIRE(text::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    REQUIRE(text::sha256_hex(std::string(1000000, 'a')) ==
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
