// The study report's frame: coder choice, the sample section, the methods paragraph written from what
// the project records, and the order of the sections.
#include "export/report_study.hpp"

#include "analysis/sample.hpp"
#include "analysis/table.hpp"
#include "export/report_quotes.hpp"
#include "export/report_study_parts.hpp"
#include "analysis/theme_support.hpp"
#include "util/error.hpp"

#include <cctype>
#include <map>
#include <set>

namespace tessera::exporter {

namespace detail {

std::string join_and(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
        out += items[i];
    }
    return out;
}

std::string count_of(std::int64_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace detail

using detail::count_of;
using detail::join_and;

std::string report_coefficient(const agreement::Coefficient& c) {
    return c.defined() ? analysis::format_fixed(*c.value, 3) : "undefined";
}

std::vector<Coder> report_coders(const Project& p, const std::vector<std::string>& names) {
    std::vector<Coder> out;
    if (!names.empty()) {
        if (names.size() != 2) throw InvalidArgument("--coders: name exactly two coders, e.g. --coders Amara,Ben");
        for (const auto& n : names) {
            auto c = p.find_coder(n);
            if (!c) throw InvalidArgument("--coders: no coder named '" + n + "' in " + p.path().string());
            out.push_back(*c);
        }
        if (out[0].id == out[1].id) throw InvalidArgument("--coders: name two different coders");
        return out;
    }
    std::set<RowId> owners;
    for (const auto& c : p.codes())
        if (c.owner_coder_id) owners.insert(*c.owner_coder_id);
    for (const auto& c : p.coders())
        if (owners.count(c.id) && out.size() < 2) out.push_back(c);
    return out;
}

namespace {

// "age" -> "Age" (ASCII first letter) to open a sentence; underscores read as spaces.
std::string capitalised(std::string s) {
    for (char& c : s)
        if (c == '_') c = ' ';
    if (!s.empty()) s[0] = char(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

void add_sample_section(ReportDocument& doc, const analysis::AnalysisData& d) {
    auto s = analysis::sample_characteristics(d);
    doc.heading(1, "Sample");
    std::string text = "The sample comprised " + count_of(s.n, "participant", "participants") + ".";
    for (const auto& n : s.numbers)
        if (n.n)
            text += " " + capitalised(n.attribute) + ": mean " + analysis::format_fixed(n.mean, 1) + " (SD " +
                    analysis::format_fixed(n.sd, 1) + "), range " + analysis::format_fixed(n.min, 0) + "\u2013" +
                    analysis::format_fixed(n.max, 0) + (n.missing ? ", not recorded for " + std::to_string(n.missing) : "") +
                    ".";
    doc.paragraph(text);
    auto t = analysis::to_table(s);
    t.title = "Table 1. Sample characteristics (n = " + std::to_string(s.n) + ")";
    t.notes.push_back("Number attributes: mean (SD), range; category attributes: n (% of the sample).");
    doc.table(std::move(t));
}

// "3 focus groups, 1 member-checking group and 4 one-to-one interviews", from who speaks in each document.
std::string document_kinds(const Project& p, const analysis::AnalysisData& d) {
    std::map<RowId, std::set<SpeakerRole>> roles;
    for (const auto& s : d.speakers()) roles[s.document_id].insert(s.role);
    std::int64_t groups = 0, member = 0, interviews = 0, other = 0;
    for (const auto& doc : d.documents()) {
        const auto& r = roles[doc.id];
        bool mc = doc.name.find("member") != std::string::npos || doc.name.rfind("mc", 0) == 0;
        if (r.count(SpeakerRole::interviewer)) ++interviews;
        else if (r.count(SpeakerRole::facilitator)) ++(mc ? member : groups);
        else ++other;
    }
    std::vector<std::string> parts;
    if (groups) parts.push_back(count_of(groups, "focus group", "focus groups"));
    if (member) parts.push_back(count_of(member, "member-checking group", "member-checking groups"));
    if (interviews) parts.push_back(count_of(interviews, "one-to-one interview", "one-to-one interviews"));
    if (other) parts.push_back(count_of(other, "other document", "other documents"));
    std::map<std::string, int> formats;
    static const std::map<std::string, std::string> kNames = {
        {"txt", "plain-text"}, {"docx", "Word"}, {"odt", "OpenDocument"}, {"vtt", "WebVTT"},
        {"srt", "SubRip"},     {"pdf", "PDF"}};
    for (const auto& doc : p.documents()) {
        std::string f = doc.origin.substr(0, doc.origin.find(':'));
        auto it = kNames.find(f);
        ++formats[it == kNames.end() ? f : it->second];
    }
    std::vector<std::string> fparts;
    for (const auto& [f, n] : formats) fparts.push_back(std::to_string(n) + " " + f);
    std::string out = join_and(parts);
    if (!fparts.empty()) out += " (transcripts imported from " + join_and(fparts) + " files)";
    return out;
}

void add_methods_section(ReportDocument& doc, const detail::StudyContext& c, const std::string& agreement_sentence) {
    const Project& p = c.p;
    const auto& d = c.d;
    std::int64_t participants = analysis::sample_characteristics(d).n;
    std::string text = "The data were " + count_of(static_cast<std::int64_t>(d.documents().size()), "document", "documents") +
                       ": " + document_kinds(p, d) + ", with " + count_of(participants, "participant", "participants") + ".";
    std::map<RowId, std::int64_t> codes_of, codings_of;
    std::int64_t team_codes = 0, team_codings = 0;
    std::set<RowId> team_ids;
    for (const auto& code : p.codes()) {
        if (code.owner_coder_id) ++codes_of[*code.owner_coder_id];
        else {
            ++team_codes;
            team_ids.insert(code.id);
        }
    }
    for (const auto& coding : d.codings()) {
        ++codings_of[coding.coder_id];
        team_codings += team_ids.count(coding.code_id) > 0;
    }
    if (c.coders.size() == 2) {
        const auto &a = c.coders[0], &b = c.coders[1];
        text += " Two coders (" + a.name + " and " + b.name +
                ") coded the transcripts independently and inductively, each building their own codebook (" +
                std::to_string(codes_of[a.id]) + " and " + std::to_string(codes_of[b.id]) + " codes; " +
                std::to_string(codings_of[a.id]) + " and " + std::to_string(codings_of[b.id]) + " codings).";
    }
    std::int64_t confirmed = 0, mapped = 0;
    for (const auto& al : p.alignments())
        if (al.confirmed && al.code_a && al.code_b) {
            ++confirmed;
            mapped += al.team_code.has_value();
        }
    if (confirmed)
        text += " The two codebooks were then aligned: " + count_of(confirmed, "pair", "pairs") +
                " of codes were confirmed as naming the same idea" +
                (mapped ? ", each mapped to a code of the team codebook" : std::string()) + ".";
    if (!agreement_sentence.empty()) text += " " + agreement_sentence;
    if (team_codes) {
        auto resolutions = p.resolutions().size();
        text += " Differences were discussed and resolved into a consensus codebook of " +
                count_of(team_codes, "code", "codes") + " with " + count_of(team_codings, "coding", "codings") +
                (resolutions ? " (" + count_of(std::int64_t(resolutions), "recorded resolution", "recorded resolutions") + ")"
                             : std::string()) +
                ".";
    }
    std::int64_t themes = 0, subthemes = 0, discarded = 0;
    std::map<std::string, std::int64_t> by_status;
    for (const auto& [id, depth] : analysis::theme_tree(d)) {
        ++(depth == 0 ? themes : subthemes);
        ++by_status[to_string(d.theme(id).status)];
    }
    for (const auto& t : d.themes()) discarded += t.status == ThemeStatus::discarded;
    if (themes) {
        std::vector<std::string> st;
        for (const char* s : {"final", "reviewed", "candidate"})
            if (by_status[s]) st.push_back(std::to_string(by_status[s]) + " " + s);
        text += " Themes were developed from the consensus codes and reviewed against the data: " +
                count_of(themes, "theme", "themes") + " and " + count_of(subthemes, "sub-theme", "sub-themes") +
                " are reported (" + join_and(st) + ")" +
                (discarded ? "; " + count_of(discarded, "theme was", "themes were") + " discarded on review" : std::string()) +
                ".";
    }
    bool member_check = false;
    for (const auto& t : d.themes()) member_check = member_check || !member_check_feedback(p, t.id).empty();
    if (member_check)
        text += " A draft of the themes was taken back to participants in a member-checking group; their feedback, "
                "recorded as memos, is shown under each theme.";
    doc.heading(1, "Methods");
    doc.paragraph(text);
}

}  // namespace

ReportDocument build_study_report(const Project& p, const StudyReportOptions& o) {
    auto d = analysis::AnalysisData::load(p, true);
    detail::StudyContext c{p, d, o, report_coders(p, o.coders)};
    ReportDocument doc;
    auto title = p.setting("title");
    doc.title = title.empty() ? "Study report: " + p.path().stem().string() : title;
    doc.note("Generated by Tessera from " + p.path().filename().string() +
             ". Tables are computed from the project's codings; quotes are labelled by participant and data collection.");
    add_sample_section(doc, d);
    ReportDocument agreement;
    std::string agreement_sentence;
    detail::add_agreement_section(agreement, c, agreement_sentence);
    add_methods_section(doc, c, agreement_sentence);
    for (auto& b : agreement.blocks) doc.blocks.push_back(std::move(b));
    detail::add_theme_sections(doc, c);
    detail::add_evidence_trail(doc, c);
    return doc;
}

}  // namespace tessera::exporter
