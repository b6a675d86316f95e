// Implementation of table_text.hpp.
#include "export/table_text.hpp"

#include "export/csv_writer.hpp"

#include <cstdio>
#include <sstream>

namespace tessera::exporter {

std::string heat_colour(double level) {
    if (level < 0) return "";
    if (level > 1) level = 1;
    // From #FFFFFF to #6B9AC4: dark enough to see, light enough for black text.
    auto mix = [&](int to) { return static_cast<int>(255 + (to - 255) * level + 0.5); };
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", mix(0x6B), mix(0x9A), mix(0xC4));
    return buf;
}

std::string to_csv(const std::vector<Table>& tables) {
    std::ostringstream out;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        tables[i].check();
        if (tables.size() > 1) {
            if (i) out << "\r\n";
            write_csv_row(out, {tables[i].title});
        }
        write_csv_row(out, tables[i].headers);
        for (const auto& r : tables[i].rows) write_csv_row(out, r);
    }
    return out.str();
}

std::string escape_markdown(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '|') out += "\\|";
        else if (c == '\n') out += "<br>";
        else if (c == '\r') continue;
        else if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '<' || c == '>' || c == '[' || c == ']') {
            out += '\\';
            out += c;
        } else out += c;
    }
    return out;
}

std::string to_markdown(const std::vector<Table>& tables) {
    std::ostringstream out;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        const Table& t = tables[i];
        t.check();
        if (i) out << "\n";
        if (!t.title.empty()) out << "### " << escape_markdown(t.title) << "\n\n";
        auto row = [&](const std::vector<std::string>& cells) {
            out << "|";
            for (const auto& c : cells) out << " " << escape_markdown(c) << " |";
            out << "\n";
        };
        row(t.headers);
        out << "|";
        for (std::size_t c = 0; c < t.headers.size(); ++c) out << (c < t.header_cols ? " :-- |" : " --- |");
        out << "\n";
        for (const auto& r : t.rows) row(r);
        for (const auto& n : t.notes) out << "\n*" << escape_markdown(n) << "*\n";
    }
    return out.str();
}

std::string escape_latex(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        switch (c) {
        case '\\': out += "\\textbackslash{}"; break;
        case '&': case '%': case '$': case '#': case '_': case '{': case '}': out += '\\'; out += c; break;
        case '~': out += "\\textasciitilde{}"; break;
        case '^': out += "\\textasciicircum{}"; break;
        case '<': out += "\\textless{}"; break;
        case '>': out += "\\textgreater{}"; break;
        case '"': out += "\\textquotedbl{}"; break;
        case '\n': out += "\\newline{}"; break;
        case '\r': break;
        default: {
            // Typographic characters pdflatex's utf8 input does not define everywhere.
            auto at = [&](const char* u8) { return s.compare(i, std::char_traits<char>::length(u8), u8) == 0; };
            if (at("\u2003")) out += "\\quad{}", i += 2;
            else if (at("\u201C")) out += "``", i += 2;
            else if (at("\u201D")) out += "''", i += 2;
            else if (at("\u2018")) out += "`", i += 2;
            else if (at("\u2019")) out += "'", i += 2;
            else if (at("\u2013")) out += "--", i += 2;
            else if (at("\u2014")) out += "---", i += 2;
            else if (at("\u2026")) out += "\\ldots{}", i += 2;
            else out += c;
        }
        }
    }
    return out;
}

std::string to_latex(const std::vector<Table>& tables, const LatexOptions& o) {
    std::ostringstream out;
    if (o.standalone) {
        out << "\\documentclass[10pt]{article}\n"
               "\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n"
               "\\usepackage[a4paper,landscape,margin=1.5cm]{geometry}\n"
               "\\usepackage{booktabs}\n\\usepackage{array}\n\\usepackage{longtable}\n\\usepackage[table]{xcolor}\n"
               "\\begin{document}\n";
    }
    char width[32];
    std::snprintf(width, sizeof width, "%.2fcm", o.column_width_cm);
    for (const Table& t : tables) {
        t.check();
        out << "\\begin{longtable}{@{}";
        for (std::size_t c = 0; c < t.headers.size(); ++c)
            out << (c < t.header_cols ? "l" : std::string(">{\\raggedright\\arraybackslash}p{") + width + "}");
        out << "@{}}\n";
        if (!t.title.empty()) out << "\\caption{" << escape_latex(t.title) << "}\\\\\n";
        out << "\\toprule\n";
        for (std::size_t c = 0; c < t.headers.size(); ++c)
            out << (c ? " & " : "") << "\\textbf{" << escape_latex(t.headers[c]) << "}";
        out << " \\\\\n\\midrule\n\\endhead\n";
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            for (std::size_t c = 0; c < t.headers.size(); ++c) {
                if (c) out << " & ";
                double h = t.heat.empty() ? -1 : t.heat[r][c];
                if (h >= 0) out << "\\cellcolor[HTML]{" << heat_colour(h).substr(1) << "}";
                out << escape_latex(t.rows[r][c]);
            }
            out << " \\\\\n";
        }
        out << "\\bottomrule\n\\end{longtable}\n";
        for (const auto& n : t.notes) out << "\\noindent{\\footnotesize " << escape_latex(n) << "}\n\n";
    }
    if (o.standalone) out << "\\end{document}\n";
    return out.str();
}

std::string escape_html(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\n': out += "<br>"; break;
        case '\r': break;
        default: out += c;
        }
    }
    return out;
}

std::string to_html(const std::vector<Table>& tables, const std::string& page_title) {
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << escape_html(page_title)
        << "</title>\n<style>\n"
           "body{font-family:'Noto Sans',Arial,sans-serif;font-size:10pt;margin:2em;}\n"
           "table{border-collapse:collapse;margin-bottom:1.5em;}\n"
           "caption{font-weight:bold;text-align:left;padding:0.3em 0;}\n"
           "th,td{border:1px solid #999;padding:0.3em 0.5em;vertical-align:top;text-align:left;max-width:24em;}\n"
           "thead th{background:#eee;position:sticky;top:0;}\n"
           "tbody th{background:#f7f7f7;font-weight:normal;white-space:nowrap;}\n"
           "p.note{font-size:9pt;color:#444;}\n"
           "</style>\n</head>\n<body>\n";
    for (const Table& t : tables) {
        t.check();
        out << "<table>\n";
        if (!t.title.empty()) out << "<caption>" << escape_html(t.title) << "</caption>\n";
        out << "<thead><tr>";
        for (const auto& h : t.headers) out << "<th scope=\"col\">" << escape_html(h) << "</th>";
        out << "</tr></thead>\n<tbody>\n";
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            out << "<tr>";
            for (std::size_t c = 0; c < t.headers.size(); ++c) {
                const char* tag = c < t.header_cols ? "th" : "td";
                out << "<" << tag;
                if (c < t.header_cols) out << " scope=\"row\"";
                double h = t.heat.empty() ? -1 : t.heat[r][c];
                if (h >= 0) out << " style=\"background:" << heat_colour(h) << "\"";
                out << ">" << escape_html(t.rows[r][c]) << "</" << tag << ">";
            }
            out << "</tr>\n";
        }
        out << "</tbody>\n</table>\n";
        for (const auto& n : t.notes) out << "<p class=\"note\">" << escape_html(n) << "</p>\n";
    }
    out << "</body>\n</html>\n";
    return out.str();
}

}  // namespace tessera::exporter
