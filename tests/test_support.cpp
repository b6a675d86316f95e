// Implementation of the shared test helpers.
#include "test_support.hpp"

#include "text/text.hpp"

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace tessera::test {

TempDir::TempDir() {
    std::random_device rd;
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto p = std::filesystem::temp_directory_path() / ("tessera-test-" + std::to_string(rd()));
        if (std::filesystem::create_directory(p)) {
            m_path = p;
            return;
        }
    }
    throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write " + p.string());
    out << bytes;
}

std::filesystem::path data_path(const std::string& rel) { return std::filesystem::path(TESSERA_TEST_DATA) / rel; }

std::filesystem::path shared_data_path(const std::string& rel) {
    auto p = std::filesystem::path(TESSERA_SOURCE_DIR).parent_path() / "shared" / "data" / rel;
    return std::filesystem::exists(p) ? p : std::filesystem::path();
}

NewDocument labelled_document(const std::string& name, const std::string& text, const std::vector<std::string>& staff) {
    NewDocument d;
    d.name = name;
    d.text = text;
    const std::u32string u = text::to_utf32(text);
    std::size_t i = 0;
    while (i < u.size()) {
        std::size_t end = u.find(U"\n\n", i);
        if (end == std::u32string::npos) end = u.size();
        const std::size_t colon = u.find(U':', i);
        std::string label;
        for (std::size_t k = i; k < colon; ++k) label += text::from_code_point(u[k]);
        d.turns.push_back({{static_cast<std::int64_t>(colon + 2), static_cast<std::int64_t>(end)}, label, {}, {}});
        bool known = false;
        for (const auto& s : d.speakers) known |= s.label == label;
        if (!known) {
            const bool is_staff = std::find(staff.begin(), staff.end(), label) != staff.end();
            d.speakers.push_back({label, is_staff ? SpeakerRole::facilitator : SpeakerRole::participant,
                                  is_staff ? std::string() : label});
        }
        i = end + 2;
    }
    return d;
}

}  // namespace tessera::test
