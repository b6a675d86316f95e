// AtomicFile: exporters write to a temporary file beside the target and rename it into place on
// commit, so a failed export never leaves a half-written file (and never clobbers an old one).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace tessera::exporter {

class AtomicFile {
public:
    /// Picks a temporary name in `target`'s directory. Throws InvalidArgument when the directory
    /// does not exist.
    explicit AtomicFile(std::filesystem::path target);
    /// Removes the temporary file unless commit() succeeded.
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    /// Where to write (a file that does not exist yet).
    const std::filesystem::path& temp_path() const { return m_temp; }
    const std::filesystem::path& target() const { return m_target; }
    /// Renames the temporary file onto the target. Throws Error naming the target when the
    /// temporary file is missing or the rename fails.
    void commit();

private:
    std::filesystem::path m_target;
    std::filesystem::path m_temp;
    bool m_committed = false;
};

/// Writes `bytes` to `target` atomically. Throws Error naming the file on any I/O failure.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

}  // namespace tessera::exporter
