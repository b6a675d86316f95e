// ReadAhead: produces items on a worker thread a few ahead of the consumer, handing them over in order.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace tessera {

/// Runs `produce(0)`, `produce(1)`, ... `produce(count - 1)` on a worker thread, at most `ahead`
/// finished items ahead of the consumer. Made for imports: parsing transcript N+1 overlaps storing
/// transcript N, and memory holds a handful of parsed transcripts however many files there are.
/// `produce` runs on the worker, so it must not touch what the consumer uses (the project).
template <class T>
class ReadAhead {
public:
    ReadAhead(std::size_t count, std::function<T(std::size_t)> produce, std::size_t ahead = 2)
        : m_count(count), m_produce(std::move(produce)), m_ahead(std::max<std::size_t>(ahead, 1)),
          m_worker([this] { run(); }) {}

    ReadAhead(const ReadAhead&) = delete;
    ReadAhead& operator=(const ReadAhead&) = delete;

    /// Stops the worker after the item it is producing (if any) and waits for it.
    ~ReadAhead() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_worker.join();
    }

    /// The next item in order; rethrows what `produce` threw for it (no items follow a failed
    /// one); nullopt after the last.
    std::optional<T> next() {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [&] { return !m_ready.empty() || m_finished; });
        if (m_ready.empty()) return std::nullopt;
        Item item = std::move(m_ready.front());
        m_ready.pop_front();
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
        for (std::size_t i = 0; i < m_count; ++i) {
            {
                std::unique_lock<std::mutex> lock(m_mutex);
                m_changed.wait(lock, [&] { return m_stop || m_ready.size() < m_ahead; });
                if (m_stop) break;
            }
            Item item;
            try {
                item.value.emplace(m_produce(i));
            } catch (...) {
                item.error = std::current_exception();
            }
            const bool failed = item.error != nullptr;
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                m_ready.push_back(std::move(item));
            }
            m_changed.notify_all();
            if (failed) break;
        }
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_finished = true;
        }
        m_changed.notify_all();
    }

    const std::size_t m_count;
    const std::function<T(std::size_t)> m_produce;
    const std::size_t m_ahead;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_ready;
    bool m_stop = false;
    bool m_finished = false;
    std::thread m_worker;  // last: starts once everything above is initialised
};

}  // namespace tessera
