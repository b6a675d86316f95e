// Import: choose transcript files, preview them (the importer's dry run), then import all or none.
#include "ui/gui/views/import_view.hpp"

#include "commands/project_commands.hpp"
#include "import/import_file.hpp"
#include "ui/gui/probe.hpp"

#include <imgui.h>

#include <set>

namespace tessera::gui {

void ImportView::open() {
    if (have_zenity()) {
        m_force = false;
        auto files = zenity_choose("Import transcripts", false, true,
                                   "Transcripts | *.txt *.docx *.odt *.vtt *.srt *.pdf *.md");
        m_pending = std::move(files);
        return;
    }
    m_browser.open("Import transcripts", false, true, {".txt", ".docx", ".odt", ".vtt", ".srt", ".pdf", ".md"});
}

void ImportView::preview(const std::vector<std::filesystem::path>& files, const ModelCache& c, AppState& s) {
    m_docs.clear();
    m_rows.clear();
    std::set<std::string> existing, seen;
    for (const auto& d : c.documents()) existing.insert(d.content_hash);
    try {
        for (const auto& f : files) {
            importer::ImportedDocument d = importer::import_file(f);
            // Prepared once: the preview shows its counts, and storing it runs SQL only.
            PreparedDocument nd = PreparedDocument::prepare(importer::compose(d));
            Row r;
            r.file = f.string();
            r.format = d.format;
            r.encoding = d.encoding;
            r.words = nd.word_count();
            const std::string& h = nd.content_hash();
            r.duplicate = existing.count(h) || !seen.insert(h).second;
            for (const auto& dg : d.diagnostics) r.notes.push_back(dg.where + ": " + dg.message);
            m_rows.push_back(std::move(r));
            m_docs.push_back(std::move(nd));
        }
        m_open_preview = !m_docs.empty();
    } catch (const std::exception& e) {
        m_docs.clear();
        m_rows.clear();
        s.notify(Notification::Kind::error, "Could not import", e.what(), advice_for(e));
    }
}

void ImportView::draw(AppState& s, const ModelCache& c, CommandQueue& q) {
    if (auto picked = m_browser.draw(); picked && !picked->empty()) m_pending = *picked;
    if (!m_pending.empty()) {
        auto files = std::move(m_pending);
        m_pending.clear();
        preview(files, c, s);
    }
    if (m_open_preview) {
        ImGui::OpenPopup("Import preview");
        m_open_preview = false;
    }
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(size.x * 0.7f, size.y * 0.7f), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Import preview")) return;
    ImGui::TextWrapped("Dry run: nothing is written until you press Import. Check speakers, roles and cases; "
                       "all files are imported together or not at all.");
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
                for (const auto& sp : d.speakers) {
                    std::int64_t turns = 0;
                    for (const auto& t : d.turns) turns += t.speaker_label == sp.label;
                    bool exists = false;
                    for (const auto& cs : c.cases()) exists |= cs.name == sp.case_name;
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(sp.label.c_str());
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
    if (duplicates) {
        ImGui::Checkbox("Import duplicates anyway", &m_force);
        ImGui::SameLine();
    }
    ImGui::BeginDisabled(duplicates > 0 && !m_force);
    std::string label = "Import " + std::to_string(m_docs.size()) + " document(s)";
    if (ImGui::Button(label.c_str())) {
        q.push(std::make_unique<ImportDocuments>(std::move(m_docs), m_force), [](AppState& st, Command* cmd) {
            auto* imp = static_cast<ImportDocuments*>(cmd);
            if (!imp->ids().empty()) st.document_id = imp->ids().front();
            st.notify(Notification::Kind::info, "Imported " + std::to_string(imp->ids().size()) + " document(s)", "");
        });
        m_docs.clear();
        m_rows.clear();
        ImGui::CloseCurrentPopup();
    }
    ui::probe("import/confirm");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) {
        m_docs.clear();
        m_rows.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace tessera::gui
