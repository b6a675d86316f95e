// Implementation of attribute_values.hpp.
#include "analysis/attribute_values.hpp"

#include <algorithm>
#include <string_view>

namespace tessera::analysis {

std::vector<std::string> listed_values(const std::string& v) {
    std::vector<std::string> out;
    for (std::size_t start = 0;;) {
        const std::size_t end = std::min(v.find(';', start), v.size());
        std::string_view one(v.data() + start, end - start);
        while (!one.empty() && (one.front() == ' ' || one.front() == '\t')) one.remove_prefix(1);
        while (!one.empty() && (one.back() == ' ' || one.back() == '\t')) one.remove_suffix(1);
        if (!one.empty() && std::find(out.begin(), out.end(), one) == out.end()) out.emplace_back(one);
        if (end == v.size()) return out;
        start = end + 1;
    }
}

bool lists_value(const std::string& value, const std::string& wanted) {
    if (value == wanted) return true;
    if (value.find(';') == std::string::npos) return false;
    const auto all = listed_values(value);
    return std::find(all.begin(), all.end(), wanted) != all.end();
}

}  // namespace tessera::analysis
