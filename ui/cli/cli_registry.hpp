// Self-registering subcommands: each cmd_*.cpp adds its CLI11 subcommand through a static Registrar,
// so a new command is one new file and no shared list to edit.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace tessera::cli {

using AddCommand = std::function<void(CLI::App&)>;

struct Registrar {
    /// Registers `add`, called with the root app when the CLI is built; `order` sorts the --help list.
    Registrar(int order, AddCommand add);
};

/// The registered commands, sorted by order.
std::vector<AddCommand> registered_commands();

}  // namespace tessera::cli
