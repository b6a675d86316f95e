// Alignment of two inductive codebooks on hand-made codes and codings.
#include <catch2/catch.hpp>

#include "agreement/alignment.hpp"
#include "util/error.hpp"

using namespace tessera;
using namespace tessera::agreement;

namespace {

Code code(RowId id, std::string name, std::string definition = "") {
    Code c;
    c.id = id;
    c.name = std::move(name);
    c.definition = std::move(definition);
    return c;
}

Coding coding(RowId doc, RowId code, RowId coder, std::int64_t s, std::int64_t e) {
    Coding c;
    c.document_id = doc;
    c.code_id = code;
    c.coder_id = coder;
    c.span = {s, e};
    return c;
}

}  // namespace

TEST_CASE("codes that cover the same text are paired; the rest are listed unpartnered", "[agreement][alignment]") {
    const std::vector<Code> a{code(1, "Trust in staff"), code(2, "Waiting times"), code(3, "Stigma")};
    const std::vector<Code> b{code(11, "Delays"), code(12, "Relationship with nurses"), code(13, "Housing")};
    const std::vector<Coding> codings{
        coding(1, 1, 100, 0, 100),    coding(1, 12, 200, 10, 100),  // trust ~ nurses (90/100)
        coding(1, 2, 100, 200, 260),  coding(2, 2, 100, 0, 40),     // waiting ~ delays
        coding(1, 11, 200, 200, 250), coding(2, 11, 200, 0, 40),
        coding(3, 3, 100, 0, 50),     coding(4, 13, 200, 0, 50),  // stigma and housing never meet
        coding(1, 13, 999, 0, 300),                               // another coder: ignored
    };
    const Alignment al = align_codebooks(a, b, codings, 100, 200);
    REQUIRE(al.pairs.size() == 2);
    CHECK(al.pairs[0].code_a == 1);
    CHECK(al.pairs[0].code_b == 12);
    CHECK(al.pairs[0].overlap == Approx(0.9));
    CHECK(al.pairs[1].code_a == 2);
    CHECK(al.pairs[1].code_b == 11);
    CHECK(al.pairs[1].overlap == Approx(90.0 / 100.0));
    CHECK(al.pairs[0].explanation.find("overlap 0.90") != std::string::npos);
    CHECK(al.unpartnered_a == std::vector<RowId>{3});
    CHECK(al.unpartnered_b == std::vector<RowId>{13});
}

TEST_CASE("names and definitions pair codes that never overlap", "[agreement][alignment]") {
    const std::vector<Code> a{code(1, "Isolation", "feeling cut off from friends and family"), code(2, "Money")};
    const std::vector<Code> b{code(11, "isolation", "cut off from family, lonely"), code(12, "Transport")};
    const Alignment al = align_codebooks(a, b, {}, 1, 2);
    REQUIRE(al.pairs.size() == 1);
    CHECK(al.pairs[0].code_a == 1);
    CHECK(al.pairs[0].code_b == 11);
    CHECK(al.pairs[0].name == Approx(1.0));
    CHECK(al.pairs[0].definition > 0.0);
    CHECK(al.pairs[0].explanation.find("family") != std::string::npos);
    CHECK(al.unpartnered_a == std::vector<RowId>{2});
    CHECK(al.unpartnered_b == std::vector<RowId>{12});
}

TEST_CASE("one-to-one: a code is proposed once even when it overlaps two", "[agreement][alignment]") {
    const std::vector<Code> a{code(1, "x"), code(2, "y")};
    const std::vector<Code> b{code(11, "p")};
    const std::vector<Coding> codings{coding(1, 1, 1, 0, 100), coding(1, 2, 1, 0, 50), coding(1, 11, 2, 0, 100)};
    const Alignment al = align_codebooks(a, b, codings, 1, 2);
    REQUIRE(al.pairs.size() == 1);
    CHECK(al.pairs[0].code_a == 1);
    CHECK(al.candidates.size() == 2);  // the runner-up stays available for the researchers
    CHECK(al.unpartnered_a == std::vector<RowId>{2});
    AlignmentOptions bad;
    bad.overlap_weight = bad.name_weight = bad.definition_weight = 0.0;
    CHECK_THROWS_AS(align_codebooks(a, b, codings, 1, 2, bad), InvalidArgument);
}

TEST_CASE("name similarity folds case and compares words and trigrams", "[agreement][alignment]") {
    CHECK(name_similarity("Trust", "TRUST") == Approx(1.0));
    CHECK(name_similarity("waiting times", "times waiting") == Approx(1.0));
    CHECK(name_similarity("abc", "xyz") == Approx(0.0));
}
