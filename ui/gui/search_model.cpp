// Implementation of search_model.hpp.
#include "ui/gui/search_model.hpp"

#include "util/error.hpp"

#include <map>

namespace tessera::gui {

// How many turns the tab lists: enough to read through; the count says when there are more.
constexpr std::size_t kShown = 200;

void SearchModel::request(std::string query, search::SearchFilter filter) {
    m_pending = Request{std::move(query), filter};
}

void SearchModel::refresh(const Project& p, std::uint64_t generation) {
    if (m_pending) {
        Request r = std::move(*m_pending);
        m_pending.reset();
        m_generation = generation;
        run(p, r);
        m_last = std::move(r);
    } else if (m_last && generation != m_generation) {
        m_generation = generation;
        run(p, *m_last);  // the project changed: documents or speakers may have come or gone
    }
}

void SearchModel::run(const Project& p, const Request& r) {
    m_rows.clear();
    m_estimated = 0;
    m_error.clear();
    m_query = r.query;
    if (!m_index) m_index.emplace(p.path());
    search::SearchResult found;
    try {
        found = m_index->search(p, r.query, r.filter, kShown);
    } catch (const InvalidArgument& e) {
        m_error = e.what();
        return;
    }
    m_estimated = found.estimated;
    std::map<RowId, Document> docs;
    std::map<RowId, Speaker> speakers;
    std::map<RowId, std::string> cases;
    for (const auto& c : p.cases()) cases[c.id] = c.name;
    for (const auto& h : found.hits) {
        auto [d, fresh] = docs.try_emplace(h.document_id);
        if (fresh) {
            d->second = p.document(h.document_id);
            for (const auto& s : p.speakers(h.document_id)) speakers[s.id] = s;
        }
        SearchRow row;
        row.document_id = h.document_id;
        row.document = d->second.name;
        if (h.speaker_id) {
            const Speaker& s = speakers[*h.speaker_id];
            row.speaker = s.label;
            if (s.case_id && cases[*s.case_id] != s.label) row.speaker += " (case " + cases[*s.case_id] + ")";
        }
        row.snippet = search::snippet(d->second.text, h, 140, "«", "»");
        row.first = h.matches.empty() ? h.turn : h.matches.front();
        row.turn = h.turn;
        row.matches = h.matches.size();
        m_rows.push_back(std::move(row));
    }
}

}  // namespace tessera::gui
