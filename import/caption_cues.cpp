// Shared caption handling for the WebVTT and SRT importers.
#include "import/caption_cues.hpp"

#include "import/speaker_detection.hpp"
#include "text/text.hpp"

#include "util/error.hpp"

#include <algorithm>
#include <optional>
#include <regex>
#include <unordered_map>

namespace tessera::importer::detail {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::vector<Block> split_blocks(std::string_view text) {
    std::vector<Block> out;
    Block cur;
    std::int64_t line_no = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        ++line_no;
        if (trim(line).empty()) {
            if (!cur.lines.empty()) out.push_back(std::move(cur));
            cur = {};
        } else {
            // A timing line in a block that already has one starts the next cue, as WebVTT's
            // parser does: files edited by hand often lose the blank line between cues. An SRT
            // index just above it ("2") belongs to the new cue.
            const bool timing = line.find("-->") != std::string_view::npos;
            bool timed = false;
            for (std::string_view l : cur.lines) timed |= l.find("-->") != std::string_view::npos;
            if (timing && timed) {
                Block next;
                next.first_line = line_no;
                std::string_view index = trim(cur.lines.back());
                if (cur.lines.size() > 1 && !index.empty() &&
                    index.find_first_not_of("0123456789") == std::string_view::npos) {
                    next.lines.push_back(cur.lines.back());
                    next.first_line = line_no - 1;
                    cur.lines.pop_back();
                }
                out.push_back(std::move(cur));
                cur = std::move(next);
            }
            if (cur.lines.empty()) cur.first_line = line_no;
            cur.lines.push_back(line);
        }
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    if (!cur.lines.empty()) out.push_back(std::move(cur));
    return out;
}

void check_cue_timing(CueTiming& timing, std::int64_t line, ImportedDocument& doc) {
    if (timing.end_ms >= timing.start_ms) return;
    doc.diagnostics.push_back({Diagnostic::Level::warning, doc.source_path + ":" + std::to_string(line),
                               "cue ends before it starts; its end time is taken as its start"});
    timing.end_ms = timing.start_ms;
}

std::string strip_caption_markup(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '<') {
            std::size_t close = s.find('>', i);
            if (close != std::string_view::npos) {
                i = close;
                continue;
            }
        } else if (c == '{' && i + 1 < s.size() && s[i + 1] == '\\') {
            std::size_t close = s.find('}', i);
            if (close != std::string_view::npos) {
                i = close;
                continue;
            }
        } else if (c == '&') {
            static const std::pair<std::string_view, std::string_view> kEntities[] = {
                {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"},
                {"&nbsp;", "\xC2\xA0"}, {"&lrm;", "\xE2\x80\x8E"}, {"&rlm;", "\xE2\x80\x8F"}};
            bool done = false;
            for (auto [name, value] : kEntities) {
                if (s.substr(i, name.size()) == name) {
                    out += value;
                    i += name.size() - 1;
                    done = true;
                    break;
                }
            }
            if (!done && s.substr(i, 2) == "&#") {
                std::size_t semi = s.find(';', i);
                if (semi != std::string_view::npos && semi - i <= 10) {
                    bool hex = s[i + 2] == 'x' || s[i + 2] == 'X';
                    std::string digits(s.substr(i + (hex ? 3 : 2), semi - i - (hex ? 3 : 2)));
                    try {
                        unsigned long cp = std::stoul(digits, nullptr, hex ? 16 : 10);
                        if (cp > 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
                            out += text::from_code_point(static_cast<char32_t>(cp));
                            i = semi;
                            continue;
                        }
                    } catch (const std::exception&) {
                        // not a number: keep the text as written
                    }
                }
            }
            if (done) continue;
        }
        out += c;
    }
    return out;
}

bool split_name_prefix(std::string_view line, std::string& name, std::string& rest) {
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon > 48) return false;
    if (colon + 1 < line.size() && line[colon + 1] != ' ' && line[colon + 1] != '\t') return false;
    std::string_view n = trim(line.substr(0, colon));
    if (!is_plausible_label(n)) return false;
    name = std::string(n);
    rest = std::string(trim(line.substr(colon + 1)));
    return true;
}

std::vector<std::string> dash_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    for (std::size_t nl; (nl = text.find('\n')) != std::string_view::npos; text.remove_prefix(nl + 1))
        lines.push_back(text.substr(0, nl));
    lines.push_back(text);
    const bool dashed = lines.size() >= 2 && std::all_of(lines.begin(), lines.end(), [](std::string_view l) {
        l = trim(l);
        return l.size() >= 2 && l[0] == '-' && (l[1] == ' ' || l[1] == '\t');
    });
    std::vector<std::string> out;
    if (dashed)
        for (std::string_view l : lines) out.emplace_back(trim(trim(l).substr(1)));
    return out;
}

Cue dash_line_cue(std::string line, std::int64_t start_ms, std::int64_t end_ms) {
    Cue c{{}, std::move(line), start_ms, end_ms};
    std::string name, rest;
    if (split_name_prefix(c.text, name, rest)) {
        c.speaker = std::move(name);
        c.text = std::move(rest);
    }
    return c;
}

std::vector<ImportedTurn> turns_from_cues(std::vector<Cue> cues, const std::string& joiner,
                                          const std::string& user_pattern) {
    // SRT keeps a cue's lines: split dash lines here (VTT splits them as it reads voices).
    std::vector<Cue> split_cues;
    for (Cue& c : cues) {
        std::vector<std::string> parts = c.speaker.empty() ? dash_lines(c.text) : std::vector<std::string>{};
        if (parts.empty()) split_cues.push_back(std::move(c));
        for (auto& part : parts) split_cues.push_back(dash_line_cue(std::move(part), c.start_ms, c.end_ms));
    }
    cues = std::move(split_cues);
    // Zoom writes "Name: text" inside the cue; a name counts when role-like or seen twice.
    std::vector<std::pair<std::string, std::string>> split(cues.size());
    std::unordered_map<std::string, int> counts;
    std::optional<std::regex> re;
    if (!user_pattern.empty()) {
        try {
            re.emplace(user_pattern, std::regex::ECMAScript);
        } catch (const std::regex_error& e) {
            throw InvalidArgument("speaker pattern '" + user_pattern + "' is not a valid regular expression: " + e.what());
        }
        if (re->mark_count() == 0)
            throw InvalidArgument("speaker pattern '" + user_pattern +
                                  "' has no group: put the label in parentheses, e.g. '^([A-Z]+): (.*)'");
    }
    for (std::size_t k = 0; k < cues.size(); ++k) {
        if (!cues[k].speaker.empty()) continue;
        if (re) {
            std::smatch m;
            if (std::regex_search(cues[k].text, m, *re, std::regex_constants::match_continuous) && m.size() > 1 &&
                m[1].length() > 0) {
                split[k] = {std::string(trim(m[1].str())),
                            std::string(trim(m.size() > 2 && m[2].matched ? m[2].str() : m.suffix().str()))};
                counts[split[k].first] = 2;  // the user's pattern is trusted as it stands
            }
        } else if (split_name_prefix(cues[k].text, split[k].first, split[k].second)) {
            ++counts[split[k].first];
        }
    }
    for (std::size_t k = 0; k < cues.size(); ++k) {
        const std::string& name = split[k].first;
        if (!name.empty() && (counts[name] >= 2 || is_role_like_label(name))) {
            cues[k].speaker = name;
            cues[k].text = split[k].second;
        }
    }
    std::vector<ImportedTurn> turns;
    for (Cue& c : cues) {
        if (trim(c.text).empty()) continue;
        if (!turns.empty() && !c.speaker.empty() && turns.back().speaker_label == c.speaker) {
            turns.back().text += joiner + c.text;
            turns.back().end_ms = c.end_ms;
            continue;
        }
        turns.push_back({c.speaker, std::move(c.text), c.start_ms, c.end_ms});
    }
    return turns;
}

}  // namespace tessera::importer::detail
