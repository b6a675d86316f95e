// Waiting for another connection's write with a callback, so a front end can show that it waits.
#include "store/busy_wait.hpp"

#include <sqlite3.h>

namespace tessera {

namespace {
constexpr int kStepMs = 50;
constexpr int kDefaultTimeoutMs = 5000;  // as store::Database sets on open
}  // namespace

BusyWait::BusyWait(Project& p, int timeout_ms, Callback on_wait)
    : m_project(p), m_timeout_ms(timeout_ms), m_on_wait(std::move(on_wait)) {
    sqlite3_busy_handler(m_project.db().handle(), &BusyWait::handler, this);
}

BusyWait::~BusyWait() { sqlite3_busy_timeout(m_project.db().handle(), kDefaultTimeoutMs); }

int BusyWait::handler(void* self, int attempt) {
    auto* w = static_cast<BusyWait*>(self);
    int elapsed = attempt * kStepMs;
    if (elapsed >= w->m_timeout_ms) return 0;
    if (w->m_on_wait && !w->m_on_wait(elapsed)) return 0;
    sqlite3_sleep(kStepMs);
    return 1;
}

}  // namespace tessera
