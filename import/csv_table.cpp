// Implementation of csv_table.hpp: a public face over the importers' one CSV reader (csv_records),
// so every CSV Tessera reads gets the same encoding detection, delimiter sniffing and strict quoting.
#include "import/csv_table.hpp"

#include "import/csv_records.hpp"
#include "util/error.hpp"

#include <fstream>
#include <sstream>

namespace tessera::importer {

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
    detail::CsvRecords r = detail::read_csv_records(bytes, source, {});
    CsvTable t;
    t.source = source;
    t.header = std::move(r.header);
    t.rows = std::move(r.rows);
    t.lines = std::move(r.lines);
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
