// Shared pieces of the CLI: opening projects, printing tables or JSON, reading coder/code arguments.
#pragma once

#include "store/project.hpp"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace tessera::cli {

/// Opens a project for a command; errors name the file (StorageError from the core).
Project open_project(const std::string& path);

/// A table printed with aligned columns, or as JSON (an array of objects keyed by header).
class Table {
public:
    explicit Table(std::vector<std::string> headers);
    void add(std::vector<std::string> row);
    void print(std::ostream& out, bool json) const;
    /// The JSON form: [{header: cell, ...}, ...]; numeric-looking cells stay strings for stability.
    nlohmann::json to_json() const;
    std::size_t size() const { return m_rows.size(); }

private:
    std::vector<std::string> m_headers;
    std::vector<std::vector<std::string>> m_rows;
};

/// Finds a coder by name, throwing InvalidArgument that lists the coders there are.
Coder require_coder(const Project& p, const std::string& name);

/// Formats a double with `digits` decimals (C locale).
std::string fixed(double v, int digits);

/// "#RRGGBB" for a 0xRRGGBB colour, and back (throws InvalidArgument naming the bad value).
std::string hex_color(std::uint32_t rgb);
std::uint32_t parse_hex_color(const std::string& s);

}  // namespace tessera::cli
