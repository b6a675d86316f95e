// UI state of the theme, map and matrix views kept between frames (selections, edit buffers, pan and
// zoom, export paths). No domain data: buffers reach the project only through queued commands.
#pragma once

#include "model/ids.hpp"

#include <cstdint>
#include <string>

namespace tessera::gui {

struct ThemesUi {
    OptId selected;                 // theme shown in the details pane
    bool show_discarded = false;
    // Support thresholds (analysis::SupportThresholds; 0 disables a check).
    std::int64_t min_groups = 2, min_participants = 2, min_extracts = 1, min_coders = 0;
    // Edit buffers of the selected theme, saved when a field loses focus.
    OptId edit_id;
    std::string name, definition, scope, not_scope;
    std::string base;  // the stored fields when loaded (joined), to follow undo when nothing is typed
    std::string discard_reason;     // typed in the "Discard theme" popup
    std::string new_name;           // typed in the "New theme" popup
    bool new_from_selection = false;
    bool open_new = false, open_discard = false;
    OptId link_to;                  // the theme chosen in "Link to", for a new link from the selected one
    std::string link_label;         // the relation typed for it ("leads to", "tension with")
};

struct MapUi {
    float pan_x = 40, pan_y = 40;  // screen offset of the map origin inside the canvas
    float zoom = 1;
    bool include_codes = true;
    bool show_discarded = false;
    std::string drag_key;          // node being dragged ("t12"), empty when none
    float drag_x = 0, drag_y = 0;  // its map position while dragging
    bool panning = false;
    bool fitted = false;           // zoomed to fit once when first shown
    std::string export_path;
    int export_layout = 0;         // 0 stored, 1 tree, 2 network
    bool open_export = false;
};

struct MatrixUi {
    bool rows_documents = false;  // false: cases (participants)
    bool cols_themes = false;     // false: codes
    std::string filter_name, filter_value;  // a case attribute filter (empty: all rows)
    std::string group_by;                   // case attribute rows are grouped by
    bool heat = false;
    // The selected cell (ids, so a rebuilt matrix keeps it) and its summary buffer.
    RowId row_id = 0, col_id = 0;
    bool cell_documents = false, cell_themes = false;  // the selected cell's row and column kinds
    bool has_cell = false;
    std::string summary;       // typed text; saved on Save, focus loss or choosing another cell
    std::string summary_base;  // the stored text when the buffer was loaded
    bool summary_loaded = false;
    std::string export_path;
    int export_format = 0;     // index into the exporter's formats
    bool export_per_theme = false, export_heat = true, export_extracts = false;
    bool open_export = false;
};

struct AnalysisUi {
    ThemesUi themes;
    MapUi map;
    MatrixUi matrix;
    std::string focus;  // window to bring to the front next frame ("themes" | "map" | "matrix")
};

}  // namespace tessera::gui
