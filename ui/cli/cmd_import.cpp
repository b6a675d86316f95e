// `tessera import PROJECT FILE...`: import transcripts, all files or none, with a dry-run preview.
#include "commands/command_group.hpp"
#include "commands/project_commands.hpp"
#include "import/csv_responses.hpp"
#include "import/import_file.hpp"
#include "import/prepared_file.hpp"
#include "import/speaker_mapping.hpp"
#include "text/text.hpp"
#include "ui/cli/cli_common.hpp"
#include "ui/cli/cli_registry.hpp"
#include "util/error.hpp"
#include "util/read_ahead.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <iostream>
#include <optional>
#include <set>
#include <thread>

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
    bool month_first = false;
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
    if (!std::isfinite(a.max_mb) || a.max_mb <= 0 || a.max_mb > 1024 * 1024)
        throw InvalidArgument("--max-size must be a number of MiB above 0 and at most 1048576 (1 TiB)");
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
    if (a.month_first) csv_opt.date_order = importer::DateOrder::month_first;
    csv_opt.encoding = a.encoding;
    csv_opt.max_bytes = opt.max_bytes;

    // Survey CSVs are read first: their respondents' attributes are commands of the same group.
    std::vector<std::optional<importer::CsvResponses>> csv(a.files.size());
    std::vector<Case> csv_cases;
    for (std::size_t i = 0; i < a.files.size(); ++i) {
        if (text::fold_case(std::filesystem::path(a.files[i]).extension().string()) != ".csv") continue;
        csv[i] = importer::import_csv_responses(a.files[i], csv_opt);
        for (const auto& c : csv[i]->cases) csv_cases.push_back(c);
    }

    // Each document its own name: two groups' "session.txt" become "session" and "g2/session".
    std::vector<std::string> taken;
    for (const auto& d : p.documents()) taken.push_back(d.name);
    const std::vector<std::string> names =
        importer::document_names(std::vector<std::filesystem::path>(a.files.begin(), a.files.end()), taken);

    // Transcripts are parsed (and prepared: checked, counted, hashed) on worker threads a few files
    // ahead of storing, which overlaps the two and holds only a few transcripts in memory however
    // many files there are. A failure in file 37 of 40 still leaves the project untouched:
    // everything is stored in one transaction.
    auto parse = [&](std::size_t i) {
        if (csv[i]) {
            importer::PreparedFile f = importer::prepare_documents(std::move(csv[i]->documents), mapping);
            f.diagnostics.insert(f.diagnostics.end(), csv[i]->diagnostics.begin(), csv[i]->diagnostics.end());
            return f;
        }
        importer::ImportOptions named = opt;
        named.name = names[i];
        return importer::prepare_file(a.files[i], named, mapping);
    };
    // Parsing takes about twice as long as storing: two or more workers keep the store busy.
    const std::size_t workers = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 2, 4);
    ReadAhead<importer::PreparedFile> ahead(a.files.size(), parse, workers + 1, workers);

    // Takes the next file's documents on this thread, checking them for duplicates (which needs
    // the project) and keeping its notes; nullopt after the last file.
    std::set<std::string> hashes;
    std::vector<std::string> notes;
    importer::MappingUse mapped(mapping);  // which mapping rows met a speaker
    std::size_t next_file = 0;
    std::optional<Progress> bar(std::in_place, a.files.size());  // reset before printing results
    auto take_file = [&]() -> std::optional<importer::PreparedFile> {
        std::optional<importer::PreparedFile> f = ahead.next();
        if (!f) return f;
        const std::string& file = a.files[next_file];
        bar->step(next_file++, file);
        for (std::size_t k = 0; k < f->docs.size() && !a.force; ++k) {
            const std::string& hash = f->docs[k].content_hash();
            // This import's own files first: those stored already are in the project too.
            if (!hashes.insert(hash).second)
                throw ImportError(file, "has the same text as another file in this import (use --force)");
            if (auto existing = p.find_document_by_hash(hash))
                throw ImportError(file, "the same text is already in the project as '" + p.document(*existing).name +
                                            "' (use --force to import it again)");
        }
        for (const auto& dg : f->diagnostics) notes.push_back(dg.where + ": " + dg.message);
        for (const auto& d : f->docs) mapped.see(d.doc());
        return f;
    };
    if (a.dry_run) {
        nlohmann::json j = nlohmann::json::array();
        while (std::optional<importer::PreparedFile> f = take_file()) {
            for (const auto& prepared : f->docs) {
                const NewDocument& d = prepared.doc();
                nlohmann::json speakers = nlohmann::json::array();
                for (const auto& s : d.speakers) {
                    std::int64_t turns = 0;
                    for (const auto& t : d.turns) turns += t.speaker_label == s.label;
                    bool case_exists = !s.case_name.empty() && p.find_case(s.case_name).has_value();
                    speakers.push_back({{"label", s.label}, {"role", to_string(s.role)}, {"case", s.case_name},
                                        {"case_exists", case_exists}, {"turns", turns}});
                }
                nlohmann::json diags = nlohmann::json::array();
                for (const auto& dg : f->diagnostics) diags.push_back(dg.where + ": " + dg.message);
                j.push_back({{"file", a.files[next_file - 1]}, {"name", d.name}, {"format", f->format},
                             {"encoding", f->encoding}, {"words", prepared.word_count()},
                             {"turns", d.turns.size()}, {"speakers", speakers}, {"diagnostics", diags}});
            }
        }
        bar.reset();
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
        for (const auto& n : mapped.unused_notes(a.map)) std::cout << "note: " << n << "\n";
        return;
    }

    // One command: the documents and the respondents' attributes land together or not at all.
    std::deque<PreparedDocument> pending;
    auto source = [&]() -> std::optional<PreparedDocument> {
        while (pending.empty()) {
            std::optional<importer::PreparedFile> f = take_file();
            if (!f) return std::nullopt;
            for (auto& d : f->docs) pending.push_back(std::move(d));
        }
        PreparedDocument d = std::move(pending.front());
        pending.pop_front();
        return d;
    };
    CommandStack stack;
    auto group = std::make_unique<CommandGroup>("Import from " + std::to_string(a.files.size()) + " file(s)");
    auto import = std::make_unique<ImportDocuments>(source, a.files.size(), a.force);
    auto* raw = import.get();
    group->add(std::move(import));
    for (const auto& c : csv_cases)
        for (const auto& at : c.attributes) group->add(std::make_unique<SetCaseAttribute>(c.name, at));
    stack.execute(p, std::move(group));
    bar.reset();
    std::cout << "imported " << raw->ids().size() << " document(s) into " << a.project << "\n";
    if (!csv_cases.empty()) std::cout << "  with attributes of " << csv_cases.size() << " respondent(s)\n";
    for (const auto& n : notes) std::cout << "  note: " << n << "\n";
    for (const auto& n : mapped.unused_notes(a.map)) std::cout << "  note: " << n << "\n";
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
                    "label: the same label is the same participant in every document (default; but a "
                    "transcription service's 'Speaker 1' is a new person in each); "
                    "document: numbering restarts per document");
    cmd->add_option("--csv-layout", a->csv_layout, "Survey CSVs: column = one document per question (default), row = per respondent");
    cmd->add_option("--id-column", a->id_column, "Survey CSVs: the respondent id column (default: the first)");
    cmd->add_option("--text-columns", a->text_columns, "Survey CSVs: the answer columns (default: inferred)")->delimiter(',');
    cmd->add_flag("--month-first", a->month_first,
                  "Survey CSVs: read dates such as 04/12/2023 month first (US), not day first (the default)");
    cmd->callback([a] { run_import(*a); });
});

}  // namespace
}  // namespace tessera::cli
