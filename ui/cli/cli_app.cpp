// The tessera command table: builds the CLI11 app from every registered cmd_*.cpp and runs it.
#include "ui/cli/cli_app.hpp"

#include "ui/cli/cli_registry.hpp"
#include "util/error.hpp"

#include <algorithm>
#include <iostream>

namespace tessera::cli {
namespace {

struct Entry {
    int order;
    AddCommand add;
};

std::vector<Entry>& registry() {
    static std::vector<Entry> r;
    return r;
}

}  // namespace

Registrar::Registrar(int order, AddCommand add) { registry().push_back({order, std::move(add)}); }

std::vector<AddCommand> registered_commands() {
    auto r = registry();
    std::stable_sort(r.begin(), r.end(), [](const Entry& a, const Entry& b) { return a.order < b.order; });
    std::vector<AddCommand> out;
    for (auto& e : r) out.push_back(e.add);
    return out;
}

int run(int argc, char** argv) {
    CLI::App app{"Tessera: qualitative analysis of focus groups and interviews.\n"
                 "Projects are single .tessera files; every command that changes one is a single transaction."};
    app.name("tessera");
    app.set_version_flag("--version", std::string("tessera ") + TESSERA_VERSION);
    app.require_subcommand(1);
    app.fallthrough(false);
    for (const auto& add : registered_commands()) add(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    } catch (const Error& e) {
        std::cerr << "tessera: error: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "tessera: internal error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

}  // namespace tessera::cli
