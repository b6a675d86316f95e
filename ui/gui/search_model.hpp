// SearchModel: what the Search tab draws (the last query's turns), searched on a worker thread with
// its own connection to the project, on request, and again when the project changes; plus the
// tab's UI state. The first search of a big project builds its index (seconds for hundreds of
// transcripts): the window keeps drawing meanwhile.
#pragma once

#include "search/search_index.hpp"
#include "store/project.hpp"

#include <cstdint>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tessera::gui {

/// UI state of the Search tab (between frames; no domain data).
struct SearchUi {
    std::string query;
    bool participants_only = false;  // leave facilitators' and interviewers' questions out
    bool this_document_only = false;
};

/// One result as the tab lists it.
struct SearchRow {
    RowId document_id = 0;
    std::string document;  // its name
    std::string speaker;   // "P3 (case P3)", "Facilitator", or "" for a turn without a speaker
    std::string snippet;   // one line with «matches» marked
    Span first;      // the first match (selected when the row is clicked)
    Span turn;       // the whole turn (what "Code these turns" codes)
    std::vector<Span> matches;  // every matched word in the turn (marked in the transcript)
};

class SearchModel {
public:
    SearchModel() = default;
    SearchModel(SearchModel&&) noexcept = default;
    /// Replacing or destroying the model does not wait for a search under way: it finishes on
    /// its own (at the latest, before the program exits).
    SearchModel& operator=(SearchModel&& o) noexcept;
    ~SearchModel();

    /// Asks for `query` with these filters; searched after the frame (views never read the Project).
    void request(std::string query, search::SearchFilter filter);
    /// Starts a requested search on the worker, or the last one again when the project changed
    /// (generation moved), and takes the result of one that finished. Errors (an unreadable
    /// query, a project that cannot be read) are kept in error(), not thrown.
    void refresh(const Project& p, std::uint64_t generation);
    /// Blocks until a search under way has finished and takes its result (a view asked for on
    /// the command line, shown in a screenshot).
    void wait();

    bool searching() const { return m_pending.has_value() || m_running.valid(); }
    const std::vector<SearchRow>& rows() const { return m_rows; }
    std::size_t estimated() const { return m_estimated; }
    const std::string& error() const { return m_error; }
    const std::string& searched() const { return m_query; }  // the query the rows are for
    /// The project's search language as the last search found it ("" before the first search).
    const std::string& language() const { return m_language; }

    SearchUi ui;

private:
    struct Request {
        std::string query;
        search::SearchFilter filter;
    };
    struct Outcome {
        std::vector<SearchRow> rows;
        std::size_t estimated = 0;
        std::string error;
        std::string query;
        std::string language;
    };
    /// What only the worker touches, one search at a time: its own connection and the index.
    struct Worker {
        std::optional<Project> project;
        std::optional<search::SearchIndex> index;
    };
    static Outcome run(Worker& w, const std::filesystem::path& path, const Request& r);
    static void park(std::future<Outcome> running);
    void start(const Project& p, const Request& r);
    void take();

    std::shared_ptr<Worker> m_worker = std::make_shared<Worker>();
    std::future<Outcome> m_running;  // from std::async: parked, not waited for, when the model goes
    std::optional<Request> m_pending, m_last;
    std::uint64_t m_generation = ~0ull;
    std::vector<SearchRow> m_rows;
    std::size_t m_estimated = 0;
    std::string m_error;
    std::string m_query;
    std::string m_language;
};

}  // namespace tessera::gui
