// Clock times in transcripts and captions: "00:12:03", "0:0:1.510", "00:01:02,500", "13:05".
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace tessera::importer {

/// Parses a clock at s[i]: h:m:s or m:s with 1-2 digit fields (hours up to 3 digits) and an
/// optional fraction after '.' or ','. On success returns milliseconds and moves `i` past it;
/// otherwise returns nullopt and leaves `i` unchanged.
std::optional<std::int64_t> parse_clock(std::string_view s, std::size_t& i);

struct CueTiming {
    std::int64_t start_ms = 0;
    std::int64_t end_ms = 0;
};

/// Parses a cue timing line "start --> end [settings]" (WebVTT, SRT, Teams docx).
/// Returns nullopt when the line is not one.
std::optional<CueTiming> parse_timing_line(std::string_view line);

}  // namespace tessera::importer
