// One test per class of bad input: each gets an ImportError naming the file and what is wrong.
#include "import/import_file.hpp"
#include "import/xml_part.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace tessera;
using namespace tessera::importer;
using tessera::test::data_path;

namespace {

// Runs the import expecting an ImportError; returns it for further checks.
ImportError expect_import_error(const std::filesystem::path& p, const ImportOptions& opt = {}) {
    try {
        import_file(p, opt);
    } catch (const ImportError& e) {
        CHECK(e.path() == p.string());
        CHECK(std::string(e.what()).find(p.string()) == 0);
        return e;
    }
    FAIL("no ImportError for " << p);
    return ImportError("", "");
}

bool contains(const ImportError& e, const std::string& s) { return std::string(e.what()).find(s) != std::string::npos; }

}  // namespace

TEST_CASE("bad input: not a zip archive", "[import]") {
    ImportError e = expect_import_error(data_path("import/not_a_zip.docx"));
    CHECK(contains(e, "not a zip archive"));
}

TEST_CASE("bad input: an encrypted or legacy Word file (OLE compound file) named .docx", "[import]") {
    tessera::test::TempDir dir;
    tessera::test::write_file(dir / "locked.docx", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'));
    ImportError e = expect_import_error(dir / "locked.docx");
    CHECK(contains(e, "password-protected Word file or an old binary .doc"));
}

TEST_CASE("bad input: a PDF without a text layer (a scan) says so and what to do", "[import]") {
    tessera::test::TempDir dir;
    // Two blank pages and no text: what poppler sees in a scanned transcript.
    tessera::test::write_file(dir / "scan.pdf",
                              "%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
                              "2 0 obj <</Type/Pages/Kids[3 0 R 4 0 R]/Count 2>> endobj\n"
                              "3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>> endobj\n"
                              "4 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>> endobj\n"
                              "trailer <</Root 1 0 R>>\n%%EOF\n");
    ImportError e = expect_import_error(dir / "scan.pdf");
    CHECK(contains(e, "no text layer (2 pages"));
    CHECK(contains(e, "does not do OCR"));
}

TEST_CASE("bad input: XML nested hundreds deep is refused, not a stack overflow", "[import]") {
    ImportError e = expect_import_error(data_path("import/deep_nesting.docx"));
    CHECK(contains(e, "word/document.xml nests its XML 606 levels deep (more than 256)"));
    CHECK(contains(e, "deep_nesting.docx"));
}

TEST_CASE("bad input: zip bomb is refused before inflating (ratio and total size)", "[import]") {
    ImportError ratio = expect_import_error(data_path("import/zip_bomb.docx"));
    CHECK(contains(ratio, "zip bomb"));
    CHECK(contains(ratio, "word/document.xml"));
    ImportOptions opt;
    opt.max_uncompressed_bytes = 1000;  // the normal interview.docx inflates to more than that
    ImportError total = expect_import_error(data_path("import/interview.docx"), opt);
    CHECK(contains(total, "zip bomb"));
}

TEST_CASE("bad input: malformed XML names the part and line", "[import]") {
    ImportError e = expect_import_error(data_path("import/malformed_xml.docx"));
    CHECK(contains(e, "malformed XML in word/document.xml"));
    CHECK(contains(e, "line "));
}

TEST_CASE("bad input: an undefined entity (&nbsp;) is refused, not kept in a participant's words", "[import]") {
    ImportError e = expect_import_error(data_path("import/undefined_entity.docx"));
    CHECK(contains(e, "malformed XML in word/document.xml (line 3, byte "));
    CHECK(contains(e, "undefined entity '&nbsp;'"));
}

TEST_CASE("XML references: predefined and character references pass; '&' in comments, CDATA, PIs is literal",
          "[import]") {
    using importer::detail::undefined_reference;
    constexpr auto npos = std::string::npos;
    CHECK(undefined_reference("<t>Tom &amp; Jerry &lt;3 &gt; &quot;x&quot; &apos;</t>") == npos);
    CHECK(undefined_reference("<t a=\"&#233;&#xE9;&#x1F600;&#10;\">caf&#xe9;</t>") == npos);
    CHECK(undefined_reference("<!-- R&D --><t/><![CDATA[a & b]]><?pi x&y?>") == npos);
    CHECK(undefined_reference("<t>a&nbsp;b</t>") == 4);
    CHECK(undefined_reference("<t>a & b</t>") == 5);                       // a bare ampersand
    CHECK(undefined_reference("<t>&amp</t>") == 3);                         // no semicolon
    CHECK(undefined_reference("<t>&#0;</t>") == 3);                         // U+0000 is not an XML character
    CHECK(undefined_reference("<t>&#xD800;</t>") == 3);                     // nor is a surrogate
    CHECK(undefined_reference("<t>&#x110000;</t>") == 3);                   // beyond Unicode
    CHECK(undefined_reference("<t>&#;</t>") == 3);
    CHECK(undefined_reference("<t a='&x;'>&amp;</t>") == 6);               // attributes too
    CHECK(undefined_reference("<!-- &ok; --><t>&bad;</t>") == 16);         // comment skipped, text not
    CHECK(undefined_reference("<![CDATA[&a;]]><t>&b;</t>") == 18);
    CHECK(undefined_reference("<t>&#x0000000041;&#00065;</t>") == npos);  // leading zeros: still 'A'
    CHECK(undefined_reference("<t>&#x000000000;</t>") == 3);               // zeros alone: U+0000
    // A '<' or '>' inside an attribute value neither hides nor fakes a comment.
    CHECK(undefined_reference("<t a=\"<!--\">x&nbsp;y</t><!-- -->") == 13);
    CHECK(undefined_reference("<t a='-->' b=\"&amp;\">ok</t>") == npos);
    CHECK(undefined_reference("<t a=\"1 > 0 &foo;\"/>") == 12);
    // The message says which kind of reference is wrong.
    pugi::xml_document doc;
    CHECK_THROWS_WITH(importer::detail::parse_xml_part(doc, "<t>a&#0;</t>", "content.xml", "x.odt"),
                      Catch::Contains("content.xml (line 1, byte 4): '&#0;' is not a character XML allows"));
    CHECK_THROWS_WITH(importer::detail::parse_xml_part(doc, "<t>&nbsp;</t>", "content.xml", "x.odt"),
                      Catch::Contains("undefined entity '&nbsp;'"));
}

TEST_CASE("bad input: invalid bytes for the declared encoding give byte offset and line", "[import]") {
    ImportOptions opt;
    opt.encoding = "UTF-8";
    ImportError e = expect_import_error(data_path("import/interview_cp1252.txt"), opt);
    CHECK(contains(e, "byte offset 41"));  // the first curly quote, 0x93
    CHECK(contains(e, "0x93"));
    CHECK(e.line() == 1);

    tessera::test::TempDir dir;
    tessera::test::write_file(dir / "ascii.txt", "P1: fine\nP2: caf\xC3\xA9 \xFF\n");
    opt.encoding = "US-ASCII";
    ImportError ascii = expect_import_error(dir / "ascii.txt", opt);
    CHECK(contains(ascii, "byte offset 16 (0xC3)"));
    CHECK(ascii.line() == 2);
}

TEST_CASE("bad input: empty file, and a file with no text", "[import]") {
    ImportError e = expect_import_error(data_path("import/empty.txt"));
    CHECK(contains(e, "empty"));
    tessera::test::TempDir dir;
    tessera::test::write_file(dir / "blank.txt", "\r\n  \n\t\n");
    ImportError blank = expect_import_error(dir / "blank.txt");
    CHECK(contains(blank, "no text"));
}

TEST_CASE("bad input: file over the size cap is refused before reading", "[import]") {
    ImportOptions opt;
    opt.max_bytes = 100;
    ImportError e = expect_import_error(data_path("import/focus_group_bom_crlf.txt"), opt);
    CHECK(contains(e, "over the import limit of 100 bytes"));
}

TEST_CASE("bad input: unsupported extension, missing file, not a PDF, unknown encoding", "[import]") {
    tessera::test::TempDir dir;
    tessera::test::write_file(dir / "notes.rtf", "{\\rtf1 hi}");
    CHECK(contains(expect_import_error(dir / "notes.rtf"), "unsupported file type"));
    CHECK(contains(expect_import_error(dir / "missing.txt"), "cannot read"));
    tessera::test::write_file(dir / "fake.pdf", "hello");
    CHECK(contains(expect_import_error(dir / "fake.pdf"), "not a PDF"));
    ImportOptions opt;
    opt.encoding = "no-such-charset";
    CHECK_THROWS_AS(import_file(data_path("import/dash_tab.txt"), opt), InvalidArgument);
}
