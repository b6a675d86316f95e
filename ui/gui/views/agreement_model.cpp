// AgreementModel: reads and computes what the agreement views asked for, after a frame.
#include "ui/gui/views/agreement_model.hpp"

#include <algorithm>
#include <chrono>
#include <set>

namespace tessera::gui {

using namespace tessera::agreement;

void AgreementModel::cancel() { m_job_cancel.set(); }

void AgreementModel::request_report(const AgreementSettings& s) {
    m_job_cancel.set();  // the running report is moot: stop it early
    m_active = true;
    m_pending = s;
    m_pending_age = 0;
}

void AgreementModel::request_alignment(RowId coder_a, RowId coder_b) {
    m_active = true;
    m_pending_align = std::make_pair(coder_a, coder_b);
    m_align_age = 0;
}

void AgreementModel::reload(const Project& p) {
    m_coders = p.coders();
    m_codes = p.codes();
    m_code_at.clear();
    for (std::size_t i = 0; i < m_codes.size(); ++i) m_code_at[m_codes[i].id] = i;
    m_resolutions = p.resolutions();
    m_alignments = p.alignments();
    std::set<RowId> with_codings;
    for (const auto& c : p.codings()) with_codings.insert(c.coder_id);
    m_coding_coders.clear();
    for (const auto& c : m_coders)
        if (with_codings.count(c.id)) m_coding_coders.push_back(c);
}

void AgreementModel::refresh(const Project& p, std::uint64_t generation) {
    // Only once a view has asked for something: a workbench without these views reads nothing more.
    if (!m_active) return;
    try {
        if (generation != m_generation) {
            auto before = m_alignments.size();
            bool had = m_generation != ~0ull;
            std::vector<RowId> ids_before;
            for (const auto& a : m_alignments) ids_before.push_back(a.id);
            m_generation = generation;
            reload(p);
            std::vector<RowId> ids_after;
            for (const auto& a : m_alignments) ids_after.push_back(a.id);
            // A confirmed (or undone) alignment changes which codes are compared: recompute.
            if (had && (before != m_alignments.size() || ids_before != ids_after)) {
                if (m_job.valid() && !m_pending) request_report(m_job_settings);  // computing from old pairs
                else if (m_report && !m_pending) request_report(m_computed_with);
                if (m_align_job.valid() && !m_pending_align)
                    request_alignment(m_align_job_coders.first, m_align_job_coders.second);
                else if (m_proposal && !m_pending_align)
                    request_alignment(m_proposal_coders.first, m_proposal_coders.second);
            }
        }
        // Read on the frame after the request, so the view has shown "Computing…" once; one report
        // is computed at a time, so a newer request waits for the running one.
        if (m_job.valid() && m_job.wait_for(std::chrono::seconds(0)) == std::future_status::ready) collect_report();
        if (m_pending && !m_job.valid() && m_pending_age++ >= 1) {
            AgreementSettings s = *m_pending;
            m_pending.reset();
            start_report(p, s);
        }
        if (m_align_job.valid() && m_align_job.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
            collect_alignment();
        if (m_pending_align && !m_align_job.valid() && m_align_age++ >= 1) {
            auto [a, b] = *m_pending_align;
            m_pending_align.reset();
            start_alignment(p, a, b);
        }
    } catch (const std::exception& e) {
        m_error = e.what();
        m_pending.reset();
        m_pending_align.reset();
    }
}

void AgreementModel::start_report(const Project& p, const AgreementSettings& s) {
    m_error.clear();
    m_report.reset();
    if (!s.coder_a || !s.coder_b) return;
    ProjectInput input = project_input(p, *s.coder_a, *s.coder_b);
    if (input.input.codes.empty())
        throw InvalidArgument("these coders share no codes and have no confirmed alignment: align their "
                              "codebooks first (Alignment view)");
    // The texts the disagreement view quotes, read here: the worker never touches the Project.
    m_texts.clear();
    for (const auto& d : input.input.documents) {
        auto t = std::make_unique<DocText>();
        Document doc = p.document(d.id);
        t->name = doc.name;
        t->text = std::move(doc.text);
        t->index = text::OffsetIndex(t->text);
        m_texts[d.id] = std::move(t);
    }
    ReportOptions opt;
    opt.unit = s.unit;
    opt.min_overlap = std::clamp(s.min_overlap_pct / 100.0, 0.01, 1.0);
    opt.per_code_document_rows = false;
    m_job_settings = s;
    m_job_cancel.flag = std::make_shared<std::atomic<bool>>(false);
    opt.progress = [cancel = m_job_cancel.flag](double) { return !cancel->load(); };
    m_job = std::async(std::launch::async, [input = std::move(input), opt]() mutable {
        AgreementReport report = build_report(input.input, opt);
        return Computed{std::move(input), std::move(report)};
    });
}

// Takes the finished report, unless a newer request is waiting: that one replaces it, and what
// went wrong computing the old one (or its cancellation) is moot.
void AgreementModel::collect_report() {
    m_job_cancel.flag.reset();
    try {
        Computed c = m_job.get();  // rethrows what the worker threw
        if (m_pending) return;
        m_input = std::move(c.input);
        m_report = std::move(c.report);
        m_computed_with = m_job_settings;
    } catch (const std::exception& e) {
        if (!m_pending) m_error = e.what();
    }
}

void AgreementModel::start_alignment(const Project& p, RowId coder_a, RowId coder_b) {
    std::vector<Code> codes_a, codes_b;
    for (const auto& c : m_codes) {
        if (c.owner_coder_id == coder_a) codes_a.push_back(c);
        if (c.owner_coder_id == coder_b) codes_b.push_back(c);
    }
    m_align_job_coders = {coder_a, coder_b};
    m_align_job = std::async(std::launch::async, [codes_a = std::move(codes_a), codes_b = std::move(codes_b),
                                                  codings = p.codings(), coder_a, coder_b] {
        return align_codebooks(codes_a, codes_b, codings, coder_a, coder_b);
    });
}

// Takes the finished proposal, unless a newer request is waiting (then its errors are moot too).
void AgreementModel::collect_alignment() {
    try {
        Alignment proposal = m_align_job.get();  // rethrows what the worker threw
        if (m_pending_align) return;
        m_proposal = std::move(proposal);
        m_proposal_coders = m_align_job_coders;
        ui.alignment_loaded = false;
    } catch (const std::exception& e) {
        if (!m_pending_align) m_error = e.what();
    }
}

std::string AgreementModel::coder_name(RowId id) const {
    for (const auto& c : m_coders)
        if (c.id == id) return c.name;
    return "coder " + std::to_string(id);
}

const Code* AgreementModel::code(RowId id) const {
    auto it = m_code_at.find(id);
    return it == m_code_at.end() ? nullptr : &m_codes[it->second];
}

std::string AgreementModel::code_path(RowId id) const {
    const Code* c = code(id);
    if (!c) return "code " + std::to_string(id);
    std::string path = c->name;
    for (OptId parent = c->parent_id; parent;) {
        const Code* up = code(*parent);
        if (!up) break;
        path = up->name + "/" + path;
        parent = up->parent_id;
    }
    return path;
}

std::vector<const Code*> AgreementModel::codes_of(RowId coder) const {
    std::vector<const Code*> out;
    for (const auto& c : m_codes)
        if (c.owner_coder_id == coder) out.push_back(&c);
    return out;
}

OptId AgreementModel::team_code(RowId code_a, RowId code_b) const {
    // A shared team code applied by both coders is its own consensus code.
    if (code_a == code_b)
        if (const Code* c = code(code_a); c && !c->owner_coder_id) return code_a;
    for (const auto& a : m_alignments)
        if (a.confirmed && a.code_a == code_a && a.code_b == code_b && a.team_code) return a.team_code;
    return std::nullopt;
}

const Resolution* AgreementModel::resolution_of(const Disagreement& d) const {
    OptId team = team_code(d.code_a, d.code_b);
    if (!team) return nullptr;
    const Resolution* found = nullptr;
    for (const auto& r : m_resolutions)
        if (r.document_id == d.document_id && r.code_id == team && r.span.start < d.span.end && d.span.start < r.span.end)
            found = &r;  // the newest wins
    return found;
}

std::string AgreementModel::slice(RowId document, Span span) const {
    auto it = m_texts.find(document);
    if (it == m_texts.end()) return {};
    const auto& idx = it->second->index;
    span.start = std::clamp<std::int64_t>(span.start, 0, idx.size());
    span.end = std::clamp<std::int64_t>(span.end, span.start, idx.size());
    return std::string(idx.slice(span));
}

std::int64_t AgreementModel::document_length(RowId document) const {
    auto it = m_texts.find(document);
    return it == m_texts.end() ? 0 : it->second->index.size();
}

std::string AgreementModel::document_name(RowId document) const {
    auto it = m_texts.find(document);
    return it == m_texts.end() ? "document " + std::to_string(document) : it->second->name;
}

}  // namespace tessera::gui
