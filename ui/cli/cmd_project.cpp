// `tessera new` and `tessera info`: create a project; print its counts.
#include "ui/cli/cli_common.hpp"
#include "ui/cli/cli_registry.hpp"

#include <iostream>

namespace tessera::cli {
namespace {

const Registrar kNew(10, [](CLI::App& app) {
    auto* cmd = app.add_subcommand("new", "Create a new, empty project file");
    auto path = std::make_shared<std::string>();
    cmd->add_option("PROJECT", *path, "Project file to create (e.g. study.tessera)")->required();
    cmd->callback([path] {
        Project p = Project::create(*path);
        std::cout << "created " << p.path().string() << "\n";
    });
});

const Registrar kInfo(11, [](CLI::App& app) {
    auto* cmd = app.add_subcommand("info", "Print what a project holds");
    auto path = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    cmd->add_option("PROJECT", *path, "Project file")->required();
    cmd->add_flag("--json", *json, "Print JSON");
    cmd->callback([path, json] {
        Project p = open_project(*path);
        ProjectInfo i = p.info();
        if (*json) {
            nlohmann::json j = {{"project", p.path().string()}, {"schema", p.schema_version()},
                                {"documents", i.documents}, {"cases", i.cases},   {"coders", i.coders},
                                {"codes", i.codes},         {"codings", i.codings}, {"themes", i.themes},
                                {"memos", i.memos},         {"speakers", i.speakers}, {"turns", i.turns},
                                {"words", i.words}};
            std::cout << j.dump(2) << "\n";
            return;
        }
        std::cout << p.path().string() << " (schema " << p.schema_version() << ")\n"
                  << "  documents " << i.documents << " (" << i.words << " words, " << i.turns << " turns)\n"
                  << "  cases     " << i.cases << "\n"
                  << "  coders    " << i.coders << "\n"
                  << "  codes     " << i.codes << "\n"
                  << "  codings   " << i.codings << "\n"
                  << "  themes    " << i.themes << "\n"
                  << "  memos     " << i.memos << "\n";
    });
});

}  // namespace
}  // namespace tessera::cli
