// AnalysisCache: the analysis snapshot (themes, matrix, support, map) the theme, map and matrix views draw,
// read from the Project only while one of those panels is shown and only when the project changed.
//
// Invariants:
//   1. Views never run SQL: everything here is read in refresh() (called by the App after a write)
//      and derived results are memoised against the snapshot's version.
//   2. In blind mode only the coder's own codings count (the snapshot is scoped to that coder).
#pragma once

#include "analysis/data.hpp"
#include "analysis/extracts.hpp"
#include "analysis/matrix.hpp"
#include "analysis/thematic_map.hpp"
#include "analysis/theme_support.hpp"
#include "ui/gui/app_state.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tessera::gui {

class AnalysisCache {
public:
    /// Re-reads the project when `generation` or the coder changed and an analysis panel is shown.
    /// Throws the core's errors (StorageError) when the project cannot be read.
    void refresh(const Project& p, const AppState& s, std::uint64_t generation, bool blind);
    void clear();

    /// The snapshot, or null before the first refresh with an analysis panel open.
    const analysis::AnalysisData* data() const { return m_data.get(); }
    /// Increments whenever the snapshot was re-read.
    std::uint64_t version() const { return m_version; }
    /// Folder of the open project (default place for exports).
    const std::filesystem::path& project_dir() const { return m_dir; }

    /// The framework matrix for `spec` (memoised). Throws InvalidArgument for an unknown attribute.
    const analysis::FrameworkMatrix& matrix(const analysis::MatrixSpec& spec) const;
    /// Support of every theme (tree order), memoised per thresholds and `include_discarded`.
    const std::vector<analysis::ThemeSupport>& support(const analysis::SupportThresholds& t,
                                                       bool include_discarded) const;
    /// Support of one theme from the last support() call, or null.
    const analysis::ThemeSupport* support_of(RowId theme) const;
    /// Suggested illustrative quotes of a theme (memoised per theme).
    const std::vector<analysis::Extract>& quotes(RowId theme) const;
    /// The thematic map model (memoised per options).
    const analysis::ThematicMap& map(const analysis::MapOptions& o) const;
    /// Names of case attributes, sorted, and the distinct values of one.
    std::vector<std::string> attribute_names() const;
    std::vector<std::string> attribute_values(const std::string& name) const;

private:
    std::unique_ptr<analysis::AnalysisData> m_data;
    std::uint64_t m_generation = ~0ull;
    OptId m_coder;
    bool m_blind = false;
    std::uint64_t m_version = 0;
    std::filesystem::path m_dir;

    mutable std::map<std::string, analysis::FrameworkMatrix> m_matrices;
    mutable std::string m_support_key;
    mutable std::vector<analysis::ThemeSupport> m_support;
    mutable std::map<RowId, std::vector<analysis::Extract>> m_quotes;
    mutable std::map<std::string, analysis::ThematicMap> m_maps;
};

}  // namespace tessera::gui
