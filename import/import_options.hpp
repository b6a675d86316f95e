// Options every importer takes: encoding override, size caps, speaker pattern override.
#pragma once

#include <cstdint>
#include <string>

namespace tessera::importer {

struct ImportOptions {
    /// Text encoding of txt/vtt/srt/csv sources ("windows-1252", "UTF-16LE", ...); empty = detect.
    std::string encoding;
    /// Largest file accepted, in bytes (checked before reading).
    std::uint64_t max_bytes = 50ull << 20;
    /// Largest total uncompressed size of a docx/odt archive (checked before inflating).
    std::uint64_t max_uncompressed_bytes = 256ull << 20;
    /// Largest uncompressed/compressed ratio of any archive entry over 1 MiB (zip-bomb guard).
    double max_compression_ratio = 200.0;
    /// ECMAScript regex replacing built-in speaker detection; it is matched at the start of each
    /// line: group 1 is the label, group 2 (if any) the utterance (else the rest of the line).
    std::string speaker_pattern;
    /// Built-in speaker detection on/off (off: one turn per paragraph, no speakers).
    bool detect_speakers = true;
    /// Document name; empty = the file's stem.
    std::string name;
};

}  // namespace tessera::importer
