// ZipArchive: libzip handles owned by RAII, declared sizes checked before inflating (zip bombs).
#include "import/zip_archive.hpp"

#include "util/error.hpp"

#include <zip.h>

#include <algorithm>

namespace tessera::importer::detail {
namespace {

struct FileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

struct ErrorHolder {
    zip_error_t err;
    ErrorHolder() { zip_error_init(&err); }
    ~ErrorHolder() { zip_error_fini(&err); }
    ErrorHolder(const ErrorHolder&) = delete;
    ErrorHolder& operator=(const ErrorHolder&) = delete;
};

std::string mib(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

}  // namespace

void ZipArchive::Closer::operator()(zip* z) const { zip_discard(z); }

ZipArchive::ZipArchive(std::string_view bytes, std::string path, const ImportOptions& options)
    : m_path(std::move(path)), m_max_total(options.max_uncompressed_bytes) {
    ErrorHolder e;
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &e.err);
    if (src == nullptr) throw ImportError(m_path, std::string("cannot read archive: ") + zip_error_strerror(&e.err));
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &e.err);
    if (z == nullptr) {
        zip_source_free(src);  // still ours when opening failed
        int code = zip_error_code_zip(&e.err);
        if (code == ZIP_ER_NOZIP)
            throw ImportError(m_path, "not a zip archive (a .docx or .odt file is a zip archive; this one is damaged "
                                      "or is another kind of file renamed)");
        throw ImportError(m_path, std::string("damaged zip archive: ") + zip_error_strerror(&e.err));
    }
    m_zip.reset(z);

    std::uint64_t total = 0;
    zip_int64_t n = zip_get_num_entries(z, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        if (zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st) != 0) continue;
        if (!(st.valid & ZIP_STAT_SIZE)) continue;
        total += st.size;
        std::string name = (st.valid & ZIP_STAT_NAME) && st.name ? st.name : "?";
        if (total > options.max_uncompressed_bytes)
            throw ImportError(m_path, "archive would expand to over " + mib(options.max_uncompressed_bytes) +
                                          " (zip bomb guard; entry '" + name + "')");
        if ((st.valid & ZIP_STAT_COMP_SIZE) && st.size > (1u << 20)) {
            double ratio = static_cast<double>(st.size) / static_cast<double>(std::max<zip_uint64_t>(st.comp_size, 1));
            if (ratio > options.max_compression_ratio)
                throw ImportError(m_path, "entry '" + name + "' expands " + std::to_string(static_cast<long long>(ratio)) +
                                              "-fold (over the limit of " +
                                              std::to_string(static_cast<long long>(options.max_compression_ratio)) +
                                              "; zip bomb guard)");
        }
    }
}

ZipArchive::~ZipArchive() = default;

std::optional<std::string> ZipArchive::read(const std::string& entry) const {
    zip_int64_t idx = zip_name_locate(m_zip.get(), entry.c_str(), 0);
    if (idx < 0) return std::nullopt;
    zip_stat_t st;
    if (zip_stat_index(m_zip.get(), static_cast<zip_uint64_t>(idx), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
        throw ImportError(m_path, "cannot read entry '" + entry + "' of the archive");
    if (st.size > m_max_total) throw ImportError(m_path, "entry '" + entry + "' is too large (zip bomb guard)");
    std::unique_ptr<zip_file_t, FileCloser> f(zip_fopen_index(m_zip.get(), static_cast<zip_uint64_t>(idx), 0));
    if (!f) throw ImportError(m_path, "cannot open entry '" + entry + "': " + zip_error_strerror(zip_get_error(m_zip.get())));
    std::string out(st.size, '\0');
    std::uint64_t got = 0;
    while (got < st.size) {
        zip_int64_t r = zip_fread(f.get(), out.data() + got, st.size - got);
        if (r < 0)
            throw ImportError(m_path, "damaged entry '" + entry + "': " + zip_error_strerror(zip_file_get_error(f.get())));
        if (r == 0) break;
        got += static_cast<std::uint64_t>(r);
    }
    if (got != st.size) throw ImportError(m_path, "entry '" + entry + "' is shorter than its header says");
    return out;
}

}  // namespace tessera::importer::detail
