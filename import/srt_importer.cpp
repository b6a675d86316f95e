// SRT subtitle importer: numbered cues with "hh:mm:ss,mmm --> hh:mm:ss,mmm" timings.
#include "import/caption_cues.hpp"
#include "import/formats.hpp"
#include "import/timecode.hpp"

namespace tessera::importer::detail {

void import_srt(std::string_view bytes, const ImportOptions& options, ImportedDocument& doc) {
    std::string text = decode_source(bytes, options, doc);
    std::vector<Cue> cues;
    for (const Block& block : split_blocks(text)) {
        std::size_t t = 0;
        if (!parse_timing_line(block.lines[0]) && block.lines.size() > 1) t = 1;  // the cue number
        auto timing = parse_timing_line(block.lines[t]);
        if (!timing)
            throw ImportError(doc.source_path, "malformed subtitle: expected a timing 'hh:mm:ss,mmm --> hh:mm:ss,mmm'",
                              block.first_line + static_cast<std::int64_t>(t));
        check_cue_timing(*timing, block.first_line + static_cast<std::int64_t>(t), doc);
        std::string payload;
        for (std::size_t k = t + 1; k < block.lines.size(); ++k) {
            if (!payload.empty()) payload += '\n';
            payload += block.lines[k];
        }
        std::string clean = strip_caption_markup(payload);
        if (!clean.empty()) cues.push_back({{}, std::move(clean), timing->start_ms, timing->end_ms});
    }
    if (options.detect_speakers || !options.speaker_pattern.empty()) {
        doc.turns = turns_from_cues(std::move(cues), "\n", options.speaker_pattern);
    } else {
        for (Cue& c : cues) doc.turns.push_back({{}, std::move(c.text), c.start_ms, c.end_ms});
    }
}

}  // namespace tessera::importer::detail
