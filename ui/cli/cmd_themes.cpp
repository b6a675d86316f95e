// `tessera themes PROJECT [--json] [--all]`: themes in tree order with their support and warnings.
#include "analysis/theme_support.hpp"
#include "ui/cli/cli_common.hpp"
#include "ui/cli/cli_registry.hpp"

#include <iostream>

namespace tessera::cli {
namespace {

struct Args {
    std::string path, coder, group_by;
    bool json = false, all = false;
    analysis::SupportThresholds th;
};

const Registrar kThemes(60, [](CLI::App& app) {
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("themes", "List themes with their support (extracts, participants, groups, coders)");
    cmd->add_option("PROJECT", a->path, "Project file")->required();
    cmd->add_flag("--json", a->json, "Print JSON");
    cmd->add_flag("--all", a->all, "Include discarded themes (with their reason)");
    cmd->add_option("--coder", a->coder, "Only this coder's codings ('team' for the team codebook)");
    cmd->add_option("--group-by", a->group_by, "Case attribute that tells focus groups apart (default: one per document)");
    cmd->add_option("--min-groups", a->th.min_groups, "Warn below this many groups")->capture_default_str();
    cmd->add_option("--min-participants", a->th.min_participants, "Warn below this many participants")->capture_default_str();
    cmd->add_option("--min-extracts", a->th.min_extracts, "Warn below this many extracts")->capture_default_str();
    cmd->add_option("--min-coders", a->th.min_coders, "Warn below this many coders")->capture_default_str();
    cmd->callback([a] {
        Project p = open_project(a->path);
        auto d = analysis::AnalysisData::load(p, false);
        d = d.scoped(analysis::coder_scope_from_name(d.coders(), a->coder));
        auto support = analysis::all_theme_support(d, a->th, {a->group_by}, a->all);
        if (a->json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& s : support) {
                const Theme& t = d.theme(s.theme_id);
                nlohmann::json coders = nlohmann::json::array();
                for (const auto& c : s.coders) coders.push_back({{"coder", c.coder_name}, {"codings", c.codings}});
                nlohmann::json codes = nlohmann::json::array();
                for (RowId c : t.code_ids) codes.push_back(d.code_label(c, false));
                out.push_back({{"id", s.theme_id},
                               {"path", s.theme_path},
                               {"depth", s.depth},
                               {"status", to_string(s.status)},
                               {"discard_reason", t.discard_reason},
                               {"definition", t.definition},
                               {"codes", codes},
                               {"extracts", s.extracts},
                               {"participants", s.participants.size()},
                               {"documents", s.documents.size()},
                               {"groups", s.group_labels},
                               {"coders", coders},
                               {"warnings", s.warnings}});
            }
            std::cout << out.dump(2) << "\n";
            return;
        }
        Table t({"id", "theme", "status", "extracts", "participants", "documents", "groups", "coders", "warnings"});
        for (const auto& s : support) {
            const Theme& th = d.theme(s.theme_id);
            std::string coders, warnings;
            for (const auto& c : s.coders) coders += (coders.empty() ? "" : ", ") + c.coder_name + " " + std::to_string(c.codings);
            for (const auto& w : s.warnings) warnings += (warnings.empty() ? "" : "; ") + w;
            std::string status = to_string(s.status);
            if (s.status == ThemeStatus::discarded) status += " (" + th.discard_reason + ")";
            t.add({std::to_string(s.theme_id), std::string(static_cast<std::size_t>(s.depth) * 2, ' ') + th.name, status,
                   std::to_string(s.extracts), std::to_string(s.participants.size()), std::to_string(s.documents.size()),
                   std::to_string(s.groups.size()), coders, warnings});
        }
        t.print(std::cout, false);
    });
});

}  // namespace
}  // namespace tessera::cli
