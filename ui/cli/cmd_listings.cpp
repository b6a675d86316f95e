// Listings: `tessera documents|cases|coders|codes|codings PROJECT [--json]`.
#include "text/text.hpp"
#include "ui/cli/cli_common.hpp"
#include "ui/cli/cli_registry.hpp"

#include <iostream>
#include <map>

namespace tessera::cli {
namespace {

struct ListArgs {
    std::string path;
    bool json = false;
    std::string coder;
};

CLI::App* listing(CLI::App& app, const char* name, const char* help, std::shared_ptr<ListArgs> a) {
    auto* cmd = app.add_subcommand(name, help);
    cmd->add_option("PROJECT", a->path, "Project file")->required();
    cmd->add_flag("--json", a->json, "Print JSON");
    return cmd;
}

std::string owner_name(const Project& p, OptId owner) { return owner ? p.coder(*owner).name : "(team)"; }

const Registrar kDocuments(20, [](CLI::App& app) {
    auto a = std::make_shared<ListArgs>();
    listing(app, "documents", "List documents with their words, turns and speakers", a)->callback([a] {
        Project p = open_project(a->path);
        Table t({"id", "name", "words", "turns", "speakers", "origin"});
        for (const auto& d : p.documents())
            t.add({std::to_string(d.id), d.name, std::to_string(d.word_count), std::to_string(p.turns(d.id).size()),
                   std::to_string(p.speakers(d.id).size()), d.origin});
        t.print(std::cout, a->json);
    });
});

const Registrar kCases(21, [](CLI::App& app) {
    auto a = std::make_shared<ListArgs>();
    listing(app, "cases", "List cases (participants) with their attributes", a)->callback([a] {
        Project p = open_project(a->path);
        Table t({"id", "name", "attributes"});
        for (const auto& c : p.cases()) {
            std::string attrs;
            for (const auto& at : c.attributes) attrs += (attrs.empty() ? "" : "; ") + at.name + "=" + at.value;
            t.add({std::to_string(c.id), c.name, attrs});
        }
        t.print(std::cout, a->json);
    });
});

const Registrar kCoders(22, [](CLI::App& app) {
    auto a = std::make_shared<ListArgs>();
    listing(app, "coders", "List coders with their codes and codings", a)->callback([a] {
        Project p = open_project(a->path);
        std::map<RowId, int> codes, codings;
        for (const auto& c : p.codes())
            if (c.owner_coder_id) ++codes[*c.owner_coder_id];
        for (const auto& c : p.codings()) ++codings[c.coder_id];
        Table t({"id", "name", "codes", "codings"});
        for (const auto& c : p.coders())
            t.add({std::to_string(c.id), c.name, std::to_string(codes[c.id]), std::to_string(codings[c.id])});
        t.print(std::cout, a->json);
    });
});

const Registrar kCodes(23, [](CLI::App& app) {
    auto a = std::make_shared<ListArgs>();
    auto* cmd = listing(app, "codes", "List codes (each coder's codebook and the team's) with coding counts", a);
    cmd->add_option("--coder", a->coder, "Only this coder's codebook ('team' for the consensus codebook)");
    cmd->callback([a] {
        Project p = open_project(a->path);
        OptId only;
        bool team_only = a->coder == "team";
        if (!a->coder.empty() && !team_only) only = require_coder(p, a->coder).id;
        std::map<RowId, int> n;
        for (const auto& c : p.codings()) ++n[c.code_id];
        Table t({"id", "path", "owner", "color", "codings", "definition"});
        for (const auto& c : p.codes()) {
            if (only && c.owner_coder_id != only) continue;
            if (team_only && c.owner_coder_id) continue;
            t.add({std::to_string(c.id), p.code_path(c.id), owner_name(p, c.owner_coder_id), hex_color(c.color),
                   std::to_string(n[c.id]), c.definition});
        }
        t.print(std::cout, a->json);
    });
});

const Registrar kCodings(24, [](CLI::App& app) {
    auto a = std::make_shared<ListArgs>();
    auto* cmd = listing(app, "codings", "List codings with their coded text", a);
    cmd->add_option("--coder", a->coder, "Only this coder's codings");
    cmd->callback([a] {
        Project p = open_project(a->path);
        CodingFilter f;
        if (!a->coder.empty()) f.coder_id = require_coder(p, a->coder).id;
        std::map<RowId, Document> docs;
        std::map<RowId, text::OffsetIndex> index;
        std::map<RowId, std::string> coder_names, code_paths;
        for (const auto& c : p.coders()) coder_names[c.id] = c.name;
        Table t({"id", "document", "coder", "code", "start", "end", "text"});
        for (const auto& c : p.codings(f)) {
            if (!docs.count(c.document_id)) {
                docs[c.document_id] = p.document(c.document_id);
                index.emplace(c.document_id, text::OffsetIndex(docs[c.document_id].text));
            }
            if (!code_paths.count(c.code_id)) code_paths[c.code_id] = p.code_path(c.code_id);
            t.add({std::to_string(c.id), docs[c.document_id].name, coder_names[c.coder_id], code_paths[c.code_id],
                   std::to_string(c.span.start), std::to_string(c.span.end),
                   std::string(index.at(c.document_id).slice(c.span))});
        }
        t.print(std::cout, a->json);
    });
});

}  // namespace
}  // namespace tessera::cli
