// XLSX exporter (libxlsxwriter): one worksheet per table, wrapped text, frozen header row and
// row-label columns, heat shading, numbers written as numbers.
#pragma once

#include "analysis/table.hpp"

#include <filesystem>
#include <vector>

namespace tessera::exporter {

struct XlsxOptions {
    double label_width = 18;  // characters, for the row-label columns
    double cell_width = 40;   // characters, for the data columns
};

/// Writes `tables` as one workbook (sheet names from titles, made valid and unique) to `path`,
/// atomically. Throws InvalidArgument for an invalid table, Error naming the file when
/// libxlsxwriter fails.
void write_xlsx(const std::vector<analysis::Table>& tables, const std::filesystem::path& path,
                const XlsxOptions& o = {});

/// A valid, unique (case-insensitive) worksheet name for `title`: at most 31 characters, none
/// of []:*?/\, not empty. `taken` holds the names already used, folded to lower case.
std::string sheet_name(const std::string& title, std::vector<std::string>& taken);

}  // namespace tessera::exporter
