// tessera-build-sample SOURCE_DIR OUT.tessera: builds the sample study from its sources, reproducibly.
// The project file is an output: transcripts go through the real importers (txt, docx, vtt), and
// every code, coding, theme and summary through the same commands the GUI and CLI use.
#include "commands/codebook_commands.hpp"
#include "commands/project_commands.hpp"
#include "import/import_file.hpp"
#include "sample_sources.hpp"
#include "transcript_docx.hpp"
#include "util/error.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

using namespace tessera;

namespace {

// Collection order: the order the study ran, which the saturation curve follows.
const char* const kTranscripts[] = {"fg1_national_records.txt", "fg2_peer_support.txt", "fg3_app_terms.vtt",
                                    "int1_p5.txt",            "int2_p12.txt",         "int3_p23.txt",
                                    "int4_p24.txt",           "mc1_member_check.txt"};

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw Error(p.string() + ": cannot be read");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

RowId add_coder(Project& p, CommandStack& s, const std::string& name) {
    auto cmd = std::make_unique<CreateCoder>(name);
    auto* raw = cmd.get();
    s.execute(p, std::move(cmd));
    return raw->id();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: tessera-build-sample SOURCE_DIR OUT.tessera\n";
        return 2;
    }
    const std::filesystem::path source = argv[1], out = argv[2];
    const std::filesystem::path tmp = out.string() + ".building";
    try {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(tmp.string() + suffix, ec);
        {
            Project p = Project::create(tmp);
            CommandStack stack;
            sample::Context c{p, stack, source, {}};
            store::Transaction tx(p.db());
            sample::load_participants(c);

            // Focus group 2 arrives as Word, as most transcripts do: written here as .docx, then imported.
            const auto work = out.parent_path() / "sample-transcripts";
            std::filesystem::create_directories(work);
            std::vector<PreparedDocument> docs;
            for (const char* name : kTranscripts) {
                std::filesystem::path file = source / "transcripts" / name;
                if (file.stem() == "fg2_peer_support") {
                    std::filesystem::path docx = work / "fg2_peer_support.docx";
                    sample::write_transcript_docx(slurp(file), docx);
                    file = docx;
                }
                docs.push_back(PreparedDocument::prepare(importer::compose(importer::import_file(file))));
            }
            auto import = std::make_unique<ImportDocuments>(std::move(docs), false);
            auto* imported = import.get();
            stack.execute(p, std::move(import));
            for (RowId id : imported->ids()) c.documents[p.document(id).name] = id;

            RowId amara = add_coder(p, stack, "Amara");
            RowId ben = add_coder(p, stack, "Ben");
            RowId team = add_coder(p, stack, "Consensus");
            sample::load_codebook(c, "codebook_amara.csv", amara);
            sample::load_codebook(c, "codebook_ben.csv", ben);
            sample::load_codebook(c, "codebook_team.csv", std::nullopt);
            std::size_t na = sample::load_codings(c, "codings_amara.csv", amara);
            std::size_t nb = sample::load_codings(c, "codings_ben.csv", ben);
            std::size_t nc = sample::build_consensus(c, amara, ben, team);
            sample::load_analysis(c, team);
            p.set_setting("blind_mode", "1");
            p.set_setting("title", "Sharing mental-health data: service users' views (synthetic sample study)");
            tx.commit();
            ProjectInfo i = p.info();
            std::cout << "sample study: " << i.documents << " documents, " << i.words << " words, " << i.cases
                      << " cases, " << i.codes << " codes, codings " << na << " (Amara) + " << nb << " (Ben) + " << nc
                      << " (consensus), " << i.themes << " themes, " << i.memos << " memos\n";
            p.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(out.string() + suffix, ec);
        std::filesystem::rename(tmp, out);
        std::filesystem::remove(tmp.string() + "-wal", ec);
        std::filesystem::remove(tmp.string() + "-shm", ec);
        std::cout << "wrote " << out.string() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "tessera-build-sample: error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
