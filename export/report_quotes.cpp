// Quote choice and participant labels shared by the study report and the member-checking pack.
#include "export/report_quotes.hpp"

#include <algorithm>
#include <cctype>

namespace tessera::exporter {

std::string group_short_label(const std::string& document_name) {
    auto cut = document_name.find('_');
    if (cut == std::string::npos || cut == 0) return document_name;
    std::string prefix = document_name.substr(0, cut);
    for (char& c : prefix) {
        if (!std::isalnum(static_cast<unsigned char>(c))) return document_name;
        c = char(std::toupper(static_cast<unsigned char>(c)));
    }
    return prefix;
}

std::string quote_attribution(const analysis::Extract& e) {
    std::string who = !e.case_name.empty() ? e.case_name : !e.speaker_label.empty() ? e.speaker_label : "unattributed";
    return e.document_name.empty() ? who : who + ", " + group_short_label(e.document_name);
}

std::vector<analysis::Extract> theme_quotes(const analysis::AnalysisData& d, RowId theme_id, std::size_t count,
                                            std::set<RowId>* avoid) {
    analysis::QuoteOptions qo;
    qo.count = count;
    auto pick = [&](bool with_subthemes) {
        auto all = analysis::extracts_for_codes(d, d.theme_codes(theme_id, with_subthemes));
        std::vector<analysis::Extract> fresh;
        for (const auto& e : all)
            if (!avoid || !avoid->count(e.coding_id)) fresh.push_back(e);
        auto picked = analysis::pick_illustrative(d, fresh, qo);
        if (picked.size() < count) {
            // Fill up with quotes already shown rather than show fewer.
            auto again = analysis::pick_illustrative(d, all, qo);
            for (const auto& e : again) {
                if (picked.size() >= count) break;
                bool dup = false;
                for (const auto& x : picked) dup = dup || x.coding_id == e.coding_id;
                if (!dup) picked.push_back(e);
            }
        }
        return picked;
    };
    auto picked = pick(false);
    if (picked.size() < count) {
        auto wider = pick(true);
        if (wider.size() > picked.size()) picked = std::move(wider);
    }
    if (avoid)
        for (const auto& e : picked) avoid->insert(e.coding_id);
    return picked;
}

std::vector<Memo> member_check_feedback(const Project& p, RowId theme_id) {
    std::vector<Memo> out;
    std::string want = kMemberCheckMemoTitle;
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        return s;
    };
    want = lower(want);
    for (auto& m : p.memos_for(MemoTarget::theme, theme_id))
        if (lower(m.title).rfind(want, 0) == 0) out.push_back(std::move(m));
    std::stable_sort(out.begin(), out.end(), [](const Memo& a, const Memo& b) { return a.created_at < b.created_at; });
    return out;
}

}  // namespace tessera::exporter
