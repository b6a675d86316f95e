// Benchmark: the full agreement report (all codes and documents, character + segment units, kappa and
// alpha) on a generated 1,000-document / 300-code / 2-coder / 200,000-coding project, against NLTK's
// AnnotationTask on a sample of the same character units, measured in the same run.
//
// Usage: bench_agreement [--runs N] [--no-nltk] [--sample-cells K]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>

#include "agreement/alignment.hpp"
#include "agreement/coefficients.hpp"
#include "agreement/krippendorff.hpp"
#include "agreement/report.hpp"

using namespace tessera;
using namespace tessera::agreement;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kDocuments = 1000, kCodes = 300;
constexpr std::size_t kCodings = 200000;
constexpr RowId kCoderA = 1, kCoderB = 2;

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

// User + system CPU seconds of this process: steadier than wall time on a shared machine.
double cpu_seconds() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

double peak_rss_mib() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / 1024.0;  // Linux: KiB
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2.0;
}

// Coder A codes 100,000 segments (skewed code frequencies); coder B mostly re-codes them with jittered
// boundaries, sometimes with another code or not at all, and adds segments of its own.
ReportInput generate(std::uint32_t seed) {
    std::mt19937 rng(seed);
    ReportInput in;
    in.coder_a = kCoderA;
    in.coder_b = kCoderB;
    std::uniform_int_distribution<std::int64_t> doc_len(4000, 16000);
    for (int d = 0; d < kDocuments; ++d) in.documents.push_back({d + 1, doc_len(rng), "doc " + std::to_string(d + 1)});
    std::vector<double> w(kCodes);
    for (int c = 0; c < kCodes; ++c) w[static_cast<std::size_t>(c)] = 1.0 / (1.0 + c * 0.05);
    std::discrete_distribution<int> code(w.begin(), w.end());
    std::uniform_int_distribution<int> doc(0, kDocuments - 1), jitter(-25, 25), seg_len(20, 400);
    std::uniform_real_distribution<double> u01(0.0, 1.0);
    RowId next = 1;
    auto add = [&](int d, RowId c, RowId coder, std::int64_t s, std::int64_t e) {
        const std::int64_t len = in.documents[static_cast<std::size_t>(d)].length;
        s = std::clamp<std::int64_t>(s, 0, len - 1);
        e = std::clamp<std::int64_t>(e, s + 1, len);
        Coding k;
        k.id = next++;
        k.document_id = d + 1;
        k.code_id = c;
        k.coder_id = coder;
        k.span = {s, e};
        in.codings.push_back(k);
    };
    in.codings.reserve(kCodings);
    const std::size_t half = kCodings / 2;
    std::size_t b_count = 0;
    for (std::size_t i = 0; i < half; ++i) {
        const int d = doc(rng);
        const RowId c = code(rng) + 1;
        const std::int64_t len = in.documents[static_cast<std::size_t>(d)].length;
        const std::int64_t s = std::uniform_int_distribution<std::int64_t>(0, len - 21)(rng);
        const std::int64_t e = s + seg_len(rng);
        add(d, c, kCoderA, s, e);
        const double r = u01(rng);
        if (r < 0.80 && b_count < half) {
            const bool exact = u01(rng) < 0.5;
            add(d, c, kCoderB, exact ? s : s + jitter(rng), exact ? e : e + jitter(rng));
            ++b_count;
        } else if (r < 0.90 && b_count < half) {
            add(d, code(rng) + 1, kCoderB, s + jitter(rng), e + jitter(rng));
            ++b_count;
        }
    }
    while (b_count < half) {
        const int d = doc(rng);
        const std::int64_t len = in.documents[static_cast<std::size_t>(d)].length;
        const std::int64_t s = std::uniform_int_distribution<std::int64_t>(0, len - 21)(rng);
        add(d, code(rng) + 1, kCoderB, s, s + seg_len(rng));
        ++b_count;
    }
    return in;
}

struct FullReport {
    AgreementReport character, segment;
};

FullReport full_report(const ReportInput& in) {
    ReportOptions ch;
    ch.unit = UnitKind::character;
    ReportOptions sg;
    sg.unit = UnitKind::segment;
    sg.min_overlap = 0.9;
    return {build_report(in, ch), build_report(in, sg)};
}

struct Sample {
    std::int64_t length;
    std::vector<Span> a, b;
};

// The character units of `k` (code, document) cells where both coders coded, spread over the project.
std::vector<Sample> sample_cells(const ReportInput& in, std::size_t k) {
    std::map<std::pair<RowId, RowId>, Sample> cells;
    for (const auto& c : in.codings) {
        auto& s = cells[{c.code_id, c.document_id}];
        s.length = in.documents[static_cast<std::size_t>(c.document_id - 1)].length;
        (c.coder_id == kCoderA ? s.a : s.b).push_back(c.span);
    }
    std::vector<Sample> both;
    for (auto& [key, s] : cells)
        if (!s.a.empty() && !s.b.empty()) both.push_back(std::move(s));
    std::vector<Sample> out;
    const std::size_t step = std::max<std::size_t>(1, both.size() / k);
    for (std::size_t i = 0; i < both.size() && out.size() < k; i += step) out.push_back(both[i]);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 5;
    bool nltk = true;
    std::size_t sample_k = 10;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--runs" && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (a == "--no-nltk")
            nltk = false;
        else if (a == "--sample-cells" && i + 1 < argc)
            sample_k = static_cast<std::size_t>(std::max(1, std::atoi(argv[++i])));
        else {
            std::fprintf(stderr, "usage: %s [--runs N] [--no-nltk] [--sample-cells K]\n", argv[0]);
            return 2;
        }
    }
    auto t0 = Clock::now();
    const ReportInput in = generate(42);
    std::int64_t chars = 0;
    for (const auto& d : in.documents) chars += d.length;
    std::printf("project: %d documents (%.1f M code points), %d codes, 2 coders, %zu codings (generated in %.2f s)\n",
                kDocuments, static_cast<double>(chars) / 1e6, kCodes, in.codings.size(), seconds_since(t0));

    std::vector<double> times, cpu;
    FullReport last;
    for (int r = 0; r < runs; ++r) {
        last = FullReport{};  // hold one report at a time, as the app does
        t0 = Clock::now();
        const double c0 = cpu_seconds();
        last = full_report(in);
        times.push_back(seconds_since(t0));
        cpu.push_back(cpu_seconds() - c0);
    }
    const double med = median(times);
    std::printf(
        "full report (char + segment units; per code, per document, per code x document, pooled, averaged,\n"
        "  disagreements): median %.3f s over %d runs (min %.3f, max %.3f)\n",
        med, runs, *std::min_element(times.begin(), times.end()), *std::max_element(times.begin(), times.end()));
    std::printf("  CPU time (user + system): median %.3f s\n", median(cpu));
    std::printf(
        "  rows: %zu per code, %zu per document, %zu per code x document; disagreements: %zu char, %zu segment\n",
        last.character.per_code.size(), last.character.per_document.size(), last.character.per_code_document.size(),
        last.character.disagreements.size(), last.segment.disagreements.size());
    std::printf("  overall pooled (char): kappa %s, alpha %s; averaged kappa %s over %zu codes\n",
                format_coefficient(last.character.overall_pooled.kappa.kappa).c_str(),
                format_coefficient(last.character.overall_pooled.alpha).c_str(),
                format_coefficient(last.character.overall_averaged.kappa).c_str(),
                last.character.overall_averaged.codes_averaged);
    std::printf("  overall pooled (segment, 90 %%): agreement %s, MAXQDA kappa %s\n",
                format_coefficient(last.segment.overall_pooled.percent).c_str(),
                format_coefficient(last.segment.overall_pooled.kappa.kappa).c_str());
    {
        // Codebook alignment on the same codings, as if each coder had an inductive codebook of 300 codes.
        std::vector<Code> codes_a, codes_b;
        for (int c = 1; c <= kCodes; ++c) {
            Code x;
            x.id = c;
            x.name = "theme " + std::to_string(c) + " of coder A";
            x.definition = "talk about topic " + std::to_string(c);
            codes_a.push_back(x);
            x.name = "coder B's theme " + std::to_string(c);
            codes_b.push_back(x);
        }
        t0 = Clock::now();
        const Alignment al = align_codebooks(codes_a, codes_b, in.codings, kCoderA, kCoderB);
        std::size_t right = 0;
        for (const auto& p : al.pairs) right += p.code_a == p.code_b;
        std::printf("codebook alignment (300 x 300 codes, 200,000 codings): %.3f s, %zu pairs proposed, %zu of them "
                    "the generator's true pairs\n",
                    seconds_since(t0), al.pairs.size(), right);
    }
    const double rss = peak_rss_mib();
    std::printf("peak RSS: %.1f MiB (whole process, including the generated project)\n", rss);
    std::printf("targets: < 1 s %s, < 512 MiB %s\n", med < 1.0 ? "MET" : "MISSED", rss < 512.0 ? "MET" : "MISSED");

    if (!nltk) return 0;
    // NLTK cannot hold 300 codes x 10 M characters as (coder, item, label) triples: time both on the
    // same sample of character units (whole (code, document) cells both coders coded).
    const std::vector<Sample> sample = sample_cells(in, sample_k);
    std::int64_t units = 0;
    for (const auto& s : sample) units += s.length;
    std::vector<double> ours_kappa, ours_alpha;
    const int reps = 200;
    t0 = Clock::now();
    for (int r = 0; r < reps; ++r) {
        ours_kappa.clear();
        ours_alpha.clear();
        for (const auto& s : sample) {
            const BinaryCounts c = character_counts(s.a, s.b, s.length);
            ours_kappa.push_back(cohen_kappa(c.table()).kappa.value.value_or(-99));
            ours_alpha.push_back(krippendorff_alpha(coincidences(c.table())).value.value_or(-99));
        }
    }
    const double ours = seconds_since(t0) / reps;
    // The same units as NLTK sees them: one row per character, a 0/1 label per coder (a ratings table).
    std::vector<RatingsTable> tables;
    for (const auto& s : sample) {
        std::vector<std::vector<std::optional<double>>> rows(static_cast<std::size_t>(s.length),
                                                             std::vector<std::optional<double>>{0.0, 0.0});
        for (const auto& x : s.a)
            for (auto i = x.start; i < x.end; ++i) rows[static_cast<std::size_t>(i)][0] = 1.0;
        for (const auto& x : s.b)
            for (auto i = x.start; i < x.end; ++i) rows[static_cast<std::size_t>(i)][1] = 1.0;
        tables.push_back(RatingsTable::from_numbers(rows));
    }
    const int table_reps = 5;
    t0 = Clock::now();
    double check = 0.0;
    for (int r = 0; r < table_reps; ++r)
        for (const auto& t : tables) {
            check += cohen_kappa(ContingencyTable::from_ratings(t)).kappa.value.value_or(0);
            check += krippendorff_alpha(t).value.value_or(0);
        }
    const double ours_table = seconds_since(t0) / table_reps;
    nlohmann::json jobs = nlohmann::json::array();
    for (const auto& s : sample) {
        nlohmann::json a = nlohmann::json::array(), b = nlohmann::json::array();
        for (const auto& x : s.a) a.push_back({x.start, x.end});
        for (const auto& x : s.b) b.push_back({x.start, x.end});
        jobs.push_back({{"length", s.length}, {"a", a}, {"b", b}});
    }
    const auto dir = std::filesystem::temp_directory_path() / ("tessera-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "jobs.json") << jobs.dump();
    const auto script = std::filesystem::path(__FILE__).parent_path() / "nltk_agreement_reference.py";
    const std::string cmd = "/usr/bin/python3 '" + script.string() + "' '" + (dir / "jobs.json").string() + "' '" +
                            (dir / "out.json").string() + "'";
    const int rc = std::system(cmd.c_str());
    if (!WIFEXITED(rc) || WEXITSTATUS(rc) != 0) {
        std::printf("NLTK reference: not run (%s failed; needs Debian's python3-nltk)\n", cmd.c_str());
        std::filesystem::remove_all(dir);
        return 0;
    }
    std::ifstream f(dir / "out.json");
    const nlohmann::json out = nlohmann::json::parse(f);
    std::filesystem::remove_all(dir);
    double max_diff = 0.0;
    for (std::size_t i = 0; i < sample.size(); ++i) {
        max_diff = std::max(max_diff, std::abs(out["kappa"][i].get<double>() - ours_kappa[i]));
        max_diff = std::max(max_diff, std::abs(out["alpha"][i].get<double>() - ours_alpha[i]));
    }
    const double theirs = out["seconds"].get<double>();
    std::printf(
        "NLTK AnnotationTask on a sample of the same character units: %zu (code, document) cells, %.2f M "
        "units x 2 coders\n",
        sample.size(), static_cast<double>(units) / 1e6);
    std::printf("  NLTK kappa() + alpha(): %.3f s; Tessera (spans -> counts -> kappa + alpha): %.6f s; ratio %.0fx\n",
                theirs, ours, theirs / ours);
    std::printf("  Tessera on the same per-character ratings table NLTK gets: %.4f s; ratio %.0fx (checksum %.3f)\n",
                ours_table, theirs / ours_table, check / table_reps);
    std::printf("  largest difference between NLTK and Tessera values: %.2e\n", max_diff);
    std::printf("  NLTK extrapolated to the report's %.0f M character units (x %zu codes): ~%.0f s\n",
                static_cast<double>(chars) / 1e6, static_cast<std::size_t>(kCodes),
                theirs * static_cast<double>(chars) * kCodes / static_cast<double>(units));
    return 0;
}
