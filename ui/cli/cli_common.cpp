// Implementation of cli_common.hpp.
#include "ui/cli/cli_common.hpp"

#include "text/text.hpp"
#include "util/error.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace tessera::cli {

Project open_project(const std::string& path) { return Project::open(path); }

Table::Table(std::vector<std::string> headers) : m_headers(std::move(headers)) {}

void Table::add(std::vector<std::string> row) {
    row.resize(m_headers.size());
    m_rows.push_back(std::move(row));
}

nlohmann::json Table::to_json() const {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& r : m_rows) {
        nlohmann::json o = nlohmann::json::object();
        for (std::size_t i = 0; i < m_headers.size(); ++i) o[m_headers[i]] = r[i];
        arr.push_back(std::move(o));
    }
    return arr;
}

void Table::print(std::ostream& out, bool json) const {
    if (json) {
        out << to_json().dump(2) << "\n";
        return;
    }
    std::vector<std::int64_t> width(m_headers.size());
    for (std::size_t i = 0; i < m_headers.size(); ++i) width[i] = text::count_code_points(m_headers[i]);
    for (const auto& r : m_rows)
        for (std::size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], text::count_code_points(r[i]));
    auto line = [&](const std::vector<std::string>& r) {
        std::string s;
        for (std::size_t i = 0; i < r.size(); ++i) {
            s += r[i];
            if (i + 1 < r.size()) s += std::string(static_cast<std::size_t>(width[i] - text::count_code_points(r[i]) + 2), ' ');
        }
        out << s << "\n";
    };
    line(m_headers);
    for (const auto& r : m_rows) line(r);
}

Coder require_coder(const Project& p, const std::string& name) {
    if (auto c = p.find_coder(name)) return *c;
    std::string names;
    for (const auto& c : p.coders()) names += (names.empty() ? "" : ", ") + c.name;
    throw InvalidArgument("no coder named '" + name + "' (coders: " + (names.empty() ? "none yet" : names) + ")");
}

std::string fixed(double v, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

std::string hex_color(std::uint32_t rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06X", rgb & 0xFFFFFFu);
    return buf;
}

std::uint32_t parse_hex_color(const std::string& s) {
    std::string h = (!s.empty() && s[0] == '#') ? s.substr(1) : s;
    if (h.size() != 6 || h.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
        throw InvalidArgument("colour '" + s + "' is not of the form #RRGGBB");
    return static_cast<std::uint32_t>(std::stoul(h, nullptr, 16));
}

}  // namespace tessera::cli
