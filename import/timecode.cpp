// Clock parsing shared by the caption importers and speaker detection.
#include "import/timecode.hpp"

namespace tessera::importer {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max_digits digits at s[i]; returns -1 when there are none.
std::int64_t read_number(std::string_view s, std::size_t& i, std::size_t max_digits) {
    std::size_t start = i;
    std::int64_t v = 0;
    while (i < s.size() && is_digit(s[i]) && i - start < max_digits) v = v * 10 + (s[i++] - '0');
    return i == start ? -1 : v;
}

}  // namespace

std::optional<std::int64_t> parse_clock(std::string_view s, std::size_t& i) {
    std::size_t p = i;
    std::int64_t fields[3];
    int n = 0;
    fields[n++] = read_number(s, p, 3);
    if (fields[0] < 0) return std::nullopt;
    while (n < 3 && p + 1 < s.size() && s[p] == ':' && is_digit(s[p + 1])) {
        ++p;
        std::size_t before = p;
        fields[n++] = read_number(s, p, 2);
        if (fields[n - 1] >= 60 || p - before == 0) return std::nullopt;
    }
    if (n < 2) return std::nullopt;
    if (p < s.size() && is_digit(s[p])) return std::nullopt;  // "12:345" is not a clock
    std::int64_t ms = 0;
    if (p + 1 < s.size() && (s[p] == '.' || s[p] == ',') && is_digit(s[p + 1])) {
        ++p;
        std::size_t start = p;
        std::int64_t frac = read_number(s, p, 3);
        for (std::size_t d = p - start; d < 3; ++d) frac *= 10;
        while (p < s.size() && is_digit(s[p])) ++p;  // finer than a millisecond: dropped
        ms = frac;
    }
    std::int64_t h = n == 3 ? fields[0] : 0;
    std::int64_t m = n == 3 ? fields[1] : fields[0];
    std::int64_t sec = n == 3 ? fields[2] : fields[1];
    i = p;
    return ((h * 60 + m) * 60 + sec) * 1000 + ms;
}

std::optional<CueTiming> parse_timing_line(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    auto start = parse_clock(line, i);
    if (!start) return std::nullopt;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (line.substr(i, 3) != "-->") return std::nullopt;
    i += 3;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    auto end = parse_clock(line, i);
    if (!end) return std::nullopt;
    if (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') return std::nullopt;
    return CueTiming{*start, *end};
}

}  // namespace tessera::importer
