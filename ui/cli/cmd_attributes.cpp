// `tessera attributes PROJECT cases.csv`: typed case attributes (id, age, gender, ...), all rows or none.
#include "commands/command_group.hpp"
#include "commands/project_commands.hpp"
#include "import/case_attributes.hpp"
#include "ui/cli/cli_common.hpp"
#include "ui/cli/cli_registry.hpp"

#include <iostream>

namespace tessera::cli {
namespace {

struct AttributesArgs {
    std::string project;
    std::string csv;
    std::string id_column;
    std::string encoding;
    bool month_first = false;
};

const Registrar kAttributes(35, [](CLI::App& app) {
    auto a = std::make_shared<AttributesArgs>();
    auto* cmd = app.add_subcommand("attributes", "Set case attributes from a CSV (id, age, gender, ...): all rows or none");
    cmd->add_option("PROJECT", a->project, "Project file")->required();
    cmd->add_option("CSV", a->csv, "CSV: one row per case; a header 'age:number' forces a type")->required();
    cmd->add_option("--id-column", a->id_column, "Column holding the case name (default: the first)");
    cmd->add_option("--encoding", a->encoding, "Text encoding (default: detect)");
    cmd->add_flag("--month-first", a->month_first,
                  "Read dates such as 04/12/2023 month first (US), not day first (the default)");
    cmd->callback([a] {
        Project p = open_project(a->project);
        importer::CaseAttributeOptions opt;
        opt.id_column = a->id_column;
        opt.encoding = a->encoding;
        if (a->month_first) opt.date_order = importer::DateOrder::month_first;
        importer::CaseAttributeTable t = importer::read_case_attributes(a->csv, opt);
        std::size_t known = 0;
        for (const auto& c : t.cases) known += p.find_case(c.name).has_value();
        auto group = std::make_unique<CommandGroup>("Set case attributes from " + a->csv);
        for (const auto& c : t.cases)
            for (const auto& at : c.attributes) group->add(std::make_unique<SetCaseAttribute>(c.name, at));
        CommandStack stack;
        stack.execute(p, std::move(group));
        std::cout << "set " << t.columns.size() << " attribute(s) on " << t.cases.size() << " case(s) (" << known
                  << " already in the project, " << (t.cases.size() - known) << " new)\n";
        for (std::size_t i = 0; i < t.columns.size(); ++i)
            std::cout << "  " << t.columns[i] << ": " << to_string(t.types[i]) << "\n";
        for (const auto& d : t.diagnostics) std::cout << "note: " << d.where << ": " << d.message << "\n";
    });
});

}  // namespace
}  // namespace tessera::cli
