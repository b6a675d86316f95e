// `tessera import PROJECT FILE...`: import transcripts, all files or none, with a dry-run preview.
#include "commands/project_commands.hpp"
#include "import/import_file.hpp"
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

    // Parse everything first: a failure in file 37 of 40 must leave the project untouched.
    std::vector<NewDocument> docs;
    std::vector<importer::ImportedDocument> parsed;
    std::set<std::string> hashes;
    {
        Progress bar(a.files.size());
        for (std::size_t i = 0; i < a.files.size(); ++i) {
            bar.step(i, a.files[i]);
            importer::ImportedDocument d = importer::import_file(a.files[i], opt);
            NewDocument nd = importer::compose(d);
            std::string h = text::sha256_hex(nd.text);
            if (!a.force) {
                if (auto existing = p.find_document_by_hash(h))
                    throw ImportError(a.files[i], "the same text is already in the project as '" +
                                                      p.document(*existing).name + "' (use --force to import it again)");
                if (!hashes.insert(h).second)
                    throw ImportError(a.files[i], "has the same text as another file in this import (use --force)");
            }
            docs.push_back(std::move(nd));
            parsed.push_back(std::move(d));
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
            j.push_back({{"file", a.files[i]}, {"name", d.name}, {"format", parsed[i].format},
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

    CommandStack stack;
    auto cmd = std::make_unique<ImportDocuments>(std::move(docs), a.force);
    auto* raw = cmd.get();
    stack.execute(p, std::move(cmd));
    std::cout << "imported " << raw->ids().size() << " document(s) into " << a.project << "\n";
    for (const auto& d : parsed)
        for (const auto& dg : d.diagnostics) std::cout << "  note: " << dg.where << ": " << dg.message << "\n";
}

const Registrar kImport(30, [](CLI::App& app) {
    auto a = std::make_shared<ImportArgs>();
    auto* cmd = app.add_subcommand("import", "Import transcripts (txt, docx, odt, vtt, srt, pdf): all files or none");
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
    cmd->callback([a] { run_import(*a); });
});

}  // namespace
}  // namespace tessera::cli
