// Waiting for another connection's write with a callback, so a front end can show that it waits.
#pragma once

#include "store/project.hpp"

#include <functional>
#include <memory>

namespace tessera {

/// While alive, replaces `p`'s busy timeout: when another window or process holds the write lock,
/// a write retries every ~50 ms for up to `timeout_ms`, calling `on_wait(elapsed_ms)` before each
/// retry (a GUI draws "waiting for another window" there). `on_wait` returning false gives up at
/// once: the write then fails with StorageError ("database is locked") and changes nothing.
/// Destruction restores the default 5 s busy timeout. `p` must outlive the returned guard.
class BusyWait {
public:
    using Callback = std::function<bool(int elapsed_ms)>;
    BusyWait(Project& p, int timeout_ms, Callback on_wait);
    ~BusyWait();
    BusyWait(const BusyWait&) = delete;
    BusyWait& operator=(const BusyWait&) = delete;

private:
    static int handler(void* self, int attempt);
    Project& m_project;
    int m_timeout_ms;
    Callback m_on_wait;
};

}  // namespace tessera
