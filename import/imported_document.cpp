// compose(): ImportedDocument -> NewDocument, the canonical text layout of a transcript.
#include "import/imported_document.hpp"

#include "import/speaker_rules.hpp"
#include "text/text.hpp"

#include <set>

namespace tessera::importer {

NewDocument compose(const ImportedDocument& doc) {
    NewDocument out;
    out.name = doc.name;
    out.origin = doc.format + ":" + doc.source_path;
    std::int64_t pos = 0;
    std::set<std::string> seen;
    for (const auto& t : doc.turns) {
        std::string utterance = text::to_nfc(text::normalize_newlines(t.text));
        std::string label = text::to_nfc(t.speaker_label);
        if (!out.text.empty()) {
            out.text += "\n\n";
            pos += 2;
        }
        if (!label.empty()) {
            std::string prefix = label + ": ";
            out.text += prefix;
            pos += text::count_code_points(prefix);
        }
        std::int64_t start = pos;
        out.text += utterance;
        pos += text::count_code_points(utterance);
        out.turns.push_back({text::Span{start, pos}, label, t.start_ms, t.end_ms});
        if (!label.empty() && seen.insert(label).second) {
            const ImportedSpeaker* known = nullptr;
            for (const auto& s : doc.speakers)
                if (text::to_nfc(s.label) == label) known = &s;
            if (known != nullptr) {
                out.speakers.push_back({label, known->role, known->case_name});
            } else {
                SpeakerRole role = role_of(label);
                out.speakers.push_back({label, role, role == SpeakerRole::participant ? case_of(label) : std::string()});
            }
        }
    }
    return out;
}

}  // namespace tessera::importer
