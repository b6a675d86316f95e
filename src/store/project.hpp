// Project: an open .tessera file and every query and write on it. The only place that runs SQL.
//
// Writes here are single statements; a user action groups them in one Transaction (see
// commands/), so the file is never left half-changed. Reads return plain model values.
#pragma once

#include "model/case.hpp"
#include "model/coding.hpp"
#include "model/document.hpp"
#include "model/memo.hpp"
#include "model/theme.hpp"
#include "store/database.hpp"
#include "store/prepared_document.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tessera {

/// Entity counts for `tessera info` and the start screen.
struct ProjectInfo {
    std::int64_t documents = 0, cases = 0, coders = 0, codes = 0, codings = 0, themes = 0, memos = 0,
                 speakers = 0, turns = 0, words = 0;
};

/// Which codings to read. Empty fields match everything.
struct CodingFilter {
    OptId document_id;
    OptId code_id;
    OptId coder_id;
};

struct CodeAlignment {
    RowId id = 0;
    std::string guid;
    OptId code_a;
    OptId code_b;
    OptId team_code;
    bool confirmed = false;
};

struct LineageEntry {
    RowId code_id = 0;
    std::string source_guid;
    std::string source_name;
    std::string kind;  // "merge" | "consensus"
};

struct Resolution {
    RowId id = 0;
    std::string guid;
    RowId document_id = 0;
    Span span;
    OptId code_id;
    std::string decision;  // accept_a | accept_b | accept_both | reject
    std::string note;
    OptId coder_id;
    std::string created_at;
};

struct Recommendation {
    RowId id = 0;
    std::string guid;
    std::string label;
    std::string text;
    std::int64_t position = 0;
    std::vector<RowId> theme_ids;
};

class Project {
public:
    /// Creates a new, empty project at `path`. Throws StorageError when the file exists or cannot be written.
    static Project create(const std::filesystem::path& path);
    /// Opens an existing project, upgrading an older schema. Throws StorageError, leaving the file
    /// untouched, when it is missing, not a Tessera project, damaged, or from a newer Tessera.
    static Project open(const std::filesystem::path& path);

    Project(Project&&) noexcept;
    Project& operator=(Project&&) noexcept;
    ~Project();

    const std::filesystem::path& path() const;
    int schema_version() const;
    bool read_only() const;
    /// The connection, for Transaction and for the commands layer. Views never touch it.
    store::Database& db();

    // --- settings
    std::string setting(const std::string& key, const std::string& fallback = "") const;
    void set_setting(const std::string& key, const std::string& value);

    // --- coders
    std::vector<Coder> coders() const;
    std::optional<Coder> find_coder(const std::string& name) const;
    Coder coder(RowId id) const;
    /// Inserts a coder (id 0: a new row id). Throws InvalidArgument on an empty or taken name.
    RowId insert_coder(const Coder& c);
    /// Deletes a coder who has no codes, codings or memos left (undo of adding one). Throws
    /// InvalidArgument naming what is still theirs; false when the coder was already gone.
    bool delete_coder(RowId id);

    // --- documents, speakers, turns
    /// Stores a document with its speakers (creating or joining cases) and turns. Text is
    /// normalised (NFC, LF) if needed. Throws InvalidArgument on bad turn spans, and on a duplicate
    /// (same content hash) unless allow_duplicate.
    RowId add_document(const NewDocument& doc, bool allow_duplicate = false);
    /// The same for a document already prepared (checked and measured, perhaps on another thread).
    RowId add_document(const PreparedDocument& doc, bool allow_duplicate = false);
    void delete_document(RowId id);
    std::vector<Document> documents(bool with_text = false) const;
    Document document(RowId id) const;
    std::optional<Document> find_document(const std::string& name) const;
    std::optional<RowId> find_document_by_hash(const std::string& hash) const;
    std::vector<Turn> turns(RowId document_id) const;
    std::vector<Turn> all_turns() const;
    std::vector<Speaker> speakers(RowId document_id) const;
    std::vector<Speaker> all_speakers() const;
    void set_speaker(const Speaker& s);  // role and case of an existing speaker

    // --- cases
    std::vector<Case> cases() const;
    Case case_(RowId id) const;
    std::optional<Case> find_case(const std::string& name) const;
    RowId ensure_case(const std::string& name);
    /// Deletes a case with its attributes; its speakers keep their turns and lose the case.
    /// Returns false when there was no such case (another window may have removed it: undo
    /// reaches the state it wants either way).
    bool delete_case(RowId id);
    void set_attribute(RowId case_id, const Attribute& a);
    /// Removes one attribute of a case; returns false when the case had none of that name.
    bool remove_attribute(RowId case_id, const std::string& name);

    // --- codes
    std::vector<Code> codes() const;
    Code code(RowId id) const;
    std::optional<Code> find_code(const std::string& path, OptId owner) const;  // "Parent/Child"
    /// Path "Parent/Child" of a code.
    std::string code_path(RowId id) const;
    /// Inserts a code; id 0 takes a new row id, a non-zero id and guid restore a deleted one (undo).
    RowId insert_code(const Code& c);
    void update_code(const Code& c);
    /// Deletes a code with no codings and no children. Throws InvalidArgument otherwise.
    void delete_code(RowId id);

    // --- codings
    std::vector<Coding> codings(const CodingFilter& f = {}) const;
    Coding coding(RowId id) const;
    /// Inserts a coding after checking its span against the document. Id/guid as for insert_code.
    RowId insert_coding(const Coding& c);
    void update_coding(const Coding& c);
    void delete_coding(RowId id);
    /// Moves every coding of `from` to `to`; returns the ids moved.
    std::vector<RowId> move_codings(RowId from, RowId to);
    void set_coding_code(const std::vector<RowId>& coding_ids, RowId code_id);

    // --- lineage, alignment, resolutions (schema 2)
    std::vector<LineageEntry> lineage(RowId code_id) const;
    void add_lineage(const LineageEntry& e);
    void remove_lineage(RowId code_id, const std::string& source_guid);
    std::vector<CodeAlignment> alignments() const;
    RowId insert_alignment(const CodeAlignment& a);
    void delete_alignment(RowId id);
    std::vector<Resolution> resolutions() const;
    RowId insert_resolution(const Resolution& r);
    void delete_resolution(RowId id);

    // --- memos
    std::vector<Memo> memos() const;
    std::vector<Memo> memos_for(MemoTarget t, OptId target_id) const;
    Memo memo(RowId id) const;
    RowId insert_memo(const Memo& m);
    void update_memo(const Memo& m);
    void delete_memo(RowId id);

    // --- themes, links, matrix, recommendations
    std::vector<Theme> themes() const;
    Theme theme(RowId id) const;
    std::optional<Theme> find_theme(const std::string& path) const;
    std::string theme_path(RowId id) const;
    RowId insert_theme(const Theme& t);
    void update_theme(const Theme& t);  // including its code list
    void delete_theme(RowId id);
    std::vector<ThemeLink> theme_links() const;
    RowId insert_theme_link(const ThemeLink& l);
    void delete_theme_link(RowId id);
    std::vector<MatrixCell> matrix_cells() const;
    std::optional<MatrixCell> matrix_cell(MatrixAxis row_kind, RowId row_id, MatrixAxis col_kind, RowId col_id) const;
    RowId upsert_matrix_cell(const MatrixCell& c);
    void delete_matrix_cell(RowId id);
    std::vector<Recommendation> recommendations() const;
    RowId insert_recommendation(const Recommendation& r);

    // --- audit and summary
    void audit(OptId coder_id, const std::string& action, const std::string& detail);
    std::vector<AuditEntry> audit_log() const;
    ProjectInfo info() const;

private:
    struct Impl;
    explicit Project(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m;
};

}  // namespace tessera
