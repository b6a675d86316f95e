// Ratings and contingency tables: canonical category order, missing cells, two-coder cross-tabs.
#include "agreement/ratings.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>

#include "util/error.hpp"

namespace tessera::agreement {

const char* to_string(Level level) {
    switch (level) {
        case Level::nominal:
            return "nominal";
        case Level::ordinal:
            return "ordinal";
        case Level::interval:
            return "interval";
        case Level::ratio:
            return "ratio";
    }
    return "nominal";
}

Level level_from_string(const std::string& s) {
    if (s == "nominal") return Level::nominal;
    if (s == "ordinal") return Level::ordinal;
    if (s == "interval") return Level::interval;
    if (s == "ratio") return Level::ratio;
    throw InvalidArgument("unknown level of measurement '" + s + "' (expected nominal, ordinal, interval or ratio)");
}

namespace {

std::optional<double> parse_number(const std::string& s) {
    if (s.empty()) return std::nullopt;
    double v = 0.0;
    const char* first = s.data();
    const char* last = s.data() + s.size();
    auto [ptr, ec] = std::from_chars(first, last, v);
    if (ec != std::errc() || ptr != last || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::string number_label(double v) {
    // Shortest text that reads back as v, so labels round-trip ("3", "2.5").
    char buf[64];
    auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
    (void)ec;
    return std::string(buf, ptr);
}

}  // namespace

RatingsTable make_table(std::size_t units, std::size_t coders, std::vector<std::string> raw_labels,
                        std::vector<std::int32_t> raw_cells) {
    // raw_cells index into raw_labels (first-seen order); re-index into canonical order (invariant 3).
    RatingsTable t;
    t.m_units = units;
    t.m_coders = coders;
    std::vector<std::optional<double>> nums;
    bool all_numeric = true;
    for (const auto& l : raw_labels) {
        nums.push_back(parse_number(l));
        if (!nums.back()) all_numeric = false;
    }
    std::vector<std::size_t> order(raw_labels.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (all_numeric) {
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return *nums[a] < *nums[b]; });
    } else {
        std::sort(order.begin(), order.end(),
                  [&](std::size_t a, std::size_t b) { return raw_labels[a] < raw_labels[b]; });
    }
    std::vector<std::int32_t> remap(raw_labels.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        // "1" and "1.0" are one category when the labels are numbers (invariant 4).
        if (all_numeric && !t.m_numbers.empty() && t.m_numbers.back() == *nums[order[k]]) {
            remap[order[k]] = static_cast<std::int32_t>(t.m_labels.size() - 1);
            continue;
        }
        remap[order[k]] = static_cast<std::int32_t>(t.m_labels.size());
        t.m_labels.push_back(raw_labels[order[k]]);
        t.m_numbers.push_back(all_numeric ? *nums[order[k]] : std::numeric_limits<double>::quiet_NaN());
    }
    t.m_numeric = all_numeric && !raw_labels.empty();
    t.m_cells = std::move(raw_cells);
    for (auto& c : t.m_cells)
        if (c != RatingsTable::kMissing) c = remap[static_cast<std::size_t>(c)];
    return t;
}

RatingsTable RatingsTable::from_labels(const std::vector<std::vector<std::optional<std::string>>>& rows) {
    const std::size_t coders = rows.empty() ? 0 : rows.front().size();
    if (!rows.empty() && coders == 0) throw InvalidArgument("ratings table: rows have no coders");
    std::map<std::string, std::int32_t> index;
    std::vector<std::string> labels;
    std::vector<std::int32_t> cells;
    cells.reserve(rows.size() * coders);
    for (std::size_t u = 0; u < rows.size(); ++u) {
        if (rows[u].size() != coders)
            throw InvalidArgument("ratings table: unit " + std::to_string(u + 1) + " has " +
                                  std::to_string(rows[u].size()) + " cells, expected " + std::to_string(coders));
        for (const auto& v : rows[u]) {
            if (!v) {
                cells.push_back(kMissing);
                continue;
            }
            auto [it, inserted] = index.emplace(*v, static_cast<std::int32_t>(labels.size()));
            if (inserted) labels.push_back(*v);
            cells.push_back(it->second);
        }
    }
    return make_table(rows.size(), coders, std::move(labels), std::move(cells));
}

RatingsTable RatingsTable::from_numbers(const std::vector<std::vector<std::optional<double>>>& rows) {
    std::vector<std::vector<std::optional<std::string>>> labels;
    labels.reserve(rows.size());
    for (const auto& r : rows) {
        auto& out = labels.emplace_back();
        for (const auto& v : r) {
            if (v && std::isfinite(*v))
                out.emplace_back(number_label(*v));
            else
                out.emplace_back(std::nullopt);
        }
    }
    return from_labels(labels);
}

std::size_t RatingsTable::rated(std::size_t unit) const {
    std::size_t r = 0;
    for (std::size_t c = 0; c < m_coders; ++c) r += cell(unit, c) != kMissing;
    return r;
}

ContingencyTable ContingencyTable::binary(double both, double only_1, double only_2, double neither) {
    ContingencyTable t = zero(2);
    t.at(1, 1) = both;
    t.at(1, 0) = only_1;
    t.at(0, 1) = only_2;
    t.at(0, 0) = neither;
    return t;
}

ContingencyTable ContingencyTable::from_ratings(const RatingsTable& table, std::size_t a, std::size_t b) {
    if (a >= table.coders() || b >= table.coders() || a == b)
        throw InvalidArgument("contingency table: coders " + std::to_string(a) + " and " + std::to_string(b) +
                              " are not two distinct coders of a " + std::to_string(table.coders()) + "-coder table");
    ContingencyTable t = zero(table.categories());
    for (std::size_t u = 0; u < table.units(); ++u) {
        const auto x = table.cell(u, a);
        const auto y = table.cell(u, b);
        if (x == RatingsTable::kMissing || y == RatingsTable::kMissing) continue;
        t.at(static_cast<std::size_t>(x), static_cast<std::size_t>(y)) += 1.0;
    }
    return t;
}

double ContingencyTable::total() const {
    double n = 0.0;
    for (double c : counts) n += c;
    return n;
}

ContingencyTable& ContingencyTable::operator+=(const ContingencyTable& other) {
    if (other.q != q) throw InvalidArgument("contingency tables of different sizes cannot be added");
    for (std::size_t i = 0; i < counts.size(); ++i) counts[i] += other.counts[i];
    return *this;
}

}  // namespace tessera::agreement
