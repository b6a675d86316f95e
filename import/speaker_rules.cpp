// Default speaker-role and case rules (a mapping file may override them; see speaker_mapping.hpp).
#include "import/speaker_rules.hpp"

#include "text/text.hpp"

#include <regex>

namespace tessera::importer {

SpeakerRole role_of(const std::string& label) {
    std::string l = text::fold_case(label);
    static const std::regex facil(R"(^(facilitator|co-?facilitator|moderator|assistant moderator|f\d*)\b.*)");
    static const std::regex inter(R"(^(interviewer|researcher|int|i|i\d+|q)\b.*)");
    static const std::regex other(
        R"(^(observer|note ?taker|transcriber|multiple|several|all|everyone|group|unknown|inaudible|crosstalk|cross talk)\b.*)");
    if (std::regex_match(l, facil)) return SpeakerRole::facilitator;
    if (std::regex_match(l, inter)) return SpeakerRole::interviewer;
    if (std::regex_match(l, other)) return SpeakerRole::other;
    return SpeakerRole::participant;
}

std::string case_of(const std::string& label) {
    static const std::regex trim_re(R"(^\s+|\s+$)");
    std::string s = std::regex_replace(label, trim_re, "");
    // "Participant (P3)" -> "P3": a role word with a code in brackets means the code.
    static const std::regex role_code(R"(^(participant|respondent|speaker)\s*[\(\[]\s*([A-Za-z]{1,3}\s*\d+)\s*[\)\]]$)",
                                      std::regex::icase);
    std::smatch m;
    if (std::regex_match(s, m, role_code)) s = m[2].str();
    // Drop a trailing bracketed note after a participant code: "P3 (member check)" -> "P3". After a
    // name it may say who they are ("John (son)", "John (father)"): two people, kept apart.
    static const std::regex note(R"(\s*[\(\[][^\)\]]*[\)\]]\s*$)");
    static const std::regex code(R"(^([A-Za-z]{1,3}\s*\d+|(participant|respondent|speaker)\s*\d+)$)", std::regex::icase);
    std::string stripped = std::regex_replace(s, note, "");
    if (std::regex_match(stripped, code)) s = stripped;
    // "Participant 21", "participant21", "P 21", "p21" -> "P21".
    static const std::regex numbered(R"(^(participant|p)\s*0*(\d+)$)", std::regex::icase);
    if (std::regex_match(s, m, numbered)) s = "P" + m[2].str();
    static const std::regex spaces(R"(\s+)");
    s = std::regex_replace(s, spaces, " ");
    return s.empty() ? label : s;
}

bool is_generic_label(const std::string& label) {
    static const std::regex generic(R"(^\s*(speaker|spk|person|voice|guest|caller|unknown speaker)\s*[-_ ]?\s*(\d+|[a-z])\s*$)",
                                    std::regex::icase);
    return std::regex_match(label, generic);
}

std::string case_in_document(const std::string& label, const std::string& document) {
    std::string c = case_of(label);
    return is_generic_label(label) ? document + " / " + c : c;
}

}  // namespace tessera::importer
