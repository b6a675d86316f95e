// The member-checking pack: themes in the team's own words, feedback space, and quotes with the listed
// identifiers (names of people and places in the sample transcripts) replaced.
#include "export/member_check_pack.hpp"
#include "export/table_text.hpp"
#include "store/project.hpp"
#include "office_util.hpp"
#include "test_support.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>

namespace tessera::test {
const std::filesystem::path& sample_project();  // test_report_study.cpp
}

using namespace tessera;
using tessera::test::TempDir;

namespace {

// Names of people and places written into the sample transcripts on purpose (samples/source/README.md).
const std::vector<std::string> kIdentifiers = {"Rowan Ward", "Halesworth", "Bramley", "Bernadette",
                                               "Niamh",      "Cedar",      "Wolverhampton"};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

bool has_identifier(const std::string& text) {
    for (const auto& id : kIdentifiers)
        if (lower(text).find(lower(id)) != std::string::npos) return true;
    return false;
}

exporter::Redactor sample_redactor(const TempDir& dir) {
    std::string list = "# people and places in the sample\n\nRowan Ward = [ward]\nHalesworth = [town]\n";
    for (std::size_t i = 2; i < kIdentifiers.size(); ++i) list += kIdentifiers[i] + "\n";
    tessera::test::write_file(dir / "names.txt", list);
    return exporter::Redactor::from_file(dir / "names.txt");
}

}  // namespace

TEST_CASE("redactor: whole words, any case, longest first, counted", "[export][report]") {
    exporter::Redactor r;
    r.add("Rowan", "[name]");
    r.add("Rowan Ward", "[ward]");
    r.add("Niamh");
    std::string out = r.apply("On rowan ward, Niamh (not Niamhs or Rowanberry) saw ROWAN.");
    REQUIRE(out == "On [ward], [name] (not Niamhs or Rowanberry) saw [name].");
    REQUIRE(r.total_replaced() == 3);

    TempDir dir;
    tessera::test::write_file(dir / "bad.txt", "Niamh\n = nobody\n");
    try {
        exporter::Redactor::from_file(dir / "bad.txt");
        FAIL("an empty identifier was accepted");
    } catch (const ImportError& e) {
        REQUIRE(e.line() == 2);
        REQUIRE(std::string(e.what()).find("bad.txt") != std::string::npos);
    }
    REQUIRE_THROWS_AS(exporter::Redactor::from_file(dir / "missing.txt"), ImportError);
}

TEST_CASE("member-checking pack: every theme in plain words, anonymised quotes, space for feedback", "[export][report]") {
    Project p = Project::open(tessera::test::sample_project());
    TempDir dir;

    // Without the list, the sample's quotes do name people or places (so the check below can fail).
    exporter::MemberCheckOptions plain;
    plain.quotes_per_theme = 6;
    auto raw = exporter::build_member_check_pack(p, plain);
    bool named = false;
    for (const auto& b : raw.blocks)
        if (b.kind == exporter::ReportBlock::Kind::quote) named = named || has_identifier(b.text);
    REQUIRE(named);

    exporter::MemberCheckOptions o;
    o.quotes_per_theme = 6;
    o.redactor = sample_redactor(dir);
    auto pack = exporter::build_member_check_pack(p, o);
    REQUIRE(o.redactor.total_replaced() > 0);
    std::size_t quotes = 0, feedback = 0;
    for (const auto& b : pack.blocks) {
        if (b.kind == exporter::ReportBlock::Kind::quote) {
            ++quotes;
            INFO(b.text);
            REQUIRE_FALSE(has_identifier(b.text));
            REQUIRE(b.attribution.rfind("P", 0) == 0);
        }
        feedback += b.kind == exporter::ReportBlock::Kind::feedback;
    }
    REQUIRE(quotes >= 10);

    // Each top-level, non-discarded theme with its own definition; the discarded one absent.
    std::string md = exporter::render_markdown(pack);
    std::size_t top = 0;
    for (const auto& t : p.themes()) {
        if (t.parent_id) continue;
        if (t.status == ThemeStatus::discarded) {
            REQUIRE(md.find(t.name) == std::string::npos);
            continue;
        }
        ++top;
        INFO(t.name);
        REQUIRE(md.find(": " + t.name + "\n") != std::string::npos);
        REQUIRE(md.find("In short: " + exporter::escape_markdown(t.definition).substr(0, 40)) != std::string::npos);
    }
    REQUIRE(top == 6);
    REQUIRE(feedback == top + 1);
    REQUIRE(md.find("How quotes were anonymised") != std::string::npos);
    REQUIRE(md.find(std::to_string(o.redactor.total_replaced()) + " replacements were made") != std::string::npos);
    for (const auto& id : kIdentifiers) REQUIRE(md.find(id) == std::string::npos);  // the list itself is not printed

    std::string html = exporter::render_html(pack);
    REQUIRE(html.find("<svg") != std::string::npos);
    REQUIRE(html.find("class=\"feedback\"") != std::string::npos);
    REQUIRE_FALSE(has_identifier(html.substr(html.find("</svg>"))));

    // The Word version opens in LibreOffice with the themes, the prompts and still no identifier.
    exporter::write_report(pack, exporter::ReportFormat::docx, dir / "pack.docx");
    if (!tessera::test::have_tool("soffice")) {
        WARN("soffice not found: the DOCX pack was written but not opened");
        return;
    }
    REQUIRE(tessera::test::soffice_convert({dir / "pack.docx"}, "txt:Text (encoded):UTF8", dir.path()) == 0);
    std::string txt = tessera::test::read_file(dir / "pack.txt");
    REQUIRE(txt.find("Theme 1: ") != std::string::npos);
    REQUIRE(txt.find("Does this theme fit your experience?") != std::string::npos);
    REQUIRE(txt.find("How quotes were anonymised") != std::string::npos);
    REQUIRE_FALSE(has_identifier(txt));
}
