// One entry point for every table format: pick the format by name or file extension and write
// analysis tables (matrix, co-occurrence, saturation, report tables) atomically.
#pragma once

#include "analysis/table.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace tessera::exporter {

enum class TableFormat { csv, markdown, latex, html, docx, xlsx };

/// Parses "csv" | "md" | "markdown" | "tex" | "latex" | "html" | "docx" | "xlsx"; throws InvalidArgument.
TableFormat table_format_from_string(const std::string& s);
/// The format of a file by its extension; throws InvalidArgument naming the file when unknown.
TableFormat table_format_from_path(const std::filesystem::path& p);
/// True for formats that are text (can be printed to stdout).
bool is_text_format(TableFormat f);

/// Text formats as a string; throws InvalidArgument for docx/xlsx.
std::string tables_to_string(const std::vector<analysis::Table>& tables, TableFormat f,
                             const std::string& title = "Tessera export");
/// Writes the tables in format `f` to `path`, atomically. Throws as the format's writer does.
void write_tables(const std::vector<analysis::Table>& tables, TableFormat f, const std::filesystem::path& path,
                  const std::string& title = "Tessera export");

}  // namespace tessera::exporter
