// Implementation of crosstab.hpp.
#include "analysis/crosstab.hpp"

#include "analysis/matrix.hpp"
#include "util/error.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace tessera::analysis {

CrossTab code_attribute_crosstab(const AnalysisData& d, const std::string& attribute) {
    constexpr const char* kMissing = "(not recorded)";
    bool known = false;
    for (const auto& c : d.cases())
        for (const auto& a : c.attributes) known = known || a.name == attribute;
    if (!known) throw InvalidArgument("cross-tab: no case has an attribute named '" + attribute + "'");

    CrossTab t;
    t.attribute = attribute;
    std::set<RowId> speaking;
    for (const auto& s : d.speakers())
        if (s.case_id) speaking.insert(*s.case_id);
    auto value_of = [&](RowId case_id) {
        const std::string& v = d.case_(case_id).attribute(attribute);
        return v.empty() ? std::string(kMissing) : v;
    };
    std::map<std::string, std::int64_t> sizes;
    for (RowId c : speaking) ++sizes[value_of(c)];
    for (const auto& [v, n] : sizes)
        if (v != kMissing) t.values.push_back(v);
    std::sort(t.values.begin(), t.values.end(), natural_less);
    if (sizes.count(kMissing)) t.values.push_back(kMissing);
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < t.values.size(); ++i) {
        col[t.values[i]] = i;
        t.cases_per_value.push_back(sizes[t.values[i]]);
    }

    std::set<RowId> used;
    for (const auto& c : d.codings()) used.insert(c.code_id);
    bool mixed = d.mixed_codebooks();
    std::map<RowId, std::size_t> row;
    for (const auto& code : d.codes())
        if (used.count(code.id)) {
            row[code.id] = t.code_ids.size();
            t.code_ids.push_back(code.id);
            t.code_labels.push_back(d.code_label(code.id, mixed));
        }
    t.cases.assign(t.code_ids.size(), std::vector<std::int64_t>(t.values.size(), 0));
    t.codings = t.cases;
    std::vector<std::set<RowId>> seen(t.code_ids.size() * t.values.size());
    for (const auto& c : d.codings()) {
        std::size_t r = row.at(c.code_id);
        for (const auto& cc : d.cases_of(c)) {
            auto it = col.find(value_of(cc.case_id));
            if (it == col.end()) continue;
            ++t.codings[r][it->second];
            if (seen[r * t.values.size() + it->second].insert(cc.case_id).second) ++t.cases[r][it->second];
        }
    }
    return t;
}

}  // namespace tessera::analysis
