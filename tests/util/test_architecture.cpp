// The house rules of DESIGN.md, checked on the sources: three floors with arrows pointing down,
// `model` including nothing of ours, importers and exporters apart, no SQL in the front ends.
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Include {
    std::string file;    // relative to the repository, "src/model/coding.hpp"
    int line = 0;
    std::string target;  // what is included, as written: "text/text.hpp", "sqlite3.h"
    bool quoted = false; // "ours.hpp" rather than <system.h>
};

// Every #include (quoted or angled) of the .hpp/.cpp files under `dir`.
std::vector<Include> includes_under(const std::string& dir, std::size_t& files) {
    static const std::regex kInclude(R"(^\s*#\s*include\s*(["<])([^">]+)[">])");
    const fs::path root(TESSERA_SOURCE_DIR);
    std::vector<Include> out;
    for (const auto& e : fs::recursive_directory_iterator(root / dir)) {
        if (!e.is_regular_file() || (e.path().extension() != ".hpp" && e.path().extension() != ".cpp")) continue;
        ++files;
        std::ifstream in(e.path());
        std::string line;
        int n = 0;
        while (std::getline(in, line)) {
            ++n;
            std::smatch m;
            if (std::regex_search(line, m, kInclude))
                out.push_back({fs::relative(e.path(), root).generic_string(), n, m[2].str(), m[1].str() == "\""});
        }
    }
    return out;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// The includes of `dir` breaking `forbidden`, as "file:line includes target" lines (empty: none).
template <class Forbidden>
std::string violations(const std::string& dir, Forbidden forbidden, std::size_t& files) {
    std::string out;
    for (const Include& i : includes_under(dir, files))
        if (forbidden(i)) out += i.file + ":" + std::to_string(i.line) + " includes " + i.target + "\n";
    return out;
}

}  // namespace

TEST_CASE("architecture: the core never includes the floors above it", "[architecture]") {
    std::size_t files = 0;
    auto upward = [](const Include& i) {
        return starts_with(i.target, "import/") || starts_with(i.target, "export/") || starts_with(i.target, "ui/");
    };
    CHECK(violations("src", upward, files) == "");
    CHECK(files > 50);  // the walk found the core, so an empty list means something
}

TEST_CASE("architecture: model includes nothing of ours but model", "[architecture]") {
    std::size_t files = 0;
    // Anything of ours is included in quotes; an allow-list, so a new core folder is caught too.
    auto ours = [](const Include& i) { return i.quoted && !starts_with(i.target, "model/"); };
    CHECK(violations("src/model", ours, files) == "");
    CHECK(files >= 5);
}

TEST_CASE("architecture: importers and exporters never include each other or the front ends", "[architecture]") {
    std::size_t files = 0;
    auto to = [](const char* a, const char* b) {
        return [=](const Include& i) { return starts_with(i.target, a) || starts_with(i.target, b); };
    };
    CHECK(violations("import", to("export/", "ui/"), files) == "");
    CHECK(violations("export", to("import/", "ui/"), files) == "");
    CHECK(files > 30);
}

TEST_CASE("architecture: the front ends run no SQL (no SQLite, no store::Database)", "[architecture]") {
    std::size_t files = 0;
    auto sql = [](const Include& i) {
        return i.target == "sqlite3.h" || i.target == "store/database.hpp" || i.target == "store/project_impl.hpp";
    };
    CHECK(violations("ui", sql, files) == "");
    CHECK(files > 40);
}
