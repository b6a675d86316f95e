// Implementation of atomic_file.hpp.
#include "export/atomic_file.hpp"

#include "util/error.hpp"

#include <fstream>
#include <random>

namespace tessera::exporter {

namespace fs = std::filesystem;

AtomicFile::AtomicFile(fs::path target) : m_target(std::move(target)) {
    fs::path dir = m_target.has_parent_path() ? m_target.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw InvalidArgument("cannot export to " + m_target.string() + ": folder " + dir.string() + " does not exist");
    std::random_device rd;
    // Keep the extension: some libraries (libxlsxwriter) do not care, but tools reading the temp do.
    m_temp = dir / ("." + m_target.stem().string() + ".tmp-" + std::to_string(rd()) + m_target.extension().string());
}

AtomicFile::~AtomicFile() {
    if (m_committed) return;
    std::error_code ec;
    fs::remove(m_temp, ec);
}

void AtomicFile::commit() {
    std::error_code ec;
    if (!fs::exists(m_temp, ec)) throw Error("export to " + m_target.string() + " failed: nothing was written");
    fs::rename(m_temp, m_target, ec);
    if (ec) throw Error("cannot write " + m_target.string() + ": " + ec.message());
    m_committed = true;
}

void write_file_atomically(const fs::path& target, std::string_view bytes) {
    AtomicFile f(target);
    {
        std::ofstream out(f.temp_path(), std::ios::binary | std::ios::trunc);
        if (!out) throw Error("cannot write " + target.string() + ": cannot create a file in its folder");
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) throw Error("cannot write " + target.string() + ": write failed (disk full?)");
    }
    f.commit();
}

}  // namespace tessera::exporter
