// Change detection for a project open in several windows: SQLite's data_version counter.
#pragma once

#include "store/project.hpp"

#include <cstdint>

namespace tessera {

/// Returns a number that changes whenever another connection (another window or process) has
/// committed to `p` since the last call on this connection. Cheap (no table read); a front end
/// polls it each frame and re-reads what it shows when it changes. Throws StorageError on I/O failure.
std::int64_t data_version(Project& p);

}  // namespace tessera
