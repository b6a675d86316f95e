// PreparedFile: one source file read, composed, mapped and prepared for storing, made without a project.
#pragma once

#include "import/csv_responses.hpp"
#include "import/import_options.hpp"
#include "import/imported_document.hpp"
#include "import/speaker_mapping.hpp"
#include "store/prepared_document.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace tessera::importer {

/// What an import stores from one file (a survey CSV can give several documents), with what it
/// says about how it was read. Needs no project, so front ends make these on worker threads.
struct PreparedFile {
    std::vector<PreparedDocument> docs;
    std::string format;    // of the last document ("txt", "docx", ...)
    std::string encoding;  // likewise; "" for formats without one
    Diagnostics diagnostics;
    std::vector<Case> cases;  // survey CSVs: each respondent with the other columns as attributes
};

/// compose(), apply_speaker_mapping() (when the mapping says anything) and PreparedDocument::prepare
/// for each of `parsed`. Throws what they throw.
PreparedFile prepare_documents(std::vector<ImportedDocument> parsed, const SpeakerMapping& mapping);

/// import_file() then prepare_documents(); for a .csv, import_csv_responses() with `csv` (its
/// encoding and size cap taken from `options`), keeping the respondents as `cases`. Throws
/// ImportError naming the file, as the importers do.
PreparedFile prepare_file(const std::filesystem::path& path, const ImportOptions& options,
                          const SpeakerMapping& mapping, CsvResponseOptions csv = {});

/// A document name for each file: its stem, unless that is already taken (by `taken`, the project's
/// documents, or an earlier file of this import), then "folder/stem" ("g2/session"), then
/// "stem (2)", "stem (3)"... Compared without regard to case. Two groups' "session.txt" thus stay
/// two documents, and under CaseScope::document two groups' "P1" stay two cases.
std::vector<std::string> document_names(const std::vector<std::filesystem::path>& files,
                                        const std::vector<std::string>& taken);

}  // namespace tessera::importer
