// `tessera apply PROJECT codings.csv`: load codings from a CSV, all rows or none.
// Columns: document, coder, code (path "Parent/Child"), and either start,end (code points,
// half-open) or quote[,occurrence] (the exact coded text, found in the document).
#include "commands/apply_coding_rows.hpp"
#include "import/csv_table.hpp"
#include "text/text.hpp"
#include "ui/cli/cli_common.hpp"
#include "ui/cli/cli_registry.hpp"
#include "util/error.hpp"

#include <charconv>
#include <iostream>
#include <map>

namespace tessera::cli {
namespace {

struct ApplyArgs {
    std::string project;
    std::string csv;
    bool create = false;
    bool dry_run = false;
};

std::int64_t parse_offset(const std::string& s, const std::string& where, const char* field) {
    std::int64_t v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size() || s.empty())
        throw InvalidArgument(where + ": field '" + field + "' is not a whole number: '" + s + "'");
    return v;
}

// Code-point span of the n-th occurrence (1-based) of `quote` in `doc`.
Span find_quote(const std::string& doc, const text::OffsetIndex& index, const std::string& quote, int n,
                      const std::string& where) {
    std::size_t pos = std::string::npos, from = 0;
    for (int i = 0; i < n; ++i) {
        pos = doc.find(quote, from);
        if (pos == std::string::npos)
            throw InvalidArgument(where + ": quote not found in the document" +
                                  (i > 0 ? " (only " + std::to_string(i) + " occurrence(s))" : std::string()) + ": '" +
                                  quote.substr(0, 60) + "'");
        from = pos + 1;
    }
    std::int64_t start = index.code_point_of(pos);
    return {start, start + text::count_code_points(quote)};
}

void apply(const ApplyArgs& a) {
    Project p = open_project(a.project);
    importer::CsvTable t = importer::read_csv(a.csv);
    const std::size_t c_doc = t.require_column("document");
    const std::size_t c_coder = t.require_column("coder");
    const std::size_t c_code = t.require_column("code");
    auto c_start = t.column("start"), c_end = t.column("end"), c_quote = t.column("quote"), c_occ = t.column("occurrence");
    if (!(c_start && c_end) && !c_quote)
        throw ImportError(a.csv, "needs columns start and end, or a column quote", 1);

    std::map<std::string, Document> docs;
    std::map<std::string, text::OffsetIndex> index;
    for (auto& d : p.documents(true)) docs.emplace(d.name, std::move(d));
    for (auto& [name, d] : docs) index.emplace(name, text::OffsetIndex(d.text));

    // First pass: check every row and resolve names, so nothing is written when one row is bad.
    std::vector<CodingRow> rows;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const auto& r = t.rows[i];
        const std::string where = a.csv + ":" + std::to_string(t.lines[i]);
        auto d = docs.find(r[c_doc]);
        if (d == docs.end()) throw InvalidArgument(where + ": document '" + r[c_doc] + "' is not in the project");
        if (r[c_coder].empty()) throw InvalidArgument(where + ": field 'coder' is empty");
        if (r[c_code].empty()) throw InvalidArgument(where + ": field 'code' is empty");
        if (!p.find_coder(r[c_coder]) && !a.create)
            throw InvalidArgument(where + ": coder '" + r[c_coder] + "' is not in the project (use --create to add it)");
        Span span;
        if (c_start && c_end && !(r[*c_start].empty() && c_quote)) {
            span = {parse_offset(r[*c_start], where, "start"), parse_offset(r[*c_end], where, "end")};
            if (span.start < 0 || span.end <= span.start || span.end > d->second.length)
                throw InvalidArgument(where + ": span [" + r[*c_start] + ", " + r[*c_end] + ") is outside document '" +
                                      d->first + "' (length " + std::to_string(d->second.length) + " characters)");
        } else {
            int occ = 1;
            if (c_occ && !r[*c_occ].empty()) occ = static_cast<int>(parse_offset(r[*c_occ], where, "occurrence"));
            if (r[*c_quote].empty()) throw InvalidArgument(where + ": field 'quote' is empty");
            span = find_quote(d->second.text, index.at(d->first), text::to_nfc(r[*c_quote]), occ, where);
        }
        rows.push_back({d->second.id, span, r[c_coder], r[c_code]});
    }
    if (a.dry_run) {
        std::cout << "would apply " << rows.size() << " codings from " << a.csv << " (nothing written)\n";
        return;
    }

    // Second pass: one command, one transaction, one step; coders and codes are created in order.
    const std::size_t count = rows.size();
    CommandStack stack;
    auto cmd = std::make_unique<ApplyCodingRows>(std::move(rows), a.create, a.csv);
    auto* applied = cmd.get();
    stack.execute(p, std::move(cmd));
    const std::size_t created_coders = applied->created_coders(), created_codes = applied->created_codes();
    std::cout << "applied " << count << " codings";
    if (created_coders || created_codes)
        std::cout << " (created " << created_coders << " coder(s), " << created_codes << " code(s))";
    std::cout << "\n";
}

const Registrar kApply(40, [](CLI::App& app) {
    auto a = std::make_shared<ApplyArgs>();
    auto* cmd = app.add_subcommand("apply", "Load codings from a CSV (all rows or none)");
    cmd->add_option("PROJECT", a->project, "Project file")->required();
    cmd->add_option("CSV", a->csv, "CSV with columns document,coder,code and start,end or quote[,occurrence]")
        ->required();
    cmd->add_flag("--create", a->create, "Create coders and codes that do not exist yet");
    cmd->add_flag("--dry-run", a->dry_run, "Check every row and say what would be applied, writing nothing");
    cmd->callback([a] { apply(*a); });
});

}  // namespace
}  // namespace tessera::cli
