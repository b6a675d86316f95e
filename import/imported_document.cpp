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
    std::size_t total = 0;
    for (const auto& t : doc.turns) total += t.speaker_label.size() + t.text.size() + 4;
    out.text.reserve(total);
    for (const auto& t : doc.turns) {
        std::string label = text::to_nfc(t.speaker_label);
        if (!out.text.empty()) {
            out.text += "\n\n";
            pos += 2;
        }
        if (!label.empty()) {
            out.text += label;
            out.text += ": ";
            pos += text::count_code_points(label) + 2;
        }
        std::int64_t start = pos;
        // Appended as it is, then checked in place: importers hand over NFC text with LF line
        // ends almost always, and copying every utterance to normalise it was a share of import time.
        const std::size_t at = out.text.size();
        if (t.text.find('\r') == std::string::npos) out.text += t.text;
        else out.text += text::normalize_newlines(t.text);
        if (!text::is_nfc(std::string_view(out.text).substr(at))) {
            std::string nfc = text::to_nfc(std::string_view(out.text).substr(at));  // throws on invalid UTF-8
            out.text.replace(at, std::string::npos, nfc);
        }
        pos += text::count_code_points(std::string_view(out.text).substr(at));
        out.turns.push_back({Span{start, pos}, label, t.start_ms, t.end_ms});
        if (!label.empty() && seen.insert(label).second) {
            const ImportedSpeaker* known = nullptr;
            for (const auto& s : doc.speakers)
                if (text::to_nfc(s.label) == label) known = &s;
            if (known != nullptr) {
                out.speakers.push_back({label, known->role, known->case_name});
            } else {
                SpeakerRole role = role_of(label);
                out.speakers.push_back(
                    {label, role, role == SpeakerRole::participant ? case_in_document(label, out.name) : std::string()});
            }
        }
    }
    return out;
}

}  // namespace tessera::importer
