// The agreement report: per code, per document, per code x document and overall (pooled and
// averaged) for two coders' codings, plus the disagreements to walk and the method text to print.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "agreement/coefficients.hpp"
#include "agreement/units.hpp"
#include "model/coding.hpp"
#include "model/document.hpp"
#include "util/error.hpp"

namespace tessera::agreement {

/// Thrown by build_report when ReportOptions::progress asked it to stop; nothing is half-built.
class Cancelled : public Error {
public:
    Cancelled() : Error("agreement report cancelled") {}
};

/// Unit of analysis for a coding report.
enum class UnitKind {
    character,          ///< each code point coded by A, B, both or neither (NVivo)
    segment,            ///< coded segments matched with an overlap threshold (MAXQDA)
    presence_document,  ///< did each coder apply the code in the document
    presence_turn,      ///< did each coder apply the code in the speaker turn
    continuum,          ///< Krippendorff's |u-alpha (ATLAS.ti alpha-binary) over the text
};

/// "char", "segment", "presence:doc", "presence:turn", "continuum".
const char* to_string(UnitKind u);
/// Parses the CLI spelling ("char", "segment", "segment:85", "presence", "presence:doc",
/// "presence:turn", "continuum"); a "segment:PCT" suffix sets *min_overlap (if non-null) to PCT/100.
/// Throws InvalidArgument naming the bad text.
UnitKind unit_from_string(const std::string& s, double* min_overlap = nullptr);

/// A document's id and length in code points (Document::length).
struct DocumentExtent {
    RowId id = 0;
    std::int64_t length = 0;
    std::string name;
};

/// One compared code: coder A's code and coder B's code (the same id for a shared codebook,
/// an aligned pair for two inductive codebooks).
struct CodePair {
    RowId code_a = 0;
    RowId code_b = 0;
    std::string label;
};

/// Everything the report is computed from: plain values, no project file.
struct ReportInput {
    std::vector<Coding> codings;  ///< any coders; only coder_a's and coder_b's are used
    std::vector<DocumentExtent> documents;
    std::vector<Turn> turns;  ///< needed for UnitKind::presence_turn only
    RowId coder_a = 0;
    RowId coder_b = 0;
    std::vector<CodePair> codes;  ///< empty: every code either coder used, paired with itself
};

struct ReportOptions {
    UnitKind unit = UnitKind::character;
    double min_overlap = 0.9;               ///< segment units: intersection / union needed to agree
    bool nvivo_empty_kappa_is_one = false;  ///< NVivo-compatibility: kappa = 1 when neither coded
    bool list_disagreements = true;
    bool per_code_document_rows = true;  ///< the NVivo-style cells (only where a coder coded)
    /// Called now and then with the share done (0..1) while cells are counted; return false to
    /// cancel, which makes build_report throw Cancelled. Empty: no reports.
    std::function<bool(double)> progress;
};

/*
** Invariants of AgreementRow:
**  1. counts (character/presence/continuum units) or segments (segment units) hold the raw
**     units; every coefficient of the row is computed from them alone.
**  2. percent is a share in [0, 1] (NVivo prints it x 100).
**  3. For segment units, kappa.kappa is MAXQDA's free-marginal kappa (k = number of code pairs)
**     and alpha is undefined: free segmentation has no "coded by neither" units.
*/
struct AgreementRow {
    std::string label;
    RowId code_a = 0, code_b = 0;  ///< 0 in per-document and overall rows
    RowId document_id = 0;         ///< 0 in per-code and overall rows
    double units = 0.0;            ///< units compared (characters, segments, documents, turns)
    BinaryCounts counts;
    SegmentCounts segments;
    Coefficient percent;
    CohenKappa kappa;
    Coefficient alpha;  ///< nominal Krippendorff's alpha; |u-alpha for continuum units
    // Scott's pi, AC1, Brennan-Prediger of a row: call them on counts.table() (kept out of the row
    // so that 100,000 per code x document rows stay small).
};

/// Unweighted means of the per-code rows' defined values (undefined rows are left out and counted).
struct AveragedRow {
    Coefficient percent, kappa, alpha;
    std::size_t codes_averaged = 0;   ///< rows with a defined kappa
    std::size_t codes_undefined = 0;  ///< rows whose kappa is undefined
};

/// A stretch only one coder coded (character, continuum, presence) or a segment without a partner
/// over the threshold (segment units).
struct Disagreement {
    enum class Who { only_a, only_b };
    RowId document_id = 0;
    Span span;
    RowId code_a = 0, code_b = 0;
    Who who = Who::only_a;
    std::optional<Span> partner;  ///< segment units: the other coder's best-overlapping segment
    double overlap = 0.0;         ///< segment units: intersection / union with the partner
};

struct AgreementReport {
    ReportOptions options;
    RowId coder_a = 0, coder_b = 0;
    std::vector<AgreementRow> per_code;           ///< pooled over all documents
    std::vector<AgreementRow> per_document;       ///< pooled over all code pairs
    std::vector<AgreementRow> per_code_document;  ///< one per (code, document) a coder coded
    AgreementRow overall_pooled;                  ///< one table summed over codes and documents
    AveragedRow overall_averaged;                 ///< mean over codes of per-code values
    std::vector<Disagreement> disagreements;
    std::string method;  ///< unit, formulas, pooling, conventions
};

/// Size-weighted mean of the rows' kappas (weights = units), as NVivo's FAQ suggests for averaging a
/// code over sources; rows with an undefined kappa are left out. Undefined when none is defined.
Coefficient size_weighted_kappa(const std::vector<AgreementRow>& rows);

/// Builds the report. Throws Cancelled when options.progress returns false; throws InvalidArgument when coder_a ==
/// coder_b, a coding names an unknown document, a span lies outside its document, a code appears in two pairs,
/// min_overlap is outside (0, 1], or presence_turn is asked for without turns.
AgreementReport build_report(const ReportInput& input, const ReportOptions& options = {});

/// The method note for a report with these options (also in AgreementReport::method).
std::string describe_method(const ReportOptions& options, std::size_t code_pairs);

}  // namespace tessera::agreement
