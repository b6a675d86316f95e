// AnalysisCache: the analysis snapshot the theme, map and matrix views draw (see the header).
#include "ui/gui/analysis_cache.hpp"

#include "store/project.hpp"

#include <algorithm>
#include <set>

namespace tessera::gui {

void AnalysisCache::clear() {
    m_data.reset();
    m_generation = ~0ull;
    m_coder.reset();
    m_matrices.clear();
    m_support_key.clear();
    m_support.clear();
    m_quotes.clear();
    m_maps.clear();
    ++m_version;
}

void AnalysisCache::refresh(const Project& p, const AppState& s, std::uint64_t generation, bool blind) {
    // Reading every coding is not free on a large study: only while an analysis panel is shown.
    if (!s.panels.themes && !s.panels.map && !s.panels.matrix) return;
    if (m_data && generation == m_generation && s.coder_id == m_coder && blind == m_blind) return;
    auto d = analysis::AnalysisData::load(p, true);
    if (blind && s.coder_id) d = d.scoped(analysis::CoderScope::coder(*s.coder_id));
    m_data = std::make_unique<analysis::AnalysisData>(std::move(d));
    m_generation = generation;
    m_coder = s.coder_id;
    m_blind = blind;
    m_dir = p.path().parent_path();
    m_matrices.clear();
    m_support_key.clear();
    m_support.clear();
    m_quotes.clear();
    m_maps.clear();
    ++m_version;
}

const analysis::FrameworkMatrix& AnalysisCache::matrix(const analysis::MatrixSpec& spec) const {
    std::string key = std::to_string(static_cast<int>(spec.rows)) + "|" + std::to_string(static_cast<int>(spec.cols)) +
                      "|" + spec.group_by + "|" + (spec.include_discarded ? "1" : "0") + "|" +
                      (spec.include_empty_rows ? "1" : "0");
    for (const auto& w : spec.where) key += "|" + w.name + "=" + w.value;
    if (auto it = m_matrices.find(key); it != m_matrices.end()) return it->second;
    if (m_matrices.size() > 8) m_matrices.clear();
    static const analysis::FrameworkMatrix empty;
    if (!m_data) return empty;
    return m_matrices.emplace(key, analysis::build_matrix(*m_data, spec)).first->second;
}

const std::vector<analysis::ThemeSupport>& AnalysisCache::support(const analysis::SupportThresholds& t,
                                                                  bool include_discarded) const {
    std::string key = std::to_string(t.min_groups) + "," + std::to_string(t.min_participants) + "," +
                      std::to_string(t.min_extracts) + "," + std::to_string(t.min_coders) + "," +
                      (include_discarded ? "1" : "0");
    if (m_data && key != m_support_key) {
        m_support = analysis::all_theme_support(*m_data, t, {}, include_discarded);
        m_support_key = key;
    }
    return m_support;
}

const analysis::ThemeSupport* AnalysisCache::support_of(RowId theme) const {
    for (const auto& s : m_support)
        if (s.theme_id == theme) return &s;
    return nullptr;
}

const std::vector<analysis::Extract>& AnalysisCache::quotes(RowId theme) const {
    if (auto it = m_quotes.find(theme); it != m_quotes.end()) return it->second;
    std::vector<analysis::Extract> q;
    if (m_data) {
        auto codes = m_data->theme_codes(theme, true);
        q = analysis::pick_illustrative(*m_data, analysis::extracts_for_codes(*m_data, codes));
    }
    return m_quotes.emplace(theme, std::move(q)).first->second;
}

const analysis::ThematicMap& AnalysisCache::map(const analysis::MapOptions& o) const {
    std::string key = std::string(o.include_codes ? "c" : "-") + (o.include_discarded ? "d" : "-") +
                      (o.code_owner_in_label ? "o" : "-");
    if (auto it = m_maps.find(key); it != m_maps.end()) return it->second;
    static const analysis::ThematicMap empty;
    if (!m_data) return empty;
    return m_maps.emplace(key, analysis::build_thematic_map(*m_data, o)).first->second;
}

std::vector<std::string> AnalysisCache::attribute_names() const {
    std::set<std::string> names;
    if (m_data)
        for (const auto& c : m_data->cases())
            for (const auto& a : c.attributes) names.insert(a.name);
    return {names.begin(), names.end()};
}

std::vector<std::string> AnalysisCache::attribute_values(const std::string& name) const {
    std::set<std::string> values;
    if (m_data)
        for (const auto& c : m_data->cases())
            if (const std::string& v = c.attribute(name); !v.empty()) values.insert(v);
    std::vector<std::string> out(values.begin(), values.end());
    std::sort(out.begin(), out.end(), analysis::natural_less);
    return out;
}

}  // namespace tessera::gui
