// compose(): the stored layout of a transcript, normalised in place whatever an importer hands over.
#include "import/imported_document.hpp"
#include "text/text.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

using namespace tessera;
using namespace tessera::importer;

TEST_CASE("compose normalises turns and labels to NFC with LF and keeps spans in code points", "[import]") {
    ImportedDocument doc;
    doc.name = "fg";
    doc.format = "txt";
    doc.source_path = "fg.txt";
    // Label and utterance decomposed (e + U+0301), a CRLF and a lone CR inside an utterance, an emoji.
    doc.turns.push_back({"Rene\xCC\x81" "e", "Cafe\xCC\x81 first,\r\nthen the bus \xF0\x9F\x9A\x8C\rhome.", {}, {}});
    doc.turns.push_back({"", "[inaudible]", {}, {}});
    doc.turns.push_back({"Ren\xC3\xA9" "e", "Na\xC3\xAF" "ve.", std::int64_t{1000}, std::int64_t{2500}});
    NewDocument nd = compose(doc);

    const std::string expected = "Ren\xC3\xA9" "e: Caf\xC3\xA9 first,\nthen the bus \xF0\x9F\x9A\x8C\nhome.\n\n"
                                 "[inaudible]\n\n"
                                 "Ren\xC3\xA9" "e: Na\xC3\xAF" "ve.";
    CHECK(nd.text == expected);
    CHECK(text::is_nfc(nd.text));
    REQUIRE(nd.turns.size() == 3);
    text::OffsetIndex idx(nd.text);
    CHECK(idx.slice(nd.turns[0].span) == "Caf\xC3\xA9 first,\nthen the bus \xF0\x9F\x9A\x8C\nhome.");
    CHECK(idx.slice(nd.turns[1].span) == "[inaudible]");
    CHECK(idx.slice(nd.turns[2].span) == "Na\xC3\xAF" "ve.");
    CHECK(nd.turns[0].span.start == 7);  // "Renée: " is 7 code points once composed
    CHECK(nd.turns[2].start_ms == 1000);
    // The decomposed and composed label are one speaker.
    REQUIRE(nd.speakers.size() == 1);
    CHECK(nd.speakers[0].label == "Ren\xC3\xA9" "e");
    CHECK(nd.turns[0].speaker_label == nd.turns[2].speaker_label);
}

TEST_CASE("compose refuses a turn that is not UTF-8", "[import]") {
    ImportedDocument doc;
    doc.name = "bad";
    doc.turns.push_back({"P1", "fine", {}, {}});
    doc.turns.push_back({"P2", "caf\xE9", {}, {}});
    CHECK_THROWS_AS(compose(doc), InvalidArgument);
}
