// `tessera search PROJECT QUERY [--role R] [--document NAME] [--case NAME] [--limit N] [--json]`, and
// `tessera language PROJECT [NAME]`: the language search stems in.
#include "commands/project_commands.hpp"
#include "search/hit_details.hpp"
#include "search/search_index.hpp"
#include "ui/cli/cli_common.hpp"
#include "ui/cli/cli_registry.hpp"
#include "util/error.hpp"

#include <algorithm>
#include <iostream>

namespace tessera::cli {
namespace {

struct SearchArgs {
    std::string project;
    std::vector<std::string> query;  // the words, joined with spaces: quoting the whole query is optional
    std::string role;
    std::string document;
    std::string kase;
    std::size_t limit = 50;
    bool json = false;
};

void run_search(const SearchArgs& a) {
    Project p = open_project(a.project);
    search::SearchFilter filter;
    if (!a.role.empty()) {
        filter.role = speaker_role_from_string(a.role);
        if (!filter.role)
            throw InvalidArgument("unknown speaker role '" + a.role + "' (expected one of: " + speaker_role_names() + ")");
    }
    if (!a.document.empty()) {
        auto d = p.find_document(a.document);
        if (!d) throw InvalidArgument("no document named '" + a.document + "' (see `tessera documents`)");
        filter.document_id = d->id;
    }
    if (!a.kase.empty()) {
        auto c = p.find_case(a.kase);
        if (!c) throw InvalidArgument("no case named '" + a.kase + "' (see `tessera cases`)");
        filter.case_id = c->id;
    }
    std::string query;
    for (const auto& w : a.query) query += (query.empty() ? "" : " ") + w;

    search::SearchIndex index(p.path());
    search::SearchResult r = index.search(p, query, filter, a.limit);

    search::HitDetails details(p);

    if (a.json) {
        nlohmann::json hits = nlohmann::json::array();
        for (const auto& h : r.hits) {
            const Document& d = details.document(h);
            nlohmann::json matches = nlohmann::json::array();
            for (const auto& m : h.matches) matches.push_back({m.start, m.end});
            nlohmann::json j = {{"document", d.name},       {"document_id", d.id},   {"turn", h.ordinal},
                                {"start", h.turn.start},    {"end", h.turn.end},     {"matches", matches},
                                {"weight", h.weight},       {"text", search::snippet(d.text, h, 1 << 30, "", "")}};
            if (const Speaker* s = details.speaker(h)) {
                j["speaker"] = s->label;
                j["role"] = to_string(s->role);
                if (s->case_id) j["case"] = details.case_name(h);
            }
            hits.push_back(j);
        }
        std::cout << nlohmann::json{{"query", query}, {"estimated", r.estimated}, {"hits", hits}}.dump(2) << "\n";
        return;
    }
    std::cout << r.hits.size() << " turn(s) match \"" << query << "\"";
    if (r.estimated > r.hits.size()) std::cout << " (about " << r.estimated << " in all; --limit shows more)";
    std::cout << "\n";
    for (const auto& h : r.hits) {
        const Document& d = details.document(h);
        std::cout << "\n" << d.name << " · turn " << h.ordinal + 1;
        if (const Speaker* s = details.speaker(h)) {
            std::cout << " · " << details.speaker_label(h);
            if (s->role != SpeakerRole::participant) std::cout << " [" << to_string(s->role) << "]";
        }
        std::cout << "  [" << h.turn.start << "–" << h.turn.end << ")\n    " << search::snippet(d.text, h, 160) << "\n";
    }
}

struct LanguageArgs {
    std::string project;
    std::string language;
};

const Registrar kLanguage(26, [](CLI::App& app) {
    auto a = std::make_shared<LanguageArgs>();
    auto* cmd = app.add_subcommand("language", "Show or set the transcripts' language, for search stemming (english by default)");
    cmd->add_option("PROJECT", a->project, "Project file")->required();
    cmd->add_option("LANGUAGE", a->language, "A language search knows (leave out to list them)");
    cmd->callback([a] {
        Project p = open_project(a->project);
        if (a->language.empty()) {
            std::cout << "search language: " << search::search_language(p) << "\navailable:";
            for (const auto& l : search::search_languages()) std::cout << " " << l;
            std::cout << "\n";
            return;
        }
        const auto known = search::search_languages();
        if (std::find(known.begin(), known.end(), a->language) == known.end())
            throw InvalidArgument("'" + a->language + "' is not a language search knows (run `tessera language " +
                                  a->project + "` for the list)");
        CommandStack stack;
        stack.execute(p, std::make_unique<SetProjectSetting>(search::kLanguageSetting, a->language));
        std::cout << "search language: " << a->language << " (the index is rebuilt on the next search)\n";
    });
});

const Registrar kSearch(25, [](CLI::App& app) {
    auto a = std::make_shared<SearchArgs>();
    auto* cmd = app.add_subcommand(
        "search", "Search the transcripts' turns: words (stemmed), \"phrases\", OR, NOT, -word, prefix*");
    cmd->add_option("PROJECT", a->project, "Project file")->required();
    cmd->add_option("QUERY", a->query, "What to find; every word must occur unless joined by OR")->required();
    cmd->add_option("--role", a->role, "Only turns of participant, facilitator, interviewer or other speakers");
    cmd->add_option("--document", a->document, "Only this document (by name)");
    cmd->add_option("--case", a->kase, "Only this case's (participant's) turns");
    cmd->add_option("--limit", a->limit, "Most turns to list (default 50)");
    cmd->add_flag("--json", a->json, "Print JSON: each turn with its document, speaker, case, span and matches");
    cmd->callback([a] { run_search(*a); });
});

}  // namespace
}  // namespace tessera::cli
