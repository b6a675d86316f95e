// Implementation of saturation.hpp.
#include "analysis/saturation.hpp"

#include <map>
#include <set>

namespace tessera::analysis {

Saturation saturation(const AnalysisData& d, bool merge_same_path) {
    std::map<RowId, std::vector<const Coding*>> by_doc;
    for (const auto& c : d.codings()) by_doc[c.document_id].push_back(&c);
    bool mixed = d.mixed_codebooks() && !merge_same_path;
    Saturation s;
    std::set<std::string> seen;
    for (const auto& doc : d.documents()) {  // collection order
        SaturationPoint p;
        p.document_id = doc.id;
        p.document_name = doc.name;
        p.position = doc.position;
        std::set<std::string> here;
        std::map<std::string, const Coding*> first;  // key -> first coding, for stable labels
        for (const Coding* c : by_doc[doc.id]) {
            ++p.codings;
            std::string key = merge_same_path ? d.code_path(c->code_id) : std::to_string(c->code_id);
            if (here.insert(key).second) first[key] = c;
        }
        p.codes_used = static_cast<std::int64_t>(here.size());
        for (const Coding* c : by_doc[doc.id]) {
            std::string key = merge_same_path ? d.code_path(c->code_id) : std::to_string(c->code_id);
            if (seen.insert(key).second) {
                ++p.new_codes;
                p.new_code_labels.push_back(d.code_label(c->code_id, mixed));
            }
        }
        p.cumulative_codes = static_cast<std::int64_t>(seen.size());
        s.points.push_back(std::move(p));
    }
    s.total_codes = static_cast<std::int64_t>(seen.size());
    return s;
}

}  // namespace tessera::analysis
