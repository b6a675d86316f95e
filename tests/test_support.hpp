// Helpers shared by tests: temporary directories that clean up, file reading, paths to test data.
#pragma once

#include "model/document.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace tessera::test {

/// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

/// Whole file as bytes; throws std::runtime_error when it cannot be read.
std::string read_file(const std::filesystem::path& p);
/// Writes bytes to a file, replacing it.
void write_file(const std::filesystem::path& p, const std::string& bytes);
/// tests/data/<rel>.
std::filesystem::path data_path(const std::string& rel);
/// ../shared/data/<rel> beside the checkout, or empty when the shared folder is absent.
std::filesystem::path shared_data_path(const std::string& rel);

/// A document of "Label: utterance" paragraphs separated by blank lines, each a turn over its
/// utterance; labels in `staff` are facilitators without a case, the others participants whose
/// case is their label.
NewDocument labelled_document(const std::string& name, const std::string& text,
                              const std::vector<std::string>& staff = {"Facilitator", "Interviewer"});

}  // namespace tessera::test
