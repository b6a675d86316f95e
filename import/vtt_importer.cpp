// WebVTT importer: Teams <v Speaker> voices, Zoom "Name: text" cues, cue timings, merged turns.
#include "import/caption_cues.hpp"
#include "import/formats.hpp"
#include "import/timecode.hpp"

namespace tessera::importer::detail {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// One caption line's worth of text: markup removed, line breaks become spaces.
std::string clean(std::string_view s) {
    std::string t = strip_caption_markup(s);
    for (char& c : t)
        if (c == '\n') c = ' ';
    return std::string(trim(t));
}

// Splits a cue payload at <v Name> ... </v> voice spans.
void voices(std::string_view payload, const CueTiming& timing, std::vector<Cue>& out) {
    std::string voice;
    std::size_t pos = 0;
    auto emit = [&](std::string_view piece) {
        if (voice.empty()) {
            std::vector<std::string> lines = dash_lines(strip_caption_markup(piece));
            for (auto& l : lines) out.push_back(dash_line_cue(std::move(l), timing.start_ms, timing.end_ms));
            if (!lines.empty()) return;
        }
        std::string t = clean(piece);
        if (!t.empty()) out.push_back({voice, std::move(t), timing.start_ms, timing.end_ms});
    };
    while (pos < payload.size()) {
        std::size_t open = payload.find("<v", pos);
        std::size_t close_tag = payload.find("</v>", pos);
        while (open != std::string_view::npos && open + 2 < payload.size() && payload[open + 2] != ' ' &&
               payload[open + 2] != '.')
            open = payload.find("<v", open + 2);
        std::size_t next = std::min(open, close_tag);
        if (next == std::string_view::npos) {
            emit(payload.substr(pos));
            break;
        }
        emit(payload.substr(pos, next - pos));
        if (next == close_tag) {
            voice.clear();
            pos = close_tag + 4;
            continue;
        }
        std::size_t gt = payload.find('>', open);
        if (gt == std::string_view::npos) {
            emit(payload.substr(open));
            break;
        }
        std::string_view tag = payload.substr(open + 2, gt - open - 2);  // ".loud Name" or " Name"
        std::size_t space = tag.find(' ');
        voice = space == std::string_view::npos ? std::string() : clean(tag.substr(space + 1));
        pos = gt + 1;
    }
}

}  // namespace

void import_vtt(std::string_view bytes, const ImportOptions& options, ImportedDocument& doc) {
    std::string text = decode_source(bytes, options, doc);
    std::vector<Block> blocks = split_blocks(text);
    if (blocks.empty() || blocks.front().first_line != 1 || blocks.front().lines.front().rfind("WEBVTT", 0) != 0 ||
        (blocks.front().lines.front().size() > 6 && blocks.front().lines.front()[6] != ' ' &&
         blocks.front().lines.front()[6] != '\t'))
        throw ImportError(doc.source_path, "not a WebVTT file: the first line must be 'WEBVTT'", 1);

    std::vector<Cue> cues;
    for (std::size_t b = 1; b < blocks.size(); ++b) {
        const Block& block = blocks[b];
        std::string_view first = block.lines.front();
        if (first.rfind("NOTE", 0) == 0 || first.rfind("STYLE", 0) == 0 || first.rfind("REGION", 0) == 0) continue;
        std::size_t t = first.find("-->") != std::string_view::npos ? 0 : 1;
        if (t >= block.lines.size() || block.lines[t].find("-->") == std::string_view::npos) {
            doc.diagnostics.push_back({Diagnostic::Level::warning,
                                       doc.source_path + ":" + std::to_string(block.first_line),
                                       "block without a cue timing skipped"});
            continue;
        }
        auto timing = parse_timing_line(block.lines[t]);
        if (!timing)
            throw ImportError(doc.source_path, "malformed cue timing (expected 'hh:mm:ss.mmm --> hh:mm:ss.mmm')",
                              block.first_line + static_cast<std::int64_t>(t));
        check_cue_timing(*timing, block.first_line + static_cast<std::int64_t>(t), doc);
        std::string payload;
        for (std::size_t k = t + 1; k < block.lines.size(); ++k) {
            if (!payload.empty()) payload += '\n';
            payload += block.lines[k];
        }
        voices(payload, *timing, cues);
    }
    if (options.detect_speakers || !options.speaker_pattern.empty()) {
        doc.turns = turns_from_cues(std::move(cues), " ", options.speaker_pattern);
    } else {
        for (Cue& c : cues) doc.turns.push_back({{}, std::move(c.text), c.start_ms, c.end_ms});
    }
}

}  // namespace tessera::importer::detail
