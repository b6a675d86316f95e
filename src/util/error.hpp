// Tessera's exception hierarchy: caller bugs vs environment failures, each naming what is at fault.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace tessera {

/// Base of every error Tessera throws on purpose. what() is a complete, user-readable sentence.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The caller passed something invalid (unknown id, span out of range, empty name).
class InvalidArgument : public Error {
public:
    using Error::Error;
};

/// The project file could not be read or written (not a project, corrupt, newer schema, I/O).
class StorageError : public Error {
public:
    using Error::Error;
};

/// A file being imported is unreadable or malformed; names the path and, where known, the line.
class ImportError : public Error {
public:
    ImportError(std::string path, std::string message, std::int64_t line = 0)
        : Error(compose(path, message, line)), m_path(std::move(path)), m_line(line) {}
    const std::string& path() const { return m_path; }
    std::int64_t line() const { return m_line; }

private:
    static std::string compose(const std::string& path, const std::string& message, std::int64_t line) {
        std::string s = path;
        if (line > 0) s += ":" + std::to_string(line);
        return s + ": " + message;
    }
    std::string m_path;
    std::int64_t m_line;
};

/// The search index failed in a way a rebuild did not cure.
class SearchError : public Error {
public:
    using Error::Error;
};

/// Expected, recoverable problems (skipped element, unknown label) reported to the user, not thrown.
struct Diagnostic {
    enum class Level { info, warning };
    Level level = Level::warning;
    std::string where;    // file, line or element
    std::string message;
};
using Diagnostics = std::vector<Diagnostic>;

}  // namespace tessera
