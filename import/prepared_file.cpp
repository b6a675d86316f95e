// Implementation of prepared_file.hpp: the one path from parsed documents to what add_document takes.
#include "import/prepared_file.hpp"

#include "import/import_file.hpp"
#include "text/text.hpp"

namespace tessera::importer {

PreparedFile prepare_documents(std::vector<ImportedDocument> parsed, const SpeakerMapping& mapping) {
    PreparedFile out;
    const bool mapped = !mapping.entries.empty() || mapping.scope != CaseScope::label;
    for (auto& d : parsed) {
        NewDocument nd = compose(d);
        if (mapped) apply_speaker_mapping(nd, mapping);
        out.docs.push_back(PreparedDocument::prepare(std::move(nd)));
        out.format = d.format;
        out.encoding = d.encoding;
        out.diagnostics.insert(out.diagnostics.end(), d.diagnostics.begin(), d.diagnostics.end());
    }
    return out;
}

PreparedFile prepare_file(const std::filesystem::path& path, const ImportOptions& options,
                          const SpeakerMapping& mapping, CsvResponseOptions csv) {
    if (text::fold_case(path.extension().string()) == ".csv") {
        csv.encoding = options.encoding;
        csv.max_bytes = options.max_bytes;
        CsvResponses responses = import_csv_responses(path, csv);
        PreparedFile out = prepare_documents(std::move(responses.documents), mapping);
        out.cases = std::move(responses.cases);
        out.diagnostics.insert(out.diagnostics.end(), responses.diagnostics.begin(), responses.diagnostics.end());
        return out;
    }
    std::vector<ImportedDocument> parsed;
    parsed.push_back(import_file(path, options));
    return prepare_documents(std::move(parsed), mapping);
}

}  // namespace tessera::importer
