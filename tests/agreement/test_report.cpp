// The agreement report on a two-document hand-made project: every unit kind, pooling and averaging.
#include <catch2/catch.hpp>
#include <random>

#include "agreement/report.hpp"
#include "util/error.hpp"

using namespace tessera;
using namespace tessera::agreement;

namespace {

constexpr RowId kA = 1, kB = 2, kOther = 3;

Coding coding(RowId id, RowId doc, RowId code, RowId coder, std::int64_t s, std::int64_t e) {
    Coding c;
    c.id = id;
    c.document_id = doc;
    c.code_id = code;
    c.coder_id = coder;
    c.span = {s, e};
    return c;
}

// doc 10: 100 characters, turns [0,50) [50,100); doc 20: 50 characters, one turn.
// code 1: A [0,10) in doc 10; B [0,10) in doc 10 and [0,5) in doc 20.  code 2: A [20,30) in doc 10.
ReportInput sample() {
    ReportInput in;
    in.coder_a = kA;
    in.coder_b = kB;
    in.documents = {{10, 100, "doc ten"}, {20, 50, "doc twenty"}};
    in.codings = {coding(1, 10, 1, kA, 0, 10), coding(2, 10, 1, kB, 0, 10), coding(3, 20, 1, kB, 0, 5),
                  coding(4, 10, 2, kA, 20, 30), coding(5, 10, 1, kOther, 0, 100)};
    Turn t1, t2, t3;
    t1.document_id = 10, t1.span = {0, 50};
    t2.document_id = 10, t2.span = {50, 100};
    t3.document_id = 20, t3.span = {0, 50};
    in.turns = {t1, t2, t3};
    return in;
}

}  // namespace

TEST_CASE("character report: per code, per document, pooled and averaged", "[agreement][report]") {
    const AgreementReport r = build_report(sample());
    REQUIRE(r.per_code.size() == 2);
    const auto& c1 = r.per_code[0];
    CHECK(c1.code_a == 1);
    CHECK(c1.counts.both == 10);
    CHECK(c1.counts.only_a == 0);
    CHECK(c1.counts.only_b == 5);
    CHECK(c1.counts.neither == 135);
    // [[135,5],[0,10]]: po = 145/150, pe = (10*15 + 140*135)/150^2 -> kappa = 0.12 / 0.153333
    CHECK(*c1.kappa.kappa.value == Approx(0.782609).margin(1e-6));
    CHECK(*c1.percent.value == Approx(145.0 / 150.0));
    const auto& c2 = r.per_code[1];
    CHECK(c2.counts.only_a == 10);
    CHECK(c2.counts.neither == 140);
    CHECK(*c2.kappa.kappa.value == Approx(0.0).margin(1e-12));  // B never used code 2
    // Pooled: both 10, only A 10, only B 5, neither 275 of 300; pe = (20*15 + 280*285)/300^2 = 0.89.
    CHECK(r.overall_pooled.units == 300);
    CHECK(*r.overall_pooled.kappa.kappa.value == Approx((0.95 - 0.89) / 0.11).margin(1e-9));
    CHECK(*r.overall_averaged.kappa.value == Approx(0.782609 / 2).margin(1e-6));
    CHECK(r.overall_averaged.codes_averaged == 2);
    // Per document: all codes' units of the document.
    REQUIRE(r.per_document.size() == 2);
    CHECK(r.per_document[0].units == 200);
    CHECK(r.per_document[0].counts.neither == 180);
    CHECK(r.per_document[1].units == 100);
    CHECK(r.per_document[1].counts.only_b == 5);
    CHECK(r.per_code_document.size() == 3);
    // Disagreements: code 2 [20,30) only A in doc 10; code 1 [0,5) only B in doc 20.
    REQUIRE(r.disagreements.size() == 2);
    CHECK(r.disagreements[0].document_id == 20);
    CHECK(r.disagreements[0].who == Disagreement::Who::only_b);
    CHECK(r.disagreements[0].span == Span{0, 5});
    CHECK(r.disagreements[1].code_a == 2);
    CHECK(r.disagreements[1].span == Span{20, 30});
    CHECK(r.method.find("character") != std::string::npos);
    CHECK(r.method.find("unweighted mean") != std::string::npos);
}

TEST_CASE("a compared code neither coder used is undefined, or 1 under NVivo's rule", "[agreement][report]") {
    ReportInput in = sample();
    in.codes = {{1, 1, "one"}, {2, 2, "two"}, {9, 9, "never used"}};
    const AgreementReport r = build_report(in);
    REQUIRE(r.per_code.size() == 3);
    CHECK(r.per_code[2].label == "never used");
    CHECK_FALSE(r.per_code[2].kappa.kappa.defined());
    CHECK_FALSE(r.per_code[2].kappa.kappa.reason.empty());
    CHECK(r.overall_averaged.codes_undefined == 1);
    ReportOptions nvivo;
    nvivo.nvivo_empty_kappa_is_one = true;
    CHECK(*build_report(in, nvivo).per_code[2].kappa.kappa.value == 1.0);
}

TEST_CASE("segment report follows MAXQDA's rules", "[agreement][report]") {
    ReportOptions o;
    o.unit = UnitKind::segment;
    const AgreementReport r = build_report(sample(), o);
    // code 1: A [0,10) = B [0,10) agree (2 segments); B [0,5) in doc 20 alone. code 2: A alone.
    CHECK(r.per_code[0].segments.agreeing() == 2);
    CHECK(r.per_code[0].segments.segments() == 3);
    CHECK(r.overall_pooled.units == 4);
    CHECK(*r.overall_pooled.percent.value == Approx(0.5));
    CHECK(*r.overall_pooled.kappa.kappa.value == Approx(0.0).margin(1e-12));  // k = 2 codes
    CHECK_FALSE(r.overall_pooled.alpha.defined());
    CHECK(r.disagreements.size() == 2);
}

TEST_CASE("presence per document and per turn", "[agreement][report]") {
    ReportOptions o;
    o.unit = UnitKind::presence_document;
    const AgreementReport d = build_report(sample(), o);
    CHECK(d.per_code[0].counts.both == 1);
    CHECK(d.per_code[0].counts.only_b == 1);
    CHECK(d.per_code[1].counts.only_a == 1);
    CHECK(d.per_code[1].counts.neither == 1);
    o.unit = UnitKind::presence_turn;
    const AgreementReport t = build_report(sample(), o);
    CHECK(t.per_code[0].counts.both == 1);     // turn [0,50) of doc 10
    CHECK(t.per_code[0].counts.only_b == 1);   // the turn of doc 20
    CHECK(t.per_code[0].counts.neither == 1);  // turn [50,100) of doc 10
    CHECK(t.per_code[1].counts.only_a == 1);
    CHECK(t.overall_pooled.units == 6);
    ReportInput no_turns = sample();
    no_turns.turns.clear();
    CHECK_THROWS_AS(build_report(no_turns, o), InvalidArgument);
}

TEST_CASE("continuum report gives |u-alpha and 1 for identical codings", "[agreement][report]") {
    ReportInput in;
    in.coder_a = kA;
    in.coder_b = kB;
    in.documents = {{10, 100, ""}};
    in.codings = {coding(1, 10, 1, kA, 10, 20), coding(2, 10, 1, kB, 10, 20), coding(3, 10, 1, kA, 50, 60),
                  coding(4, 10, 1, kB, 50, 60)};
    ReportOptions o;
    o.unit = UnitKind::continuum;
    const AgreementReport r = build_report(in, o);
    CHECK(*r.per_code[0].alpha.value == Approx(1.0));
    CHECK(*r.overall_pooled.alpha.value == Approx(1.0));
    in.codings[1].span = {12, 22};
    CHECK(*build_report(in, o).per_code[0].alpha.value < 1.0);
}

TEST_CASE("report input errors name what is wrong", "[agreement][report]") {
    ReportInput in = sample();
    in.codings.push_back(coding(9, 20, 1, kA, 40, 60));  // doc 20 has 50 characters
    CHECK_THROWS_WITH(build_report(in), Catch::Contains("coding 9"));
    in = sample();
    in.codings.push_back(coding(10, 99, 1, kA, 0, 1));
    CHECK_THROWS_WITH(build_report(in), Catch::Contains("document 99"));
    in = sample();
    in.coder_b = kA;
    CHECK_THROWS_AS(build_report(in), InvalidArgument);
    double overlap = 0.0;
    CHECK(unit_from_string("segment:85", &overlap) == UnitKind::segment);
    CHECK(overlap == Approx(0.85));
    CHECK(unit_from_string("presence:turn") == UnitKind::presence_turn);
    CHECK_THROWS_AS(unit_from_string("segment:0"), InvalidArgument);
    CHECK_THROWS_AS(unit_from_string("words"), InvalidArgument);
}

TEST_CASE("progress is reported and a false return cancels the report", "[agreement][report]") {
    ReportOptions o;
    std::vector<double> seen;
    o.progress = [&](double f) {
        seen.push_back(f);
        return true;
    };
    build_report(sample(), o);
    REQUIRE_FALSE(seen.empty());
    CHECK(seen.back() == 1.0);
    o.progress = [](double) { return false; };
    CHECK_THROWS_AS(build_report(sample(), o), Cancelled);
}

TEST_CASE("size-weighted kappa weights each row by its units (NVivo's averaging over sources)", "[agreement][report]") {
    std::vector<AgreementRow> rows(3);
    rows[0].units = 1000;
    rows[0].kappa.kappa = Coefficient::of(0.8);
    rows[1].units = 3000;
    rows[1].kappa.kappa = Coefficient::of(0.4);
    rows[2].units = 500;
    rows[2].kappa.kappa = Coefficient::undefined("nothing coded");
    CHECK(*size_weighted_kappa(rows).value == Approx((0.8 * 1000 + 0.4 * 3000) / 4000));
    CHECK_FALSE(size_weighted_kappa({}).defined());
}

TEST_CASE("random projects: every unit is counted once, and a stricter threshold never adds agreement",
          "[agreement][report]") {
    std::mt19937 rng(11);
    for (int trial = 0; trial < 10; ++trial) {
        ReportInput in;
        in.coder_a = kA;
        in.coder_b = kB;
        double total = 0.0;
        for (RowId d = 1; d <= 5; ++d) {
            const auto len = std::uniform_int_distribution<std::int64_t>(50, 500)(rng);
            in.documents.push_back({d, len, ""});
            total += static_cast<double>(len);
        }
        RowId id = 1;
        for (int i = 0; i < 60; ++i) {
            const auto& doc = in.documents[std::uniform_int_distribution<std::size_t>(0, 4)(rng)];
            const auto s = std::uniform_int_distribution<std::int64_t>(0, doc.length - 2)(rng);
            const auto e = std::min(doc.length, s + std::uniform_int_distribution<std::int64_t>(1, 60)(rng));
            const RowId code = std::uniform_int_distribution<RowId>(1, 4)(rng);
            in.codings.push_back(coding(id++, doc.id, code, i % 2 ? kA : kB, s, e));
        }
        const AgreementReport r = build_report(in);
        const double pairs = static_cast<double>(r.per_code.size());
        for (const auto& row : r.per_code) CHECK(row.counts.total() == total);
        for (std::size_t d = 0; d < r.per_document.size(); ++d)
            CHECK(r.per_document[d].counts.total() == static_cast<double>(in.documents[d].length) * pairs);
        CHECK(r.overall_pooled.counts.total() == total * pairs);
        double disagreeing = 0.0;
        for (const auto& x : r.disagreements) disagreeing += static_cast<double>(x.span.length());
        CHECK(disagreeing == r.overall_pooled.counts.only_a + r.overall_pooled.counts.only_b);

        std::vector<double> agreeing;
        for (double t : {0.1, 0.5, 0.9, 1.0}) {
            ReportOptions o;
            o.unit = UnitKind::segment;
            o.min_overlap = t;
            const AgreementReport seg = build_report(in, o);
            CHECK(seg.overall_pooled.segments.segments() <= 60.0);  // identical duplicates count once
            agreeing.push_back(seg.overall_pooled.segments.agreeing());
        }
        for (std::size_t k = 1; k < agreeing.size(); ++k) CHECK(agreeing[k] <= agreeing[k - 1]);
    }
}
