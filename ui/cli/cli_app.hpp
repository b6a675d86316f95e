// The tessera command table: builds the CLI11 app from each cmd_*.cpp and runs it.
#pragma once

namespace tessera::cli {

/// Parses argv, runs the chosen command and returns the process exit code (0 ok, 1 error, 2 usage).
int run(int argc, char** argv);

}  // namespace tessera::cli
