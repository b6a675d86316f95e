// Migrations of the project file. Each step is append-only: never edit a released step, add a new one.
//
// Invariants of the stored data (checked by constraints and by tests/store):
//  1. Every entity row has a unique GUID.
//  2. A coding's span is half-open, 0 <= start < end <= its document's length in code points.
//  3. A code belongs to one coder (their inductive codebook) or to the team (owner_coder_id NULL).
//  4. Deleting a document deletes its turns, speakers and codings; deleting a code that still has
//     codings is refused (commands move or delete the codings first, so undo can restore them).
//  5. Document text never changes after insert except through an operation that remaps codings.
//  6. Every document has exactly one document_texts row (schema 3 on).
#include "store/schema.hpp"

#include "store/database.hpp"
#include "util/error.hpp"

#include <string>

namespace tessera::store {
namespace {

const char* const kMigration1 = R"SQL(
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE coders (
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE, created_at TEXT NOT NULL);

CREATE TABLE cases (
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE);

CREATE TABLE case_attributes (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('text','number','date','category')),
  value TEXT NOT NULL,
  PRIMARY KEY (case_id, name));

CREATE TABLE documents (
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  text TEXT NOT NULL, content_hash TEXT NOT NULL, origin TEXT NOT NULL,
  imported_at TEXT NOT NULL, position INTEGER NOT NULL,
  word_count INTEGER NOT NULL, length INTEGER NOT NULL);
CREATE INDEX documents_hash ON documents(content_hash);

CREATE TABLE speakers (
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('participant','facilitator','interviewer','other')),
  case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
  UNIQUE (document_id, label));
CREATE INDEX speakers_case ON speakers(case_id);

CREATE TABLE turns (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  speaker_id INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
  start_ms INTEGER, end_ms INTEGER,
  CHECK (start >= 0 AND "end" >= start),
  UNIQUE (document_id, ordinal));

CREATE TABLE codes (
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
  parent_id INTEGER REFERENCES codes(id) ON DELETE RESTRICT,
  name TEXT NOT NULL, color INTEGER NOT NULL,
  definition TEXT NOT NULL DEFAULT '', inclusion TEXT NOT NULL DEFAULT '',
  exclusion TEXT NOT NULL DEFAULT '', example TEXT NOT NULL DEFAULT '',
  owner_coder_id INTEGER REFERENCES coders(id) ON DELETE RESTRICT,
  created_at TEXT NOT NULL);
CREATE INDEX codes_parent ON codes(parent_id);

CREATE TABLE codings (
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE RESTRICT,
  coder_id INTEGER NOT NULL REFERENCES coders(id) ON DELETE RESTRICT,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, created_at TEXT NOT NULL,
  CHECK (start >= 0 AND "end" > start));
CREATE INDEX codings_document ON codings(document_id, start);
CREATE INDEX codings_code ON codings(code_id);

CREATE TABLE memos (
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
  target TEXT NOT NULL CHECK (target IN ('project','document','case','code','coding','theme')),
  target_id INTEGER, coder_id INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  title TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL, modified_at TEXT NOT NULL);
CREATE INDEX memos_target ON memos(target, target_id);

CREATE TABLE themes (
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
  parent_id INTEGER REFERENCES themes(id) ON DELETE RESTRICT,
  name TEXT NOT NULL, definition TEXT NOT NULL DEFAULT '', scope TEXT NOT NULL DEFAULT '',
  not_scope TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('candidate','reviewed','final','discarded')),
  discard_reason TEXT NOT NULL DEFAULT '', map_x REAL, map_y REAL, color INTEGER NOT NULL);

CREATE TABLE theme_codes (
  theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  PRIMARY KEY (theme_id, code_id));

CREATE TABLE theme_links (
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
  from_theme INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  to_theme INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  label TEXT NOT NULL DEFAULT '');

CREATE TABLE matrix_cells (
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
  row_kind TEXT NOT NULL CHECK (row_kind IN ('case','document')), row_id INTEGER NOT NULL,
  col_kind TEXT NOT NULL CHECK (col_kind IN ('code','theme')), col_id INTEGER NOT NULL,
  summary TEXT NOT NULL DEFAULT '', modified_at TEXT NOT NULL,
  UNIQUE (row_kind, row_id, col_kind, col_id));

CREATE TABLE matrix_cell_codings (
  cell_id INTEGER NOT NULL REFERENCES matrix_cells(id) ON DELETE CASCADE,
  coding_id INTEGER NOT NULL REFERENCES codings(id) ON DELETE CASCADE,
  PRIMARY KEY (cell_id, coding_id));

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY, at TEXT NOT NULL,
  coder_id INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  action TEXT NOT NULL, detail TEXT NOT NULL);
)SQL";

// Version 2: what comparing two inductive codebooks and reporting need.
const char* const kMigration2 = R"SQL(
CREATE TABLE code_lineage (
  code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  source_guid TEXT NOT NULL,
  source_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('merge','consensus')),
  PRIMARY KEY (code_id, source_guid));

CREATE TABLE code_alignments (
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
  code_a INTEGER REFERENCES codes(id) ON DELETE CASCADE,
  code_b INTEGER REFERENCES codes(id) ON DELETE CASCADE,
  team_code INTEGER REFERENCES codes(id) ON DELETE SET NULL,
  confirmed INTEGER NOT NULL DEFAULT 0,
  CHECK (code_a IS NOT NULL OR code_b IS NOT NULL));

CREATE TABLE resolutions (
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  code_id INTEGER REFERENCES codes(id) ON DELETE SET NULL,
  decision TEXT NOT NULL CHECK (decision IN ('accept_a','accept_b','accept_both','reject')),
  note TEXT NOT NULL DEFAULT '',
  coder_id INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL);

CREATE TABLE recommendations (
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL, text TEXT NOT NULL, position INTEGER NOT NULL);

CREATE TABLE recommendation_themes (
  recommendation_id INTEGER NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
  theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  PRIMARY KEY (recommendation_id, theme_id));
)SQL";

// Version 3: document text in its own table, so that listing documents, taking the next position
// or checking a hash never reads every stored transcript's overflow pages (text sat mid-row).
const char* const kMigration3 = R"SQL(
CREATE TABLE document_texts (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  text TEXT NOT NULL);
INSERT INTO document_texts(document_id, text) SELECT id, text FROM documents;
ALTER TABLE documents DROP COLUMN text;
CREATE INDEX documents_position ON documents(position);
)SQL";

const char* const kMigrations[] = {kMigration1, kMigration2, kMigration3};
static_assert(sizeof kMigrations / sizeof kMigrations[0] == kSchemaVersion, "one migration per schema version");

}  // namespace

void migrate(Database& db, int from_version, int to_version) {
    if (from_version < 0 || to_version > kSchemaVersion || from_version > to_version)
        throw StorageError("cannot migrate schema from version " + std::to_string(from_version) + " to " +
                           std::to_string(to_version));
    for (int v = from_version; v < to_version; ++v) {
        db.exec(kMigrations[v]);
        db.exec("PRAGMA user_version = " + std::to_string(v + 1));
    }
}

}  // namespace tessera::store
