// Themes (built from codes), links between themes, and framework-matrix cells.
#pragma once

#include "model/ids.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tessera {

enum class ThemeStatus { candidate, reviewed, final_, discarded };

const char* to_string(ThemeStatus s);
/// Parses "candidate" | "reviewed" | "final" | "discarded"; nullopt for anything else.
std::optional<ThemeStatus> theme_status_from_string(std::string_view s);

struct Theme {
    RowId id = 0;
    std::string guid;
    OptId parent_id;
    std::string name;
    std::string definition;
    std::string scope;
    std::string not_scope;  // what the theme is not
    ThemeStatus status = ThemeStatus::candidate;
    std::string discard_reason;
    std::optional<double> map_x;
    std::optional<double> map_y;
    std::uint32_t color = 0xF28E2B;
    std::vector<RowId> code_ids;
};

struct ThemeLink {
    RowId id = 0;
    std::string guid;
    RowId from_theme = 0;
    RowId to_theme = 0;
    std::string label;
};

enum class MatrixAxis { case_, document, code, theme };

struct MatrixCell {
    RowId id = 0;
    std::string guid;
    MatrixAxis row_kind = MatrixAxis::case_;
    RowId row_id = 0;
    MatrixAxis col_kind = MatrixAxis::code;
    RowId col_id = 0;
    std::string summary;
    std::vector<RowId> coding_ids;  // extracts the analyst linked to the summary
    std::string modified_at;
};

const char* to_string(MatrixAxis a);
/// Parses "case" | "document" | "code" | "theme"; nullopt for anything else.
std::optional<MatrixAxis> matrix_axis_from_string(std::string_view s);

struct AuditEntry {
    RowId id = 0;
    std::string at;
    OptId coder_id;
    std::string action;
    std::string detail;
};

}  // namespace tessera
