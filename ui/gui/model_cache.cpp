// ModelCache: what the views draw, read from the Project when it changes (never per frame).
#include "ui/gui/model_cache.hpp"

#include "store/project.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace tessera::gui {

bool blind_mode_on(const std::string& setting, std::size_t coder_count) {
    if (setting == "1") return true;
    if (setting == "0") return false;
    return coder_count >= 2;
}

void ModelCache::clear() {
    m_generation = ~0ull;
    m_coder.reset();
    m_loaded_doc.reset();
    m_extracts_code.reset();
    m_loaded = false;
    m_blind = false;
    m_coders.clear();
    m_codes.clear();
    m_documents.clear();
    m_cases.clear();
    m_memos.clear();
    m_codings.clear();
    m_extracts.clear();
    m_stats.clear();
    m_progress.clear();
    m_open = OpenDocument{};
    ++m_version;
}

void ModelCache::refresh(const Project& p, const AppState& s, std::uint64_t generation) {
    bool base = !m_loaded || generation != m_generation || s.coder_id != m_coder;
    if (base) {
        load_base(p, s);
        m_generation = generation;
        m_coder = s.coder_id;
        m_loaded = true;
    }
    bool doc_changed = s.document_id != m_loaded_doc;
    if (doc_changed) {
        m_open = OpenDocument{};
        m_loaded_doc = s.document_id;
        if (s.document_id && m_document_at.count(*s.document_id)) load_open_document(p, *s.document_id);
    }
    if (base || doc_changed) derive_open_codings();
    if (base || s.selected_code != m_extracts_code) {
        load_extracts(p, s.selected_code);
        m_extracts_code = s.selected_code;
    }
    if (base || doc_changed) ++m_version;
}

void ModelCache::load_base(const Project& p, const AppState& s) {
    m_coders = p.coders();
    m_blind_setting = p.setting("blind_mode");
    m_blind = blind_mode_on(m_blind_setting, m_coders.size()) && s.coder_id.has_value();
    // Blind: only this coder's codes (not the team's consensus codebook, which draws on the other
    // coder's work); memos by this coder or by no one in particular.
    auto mine = [&](OptId owner) { return !m_blind || !owner || owner == s.coder_id; };

    m_codes.clear();
    for (auto& c : p.codes())
        if (!m_blind || c.owner_coder_id == s.coder_id) m_codes.push_back(std::move(c));
    m_documents = p.documents(false);
    m_cases = p.cases();
    m_memos.clear();
    for (auto& m : p.memos())
        if (mine(m.coder_id)) m_memos.push_back(std::move(m));
    m_codings.clear();
    for (auto& c : p.codings())
        if (!m_blind || c.coder_id == s.coder_id) m_codings.push_back(std::move(c));

    m_code_at.clear();
    m_coder_at.clear();
    m_document_at.clear();
    m_case_at.clear();
    for (std::size_t i = 0; i < m_codes.size(); ++i) m_code_at[m_codes[i].id] = i;
    for (std::size_t i = 0; i < m_coders.size(); ++i) m_coder_at[m_coders[i].id] = i;
    for (std::size_t i = 0; i < m_documents.size(); ++i) m_document_at[m_documents[i].id] = i;
    for (std::size_t i = 0; i < m_cases.size(); ++i) m_case_at[m_cases[i].id] = i;

    // Cases reached by a coding: the cases of the speakers whose turns it overlaps.
    std::map<RowId, std::vector<Turn>> turns_by_doc;
    for (auto& t : p.all_turns()) turns_by_doc[t.document_id].push_back(t);
    for (auto& [doc, ts] : turns_by_doc)
        std::sort(ts.begin(), ts.end(), [](const Turn& a, const Turn& b) { return a.span.start < b.span.start; });
    std::unordered_map<RowId, OptId> case_of_speaker;
    m_speakers_by_doc.clear();
    for (auto& sp : p.all_speakers()) {
        case_of_speaker[sp.id] = sp.case_id;
        m_speakers_by_doc[sp.document_id].push_back(sp);
    }

    std::unordered_map<RowId, std::set<RowId>> docs_of, cases_of;
    std::map<std::pair<RowId, RowId>, std::vector<Span>> spans_of;  // (document, coder)
    m_stats.clear();
    for (const auto& c : m_codings) {
        auto& st = m_stats[c.code_id];
        ++st.codings;
        docs_of[c.code_id].insert(c.document_id);
        spans_of[{c.document_id, c.coder_id}].push_back(c.span);
        auto it = turns_by_doc.find(c.document_id);
        if (it == turns_by_doc.end()) continue;
        const auto& ts = it->second;
        auto first = std::upper_bound(ts.begin(), ts.end(), c.span.start,
                                      [](std::int64_t v, const Turn& t) { return v < t.span.end; });
        for (auto t = first; t != ts.end() && t->span.start < c.span.end; ++t)
            if (t->speaker_id)
                if (auto cs = case_of_speaker[*t->speaker_id]) cases_of[c.code_id].insert(*cs);
    }
    for (auto& [code, st] : m_stats) {
        st.documents = static_cast<std::int64_t>(docs_of[code].size());
        st.cases = static_cast<std::int64_t>(cases_of[code].size());
    }
    m_progress.clear();
    for (auto& [key, spans] : spans_of) {
        std::sort(spans.begin(), spans.end(), [](auto& a, auto& b) { return a.start < b.start; });
        CoderProgress pr{key.second, static_cast<std::int64_t>(spans.size()), 0};
        std::int64_t end = -1;
        for (const auto& sp : spans) {
            std::int64_t from = std::max(sp.start, end);
            if (sp.end > from) pr.covered += sp.end - from;
            end = std::max(end, sp.end);
        }
        m_progress[key.first].push_back(pr);
    }
    // Each coder's codebook together, then by name: the codebook tree and pickers rely on it.
    std::stable_sort(m_codes.begin(), m_codes.end(), [](const Code& a, const Code& b) {
        if (a.owner_coder_id != b.owner_coder_id) return a.owner_coder_id < b.owner_coder_id;
        return a.name < b.name;
    });
    for (std::size_t i = 0; i < m_codes.size(); ++i) m_code_at[m_codes[i].id] = i;
}

void ModelCache::load_open_document(const Project& p, RowId id) {
    m_open.doc = p.document(id);
    m_open.cps = text::to_utf32(m_open.doc.text);
    m_open.index = text::OffsetIndex(m_open.doc.text);
    m_open.turns = p.turns(id);
    std::sort(m_open.turns.begin(), m_open.turns.end(),
              [](const Turn& a, const Turn& b) { return a.span.start < b.span.start; });
    for (const auto& s : m_speakers_by_doc[id]) m_open.speakers[s.id] = s;
    if (m_open.turns.empty() && !m_open.cps.empty()) {
        // A document without turns still shows (and codes) as one block of text.
        Turn t;
        t.document_id = id;
        t.span = {0, static_cast<std::int64_t>(m_open.cps.size())};
        m_open.turns.push_back(t);
    }
}

void ModelCache::derive_open_codings() {
    auto& o = m_open;
    o.codings.clear();
    o.turn_codings.assign(o.turns.size(), {});
    o.lane_codes.clear();
    if (!o.doc.id) return;
    for (const auto& c : m_codings)
        if (c.document_id == o.doc.id && m_code_at.count(c.code_id)) o.codings.push_back(c);
    std::sort(o.codings.begin(), o.codings.end(), [](const Coding& a, const Coding& b) {
        return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end > b.span.end;
    });
    std::set<RowId> seen;
    for (std::size_t i = 0; i < o.codings.size(); ++i) {
        const auto& c = o.codings[i];
        if (seen.insert(c.code_id).second) o.lane_codes.push_back(c.code_id);
        auto first = std::upper_bound(o.turns.begin(), o.turns.end(), c.span.start,
                                      [](std::int64_t v, const Turn& t) { return v < t.span.end; });
        for (auto t = first; t != o.turns.end() && t->span.start < c.span.end; ++t)
            o.turn_codings[static_cast<std::size_t>(t - o.turns.begin())].push_back(i);
    }
}

void ModelCache::load_extracts(const Project& p, OptId code) {
    m_extracts.clear();
    if (!code || !m_code_at.count(*code)) return;
    std::map<RowId, std::vector<const Coding*>> by_doc;
    for (const auto& c : m_codings)
        if (c.code_id == *code) by_doc[c.document_id].push_back(&c);
    constexpr std::int64_t kContext = 120;  // code points either side
    for (auto& [doc_id, list] : by_doc) {
        Document d = (m_open.doc.id == doc_id) ? m_open.doc : p.document(doc_id);
        text::OffsetIndex idx(d.text);
        std::vector<Turn> turns = p.turns(doc_id);
        std::unordered_map<RowId, std::string> labels;
        for (const auto& s : m_speakers_by_doc[doc_id]) labels[s.id] = s.label;
        std::sort(list.begin(), list.end(), [](auto* a, auto* b) { return a->span.start < b->span.start; });
        for (const Coding* c : list) {
            Extract e;
            e.coding = *c;
            e.document_name = d.name;
            std::int64_t b = std::max<std::int64_t>(0, c->span.start - kContext);
            std::int64_t a = std::min<std::int64_t>(idx.size(), c->span.end + kContext);
            e.before = std::string(idx.slice({b, c->span.start}));
            e.text = std::string(idx.slice(c->span));
            e.after = std::string(idx.slice({c->span.end, a}));
            for (const auto& t : turns)
                if (t.span.start <= c->span.start && c->span.start < t.span.end && t.speaker_id)
                    e.speaker = labels[*t.speaker_id];
            m_extracts.push_back(std::move(e));
        }
    }
}

const Code* ModelCache::code(RowId id) const {
    auto it = m_code_at.find(id);
    return it == m_code_at.end() ? nullptr : &m_codes[it->second];
}
const Coder* ModelCache::coder(RowId id) const {
    auto it = m_coder_at.find(id);
    return it == m_coder_at.end() ? nullptr : &m_coders[it->second];
}
const Document* ModelCache::document(RowId id) const {
    auto it = m_document_at.find(id);
    return it == m_document_at.end() ? nullptr : &m_documents[it->second];
}
const Case* ModelCache::case_(RowId id) const {
    auto it = m_case_at.find(id);
    return it == m_case_at.end() ? nullptr : &m_cases[it->second];
}

std::string ModelCache::code_path(RowId id) const {
    std::string path;
    int guard = 0;
    for (const Code* c = code(id); c && guard < 64; ++guard) {
        path = path.empty() ? c->name : c->name + " / " + path;
        c = c->parent_id ? code(*c->parent_id) : nullptr;
    }
    return path;
}

CodeStats ModelCache::stats(RowId code) const {
    auto it = m_stats.find(code);
    return it == m_stats.end() ? CodeStats{} : it->second;
}

std::vector<CoderProgress> ModelCache::progress(RowId document) const {
    auto it = m_progress.find(document);
    return it == m_progress.end() ? std::vector<CoderProgress>{} : it->second;
}

std::vector<const Memo*> ModelCache::memos_for(MemoTarget t, OptId id) const {
    std::vector<const Memo*> out;
    for (const auto& m : m_memos)
        if (m.target == t && m.target_id == id) out.push_back(&m);
    return out;
}

std::string ModelCache::glyph_sample() const {
    std::string s;
    for (const auto& c : m_coders) s += c.name;
    for (const auto& c : m_codes) s += c.name + c.definition + c.inclusion + c.exclusion + c.example;
    for (const auto& d : m_documents) s += d.name;
    for (const auto& c : m_cases) s += c.name;
    for (const auto& m : m_memos) s += m.title + m.body;
    s += m_open.doc.text;
    for (const auto& e : m_extracts) s += e.before + e.text + e.after;
    return s;
}

}  // namespace tessera::gui
