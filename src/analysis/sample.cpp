// Implementation of sample.hpp.
#include "analysis/sample.hpp"

#include "analysis/attribute_values.hpp"
#include "util/error.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <string_view>

namespace tessera::analysis {
namespace {

double parse_number(const Case& c, const Attribute& a) {
    double v = 0;
    const char* b = a.value.data();
    const char* e = b + a.value.size();
    auto [ptr, ec] = std::from_chars(b, e, v);
    if (ec != std::errc() || ptr != e)
        throw InvalidArgument("case '" + c.name + "': attribute '" + a.name + "' = '" + a.value + "' is not a number");
    return v;
}

}  // namespace

SampleCharacteristics sample_characteristics(const AnalysisData& d, const SampleOptions& o) {
    std::set<RowId> speaking;
    if (o.participants_only) {
        for (const auto& s : d.speakers())
            if (s.case_id) speaking.insert(*s.case_id);
    }
    std::vector<const Case*> sample;
    for (const auto& c : d.cases()) {
        if (o.participants_only && !speaking.count(c.id)) continue;
        bool ok = std::all_of(o.where.begin(), o.where.end(),
                              [&](const AttributeFilter& f) { return f.matches(c); });
        if (ok) sample.push_back(&c);
    }
    SampleCharacteristics out;
    out.n = static_cast<std::int64_t>(sample.size());

    // Attribute names and types in first-seen order.
    std::vector<std::pair<std::string, AttributeType>> attrs;
    for (const Case* c : sample)
        for (const auto& a : c->attributes)
            if (std::none_of(attrs.begin(), attrs.end(), [&](const auto& p) { return p.first == a.name; }))
                attrs.emplace_back(a.name, a.type);

    for (const auto& [name, type] : attrs) {
        if (type == AttributeType::number) {
            std::vector<double> v;
            for (const Case* c : sample)
                for (const auto& a : c->attributes)
                    if (a.name == name && !a.value.empty()) v.push_back(parse_number(*c, a));
            NumberSummary s;
            s.attribute = name;
            s.n = static_cast<std::int64_t>(v.size());
            s.missing = out.n - s.n;
            if (!v.empty()) {
                double sum = 0;
                for (double x : v) sum += x;
                s.mean = sum / static_cast<double>(v.size());
                double ss = 0;
                for (double x : v) ss += (x - s.mean) * (x - s.mean);
                s.sd = v.size() > 1 ? std::sqrt(ss / static_cast<double>(v.size() - 1)) : 0.0;
                auto [mn, mx] = std::minmax_element(v.begin(), v.end());
                s.min = *mn, s.max = *mx;
            }
            out.numbers.push_back(s);
        } else if (type == AttributeType::category) {
            std::map<std::string, std::int64_t> n;
            std::int64_t missing = 0;
            CategorySummary s;
            s.attribute = name;
            for (const Case* c : sample)
                if (c->attribute(name).find(';') != std::string::npos) s.multiple = true;
            for (const Case* c : sample) {
                const std::string& v = c->attribute(name);
                std::vector<std::string> values = s.multiple ? listed_values(v) : std::vector<std::string>{v};
                if (values.empty() || v.empty()) ++missing;
                else
                    for (const auto& one : values) ++n[one];
            }
            for (const auto& [value, count] : n) s.counts.push_back({value, count, 0});
            std::stable_sort(s.counts.begin(), s.counts.end(),
                             [](const CategoryCount& a, const CategoryCount& b) { return a.n > b.n; });
            if (missing) s.counts.push_back({"(not recorded)", missing, 0});
            for (auto& c : s.counts) c.percent = out.n ? 100.0 * static_cast<double>(c.n) / static_cast<double>(out.n) : 0;
            out.categories.push_back(s);
        }
    }
    return out;
}

}  // namespace tessera::analysis
