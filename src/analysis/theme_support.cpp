// Implementation of theme_support.hpp.
#include "analysis/theme_support.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

namespace tessera::analysis {
namespace {

std::string theme_path_of(const AnalysisData& d, RowId id) {
    const Theme* t = &d.theme(id);
    std::string path = t->name;
    for (int depth = 0; t->parent_id && depth < 64; ++depth) {
        t = &d.theme(*t->parent_id);
        path = t->name + "/" + path;
    }
    return path;
}

void walk(const AnalysisData& d, OptId parent, int depth, bool include_discarded,
          std::vector<std::pair<RowId, int>>& out) {
    for (RowId id : d.child_themes(parent)) {
        if (!include_discarded && d.theme(id).status == ThemeStatus::discarded) continue;
        out.emplace_back(id, depth);
        walk(d, id, depth + 1, include_discarded, out);
    }
}

// Group keys in document collection order (document groups first, then attribute groups by name).
std::vector<std::string> ordered_groups(const AnalysisData& d, const std::set<std::string>& keys) {
    std::vector<std::string> out;
    for (const auto& doc : d.documents()) {
        std::string k = "d:" + std::to_string(doc.id);
        if (keys.count(k)) out.push_back(k);
    }
    for (const auto& k : keys)
        if (k.rfind("d:", 0) != 0) out.push_back(k);
    return out;
}

}  // namespace

std::vector<std::pair<RowId, int>> theme_tree(const AnalysisData& d, bool include_discarded) {
    std::vector<std::pair<RowId, int>> out;
    walk(d, std::nullopt, 0, include_discarded, out);
    return out;
}

ThemeSupport theme_support(const AnalysisData& d, RowId theme_id, const SupportThresholds& th,
                           const GroupingRule& rule) {
    const Theme& theme = d.theme(theme_id);
    ThemeSupport s;
    s.theme_id = theme_id;
    s.theme_path = theme_path_of(d, theme_id);
    s.status = theme.status;
    for (OptId p = theme.parent_id; p && s.depth < 64; p = d.theme(*p).parent_id) ++s.depth;
    s.code_ids = d.theme_codes(theme_id, true);
    std::unordered_set<RowId> codes(s.code_ids.begin(), s.code_ids.end());
    std::set<RowId> people, docs;
    std::set<std::string> groups;
    std::map<RowId, std::int64_t> by_coder;
    for (const auto& c : d.codings()) {
        if (!codes.count(c.code_id)) continue;
        ++s.extracts;
        docs.insert(c.document_id);
        ++by_coder[c.coder_id];
        for (const auto& cc : d.cases_of(c)) people.insert(cc.case_id);
        for (auto& g : d.groups_of(c, rule)) groups.insert(std::move(g));
    }
    s.participants.assign(people.begin(), people.end());
    for (const auto& doc : d.documents())
        if (docs.count(doc.id)) s.documents.push_back(doc.id);
    s.groups = ordered_groups(d, groups);
    for (const auto& g : s.groups) s.group_labels.push_back(d.group_label(g));
    for (const auto& [coder, n] : by_coder) s.coders.push_back({coder, d.coder(coder).name, n});

    auto check = [&](std::int64_t have, std::int64_t need, const char* what) {
        if (need > 0 && have < need)
            s.warnings.push_back("supported by " + std::to_string(have) + " " + what + " (threshold " +
                                 std::to_string(need) + ")");
    };
    check(s.extracts, th.min_extracts, "extract(s)");
    check(static_cast<std::int64_t>(s.participants.size()), th.min_participants, "participant(s)");
    check(static_cast<std::int64_t>(s.groups.size()), th.min_groups, "group(s)");
    check(static_cast<std::int64_t>(s.coders.size()), th.min_coders, "coder(s)");
    return s;
}

std::vector<ThemeSupport> all_theme_support(const AnalysisData& d, const SupportThresholds& t,
                                            const GroupingRule& rule, bool include_discarded) {
    std::vector<ThemeSupport> out;
    for (auto [id, depth] : theme_tree(d, include_discarded)) out.push_back(theme_support(d, id, t, rule));
    return out;
}

ThemeCoverage theme_coverage(const AnalysisData& d, const GroupingRule& rule, bool include_discarded) {
    ThemeCoverage cov;
    // Precompute each coding's groups and cases once; themes then only filter by code.
    struct Hit {
        std::vector<std::string> groups;
        std::vector<CodingCase> cases;
    };
    std::unordered_map<RowId, Hit> hits;
    std::set<std::string> keys;
    for (const auto& doc : d.documents()) {
        if (rule.case_attribute.empty()) keys.insert("d:" + std::to_string(doc.id));
    }
    for (const auto& c : d.codings()) {
        Hit h{d.groups_of(c, rule), d.cases_of(c)};
        for (const auto& g : h.groups) keys.insert(g);
        hits.emplace(c.id, std::move(h));
    }
    cov.groups = ordered_groups(d, keys);
    for (const auto& g : cov.groups) cov.group_labels.push_back(d.group_label(g));
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < cov.groups.size(); ++i) col[cov.groups[i]] = i;

    for (auto [id, depth] : theme_tree(d, include_discarded)) {
        cov.theme_ids.push_back(id);
        cov.theme_labels.push_back(std::string(static_cast<std::size_t>(depth) * 2, ' ') + d.theme(id).name);
        auto codes_v = d.theme_codes(id, true);
        std::unordered_set<RowId> codes(codes_v.begin(), codes_v.end());
        std::vector<std::int64_t> ex(cov.groups.size(), 0);
        std::vector<std::set<RowId>> people(cov.groups.size());
        for (const auto& c : d.codings()) {
            if (!codes.count(c.code_id)) continue;
            const Hit& h = hits.at(c.id);
            for (const auto& g : h.groups) {
                std::size_t gi = col.at(g);
                ++ex[gi];
                for (const auto& cc : h.cases) {
                    // Under an attribute rule, a participant counts only in their own group.
                    if (!rule.case_attribute.empty() && "a:" + d.case_(cc.case_id).attribute(rule.case_attribute) != g)
                        continue;
                    people[gi].insert(cc.case_id);
                }
            }
        }
        cov.extracts.push_back(ex);
        std::vector<std::int64_t> np;
        for (const auto& s : people) np.push_back(static_cast<std::int64_t>(s.size()));
        cov.participants.push_back(np);
    }
    return cov;
}

}  // namespace tessera::analysis
