// Import: choose transcript files, read them in the background, preview them (the importer's dry
// run) with the options that change how they are read, then import all or none.
#include "ui/gui/views/import_view.hpp"

#include "commands/command_group.hpp"
#include "commands/project_commands.hpp"
#include "ui/gui/probe.hpp"
#include "ui/gui/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <iterator>
#include <set>

namespace tessera::gui {
namespace {

// The encodings offered when detection guesses wrong: the legacy ones transcripts arrive in from
// Windows, Mac and older transcription software. Detection handles the UTF forms with a BOM.
const char* const kEncodings[] = {"UTF-8",       "windows-1252", "ISO-8859-1", "ISO-8859-15", "UTF-16LE",
                                  "UTF-16BE",    "windows-1250", "windows-1251", "KOI8-R",  "macintosh",
                                  "Shift_JIS",   "GB18030",      "Big5"};

}  // namespace

void ImportView::open() {
    if (have_zenity()) {
        m_force = false;
        auto files = zenity_choose("Import transcripts", false, true,
                                   "Transcripts and survey CSVs | *.txt *.docx *.odt *.vtt *.srt *.pdf *.md *.csv");
        m_pending = std::move(files);
        return;
    }
    m_browser.open("Import transcripts", false, true, {".txt", ".docx", ".odt", ".vtt", ".srt", ".pdf", ".md", ".csv"});
}

void ImportView::read(const std::vector<std::filesystem::path>& files, AppState& s) {
    if (m_job || files.empty()) return;
    importer::ImportOptions options;
    options.encoding = m_settings.encoding;
    options.detect_speakers = m_settings.detect_speakers;
    options.speaker_pattern = m_settings.detect_speakers ? m_settings.speaker_pattern : std::string();
    importer::SpeakerMapping mapping;
    try {
        if (!m_settings.mapping_file.empty()) mapping = importer::read_speaker_mapping(m_settings.mapping_file);
    } catch (const std::exception& e) {
        // Reading again: said inside the preview (a modal of its own would close it).
        if (has_preview()) m_reread_error = e.what();
        else s.notify(Notification::Kind::error, "Could not read the speaker mapping", e.what(), advice_for(e));
        return;
    }
    if (m_settings.restart_per_document) mapping.scope = importer::CaseScope::document;
    importer::CsvResponseOptions csv;
    if (m_settings.csv_per_respondent) csv.layout = importer::CsvLayout::document_per_row;
    csv.id_column = m_settings.csv_id_column;
    if (m_settings.month_first) csv.date_order = importer::DateOrder::month_first;
    m_mapping = mapping;
    m_mapping_source = m_settings.mapping_file;
    start(files, ImportJob::for_files(files, std::move(options), std::move(mapping), std::move(csv), m_taken));
}

void ImportView::start(const std::vector<std::filesystem::path>& files, std::unique_ptr<ImportJob> job) {
    if (m_job) return;
    m_reread_error.clear();
    if (!has_preview()) m_force = false;
    m_files = files;
    m_job = std::move(job);
    m_open_progress = !has_preview();  // a reading again shows its progress inside the preview
}

void ImportView::stop_job() {
    if (!m_job) return;
    m_job->cancel();
    m_stopping.push_back(std::move(m_job));
}

void ImportView::clear() {
    m_docs.clear();
    m_rows.clear();
    m_respondents.clear();
    m_mapping_notes.clear();
    m_reread_error.clear();
}

// Takes a finished job's documents for the preview. A failure, or a cancel, keeps what the preview
// showed before (nothing on a first reading): a reading is all or none.
void ImportView::collect(AppState& s, const ModelCache& c) {
    std::unique_ptr<ImportJob> job = std::move(m_job);
    std::vector<importer::PreparedFile> files;
    try {
        files = job->take();
    } catch (const std::exception& e) {
        // Reading again: said inside the preview (a modal of its own would close it).
        if (has_preview()) m_reread_error = e.what();
        else s.notify(Notification::Kind::error, "Could not import", e.what(), advice_for(e));
        return;
    }
    if (job->cancelled()) return;
    std::set<std::string> existing, seen;
    for (const auto& d : c.documents()) existing.insert(d.content_hash);
    const bool preview_open = has_preview();  // a reading again: the preview stays open
    clear();
    for (std::size_t i = 0; i < files.size(); ++i) {
        for (auto& nd : files[i].docs) {
            Row r;
            r.file = m_files[i].string();
            r.format = files[i].format;
            r.encoding = files[i].encoding;
            r.words = nd.word_count();
            const std::string& h = nd.content_hash();
            r.duplicate = existing.count(h) || !seen.insert(h).second;
            for (const auto& dg : files[i].diagnostics) r.notes.push_back(dg.where + ": " + dg.message);
            m_rows.push_back(std::move(r));
            m_docs.push_back(std::move(nd));
        }
        for (auto& k : files[i].cases) m_respondents.push_back(std::move(k));
    }
    importer::MappingUse use(m_mapping);
    for (const auto& d : m_docs) use.see(d.doc());
    m_mapping_notes = use.unused_notes(m_mapping_source);
    m_open_preview = !m_docs.empty() && !preview_open;
}

// A progress bar naming the file being read, with Cancel: hundreds of transcripts take seconds.
void ImportView::draw_progress() {
    const float fraction = m_job->total() ? static_cast<float>(m_job->done()) / static_cast<float>(m_job->total()) : 0.f;
    const std::string label = std::to_string(m_job->done()) + " of " + std::to_string(m_job->total()) + " files";
    ImGui::ProgressBar(fraction, ImVec2(-1, 0), label.c_str());
    ui::probe("import/progress");
    const std::string current = m_job->current();
    ImGui::TextDisabled("%s", m_job->cancelled() ? "Cancelling…" : current.c_str());
    ImGui::BeginDisabled(m_job->cancelled());
    if (ImGui::Button("Cancel reading")) m_job->cancel();
    ui::probe("import/cancel");
    ImGui::EndDisabled();
}

// What changes how the files are read; "Read again" reads the same files with it.
void ImportView::draw_settings(AppState& s) {
    if (!ImGui::CollapsingHeader("Reading options")) {
        ui::probe("import/options");
        return;
    }
    ui::probe("import/options");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    const char* shown = m_settings.encoding.empty() ? "Detect" : m_settings.encoding.c_str();
    if (ImGui::BeginCombo("Text encoding (txt, vtt, srt)", shown)) {
        if (ImGui::Selectable("Detect", m_settings.encoding.empty())) m_settings.encoding.clear();
        for (const char* e : kEncodings)
            if (ImGui::Selectable(e, m_settings.encoding == e)) m_settings.encoding = e;
        ImGui::EndCombo();
    }
    ui::probe("import/encoding");
    ImGui::Checkbox("Detect speakers (off: one turn per paragraph, no speakers)", &m_settings.detect_speakers);
    ui::probe("import/detect_speakers");
    ImGui::BeginDisabled(!m_settings.detect_speakers);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##pattern", "Speaker pattern, a regex at line start: group 1 the label, group 2 the text "
                             "(empty: built-in detection)", &m_settings.speaker_pattern);
    ui::probe("import/pattern");
    ImGui::EndDisabled();
    if (ImGui::RadioButton("A label is the same participant in every file", !m_settings.restart_per_document))
        m_settings.restart_per_document = false;
    if (ImGui::RadioButton("Numbering restarts in each file (P1 of two groups is two people)",
                           m_settings.restart_per_document))
        m_settings.restart_per_document = true;
    ui::probe("import/restart_per_document");
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 10);
    ImGui::InputTextWithHint("##mapping", "Speaker mapping CSV: document (or *), label, case[, role]",
                             &m_settings.mapping_file);
    ImGui::SameLine();
    if (ImGui::Button("Choose…")) {
        if (have_zenity()) {
            auto picked = zenity_choose("Speaker mapping", false, false, "CSV | *.csv");
            if (!picked.empty()) m_settings.mapping_file = picked.front().string();
        } else {
            m_map_browser.open("Speaker mapping", false, false, {".csv"});
        }
    }
    if (auto picked = m_map_browser.draw(); picked && !picked->empty()) m_settings.mapping_file = picked->front().string();
    if (ImGui::RadioButton("Survey CSVs: a document per question", !m_settings.csv_per_respondent))
        m_settings.csv_per_respondent = false;
    ImGui::SameLine();
    if (ImGui::RadioButton("a document per respondent", m_settings.csv_per_respondent))
        m_settings.csv_per_respondent = true;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    ImGui::InputTextWithHint("##csv_id", "respondent id column (default: the first)", &m_settings.csv_id_column);
    ImGui::SameLine();
    ImGui::Checkbox("Dates month first (04/12 = 12 April)", &m_settings.month_first);
    ui::probe("import/month_first");
    ImGui::BeginDisabled(m_job != nullptr);
    if (ImGui::Button("Read again with these options")) read(m_files, s);
    ui::probe("import/reread");
    ImGui::EndDisabled();
    if (!m_reread_error.empty()) {
        problem_text("Not read again: " + m_reread_error + ". The preview is of the earlier reading.");
        ui::probe("import/reread_error");
    }
    ImGui::Separator();
}

void ImportView::draw(AppState& s, const ModelCache& c, CommandQueue& q) {
    // The project's document names, which a new document's name must not repeat.
    m_taken.clear();
    for (const auto& d : c.documents()) m_taken.push_back(d.name);
    if (auto picked = m_browser.draw(); picked && !picked->empty()) m_pending = *picked;
    if (!m_pending.empty()) {
        auto files = std::move(m_pending);
        m_pending.clear();
        read(files, s);
    }
    if (m_job && m_job->finished()) collect(s, c);

    // Jobs cancelled from the preview finish their file in the background, not on this thread.
    std::erase_if(m_stopping, [](const std::unique_ptr<ImportJob>& j) { return j->finished(); });

    // An error shown meanwhile waits: opening a popup beside it would close it.
    const bool problem_shown = ImGui::IsPopupOpen("Problem");
    if (m_open_progress && !problem_shown) {
        ImGui::OpenPopup("Reading transcripts");
        m_open_progress = false;
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, 0), ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("Reading transcripts", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        if (m_job) draw_progress();
        else ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    if (m_open_preview && !problem_shown) {
        ImGui::OpenPopup("Import preview");
        m_open_preview = false;
    }
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(size.x * 0.7f, size.y * 0.7f), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Import preview")) {
        // Closed by another popup: drop the preview, so the next import starts afresh.
        if (has_preview() && !m_open_preview) {
            stop_job();
            clear();
        }
        return;
    }
    ImGui::TextWrapped("Dry run: nothing is written until you press Import. Check speakers, roles and cases; "
                       "all files are imported together or not at all.");
    draw_settings(s);
    for (const auto& n : m_mapping_notes) problem_text(n);
    if (!m_mapping_notes.empty()) ui::probe("import/mapping_notes");
    if (m_job) draw_progress();
    ImGui::BeginChild("##preview", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 1.5f), true);
    std::size_t duplicates = 0;
    for (std::size_t i = 0; i < m_docs.size(); ++i) {
        const NewDocument& d = m_docs[i].doc();
        const auto& r = m_rows[i];
        duplicates += r.duplicate;
        ImGui::PushID(static_cast<int>(i));
        bool open = ImGui::TreeNodeEx("##doc", ImGuiTreeNodeFlags_DefaultOpen, "%s  (%s, %s, %lld words, %zu turns)%s",
                                      d.name.c_str(), r.format.c_str(), r.encoding.empty() ? "-" : r.encoding.c_str(),
                                      static_cast<long long>(r.words), d.turns.size(),
                                      r.duplicate ? "  — already in the project" : "");
        ui::probe("import/doc/" + std::to_string(i));
        if (open) {
            ImGui::TextDisabled("%s", r.file.c_str());
            if (ImGui::BeginTable("##speakers", 4, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
                ImGui::TableSetupColumn("Speaker");
                ImGui::TableSetupColumn("Role");
                ImGui::TableSetupColumn("Case");
                ImGui::TableSetupColumn("Turns");
                ImGui::TableHeadersRow();
                for (std::size_t k = 0; k < d.speakers.size(); ++k) {
                    const auto& sp = d.speakers[k];
                    std::int64_t turns = 0;
                    for (const auto& t : d.turns) turns += t.speaker_label == sp.label;
                    bool exists = false;
                    for (const auto& cs : c.cases()) exists |= cs.name == sp.case_name;
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(sp.label.c_str());
                    ui::probe("import/doc/" + std::to_string(i) + "/speaker/" + std::to_string(k));
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(to_string(sp.role));
                    ImGui::TableNextColumn();
                    if (sp.case_name.empty()) ImGui::TextDisabled("—");
                    else ImGui::Text("%s (%s)", sp.case_name.c_str(), exists ? "existing" : "new");
                    ImGui::TableNextColumn();
                    ImGui::Text("%lld", static_cast<long long>(turns));
                }
                ImGui::EndTable();
            }
            for (const auto& n : r.notes) ImGui::TextDisabled("note: %s", n.c_str());
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
    if (!m_respondents.empty()) {
        std::size_t attributes = 0;
        for (const auto& k : m_respondents) attributes += k.attributes.size();
        ImGui::TextDisabled("With the documents: %zu respondent(s) become cases, with %zu attribute value(s) from the "
                            "other columns.", m_respondents.size(), attributes);
        ui::probe("import/respondents");
    }
    if (duplicates) {
        ImGui::Checkbox("Import duplicates anyway", &m_force);
        ImGui::SameLine();
    }
    ImGui::BeginDisabled((duplicates > 0 && !m_force) || m_job != nullptr);
    std::string label = "Import " + std::to_string(m_docs.size()) + " document(s)";
    if (ImGui::Button(label.c_str())) {
        // One command: the documents and the respondents' attributes land together or not at all.
        auto import = std::make_unique<ImportDocuments>(std::move(m_docs), m_force);
        ImportDocuments* imported = import.get();
        auto group = std::make_unique<CommandGroup>(import->label());
        group->add(std::move(import));
        for (const auto& k : m_respondents)
            for (const auto& a : k.attributes) group->add(std::make_unique<SetCaseAttribute>(k.name, a));
        q.push(std::move(group), [imported](AppState& st, Command*) {
            if (!imported->ids().empty()) st.document_id = imported->ids().front();
            st.notify(Notification::Kind::info, "Imported " + std::to_string(imported->ids().size()) + " document(s)", "");
        });
        clear();
        ImGui::CloseCurrentPopup();
    }
    ui::probe("import/confirm");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) {
        stop_job();
        clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace tessera::gui
