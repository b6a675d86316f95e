// Case-attribute CSV reading with column type inference (number, date, category, text).
#include "import/case_attributes.hpp"

#include "import/csv_records.hpp"
#include "import/import_file.hpp"
#include "util/error.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <set>

namespace tessera::importer {
namespace {

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t");
    auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

bool parse_number(const std::string& s, double& out) {
    std::string t = trim(s);
    if (t.empty()) return false;
    const char* first = t.data();
    if (*first == '+') ++first;
    auto [ptr, ec] = std::from_chars(first, t.data() + t.size(), out);
    return ec == std::errc() && ptr == t.data() + t.size();
}

bool digits(const std::string& s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

// YYYY-MM-DD, YYYY/MM/DD, and nn/nn/yyyy or nn.nn.yyyy in `order` (UK/EU spreadsheets write the
// day first, US ones the month).
bool parse_date(const std::string& raw, std::string& iso, DateOrder order) {
    std::string s = trim(raw);
    int y = 0, m = 0, d = 0;
    bool ok = false;
    if (s.size() == 10 && (s[4] == '-' || s[4] == '/') && s[7] == s[4])
        ok = digits(s, 0, 4, y) && digits(s, 5, 2, m) && digits(s, 8, 2, d);
    else if (s.size() == 10 && (s[2] == '/' || s[2] == '.') && s[5] == s[2])
        ok = order == DateOrder::day_first ? digits(s, 0, 2, d) && digits(s, 3, 2, m) && digits(s, 6, 4, y)
                                           : digits(s, 0, 2, m) && digits(s, 3, 2, d) && digits(s, 6, 4, y);
    static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!ok || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m == 2 && d == 29 && !leap) return false;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    iso = buf;
    return true;
}

}  // namespace

bool day_month_ambiguous(const std::vector<std::string>& values) {
    bool any = false;
    for (const auto& raw : values) {
        const std::string s = trim(raw);
        if (!(s.size() == 10 && (s[2] == '/' || s[2] == '.') && s[5] == s[2])) continue;
        int first = 0, second = 0;
        if (!digits(s, 0, 2, first) || !digits(s, 3, 2, second)) continue;
        if (first > 12 || second > 12) return false;  // that field is the day: the column says which
        any = true;
    }
    return any;
}

AttributeType infer_attribute_type(const std::vector<std::string>& values, DateOrder order) {
    std::vector<std::string> v;
    for (const auto& x : values)
        if (!trim(x).empty()) v.push_back(trim(x));
    if (v.empty()) return AttributeType::text;
    double num;
    std::string iso;
    if (std::all_of(v.begin(), v.end(), [&](const std::string& s) { return parse_number(s, num); }))
        return AttributeType::number;
    if (std::all_of(v.begin(), v.end(), [&](const std::string& s) { return parse_date(s, iso, order); }))
        return AttributeType::date;
    std::set<std::string> distinct(v.begin(), v.end());
    bool short_values = std::all_of(v.begin(), v.end(), [](const std::string& s) { return s.size() <= 40; });
    if (distinct.size() <= 12 && distinct.size() < v.size() && short_values) return AttributeType::category;
    return AttributeType::text;
}

std::string normalise_attribute_value(AttributeType type, const std::string& value, DateOrder order) {
    std::string t = trim(value);
    if (type == AttributeType::number) {
        double d;
        if (!parse_number(t, d)) throw InvalidArgument("'" + value + "' is not a number");
        if (t.front() == '+') t.erase(0, 1);
        return t;
    }
    if (type == AttributeType::date) {
        std::string iso;
        if (!parse_date(t, iso, order))
            throw InvalidArgument("'" + value + "' is not a date (YYYY-MM-DD or " +
                                  (order == DateOrder::day_first ? "DD/MM/YYYY)" : "MM/DD/YYYY, as asked)"));
        return iso;
    }
    return t;
}

std::optional<std::string> date_order_note(const std::string& column, const std::vector<std::string>& values,
                                           AttributeType type, DateOrder order) {
    const bool day_first = order == DateOrder::day_first;
    if (type == AttributeType::date && day_month_ambiguous(values))
        return "column '" + column + "': dates such as 04/12/2023 are read " +
               (day_first ? "day first (4 December 2023); if they are month first, read the file again with "
                            "month-first dates, or write them as YYYY-MM-DD"
                          : "month first (12 April 2023), as asked");
    const DateOrder other = day_first ? DateOrder::month_first : DateOrder::day_first;
    if (type != AttributeType::date && infer_attribute_type(values, other) == AttributeType::date)
        return "column '" + column + "' holds dates written " + (day_first ? "month" : "day") + " first (such as " +
               (day_first ? "04/25/2023" : "25/04/2023") +
               "): not read as dates; read the file "
               "again with " +
               (day_first ? "month" : "day") + "-first dates to make them dates";
    return std::nullopt;
}

CaseAttributeTable read_case_attributes(const std::filesystem::path& path, const CaseAttributeOptions& options) {
    ImportOptions read_opt;
    read_opt.max_bytes = options.max_bytes;
    std::string bytes = read_source(path, read_opt);
    std::string p = path.string();
    detail::CsvRecords csv = detail::read_csv_records(bytes, p, options.encoding);
    std::size_t id = options.id_column.empty() ? 0 : detail::column_index(csv, options.id_column, p);

    CaseAttributeTable table;
    table.header = csv.header;
    table.id_column = csv.header[id];
    std::vector<std::size_t> cols;
    for (std::size_t c = 0; c < csv.header.size(); ++c) {
        if (c == id) continue;
        std::string name = csv.header[c];
        std::vector<std::string> values;
        for (const auto& r : csv.rows) values.push_back(r[c]);
        std::size_t colon = name.rfind(':');
        std::optional<AttributeType> forced;
        if (colon != std::string::npos) forced = attribute_type_from_string(trim(name.substr(colon + 1)));
        if (forced) name = trim(name.substr(0, colon));  // else a colon that is part of the name
        AttributeType type = forced ? *forced : infer_attribute_type(values, options.date_order);
        if (name.empty()) throw ImportError(p, "column " + std::to_string(c + 1) + " has no name", 1);
        if (auto note = date_order_note(name, values, type, options.date_order))
            table.diagnostics.push_back({Diagnostic::Level::info, p, *note});
        table.columns.push_back(name);
        table.types.push_back(type);
        cols.push_back(c);
    }
    std::set<std::string> seen;
    for (std::size_t r = 0; r < csv.rows.size(); ++r) {
        Case k;
        k.name = trim(csv.rows[r][id]);
        if (k.name.empty())
            throw ImportError(p, "row without a case id in column '" + csv.header[id] + "'", csv.lines[r]);
        if (!seen.insert(k.name).second) throw ImportError(p, "case '" + k.name + "' appears twice", csv.lines[r]);
        for (std::size_t i = 0; i < cols.size(); ++i) {
            const std::string& v = csv.rows[r][cols[i]];
            if (trim(v).empty()) continue;
            try {
                k.attributes.push_back({table.columns[i], table.types[i],
                                        normalise_attribute_value(table.types[i], v, options.date_order)});
            } catch (const InvalidArgument& e) {
                throw ImportError(p, "column '" + table.columns[i] + "': " + e.what(), csv.lines[r]);
            }
        }
        table.cases.push_back(std::move(k));
    }
    return table;
}

}  // namespace tessera::importer
