// Implementation of data.hpp: one read of the project, indexed by id and turns sorted per document.
#include "analysis/data.hpp"

#include "util/error.hpp"

#include <algorithm>
#include <set>

namespace tessera::analysis {
namespace {

template <class T>
const T& find_in(const std::vector<T>& v, const std::unordered_map<RowId, std::size_t>& idx, RowId id,
                 const char* kind) {
    auto it = idx.find(id);
    if (it == idx.end()) throw InvalidArgument(std::string("no ") + kind + " with id " + std::to_string(id));
    return v[it->second];
}

template <class T>
void index_by_id(const std::vector<T>& v, std::unordered_map<RowId, std::size_t>& idx) {
    idx.clear();
    idx.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) idx[v[i].id] = i;
}

std::int64_t overlap(Span a, Span b) {
    return std::max<std::int64_t>(0, std::min(a.end, b.end) - std::max(a.start, b.start));
}

}  // namespace

CoderScope coder_scope_from_name(const std::vector<Coder>& coders, const std::string& name) {
    if (name.empty() || name == "all") return CoderScope::everyone();
    if (name == "team") return CoderScope::team();
    std::string names;
    for (const auto& c : coders) {
        if (c.name == name) return CoderScope::coder(c.id);
        names += (names.empty() ? "" : ", ") + c.name;
    }
    throw InvalidArgument("no coder named '" + name + "' (coders: " + (names.empty() ? "none yet" : names) +
                          "; or 'team' for the team codebook)");
}

AnalysisData AnalysisData::load(const Project& p, bool with_text) {
    AnalysisData d;
    d.m_documents = p.documents(with_text);
    std::stable_sort(d.m_documents.begin(), d.m_documents.end(), [](const Document& a, const Document& b) {
        return a.position != b.position ? a.position < b.position : a.id < b.id;
    });
    if (with_text) {
        auto texts = std::make_shared<Texts>();
        for (auto& doc : d.m_documents) {
            auto& t = texts->text[doc.id];
            t = std::move(doc.text);
            doc.text.clear();
            texts->index.emplace(doc.id, text::OffsetIndex(t));
        }
        d.m_texts = std::move(texts);
    }
    d.m_cases = p.cases();
    d.m_codes = p.codes();
    d.m_coders = p.coders();
    d.m_themes = p.themes();
    d.m_links = p.theme_links();
    d.m_codings = p.codings();
    d.m_cells = p.matrix_cells();
    d.m_speakers = p.all_speakers();
    for (auto& t : p.all_turns()) d.m_turns[t.document_id].push_back(t);
    for (auto& [doc, turns] : d.m_turns) {
        std::sort(turns.begin(), turns.end(), [](const Turn& a, const Turn& b) {
            return a.span.start != b.span.start ? a.span.start < b.span.start : a.ordinal < b.ordinal;
        });
        for (std::size_t i = 0; i < turns.size(); ++i) d.m_turn_index[turns[i].id] = {doc, i};
    }
    index_by_id(d.m_documents, d.m_doc_index);
    index_by_id(d.m_cases, d.m_case_index);
    index_by_id(d.m_codes, d.m_code_index);
    index_by_id(d.m_themes, d.m_theme_index);
    index_by_id(d.m_coders, d.m_coder_index);
    index_by_id(d.m_speakers, d.m_speaker_index);
    d.reindex_codings();
    return d;
}

void AnalysisData::reindex_codings() {
    std::sort(m_codings.begin(), m_codings.end(), [](const Coding& a, const Coding& b) {
        if (a.document_id != b.document_id) return a.document_id < b.document_id;
        if (a.span.start != b.span.start) return a.span.start < b.span.start;
        return a.id < b.id;
    });
    index_by_id(m_codings, m_coding_index);
}

AnalysisData AnalysisData::scoped(const CoderScope& scope) const {
    AnalysisData d = *this;
    if (scope.kind == CoderScope::Kind::all) return d;
    std::erase_if(d.m_codings, [&](const Coding& c) {
        if (scope.kind == CoderScope::Kind::coder) return c.coder_id != scope.coder_id;
        auto it = m_code_index.find(c.code_id);
        return it == m_code_index.end() || m_codes[it->second].owner_coder_id.has_value();
    });
    d.reindex_codings();
    return d;
}

const Document& AnalysisData::document(RowId id) const { return find_in(m_documents, m_doc_index, id, "document"); }
const Case& AnalysisData::case_(RowId id) const { return find_in(m_cases, m_case_index, id, "case"); }
const Code& AnalysisData::code(RowId id) const { return find_in(m_codes, m_code_index, id, "code"); }
const Theme& AnalysisData::theme(RowId id) const { return find_in(m_themes, m_theme_index, id, "theme"); }
const Coder& AnalysisData::coder(RowId id) const { return find_in(m_coders, m_coder_index, id, "coder"); }
const Coding& AnalysisData::coding(RowId id) const { return find_in(m_codings, m_coding_index, id, "coding"); }

const Speaker* AnalysisData::speaker(RowId id) const {
    auto it = m_speaker_index.find(id);
    return it == m_speaker_index.end() ? nullptr : &m_speakers[it->second];
}

const Turn* AnalysisData::turn(RowId id) const {
    auto it = m_turn_index.find(id);
    if (it == m_turn_index.end()) return nullptr;
    return &m_turns.at(it->second.first)[it->second.second];
}

std::string AnalysisData::code_path(RowId code_id) const {
    const Code* c = &code(code_id);
    std::string path = c->name;
    for (int depth = 0; c->parent_id && depth < 64; ++depth) {
        c = &code(*c->parent_id);
        path = c->name + "/" + path;
    }
    return path;
}

std::string AnalysisData::code_label(RowId code_id, bool with_owner) const {
    std::string label = code_path(code_id);
    if (!with_owner) return label;
    OptId owner = code(code_id).owner_coder_id;
    return label + " [" + (owner ? coder(*owner).name : std::string("team")) + "]";
}

bool AnalysisData::mixed_codebooks() const {
    std::set<OptId> owners;
    for (const auto& c : m_codings) {
        owners.insert(code(c.code_id).owner_coder_id);
        if (owners.size() > 1) return true;
    }
    return false;
}

std::vector<RowId> AnalysisData::child_themes(OptId parent) const {
    std::vector<RowId> out;
    for (const auto& t : m_themes)
        if (t.parent_id == parent) out.push_back(t.id);
    return out;
}

std::vector<RowId> AnalysisData::theme_codes(RowId theme_id, bool with_subthemes) const {
    std::vector<RowId> out;
    std::set<RowId> seen;
    std::vector<RowId> stack{theme_id};
    std::set<RowId> visited;
    while (!stack.empty()) {
        RowId t = stack.back();
        stack.pop_back();
        if (!visited.insert(t).second) continue;
        for (RowId c : theme(t).code_ids)
            if (seen.insert(c).second) out.push_back(c);
        if (with_subthemes)
            for (RowId child : child_themes(t))
                if (theme(child).status != ThemeStatus::discarded) stack.push_back(child);
    }
    return out;
}

std::vector<const Turn*> AnalysisData::turns_overlapping(RowId document_id, Span span) const {
    std::vector<const Turn*> out;
    auto it = m_turns.find(document_id);
    if (it == m_turns.end()) return out;
    const auto& turns = it->second;
    // Turns do not overlap each other in practice, but do not rely on it: step back past any turn
    // that starts before the span and may still reach into it.
    auto first = std::upper_bound(turns.begin(), turns.end(), span.start,
                                  [](std::int64_t pos, const Turn& t) { return pos < t.span.start; });
    while (first != turns.begin() && std::prev(first)->span.end > span.start) --first;
    for (auto t = first; t != turns.end() && t->span.start < span.end; ++t)
        if (overlap(t->span, span) > 0 || (span.empty() && t->span.start <= span.start && span.start < t->span.end))
            out.push_back(&*t);
    return out;
}

const Turn* AnalysisData::main_turn(RowId document_id, Span span) const {
    const Turn* best = nullptr;
    std::int64_t best_overlap = -1;
    for (const Turn* t : turns_overlapping(document_id, span)) {
        std::int64_t o = overlap(t->span, span);
        if (o > best_overlap) best = t, best_overlap = o;
    }
    return best;
}

std::vector<CodingCase> AnalysisData::cases_of(const Coding& c) const {
    std::vector<CodingCase> out;
    for (const Turn* t : turns_overlapping(c.document_id, c.span)) {
        if (!t->speaker_id) continue;
        const Speaker* s = speaker(*t->speaker_id);
        if (!s || !s->case_id) continue;
        bool dup = std::any_of(out.begin(), out.end(), [&](const CodingCase& cc) { return cc.case_id == *s->case_id; });
        if (!dup) out.push_back({*s->case_id, t->id});
    }
    return out;
}

std::vector<std::string> AnalysisData::groups_of(const Coding& c, const GroupingRule& rule) const {
    std::vector<std::string> out;
    if (!rule.case_attribute.empty()) {
        for (const auto& cc : cases_of(c)) {
            const std::string& v = case_(cc.case_id).attribute(rule.case_attribute);
            if (v.empty()) continue;
            std::string key = "a:" + v;
            if (std::find(out.begin(), out.end(), key) == out.end()) out.push_back(key);
        }
    }
    if (out.empty()) out.push_back("d:" + std::to_string(c.document_id));
    return out;
}

std::string AnalysisData::group_label(const std::string& key) const {
    if (key.rfind("d:", 0) == 0) {
        auto it = m_doc_index.find(std::stoll(key.substr(2)));
        return it == m_doc_index.end() ? key : m_documents[it->second].name;
    }
    return key.size() > 2 ? key.substr(2) : key;
}

std::string AnalysisData::coding_text(const Coding& c) const {
    if (!m_texts) return {};
    auto it = m_texts->index.find(c.document_id);
    if (it == m_texts->index.end()) return {};
    return std::string(it->second.slice(c.span));
}

}  // namespace tessera::analysis
