// Survey responses CSV → documents (per question or per respondent) and typed respondent cases.
#include "import/csv_responses.hpp"

#include "import/case_attributes.hpp"
#include "import/csv_records.hpp"
#include "import/import_file.hpp"
#include "text/text.hpp"

#include <unicode/uchar.h>

#include <algorithm>

#include <set>

namespace tessera::importer {
namespace {

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\n");
    auto e = s.find_last_not_of(" \t\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// A header that asks for an answer: "q2_suggestions", "Q3", "What would help?", "comments".
bool question_header(const std::string& header) {
    const std::string h = text::fold_case(trim(header));
    if (h.size() >= 2 && h[0] == 'q' && h[1] >= '0' && h[1] <= '9') return true;
    if (!h.empty() && h.back() == '?') return true;
    for (const char* w : {"comment", "suggest", "feedback", "describe", "explain", "experience", "answer", "response",
                          "why", "how", "what", "other", "open", "free text", "views", "opinion"})
        if (h.find(w) != std::string::npos) return true;
    return false;
}

bool has_letter(const std::string& s) {
    for (char32_t c : text::to_utf32(s))
        if (u_isalpha(static_cast<UChar32>(c))) return true;
    return false;
}

// Free text: inferred as text (not number/date/category), answers made of words (not "04/13/2023"),
// a few words on average, or at least some of several words under a header that asks a question.
bool looks_like_free_text(const std::string& header, const std::vector<std::string>& values, DateOrder order) {
    if (infer_attribute_type(values, order) != AttributeType::text) return false;
    std::size_t n = 0, words = 0, wordy = 0, most = 0;
    for (const auto& v : values) {
        if (trim(v).empty()) continue;
        ++n;
        const auto w = static_cast<std::size_t>(text::count_words(v));
        words += w;
        most = std::max(most, w);
        wordy += has_letter(v);
    }
    if (n == 0 || wordy * 2 < n) return false;
    return words >= 3 * n || (question_header(header) && most >= 2);
}

}  // namespace

CsvResponses import_csv_responses(const std::filesystem::path& path, const CsvResponseOptions& options) {
    ImportOptions read_opt;
    read_opt.max_bytes = options.max_bytes;
    std::string bytes = read_source(path, read_opt);
    std::string p = path.string();
    detail::CsvRecords csv = detail::read_csv_records(bytes, p, options.encoding);
    std::size_t id = options.id_column.empty() ? 0 : detail::column_index(csv, options.id_column, p);

    auto column_values = [&](std::size_t c) {
        std::vector<std::string> v;
        for (const auto& r : csv.rows) v.push_back(r[c]);
        return v;
    };
    std::vector<std::size_t> text_cols;
    if (!options.text_columns.empty()) {
        for (const auto& name : options.text_columns) text_cols.push_back(detail::column_index(csv, name, p));
    } else {
        for (std::size_t c = 0; c < csv.header.size(); ++c)
            if (c != id && looks_like_free_text(csv.header[c], column_values(c), options.date_order))
                text_cols.push_back(c);
    }
    if (text_cols.empty())
        throw ImportError(p, "no response columns: name them, or give answers of a few words (columns inferred "
                             "as free text become documents)", 1);
    std::set<std::size_t> is_text(text_cols.begin(), text_cols.end());

    CsvResponses out;
    for (std::size_t c : text_cols) out.text_columns.push_back(csv.header[c]);

    // Respondents become cases; every non-response column is a typed attribute.
    std::vector<std::size_t> attr_cols;
    std::vector<AttributeType> attr_types;
    for (std::size_t c = 0; c < csv.header.size(); ++c) {
        if (c == id || is_text.count(c)) continue;
        attr_cols.push_back(c);
        attr_types.push_back(infer_attribute_type(column_values(c), options.date_order));
        if (auto note = date_order_note(csv.header[c], column_values(c), attr_types.back(), options.date_order))
            out.diagnostics.push_back({Diagnostic::Level::info, p, *note});
    }
    std::set<std::string> seen;
    std::vector<std::string> ids;
    for (std::size_t r = 0; r < csv.rows.size(); ++r) {
        Case k;
        k.name = trim(csv.rows[r][id]);
        if (k.name.empty())
            throw ImportError(p, "row without a respondent id in column '" + csv.header[id] + "'", csv.lines[r]);
        if (!seen.insert(k.name).second)
            throw ImportError(p, "respondent '" + k.name + "' appears twice", csv.lines[r]);
        for (std::size_t i = 0; i < attr_cols.size(); ++i) {
            const std::string& v = csv.rows[r][attr_cols[i]];
            if (trim(v).empty()) continue;
            k.attributes.push_back({csv.header[attr_cols[i]], attr_types[i],
                                    normalise_attribute_value(attr_types[i], v, options.date_order)});
        }
        ids.push_back(k.name);
        out.cases.push_back(std::move(k));
    }

    auto new_doc = [&](const std::string& suffix) {
        ImportedDocument d;
        d.name = path.stem().string() + " \u2013 " + suffix;
        d.source_path = p;
        d.format = "csv";
        d.encoding = csv.encoding;
        return d;
    };
    auto speaker = [](ImportedDocument& d, const std::string& rid) {
        for (const auto& s : d.speakers)
            if (s.label == rid) return;
        d.speakers.push_back({rid, SpeakerRole::participant, rid});
    };
    if (options.layout == CsvLayout::document_per_column) {
        for (std::size_t c : text_cols) {
            ImportedDocument d = new_doc(csv.header[c]);
            for (std::size_t r = 0; r < csv.rows.size(); ++r) {
                std::string answer = trim(csv.rows[r][c]);
                if (answer.empty()) continue;
                d.turns.push_back({ids[r], answer, std::nullopt, std::nullopt});
                speaker(d, ids[r]);
            }
            if (d.turns.empty()) out.diagnostics.push_back({Diagnostic::Level::warning, p, "column '" + csv.header[c] + "' has no answers"});
            else out.documents.push_back(std::move(d));
        }
    } else {
        for (std::size_t r = 0; r < csv.rows.size(); ++r) {
            ImportedDocument d = new_doc(ids[r]);
            for (std::size_t c : text_cols) {
                std::string answer = trim(csv.rows[r][c]);
                if (answer.empty()) continue;
                d.turns.push_back({{}, csv.header[c], std::nullopt, std::nullopt});
                d.turns.push_back({ids[r], answer, std::nullopt, std::nullopt});
            }
            speaker(d, ids[r]);
            if (d.turns.empty()) out.diagnostics.push_back({Diagnostic::Level::info, p + ":" + std::to_string(csv.lines[r]), "respondent '" + ids[r] + "' gave no answers"});
            else out.documents.push_back(std::move(d));
        }
    }
    if (out.documents.empty()) throw ImportError(p, "the response columns hold no answers");
    return out;
}

}  // namespace tessera::importer
