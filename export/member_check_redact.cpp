// Whole-word, case-insensitive replacement of listed identifiers, with counts, for the member-checking pack.
#include "export/member_check_redact.hpp"

#include "util/error.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>

namespace tessera::exporter {
namespace {

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

char lower(char c) { return char(std::tolower(static_cast<unsigned char>(c))); }

// A byte that belongs to a word: ASCII letters and digits, and any byte of a multi-byte UTF-8 letter.
bool word_byte(char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || u >= 0x80;
}

bool matches_at(const std::string& text, std::size_t at, const std::string& id) {
    if (at + id.size() > text.size()) return false;
    for (std::size_t i = 0; i < id.size(); ++i)
        if (lower(text[at + i]) != lower(id[i])) return false;
    bool before_ok = at == 0 || !word_byte(text[at - 1]) || !word_byte(id.front());
    bool after_ok = at + id.size() == text.size() || !word_byte(text[at + id.size()]) || !word_byte(id.back());
    return before_ok && after_ok;
}

}  // namespace

Redactor Redactor::from_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw ImportError(path.string(), "cannot read the list of identifiers to redact");
    Redactor r;
    std::string line;
    std::int64_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (n == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        std::string t = trim(line);
        if (t.empty() || t[0] == '#') continue;
        std::string id = t, repl = "[name]";
        if (auto eq = t.find('='); eq != std::string::npos) {
            id = trim(t.substr(0, eq));
            repl = trim(t.substr(eq + 1));
        }
        if (id.empty()) throw ImportError(path.string(), "empty identifier before '='", n);
        r.add(id, repl);
    }
    return r;
}

void Redactor::add(const std::string& identifier, const std::string& replacement) {
    if (identifier.empty()) return;
    for (const auto& x : m_list) {
        if (x.identifier.size() != identifier.size()) continue;
        if (std::equal(x.identifier.begin(), x.identifier.end(), identifier.begin(),
                       [](char a, char b) { return lower(a) == lower(b); }))
            return;
    }
    m_list.push_back({identifier, replacement, 0});
    std::stable_sort(m_list.begin(), m_list.end(),
                     [](const Redaction& a, const Redaction& b) { return a.identifier.size() > b.identifier.size(); });
}

void Redactor::add_speaker_names(const Project& p) {
    std::map<RowId, std::string> case_names;
    for (const auto& c : p.cases()) case_names[c.id] = c.name;
    for (const auto& s : p.all_speakers())
        if (s.case_id && case_names.count(*s.case_id) && case_names[*s.case_id] != s.label)
            add(s.label, case_names[*s.case_id]);
}

std::string Redactor::apply(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        bool hit = false;
        for (auto& r : m_list) {
            if (matches_at(text, i, r.identifier)) {
                out += r.replacement;
                i += r.identifier.size();
                ++r.replaced;
                hit = true;
                break;
            }
        }
        if (!hit) out += text[i++];
    }
    return out;
}

std::size_t Redactor::total_replaced() const {
    std::size_t n = 0;
    for (const auto& r : m_list) n += r.replaced;
    return n;
}

}  // namespace tessera::exporter
