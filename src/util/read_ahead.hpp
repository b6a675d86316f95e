// ReadAhead: produces items on worker threads a few ahead of the consumer, handing them over in order.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace tessera {

/// Runs `produce(0)`, `produce(1)`, ... `produce(count - 1)` on `workers` threads (each worker takes
/// the next item not yet begun, so one slow item holds up no other worker), never more than
/// `ahead` items past the one the consumer is waiting for, and hands the results over in order. Made for imports: parsing the next transcripts overlaps
/// storing this one, and memory holds a handful of parsed transcripts however many files there
/// are. `produce` runs on the workers, concurrently with itself and the consumer: it must not
/// touch what the consumer uses (the project).
template <class T>
class ReadAhead {
public:
    ReadAhead(std::size_t count, std::function<T(std::size_t)> produce, std::size_t ahead = 2, std::size_t workers = 1)
        : m_produce(std::move(produce)), m_ahead(std::max<std::size_t>(ahead, 1)), m_limit(count) {
        workers = std::max<std::size_t>(1, std::min(workers, std::max<std::size_t>(count, 1)));
        m_running = workers;
        for (std::size_t w = 0; w < workers; ++w) m_workers.emplace_back([this] { run(); });
    }

    ReadAhead(const ReadAhead&) = delete;
    ReadAhead& operator=(const ReadAhead&) = delete;

    /// Stops the workers after the items they are producing (if any) and waits for them.
    ~ReadAhead() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        for (auto& t : m_workers) t.join();
    }

    /// The next item in order; rethrows what `produce` threw for it (no items follow a failed
    /// one); nullopt after the last.
    std::optional<T> next() {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [&] { return m_taken >= m_limit || m_ready.count(m_taken) > 0 || m_running == 0; });
        auto it = m_ready.find(m_taken);
        if (m_taken >= m_limit || it == m_ready.end()) return std::nullopt;
        Item item = std::move(it->second);
        m_ready.erase(it);
        ++m_taken;
        lock.unlock();
        m_changed.notify_all();
        if (item.error) std::rethrow_exception(item.error);
        return std::move(item.value);
    }

private:
    struct Item {
        std::optional<T> value;
        std::exception_ptr error;
    };

    void run() {
        for (;;) {
            std::size_t i = 0;
            {
                std::unique_lock<std::mutex> lock(m_mutex);
                m_changed.wait(lock, [&] { return m_stop || m_next >= m_limit || m_next < m_taken + m_ahead; });
                if (m_stop || m_next >= m_limit) break;
                i = m_next++;
            }
            Item item;
            try {
                item.value.emplace(m_produce(i));
            } catch (...) {
                item.error = std::current_exception();
            }
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                if (item.error) m_limit = std::min(m_limit, i + 1);  // nothing after a failure
                if (i < m_limit) m_ready.emplace(i, std::move(item));
            }
            m_changed.notify_all();
        }
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            --m_running;
        }
        m_changed.notify_all();
    }

    const std::function<T(std::size_t)> m_produce;
    const std::size_t m_ahead;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::map<std::size_t, Item> m_ready;  // finished items by index, not yet taken
    std::size_t m_limit;                  // items at or past this index are not produced
    std::size_t m_taken = 0;              // index of the next item to hand over
    std::size_t m_next = 0;               // index of the next item to begin
    std::size_t m_running = 0;            // workers still running
    bool m_stop = false;
    std::vector<std::thread> m_workers;  // last: they start once everything above is initialised
};

}  // namespace tessera
