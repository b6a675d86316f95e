// Internal: CSV bytes → decoded, delimiter-sniffed records with line numbers (libcsv, strict quoting).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tessera::importer::detail {

struct CsvRecords {
    std::vector<std::string> header;                 // first record, trimmed
    std::vector<std::vector<std::string>> rows;      // padded to the header's width
    std::vector<std::int64_t> lines;                 // 1-based line where each row starts
    std::string encoding;
};

/// Decodes `bytes` (`encoding` empty = detect; BOM stripped), picks ',', ';' or TAB from the header
/// line, and parses with libcsv in strict mode. Blank lines are skipped. Throws ImportError naming
/// `path` and the line for bad quoting, undecodable bytes, a row wider than the header, or no header.
CsvRecords read_csv_records(std::string_view bytes, const std::string& path, const std::string& encoding);

/// Index of the header column named `name` (trimmed, case-insensitive); throws ImportError listing
/// the columns when absent.
std::size_t column_index(const CsvRecords& csv, const std::string& name, const std::string& path);

}  // namespace tessera::importer::detail
