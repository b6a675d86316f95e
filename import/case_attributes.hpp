// Case attributes from a CSV (id, age, gender, ...): one case per row, typed number/text/date/category.
#pragma once

#include "model/case.hpp"
#include "util/error.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tessera::importer {

/// How dates written nn/nn/yyyy are read: day first (UK, Europe; the default) or month first (US).
enum class DateOrder { day_first, month_first };

struct CaseAttributeOptions {
    std::string id_column;   // the case name column; empty = the first column
    std::string encoding;    // empty = detect (Excel writes UTF-8 with BOM or Windows-1252)
    DateOrder date_order = DateOrder::day_first;
    std::uint64_t max_bytes = 50ull << 20;
};

struct CaseAttributeTable {
    std::vector<std::string> header;     // every column's header as written ("age:number"), in file order
    std::string id_column;               // the header of the column the case names came from
    std::vector<std::string> columns;    // attribute names in file order (id column excluded)
    std::vector<AttributeType> types;    // one per column
    std::vector<Case> cases;             // name = id; attributes in column order, empty cells left out
    Diagnostics diagnostics;             // how something was read that may not be what was meant
};

/// Infers a column's type from its non-empty values: number (all decimal numbers), date (all
/// YYYY-MM-DD, YYYY/MM/DD, or nn/nn/yyyy and nn.nn.yyyy read in `order`), category (at most 12
/// distinct short values, some repeated), else text.
AttributeType infer_attribute_type(const std::vector<std::string>& values, DateOrder order = DateOrder::day_first);

/// True when `values` hold dates written nn/nn/yyyy that read either way round: no value has a
/// field over 12, so nothing shows whether the day or the month comes first.
bool day_month_ambiguous(const std::vector<std::string>& values);

/// What an import says about how a column of `type` read its dates in `order`, if anything: that
/// dates reading either way round (04/12/2023) were read day first (or month first, as asked), or
/// that dates which only the other order reads (04/25/2023) were not read as dates.
std::optional<std::string> date_order_note(const std::string& column, const std::vector<std::string>& values,
                                           AttributeType type, DateOrder order);

/// Returns `value` in stored form for `type`: numbers in C-locale form, dates as ISO YYYY-MM-DD
/// (nn/nn/yyyy read in `order`), others trimmed. Throws InvalidArgument naming the value when it is
/// not of that type.
std::string normalise_attribute_value(AttributeType type, const std::string& value,
                                      DateOrder order = DateOrder::day_first);

/// Reads a case-attributes CSV. A header "age:number" (or ":text", ":date", ":category") forces a
/// type; otherwise it is inferred. Throws ImportError{path, message, line} for unreadable or
/// malformed CSV, a missing id column, an empty or repeated id, or a value not of its forced type.
/// A date column that reads either way round (04/12/2023) gets a diagnostic: it is read day first.
CaseAttributeTable read_case_attributes(const std::filesystem::path& path, const CaseAttributeOptions& options = {});

}  // namespace tessera::importer
