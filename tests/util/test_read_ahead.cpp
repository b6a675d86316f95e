// ReadAhead: items in order, a bounded number ahead, errors where they happened, prompt shutdown.
#include "util/read_ahead.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

using namespace tessera;

TEST_CASE("read-ahead hands items over in order and never runs far ahead", "[util]") {
    const std::size_t workers = GENERATE(1, 2, 3);
    std::atomic<int> produced{0};
    int taken = 0;
    int most_ahead = 0;
    ReadAhead<std::string> ahead(
        50,
        [&](std::size_t i) {
            if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));  // uneven items
            ++produced;
            return "item " + std::to_string(i);
        },
        2, workers);
    while (auto item = ahead.next()) {
        CHECK(*item == "item " + std::to_string(taken));
        ++taken;
        std::this_thread::sleep_for(std::chrono::microseconds(200));  // a slow consumer (storing)
        most_ahead = std::max(most_ahead, produced.load() - taken);
    }
    CHECK(taken == 50);
    CHECK(produced == 50);
    // At most `ahead` past the one the consumer waits for, finished or in the making.
    CHECK(most_ahead <= 2);
}

TEST_CASE("read-ahead: a slow item holds up no other worker", "[util]") {
    // Item 0 (a large .docx, say) waits until three later items are done; the other worker must
    // go on taking the next items rather than waiting for a turn that belongs to the slow one.
    std::atomic<int> others{0};
    bool others_went_on = false;
    ReadAhead<int> ahead(
        6,
        [&](std::size_t i) {
            if (i == 0) {
                const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
                while (others.load() < 3 && std::chrono::steady_clock::now() < give_up)
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                others_went_on = others.load() >= 3;
            } else {
                ++others;
            }
            return static_cast<int>(i);
        },
        4, 2);
    for (int i = 0; i < 6; ++i) CHECK(ahead.next() == i);
    CHECK_FALSE(ahead.next().has_value());
    CHECK(others_went_on);
}

TEST_CASE("read-ahead rethrows a failure at its item and produces nothing after it", "[util]") {
    const std::size_t workers = GENERATE(1, 2);
    std::atomic<int> produced{0};
    ReadAhead<int> ahead(
        100,
        [&](std::size_t i) {
            ++produced;
            if (i == 3) throw std::runtime_error("file 4 is damaged");
            return static_cast<int>(i);
        },
        2, workers);
    for (int i = 0; i < 3; ++i) CHECK(ahead.next() == i);
    CHECK_THROWS_WITH(ahead.next(), "file 4 is damaged");
    CHECK_FALSE(ahead.next().has_value());  // and does not wait for items that will never come
    CHECK(produced <= 6);                   // a second worker may have begun the next one or two
}

TEST_CASE("read-ahead stops early when the consumer gives up, and handles nothing to do", "[util]") {
    std::atomic<int> produced{0};
    {
        ReadAhead<int> ahead(
            1000,
            [&](std::size_t i) {
                ++produced;
                return static_cast<int>(i);
            },
            2, 2);
        CHECK(ahead.next() == 0);
    }  // destroyed with most items never produced
    CHECK(produced <= 4);
    ReadAhead<int> none(0, [](std::size_t) -> int { throw std::logic_error("never called"); });
    CHECK_FALSE(none.next().has_value());
}
