// The project file's schema: application id, versions, and the ordered migrations that build it.
#pragma once

#include <cstdint>

namespace tessera::store {

class Database;

/// PRAGMA application_id of every Tessera project ("TSRA").
inline constexpr std::int32_t kApplicationId = 0x54535241;
/// The newest schema this build reads and writes.
inline constexpr int kSchemaVersion = 3;

/// Brings a project at `from_version` (0 = empty file) up to `to_version`, one migration per step,
/// all inside the caller's transaction. Throws StorageError when a step fails.
void migrate(Database& db, int from_version, int to_version = kSchemaVersion);

}  // namespace tessera::store
