// A report as a format-neutral document (headings, paragraphs, quotes, tables, figures), built once by
// the study report or the member-checking pack and rendered to Markdown, HTML or DOCX.
#pragma once

#include "analysis/table.hpp"
#include "analysis/thematic_map.hpp"
#include "export/map_graphviz.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tessera::exporter {

/// A figure: the thematic map (laid out by Graphviz when rendered) or an SVG chart drawn by us.
struct ReportFigure {
    std::string caption;
    std::optional<analysis::ThematicMap> map;  ///< set: the thematic map
    std::string svg;                           ///< otherwise: a complete <svg> element (HTML only)
    std::string fallback;                      ///< shown where the figure cannot be (e.g. Markdown on stdout)
};

/// One block of a report. Which fields count depends on `kind`.
struct ReportBlock {
    enum class Kind { heading, paragraph, quote, bullets, table, figure, note, feedback };
    Kind kind = Kind::paragraph;
    int level = 1;                   ///< heading: 1 (title) .. 4
    std::string text;                ///< heading, paragraph, quote, note, feedback prompt
    std::string attribution;         ///< quote: "P7, FG1"
    std::vector<std::string> items;  ///< bullets
    analysis::Table table;           ///< table
    ReportFigure figure;             ///< figure
};

/// The document: a title and blocks in reading order. Text is plain (renderers escape it).
struct ReportDocument {
    std::string title;
    std::vector<ReportBlock> blocks;

    void heading(int level, std::string text);
    void paragraph(std::string text);
    void note(std::string text);
    void quote(std::string text, std::string attribution);
    void bullets(std::vector<std::string> items);
    void table(analysis::Table t);
    void figure(ReportFigure f);
    /// A prompt followed by space to write an answer (member-checking pack).
    void feedback(std::string prompt);
};

enum class ReportFormat { markdown, html, docx };

/// Parses "md" | "markdown" | "html" | "docx"; throws InvalidArgument naming the value.
ReportFormat report_format_from_string(const std::string& s);
/// Format by extension (.md .html .htm .docx); throws InvalidArgument naming the file.
ReportFormat report_format_from_path(const std::filesystem::path& p);

struct ReportRenderOptions {
    MapRenderOptions map;  ///< layout, font, dpi of the map figure
};

/// A Markdown file's figures, written beside it: file name (relative to the report) and SVG bytes.
struct SideFile {
    std::string name;
    std::string bytes;
};

/// Markdown. `stem`: file names for figures ("report" -> "report-map.svg"), listed in `side_files`
/// (pass null or an empty stem for stdout: figures become their fallback text). Throws Error when
/// Graphviz fails.
std::string render_markdown(const ReportDocument& doc, const std::string& stem = {},
                            std::vector<SideFile>* side_files = nullptr, const ReportRenderOptions& o = {});
/// A standalone HTML5 page with the map inline as SVG. Throws Error when Graphviz fails.
std::string render_html(const ReportDocument& doc, const ReportRenderOptions& o = {});
/// Writes a .docx (headings, paragraphs, tables, the map as an embedded PNG) atomically to `path`.
/// Throws Error naming the file when it cannot be written or Graphviz fails.
void write_report_docx(const ReportDocument& doc, const std::filesystem::path& path, const ReportRenderOptions& o = {});

/// Writes `doc` to `path` in format `f`, atomically (Markdown figures beside it, each atomically).
/// Throws as the renderers do, and Error naming the file on I/O failure.
void write_report(const ReportDocument& doc, ReportFormat f, const std::filesystem::path& path,
                  const ReportRenderOptions& o = {});

/// The map rendered by Graphviz as SVG text (XML prolog and DOCTYPE removed) or PNG bytes.
/// Throws Error when Graphviz fails, InvalidArgument for an empty map.
std::string map_svg_text(const analysis::ThematicMap& map, const MapRenderOptions& o = {});
std::string map_png_bytes(const analysis::ThematicMap& map, const MapRenderOptions& o = {});

}  // namespace tessera::exporter
