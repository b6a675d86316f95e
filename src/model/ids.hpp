// Row ids and GUIDs: every entity has both (row id for joins, GUID for exchange and merge).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace tessera {

using RowId = std::int64_t;
using OptId = std::optional<RowId>;

/// Returns a new random RFC 4122 version-4 GUID in canonical lowercase form.
std::string new_guid();

/// Current UTC time as ISO 8601 (`2026-11-24T10:00:00Z`).
std::string now_iso8601();

}  // namespace tessera
