// Implementation of project_input.hpp: the one place the agreement engine meets the project file.
#include "agreement/project_input.hpp"

#include "util/error.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace tessera::agreement {

const char* to_string(PairSource s) {
    switch (s) {
        case PairSource::alignment: return "confirmed alignment of the two codebooks";
        case PairSource::shared_codes: return "the same codes applied by both coders";
        case PairSource::same_paths: return "codes with the same path in both codebooks";
    }
    return "?";
}

ProjectInput project_input(const Project& p, RowId coder_a, RowId coder_b, const std::vector<std::string>& only_codes) {
    if (coder_a == coder_b) throw InvalidArgument("agreement needs two different coders");
    ProjectInput out;
    ReportInput& in = out.input;
    in.coder_a = coder_a;
    in.coder_b = coder_b;
    for (const auto& d : p.documents()) in.documents.push_back({d.id, d.length, d.name});
    in.turns = p.all_turns();
    for (auto& c : p.codings())
        if (c.coder_id == coder_a || c.coder_id == coder_b) in.codings.push_back(std::move(c));

    std::map<RowId, Code> codes;
    for (auto& c : p.codes()) codes.emplace(c.id, c);
    auto path = [&](RowId id) { return p.code_path(id); };
    std::set<RowId> used_a, used_b;
    for (const auto& c : in.codings) (c.coder_id == coder_a ? used_a : used_b).insert(c.code_id);

    // 1. A confirmed alignment between the two coders' codebooks.
    for (const auto& al : p.alignments()) {
        if (!al.confirmed || !al.code_a || !al.code_b) continue;
        RowId a = *al.code_a, b = *al.code_b;
        if (codes.at(a).owner_coder_id == coder_b && codes.at(b).owner_coder_id == coder_a) std::swap(a, b);
        if (codes.at(a).owner_coder_id != coder_a || codes.at(b).owner_coder_id != coder_b) continue;
        std::string label = path(a) + " ~ " + path(b);
        if (al.team_code) label = path(*al.team_code) + " (" + path(a) + " ~ " + path(b) + ")";
        in.codes.push_back({a, b, label});
    }
    if (!in.codes.empty()) {
        out.source = PairSource::alignment;
    } else {
        // 2. Codes both coders applied (a shared or team codebook).
        for (RowId id : used_a)
            if (used_b.count(id)) in.codes.push_back({id, id, path(id)});
        out.source = PairSource::shared_codes;
        if (in.codes.empty()) {
            // 3. Equal paths in the two coders' own codebooks.
            std::map<std::string, RowId> b_paths;
            for (const auto& [id, c] : codes)
                if (c.owner_coder_id == coder_b) b_paths[path(id)] = id;
            for (const auto& [id, c] : codes) {
                if (c.owner_coder_id != coder_a) continue;
                auto it = b_paths.find(path(id));
                if (it != b_paths.end()) in.codes.push_back({id, it->second, it->first});
            }
            out.source = PairSource::same_paths;
        }
    }
    if (!only_codes.empty()) {
        std::vector<CodePair> kept;
        for (const auto& want : only_codes) {
            bool found = false;
            for (const auto& cp : in.codes) {
                if (cp.label == want || path(cp.code_a) == want || path(cp.code_b) == want ||
                    cp.label.rfind(want + " (", 0) == 0) {
                    if (std::none_of(kept.begin(), kept.end(), [&](const CodePair& k) { return k.code_a == cp.code_a; }))
                        kept.push_back(cp);
                    found = true;
                }
            }
            if (!found) throw InvalidArgument("--codes: '" + want + "' matches no compared code pair");
        }
        in.codes = std::move(kept);
    }
    std::set<RowId> paired_a, paired_b;
    for (const auto& cp : in.codes) {
        paired_a.insert(cp.code_a);
        paired_b.insert(cp.code_b);
    }
    for (RowId id : used_a)
        if (!paired_a.count(id)) out.unpaired_a.push_back(id);
    for (RowId id : used_b)
        if (!paired_b.count(id)) out.unpaired_b.push_back(id);
    return out;
}

DisagreementSides sides_of(const ReportInput& input, const Disagreement& d) {
    DisagreementSides out;
    auto grow = [](std::optional<Span>& acc, const Span& s) {
        acc = acc ? Span{std::min(acc->start, s.start), std::max(acc->end, s.end)} : s;
    };
    for (const auto& c : input.codings) {
        if (c.document_id != d.document_id || c.span.end <= d.span.start || d.span.end <= c.span.start) continue;
        if (c.coder_id == input.coder_a && c.code_id == d.code_a) grow(out.a, c.span);
        if (c.coder_id == input.coder_b && c.code_id == d.code_b) grow(out.b, c.span);
    }
    return out;
}

}  // namespace tessera::agreement
