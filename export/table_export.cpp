// Implementation of table_export.hpp.
#include "export/table_export.hpp"

#include "export/atomic_file.hpp"
#include "export/table_docx.hpp"
#include "export/table_text.hpp"
#include "export/table_xlsx.hpp"
#include "util/error.hpp"

namespace tessera::exporter {

TableFormat table_format_from_string(const std::string& s) {
    if (s == "csv") return TableFormat::csv;
    if (s == "md" || s == "markdown") return TableFormat::markdown;
    if (s == "tex" || s == "latex") return TableFormat::latex;
    if (s == "html" || s == "htm") return TableFormat::html;
    if (s == "docx") return TableFormat::docx;
    if (s == "xlsx") return TableFormat::xlsx;
    throw InvalidArgument("unknown table format '" + s + "' (csv, md, tex, html, docx, xlsx)");
}

TableFormat table_format_from_path(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    if (ext.empty()) throw InvalidArgument("cannot tell the format of " + p.string() + ": no extension; use --format");
    return table_format_from_string(ext.substr(1));
}

bool is_text_format(TableFormat f) { return f != TableFormat::docx && f != TableFormat::xlsx; }

std::string tables_to_string(const std::vector<analysis::Table>& tables, TableFormat f, const std::string& title) {
    switch (f) {
    case TableFormat::csv: return to_csv(tables);
    case TableFormat::markdown: return to_markdown(tables);
    case TableFormat::latex: return to_latex(tables);
    case TableFormat::html: return to_html(tables, title);
    case TableFormat::docx:
    case TableFormat::xlsx: break;
    }
    throw InvalidArgument("docx and xlsx exports need an output file (-o FILE)");
}

void write_tables(const std::vector<analysis::Table>& tables, TableFormat f, const std::filesystem::path& path,
                  const std::string& title) {
    if (f == TableFormat::xlsx) return write_xlsx(tables, path);
    if (f == TableFormat::docx) return write_docx(tables, path);
    write_file_atomically(path, tables_to_string(tables, f, title));
}

}  // namespace tessera::exporter
