// CSV records over libcsv: the parser struct is owned by RAII and fed line by line for line numbers.
#include "import/csv_records.hpp"

#include "text/encoding.hpp"
#include "text/text.hpp"
#include "util/error.hpp"

#include <csv.h>

#include <algorithm>

namespace tessera::importer::detail {
namespace {

struct Collector {
    std::vector<std::vector<std::string>> records;
    std::vector<std::int64_t> lines;
    std::vector<std::string> current;
    std::int64_t line = 1;
    std::int64_t record_line = 1;
    bool in_record = false;
};

void on_field(void* data, std::size_t len, void* p) {
    auto* c = static_cast<Collector*>(p);
    if (!c->in_record) c->record_line = c->line, c->in_record = true;
    c->current.emplace_back(data ? static_cast<const char*>(data) : "", len);
}

void on_record(int, void* p) {
    auto* c = static_cast<Collector*>(p);
    bool blank = c->current.size() <= 1 && (c->current.empty() || c->current[0].empty());
    if (!blank) {
        c->records.push_back(std::move(c->current));
        c->lines.push_back(c->record_line);
    }
    c->current.clear();
    c->in_record = false;
}

class Parser {
public:
    Parser(unsigned char delimiter, const std::string& path) {
        if (csv_init(&m_p, CSV_STRICT | CSV_STRICT_FINI) != 0) throw ImportError(path, "cannot start the CSV parser");
        csv_set_delim(&m_p, delimiter);
    }
    ~Parser() { csv_free(&m_p); }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;
    csv_parser* get() { return &m_p; }

private:
    csv_parser m_p{};
};

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t");
    auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

unsigned char sniff_delimiter(std::string_view text) {
    std::string_view first = text.substr(0, text.find('\n'));
    std::size_t commas = 0, semis = 0, tabs = 0;
    bool quoted = false;
    for (char c : first) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        commas += c == ',';
        semis += c == ';';
        tabs += c == '\t';
    }
    if (tabs > commas && tabs >= semis) return '\t';
    if (semis > commas) return ';';
    return ',';
}

}  // namespace

CsvRecords read_csv_records(std::string_view bytes, const std::string& path, const std::string& encoding) {
    CsvRecords out;
    std::string text;
    try {
        text::DecodedText d = text::decode_to_utf8(bytes, encoding);
        out.encoding = d.encoding;
        text = text::normalize_newlines(d.utf8);
    } catch (const text::EncodingError& e) {
        auto line = 1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(std::min(e.offset(), bytes.size())), '\n');
        throw ImportError(path, e.what(), line);
    }
    Parser parser(sniff_delimiter(text), path);
    Collector c;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
        if (csv_parse(parser.get(), text.data() + pos, end - pos, on_field, on_record, &c) != end - pos)
            throw ImportError(path, std::string("malformed CSV: ") + csv_strerror(csv_error(parser.get())), c.line);
        ++c.line;
        pos = end;
    }
    if (csv_fini(parser.get(), on_field, on_record, &c) != 0)
        throw ImportError(path, std::string("malformed CSV at end of file: ") + csv_strerror(csv_error(parser.get())),
                          c.record_line);
    if (c.records.empty()) throw ImportError(path, "the CSV file has no header row");
    for (const auto& h : c.records[0]) out.header.push_back(trim(h));
    for (std::size_t i = 1; i < c.records.size(); ++i) {
        auto& r = c.records[i];
        if (r.size() > out.header.size())
            throw ImportError(path, "row has " + std::to_string(r.size()) + " fields but the header has " +
                                        std::to_string(out.header.size()), c.lines[i]);
        r.resize(out.header.size());
        out.rows.push_back(std::move(r));
        out.lines.push_back(c.lines[i]);
    }
    return out;
}

std::size_t column_index(const CsvRecords& csv, const std::string& name, const std::string& path) {
    std::string want = text::fold_case(trim(name));
    for (std::size_t i = 0; i < csv.header.size(); ++i)
        if (text::fold_case(csv.header[i]) == want) return i;
    std::string have;
    for (const auto& h : csv.header) have += (have.empty() ? "" : ", ") + h;
    throw ImportError(path, "no column '" + name + "' (columns: " + have + ")", 1);
}

}  // namespace tessera::importer::detail
