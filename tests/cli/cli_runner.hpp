// Runs the real tessera executable for CLI tests: exit code and combined stdout+stderr.
#pragma once

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/wait.h>

namespace tessera::test {

struct CliResult {
    int code;
    std::string out;  // stdout and stderr together
};

/// Runs `tessera ARGS` through the shell; ARGS must already be quoted where needed.
inline CliResult run(const std::string& args) {
    std::string cmd = std::string(TESSERA_CLI_EXE) + " " + args + " 2>&1";
    FILE* f = popen(cmd.c_str(), "r");
    REQUIRE(f);
    CliResult r{-1, ""};
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), f)) > 0) r.out.append(buf.data(), n);
    int status = pclose(f);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

/// A path in single quotes for the shell.
inline std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

}  // namespace tessera::test
