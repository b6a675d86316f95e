// The one structure every importer produces: turns with speaker labels and times, before storage.
#pragma once

#include "model/document.hpp"
#include "util/error.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tessera::importer {

struct ImportedTurn {
    std::string speaker_label;  // as written ("P1", "Facilitator (F1)"); empty when none
    std::string text;           // the utterance, UTF-8 (normalised by compose())
    std::optional<std::int64_t> start_ms;
    std::optional<std::int64_t> end_ms;
};

/// A speaker whose role and case the importer knows for certain (a CSV respondent id, a mapping);
/// labels not listed here get role_of()/case_of().
struct ImportedSpeaker {
    std::string label;
    SpeakerRole role = SpeakerRole::participant;
    std::string case_name;  // empty: no case
};

struct ImportedDocument {
    std::string name;         // document name shown to the user (file stem by default)
    std::string source_path;  // where it came from
    std::string format;       // "txt", "docx", "vtt", ...
    std::vector<ImportedTurn> turns;
    std::vector<ImportedSpeaker> speakers;  // explicit roles/cases, overriding the label rules
    std::string encoding;       // text encoding used for txt/vtt/srt/csv ("UTF-8", "windows-1252"...)
    Diagnostics diagnostics;
};

/// Builds the stored form: document text is each turn as "Label: utterance" (or the bare utterance
/// when it has no speaker), turns separated by a blank line; each Turn span covers the utterance only.
/// Text is NFC with LF line ends. Speakers are listed once per label with the given roles/cases
/// (doc.speakers first, else role_of/case_of decide; see speaker_rules.hpp).
/// Throws InvalidArgument when a turn is not valid UTF-8 (importers never produce that).
NewDocument compose(const ImportedDocument& doc);

}  // namespace tessera::importer
