// Survey/consultation responses from a CSV: documents per row or per column, respondents as cases.
#pragma once

#include "import/case_attributes.hpp"
#include "import/imported_document.hpp"
#include "model/case.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace tessera::importer {

enum class CsvLayout {
    document_per_column,  // one document per question; one turn per respondent's answer
    document_per_row,     // one document per respondent; the question (no speaker), then the answer
};

struct CsvResponseOptions {
    CsvLayout layout = CsvLayout::document_per_column;
    std::string id_column;                  // respondent id; empty = the first column
    std::vector<std::string> text_columns;  // response columns; empty = columns inferred as free text
    std::string encoding;                   // empty = detect
    DateOrder date_order = DateOrder::day_first;  // how nn/nn/yyyy attribute values are read
    std::uint64_t max_bytes = 50ull << 20;
};

struct CsvResponses {
    std::vector<ImportedDocument> documents;  // answers labelled with the respondent id (a participant)
    std::vector<Case> cases;                  // one per respondent; the other columns as typed attributes
    std::vector<std::string> text_columns;    // the response columns used
    Diagnostics diagnostics;
};

/// Reads survey responses. Each answer becomes a turn whose speaker is the respondent id, mapped to
/// the case of that id (ImportedDocument::speakers). Empty answers are skipped. Throws ImportError
/// {path, message, line} for unreadable/malformed CSV, unknown columns, empty or repeated ids, and
/// a file with no response text at all.
CsvResponses import_csv_responses(const std::filesystem::path& path, const CsvResponseOptions& options = {});

}  // namespace tessera::importer
