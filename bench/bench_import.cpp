// Import throughput: a generated corpus of transcripts (txt in several encodings, vtt, srt, docx) imported
// and composed, and stored in a project, against the floor of reading + NFC-normalising the same bytes.
// The headline figure is the `tessera import` command itself (a child process, its peak RSS from
// wait4); the in-process stages beside it say where the time goes.
// A second reference, SQLite itself writing the same rows, says what storing costs before any of our
// code runs, so the command can be judged against reading + normalising + storing as well.
// Usage: bench_import [files=500] [words_per_file=8000] [repeats=5]
#include "bench_util.hpp"
#include "raw_sqlite.hpp"
#include "import/import_file.hpp"
#include "store/database.hpp"
#include "store/prepared_document.hpp"
#include "store/project.hpp"
#include "text/encoding.hpp"
#include "text/text.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <zip.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
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

// A fresh project, with its -wal and -shm gone too.
Project fresh_project(const fs::path& project_path) {
    fs::remove(project_path);
    fs::remove(project_path.string() + "-wal");
    fs::remove(project_path.string() + "-shm");
    return Project::create(project_path);
}

// Import and store every document in one transaction, as `tessera import` does.
std::size_t store_pass(const std::vector<CorpusFile>& corpus, const fs::path& project_path) {
    Project p = fresh_project(project_path);
    store::Transaction tx(p.db());
    std::size_t n = 0;
    for (const auto& f : corpus) {
        p.add_document(importer::compose(importer::import_file(f.path)), true);
        ++n;
    }
    tx.commit();
    return n;
}

// Storing alone: documents parsed and prepared beforehand, stored in one transaction.
std::size_t store_prepared_pass(const std::vector<PreparedDocument>& docs, const fs::path& project_path) {
    Project p = fresh_project(project_path);
    store::Transaction tx(p.db());
    for (const auto& d : docs) p.add_document(d, true);
    tx.commit();
    return docs.size();
}

// The storage reference: SQLite itself, through its C API and no Tessera code, writing the same rows
// (document, text, speakers, cases, turns) into the same schema with the same settings (a project
// made by Project::create: WAL, 16 KiB pages, foreign keys on, synchronous=NORMAL), in one
// transaction. What storing costs before anything of ours runs. Without `rows`, only the documents
// and their texts: the least any schema keeping transcripts in a WAL-mode SQLite file could write.
std::size_t sqlite_pass(const std::vector<PreparedDocument>& docs, const fs::path& project_path, bool rows = true) {
    fresh_project(project_path);  // closed again at once: the schema is what is wanted
    bench::RawDb raw(project_path);
    sqlite3* db = raw.get();
    raw.exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; BEGIN");
    const char* sql[] = {
        "INSERT INTO documents(guid, name, content_hash, origin, imported_at, position, word_count, length) "
        "VALUES (?1, ?2, ?3, ?4, '2026-11-24T10:00:00Z', ?5, ?6, ?7)",
        "INSERT INTO document_texts(document_id, text) VALUES (?1, ?2)",
        "INSERT INTO cases(guid, name) VALUES (?1, ?2) ON CONFLICT(name) DO NOTHING",
        "SELECT id FROM cases WHERE name = ?1",
        "INSERT INTO speakers(guid, document_id, label, role, case_id) VALUES (?1, ?2, ?3, ?4, ?5)",
        "INSERT INTO turns(document_id, ordinal, start, \"end\", speaker_id, start_ms, end_ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"};
    std::vector<bench::RawDb::Statement> owned;
    sqlite3_stmt* st[6] = {};
    for (int i = 0; i < 6; ++i) {
        owned.push_back(raw.prepare(sql[i]));
        st[i] = owned.back().get();
    }
    enum { kDoc, kText, kCase, kCaseId, kSpeaker, kTurn };
    auto text = [](sqlite3_stmt* s, int i, const std::string& v) {
        sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    };
    auto done = [&](sqlite3_stmt* s) { raw.run(s); };
    std::int64_t serial = 0;
    auto guid = [&] { return "00000000-0000-4000-8000-" + std::to_string(100000000000 + ++serial); };
    for (std::size_t n = 0; n < docs.size(); ++n) {
        const PreparedDocument& d = docs[n];
        std::string g = guid();
        text(st[kDoc], 1, g);
        text(st[kDoc], 2, d.doc().name);
        text(st[kDoc], 3, d.content_hash());
        text(st[kDoc], 4, d.doc().origin);
        sqlite3_bind_int64(st[kDoc], 5, static_cast<sqlite3_int64>(n));
        sqlite3_bind_int64(st[kDoc], 6, d.word_count());
        sqlite3_bind_int64(st[kDoc], 7, d.length());
        done(st[kDoc]);
        const sqlite3_int64 doc_id = sqlite3_last_insert_rowid(db);
        sqlite3_bind_int64(st[kText], 1, doc_id);
        text(st[kText], 2, d.doc().text);
        done(st[kText]);
        if (!rows) continue;
        std::vector<std::pair<std::string, sqlite3_int64>> speakers;
        for (const auto& s : d.doc().speakers) {
            std::optional<sqlite3_int64> case_id;
            if (s.role == SpeakerRole::participant && !s.case_name.empty()) {
                std::string cg = guid();
                text(st[kCase], 1, cg);
                text(st[kCase], 2, s.case_name);
                done(st[kCase]);
                text(st[kCaseId], 1, s.case_name);
                raw.check(sqlite3_step(st[kCaseId]), SQLITE_ROW);
                case_id = sqlite3_column_int64(st[kCaseId], 0);
                sqlite3_reset(st[kCaseId]);
            }
            std::string sg = guid();
            text(st[kSpeaker], 1, sg);
            sqlite3_bind_int64(st[kSpeaker], 2, doc_id);
            text(st[kSpeaker], 3, s.label);
            sqlite3_bind_text(st[kSpeaker], 4, to_string(s.role), -1, SQLITE_STATIC);
            if (case_id) sqlite3_bind_int64(st[kSpeaker], 5, *case_id);
            else sqlite3_bind_null(st[kSpeaker], 5);
            done(st[kSpeaker]);
            speakers.emplace_back(s.label, sqlite3_last_insert_rowid(db));
        }
        std::int64_t ordinal = 0;
        for (const auto& t : d.doc().turns) {
            sqlite3_stmt* s = st[kTurn];
            sqlite3_bind_int64(s, 1, doc_id);
            sqlite3_bind_int64(s, 2, ordinal++);
            sqlite3_bind_int64(s, 3, t.span.start);
            sqlite3_bind_int64(s, 4, t.span.end);
            sqlite3_bind_null(s, 5);
            for (const auto& [label, id] : speakers)
                if (label == t.speaker_label) sqlite3_bind_int64(s, 5, id);
            if (t.start_ms) sqlite3_bind_int64(s, 6, *t.start_ms);
            else sqlite3_bind_null(s, 6);
            if (t.end_ms) sqlite3_bind_int64(s, 7, *t.end_ms);
            else sqlite3_bind_null(s, 7);
            done(s);
        }
    }
    raw.exec("COMMIT");
    return docs.size();
}

struct ChildRun {
    double seconds = 0;
    long peak_rss_kib = 0;
};

// Runs the CLI with `args` and waits for it; throws unless it exits 0.
ChildRun run_cli(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    std::string exe = TESSERA_CLI_EXE;
    argv.push_back(exe.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    auto start = Clock::now();
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        int null = ::open("/dev/null", O_WRONLY);  // its report and notes are not the figure
        if (null >= 0) ::dup2(null, STDOUT_FILENO);
        execv(exe.c_str(), argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid) throw std::runtime_error("wait4 failed");
    ChildRun r{std::chrono::duration<double>(Clock::now() - start).count(), usage.ru_maxrss};
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("tessera " + (args.empty() ? std::string() : args[0]) + " failed");
    return r;
}

// `tessera new` then `tessera import` of the first `count` files into a fresh project; times the import.
ChildRun cli_import(const std::vector<CorpusFile>& corpus, std::size_t count, const fs::path& project_path) {
    fs::remove(project_path);
    fs::remove(project_path.string() + "-wal");
    fs::remove(project_path.string() + "-shm");
    run_cli({"new", project_path.string()});
    std::vector<std::string> args = {"import", "--force", project_path.string()};
    for (std::size_t i = 0; i < count; ++i) args.push_back(corpus[i].path.string());
    return run_cli(args);
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

    // Peak RSS first, in growing order: 100 files, then 500, then storing them.
    std::size_t sink = 0;
    fs::path project = dir / "bench.tessera";
    sink += import_pass(corpus, corpus.size() / 5);
    long rss_fifth = peak_rss_kib();
    sink += import_pass(corpus, corpus.size());
    long rss_import = peak_rss_kib();
    sink += store_pass(corpus, project);
    long rss_store = peak_rss_kib();
    long cli_rss_fifth = cli_import(corpus, corpus.size() / 5, project).peak_rss_kib;
    long cli_rss_all = cli_import(corpus, corpus.size(), project).peak_rss_kib;

    // Then rounds of every stage in turn, so that the machine's drifting load (these are shared
    // machines) falls on the floor and the stages alike; ratios are taken within each round.
    // The stored form of every document, made once, for the two storing-only stages.
    std::vector<PreparedDocument> prepared;
    for (const auto& f : corpus)
        prepared.push_back(PreparedDocument::prepare(importer::compose(importer::import_file(f.path))));
    std::vector<double> floor_t, import_t, store_t, cli_t, sqlite_t, stored_t, import_r, store_r, cli_r, stored_r,
        cli_both_r, sqlite_r,
        text_t, text_r;
    for (int r = 0; r < repeats; ++r) {
        auto timed = [](auto&& f) {
            auto a = Clock::now();
            f();
            return std::chrono::duration<double>(Clock::now() - a).count();
        };
        floor_t.push_back(timed([&] { sink += floor_pass(corpus); }));
        import_t.push_back(timed([&] { sink += import_pass(corpus, corpus.size()); }));
        store_t.push_back(timed([&] { sink += store_pass(corpus, project); }));
        cli_t.push_back(cli_import(corpus, corpus.size(), project).seconds);
        sqlite_t.push_back(timed([&] { sink += sqlite_pass(prepared, project); }));
        stored_t.push_back(timed([&] { sink += store_prepared_pass(prepared, project); }));
        stored_r.push_back(stored_t.back() / sqlite_t.back());
        sqlite_r.push_back(sqlite_t.back() / floor_t.back());
        text_t.push_back(timed([&] { sink += sqlite_pass(prepared, project, false); }));
        text_r.push_back(text_t.back() / floor_t.back());
        cli_both_r.push_back(cli_t.back() / (floor_t.back() + sqlite_t.back()));
        import_r.push_back(import_t.back() / floor_t.back());
        store_r.push_back(store_t.back() / floor_t.back());
        cli_r.push_back(cli_t.back() / floor_t.back());
    }

    auto line = [&](const char* what, const std::vector<double>& t, const std::vector<double>* ratios,
                    const char* against = "floor") {
        double m = bench::median(t);
        std::printf("%-34s %8.3f s  %7.1f MB/s  %10.0f words/s", what, m, mb / m, static_cast<double>(word_count) / m);
        if (ratios != nullptr) std::printf("  %5.2fx %s", bench::median(*ratios), against);
        std::printf("\n");
    };
    std::printf("medians of %d rounds (ratios: median of the per-round ratios)\n", repeats);
    line("floor: read + NFC (reference)", floor_t, nullptr);
    line("import + compose (no store)", import_t, &import_r);
    line("import + compose + store (1 tx)", store_t, &store_r);
    line("tessera import (the command)", cli_t, &cli_r);
    std::printf("storing alone (documents prepared beforehand):\n");
    line("SQLite C API, same rows (reference)", sqlite_t, &sqlite_r);
    line("Project::add_document", stored_t, &stored_r, "SQLite");
    line("SQLite C API, texts only", text_t, &text_r);
    std::printf("tessera import against floor + SQLite reference: %.2fx\n", bench::median(cli_both_r));
    std::printf("peak RSS: %.1f MiB after corpus, %.1f MiB after %zu files, %.1f MiB after %d files, %.1f MiB "
                "after storing\n",
                rss_start / 1024.0, rss_fifth / 1024.0, corpus.size() / 5, rss_import / 1024.0, files,
                rss_store / 1024.0);
    std::printf("tessera import, peak RSS of the process: %.1f MiB for %zu files, %.1f MiB for %d files\n",
                cli_rss_fifth / 1024.0, corpus.size() / 5, cli_rss_all / 1024.0, files);
    std::printf("(checksum %zu)\n", sink);
    if (keep == nullptr) fs::remove_all(dir);
    else fs::remove(project);
    return 0;
}
