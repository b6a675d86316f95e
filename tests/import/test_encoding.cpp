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

TEST_CASE("encoding: UTF-8 with one stray byte is refused, not read as Windows-1252 mojibake", "[import]") {
    // "Où êtes-vous né ?" in UTF-8, then a Windows apostrophe (0x92) pasted in.
    const std::string s = "P1: O\xC3\xB9 \xC3\xAAtes-vous n\xC3\xA9 ?\nP2: I don\x92t know.";
    try {
        decode_to_utf8(s);
        FAIL("decoded damaged UTF-8 as a legacy encoding");
    } catch (const EncodingError& e) {
        CHECK(e.offset() == s.find('\x92'));
        CHECK(std::string(e.what()).find("looks like UTF-8") != std::string::npos);
        CHECK(std::string(e.what()).find("0x92") != std::string::npos);
    }
    // Chosen explicitly, it is read as asked (and Windows-1252 turns the é into two letters).
    CHECK(decode_to_utf8(s, "windows-1252").utf8.find("n\xC3\x83\xC2\xA9") != std::string::npos);
    // Real Windows-1252, whose high bytes never make UTF-8 characters, is still detected.
    CHECK(decode_to_utf8("Ren\xE9" "e and Zo\xEB said caf\xE9 \x96 fine.").encoding == "windows-1252");
}

TEST_CASE("encoding: the detector sees legacy text wherever it is in a long file", "[import]") {
    // Three Russian sentences in KOI8-R after 80 KiB of ASCII, and again 100 KiB later: a detector
    // fed only the file's first 64 KiB saw nothing but ASCII here and guessed windows-1252.
    const std::string russian =
        "\xED\xD9 \xC7\xCF\xD7\xCF\xD2\xC9\xCC\xC9 \xCF \xD4\xCF\xCD, \xCB\xC1\xCB \xC2\xCF\xCC\xD8\xCE\xC9\xC3"
        "\xC1 \xC4\xC5\xCC\xC9\xD4\xD3\xD1 \xCE\xC1\xDB\xC9\xCD\xC9 \xC4\xC1\xCE\xCE\xD9\xCD\xC9 \xC9 \xCB\xD4"
        "\xCF \xD2\xC5\xDB\xC1\xC5\xD4, \xDE\xD4\xCF \xCD\xCF\xD6\xCE\xCF \xD0\xC5\xD2\xC5\xC4\xC1\xD7\xC1\xD4"
        "\xD8.\n"
        "\xEE\xC5\xCB\xCF\xD4\xCF\xD2\xD9\xC5 \xD5\xDE\xC1\xD3\xD4\xCE\xC9\xCB\xC9 \xD3\xCB\xC1\xDA\xC1\xCC\xC9"
        ", \xDE\xD4\xCF \xC9\xCD \xCE\xC9\xCB\xCF\xC7\xC4\xC1 \xCE\xC5 \xCF\xC2\xDF\xD1\xD3\xCE\xD1\xCC\xC9, \xCB"
        "\xD5\xC4\xC1 \xD5\xC8\xCF\xC4\xD1\xD4 \xC9\xC8 \xDA\xC1\xD0\xC9\xD3\xC9.\n"
        "\xED\xD9 \xC4\xCF\xCC\xC7\xCF \xCF\xC2\xD3\xD5\xD6\xC4\xC1\xCC\xC9, \xCB\xCF\xCD\xD5 \xC2\xCF\xCC\xD8"
        "\xCE\xC9\xC3\xC1 \xCD\xCF\xD6\xC5\xD4 \xD0\xCF\xCB\xC1\xDA\xD9\xD7\xC1\xD4\xD8 \xCE\xC1\xDB\xC9 \xC9\xD3"
        "\xD4\xCF\xD2\xC9\xC9 \xC2\xCF\xCC\xC5\xDA\xCE\xC9. \xEF\xC4\xCE\xC9 \xC7\xCF\xD7\xCF\xD2\xC9\xCC\xC9,"
        " \xDE\xD4\xCF \xD7\xD2\xC1\xDE\xC9 \xC4\xCF\xCC\xD6\xCE\xD9 \xD7\xC9\xC4\xC5\xD4\xD8 \xD7\xD3\xA3, \xC4"
        "\xD2\xD5\xC7\xC9\xC5 \xC2\xCF\xD1\xCC\xC9\xD3\xD8, \xDE\xD4\xCF \xD2\xC1\xC2\xCF\xD4\xCF\xC4\xC1\xD4\xC5"
        "\xCC\xD8 \xD5\xDA\xCE\xC1\xC5\xD4 \xCF \xC4\xC9\xC1\xC7\xCE\xCF\xDA\xC5. \xEE\xC9\xCB\xD4\xCF \xCE\xC5"
        " \xD3\xD0\xD2\xC1\xDB\xC9\xD7\xC1\xCC \xCE\xC1\xDB\xC5\xC7\xCF \xD3\xCF\xC7\xCC\xC1\xD3\xC9\xD1, \xC9"
        " \xDC\xD4\xCF \xC2\xD9\xCC\xCF \xD3\xC1\xCD\xD9\xCD \xCF\xC2\xC9\xC4\xCE\xD9\xCD.\n";
    std::string ascii;
    while (ascii.size() < (80 << 10)) ascii += "Interviewer: and what happened next, after the letter came?\n";
    std::string file = ascii + russian + ascii + ascii + russian + russian;
    CHECK(detect_encoding(file) == "KOI8-R");
    DecodedText d = decode_to_utf8(file);
    CHECK(d.encoding == "KOI8-R");
    CHECK(d.utf8.find("\xD0\x9C\xD1\x8B \xD0\xB3\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x80\xD0\xB8\xD0\xBB\xD0\xB8") == ascii.size());  // "Мы говорили"

    // One very long line (no newlines): the sample is cut around its high bytes, still deciding.
    std::string one_line;
    while (one_line.size() < (200 << 10))
        one_line += one_line.size() % 7 == 0 ? "we met at the caf\xE9 by the clinic, na\xEFvely hoping " : "and nobody told us where the records went ";
    CHECK(detect_encoding(one_line) == "windows-1252");
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
