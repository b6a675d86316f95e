// Default speaker-role and case rules (an importer-specific override may replace them).
#include "import/speaker_rules.hpp"

#include "text/text.hpp"

#include <regex>

namespace tessera::importer {

SpeakerRole role_of(const std::string& label) {
    std::string l = text::fold_case(label);
    static const std::regex facil(R"(^(facilitator|moderator|co-facilitator|f\d*)\b.*)");
    static const std::regex inter(R"(^(interviewer|researcher|i|int|r\d*)\b.*)");
    if (std::regex_match(l, facil)) return SpeakerRole::facilitator;
    if (std::regex_match(l, inter)) return SpeakerRole::interviewer;
    return SpeakerRole::participant;
}

std::string case_of(const std::string& label) {
    // Drop a trailing bracketed note: "P3 (member check)" -> "P3".
    static const std::regex note(R"(\s*[\(\[][^\)\]]*[\)\]]\s*$)");
    std::string s = std::regex_replace(label, note, "");
    return s.empty() ? label : s;
}

}  // namespace tessera::importer
