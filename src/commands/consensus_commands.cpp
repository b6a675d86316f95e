// Implementation of consensus_commands.hpp.
#include "commands/consensus_commands.hpp"

#include "util/error.hpp"

#include <algorithm>

namespace tessera {

RowId ensure_consensus_coder(Project& p) {
    if (auto c = p.find_coder(kConsensusCoder)) return c->id;
    return p.insert_coder({0, "", kConsensusCoder});
}

ConfirmAlignment::ConfirmAlignment(std::vector<AlignmentChoice> choices) : m_choices(std::move(choices)) {}

void ConfirmAlignment::execute(Project& p) {
    const bool redo = !m_team_codes.empty();
    std::vector<RowId> team_codes, alignments;
    m_replaced.clear();
    for (const auto& al : p.alignments()) {
        for (const auto& ch : m_choices)
            if ((ch.code_a && al.code_a == ch.code_a) || (ch.code_b && al.code_b == ch.code_b)) {
                m_replaced.push_back(al);
                p.delete_alignment(al.id);
                break;
            }
    }
    for (std::size_t i = 0; i < m_choices.size(); ++i) {
        const auto& ch = m_choices[i];
        if (!ch.code_a && !ch.code_b) throw InvalidArgument("an alignment row needs at least one code");
        Code a, b;
        if (ch.code_a) a = p.code(*ch.code_a);
        if (ch.code_b) b = p.code(*ch.code_b);
        if (ch.code_a && ch.code_b && a.owner_coder_id == b.owner_coder_id)
            throw InvalidArgument("'" + a.name + "' and '" + b.name + "' are in the same codebook; align two coders' codes");
        Code team;
        team.name = !ch.team_name.empty() ? ch.team_name : ch.code_a ? a.name : b.name;
        const Code& base = ch.code_a ? a : b;
        team.color = base.color;
        team.definition = base.definition;
        team.inclusion = base.inclusion;
        team.exclusion = base.exclusion;
        team.example = base.example;
        if (redo) team = m_created[i];  // same id and GUID as the first time
        RowId id = p.insert_code(team);
        if (!redo) m_created.push_back(p.code(id));
        team_codes.push_back(id);
        for (const Code* src : {ch.code_a ? &a : nullptr, ch.code_b ? &b : nullptr})
            if (src) p.add_lineage({id, src->guid, p.coder(*src->owner_coder_id).name + ": " + p.code_path(src->id), "consensus"});
        CodeAlignment al;
        if (redo) al.id = m_alignments[i];
        al.code_a = ch.code_a;
        al.code_b = ch.code_b;
        al.team_code = id;
        al.confirmed = true;
        alignments.push_back(p.insert_alignment(al));
    }
    m_team_codes = team_codes;
    m_alignments = alignments;
}

void ConfirmAlignment::undo(Project& p) {
    for (RowId id : m_alignments) p.delete_alignment(id);
    for (RowId id : m_team_codes) p.delete_code(id);  // its lineage goes with it (ON DELETE CASCADE)
    for (const auto& al : m_replaced) p.insert_alignment(al);
}

const char* to_string(Decision d) {
    switch (d) {
        case Decision::accept_a: return "accept_a";
        case Decision::accept_b: return "accept_b";
        case Decision::accept_both: return "accept_both";
        case Decision::reject: return "reject";
    }
    return "?";
}

Decision decision_from_string(const std::string& s) {
    if (s == "accept_a" || s == "a") return Decision::accept_a;
    if (s == "accept_b" || s == "b") return Decision::accept_b;
    if (s == "accept_both" || s == "both") return Decision::accept_both;
    if (s == "reject") return Decision::reject;
    throw InvalidArgument("unknown decision '" + s + "' (expected accept_a, accept_b, accept_both or reject)");
}

ResolveDisagreement::ResolveDisagreement(Input in) : m_in(std::move(in)) {}

std::string ResolveDisagreement::label() const { return std::string("Resolve disagreement: ") + to_string(m_in.decision); }

void ResolveDisagreement::execute(Project& p) {
    Code team = p.code(m_in.team_code);
    if (team.owner_coder_id) throw InvalidArgument("consensus codings use a team code; '" + team.name + "' is a coder's own");
    std::optional<Span> span;
    switch (m_in.decision) {
        // Accepting a coder who coded nothing here accepts leaving the passage uncoded.
        case Decision::accept_a: span = m_in.span_a; break;
        case Decision::accept_b: span = m_in.span_b; break;
        case Decision::accept_both:
            if (m_in.span_a && m_in.span_b)
                span = Span{std::min(m_in.span_a->start, m_in.span_b->start), std::max(m_in.span_a->end, m_in.span_b->end)};
            else span = m_in.span_a ? m_in.span_a : m_in.span_b;
            break;
        case Decision::reject: break;
    }
    if (!span && !m_in.span_a && !m_in.span_b) throw InvalidArgument("a disagreement needs at least one coded stretch");
    m_created_coder = !p.find_coder(kConsensusCoder);
    m_coder = ensure_consensus_coder(p);
    if (span) {
        Coding c;
        if (m_coding) c.id = *m_coding;  // redo keeps the id
        c.document_id = m_in.document_id;
        c.span = *span;
        c.code_id = m_in.team_code;
        c.coder_id = m_coder;
        m_coding = p.insert_coding(c);
    }
    Resolution r;
    r.id = m_resolution;
    r.document_id = m_in.document_id;
    r.span = span ? *span : (m_in.span_a ? *m_in.span_a : *m_in.span_b);
    r.code_id = m_in.team_code;
    r.decision = to_string(m_in.decision);
    r.note = m_in.note;
    r.coder_id = m_in.decided_by;
    m_resolution = p.insert_resolution(r);
}

void ResolveDisagreement::undo(Project& p) {
    p.delete_resolution(m_resolution);
    if (m_coding) p.delete_coding(*m_coding);
    if (m_created_coder) p.delete_coder(m_coder);
}

}  // namespace tessera
