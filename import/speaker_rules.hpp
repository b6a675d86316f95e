// Speaker label rules: which labels are facilitators/interviewers, and which case a participant joins.
#pragma once

#include "model/document.hpp"

#include <string>

namespace tessera::importer {

/// Role guessed from a label: "Facilitator", "Moderator", "F1" → facilitator; "Interviewer",
/// "Researcher 1", "I:" → interviewer; everything else participant.
SpeakerRole role_of(const std::string& label);

/// Case name for a participant label: the label with a role word and brackets stripped, so that
/// "Participant 21", "P21" and "P21 (member check)" can be mapped by a rule or mapping file later.
std::string case_of(const std::string& label);

}  // namespace tessera::importer
