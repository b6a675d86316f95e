// PDF importer: the text layer of each page (poppler-cpp), then the plain-text speaker detection.
#include "import/formats.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <climits>
#include <memory>

namespace tessera::importer::detail {
namespace {

// poppler prints warnings about odd PDFs on stderr; they are not the user's business.
void quiet(const std::string&, void*) {}

}  // namespace

void import_pdf(std::string_view bytes, const ImportOptions& options, ImportedDocument& doc) {
    if (bytes.size() < 5 || bytes.substr(0, 5) != "%PDF-")
        throw ImportError(doc.source_path, "not a PDF file (it does not start with %PDF-)");
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) throw ImportError(doc.source_path, "PDF too large");
    poppler::set_debug_error_function(quiet, nullptr);
    std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!pdf) throw ImportError(doc.source_path, "damaged PDF: poppler could not open it");
    if (pdf->is_locked()) throw ImportError(doc.source_path, "PDF is password-protected");

    std::string text;
    for (int i = 0; i < pdf->pages(); ++i) {
        std::unique_ptr<poppler::page> page(pdf->create_page(i));
        if (!page) continue;
        poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
        if (!text.empty()) text += "\n\n";
        text.append(utf8.data(), utf8.size());
    }
    doc.encoding = "UTF-8";
    // poppler ends lines with \n and pages with \f; physical layout pads with spaces.
    std::string clean;
    clean.reserve(text.size());
    for (char c : text) clean += c == '\f' ? '\n' : c;
    detect_into(paragraphs_from_text(clean), options, doc);
}

}  // namespace tessera::importer::detail
