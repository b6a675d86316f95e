// PDF importer: the text layer of each page (poppler-cpp) without running headers, footers and page
// numbers, pages joined so a turn may run across a page break; then plain-text speaker detection.
#include "import/formats.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <climits>
#include <map>
#include <memory>
#include <mutex>

namespace tessera::importer::detail {
namespace {

// poppler prints warnings about odd PDFs on stderr; they are not the user's business.
void quiet(const std::string&, void*) {}

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\f\r");
    auto e = s.find_last_not_of(" \t\f\r");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// A header/footer line with its page number masked: "Page 3 of 9" and "Page 4 of 9" meet.
std::string shape(const std::string& line) {
    std::string out;
    for (char c : trim(line)) {
        char m = (c >= '0' && c <= '9') ? '#' : c;
        if (m == ' ' && !out.empty() && out.back() == ' ') continue;
        if (m == '#' && !out.empty() && out.back() == '#') continue;
        out += m;
    }
    return out;
}

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t nl = s.find('\n', start);
        if (nl == std::string::npos) nl = s.size();
        out.push_back(s.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}

// Index of the first (or last) non-blank line, or -1.
long edge_line(const std::vector<std::string>& lines, bool first) {
    for (std::size_t k = 0; k < lines.size(); ++k) {
        std::size_t i = first ? k : lines.size() - 1 - k;
        if (!trim(lines[i]).empty()) return static_cast<long>(i);
    }
    return -1;
}

// Drops the first/last line of each page when its shape (digits masked) repeats on at least half
// of the pages (two or more): running headers, footers and page numbers.
void drop_running_lines(std::vector<std::vector<std::string>>& pages) {
    if (pages.size() < 2) return;
    for (bool first : {true, false}) {
        std::map<std::string, std::size_t> seen;
        for (const auto& p : pages)
            if (long i = edge_line(p, first); i >= 0) ++seen[shape(p[static_cast<std::size_t>(i)])];
        for (auto& p : pages) {
            long i = edge_line(p, first);
            if (i < 0) continue;
            std::size_t n = seen[shape(p[static_cast<std::size_t>(i)])];
            if (n >= 2 && n * 2 >= pages.size()) p.erase(p.begin() + i);
        }
    }
}

}  // namespace

void import_pdf(std::string_view bytes, const ImportOptions& options, ImportedDocument& doc) {
    if (bytes.size() < 5 || bytes.substr(0, 5) != "%PDF-")
        throw ImportError(doc.source_path, "not a PDF file (it does not start with %PDF-)");
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) throw ImportError(doc.source_path, "PDF too large");
    // Imports parse several files at once (ReadAhead); poppler's global state (its parameters and
    // error hook) is not documented as thread-safe, so one PDF is read at a time.
    static std::mutex poppler_mutex;
    std::lock_guard<std::mutex> one_at_a_time(poppler_mutex);
    poppler::set_debug_error_function(quiet, nullptr);
    std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!pdf) throw ImportError(doc.source_path, "damaged PDF: poppler could not open it");
    if (pdf->is_locked()) throw ImportError(doc.source_path, "PDF is password-protected");

    std::vector<std::vector<std::string>> pages;
    for (int i = 0; i < pdf->pages(); ++i) {
        std::unique_ptr<poppler::page> page(pdf->create_page(i));
        if (!page) continue;
        poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
        std::string text(utf8.data(), utf8.size());
        for (char& c : text)
            if (c == '\f' || c == '\r') c = '\n';
        pages.push_back(split_lines(text));
    }
    drop_running_lines(pages);
    std::string all;
    for (auto& p : pages) {
        // Blank lines at a page's edges are layout: a turn runs on across the page break.
        while (!p.empty() && trim(p.back()).empty()) p.pop_back();
        std::size_t lead = 0;
        while (lead < p.size() && trim(p[lead]).empty()) ++lead;
        p.erase(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(lead));
    }
    for (const auto& p : pages)
        for (const auto& line : p) {
            // Layout padding at line ends is not text; blank lines keep separating paragraphs.
            std::string t = line;
            while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back();
            all += t;
            all += '\n';
        }
    if (all.find_first_not_of(" \t\n") == std::string::npos && pdf->pages() > 0)
        throw ImportError(doc.source_path,
                          "this PDF has no text layer (" + std::to_string(pdf->pages()) +
                              (pdf->pages() == 1 ? " page" : " pages") +
                              " of images or nothing: a scan?); Tessera reads the text of PDFs and does not do OCR, "
                              "so run OCR on it first (LibreOffice or ocrmypdf, for example) and import the result");
    doc.encoding = "UTF-8";
    detect_into(paragraphs_from_text(all), options, doc);
}

}  // namespace tessera::importer::detail
