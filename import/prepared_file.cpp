// Implementation of prepared_file.hpp: the one path from parsed documents to what add_document takes.
#include "import/prepared_file.hpp"

#include "import/import_file.hpp"
#include "text/text.hpp"

#include <set>

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

std::vector<std::string> document_names(const std::vector<std::filesystem::path>& files,
                                        const std::vector<std::string>& taken) {
    std::set<std::string> used;
    for (const auto& t : taken) used.insert(text::fold_case(t));
    std::vector<std::string> out;
    out.reserve(files.size());
    for (const auto& f : files) {
        std::string name = f.stem().string();
        if (used.count(text::fold_case(name)) > 0 && f.has_parent_path() && !f.parent_path().filename().empty())
            name = f.parent_path().filename().string() + "/" + f.stem().string();
        const std::string base = name;
        for (int n = 2; used.count(text::fold_case(name)) > 0; ++n) name = base + " (" + std::to_string(n) + ")";
        used.insert(text::fold_case(name));
        out.push_back(std::move(name));
    }
    return out;
}

}  // namespace tessera::importer
