// Internal: caption cues (WebVTT, SRT) → turns; markup stripping and same-speaker merging.
#pragma once

#include "import/imported_document.hpp"
#include "import/timecode.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tessera::importer::detail {

struct Cue {
    std::string speaker;  // empty when the cue names nobody
    std::string text;
    std::int64_t start_ms = 0;
    std::int64_t end_ms = 0;
};

/// Lines of `text` (LF) split into blank-line separated blocks, each with its first line number (1-based).
struct Block {
    std::vector<std::string_view> lines;
    std::int64_t first_line = 0;
};
std::vector<Block> split_blocks(std::string_view text);

/// A cue that ends before it starts (a hand-edited file) keeps its start; its end is set to the
/// start and a warning names the line, so turn times never run backwards.
void check_cue_timing(CueTiming& timing, std::int64_t line, ImportedDocument& doc);

/// The lines of a cue that writes two or more speakers as dash lines ("- Ann: Yes.\n- Bob: No."),
/// each without its dash; empty when the cue is not written that way.
std::vector<std::string> dash_lines(std::string_view text);

/// A cue made of one dash line: "Ann: Yes." names its speaker (the dash says a speaker changes).
Cue dash_line_cue(std::string line, std::int64_t start_ms, std::int64_t end_ms);

/// Removes caption markup (<i>, <b>, <c.x>, <00:00:01.000>, {\an8}) and decodes HTML entities.
std::string strip_caption_markup(std::string_view s);

/// Splits "Name: text" when Name is a plausible speaker label; returns false otherwise.
bool split_name_prefix(std::string_view line, std::string& name, std::string& rest);

/// Assigns "Name: text" speakers to unlabelled cues when the name is role-like or names two cues
/// or more (or, when `user_pattern` is set, by that regex: group 1 label, group 2 text), then merges
/// consecutive cues of one named speaker (texts joined by `joiner`). Throws InvalidArgument for a
/// bad pattern.
std::vector<ImportedTurn> turns_from_cues(std::vector<Cue> cues, const std::string& joiner,
                                          const std::string& user_pattern = {});

}  // namespace tessera::importer::detail
