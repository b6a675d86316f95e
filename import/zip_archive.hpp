// Internal: a read-only zip archive in memory (docx, odt) with zip-bomb limits, over libzip.
#pragma once

#include "import/import_options.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct zip;

namespace tessera::importer::detail {

class ZipArchive {
public:
    /// Opens `bytes` (which must outlive the archive) as a zip. Checks every entry's declared size
    /// against options.max_uncompressed_bytes (total) and options.max_compression_ratio before
    /// anything is inflated. Throws ImportError naming `path`: not a zip, damaged, or a zip bomb.
    ZipArchive(std::string_view bytes, std::string path, const ImportOptions& options);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    /// Returns the entry's bytes, or nullopt when there is no such entry. Never inflates more than
    /// the declared size allows (a lying header is an error). Throws ImportError when damaged.
    std::optional<std::string> read(const std::string& entry) const;

private:
    struct Closer {
        void operator()(zip* z) const;
    };
    std::unique_ptr<zip, Closer> m_zip;
    std::string m_path;
    std::uint64_t m_max_total;
};

}  // namespace tessera::importer::detail
