// Import throughput: a generated corpus of transcripts (txt in several encodings, vtt, srt, docx) imported
// and composed, and stored in a project, against the floor of reading + NFC-normalising the same bytes.
// Usage: bench_import [files=500] [words_per_file=8000] [repeats=5]
#include "import/import_file.hpp"
#include "store/database.hpp"
#include "store/project.hpp"
#include "text/encoding.hpp"
#include "text/text.hpp"

#include <sys/resource.h>
#include <zip.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace tessera;
using Clock = std::chrono::steady_clock;

namespace {

// [SECTION] corpus

const char* kWords[] = {"the",     "bus",      "clinic",  "waiting", "never",   "on",      "time",    "and",
                        "we",      "felt",     "heard",   "caf\u00e9", "na\u00efve", "G\u00fcnter", "\u00e5",
                        "because", "support",  "group",   "really",  "I",       "think",   "that",    "staff",
                        "listened", "sometimes", "but",   "money",   "was",     "tight",   "\u201cfine\u201d",
                        "Zo\u00eb", "weeks",   "appointment", "letter", "phone",  "nobody",  "answered", "so"};
const char* kWordsEmoji = "\U0001F642";

struct CorpusFile {
    fs::path path;
    std::uint64_t bytes = 0;
    std::string docx_text;  // a .docx's text as UTF-8: what the floor normalises for it (its bytes are zipped)
    std::string encoding;   // what the generator wrote, so the floor decodes without detecting ("" = UTF-8)
};

std::string utterance(std::mt19937& rng, int words) {
    std::string s;
    std::uniform_int_distribution<std::size_t> pick(0, std::size(kWords) - 1);
    for (int w = 0; w < words; ++w) {
        if (w) s += ' ';
        s += rng() % 500 == 0 ? kWordsEmoji : kWords[pick(rng)];
        if (rng() % 12 == 0) s += rng() % 3 ? "." : ",";
    }
    return s;
}

std::string label(std::mt19937& rng) {
    static const char* kLabels[] = {"Facilitator (F1)", "P1", "P2", "Participant 3", "P4", "P5", "Zo\u00eb"};
    return kLabels[rng() % std::size(kLabels)];
}

// Latin-1 subset of UTF-8 to single bytes (the corpus' cp1252 files avoid characters outside it).
std::string to_latin1(const std::string& utf8) {
    std::string out;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) out += static_cast<char>(c);
        else if ((c & 0xE0) == 0xC0 && i + 1 < utf8.size()) {
            unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3Fu);
            out += cp < 0x100 ? static_cast<char>(cp) : '?';
        } else {
            while (i + 1 < utf8.size() && (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80) ++i;
            out += '?';
        }
    }
    return out;
}

std::string utf16le_with_bom(const std::string& utf8) {
    std::string out = "\xFF\xFE";
    auto unit = [&](unsigned u) {
        out += static_cast<char>(u & 0xFF);
        out += static_cast<char>(u >> 8);
    };
    for (char32_t cp : text::to_utf32(utf8)) {
        if (cp >= 0x10000) {
            unit(0xD800 + ((cp - 0x10000) >> 10));
            unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            unit(cp);
        }
    }
    return out;
}

std::string clock(std::int64_t ms, char sep) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld%c%03lld", static_cast<long long>(ms / 3600000),
                  static_cast<long long>(ms / 60000 % 60), static_cast<long long>(ms / 1000 % 60), sep,
                  static_cast<long long>(ms % 1000));
    return buf;
}

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};

// A minimal Word file: each turn a paragraph with the label in a bold run.
void write_docx(const fs::path& p, const std::string& paragraphs_xml) {
    static const std::string kTypes =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
        "content-types\"><Default Extension=\"rels\" ContentType=\"application/"
        "vnd.openxmlformats-package.relationships+xml\"/><Override PartName=\"/word/document.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    static const std::string kRels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
        "2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
    const std::string doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://"
                            "schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
                            paragraphs_xml + "</w:body></w:document>";
    int err = 0;
    std::unique_ptr<zip_t, ZipCloser> z(zip_open(p.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err));
    if (!z) throw std::runtime_error("cannot create " + p.string());
    for (const auto& [name, data] : {std::pair<const char*, const std::string*>{"[Content_Types].xml", &kTypes},
                                     {"_rels/.rels", &kRels}, {"word/document.xml", &doc}}) {
        zip_source_t* src = zip_source_buffer(z.get(), data->data(), data->size(), 0);
        if (src == nullptr || zip_file_add(z.get(), name, src, ZIP_FL_OVERWRITE) < 0) {
            zip_source_free(src);
            throw std::runtime_error("cannot add " + std::string(name) + " to " + p.string());
        }
    }
    if (zip_close(z.get()) != 0) throw std::runtime_error("cannot write " + p.string());
    z.release();  // zip_close freed it
}

std::vector<CorpusFile> make_corpus(const fs::path& dir, int files, int words_per_file) {
    std::vector<CorpusFile> out;
    std::mt19937 rng(42);
    for (int f = 0; f < files; ++f) {
        int kind = f % 10;  // 0-4 txt UTF-8 (3-4 with BOM+CRLF), 5 docx, 6 txt cp1252, 7 txt UTF-16LE, 8 vtt, 9 srt
        std::string body;
        std::string plain;
        int words = 0;
        std::int64_t t = 0;
        int cue = 1;
        if (kind == 8) body = "WEBVTT\n\n";
        while (words < words_per_file) {
            int n = 5 + static_cast<int>(rng() % 60);
            std::string u = utterance(rng, n);
            std::string who = label(rng);
            words += n;
            if (kind == 8) {
                body += clock(t, '.') + " --> " + clock(t + 4000, '.') + "\n<v " + who + ">" + u + "</v>\n\n";
            } else if (kind == 9) {
                body += std::to_string(cue++) + "\n" + clock(t, ',') + " --> " + clock(t + 4000, ',') + "\n" + u + "\n\n";
            } else if (kind == 5) {
                body += "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>" + who + ":</w:t></w:r><w:r><w:t xml:space=\"preserve\"> " +
                        u + "</w:t></w:r></w:p>";
                plain += who + ": " + u + "\n";
            } else {
                body += who + ": " + u + "\n";
            }
            t += 4000;
        }
        std::string bytes;
        std::string ext = kind == 8 ? ".vtt" : kind == 9 ? ".srt" : kind == 5 ? ".docx" : ".txt";
        fs::path p = dir / ("t" + std::to_string(f) + ext);
        if (kind == 5) {
            write_docx(p, body);
            out.push_back({p, fs::file_size(p), std::move(plain), {}});
            continue;
        }
        if (kind == 6) {
            bytes = to_latin1(body);
        } else if (kind == 7) {
            bytes = utf16le_with_bom(body);
        } else if (kind >= 3 && kind <= 4) {
            bytes = "\xEF\xBB\xBF";
            for (char c : body) {
                if (c == '\n') bytes += '\r';
                bytes += c;
            }
        } else {
            bytes = body;
        }
        std::ofstream(p, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.push_back({p, bytes.size(), {}, kind == 6 ? "windows-1252" : kind == 7 ? "UTF-16" : ""});
    }
    return out;
}

}  // namespace

namespace {

// [SECTION] measurement

long peak_rss_kib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::string s(fs::file_size(p), '\0');
    in.read(s.data(), static_cast<std::streamsize>(s.size()));
    return s;
}

// The floor: read the bytes and NFC-normalise them (decoding first, from the encoding the generator
// used, where they are not UTF-8: detecting it is the importer's work, not the floor's; for a .docx,
// normalising the text it holds).
std::size_t floor_pass(const std::vector<CorpusFile>& corpus) {
    std::size_t sink = 0;
    for (const auto& f : corpus) {
        std::string bytes = read_all(f.path);
        if (!f.docx_text.empty()) {
            sink += bytes.size() + text::to_nfc(f.docx_text).size();
            continue;
        }
        std::string utf8 = f.encoding.empty() ? std::move(bytes) : text::decode_to_utf8(bytes, f.encoding).utf8;
        sink += text::to_nfc(utf8).size();
    }
    return sink;
}

// Import: parse, detect speakers, compose the stored form (no storage).
std::size_t import_pass(const std::vector<CorpusFile>& corpus, std::size_t count) {
    std::size_t sink = 0;
    for (std::size_t i = 0; i < count; ++i) sink += importer::compose(importer::import_file(corpus[i].path)).text.size();
    return sink;
}

// Import and store every document in one transaction, as `tessera import` does.
std::size_t store_pass(const std::vector<CorpusFile>& corpus, const fs::path& project_path) {
    fs::remove(project_path);
    fs::remove(project_path.string() + "-wal");
    fs::remove(project_path.string() + "-shm");
    Project p = Project::create(project_path);
    store::Transaction tx(p.db());
    std::size_t n = 0;
    for (const auto& f : corpus) {
        p.add_document(importer::compose(importer::import_file(f.path)), true);
        ++n;
    }
    tx.commit();
    return n;
}

template <class F>
double median_seconds(int repeats, F&& f) {
    std::vector<double> t;
    for (int r = 0; r < repeats; ++r) {
        auto a = Clock::now();
        f();
        t.push_back(std::chrono::duration<double>(Clock::now() - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    int files = argc > 1 ? std::atoi(argv[1]) : 500;
    int words = argc > 2 ? std::atoi(argv[2]) : 8000;
    int repeats = argc > 3 ? std::atoi(argv[3]) : 5;
    // TESSERA_BENCH_KEEP=DIR writes the corpus there and keeps it (for profiling one stage on its own).
    const char* keep = std::getenv("TESSERA_BENCH_KEEP");
    fs::path dir = keep != nullptr ? fs::path(keep)
                                   : fs::temp_directory_path() / ("tessera-bench-import-" + std::to_string(::getpid()));
    fs::create_directories(dir);

    std::vector<CorpusFile> corpus = make_corpus(dir, files, words);
    std::uint64_t bytes = 0;
    std::int64_t word_count = 0;
    for (const auto& f : corpus) {
        bytes += f.bytes;
        word_count += text::count_words(importer::compose(importer::import_file(f.path)).text);
    }
    long rss_start = peak_rss_kib();
    double mb = static_cast<double>(bytes) / 1e6;
    std::printf("corpus: %d files (txt UTF-8/BOM+CRLF/cp1252/UTF-16LE, docx, vtt, srt), %.1f MB, %lld words\n", files, mb,
                static_cast<long long>(word_count));

    std::size_t sink = 0;
    double t_floor = median_seconds(repeats, [&] { sink += floor_pass(corpus); });
    sink += import_pass(corpus, corpus.size() / 5);
    long rss_fifth = peak_rss_kib();
    double t_import = median_seconds(repeats, [&] { sink += import_pass(corpus, corpus.size()); });
    long rss_import = peak_rss_kib();
    fs::path project = dir / "bench.tessera";
    double t_store = median_seconds(std::max(1, repeats / 2), [&] { sink += store_pass(corpus, project); });
    long rss_store = peak_rss_kib();

    auto line = [&](const char* what, double t) {
        std::printf("%-34s %8.3f s  %7.1f MB/s  %10.0f words/s  %5.2fx floor\n", what, t, mb / t,
                    static_cast<double>(word_count) / t, t / t_floor);
    };
    std::printf("median of %d runs (store: %d)\n", repeats, std::max(1, repeats / 2));
    line("floor: read + NFC (reference)", t_floor);
    line("import + compose (no store)", t_import);
    line("import + compose + store (1 tx)", t_store);
    std::printf("peak RSS: %.1f MiB after corpus, %.1f MiB after %zu files, %.1f MiB after %d files, %.1f MiB "
                "after storing\n",
                rss_start / 1024.0, rss_fifth / 1024.0, corpus.size() / 5, rss_import / 1024.0, files,
                rss_store / 1024.0);
    std::printf("(checksum %zu)\n", sink);
    if (keep == nullptr) fs::remove_all(dir);
    else fs::remove(project);
    return 0;
}
