// Robustness: every fixture cut short or with bytes flipped either imports or throws a Tessera error
// (ImportError, InvalidArgument) - never crashes, hangs or throws anything else.
#include "import/import_file.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <typeinfo>

using namespace tessera;
using namespace tessera::importer;
using tessera::test::data_path;

namespace {

// Imports `bytes` as `name`; returns false when it threw something other than a Tessera error.
bool imports_or_fails_cleanly(const std::string& bytes, const std::string& name) {
    try {
        ImportedDocument d = import_bytes(bytes, name);
        compose(d);
    } catch (const Error&) {
        // ImportError / InvalidArgument: a clear message is the expected outcome
    } catch (const std::exception& e) {
        FAIL_CHECK(name << ": unexpected " << typeid(e).name() << ": " << e.what());
        return false;
    }
    return true;
}

}  // namespace

TEST_CASE("damaged input: truncated and bit-flipped fixtures fail cleanly", "[import]") {
    const char* fixtures[] = {"interview.docx", "focus_group.odt", "interview.pdf",     "teams.vtt",
                              "zoom.vtt",       "subtitles.srt",   "speakers_utf16le.txt", "interview_cp1252.txt",
                              "focus_group_bom_crlf.txt"};
    std::mt19937 rng(7);
    for (const char* f : fixtures) {
        std::string bytes = tessera::test::read_file(data_path(std::string("import/") + f));
        INFO(f);
        for (std::size_t cut : {std::size_t{1}, bytes.size() / 7, bytes.size() / 3, bytes.size() / 2, bytes.size() - 1})
            CHECK(imports_or_fails_cleanly(bytes.substr(0, cut), f));
        for (int round = 0; round < 20; ++round) {
            std::string b = bytes;
            for (int k = 0; k < 4; ++k) b[rng() % b.size()] = static_cast<char>(rng() & 0xFF);
            CHECK(imports_or_fails_cleanly(b, f));
        }
    }
}
