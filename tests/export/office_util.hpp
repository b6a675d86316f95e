// Test helpers for opening exports in their real consumers: LibreOffice (headless conversion with
// its own profile), pdftoppm, and a small CSV reader and PPM/PNG pixel checks.
#pragma once

#include "test_support.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace tessera::test {

inline bool have_tool(const std::string& tool) {
    return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

/// Runs `soffice --convert-to filter` on `files` (one LibreOffice start) into `outdir` with a private profile (shared by the
/// tests of this process, so LibreOffice's first-run setup happens once). Returns the exit code.
inline int soffice_convert(const std::vector<std::filesystem::path>& files, const std::string& filter,
                           const std::filesystem::path& outdir) {
    static TempDir profile;
    std::string cmd = "timeout 120 soffice -env:UserInstallation=file://" + profile.path().string() +
                      " --headless --norestore --convert-to '" + filter + "' --outdir '" + outdir.string() + "'";
    for (const auto& f : files) cmd += " '" + f.string() + "'";
    cmd += " >'" + (outdir / "soffice.log").string() + "' 2>&1";
    return std::system(cmd.c_str());
}

/// Parses RFC 4180 CSV (quotes, doubled quotes, CRLF or LF) into rows of fields.
inline std::vector<std::vector<std::string>> parse_csv(const std::string& s) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (quoted) {
            if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') field += '"', ++i;
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true, any = true;
        } else if (c == ',') {
            row.push_back(field), field.clear(), any = true;
        } else if (c == '\r') {
            continue;
        } else if (c == '\n') {
            row.push_back(field), field.clear();
            rows.push_back(row), row.clear();
            any = false;
        } else {
            field += c, any = true;
        }
    }
    if (any || !field.empty()) row.push_back(field), rows.push_back(row);
    return rows;
}

/// Pixels of an image: width, height and the fraction of pixels that are not near-white.
struct PixelStats {
    int width = 0, height = 0;
    double ink = 0;
};

/// Reads a binary PPM (P6) as pdftoppm writes it.
inline PixelStats ppm_stats(const std::filesystem::path& p) {
    std::string bytes = read_file(p);
    PixelStats st;
    std::size_t pos = 0;
    auto token = [&]() {
        while (pos < bytes.size() && (isspace(static_cast<unsigned char>(bytes[pos])) || bytes[pos] == '#')) {
            if (bytes[pos] == '#') while (pos < bytes.size() && bytes[pos] != '\n') ++pos;
            else ++pos;
        }
        std::size_t start = pos;
        while (pos < bytes.size() && !isspace(static_cast<unsigned char>(bytes[pos]))) ++pos;
        return bytes.substr(start, pos - start);
    };
    if (token() != "P6") return st;
    st.width = std::stoi(token());
    st.height = std::stoi(token());
    int maxval = std::stoi(token());
    ++pos;
    if (maxval != 255) return st;
    std::size_t n = static_cast<std::size_t>(st.width) * static_cast<std::size_t>(st.height), ink = 0;
    for (std::size_t i = 0; i < n && pos + 3 * i + 2 < bytes.size(); ++i) {
        auto px = [&](int k) { return static_cast<unsigned char>(bytes[pos + 3 * i + static_cast<std::size_t>(k)]); };
        if (px(0) < 230 || px(1) < 230 || px(2) < 230) ++ink;
    }
    st.ink = n ? static_cast<double>(ink) / static_cast<double>(n) : 0;
    return st;
}

}  // namespace tessera::test
