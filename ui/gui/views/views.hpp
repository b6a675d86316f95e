// The workbench's views: one function (or small class) per panel, each in its own file.
//
// A view draws from AppState (UI state) and ModelCache (what the project holds, honouring blind
// mode), changes UI state directly, and changes the project only by queuing commands.
// To add a view (agreement, themes, matrix): declare `void draw_x_view(AppState&, const ModelCache&,
// CommandQueue&)` here, put it in views/x_view.cpp, add a flag to Panels and a call in App::draw_panels.
#pragma once

#include "ui/gui/app_state.hpp"
#include "ui/gui/command_queue.hpp"
#include "ui/gui/model_cache.hpp"
#include "ui/gui/search_model.hpp"

namespace tessera::gui {

/// Documents with word counts and per-coder progress; cases with attributes. Clicking opens.
void draw_documents_view(AppState& s, const ModelCache& c, CommandQueue& q);
/// The codebook tree: counts, drag to re-parent, drop a selection to code, context menu, merge.
void draw_codebook_view(AppState& s, const ModelCache& c, CommandQueue& q);
/// Editor of the selected code: name, colour, definition, inclusion, exclusion, example.
void draw_code_editor_view(AppState& s, const ModelCache& c, CommandQueue& q);
/// The selected code's extracts with context; clicking one jumps to it in the transcript.
void draw_retrieval_view(AppState& s, const ModelCache& c, CommandQueue& q);
/// Search tab: asks `m` for a search (run after the frame); clicking a result opens it; the turns
/// found can be coded with the code selected in the codebook, as one step.
void draw_search_view(AppState& s, const ModelCache& c, CommandQueue& q, SearchModel& m);
/// Opens result `i` of `m` in the transcript: its first match selected and scrolled to, and every
/// match the search found in that document marked.
void open_search_result(AppState& s, const SearchModel& m, std::size_t i);
/// Memos on the current target (document, code, coding, case): list, add, edit, delete.
void draw_memos_view(AppState& s, const ModelCache& c, CommandQueue& q);
/// The quick-search code picker (Ctrl+K) and "new code from selection" (Ctrl+N) popups.
void draw_code_popups(AppState& s, const ModelCache& c, CommandQueue& q);
/// Error modal and fading notices.
void draw_notifications(AppState& s);

/// Queues coding the current selection with `code` (own or team code); no-op without a selection.
void code_selection(AppState& s, const ModelCache& c, CommandQueue& q, RowId code);
/// Queues an in-vivo code: the selected words become the new code's name, applied to them.
void code_in_vivo(AppState& s, const ModelCache& c, CommandQueue& q);
/// Queues a new code named `name` in the coder's codebook applied to the selection.
void code_with_new(AppState& s, const ModelCache& c, CommandQueue& q, const std::string& name);

class AnalysisCache;
/// Themes tree (status, discard/restore, drag codes and themes in), fields, support and quotes.
void draw_themes_view(AppState& s, const ModelCache& c, const AnalysisCache& a, CommandQueue& q);
/// Thematic map canvas: pan, zoom, drag themes to place them, Graphviz layout, export.
void draw_map_view(AppState& s, const ModelCache& c, const AnalysisCache& a, CommandQueue& q);
/// Framework matrix: charted summaries, extracts behind a cell, heat map, filters, export.
void draw_matrix_view(AppState& s, const ModelCache& c, const AnalysisCache& a, CommandQueue& q);
/// Opens "themes" | "map" | "matrix" and brings it to the front.
void open_analysis_panel(AppState& s, const std::string& panel);
/// The open themes, map and matrix windows (over the transcript, codebook left free).
void draw_analysis_windows(AppState& s, const ModelCache& c, const AnalysisCache& a, CommandQueue& q);

class AgreementModel;
/// Agreement between two coders per code, per document and overall, with colour bands; drill-down.
void draw_agreement_view(AppState& s, const ModelCache& c, AgreementModel& m, CommandQueue& q);
/// One disagreement at a time, A's and B's versions side by side; accept A / B / both, reject.
void draw_disagreement_view(AppState& s, const ModelCache& c, AgreementModel& m, CommandQueue& q);
/// Proposed pairing of two inductive codebooks; change pairs, name team codes, confirm.
void draw_alignment_view(AppState& s, const ModelCache& c, AgreementModel& m, CommandQueue& q);
/// Opens "agreement" | "disagreements" | "alignment"; in blind mode asks first (draw_agreement_windows).
void open_agreement_panel(AppState& s, const ModelCache& c, AgreementModel& m, const std::string& panel);
/// The open agreement windows and the blind-mode confirmation (audited when accepted).
void draw_agreement_windows(AppState& s, const ModelCache& c, AgreementModel& m, CommandQueue& q);

}  // namespace tessera::gui
