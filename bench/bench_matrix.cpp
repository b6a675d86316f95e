// Matrix benchmark: build and export the framework matrix (300 cases x 60 code columns, 200,000
// codings in a generated project) against two references measured in the same run: reading the
// codings from the project (Project::codings), and writing the same table as CSV.
#include "analysis/matrix.hpp"
#include "analysis/table.hpp"
#include "bench_util.hpp"
#include "export/atomic_file.hpp"
#include "export/table_text.hpp"
#include "export/table_xlsx.hpp"
#include "store/project.hpp"

#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace tessera;

namespace {

constexpr int kDocuments = 30;       // focus groups
constexpr int kPerDocument = 10;     // participants per group: 300 cases
constexpr int kTurnsPerDoc = 400;
constexpr int kCodes = 60;
constexpr int kCodings = 200000;
constexpr int kRuns = 7;

void generate(const std::filesystem::path& path) {
    std::filesystem::remove(path);
    Project p = Project::create(path);
    store::Transaction tx(p.db());
    std::mt19937 rng(11);
    const std::string words[] = {"data ", "trust ", "consent ", "records ", "asked ", "share ", "care ", "risk "};
    std::vector<std::pair<RowId, std::vector<Span>>> docs;
    for (int d = 0; d < kDocuments; ++d) {
        NewDocument doc;
        doc.name = "FG" + std::to_string(d + 1);
        for (int s = 0; s < kPerDocument; ++s) {
            std::string label = "P" + std::to_string(d * kPerDocument + s + 1);
            doc.speakers.push_back({label, SpeakerRole::participant, label});
        }
        std::vector<Span> spans;
        for (int t = 0; t < kTurnsPerDoc; ++t) {
            std::string label = "P" + std::to_string(d * kPerDocument + t % kPerDocument + 1);
            std::string line = label + ": ";
            std::int64_t start = static_cast<std::int64_t>(doc.text.size() + line.size());
            for (int w = 0; w < 30; ++w) line += words[rng() % 8];
            doc.text += line + "\n";
            spans.push_back({start, static_cast<std::int64_t>(doc.text.size() - 1)});
            doc.turns.push_back({spans.back(), label, {}, {}});
        }
        docs.emplace_back(p.add_document(doc), spans);
    }
    const char* sexes[] = {"woman", "man", "non-binary"};
    for (const auto& c : p.cases()) {
        p.set_attribute(c.id, {"age", AttributeType::number, std::to_string(18 + rng() % 60)});
        p.set_attribute(c.id, {"gender", AttributeType::category, sexes[rng() % 3]});
    }
    RowId coder = p.insert_coder({0, "", "Amara"});
    std::vector<RowId> codes;
    for (int i = 0; i < kCodes; ++i) {
        Code c;
        c.name = "code " + std::to_string(i + 1);
        codes.push_back(p.insert_code(c));
    }
    for (int i = 0; i < kCodings; ++i) {
        const auto& [doc, spans] = docs[rng() % docs.size()];
        const Span& turn = spans[rng() % spans.size()];
        std::int64_t a = turn.start + static_cast<std::int64_t>(rng() % static_cast<unsigned>(turn.length() - 20));
        p.insert_coding({0, "", doc, {a, a + 10 + static_cast<std::int64_t>(rng() % 10)}, codes[rng() % codes.size()], coder, ""});
    }
    tx.commit();
}

}  // namespace

int main() {
    auto dir = std::filesystem::temp_directory_path() / "tessera-bench-matrix";
    std::filesystem::create_directories(dir);
    auto path = dir / "matrix.tessera";
    bench::Timer gen;
    generate(path);
    std::printf("generated %d cases x %d codes, %d codings in %.1f s\n", kDocuments * kPerDocument, kCodes, kCodings,
                gen.seconds());

    Project p = Project::open(path);
    std::vector<double> read, load, build, tables, xlsx, csv, total;
    std::size_t cells = 0;
    std::int64_t max_count = 0;
    for (int run = 0; run < kRuns; ++run) {
        bench::Timer r;
        auto codings = p.codings();
        read.push_back(r.seconds());

        bench::Timer all;
        bench::Timer t;
        auto d = analysis::AnalysisData::load(p, false);
        load.push_back(t.seconds());
        t = bench::Timer();
        analysis::MatrixSpec spec;
        auto m = analysis::build_matrix(d, spec);
        build.push_back(t.seconds());
        t = bench::Timer();
        auto tbl = analysis::matrix_tables(m, d, {});
        tables.push_back(t.seconds());
        t = bench::Timer();
        exporter::write_xlsx(tbl, dir / "matrix.xlsx");
        xlsx.push_back(t.seconds());
        total.push_back(all.seconds());

        t = bench::Timer();
        exporter::write_file_atomically(dir / "matrix.csv", exporter::to_csv(tbl));
        csv.push_back(t.seconds());
        cells = m.cells.size();
        max_count = m.max_count;
        if (codings.size() != static_cast<std::size_t>(kCodings)) return 1;
    }
    std::printf("matrix: %zu cells, max count %lld, xlsx %.1f KiB\n", cells, static_cast<long long>(max_count),
                static_cast<double>(std::filesystem::file_size(dir / "matrix.xlsx")) / 1024.0);
    std::printf("median of %d runs (s):\n", kRuns);
    std::printf("  build + export to XLSX (total)  %.3f   <- target < 1 s\n", bench::median(total));
    std::printf("    load project (AnalysisData)   %.3f\n", bench::median(load));
    std::printf("    build matrix                  %.3f\n", bench::median(build));
    std::printf("    cell texts (tables)           %.3f\n", bench::median(tables));
    std::printf("    write XLSX                    %.3f\n", bench::median(xlsx));
    std::printf("  reference: Project::codings()   %.3f\n", bench::median(read));
    std::printf("  reference: same table to CSV    %.3f\n", bench::median(csv));
    std::printf("peak RSS %.0f MiB\n", bench::peak_rss_mib());
    std::filesystem::remove_all(dir);
    return 0;
}
