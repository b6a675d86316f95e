// Speaker label rules: which labels are facilitators/interviewers, and which case a participant joins.
#pragma once

#include "model/document.hpp"

#include <string>

namespace tessera::importer {

/// Role guessed from a label: "Facilitator", "Co-facilitator", "Moderator", "F1" → facilitator;
/// "Interviewer", "Researcher 1", "I", "Int", "Q" → interviewer; "Observer", "Note taker",
/// "Multiple Students", "Unknown speaker", "All" → other; everything else ("P3", "R2" as respondent,
/// "Sarah", "Speaker 2") → participant.
SpeakerRole role_of(const std::string& label);

/// Case name for a participant label, normalised so that one person's labels across documents meet:
/// a trailing bracketed note is dropped ("P21 (member check)" → "P21"), "Participant 21",
/// "participant21" and "P 21" become "P21", "Participant (P3)" becomes "P3"; other labels are kept
/// as written (trimmed).
std::string case_of(const std::string& label);

/// True for the numbered labels transcription services and diarisation give ("Speaker 1",
/// "SPEAKER_02", "Speaker A", "Spk 3", "Person 2", "Guest 1"): a position in one recording, not a
/// person, so "Speaker 1" of one interview is not "Speaker 1" of the next.
bool is_generic_label(const std::string& label);

/// The case a participant's label joins in document `document`: case_of(label), except that a
/// generic label's case is the document's own ("Interview Ana / Speaker 2").
std::string case_in_document(const std::string& label, const std::string& document);

}  // namespace tessera::importer
