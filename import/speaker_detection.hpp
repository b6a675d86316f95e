// Speaker-turn detection: paragraphs of transcript text in, labelled turns (with times) out.
#pragma once

#include "import/imported_document.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tessera::importer {

/// A paragraph of source text as an importer sees it; '\n' inside is a line break.
struct Paragraph {
    std::string text;
    /// Byte length of a leading bold (or otherwise emphasised) run, 0 when none: docx/odt speakers.
    std::size_t bold_prefix = 0;
    /// Table rows and similar layout: never a speaker's turn, and it ends the current speaker.
    bool structural = false;
};

/// A table row as a paragraph (cells joined by tabs), structural unless it reads as a transcript
/// row: "Speaker | utterance" or "time | Speaker | utterance" (a header row is structural).
Paragraph table_row(const std::vector<std::string>& cells);

/// Splits UTF-8 text with LF line ends into paragraphs at blank lines (lines inside stay joined).
std::vector<Paragraph> paragraphs_from_text(std::string_view text);

/// Turns paragraphs into speaker turns. Built-in labels, at the start of any line:
///   "P1: …", "Participant 21: …", "Facilitator (F1): …", "[00:12:03] Sarah: …", "Name-<TAB>…",
///   "[id1] …", a label alone on its line ("SPEAKER 2", "Speaker 1  00:13", "Interviewer:") with
///   the utterance on the following lines, Teams "h:m:s.fff --> h:m:s.fff" lines followed by a
///   name line, and a bold leading run. Role-like labels (P3, Interviewer, Speaker 2…) are taken at
///   once; other names when they label at least two lines, or when most lines of the document are
///   labelled (a transcript), so a one-off "Note: …" in prose stays text.
/// A line without a label continues the current turn; a new paragraph without a label is a new
/// turn of the same speaker; a paragraph wholly in brackets ("[laughter]") is a turn with no
/// speaker. `user_pattern` (see ImportOptions::speaker_pattern) replaces all of this when not
/// empty; throws InvalidArgument when it is not a valid regex. Turns with no text are dropped.
std::vector<ImportedTurn> detect_turns(const std::vector<Paragraph>& paragraphs, const std::string& user_pattern,
                                       bool detect = true);

/// True when `label` looks like a speaker label by itself (role word, P12, SPEAKER 2, id3...).
bool is_role_like_label(std::string_view label);

/// True when `s` could be a speaker label: 1-48 bytes, at most 5 words, starts with an upper-case
/// letter (or is role-like), letters/digits/spaces and ()-'._&/# only.
bool is_plausible_label(std::string_view s);

}  // namespace tessera::importer
