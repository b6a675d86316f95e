// Implementation of sample_sources.hpp. Every write goes through a command, as a user's would.
#include "sample_sources.hpp"

#include "commands/codebook_commands.hpp"
#include "commands/coding_commands.hpp"
#include "commands/project_commands.hpp"
#include "import/case_attributes.hpp"
#include "import/csv_table.hpp"
#include "text/text.hpp"
#include "util/error.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace tessera::sample {
namespace {

std::uint32_t parse_color(const std::string& s) {
    if (s.size() != 7 || s[0] != '#') return 0x4E79A7;
    return static_cast<std::uint32_t>(std::stoul(s.substr(1), nullptr, 16));
}

RowId code_at(const Project& p, const std::string& path, OptId owner, const std::string& where) {
    auto c = p.find_code(path, owner);
    if (!c) throw InvalidArgument(where + ": code '" + path + "' is not in the codebook");
    return c->id;
}

std::string parent_path(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string leaf(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t e = s.find(sep, start);
        std::string part = s.substr(start, e == std::string::npos ? std::string::npos : e - start);
        if (!part.empty()) out.push_back(part);
        if (e == std::string::npos) break;
        start = e + 1;
    }
    return out;
}

// The case whose speaker turn contains `span`, or nullopt (facilitator, or across turns).
OptId case_of_span(const Project& p, RowId doc, Span span) {
    auto speakers = p.speakers(doc);
    for (const auto& t : p.turns(doc)) {
        if (t.span.start <= span.start && span.end <= t.span.end && t.speaker_id) {
            for (const auto& s : speakers)
                if (s.id == *t.speaker_id) return s.case_id;
        }
    }
    return std::nullopt;
}

}  // namespace

void load_participants(Context& c) {
    auto table = importer::read_case_attributes(c.source / "participants.csv");
    for (const auto& k : table.cases)
        for (const auto& a : k.attributes) c.stack.execute(c.project, std::make_unique<SetCaseAttribute>(k.name, a));
}

void load_codebook(Context& c, const std::string& file, OptId owner) {
    auto t = importer::read_csv(c.source / file);
    auto col = [&](const char* n) { return t.require_column(n); };
    const std::size_t path = col("path"), color = col("color"), def = col("definition"), inc = col("inclusion"),
                      exc = col("exclusion"), ex = col("example");
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const auto& r = t.rows[i];
        std::string where = file + ":" + std::to_string(t.lines[i]);
        OptId parent;
        if (!parent_path(r[path]).empty()) parent = code_at(c.project, parent_path(r[path]), owner, where);
        CodeFields f{leaf(r[path]), parse_color(r[color]), r[def], r[inc], r[exc], r[ex]};
        c.stack.execute(c.project, std::make_unique<CreateCode>(f, parent, owner), owner);
    }
}

std::size_t load_codings(Context& c, const std::string& file, RowId coder) {
    auto t = importer::read_csv(c.source / file);
    const std::size_t doc_col = t.require_column("document"), code_col = t.require_column("code_path"),
                      quote_col = t.require_column("quote");
    auto occ_col = t.column("occurrence");
    std::map<RowId, std::pair<std::string, text::OffsetIndex>> texts;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const auto& r = t.rows[i];
        std::string where = file + ":" + std::to_string(t.lines[i]);
        auto d = c.documents.find(r[doc_col]);
        if (d == c.documents.end()) throw InvalidArgument(where + ": unknown document '" + r[doc_col] + "'");
        auto it = texts.find(d->second);
        if (it == texts.end()) {
            auto doc = c.project.document(d->second);
            it = texts.emplace(d->second, std::make_pair(doc.text, text::OffsetIndex())).first;
            it->second.second = text::OffsetIndex(it->second.first);
        }
        const std::string quote = text::to_nfc(r[quote_col]);
        int occ = occ_col && !r[*occ_col].empty() ? std::stoi(r[*occ_col]) : 1;
        std::size_t pos = std::string::npos, from = 0;
        for (int k = 0; k < occ; ++k) {
            pos = it->second.first.find(quote, from);
            if (pos == std::string::npos) throw InvalidArgument(where + ": quote not found: " + quote.substr(0, 50));
            from = pos + 1;
        }
        std::int64_t start = it->second.second.code_point_of(pos);
        Span span{start, start + text::count_code_points(quote)};
        RowId code = code_at(c.project, r[code_col], coder, where);
        c.stack.execute(c.project, std::make_unique<ApplyCode>(d->second, span, code, coder), coder);
    }
    return t.rows.size();
}

std::size_t build_consensus(Context& c, RowId amara, RowId ben, RowId team) {
    Project& p = c.project;
    auto t = importer::read_csv(c.source / "alignment.csv");
    const std::size_t a_col = t.require_column("amara_code"), b_col = t.require_column("ben_code"),
                      team_col = t.require_column("team_code");
    std::size_t made = 0;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const auto& r = t.rows[i];
        std::string where = "alignment.csv:" + std::to_string(t.lines[i]);
        CodeAlignment al;
        std::vector<RowId> sources;
        if (!r[a_col].empty()) sources.push_back(*(al.code_a = code_at(p, r[a_col], amara, where)));
        if (!r[b_col].empty()) sources.push_back(*(al.code_b = code_at(p, r[b_col], ben, where)));
        if (r[team_col].empty()) continue;
        al.team_code = code_at(p, r[team_col], std::nullopt, where);
        al.confirmed = true;
        p.insert_alignment(al);
        for (RowId s : sources) {
            Code src = p.code(s);
            p.add_lineage({*al.team_code, src.guid, p.coder(*src.owner_coder_id).name + ": " + p.code_path(s),
                           "consensus"});
        }
        // Consensus codings: both coders' codings of the pair, overlapping ones merged (accept both).
        std::map<RowId, std::vector<Span>> by_doc;
        for (RowId s : sources) {
            CodingFilter f;
            f.code_id = s;
            for (const auto& k : p.codings(f)) by_doc[k.document_id].push_back(k.span);
        }
        for (auto& [doc, spans] : by_doc) {
            std::sort(spans.begin(), spans.end(), [](auto& x, auto& y) { return x.start < y.start; });
            std::vector<Span> merged;
            for (const auto& s : spans) {
                if (!merged.empty() && s.start < merged.back().end) merged.back().end = std::max(merged.back().end, s.end);
                else merged.push_back(s);
            }
            for (const auto& s : merged) {
                c.stack.execute(p, std::make_unique<ApplyCode>(doc, s, *al.team_code, team), team);
                ++made;
            }
        }
    }
    return made;
}

void load_analysis(Context& c, RowId team) {
    Project& p = c.project;
    // Themes, parents first; map positions on a circle, sub-themes beside their parent.
    auto themes = importer::read_csv(c.source / "themes.csv");
    std::size_t path = themes.require_column("path"), status = themes.require_column("status"),
                def = themes.require_column("definition"), scope = themes.require_column("scope"),
                not_scope = themes.require_column("not_scope"), codes = themes.require_column("codes"),
                reason = themes.require_column("discard_reason");
    int top = 0, top_count = 0;
    for (const auto& r : themes.rows) top_count += parent_path(r[path]).empty();
    std::map<RowId, int> children;
    const std::uint32_t palette[] = {0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F, 0xEDC948, 0xB07AA1};
    for (std::size_t i = 0; i < themes.rows.size(); ++i) {
        const auto& r = themes.rows[i];
        std::string where = "themes.csv:" + std::to_string(themes.lines[i]);
        Theme th;
        th.name = leaf(r[path]);
        th.definition = r[def];
        th.scope = r[scope];
        th.not_scope = r[not_scope];
        auto theme_status = theme_status_from_string(r[status]);
        if (!theme_status) throw InvalidArgument(where + ": unknown theme status '" + r[status] + "'");
        th.status = *theme_status;
        th.discard_reason = r[reason];
        for (const auto& code : split(r[codes], ';')) th.code_ids.push_back(code_at(p, code, std::nullopt, where));
        if (!parent_path(r[path]).empty()) {
            auto parent = p.find_theme(parent_path(r[path]));
            if (!parent) throw InvalidArgument(where + ": parent theme '" + parent_path(r[path]) + "' not defined first");
            th.parent_id = parent->id;
            int k = children[parent->id]++;
            th.map_x = *parent->map_x + 140 * std::cos(0.9 * k - 0.9);
            th.map_y = *parent->map_y + 140 * std::sin(0.9 * k - 0.9) + 120;
            th.color = parent->color;
        } else {
            double angle = 2 * M_PI * top / std::max(1, top_count);
            th.map_x = 500 + 380 * std::cos(angle);
            th.map_y = 400 + 300 * std::sin(angle);
            th.color = palette[top % 7];
            ++top;
        }
        c.stack.execute(p, std::make_unique<CreateTheme>(th), team);
    }
    auto links = importer::read_csv(c.source / "theme_links.csv");
    for (std::size_t i = 0; i < links.rows.size(); ++i) {
        const auto& r = links.rows[i];
        auto from = p.find_theme(r[links.require_column("from")]);
        auto to = p.find_theme(r[links.require_column("to")]);
        if (!from || !to) throw InvalidArgument("theme_links.csv:" + std::to_string(links.lines[i]) + ": unknown theme");
        c.stack.execute(p, std::make_unique<LinkThemes>(ThemeLink{0, "", from->id, to->id, r[links.require_column("label")]}));
    }
    // Matrix summaries, linked to the team codings of that case under the theme's codes.
    auto matrix = importer::read_csv(c.source / "matrix.csv");
    CodingFilter team_only;
    team_only.coder_id = team;
    auto team_codings = p.codings(team_only);
    for (std::size_t i = 0; i < matrix.rows.size(); ++i) {
        const auto& r = matrix.rows[i];
        std::string where = "matrix.csv:" + std::to_string(matrix.lines[i]);
        auto kase = p.find_case(r[matrix.require_column("case")]);
        auto theme = p.find_theme(r[matrix.require_column("theme")]);
        if (!kase || !theme) throw InvalidArgument(where + ": unknown case or theme");
        std::set<RowId> codes(theme->code_ids.begin(), theme->code_ids.end());
        for (const auto& sub : p.themes())
            if (sub.parent_id == theme->id) codes.insert(sub.code_ids.begin(), sub.code_ids.end());
        MatrixCell cell;
        cell.row_kind = MatrixAxis::case_;
        cell.row_id = kase->id;
        cell.col_kind = MatrixAxis::theme;
        cell.col_id = theme->id;
        cell.summary = r[matrix.require_column("summary")];
        for (const auto& k : team_codings)
            if (codes.count(k.code_id) && case_of_span(p, k.document_id, k.span) == kase->id) cell.coding_ids.push_back(k.id);
        c.stack.execute(p, std::make_unique<ChartCell>(cell), team);
    }
    // Memos on documents, codes, themes, cases and the project.
    auto memos = importer::read_csv(c.source / "memos.csv");
    for (std::size_t i = 0; i < memos.rows.size(); ++i) {
        const auto& r = memos.rows[i];
        std::string where = "memos.csv:" + std::to_string(memos.lines[i]);
        Memo m;
        const std::string& kind = r[memos.require_column("target_kind")];
        auto target_kind = memo_target_from_string(kind);
        if (!target_kind) throw InvalidArgument(where + ": unknown memo target '" + kind + "'");
        m.target = *target_kind;
        const std::string& target = r[memos.require_column("target")];
        const std::string& coder = r[memos.require_column("coder")];
        if (coder == "team") m.coder_id = team;  // the sources call the consensus coder "team"
        else if (!coder.empty()) {
            auto k = p.find_coder(coder);
            if (!k) throw InvalidArgument(where + ": unknown coder " + coder);
            m.coder_id = k->id;
        }
        switch (m.target) {
            case MemoTarget::document: {
                auto d = c.documents.find(target);
                if (d == c.documents.end()) throw InvalidArgument(where + ": unknown document " + target);
                m.target_id = d->second;
                break;
            }
            case MemoTarget::code: {
                auto colon = target.find(':');
                std::string owner = colon == std::string::npos ? "" : target.substr(0, colon);
                std::string cpath = colon == std::string::npos ? target : target.substr(colon + 1);
                OptId own;
                if (!owner.empty() && owner != "team") {
                    auto k = p.find_coder(owner);
                    if (!k) throw InvalidArgument(where + ": unknown coder " + owner);
                    own = k->id;
                }
                m.target_id = code_at(p, cpath, own, where);
                break;
            }
            case MemoTarget::theme: {
                auto th = p.find_theme(target);
                if (!th) throw InvalidArgument(where + ": unknown theme " + target);
                m.target_id = th->id;
                break;
            }
            case MemoTarget::case_: {
                auto k = p.find_case(target);
                if (!k) throw InvalidArgument(where + ": unknown case " + target);
                m.target_id = k->id;
                break;
            }
            default: break;
        }
        m.title = r[memos.require_column("title")];
        m.body = r[memos.require_column("body")];
        c.stack.execute(p, std::make_unique<AddMemo>(m), m.coder_id);
    }
    auto recs = importer::read_csv(c.source / "recommendations.csv");
    for (std::size_t i = 0; i < recs.rows.size(); ++i) {
        const auto& r = recs.rows[i];
        Recommendation rec;
        rec.label = r[recs.require_column("id")];
        rec.text = r[recs.require_column("text")];
        rec.position = static_cast<std::int64_t>(i);
        for (const auto& tp : split(r[recs.require_column("themes")], ';')) {
            auto th = p.find_theme(tp);
            if (!th) throw InvalidArgument("recommendations.csv:" + std::to_string(recs.lines[i]) + ": unknown theme " + tp);
            rec.theme_ids.push_back(th->id);
        }
        p.insert_recommendation(rec);
    }
    auto fb = importer::read_csv(c.source / "member_check_feedback.csv");
    for (std::size_t i = 0; i < fb.rows.size(); ++i) {
        const auto& r = fb.rows[i];
        auto th = p.find_theme(r[fb.require_column("theme")]);
        if (!th) throw InvalidArgument("member_check_feedback.csv:" + std::to_string(fb.lines[i]) + ": unknown theme");
        Memo m;
        m.target = MemoTarget::theme;
        m.target_id = th->id;
        m.title = "Member-check feedback";
        m.body = r[fb.require_column("feedback")];
        c.stack.execute(p, std::make_unique<AddMemo>(m));
    }
}

}  // namespace tessera::sample
