// `tessera import PROJECT FILE...`: import transcripts, all files or none, with a dry-run preview.
#include "commands/command_group.hpp"
#include "commands/project_commands.hpp"
#include "import/csv_responses.hpp"
#include "import/import_file.hpp"
#include "import/speaker_mapping.hpp"
#include "text/text.hpp"
#include "ui/cli/cli_common.hpp"
#include "ui/cli/cli_registry.hpp"
#include "util/error.hpp"

#include <unistd.h>

#include <iostream>
#include <set>

namespace tessera::cli {
namespace {

struct ImportArgs {
    std::string project;
    std::vector<std::string> files;
    std::string encoding;
    std::string speaker_pattern;
    bool no_speakers = false;
    bool dry_run = false;
    bool force = false;
    bool json = false;
    double max_mb = 50;
    std::string map;                 // speaker -> case mapping CSV
    std::string case_scope = "label";
    std::string csv_layout = "column";
    std::string id_column;
    std::vector<std::string> text_columns;
};

// A one-line progress bar on a terminal; silent when stderr is a file or pipe.
class Progress {
public:
    explicit Progress(std::size_t total) : m_total(total), m_tty(isatty(STDERR_FILENO) == 1) {}
    ~Progress() {
        if (m_tty && m_drawn) std::cerr << "\r\033[K" << std::flush;
    }
    void step(std::size_t done, const std::string& name) {
        if (!m_tty) return;
        const int width = 30;
        int filled = static_cast<int>(width * done / (m_total ? m_total : 1));
        std::cerr << "\r\033[K[" << std::string(static_cast<std::size_t>(filled), '#')
                  << std::string(static_cast<std::size_t>(width - filled), '.') << "] " << done << "/" << m_total << " "
                  << name << std::flush;
        m_drawn = true;
    }

private:
    std::size_t m_total;
    bool m_tty;
    bool m_drawn = false;
};

void run_import(const ImportArgs& a) {
    Project p = open_project(a.project);
    importer::ImportOptions opt;
    opt.encoding = a.encoding;
    opt.speaker_pattern = a.speaker_pattern;
    opt.detect_speakers = !a.no_speakers;
    if (a.max_mb <= 0) throw InvalidArgument("--max-size must be positive");
    opt.max_bytes = static_cast<std::uint64_t>(a.max_mb * 1024 * 1024);

    importer::SpeakerMapping mapping;
    if (!a.map.empty()) mapping = importer::read_speaker_mapping(a.map);
    if (a.case_scope == "document") mapping.scope = importer::CaseScope::document;
    else if (a.case_scope != "label") throw InvalidArgument("--case-scope must be label or document");
    importer::CsvResponseOptions csv_opt;
    if (a.csv_layout == "row") csv_opt.layout = importer::CsvLayout::document_per_row;
    else if (a.csv_layout != "column") throw InvalidArgument("--csv-layout must be row or column");
    csv_opt.id_column = a.id_column;
    csv_opt.text_columns = a.text_columns;
    csv_opt.encoding = a.encoding;
    csv_opt.max_bytes = opt.max_bytes;

    // Parse everything first: a failure in file 37 of 40 must leave the project untouched.
    std::vector<NewDocument> docs;
    std::vector<importer::ImportedDocument> parsed;
    std::vector<std::string> files;  // source file of each document (a CSV gives several)
    std::vector<Case> csv_cases;     // respondents' attributes from survey CSVs
    std::set<std::string> hashes;
    auto add = [&](importer::ImportedDocument d, const std::string& file) {
        NewDocument nd = importer::compose(d);
        if (!mapping.entries.empty() || mapping.scope != importer::CaseScope::label)
            importer::apply_speaker_mapping(nd, mapping);
        std::string h = text::sha256_hex(nd.text);
        if (!a.force) {
            if (auto existing = p.find_document_by_hash(h))
                throw ImportError(file, "the same text is already in the project as '" + p.document(*existing).name +
                                            "' (use --force to import it again)");
            if (!hashes.insert(h).second)
                throw ImportError(file, "has the same text as another file in this import (use --force)");
        }
        docs.push_back(std::move(nd));
        parsed.push_back(std::move(d));
        files.push_back(file);
    };
    {
        Progress bar(a.files.size());
        for (std::size_t i = 0; i < a.files.size(); ++i) {
            bar.step(i, a.files[i]);
            std::filesystem::path f = a.files[i];
            std::string ext = text::fold_case(f.extension().string());
            if (ext == ".csv") {
                importer::CsvResponses r = importer::import_csv_responses(f, csv_opt);
                for (auto& d : r.documents) add(std::move(d), a.files[i]);
                for (auto& c : r.cases) csv_cases.push_back(std::move(c));
            } else {
                add(importer::import_file(f, opt), a.files[i]);
            }
        }
        bar.step(a.files.size(), "");
    }

    if (a.dry_run) {
        nlohmann::json j = nlohmann::json::array();
        for (std::size_t i = 0; i < docs.size(); ++i) {
            const auto& d = docs[i];
            nlohmann::json speakers = nlohmann::json::array();
            for (const auto& s : d.speakers) {
                std::int64_t turns = 0;
                for (const auto& t : d.turns) turns += t.speaker_label == s.label;
                bool case_exists = !s.case_name.empty() && p.find_case(s.case_name).has_value();
                speakers.push_back({{"label", s.label}, {"role", to_string(s.role)}, {"case", s.case_name},
                                    {"case_exists", case_exists}, {"turns", turns}});
            }
            nlohmann::json diags = nlohmann::json::array();
            for (const auto& dg : parsed[i].diagnostics) diags.push_back(dg.where + ": " + dg.message);
            j.push_back({{"file", files[i]}, {"name", d.name}, {"format", parsed[i].format},
                         {"encoding", parsed[i].encoding}, {"words", text::count_words(d.text)},
                         {"turns", d.turns.size()}, {"speakers", speakers}, {"diagnostics", diags}});
        }
        if (a.json) {
            std::cout << j.dump(2) << "\n";
            return;
        }
        std::cout << "dry run: nothing written to " << a.project << "\n";
        for (const auto& d : j) {
            std::cout << d["file"].get<std::string>() << " -> document '" << d["name"].get<std::string>() << "' ("
                      << d["format"].get<std::string>() << ", " << d["words"].get<std::int64_t>() << " words, "
                      << d["turns"].get<std::size_t>() << " turns)\n";
            for (const auto& s : d["speakers"]) {
                std::cout << "    " << s["label"].get<std::string>() << "  " << s["role"].get<std::string>();
                if (!s["case"].get<std::string>().empty())
                    std::cout << "  case " << s["case"].get<std::string>()
                              << (s["case_exists"].get<bool>() ? " (existing)" : " (new)");
                std::cout << "  " << s["turns"].get<std::int64_t>() << " turns\n";
            }
            for (const auto& dg : d["diagnostics"]) std::cout << "    note: " << dg.get<std::string>() << "\n";
        }
        return;
    }

    // One command: the documents and the respondents' attributes land together or not at all.
    CommandStack stack;
    auto group = std::make_unique<CommandGroup>("Import " + std::to_string(docs.size()) + " document(s)");
    auto import = std::make_unique<ImportDocuments>(std::move(docs), a.force);
    auto* raw = import.get();
    group->add(std::move(import));
    for (const auto& c : csv_cases)
        for (const auto& at : c.attributes) group->add(std::make_unique<SetCaseAttribute>(c.name, at));
    stack.execute(p, std::move(group));
    std::cout << "imported " << raw->ids().size() << " document(s) into " << a.project << "\n";
    if (!csv_cases.empty()) std::cout << "  with attributes of " << csv_cases.size() << " respondent(s)\n";
    for (const auto& d : parsed)
        for (const auto& dg : d.diagnostics) std::cout << "  note: " << dg.where << ": " << dg.message << "\n";
}

const Registrar kImport(30, [](CLI::App& app) {
    auto a = std::make_shared<ImportArgs>();
    auto* cmd = app.add_subcommand("import", "Import transcripts (txt, docx, odt, vtt, srt, pdf) and survey CSVs: all files or none");
    cmd->add_option("PROJECT", a->project, "Project file")->required();
    cmd->add_option("FILES", a->files, "Transcript files")->required();
    cmd->add_option("--encoding", a->encoding, "Text encoding of txt/vtt/srt files (default: detect)");
    cmd->add_option("--speaker-pattern", a->speaker_pattern,
                    "Regex for speaker labels at line start: group 1 the label, group 2 the text");
    cmd->add_flag("--no-speakers", a->no_speakers, "Do not detect speakers: one turn per paragraph");
    cmd->add_flag("--dry-run", a->dry_run, "Show documents, turns, speakers, roles and cases; write nothing");
    cmd->add_flag("--force", a->force, "Import even when the same text is already in the project");
    cmd->add_flag("--json", a->json, "With --dry-run: print JSON");
    cmd->add_option("--max-size", a->max_mb, "Largest file accepted, in MiB (default 50)");
    cmd->add_option("--map", a->map, "Speaker mapping CSV: document (or *), label, case[, role]");
    cmd->add_option("--case-scope", a->case_scope,
                    "label: the same label is the same participant in every document (default); "
                    "document: numbering restarts per document");
    cmd->add_option("--csv-layout", a->csv_layout, "Survey CSVs: column = one document per question (default), row = per respondent");
    cmd->add_option("--id-column", a->id_column, "Survey CSVs: the respondent id column (default: the first)");
    cmd->add_option("--text-columns", a->text_columns, "Survey CSVs: the answer columns (default: inferred)")->delimiter(',');
    cmd->callback([a] { run_import(*a); });
});

}  // namespace
}  // namespace tessera::cli
