// Implementation of search_model.hpp.
#include "ui/gui/search_model.hpp"

#include "search/hit_details.hpp"

#include "util/error.hpp"

#include <chrono>
#include <mutex>

namespace tessera::gui {

// How many turns the tab lists: enough to read through; the count says when there are more.
constexpr std::size_t kShown = 200;

// A search still running when its model goes (another project opened, the window closed) is kept
// here: std::async's future would otherwise make the GUI thread wait for it. Finished ones are
// dropped as others arrive; the rest are waited for when the program exits.
void SearchModel::park(std::future<Outcome> running) {
    static std::mutex mutex;
    static std::vector<std::future<Outcome>> parked;
    if (!running.valid()) return;
    std::lock_guard<std::mutex> lock(mutex);
    std::erase_if(parked, [](const std::future<Outcome>& f) {
        return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    });
    parked.push_back(std::move(running));
}

SearchModel& SearchModel::operator=(SearchModel&& o) noexcept {
    if (this == &o) return *this;
    park(std::move(m_running));
    ui = std::move(o.ui);
    m_worker = std::move(o.m_worker);
    m_running = std::move(o.m_running);
    m_pending = std::move(o.m_pending);
    m_last = std::move(o.m_last);
    m_generation = o.m_generation;
    m_rows = std::move(o.m_rows);
    m_estimated = o.m_estimated;
    m_error = std::move(o.m_error);
    m_query = std::move(o.m_query);
    m_language = std::move(o.m_language);
    return *this;
}

SearchModel::~SearchModel() { park(std::move(m_running)); }

void SearchModel::request(std::string query, search::SearchFilter filter) {
    m_pending = Request{std::move(query), filter};
}

void SearchModel::refresh(const Project& p, std::uint64_t generation) {
    if (m_running.valid()) {
        if (m_running.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
        take();
    }
    if (m_pending) {
        Request r = std::move(*m_pending);
        m_pending.reset();
        m_generation = generation;
        start(p, r);
        m_last = std::move(r);
    } else if (m_last && generation != m_generation) {
        m_generation = generation;
        start(p, *m_last);  // the project changed: documents or speakers may have come or gone
    }
}

void SearchModel::wait() {
    if (m_running.valid()) take();
}

void SearchModel::start(const Project& p, const Request& r) {
    m_running = std::async(std::launch::async, [w = m_worker, path = p.path(), r] { return run(*w, path, r); });
}

void SearchModel::take() {
    Outcome o = m_running.get();
    m_rows = std::move(o.rows);
    m_estimated = o.estimated;
    m_error = std::move(o.error);
    m_query = std::move(o.query);
    if (!o.language.empty()) m_language = std::move(o.language);
}

// On the worker: its own connection (SQLite connections are not shared across threads here).
SearchModel::Outcome SearchModel::run(Worker& w, const std::filesystem::path& path, const Request& r) {
    Outcome out;
    out.query = r.query;
    try {
        if (!w.project) w.project.emplace(Project::open(path));
        if (!w.index) w.index.emplace(path);
        const Project& p = *w.project;
        out.language = search::search_language(p);
        search::SearchResult found = w.index->search(p, r.query, r.filter, kShown);
        out.estimated = found.estimated;
        search::HitDetails details(p);
        for (const auto& h : found.hits) {
            const Document& d = details.document(h);
            SearchRow row;
            row.document_id = h.document_id;
            row.document = d.name;
            row.speaker = details.speaker_label(h);
            row.snippet = search::snippet(d.text, h, 140, "«", "»");
            row.first = h.matches.empty() ? h.turn : h.matches.front();
            row.turn = h.turn;
            row.matches = h.matches;
            out.rows.push_back(std::move(row));
        }
    } catch (const std::exception& e) {
        out.rows.clear();
        out.error = e.what();
    } catch (...) {
        out.rows.clear();
        out.error = "search failed for a reason the search index did not say; search again";
    }
    return out;
}

}  // namespace tessera::gui
