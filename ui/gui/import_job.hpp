// ImportJob: reads and prepares the chosen transcripts for the import preview, off the GUI thread.
#pragma once

#include "import/import_options.hpp"
#include "import/prepared_file.hpp"
#include "import/speaker_mapping.hpp"

#include <atomic>
#include <cstddef>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tessera::gui {

/// Reads files for an import preview, in order, on a background thread (which spreads the work
/// over worker threads with ReadAhead), so the window keeps drawing and can show progress and a
/// Cancel button while hundreds of transcripts are read. Touches no project: what it makes is
/// stored later, by one ImportDocuments command on the GUI thread. All or none: the first file
/// that fails stops the job, and take() rethrows its error.
class ImportJob {
public:
    using Reader = std::function<importer::PreparedFile(std::size_t)>;
    /// Reads file i with `read(i)`, on worker threads; `names` are what current() shows.
    ImportJob(std::vector<std::string> names, Reader read);
    /// The usual reader: importer::prepare_file with these options, mapping and survey-CSV options,
    /// each document named by importer::document_names (clear of `taken`, the project's names).
    static std::unique_ptr<ImportJob> for_files(const std::vector<std::filesystem::path>& files,
                                                importer::ImportOptions options, importer::SpeakerMapping mapping,
                                                importer::CsvResponseOptions csv = {},
                                                const std::vector<std::string>& taken = {});
    /// Cancels and waits for the files being read to finish.
    ~ImportJob();
    ImportJob(const ImportJob&) = delete;
    ImportJob& operator=(const ImportJob&) = delete;

    std::size_t total() const { return m_names.size(); }
    std::size_t done() const { return m_done.load(); }  // files read and prepared so far
    /// The file being waited for (empty once finished).
    std::string current() const;
    bool finished() const { return m_finished.load(); }
    /// Asks the job to stop after the files in hand; finished() follows shortly.
    void cancel() { m_cancel.store(true); }
    bool cancelled() const { return m_cancel.load(); }
    /// Once finished(): every file's documents in order, or rethrows what stopped the job.
    /// Cancelled jobs give what they had read. Call once.
    std::vector<importer::PreparedFile> take();

private:
    void run();

    const std::vector<std::string> m_names;
    const Reader m_read;
    std::atomic<std::size_t> m_done{0};
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_finished{false};
    mutable std::mutex m_mutex;  // guards m_current
    std::string m_current;
    std::vector<importer::PreparedFile> m_out;  // the job thread's until m_finished
    std::exception_ptr m_error;                 // likewise
    std::thread m_thread;                       // last: starts once the members above exist
};

}  // namespace tessera::gui
