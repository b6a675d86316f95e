// Implementation of import_job.hpp.
#include "ui/gui/import_job.hpp"

#include "util/read_ahead.hpp"

#include <algorithm>
#include <utility>

namespace tessera::gui {

ImportJob::ImportJob(std::vector<std::string> names, Reader read)
    : m_names(std::move(names)), m_read(std::move(read)), m_thread([this] { run(); }) {}

std::unique_ptr<ImportJob> ImportJob::for_files(const std::vector<std::filesystem::path>& files,
                                                importer::ImportOptions options, importer::SpeakerMapping mapping,
                                                importer::CsvResponseOptions csv,
                                                const std::vector<std::string>& taken) {
    std::vector<std::string> names;
    for (const auto& f : files) names.push_back(f.string());
    return std::make_unique<ImportJob>(names, [files, options = std::move(options), mapping = std::move(mapping),
                                               csv = std::move(csv),
                                               doc_names = importer::document_names(files, taken)](std::size_t i) {
        importer::ImportOptions named = options;
        named.name = doc_names[i];
        return importer::prepare_file(files[i], named, mapping, csv);
    });
}

ImportJob::~ImportJob() {
    cancel();
    m_thread.join();
}

std::string ImportJob::current() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_current;
}

void ImportJob::run() {
    try {
        // The GUI thread keeps one core for drawing; the rest parse.
        const std::size_t workers = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 2, 4) - 1;
        ReadAhead<importer::PreparedFile> ahead(m_names.size(), m_read, workers + 1, workers);
        for (std::size_t i = 0; i < m_names.size() && !m_cancel.load(); ++i) {
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                m_current = m_names[i];
            }
            std::optional<importer::PreparedFile> f = ahead.next();
            if (!f) break;
            m_out.push_back(std::move(*f));
            m_done.store(i + 1);
        }
    } catch (...) {
        m_error = std::current_exception();
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_current.clear();
    }
    m_finished.store(true);
}

std::vector<importer::PreparedFile> ImportJob::take() {
    if (!m_finished.load()) return {};
    if (m_error) std::rethrow_exception(std::exchange(m_error, nullptr));
    return std::move(m_out);
}

}  // namespace tessera::gui
