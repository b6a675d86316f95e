// `tessera align` (propose / confirm an alignment of two inductive codebooks) and
// `tessera resolve` (list disagreements; resolve one into a consensus coding).
#include "agreement/alignment.hpp"
#include "agreement/project_input.hpp"
#include "agreement/report.hpp"
#include "commands/consensus_commands.hpp"
#include "ui/cli/cli_common.hpp"
#include "ui/cli/cli_registry.hpp"
#include "util/error.hpp"

#include <iostream>
#include <map>
#include <set>

namespace tessera::cli {
namespace {

using namespace tessera::agreement;

struct AlignArgs {
    std::string project;
    std::string coders;
    std::vector<std::string> pairs;
    bool confirm = false;
    bool keep_unpartnered = false;
    bool json = false;
};

std::pair<Coder, Coder> two_coders(const Project& p, const std::string& s) {
    auto comma = s.find(',');
    if (comma == std::string::npos || s.find(',', comma + 1) != std::string::npos)
        throw InvalidArgument("--coders needs exactly two names, e.g. --coders Amara,Ben");
    return {require_coder(p, s.substr(0, comma)), require_coder(p, s.substr(comma + 1))};
}

RowId code_in(const Project& p, const std::string& path, const Coder& c) {
    auto k = p.find_code(path, c.id);
    if (!k) throw InvalidArgument("no code '" + path + "' in " + c.name + "'s codebook");
    return k->id;
}

void align(const AlignArgs& a) {
    Project p = open_project(a.project);
    auto [ca, cb] = two_coders(p, a.coders);
    std::vector<Code> codes_a, codes_b;
    for (const auto& c : p.codes()) {
        if (c.owner_coder_id == ca.id) codes_a.push_back(c);
        if (c.owner_coder_id == cb.id) codes_b.push_back(c);
    }
    Alignment proposal = align_codebooks(codes_a, codes_b, p.codings(), ca.id, cb.id);

    // --pair "A path=B path[=Team name]" overrides the proposal for the codes it names.
    std::vector<AlignmentChoice> choices;
    std::set<RowId> taken_a, taken_b;
    for (const auto& spec : a.pairs) {
        auto eq = spec.find('=');
        if (eq == std::string::npos) throw InvalidArgument("--pair '" + spec + "' must be 'A path=B path[=team name]'");
        auto eq2 = spec.find('=', eq + 1);
        std::string pa = spec.substr(0, eq), pb = spec.substr(eq + 1, eq2 == std::string::npos ? std::string::npos : eq2 - eq - 1);
        AlignmentChoice ch;
        if (!pa.empty()) ch.code_a = code_in(p, pa, ca);
        if (!pb.empty()) ch.code_b = code_in(p, pb, cb);
        if (eq2 != std::string::npos) ch.team_name = spec.substr(eq2 + 1);
        if (ch.code_a) taken_a.insert(*ch.code_a);
        if (ch.code_b) taken_b.insert(*ch.code_b);
        choices.push_back(ch);
    }
    for (const auto& pr : proposal.pairs)
        if (!taken_a.count(pr.code_a) && !taken_b.count(pr.code_b)) {
            choices.push_back({pr.code_a, pr.code_b, ""});
            taken_a.insert(pr.code_a);
            taken_b.insert(pr.code_b);
        }
    std::vector<RowId> left_a, left_b;
    for (const auto& c : codes_a)
        if (!taken_a.count(c.id)) left_a.push_back(c.id);
    for (const auto& c : codes_b)
        if (!taken_b.count(c.id)) left_b.push_back(c.id);

    std::map<std::pair<RowId, RowId>, const AlignedPair*> scored;
    for (const auto& c : proposal.candidates) scored[{c.code_a, c.code_b}] = &c;
    Table t({ca.name, cb.name, "score", "why"});
    for (const auto& ch : choices) {
        auto it = ch.code_a && ch.code_b ? scored.find({*ch.code_a, *ch.code_b}) : scored.end();
        t.add({ch.code_a ? p.code_path(*ch.code_a) : "", ch.code_b ? p.code_path(*ch.code_b) : "",
               it != scored.end() ? fixed(it->second->score, 2) : "(chosen)",
               it != scored.end() ? it->second->explanation : "set with --pair"});
    }
    if (a.json) {
        nlohmann::json j = {{"pairs", t.to_json()}, {"unpartnered_a", nlohmann::json::array()}, {"unpartnered_b", nlohmann::json::array()}};
        for (RowId id : left_a) j["unpartnered_a"].push_back(p.code_path(id));
        for (RowId id : left_b) j["unpartnered_b"].push_back(p.code_path(id));
        std::cout << j.dump(2) << "\n";
    } else {
        t.print(std::cout, false);
        if (!left_a.empty() || !left_b.empty()) {
            std::cout << "\nWithout a partner:\n";
            for (RowId id : left_a) std::cout << "  " << ca.name << ": " << p.code_path(id) << "\n";
            for (RowId id : left_b) std::cout << "  " << cb.name << ": " << p.code_path(id) << "\n";
        }
    }
    if (!a.confirm) {
        if (!a.json) std::cout << "\n(proposal only: add --confirm to store it and build the team codebook)\n";
        return;
    }
    if (a.keep_unpartnered) {
        for (RowId id : left_a) choices.push_back({id, std::nullopt, ""});
        for (RowId id : left_b) choices.push_back({std::nullopt, id, ""});
    }
    CommandStack stack;
    auto cmd = std::make_unique<ConfirmAlignment>(choices);
    auto* raw = cmd.get();
    stack.execute(p, std::move(cmd));
    if (!a.json) std::cout << "\nconfirmed " << choices.size() << " alignment row(s); team codebook now has "
                           << raw->team_codes().size() << " new code(s)\n";
}

struct ResolveArgs {
    std::string project;
    std::string coders;
    std::string unit = "char";
    int index = 0;
    std::string decision;
    std::string note;
    std::string as;
};

void resolve(const ResolveArgs& a) {
    Project p = open_project(a.project);
    auto [ca, cb] = two_coders(p, a.coders);
    ProjectInput in = project_input(p, ca.id, cb.id);
    if (in.source != PairSource::alignment)
        throw InvalidArgument("resolving needs a confirmed alignment with team codes: run 'tessera align --confirm' first");
    ReportOptions opt;
    opt.unit = unit_from_string(a.unit, &opt.min_overlap);
    AgreementReport r = build_report(in.input, opt);
    std::map<std::pair<RowId, RowId>, RowId> team;
    for (const auto& al : p.alignments())
        if (al.confirmed && al.code_a && al.code_b && al.team_code) team[{*al.code_a, *al.code_b}] = *al.team_code;
    std::map<RowId, std::string> docs;
    for (const auto& d : in.input.documents) docs[d.id] = d.name;

    if (a.index == 0) {
        Table t({"#", "document", "span", "only", "code"});
        for (std::size_t i = 0; i < r.disagreements.size(); ++i) {
            const auto& d = r.disagreements[i];
            bool only_a = d.who == Disagreement::Who::only_a;
            t.add({std::to_string(i + 1), docs[d.document_id],
                   "[" + std::to_string(d.span.start) + ", " + std::to_string(d.span.end) + ")", only_a ? ca.name : cb.name,
                   p.code_path(only_a ? d.code_a : d.code_b)});
        }
        t.print(std::cout, false);
        std::cout << "\nresolve one with: tessera resolve PROJECT --coders " << a.coders
                  << " N --decision accept_a|accept_b|accept_both|reject [--note TEXT]\n";
        return;
    }
    if (a.index < 1 || static_cast<std::size_t>(a.index) > r.disagreements.size())
        throw InvalidArgument("there is no disagreement " + std::to_string(a.index) + " (there are " +
                              std::to_string(r.disagreements.size()) + ")");
    if (a.decision.empty()) throw InvalidArgument("give --decision accept_a, accept_b, accept_both or reject");
    const auto& d = r.disagreements[static_cast<std::size_t>(a.index - 1)];
    ResolveDisagreement::Input ri;
    ri.document_id = d.document_id;
    DisagreementSides sides = sides_of(in.input, d);
    ri.span_a = sides.a;
    ri.span_b = sides.b;
    ri.team_code = team.at({d.code_a, d.code_b});
    ri.decision = decision_from_string(a.decision);
    ri.note = a.note;
    if (!a.as.empty()) ri.decided_by = require_coder(p, a.as).id;
    CommandStack stack;
    stack.execute(p, std::make_unique<ResolveDisagreement>(ri), ri.decided_by);
    std::cout << "resolved disagreement " << a.index << ": " << a.decision << "\n";
}

const Registrar kAlign(51, [](CLI::App& app) {
    auto a = std::make_shared<AlignArgs>();
    auto* cmd = app.add_subcommand("align", "Propose (or confirm) which of coder A's codes matches which of B's");
    cmd->add_option("PROJECT", a->project, "Project file")->required();
    cmd->add_option("--coders", a->coders, "The two coders, e.g. Amara,Ben")->required();
    cmd->add_option("--pair", a->pairs, "Set a pair yourself: 'A path=B path[=team name]' (repeatable)");
    cmd->add_flag("--confirm", a->confirm, "Store the alignment and build the team codebook from it");
    cmd->add_flag("--keep-unpartnered", a->keep_unpartnered, "With --confirm: unpartnered codes join the team codebook too");
    cmd->add_flag("--json", a->json, "Print JSON");
    cmd->callback([a] { align(*a); });
});

const Registrar kResolve(52, [](CLI::App& app) {
    auto a = std::make_shared<ResolveArgs>();
    auto* cmd = app.add_subcommand("resolve", "List disagreements, or resolve one into a consensus coding");
    cmd->add_option("PROJECT", a->project, "Project file")->required();
    cmd->add_option("N", a->index, "Number of the disagreement to resolve (omit to list them)");
    cmd->add_option("--coders", a->coders, "The two coders, e.g. Amara,Ben")->required();
    cmd->add_option("--unit", a->unit, "char | segment[:PCT] (default char)");
    cmd->add_option("--decision", a->decision, "accept_a | accept_b | accept_both | reject");
    cmd->add_option("--note", a->note, "Why (kept with the decision)");
    cmd->add_option("--as", a->as, "Who is deciding (a coder's name)");
    cmd->callback([a] { resolve(*a); });
});

}  // namespace
}  // namespace tessera::cli
