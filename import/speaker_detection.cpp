// Speaker-turn detection over paragraphs: built-in label forms, a user regex, continuation rules.
#include "import/speaker_detection.hpp"

#include "import/timecode.hpp"
#include "util/error.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <optional>
#include <regex>
#include <set>
#include <unordered_map>

namespace tessera::importer {
namespace {

// [SECTION] small string helpers

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    // U+00A0 no-break space, common after labels pasted from Word.
    while (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0") s.remove_prefix(2);
    while (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
    return s;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

UChar32 first_code_point(std::string_view s) {
    if (s.empty()) return -1;
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
    return c;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// [SECTION] label recognition

// How a label was written. A transcript writes its labels one way; a one-off label written another
// way ("Item one<TAB>three apples" in a transcript of "P1: ..." lines) is a line of text.
enum class Form { colon, tab, bracket_tag, alone, alone_with_time, bold, bold_plain };

struct LabelHit {
    std::string label;
    std::string rest;  // utterance on the same line (may be empty)
    std::optional<std::int64_t> start_ms;
    bool strong = false;  // accepted without needing to recur
    Form form = Form::colon;
};

// "(00:05)" or "[00:00:15]" ending `label` (Rev, Temi): the time, and the label without it.
std::optional<std::int64_t> trailing_time(std::string_view& label) {
    if (label.size() < 4 || (label.back() != ')' && label.back() != ']')) return std::nullopt;
    const char open = label.back() == ')' ? '(' : '[';
    const std::size_t at = label.rfind(open);
    if (at == std::string_view::npos || at == 0) return std::nullopt;
    std::string_view inside = label.substr(at + 1, label.size() - at - 2);
    std::size_t p = 0;
    auto t = parse_clock(inside, p);
    if (!t || p != inside.size()) return std::nullopt;
    label = trim(label.substr(0, at));
    return t;
}

// True when `s` opens with a word transcribers use for how something was said or heard ("laughs",
// "crosstalk", "inaudible", "quietly"). A bracket after a name is as often part of who they are
// ("Participant [P1]", "John (son)", "Sam (she/her)"), which must not be stripped: two people
// would become one.
bool is_transcriber_note(std::string_view s) {
    static const char* const kNoteWords[] = {
        "laugh", "chuckl", "giggl", "crosstalk", "cross talk", "cross-talk", "inaudible", "unclear", "indistinct",
        "overlap", "interrupt", "pause", "sigh", "cough", "sniff", "cry", "cries", "crying", "tearful", "upset",
        "emotional", "quiet", "whisper", "softly", "loud", "shout", "smil", "hesitat", "joking", "sarcastic",
        "reading", "continu"};
    const std::string l = ascii_lower(trim(s));
    for (std::string_view w : kNoteWords)
        if (l.rfind(w, 0) == 0) return true;
    return false;
}

// A transcriber's note between a label and its colon ("P1 [laughs]:", "Sarah (quietly):"): the
// note, and the label without it.
std::string_view trailing_note(std::string_view& label) {
    if (label.size() < 4 || (label.back() != ')' && label.back() != ']')) return {};
    const char open = label.back() == ')' ? '(' : '[';
    const std::size_t at = label.rfind(open);
    if (at == std::string_view::npos || at == 0) return {};
    std::string_view inside = label.substr(at + 1, label.size() - at - 2);
    if (inside.find_first_of("[]()") != std::string_view::npos || !is_transcriber_note(inside)) return {};
    std::string_view note = label.substr(at);
    label = trim(label.substr(0, at));
    return note;
}

// Two to four words, each starting with a capital: "Sarah Jones", "Siân Ní Bhriain".
bool is_full_name(std::string_view label) {
    int words = 0;
    bool at_start = true;
    for (std::size_t k = 0; k < label.size();) {
        if (label[k] == ' ') {
            at_start = true;
            ++k;
            continue;
        }
        if (at_start) {
            UChar32 c = first_code_point(label.substr(k));
            if (!(u_isupper(c) || u_istitle(c))) return false;
            ++words;
            at_start = false;
        }
        ++k;
    }
    return words >= 2 && words <= 4;
}

// Words that head metadata lines ("Date: 12 March", "Location: Leeds") and document headings,
// never a speaker, however often they occur.
bool is_metadata_label(std::string_view label) {
    std::string l = ascii_lower(trim(label));
    static const char* kKeys[] = {"date", "time", "start time", "end time", "location", "place", "venue", "setting",
                                  "note", "notes", "nb", "duration", "length", "transcript", "transcriber",
                                  "transcribed by", "transcription", "recording", "recorded", "file", "filename",
                                  "file name", "audio", "video", "title", "project", "study", "session", "topic",
                                  "present", "attendees", "absent", "apologies", "key", "comment",
                                  "comments", "summary", "source", "language", "site", "agenda", "purpose",
                                  "important", "warning", "section", "part", "chapter", "appendix", "page",
                                  "interview date", "date of interview", "interview", "focus group",
                                  "version", "status", "consent", "pseudonym", "keywords", "abstract"};
    for (const char* k : kKeys) {
        std::string_view key(k);
        if (l == key) return true;
        // "Section 2", "Part B", "Page 3": a heading word and a number or letter.
        if (l.size() > key.size() + 1 && l.rfind(key, 0) == 0 && l[key.size()] == ' ' &&
            (key == "section" || key == "part" || key == "chapter" || key == "appendix" || key == "page"))
            return true;
    }
    return false;
}

// Optional "[00:12:03] ", "(00:12:03) " or "00:12:03 " before a label.
std::optional<std::int64_t> leading_time(std::string_view line, std::size_t& i) {
    std::size_t p = i;
    char open = line[p];
    if (open == '[' || open == '(') ++p;
    auto t = parse_clock(line, p);
    if (!t) return std::nullopt;
    if (open == '[' || open == '(') {
        if (p >= line.size() || line[p] != (open == '[' ? ']' : ')')) return std::nullopt;
        ++p;
    }
    if (p < line.size() && !is_space(line[p])) return std::nullopt;
    while (p < line.size() && is_space(line[p])) ++p;
    i = p;
    return t;
}

bool is_bracket_tag(std::string_view tag) {
    if (tag.empty() || tag.size() > 16) return false;
    bool digit = false;
    for (char c : tag) {
        if (is_space(c) || c == ':' || c == '[' || c == ']') return false;
        digit |= c >= '0' && c <= '9';
    }
    return digit || tag.size() <= 3;
}

// "Speaker 1  00:13" / "Sarah 1:02:03" / "Jane Doe (00:10)": a label and a clock, nothing else on
// the line.
std::optional<LabelHit> label_with_time(std::string_view line) {
    {
        std::string_view label = line;
        if (auto t = trailing_time(label); t && is_plausible_label(label))
            return LabelHit{std::string(label), {}, t, is_role_like_label(label), Form::alone_with_time};
    }
    std::size_t end = line.size();
    std::size_t start = end;
    while (start > 0 && ((line[start - 1] >= '0' && line[start - 1] <= '9') || line[start - 1] == ':' ||
                         line[start - 1] == '.' || line[start - 1] == ','))
        --start;
    if (start == end || start == 0 || !is_space(line[start - 1])) return std::nullopt;
    std::size_t p = start;
    auto t = parse_clock(line, p);
    if (!t || p != end) return std::nullopt;
    std::string_view label = trim(line.substr(0, start));
    if (!is_plausible_label(label)) return std::nullopt;
    // "We met at 10:30" is a sentence; names (not role words) must recur to count as speakers.
    return LabelHit{std::string(label), {}, t, is_role_like_label(label), Form::alone_with_time};
}

std::optional<LabelHit> parse_label(std::string_view raw) {
    std::string_view line = trim(raw);
    if (line.empty()) return std::nullopt;
    std::size_t i = 0;
    std::optional<std::int64_t> time = leading_time(line, i);

    if (line[i] == '[') {
        std::size_t close = line.find(']', i);
        if (close != std::string_view::npos && is_bracket_tag(line.substr(i + 1, close - i - 1))) {
            std::string_view tag = line.substr(i + 1, close - i - 1);
            return LabelHit{std::string(tag), std::string(trim(line.substr(close + 1))), time, is_role_like_label(tag),
                            Form::bracket_tag};
        }
    }
    // Label ended by ':' or by a tab (optionally "Name-<TAB>"), within the first 48 bytes.
    std::size_t limit = std::min(line.size(), i + 49);
    for (std::size_t j = i; j < limit; ++j) {
        char c = line[j];
        if (c == ':') {
            if (j + 1 < line.size() && !is_space(line[j + 1])) {
                // "Jane Doe (00:10): ..." and "Sarah [00:12:10]: ...": the colon of the time is
                // not the label's; look on past the bracket.
                if (std::string_view("0123456789").find(line[j + 1]) != std::string_view::npos) continue;
                break;  // "http://"
            }
            std::string_view label = trim(line.substr(i, j - i));
            std::optional<std::int64_t> at = trailing_time(label);
            std::string_view note = trailing_note(label);
            if (!at && !note.empty()) at = trailing_time(label);  // "P1 (00:10) [laughs]:"
            if (!is_plausible_label(label)) break;
            std::string rest(trim(line.substr(j + 1)));
            if (!note.empty()) rest = std::string(note) + (rest.empty() ? "" : " ") + rest;  // kept, as in "P1: [laughs] ha"
            return LabelHit{std::string(label), std::move(rest), at ? at : time, is_role_like_label(label), Form::colon};
        }
        if (c == '\t') {
            std::string_view label = trim(line.substr(i, j - i));
            bool dashed = !label.empty() && label.back() == '-';
            if (dashed) label = trim(label.substr(0, label.size() - 1));
            if (!is_plausible_label(label)) break;
            // "Speaker-<TAB>" is a transcriber's convention; a bare tab is as often a table or a list.
            return LabelHit{std::string(label), std::string(trim(line.substr(j + 1))), time,
                            dashed || is_role_like_label(label), Form::tab};
        }
    }
    if (time) {
        // "00:00:05 Interviewer" alone on its line, the utterance below; "[00:12] text" is a line
        // of text with a time. A name must recur (or the transcript be labelled throughout) to count.
        std::string_view name = trim(line.substr(i));
        if (name.size() >= 2 && name.front() != '(' && is_plausible_label(name) && name.find(' ') == name.rfind(' ') &&
            name.find_first_of(".") == std::string_view::npos)
            return LabelHit{std::string(name), {}, time, is_role_like_label(name), Form::alone_with_time};
        return std::nullopt;
    }
    if (auto hit = label_with_time(line)) return hit;
    // "SPEAKER 2", "INTERVIEWER", "P3" alone on a line; a lone letter ("I", "A") is too ambiguous.
    if (line.size() >= 2 && is_role_like_label(line) && is_plausible_label(line))
        return LabelHit{std::string(line), {}, std::nullopt, true, Form::alone};
    return std::nullopt;
}

// A leading bold run (docx/odt) as a label. A bold name ended by a colon, a dash or a tab, or alone
// on its line, is written as a label; a bold word starting a sentence ("**Never** again") is
// emphasis, unless it recurs or is a role.
std::optional<LabelHit> bold_label(std::string_view line, std::size_t bold_prefix) {
    const std::string_view raw = trim(line.substr(0, std::min(bold_prefix, line.size())));
    std::string_view rest = line.substr(std::min(bold_prefix, line.size()));
    std::string_view bold = raw;
    while (!bold.empty() && (bold.back() == ':' || bold.back() == '-')) bold.remove_suffix(1);
    bold = trim(bold);
    const std::string_view after = trim(rest);
    const bool marked = bold.size() != raw.size() || (!rest.empty() && rest.front() == '\t') || after.empty() ||
                        after.front() == ':' || after.front() == '-';
    while (!rest.empty() && (rest.front() == ':' || rest.front() == '-' || is_space(rest.front()))) rest.remove_prefix(1);
    if (!is_plausible_label(bold)) return std::nullopt;
    return LabelHit{std::string(bold), std::string(trim(rest)), std::nullopt, marked || is_role_like_label(bold),
                    marked ? Form::bold : Form::bold_plain};
}

bool wholly_bracketed(std::string_view s) {
    s = trim(s);
    return s.size() >= 2 && ((s.front() == '[' && s.back() == ']') || (s.front() == '(' && s.back() == ')')) &&
           s.find('\n') == std::string_view::npos;
}

std::vector<std::string_view> split_lines(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t nl = s.find('\n', start);
        out.push_back(s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return out;
}

// [SECTION] turn building

class TurnBuilder {
public:
    void start(std::string label, std::string text, std::optional<std::int64_t> start_ms,
               std::optional<std::int64_t> end_ms = std::nullopt) {
        flush();
        m_current = ImportedTurn{std::move(label), std::move(text), start_ms, end_ms};
        m_open = true;
    }
    void append_line(std::string_view line) {
        if (!m_open) return start({}, std::string(line), std::nullopt);
        if (!m_current.text.empty()) m_current.text += '\n';
        m_current.text += line;
    }
    // A new paragraph without a label: a new turn of the same speaker, unless the current turn is
    // still waiting for its utterance (a label alone on the line above, or with only a note such
    // as "P1 [laughs]:").
    void continue_paragraph(std::string_view line) {
        if (m_open && (trim(m_current.text).empty() || wholly_bracketed(m_current.text))) return append_line(line);
        start(m_current.speaker_label, std::string(line), std::nullopt);
    }
    const std::string& speaker() const { return m_current.speaker_label; }
    bool open() const { return m_open; }
    std::vector<ImportedTurn> finish() {
        flush();
        return std::move(m_turns);
    }

private:
    void flush() {
        if (!m_open) return;
        std::string_view t = trim(m_current.text);
        if (!t.empty()) {
            m_current.text = std::string(t);
            m_turns.push_back(std::move(m_current));
        }
        m_current = {};
        m_open = false;
    }
    std::vector<ImportedTurn> m_turns;
    ImportedTurn m_current;
    bool m_open = false;
};

std::vector<ImportedTurn> turns_by_regex(const std::vector<Paragraph>& paragraphs, const std::string& pattern) {
    std::regex re;
    try {
        re = std::regex(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
        throw InvalidArgument("speaker pattern '" + pattern + "' is not a valid regular expression: " + e.what());
    }
    if (re.mark_count() == 0)
        throw InvalidArgument("speaker pattern '" + pattern +
                              "' has no group: put the label in parentheses, e.g. '^([A-Z]+): (.*)'");
    TurnBuilder b;
    for (const auto& para : paragraphs) {
        bool first = true;
        for (std::string_view line : split_lines(para.text)) {
            std::match_results<std::string_view::const_iterator> m;
            if (std::regex_search(line.begin(), line.end(), m, re, std::regex_constants::match_continuous) &&
                m.size() > 1 && m[1].matched && m[1].length() > 0) {
                std::string rest = m.size() > 2 && m[2].matched ? m[2].str() : std::string(m.suffix().str());
                b.start(std::string(trim(m[1].str())), std::string(trim(rest)), std::nullopt);
            } else if (trim(line).empty()) {
                continue;
            } else if (first && !para.structural && b.open()) {
                b.continue_paragraph(line);
            } else {
                b.append_line(line);
            }
            first = false;
        }
    }
    return b.finish();
}

}  // namespace

bool is_role_like_label(std::string_view label) {
    std::string l = ascii_lower(trim(label));
    if (l.empty()) return false;
    // Single letters ("I", "R", "Q") and letter(s)+number codes ("P12", "FG2", "id3", "P 4").
    std::size_t letters = 0;
    while (letters < l.size() && l[letters] >= 'a' && l[letters] <= 'z') ++letters;
    std::string_view tail = std::string_view(l).substr(letters);
    if (!tail.empty() && tail.front() == ' ') tail.remove_prefix(1);
    if (letters >= 1 && letters <= 3 && (tail.empty() ? letters == 1 : all_digits(tail))) return true;
    static const char* kRoleWords[] = {"participant", "respondent",  "interviewer", "interviewee", "facilitator",
                                       "moderator",   "researcher",  "speaker",     "student",     "teacher",
                                       "co-facilitator", "cofacilitator", "observer", "note taker", "notetaker",
                                       "host",        "chair",       "unknown speaker", "multiple students"};
    for (const char* w : kRoleWords) {
        std::string_view word(w);
        if (l.rfind(word, 0) == 0 && (l.size() == word.size() || !(l[word.size()] >= 'a' && l[word.size()] <= 'z')))
            return true;
    }
    return false;
}

bool is_plausible_label(std::string_view s) {
    s = trim(s);
    if (s.empty() || s.size() > 48) return false;
    int words = 1;
    for (std::size_t k = 0; k < s.size(); ++k) {
        auto c = static_cast<unsigned char>(s[k]);
        if (c == ' ') {
            ++words;
            continue;
        }
        if (c >= 0x80) continue;  // non-ASCII letters (é, ł, ’) are checked by the first-letter rule only
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  std::string_view("()[]-'._&/#").find(static_cast<char>(c)) != std::string_view::npos;
        if (!ok) return false;
    }
    if (words > 5) return false;
    UChar32 first = first_code_point(s);
    return u_isupper(first) || u_istitle(first) || first == '(' || is_role_like_label(s);
}

Paragraph table_row(const std::vector<std::string>& cells) {
    Paragraph row;
    for (std::size_t k = 0; k < cells.size(); ++k) row.text += (k ? "\t" : "") + cells[k];
    // "Speaker | what they said" and "Time | Speaker | what they said" rows are transcripts; a
    // header row ("Time | Speaker | Text") and any other row are layout.
    std::size_t first = 0;
    if (cells.size() >= 3) {
        std::size_t p = 0;
        std::string_view c0 = trim(cells[0]);
        if (auto t = parse_clock(c0, p); t && p == c0.size()) first = 1;
    }
    const bool header = !cells.empty() && (is_metadata_label(cells[0]) || ascii_lower(trim(cells[0])) == "speaker" ||
                                           ascii_lower(trim(cells[0])) == "name");
    row.structural = header || !(cells.size() >= first + 2 && is_plausible_label(cells[first]));
    return row;
}

std::vector<Paragraph> paragraphs_from_text(std::string_view text) {
    std::vector<Paragraph> out;
    Paragraph cur;
    for (std::string_view line : split_lines(text)) {
        if (trim(line).empty()) {
            if (!cur.text.empty()) out.push_back(std::move(cur));
            cur = {};
            continue;
        }
        if (!cur.text.empty()) cur.text += '\n';
        cur.text += line;
    }
    if (!cur.text.empty()) out.push_back(std::move(cur));
    return out;
}

std::vector<ImportedTurn> detect_turns(const std::vector<Paragraph>& paragraphs, const std::string& user_pattern,
                                       bool detect) {
    if (!user_pattern.empty()) return turns_by_regex(paragraphs, user_pattern);

    // Pass 1: every line's candidate label, and how often each label occurs.
    struct Line {
        std::string_view text;
        std::optional<LabelHit> hit;
        std::optional<CueTiming> timing;
    };
    std::vector<std::vector<Line>> lines(paragraphs.size());
    std::unordered_map<std::string, int> counts;
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        const Paragraph& para = paragraphs[p];
        std::size_t offset = 0;
        for (std::string_view l : split_lines(para.text)) {
            Line line{l, std::nullopt, std::nullopt};
            if (detect && !para.structural) {
                line.timing = parse_timing_line(l);
                if (offset == 0 && para.bold_prefix > 0) line.hit = bold_label(l, para.bold_prefix);
                if (!line.hit && !line.timing) line.hit = parse_label(l);
                if (line.hit && is_metadata_label(line.hit->label)) line.hit.reset();  // "Date:", "Section 2"
                if (line.hit) ++counts[line.hit->label];
            }
            offset += l.size() + 1;
            lines[p].push_back(std::move(line));
        }
    }
    // A transcript writes its labels one way. The ways its sure labels (roles, "P3", names seen
    // twice) are written are established; so is a way that labels most of the lines by itself
    // (a focus group where everyone speaks once).
    std::set<Form> established;
    std::unordered_map<int, std::size_t> by_form;
    std::size_t text_lines = 0;
    bool after_bare_label = false;
    for (const auto& para : lines)
        for (const Line& l : para) {
            if (trim(l.text).empty() || l.timing) continue;
            if (after_bare_label && !l.hit) {
                after_bare_label = false;
                continue;  // a label alone on its line and the utterance under it are one labelled line
            }
            ++text_lines;
            if (l.hit) {
                ++by_form[static_cast<int>(l.hit->form)];
                if (l.hit->strong || counts[l.hit->label] >= 2) established.insert(l.hit->form);
            }
            after_bare_label = l.hit && l.hit->rest.empty();
        }
    for (const auto& [form, n] : by_form)
        if (n >= 3 && n * 3 >= text_lines * 2) established.insert(static_cast<Form>(form));
    // In a document where most lines carry labels written the established way (a transcript), a
    // name seen once is a speaker too; in prose, a one-off "Note: ..." is not.
    std::size_t labelled = 0;
    for (const auto& [form, n] : by_form)
        if (established.count(static_cast<Form>(form)) > 0) labelled += n;
    const bool transcript_like = labelled * 2 >= text_lines && labelled > 0;
    auto accepted = [&](const LabelHit& h) {
        // A bold first word without a colon is as often emphasis ("**Never** again"): seen once, only
        // a full name ("**Sarah Jones** Hello") is taken.
        return h.strong || counts[h.label] >= 2 ||
               (transcript_like && established.count(h.form) > 0 &&
                (h.form != Form::bold_plain || is_full_name(h.label)));
    };

    // Pass 2: build turns.
    TurnBuilder b;
    std::optional<CueTiming> pending_timing;
    bool expect_name = false;
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        const Paragraph& para = paragraphs[p];
        if (para.structural || (detect && wholly_bracketed(para.text))) {
            // A transcriber's note keeps the speaker for what follows; a table row ends it.
            std::string keep = para.structural ? std::string() : b.speaker();
            b.start({}, para.text, std::nullopt);
            b.start(std::move(keep), {}, std::nullopt);
            continue;
        }
        bool first = true;
        for (const Line& line : lines[p]) {
            if (line.timing) {
                pending_timing = line.timing;
                expect_name = true;
                first = false;
                continue;
            }
            if (trim(line.text).empty() && !line.hit) continue;  // blank lines neither start nor end a turn
            if (expect_name) {
                expect_name = false;
                std::string_view name = trim(line.text);
                if (line.hit && accepted(*line.hit)) {
                    b.start(line.hit->label, line.hit->rest, pending_timing->start_ms, pending_timing->end_ms);
                } else if (is_plausible_label(name)) {
                    b.start(std::string(name), {}, pending_timing->start_ms, pending_timing->end_ms);
                } else {
                    b.start({}, std::string(name), pending_timing->start_ms, pending_timing->end_ms);
                }
                pending_timing.reset();
                first = false;
                continue;
            }
            if (line.hit && accepted(*line.hit)) {
                b.start(line.hit->label, line.hit->rest, line.hit->start_ms);
            } else if (first && b.open()) {
                b.continue_paragraph(line.text);
            } else {
                b.append_line(line.text);
            }
            first = false;
        }
    }
    return b.finish();
}

}  // namespace tessera::importer
