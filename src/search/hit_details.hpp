// HitDetails: what front ends show beside a search hit (its document, speaker and case), read once
// per document however many of its turns were found.
#pragma once

#include "model/case.hpp"
#include "model/document.hpp"
#include "search/search_index.hpp"

#include <map>
#include <string>

namespace tessera {
class Project;
}

namespace tessera::search {

class HitDetails {
public:
    /// Reads the project's cases now; documents and their speakers when first asked for.
    explicit HitDetails(const Project& p);

    /// The hit's document, text included. Throws InvalidArgument when it is not in the project.
    const Document& document(const SearchHit& h);
    /// The hit's speaker, or nullptr for a turn without one.
    const Speaker* speaker(const SearchHit& h);
    /// The name of the speaker's case, or "" when there is none.
    std::string case_name(const SearchHit& h);
    /// "P3", "Jo (case P3)" when the case is named otherwise, or "" without a speaker.
    std::string speaker_label(const SearchHit& h);

private:
    const Project& m_project;
    std::map<RowId, Document> m_documents;
    std::map<RowId, Speaker> m_speakers;
    std::map<RowId, std::string> m_cases;
};

}  // namespace tessera::search
