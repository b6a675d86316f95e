// Writes a plain transcript (Label: text paragraphs) as a .docx with bold speaker labels, so the
// sample study shows Word import the way researchers' transcripts arrive.
#pragma once

#include <filesystem>
#include <string>

namespace tessera::sample {

/// Writes `transcript` (paragraphs separated by blank lines, "Label: text") to `out` as WordprocessingML.
/// Throws tessera::Error when the file cannot be written.
void write_transcript_docx(const std::string& transcript, const std::filesystem::path& out);

}  // namespace tessera::sample
