// RFC 4180 CSV writing (quoting only where needed), shared by every CSV exporter and CLI listing.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace tessera::exporter {

/// Returns `field` quoted per RFC 4180 when it holds a comma, quote, CR or LF; otherwise unchanged.
std::string csv_field(std::string_view field);

/// Writes one record with CRLF line end, as RFC 4180 says.
void write_csv_row(std::ostream& out, const std::vector<std::string>& fields);

}  // namespace tessera::exporter
