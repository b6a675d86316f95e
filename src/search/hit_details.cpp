// Implementation of hit_details.hpp.
#include "search/hit_details.hpp"

#include "store/project.hpp"

namespace tessera::search {

HitDetails::HitDetails(const Project& p) : m_project(p) {
    for (const auto& c : p.cases()) m_cases[c.id] = c.name;
}

const Document& HitDetails::document(const SearchHit& h) {
    auto [it, fresh] = m_documents.try_emplace(h.document_id);
    if (fresh) {
        it->second = m_project.document(h.document_id);
        for (const auto& s : m_project.speakers(h.document_id)) m_speakers[s.id] = s;
    }
    return it->second;
}

const Speaker* HitDetails::speaker(const SearchHit& h) {
    document(h);  // reads the document's speakers
    if (!h.speaker_id) return nullptr;
    auto it = m_speakers.find(*h.speaker_id);
    return it == m_speakers.end() ? nullptr : &it->second;
}

std::string HitDetails::case_name(const SearchHit& h) {
    const Speaker* s = speaker(h);
    if (!s || !s->case_id) return {};
    auto it = m_cases.find(*s->case_id);
    return it == m_cases.end() ? std::string() : it->second;
}

std::string HitDetails::speaker_label(const SearchHit& h) {
    const Speaker* s = speaker(h);
    if (!s) return {};
    const std::string kase = case_name(h);
    return kase.empty() || kase == s->label ? s->label : s->label + " (case " + kase + ")";
}

}  // namespace tessera::search
