// The saturation curve as a hand-drawn SVG: axes, gridlines, new-code bars and the cumulative line.
#include "export/report_chart.hpp"

#include "analysis/table.hpp"
#include "export/table_text.hpp"

#include <algorithm>
#include <sstream>

namespace tessera::exporter {

std::string saturation_svg(const analysis::Saturation& s) {
    const double width = 640, height = 360, left = 56, right = 16, top = 20, bottom = 110;
    const double plot_w = width - left - right, plot_h = height - top - bottom;
    std::int64_t max_y = 1;
    for (const auto& p : s.points) max_y = std::max({max_y, p.cumulative_codes, p.new_codes});
    // A round axis maximum with 4-6 gridlines.
    std::int64_t step = 1;
    for (std::int64_t cand : {1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000})
        if (max_y / cand <= 6) { step = cand; break; }
    std::int64_t top_y = ((max_y + step - 1) / step) * step;
    std::size_t n = std::max<std::size_t>(s.points.size(), 1);
    double slot = plot_w / double(n);
    auto x_of = [&](std::size_t i) { return left + slot * (double(i) + 0.5); };
    auto y_of = [&](double v) { return top + plot_h - plot_h * v / double(top_y); };
    auto f = [](double v) { return analysis::format_fixed(v, 1); };

    std::ostringstream o;
    o << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
      << "\" viewBox=\"0 0 " << width << " " << height
      << "\" font-family=\"Noto Sans, Arial, sans-serif\" font-size=\"11\" role=\"img\" "
         "aria-label=\"Saturation curve: cumulative codes per document\">\n";
    for (std::int64_t v = 0; v <= top_y; v += step) {
        o << "<line x1=\"" << left << "\" y1=\"" << f(y_of(double(v))) << "\" x2=\"" << width - right << "\" y2=\""
          << f(y_of(double(v))) << "\" stroke=\"#ddd\"/>\n";
        o << "<text x=\"" << left - 6 << "\" y=\"" << f(y_of(double(v)) + 4) << "\" text-anchor=\"end\">" << v
          << "</text>\n";
    }
    o << "<line x1=\"" << left << "\" y1=\"" << top << "\" x2=\"" << left << "\" y2=\"" << top + plot_h
      << "\" stroke=\"#444\"/>\n<line x1=\"" << left << "\" y1=\"" << top + plot_h << "\" x2=\"" << width - right
      << "\" y2=\"" << top + plot_h << "\" stroke=\"#444\"/>\n";
    o << "<text transform=\"translate(14," << f(top + plot_h / 2) << ") rotate(-90)\" text-anchor=\"middle\">Codes</text>\n";
    std::string line;
    for (std::size_t i = 0; i < s.points.size(); ++i) {
        const auto& p = s.points[i];
        double bw = std::min(slot * 0.5, 28.0), x = x_of(i);
        o << "<rect x=\"" << f(x - bw / 2) << "\" y=\"" << f(y_of(double(p.new_codes))) << "\" width=\"" << f(bw)
          << "\" height=\"" << f(plot_h * double(p.new_codes) / double(top_y)) << "\" fill=\"#9ecae1\"><title>"
          << escape_html(p.document_name) << ": " << p.new_codes << " new</title></rect>\n";
        line += (line.empty() ? "" : " ") + f(x) + "," + f(y_of(double(p.cumulative_codes)));
        o << "<text transform=\"translate(" << f(x) << "," << f(top + plot_h + 12)
          << ") rotate(40)\" text-anchor=\"start\">" << escape_html(p.document_name) << "</text>\n";
    }
    if (!line.empty()) {
        o << "<polyline points=\"" << line << "\" fill=\"none\" stroke=\"#08519c\" stroke-width=\"2\"/>\n";
        for (std::size_t i = 0; i < s.points.size(); ++i)
            o << "<circle cx=\"" << f(x_of(i)) << "\" cy=\"" << f(y_of(double(s.points[i].cumulative_codes)))
              << "\" r=\"3.5\" fill=\"#08519c\"><title>" << escape_html(s.points[i].document_name) << ": "
              << s.points[i].cumulative_codes << " codes so far</title></circle>\n";
    }
    o << "<rect x=\"" << width - right - 170 << "\" y=\"" << top + plot_h - 40
      << "\" width=\"10\" height=\"10\" fill=\"#9ecae1\"/><text x=\"" << width - right - 155 << "\" y=\""
      << top + plot_h - 31 << "\">new codes in the document</text>\n";
    o << "<line x1=\"" << width - right - 170 << "\" y1=\"" << top + plot_h - 52 << "\" x2=\"" << width - right - 160
      << "\" y2=\"" << top + plot_h - 52 << "\" stroke=\"#08519c\" stroke-width=\"2\"/><text x=\""
      << width - right - 155 << "\" y=\"" << top + plot_h - 48 << "\">cumulative codes</text>\n";
    o << "</svg>";
    return o.str();
}

}  // namespace tessera::exporter
