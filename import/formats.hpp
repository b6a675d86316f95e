// Internal: the per-format importers behind import_file(), and helpers they share.
#pragma once

#include "import/import_options.hpp"
#include "import/imported_document.hpp"
#include "import/speaker_detection.hpp"

#include <string>
#include <string_view>

namespace tessera::importer::detail {

// Each fills doc.turns (and diagnostics/encoding); doc.source_path is set for error messages.
void import_txt(std::string_view bytes, const ImportOptions& options, ImportedDocument& doc);
void import_docx(std::string_view bytes, const ImportOptions& options, ImportedDocument& doc);
void import_odt(std::string_view bytes, const ImportOptions& options, ImportedDocument& doc);
void import_vtt(std::string_view bytes, const ImportOptions& options, ImportedDocument& doc);
void import_srt(std::string_view bytes, const ImportOptions& options, ImportedDocument& doc);
void import_pdf(std::string_view bytes, const ImportOptions& options, ImportedDocument& doc);

/// Decodes source bytes (options.encoding or detection), converts line ends to LF and normalises
/// to NFC; records the encoding in doc. Throws ImportError naming the byte offset and line of invalid bytes.
std::string decode_source(std::string_view bytes, const ImportOptions& options, ImportedDocument& doc);

enum class TextForm { any, nfc };

/// NFC-normalises paragraphs (unless the caller knows they are: TextForm::nfc), then turns them
/// into doc.turns with options' speaker detection.
void detect_into(std::vector<Paragraph> paragraphs, const ImportOptions& options, ImportedDocument& doc,
                 TextForm form = TextForm::any);

}  // namespace tessera::importer::detail
