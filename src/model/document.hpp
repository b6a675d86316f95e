// Documents (immutable NFC text), their speakers and speaker turns.
#pragma once

#include "model/ids.hpp"
#include "model/span.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tessera {

enum class SpeakerRole { participant, facilitator, interviewer, other };

/// "participant", "facilitator", "interviewer", "other".
const char* to_string(SpeakerRole role);
/// Parses a role name; nullopt for anything else.
std::optional<SpeakerRole> speaker_role_from_string(std::string_view s);
/// "participant, facilitator, interviewer, other": what a message about a bad role lists.
std::string speaker_role_names();

struct Speaker {
    RowId id = 0;
    std::string guid;
    RowId document_id = 0;
    std::string label;  // as written in the transcript ("P3", "Facilitator (F1)")
    SpeakerRole role = SpeakerRole::participant;
    OptId case_id;      // participants belong to a case; facilitators do not
};

struct Turn {
    RowId id = 0;
    RowId document_id = 0;
    std::int64_t ordinal = 0;   // 0-based order in the document
    Span span;            // the utterance, in code points of the document text
    OptId speaker_id;
    std::optional<std::int64_t> start_ms;  // media time, when the source had it
    std::optional<std::int64_t> end_ms;
};

struct Document {
    RowId id = 0;
    std::string guid;
    std::string name;
    std::string text;          // UTF-8, NFC, LF line ends, no BOM
    std::string content_hash;  // SHA-256 of text
    std::string origin;        // source path and format it came from
    std::string imported_at;
    std::int64_t position = 0; // collection order (saturation analysis)
    std::int64_t word_count = 0;
    std::int64_t length = 0;   // code points
};

/// A document before it is stored: the text plus turns whose speakers are given by label.
struct NewDocument {
    struct NewTurn {
        Span span;
        std::string speaker_label;  // empty: no speaker
        std::optional<std::int64_t> start_ms;
        std::optional<std::int64_t> end_ms;
    };
    struct NewSpeaker {
        std::string label;
        SpeakerRole role = SpeakerRole::participant;
        std::string case_name;  // empty: no case (facilitators, interviewers)
    };
    std::string name;
    std::string text;  // normalised by the store if it is not already NFC/LF
    std::string origin;
    std::vector<NewTurn> turns;
    std::vector<NewSpeaker> speakers;
};

}  // namespace tessera
