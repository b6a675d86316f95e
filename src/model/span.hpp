// A span of a document's text: half-open [start, end) in Unicode code points, as REFI-QDA counts.
#pragma once

#include <cstdint>

namespace tessera {

/// Half-open span of code points [start, end).
struct Span {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::int64_t length() const { return end - start; }
    bool empty() const { return end <= start; }
    bool operator==(const Span&) const = default;
};

}  // namespace tessera
