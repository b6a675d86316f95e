// RFC 4180 CSV reading (libcsv, via csv_records): a header row and records, each with its line number.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tessera::importer {

struct CsvTable {
    std::string source;                          // path or label, for error messages
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;  // each padded to the header's width
    std::vector<std::int64_t> lines;             // 1-based line where each row starts

    /// Index of column `name` (exact match after trimming), or nullopt.
    std::optional<std::size_t> column(const std::string& name) const;
    /// Index of column `name`; throws ImportError naming the file and the columns it has.
    std::size_t require_column(const std::string& name) const;
};

/// Parses CSV bytes (any encoding the importers detect, optional BOM, CRLF or LF; ',', ';' or TAB
/// separated). The first record is the header. Throws ImportError{source, line} on malformed quoting,
/// undecodable bytes, a row wider than the header, or an empty file.
CsvTable parse_csv(std::string_view bytes, const std::string& source);

/// Reads and parses a CSV file (see parse_csv). Throws ImportError when it cannot be read.
CsvTable read_csv(const std::filesystem::path& path);

}  // namespace tessera::importer
