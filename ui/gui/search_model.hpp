// SearchModel: what the Search tab draws (the last query's turns), read from the Project by the App
// after a frame, on request, and searched again when the project changes; plus the tab's UI state.
#pragma once

#include "search/search_index.hpp"
#include "store/project.hpp"

#include <cstdint>
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
    text::Span first;      // the first match (selected when the row is clicked)
    text::Span turn;       // the whole turn (what "Code these turns" codes)
    std::size_t matches = 0;
};

class SearchModel {
public:
    /// Asks for `query` with these filters; searched after the frame (views never read the Project).
    void request(std::string query, search::SearchFilter filter);
    /// Runs a requested search, or the last one again when the project changed (generation moved).
    /// Errors (an unreadable query) are kept in error(), not thrown.
    void refresh(const Project& p, std::uint64_t generation);

    bool searching() const { return m_pending.has_value(); }
    const std::vector<SearchRow>& rows() const { return m_rows; }
    std::size_t estimated() const { return m_estimated; }
    const std::string& error() const { return m_error; }
    const std::string& searched() const { return m_query; }  // the query the rows are for

    SearchUi ui;

private:
    struct Request {
        std::string query;
        search::SearchFilter filter;
    };
    void run(const Project& p, const Request& r);

    std::optional<search::SearchIndex> m_index;
    std::optional<Request> m_pending, m_last;
    std::uint64_t m_generation = ~0ull;
    std::vector<SearchRow> m_rows;
    std::size_t m_estimated = 0;
    std::string m_error;
    std::string m_query;
};

}  // namespace tessera::gui
