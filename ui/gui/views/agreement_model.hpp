// AgreementModel: what the agreement, disagreement and alignment views draw (report, proposal,
// resolutions), read from the Project by the App after a frame, on request; plus those views' UI state.
//
// Invariants:
//   1. Views never read the Project: they ask (request_report, request_alignment) and the App's
//      refresh() reads after the frame, so a view always shows "Computing…" first. The report is
//      then computed on a worker thread from what was read (plain values, no Project), so a large
//      study (0.5 s for 200,000 codings) never freezes the window; refresh() collects it. Alignment
//      proposals likewise.
//   2. The agreement views reveal both coders' work; ModelCache's blind filter does not apply here,
//      which is why opening them in blind mode asks and is audited (see open_agreement_panel).
#pragma once

#include "agreement/alignment.hpp"
#include "agreement/project_input.hpp"
#include "agreement/report.hpp"
#include "store/project.hpp"

#include <atomic>
#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace tessera::gui {

/// What the report is computed with (chosen in the agreement view).
struct AgreementSettings {
    OptId coder_a, coder_b;
    agreement::UnitKind unit = agreement::UnitKind::character;
    float min_overlap_pct = 90.0f;  // segment units
    bool operator==(const AgreementSettings&) const = default;
};

/// UI state of the three agreement views (between frames; no domain data).
struct AgreementUi {
    AgreementSettings settings;
    bool revealed = false;             // blind mode: the user confirmed seeing both coders' work
    std::string confirm_panel;         // "agreement" | "disagreements" | "alignment": ask before opening
    // disagreement walk
    std::optional<std::pair<RowId, RowId>> drill_pair;  // only this code pair's disagreements
    std::size_t walk_index = 0;        // into the filtered disagreements
    std::string note;
    // alignment editing: A code -> chosen B code (0: unpaired), team names, keep unpartnered
    std::map<RowId, RowId> chosen;
    std::map<RowId, std::string> team_names;  // by A code (or B code of an unpartnered B)
    bool keep_unpartnered = false;
    bool alignment_loaded = false;     // chosen/team_names were filled from the proposal
};

class AgreementModel {
public:
    /// Asks for the report with these settings; read after the next frame has shown "Computing…",
    /// then computed in the background. A request made while one computes cancels it.
    void request_report(const AgreementSettings& s);
    /// Asks for an alignment proposal of coder_a's and coder_b's codebooks.
    void request_alignment(RowId coder_a, RowId coder_b);
    /// Stops the report being computed, so that replacing or destroying the model (a project closed)
    /// does not wait for it to finish.
    void cancel();
    /// Starts reading coders and codes (a view was opened); until then refresh() reads nothing.
    void activate() { m_active = true; }
    /// True once coders and codes were read (the frame after activate()).
    bool loaded() const { return m_generation != ~0ull; }
    bool computing() const { return m_pending.has_value() || m_job.valid(); }
    bool aligning() const { return m_pending_align.has_value() || m_align_job.valid(); }

    /// Reads and computes what was asked for; reloads codes, coders, resolutions and alignments when
    /// the project changed (generation). Errors become error(); never throws.
    void refresh(const Project& p, std::uint64_t generation);

    const agreement::AgreementReport* report() const { return m_report ? &*m_report : nullptr; }
    const agreement::ProjectInput* input() const { return m_report ? &m_input : nullptr; }
    const AgreementSettings& computed_with() const { return m_computed_with; }
    const agreement::Alignment* proposal() const { return m_proposal ? &*m_proposal : nullptr; }
    std::pair<RowId, RowId> proposal_coders() const { return m_proposal_coders; }
    const std::string& error() const { return m_error; }

    /// Coders with at least one coding (choices for A and B), by name.
    const std::vector<Coder>& coding_coders() const { return m_coding_coders; }
    std::string coder_name(RowId id) const;
    /// Any code's path (every coder's and the team's, blind mode notwithstanding).
    std::string code_path(RowId id) const;
    const Code* code(RowId id) const;
    std::vector<const Code*> codes_of(RowId coder) const;
    const std::vector<Resolution>& resolutions() const { return m_resolutions; }
    const std::vector<CodeAlignment>& alignments() const { return m_alignments; }
    /// The team code of a confirmed pair, if any.
    OptId team_code(RowId code_a, RowId code_b) const;
    /// The resolution of a disagreement: same document and team code, span overlapping.
    const Resolution* resolution_of(const agreement::Disagreement& d) const;
    /// UTF-8 text of a document's span (clipped), from the texts read with the report.
    std::string slice(RowId document, Span span) const;
    std::int64_t document_length(RowId document) const;
    std::string document_name(RowId document) const;

    AgreementUi ui;

private:
    void reload(const Project& p);
    void start_report(const Project& p, const AgreementSettings& s);
    void collect_report();
    void start_alignment(const Project& p, RowId coder_a, RowId coder_b);
    void collect_alignment();

    bool m_active = false;
    std::optional<AgreementSettings> m_pending;
    int m_pending_age = 0;
    std::optional<std::pair<RowId, RowId>> m_pending_align;
    int m_align_age = 0;
    std::uint64_t m_generation = ~0ull;

    // What the worker computes from, and gives back with the report (the views use both together).
    struct Computed {
        agreement::ProjectInput input;
        agreement::AgreementReport report;
    };
    std::future<Computed> m_job;  // valid while a report is computed; its destructor waits for it
    // Set when a newer request makes m_job moot, or the model goes: declared after m_job, so it is
    // destroyed (and cancels) before m_job's destructor waits.
    struct CancelFlag {
        std::shared_ptr<std::atomic<bool>> flag;
        void set() const {
            if (flag) flag->store(true);
        }
        CancelFlag() = default;
        CancelFlag(CancelFlag&&) = default;
        CancelFlag& operator=(CancelFlag&& o) {
            set();
            flag = std::move(o.flag);
            return *this;
        }
        ~CancelFlag() { set(); }
    } m_job_cancel;
    AgreementSettings m_job_settings;

    std::optional<agreement::AgreementReport> m_report;
    agreement::ProjectInput m_input;
    AgreementSettings m_computed_with;
    std::future<agreement::Alignment> m_align_job;  // likewise for a proposal (0.6 s for 300 x 300 codes)
    std::pair<RowId, RowId> m_align_job_coders{0, 0};
    std::optional<agreement::Alignment> m_proposal;
    std::pair<RowId, RowId> m_proposal_coders{0, 0};
    std::string m_error;

    std::vector<Coder> m_coders, m_coding_coders;
    std::vector<Code> m_codes;
    std::unordered_map<RowId, std::size_t> m_code_at;
    std::vector<Resolution> m_resolutions;
    std::vector<CodeAlignment> m_alignments;
    struct DocText {
        std::string name, text;
        text::OffsetIndex index;  // over text (kept at a stable address)
    };
    std::unordered_map<RowId, std::unique_ptr<DocText>> m_texts;  // documents of the report
};

/// Coder A / coder B combos over the coders with codings (defined in agreement_view.cpp).
/// Returns true when the choice changed.
bool draw_coder_pickers(AgreementModel& m);

/// Landis & Koch band colour (kappa) or Krippendorff band colour (alpha), as 0xRRGGBB; grey when
/// undefined. `band` is what agreement::landis_koch / krippendorff_band returned.
std::uint32_t band_rgb(const std::string& band);

}  // namespace tessera::gui
