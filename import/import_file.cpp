// import_file(): reads a source with its size cap, dispatches on extension, checks the result.
#include "import/import_file.hpp"

#include "import/formats.hpp"
#include "text/encoding.hpp"
#include "text/text.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>

namespace tessera::importer {

std::string format_of(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".txt" || ext == ".text" || ext == ".md") return "txt";
    for (const char* f : {"docx", "odt", "vtt", "srt", "pdf"})
        if (ext == std::string(".") + f) return f;
    return {};
}

std::string read_source(const std::filesystem::path& path, const ImportOptions& options) {
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (ec) throw ImportError(path.string(), "cannot read file: " + ec.message());
    if (size == 0) throw ImportError(path.string(), "file is empty");
    if (size > options.max_bytes)
        throw ImportError(path.string(), "file is " + std::to_string(size) + " bytes, over the import limit of " +
                                             std::to_string(options.max_bytes) + " bytes");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ImportError(path.string(), "cannot open file for reading");
    std::string bytes(size, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uint64_t>(in.gcount()) != size) throw ImportError(path.string(), "file could not be read whole");
    return bytes;
}

ImportedDocument import_bytes(std::string_view bytes, const std::filesystem::path& path, const ImportOptions& options) {
    ImportedDocument doc;
    doc.source_path = path.string();
    doc.format = format_of(path);
    doc.name = options.name.empty() ? path.stem().string() : options.name;
    if (doc.format.empty())
        throw ImportError(doc.source_path, "unsupported file type '" + path.extension().string() +
                                               "' (expected .txt, .docx, .odt, .vtt, .srt or .pdf)");
    if (bytes.empty()) throw ImportError(doc.source_path, "file is empty");
    if (bytes.size() > options.max_bytes)
        throw ImportError(doc.source_path, "file is " + std::to_string(bytes.size()) +
                                               " bytes, over the import limit of " + std::to_string(options.max_bytes) +
                                               " bytes");
    if (doc.format == "txt") detail::import_txt(bytes, options, doc);
    else if (doc.format == "docx") detail::import_docx(bytes, options, doc);
    else if (doc.format == "odt") detail::import_odt(bytes, options, doc);
    else if (doc.format == "vtt") detail::import_vtt(bytes, options, doc);
    else if (doc.format == "srt") detail::import_srt(bytes, options, doc);
    else if (doc.format == "pdf") detail::import_pdf(bytes, options, doc);
    if (doc.turns.empty()) throw ImportError(doc.source_path, "file contains no text to import");
    return doc;
}

ImportedDocument import_file(const std::filesystem::path& path, const ImportOptions& options) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw ImportError(path.string(), "is a folder, not a file (give the files in it, e.g. folder/*.docx)");
    if (format_of(path).empty())
        throw ImportError(path.string(), "unsupported file type '" + path.extension().string() +
                                             "' (expected .txt, .docx, .odt, .vtt, .srt or .pdf)");
    return import_bytes(read_source(path, options), path, options);
}

namespace detail {

std::string decode_source(std::string_view bytes, const ImportOptions& options, ImportedDocument& doc) {
    try {
        text::DecodedText d = text::decode_to_utf8(bytes, options.encoding);
        doc.encoding = d.encoding;
        if (d.detected && d.encoding != "UTF-8")
            doc.diagnostics.push_back({Diagnostic::Level::info, doc.source_path,
                                       "encoding detected as " + d.encoding + " (override with an explicit encoding)"});
        // NFC before detection, so that one label typed composed and decomposed is one speaker.
        std::string t = d.utf8.find('\r') == std::string::npos ? std::move(d.utf8) : text::normalize_newlines(d.utf8);
        if (!text::is_nfc(t)) t = text::to_nfc(t);
        return t;
    } catch (const text::EncodingError& e) {
        // Line numbers only mean something in byte-per-newline encodings (not UTF-16).
        std::int64_t line = 0;
        if (e.encoding().rfind("UTF-16", 0) != 0)
            line = 1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(std::min(e.offset(), bytes.size())), '\n');
        throw ImportError(doc.source_path, e.what(), line);
    }
}

void detect_into(std::vector<Paragraph> paragraphs, const ImportOptions& options, ImportedDocument& doc,
                 TextForm form) {
    for (auto& p : paragraphs) {
        if (form == TextForm::nfc || text::is_nfc(p.text)) continue;
        // Normalise label and utterance apart so the bold prefix keeps marking the label.
        std::string label = text::to_nfc(std::string_view(p.text).substr(0, p.bold_prefix));
        std::string rest = text::to_nfc(std::string_view(p.text).substr(p.bold_prefix));
        if (p.bold_prefix > 0) p.bold_prefix = label.size();
        p.text = label + rest;
    }
    doc.turns = detect_turns(paragraphs, options.speaker_pattern, options.detect_speakers);
}

void import_txt(std::string_view bytes, const ImportOptions& options, ImportedDocument& doc) {
    std::string text = decode_source(bytes, options, doc);
    // decode_source() normalised the whole text, and lines of NFC text are NFC (a line break is
    // a starter that composes with nothing).
    detect_into(paragraphs_from_text(text), options, doc, TextForm::nfc);
}

}  // namespace detail
}  // namespace tessera::importer
