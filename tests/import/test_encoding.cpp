// text::decode_to_utf8 / detect_encoding: BOMs, UTF-16 with and without BOM, legacy detection, errors.
#include "text/encoding.hpp"

#include <catch2/catch.hpp>

using namespace tessera;
using namespace tessera::text;

TEST_CASE("encoding: BOMs decide and are stripped", "[import]") {
    DecodedText a = decode_to_utf8("\xEF\xBB\xBFhi \xC3\xA9");
    CHECK(a.encoding == "UTF-8");
    CHECK(a.had_bom);
    CHECK(a.utf8 == "hi \xC3\xA9");
    DecodedText le = decode_to_utf8(std::string("\xFF\xFEh\0\xE9\0", 6));
    CHECK(le.encoding == "UTF-16LE");
    CHECK(le.utf8 == "h\xC3\xA9");
    DecodedText be = decode_to_utf8(std::string("\xFE\xFF\0h\xD8\x3D\xDE\x00", 8));
    CHECK(be.encoding == "UTF-16BE");
    CHECK(be.utf8 == "h\xF0\x9F\x98\x80");  // surrogate pair → one emoji
}

TEST_CASE("encoding: UTF-16 without BOM is recognised by its zero bytes", "[import]") {
    std::string le("P\0" "1\0:\0 \0h\0i\0", 12);
    CHECK(detect_encoding(le) == "UTF-16LE");
    CHECK(decode_to_utf8(le).utf8 == "P1: hi");
}

TEST_CASE("encoding: legacy Latin text is detected as windows-1252", "[import]") {
    std::string s = "Ren\xE9" "e said the caf\xE9 was closed \x96 na\xEF" "ve of us. \x93Quoted\x94 words, \x80" "5 each.";
    CHECK(detect_encoding(s) == "windows-1252");
    DecodedText d = decode_to_utf8(s);
    CHECK(d.detected);
    CHECK(d.utf8.find("Ren\xC3\xA9" "e") == 0);
    CHECK(d.utf8.find("\xE2\x82\xAC" "5") != std::string::npos);  // €
}

TEST_CASE("encoding: ASCII and valid UTF-8 are UTF-8; overrides by alias", "[import]") {
    CHECK(detect_encoding("plain") == "UTF-8");
    CHECK(canonical_encoding("latin1") == "ISO-8859-1");
    CHECK(decode_to_utf8("caf\xE9", "latin1").utf8 == "caf\xC3\xA9");
    CHECK_THROWS_AS(canonical_encoding("klingon-8"), InvalidArgument);
}

TEST_CASE("encoding: invalid bytes for a declared encoding name the offset", "[import]") {
    try {
        decode_to_utf8("ok\xC3(", "UTF-8");
        FAIL("expected EncodingError");
    } catch (const EncodingError& e) {
        CHECK(e.offset() == 2);
        CHECK(std::string(e.what()) == "invalid bytes for encoding UTF-8 at byte offset 2 (0xC3)");
    }
    try {
        decode_to_utf8(std::string("\xFF\xFE" "a\0\x00\xDC" "b\0", 8), "UTF-16");  // lone low surrogate
        FAIL("expected EncodingError");
    } catch (const EncodingError& e) {
        CHECK(e.offset() == 4);
    }
    try {
        decode_to_utf8("abc\x81", "ascii");
        FAIL("expected EncodingError");
    } catch (const EncodingError& e) {
        CHECK(e.offset() == 3);
        CHECK(e.encoding() == "US-ASCII");
    }
}
