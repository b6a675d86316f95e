// bench_gui_frame: CPU time of one transcript-view frame (headless ImGui) on a 100,000-word transcript
// with 5,000 codings, the time to open that project in the workbench, and peak RSS.
//
// Targets (issue 5): frame <= 4 ms (median), open <= 300 ms, peak RSS <= 300 MiB.
#include "bench_util.hpp"

#if TESSERA_HAVE_GUI
#include "store/database.hpp"
#include "store/project.hpp"
#include "commands/coding_commands.hpp"
#include "text/text.hpp"
#include "ui/gui/app.hpp"
#include "ui/gui/fonts.hpp"

#include <imgui.h>

#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace tessera;

namespace {

// Synthetic, original focus-group talk: words from a small vocabulary, with accents and an emoji
// now and then so the layout takes the slow paths (multi-byte runs, placeholders).
std::string make_turn(std::mt19937& rng, int words) {
    static const std::vector<std::string> vocab = {
        "the", "letter", "records", "consent", "I", "think", "we", "should", "be", "asked", "first", "café",
        "naïve", "trust", "clinic", "research", "data", "share", "felt", "cold", "because", "nobody", "told",
        "us", "what", "happens", "next", "and", "it", "was", "like", "honestly", "Zoë", "said", "fine",
        "people", "my", "file", "doctor", "worried", "about", "who", "reads", "them", "😟", "Núñez", "really"};
    std::uniform_int_distribution<std::size_t> pick(0, vocab.size() - 1);
    std::string s;
    for (int i = 0; i < words; ++i) {
        if (i) s += (i % 13 == 0) ? ". " : " ";
        s += vocab[pick(rng)];
    }
    return s + ".";
}

std::filesystem::path build_project(const std::filesystem::path& dir, int target_words, int codings) {
    auto path = dir / "bench-gui.tessera";
    std::filesystem::remove(path);
    Project p = Project::create(path);
    std::mt19937 rng(42);
    NewDocument d;
    d.name = "Long focus group";
    std::u32string all;
    std::int64_t words = 0;
    int ordinal = 0;
    while (words < target_words) {
        std::string label = ordinal % 7 == 0 ? "Facilitator" : "P" + std::to_string(1 + ordinal % 6);
        std::string body = make_turn(rng, 20 + static_cast<int>(rng() % 60));
        words += text::count_words(body);
        if (!d.text.empty()) d.text += "\n\n";
        std::string head = label + ": ";
        std::int64_t start = text::count_code_points(d.text) + text::count_code_points(head);
        d.text += head + body;
        d.turns.push_back({{start, start + text::count_code_points(body)}, label, ordinal * 9000, ordinal * 9000 + 8000});
        ++ordinal;
    }
    for (int i = 1; i <= 6; ++i) d.speakers.push_back({"P" + std::to_string(i), SpeakerRole::participant, "P" + std::to_string(i)});
    d.speakers.push_back({"Facilitator", SpeakerRole::facilitator, ""});
    store::Transaction tx(p.db());
    RowId doc = p.add_document(d);
    RowId amara = p.insert_coder({0, "", "Amara"});
    RowId ben = p.insert_coder({0, "", "Ben"});
    std::vector<RowId> codes;
    for (int i = 0; i < 40; ++i) {
        Code c;
        c.name = "Code " + std::to_string(i);
        c.owner_coder_id = i < 30 ? amara : ben;
        c.color = 0x4E79A7 + static_cast<std::uint32_t>(i) * 0x050309;
        codes.push_back(p.insert_code(c));
    }
    const auto turns = p.turns(doc);
    for (int i = 0; i < codings; ++i) {
        const Turn& t = turns[rng() % turns.size()];
        std::int64_t len = t.span.length();
        std::int64_t a = t.span.start + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(len / 2 + 1));
        std::int64_t b = std::min(t.span.end, a + 10 + static_cast<std::int64_t>(rng() % 200));
        Coding c;
        c.document_id = doc;
        std::size_t k = rng() % codes.size();
        c.code_id = codes[k];
        c.coder_id = k < 30 ? amara : ben;
        c.span = {a, b};
        p.insert_coding(c);
    }
    tx.commit();
    std::printf("project: %lld words, %zu turns, %d codings (40 codes, 2 coders)\n", static_cast<long long>(words),
                turns.size(), codings);
    return path;
}

}  // namespace

int main(int argc, char** argv) {
    const int frames = argc > 1 ? std::atoi(argv[1]) : 300;
    auto dir = std::filesystem::temp_directory_path() / "tessera-bench-gui";
    std::filesystem::create_directories(dir);
    auto path = build_project(dir, 100000, 5000);

    // Open: Project::open, coder, every read the workbench needs, the first (100k-word) document laid in memory.
    double open_project_ms = 0, open_app_ms = 0;
    {
        bench::Timer t;
        Project p = Project::open(path);
        open_project_ms = t.seconds() * 1000;
    }
    gui::AppOptions opt;
    opt.project = path;
    opt.coder = "Amara";
    opt.remember_recent = false;
    bench::Timer t_open;
    gui::App app(opt);
    open_app_ms = t_open.seconds() * 1000;
    if (!app.project() || !app.cache().open_document()) {
        std::fprintf(stderr, "bench_gui_frame: the project did not open\n");
        return 1;
    }

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1400, 900);
    io.DeltaTime = 1.0f / 60.0f;
    bench::Timer t_fonts;
    gui::load_fonts(*io.Fonts, app.cache().glyph_sample(), 16.0f);
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    double fonts_ms = t_fonts.seconds() * 1000;

    auto run_frame = [&] {
        ImGui::NewFrame();
        app.draw();
        ImGui::Render();
        app.after_render();
    };
    bench::Timer t_first;
    run_frame();  // lays out all turns at this width
    double first_ms = t_first.seconds() * 1000;

    // Scroll through the transcript: each frame jumps to another place, as fast scrolling does.
    const auto* doc = app.cache().open_document();
    const auto len = static_cast<std::int64_t>(doc->cps.size());
    std::mt19937 rng(7);
    std::vector<double> full, view_only;
    for (int i = 0; i < frames; ++i) {
        app.state().scroll_to_cp = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(len));
        bench::Timer t;
        run_frame();
        full.push_back(t.seconds() * 1000);
    }
    // The transcript view alone, in one window the size of the app's centre panel.
    for (int i = 0; i < frames; ++i) {
        app.state().scroll_to_cp = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(len));
        bench::Timer t;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(336, 20));
        ImGui::SetNextWindowSize(ImVec2(686, 880));
        ImGui::Begin("Transcript");
        app.transcript().draw(app.state(), app.cache(), app.queue());
        ImGui::End();
        ImGui::Render();
        view_only.push_back(t.seconds() * 1000);
    }
    std::printf("visible turns per frame: %zu of %zu laid out; %d vertices, %d indices in the last frame\n",
                app.transcript().drawn_turns(), app.transcript().layout().turn_count(), io.MetricsRenderVertices,
                io.MetricsRenderIndices);
    // Re-layout of every turn at a new width (what a window resize costs once).
    std::vector<double> relayout;
    for (int i = 0; i < 5; ++i) {
        gui::LayoutMetrics m = app.transcript().layout().metrics();
        m.text_width -= static_cast<float>(10 + i);
        gui::TranscriptLayout l;
        bench::Timer t;
        l.build(*doc, m);
        relayout.push_back(t.seconds() * 1000);
    }
    // Coding one span: the command's transaction plus the cache refresh the next frame draws from.
    std::vector<double> code_ms;
    RowId code_id = 0;
    for (const auto& c : app.cache().codes())
        if (c.owner_coder_id == app.state().coder_id) code_id = c.id;
    for (int i = 0; i < 15; ++i) {
        std::int64_t at = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(len - 50));
        app.state().selection = {at, at + 40};
        bench::Timer t;
        app.queue().push(std::make_unique<ApplyCode>(doc->doc.id, Span{at, at + 40}, code_id, *app.state().coder_id));
        app.after_render();
        code_ms.push_back(t.seconds() * 1000);
        doc = app.cache().open_document();
    }
    std::printf("code a span (transaction + cache refresh), median of 15: %6.1f ms\n", bench::median(code_ms));
    std::printf("open project (Project::open):          %8.1f ms\n", open_project_ms);
    std::printf("open in workbench (App, 100k doc read): %8.1f ms   target <= 300 ms\n", open_app_ms);
    std::printf("font atlas (glyphs from the project):  %8.1f ms\n", fonts_ms);
    std::printf("first frame (lays out every turn):     %8.2f ms\n", first_ms);
    std::printf("re-layout at a new width, median:      %8.2f ms\n", bench::median(relayout));
    std::printf("transcript view frame, median:         %8.3f ms   target <= 4 ms (%d frames)\n",
                bench::median(view_only), frames);
    std::printf("whole workbench frame, median:         %8.3f ms   (all panels)\n", bench::median(full));
    std::printf("peak RSS:                              %8.1f MiB  target <= 300 MiB\n", bench::peak_rss_mib());
    ImGui::DestroyContext();
    std::filesystem::remove_all(dir);
    return 0;
}

#else
#include <cstdio>
int main() {
    std::printf("bench_gui_frame: built without the GUI (TESSERA_BUILD_GUI=OFF); nothing to measure\n");
    return 0;
}
#endif
