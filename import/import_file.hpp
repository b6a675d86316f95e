// Entry point for transcript import: one file (txt, docx, odt, vtt, srt, pdf) → ImportedDocument.
#pragma once

#include "import/import_options.hpp"
#include "import/imported_document.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace tessera::importer {

/// The importer format for a path's extension (case-insensitive): "txt" (also .text, .md),
/// "docx", "odt", "vtt", "srt", "pdf"; "" when unsupported.
std::string format_of(const std::filesystem::path& path);

/// Reads a source file whole. Throws ImportError when it is missing/unreadable, empty, or larger
/// than options.max_bytes (checked before reading).
std::string read_source(const std::filesystem::path& path, const ImportOptions& options = {});

/// Imports one transcript, choosing the importer by extension. Returns turns with speaker labels
/// and times, the encoding used and the source's SHA-256 (call compose() for the stored form).
/// Throws ImportError{path, message, line} for unreadable, empty, oversized, undecodable or
/// malformed input, unsupported extensions, zip bombs and documents without any text;
/// InvalidArgument for a bad options.speaker_pattern or unknown options.encoding.
ImportedDocument import_file(const std::filesystem::path& path, const ImportOptions& options = {});

/// As import_file, from bytes already in memory; `path` names the source and its extension picks
/// the format (the file itself is not read).
ImportedDocument import_bytes(std::string_view bytes, const std::filesystem::path& path,
                              const ImportOptions& options = {});

}  // namespace tessera::importer
