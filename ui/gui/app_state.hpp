// AppState: what the workbench UI remembers between frames (never domain data; that is the project's).
#pragma once

#include "model/case.hpp"
#include "model/coding.hpp"
#include "model/ids.hpp"
#include "model/memo.hpp"
#include "text/text.hpp"
#include "ui/gui/analysis_ui.hpp"

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace tessera::gui {

/// A message for the user: an error from the core or a notice. Errors open a modal; notices fade.
struct Notification {
    enum class Kind { info, error };
    Kind kind = Kind::info;
    std::string title;    // "Could not apply the code"
    std::string message;  // the core's sentence (names the file / field at fault)
    std::string advice;   // what to do next
    double shown_at = 0;  // ImGui time when first drawn (notices fade after a few seconds)
    std::uint64_t serial = 0;
};

/// Text selection in the open document, in code points. anchor stays put; caret moves.
struct TextSelection {
    std::int64_t anchor = 0;
    std::int64_t caret = 0;
    Span span() const { return anchor < caret ? Span{anchor, caret} : Span{caret, anchor}; }
    bool empty() const { return anchor == caret; }
};

/// Which panels are visible. Agreement and theme views would add a flag here.
struct Panels {
    bool documents = true;
    bool codebook = true;
    bool retrieval = true;
    bool memos = true;
    bool code_editor = true;
    bool agreement = false;  // agreement report, disagreement walk and codebook alignment windows
    bool disagreements = false;
    bool alignment = false;
    bool themes = false;  // themes, thematic map and framework matrix windows
    bool map = false;
    bool matrix = false;
};

/// Which memo target the memos panel shows and writes to.
struct MemoContext {
    MemoTarget target = MemoTarget::document;
    OptId target_id;
};

struct AppState {
    // --- identity
    OptId coder_id;              // the coder this window codes as; empty until chosen
    bool choose_coder_open = false;  // the "Who is coding?" modal is requested

    // --- navigation and selection
    OptId document_id;           // the open document
    TextSelection selection;     // in document_id
    OptId selected_coding;       // clicked stripe (adjust / remove / memo act on it)
    OptId selected_code;         // codebook selection (retrieval and the editor follow it)
    OptId selected_case;
    std::int64_t scroll_to_cp = -1;  // transcript scrolls to this code point next frame, then -1
    // Words a search found in the open document, marked in the transcript until the search
    // changes or Escape is pressed there; sorted by start.
    OptId marked_document;
    std::vector<Span> marked;
    MemoContext memo_context;

    // --- coding helpers
    std::vector<RowId> recent_codes;  // most recent first; keys 1–9 apply them
    bool code_picker_open = false;    // request to open the quick-search popup
    bool new_code_open = false;       // request to open "New code from selection"
    std::string picker_filter;        // quick-search text in the code picker
    int picker_index = 0;             // highlighted row in the code picker
    std::string new_code_name;        // name typed in "New code from selection"

    // --- editors (UI buffers; written to the project only by Save)
    OptId edit_code_id;               // code whose fields the editor buffers hold
    CodeFields edit_fields;
    CodeFields edit_base;             // the stored fields when the buffers were loaded
    OptId edit_memo_id;               // memo being edited (empty: a new memo)
    std::string memo_title, memo_body;
    std::string attribute_name, attribute_value;  // "Set attribute" of the selected case
    AttributeType attribute_type = AttributeType::text;
    std::string right_tab;            // "code" | "retrieval" | "memos" | "search": tab to bring forward once
    bool focus_search = false;        // Ctrl+F: the search box takes the keyboard next frame

    // --- filters and panels
    std::string codebook_filter;
    Panels panels;
    std::string requested_view;  // --view NAME: focus this panel on the first frames
    AnalysisUi analysis;         // themes, map and matrix views

    // --- messages
    std::deque<Notification> notifications;
    std::uint64_t next_serial = 1;
    bool write_waiting = false;  // a write is waiting for another window's transaction

    /// Remembers a code as the most recently used (front of recent_codes, at most 9).
    void touch_recent(RowId code);
    /// Queues a notice (fades) or an error (modal until dismissed).
    void notify(Notification::Kind kind, std::string title, std::string message, std::string advice = {});
};

}  // namespace tessera::gui
