// Implementation of csv_table.hpp over libcsv (strict mode, so bad quoting is an error, not a guess).
#include "import/csv_table.hpp"

#include "text/text.hpp"
#include "util/error.hpp"

#include <csv.h>

#include <fstream>
#include <sstream>

namespace tessera::importer {
namespace {

struct Builder {
    std::vector<std::vector<std::string>> records;
    std::vector<std::int64_t> lines;
    std::vector<std::string> current;
    std::int64_t line = 1;
    std::int64_t record_line = 1;
};

void on_field(void* data, std::size_t len, void* p) {
    auto* b = static_cast<Builder*>(p);
    b->current.emplace_back(static_cast<const char*>(data), len);
}

void on_record(int, void* p) {
    auto* b = static_cast<Builder*>(p);
    // A blank line gives one empty field: skip it.
    if (!(b->current.size() == 1 && b->current[0].empty())) {
        b->records.push_back(std::move(b->current));
        b->lines.push_back(b->record_line);
    }
    b->current.clear();
}

// libcsv's parser is a caller-owned struct: initialise on construction, free on destruction.
class Parser {
public:
    explicit Parser(const std::string& source) {
        if (csv_init(&m_p, CSV_STRICT | CSV_APPEND_NULL) != 0) throw ImportError(source, "cannot start the CSV parser");
    }
    ~Parser() { csv_free(&m_p); }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;
    csv_parser* get() { return &m_p; }

private:
    csv_parser m_p{};
};

std::string trim(std::string s) {
    auto b = s.find_first_not_of(" \t");
    auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

}  // namespace

std::optional<std::size_t> CsvTable::column(const std::string& name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return i;
    return std::nullopt;
}

std::size_t CsvTable::require_column(const std::string& name) const {
    if (auto i = column(name)) return *i;
    std::string have;
    for (const auto& h : header) have += (have.empty() ? "" : ", ") + h;
    throw ImportError(source, "no column '" + name + "' (columns: " + have + ")", 1);
}

CsvTable parse_csv(std::string_view bytes, const std::string& source) {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    std::size_t bad = text::first_invalid_utf8(bytes);
    if (bad != std::string_view::npos) {
        std::int64_t line = 1;
        for (std::size_t i = 0; i < bad; ++i)
            if (bytes[i] == '\n') ++line;
        throw ImportError(source, "not valid UTF-8 (byte " + std::to_string(bad) + "); save the file as UTF-8", line);
    }
    Parser parser(source);
    Builder b;
    // Feed line by line so that errors and records carry their line numbers.
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        std::size_t nl = bytes.find('\n', pos);
        std::size_t end = nl == std::string_view::npos ? bytes.size() : nl + 1;
        if (b.current.empty()) b.record_line = b.line;
        if (csv_parse(parser.get(), bytes.data() + pos, end - pos, on_field, on_record, &b) != end - pos)
            throw ImportError(source, std::string("malformed CSV: ") + csv_strerror(csv_error(parser.get())), b.line);
        ++b.line;
        pos = end;
    }
    if (csv_fini(parser.get(), on_field, on_record, &b) != 0)
        throw ImportError(source, std::string("malformed CSV at end of file: ") + csv_strerror(csv_error(parser.get())),
                          b.line - 1);
    CsvTable t;
    t.source = source;
    if (b.records.empty()) throw ImportError(source, "the CSV file is empty (no header row)");
    for (auto& h : b.records[0]) t.header.push_back(trim(h));
    for (std::size_t i = 1; i < b.records.size(); ++i) {
        auto& r = b.records[i];
        if (r.size() > t.header.size())
            throw ImportError(source, "row has " + std::to_string(r.size()) + " fields but the header has " +
                                          std::to_string(t.header.size()), b.lines[i]);
        r.resize(t.header.size());
        t.rows.push_back(std::move(r));
        t.lines.push_back(b.lines[i]);
    }
    return t;
}

CsvTable read_csv(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ImportError(path.string(), "cannot be read (missing or no permission)");
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse_csv(ss.str(), path.string());
}

}  // namespace tessera::importer
