/*
 * migrations.c — THE ordered list of schema migrations, for every dialect.
 *
 * Append only: a migration that has landed on main is never edited or reordered, because
 * databases in the field already carry it. To change a table, append a new migration
 * (ALTER TABLE … / create-copy-rename). Version = position in this list (1-based).
 * Conventions: STRICT tables; INTEGER PRIMARY KEY ids; dates as TEXT 'YYYY-MM-DD';
 * timestamps as TEXT 'YYYY-MM-DDTHH:MM:SSZ' (UTC); money as INTEGER 分; enumerations as
 * TEXT with a CHECK listing the ids of the domain table; table names that are not SQL
 * keywords in PostgreSQL either ("app_user", not "user"). See docs/store.md.
 *
 * Each migration is SQLite's SQL; where PostgreSQL must say it otherwise (triggers, the
 * search index, SQLite's table rebuilds) the entry has a PostgreSQL variant too, sharing the
 * common parts through the macros below, so the tables are written once.
 */
#include "store/migrations.h"

#include <stddef.h>
#include <string.h>

/* 1 — organs, users, the audit log. */
#define CORE_TABLES \
	  "CREATE TABLE schema_migration (\n" \
	  "  version INTEGER PRIMARY KEY,\n" \
	  "  name TEXT NOT NULL UNIQUE,\n" \
	  "  applied_at TEXT NOT NULL\n" \
	  ") STRICT;\n" \
	  "CREATE TABLE agency (\n" \
	  "  id INTEGER PRIMARY KEY,\n" \
	  "  name TEXT NOT NULL UNIQUE,\n" \
	  "  code TEXT UNIQUE,\n" \
	  "  level TEXT NOT NULL CHECK (level IN ('township', 'county-dept', 'county', " \
	  "'city-dept', 'city', 'province-dept', 'province', 'ministry')),\n" \
	  "  parent_id INTEGER REFERENCES agency (id),\n" \
	  "  created_at TEXT NOT NULL\n" \
	  ") STRICT;\n" \
	  "CREATE TABLE app_user (\n" \
	  "  id INTEGER PRIMARY KEY,\n" \
	  "  name TEXT NOT NULL UNIQUE,\n" \
	  "  display_name TEXT NOT NULL,\n" \
	  "  role TEXT NOT NULL CHECK (role IN ('officer', 'reviewer', 'leader', 'admin', " \
	  "'supervisor')),\n" \
	  "  agency_id INTEGER REFERENCES agency (id),\n" \
	  "  password_hash TEXT,\n" \
	  "  created_at TEXT NOT NULL\n" \
	  ") STRICT;\n" \
	  "CREATE TABLE audit_event (\n" \
	  "  id INTEGER PRIMARY KEY,\n" \
	  "  at TEXT NOT NULL,\n" \
	  "  actor TEXT NOT NULL,\n" \
	  "  agency_id INTEGER,\n" \
	  "  entity TEXT NOT NULL,\n" \
	  "  entity_id INTEGER,\n" \
	  "  action TEXT NOT NULL,\n" \
	  "  content TEXT NOT NULL,\n" \
	  "  prev_hash TEXT NOT NULL,\n" \
	  "  hash TEXT NOT NULL\n" \
	  ") STRICT;\n" \
	  "CREATE INDEX audit_event_entity ON audit_event (entity, entity_id);\n"

/* Append-only: refuse UPDATE and DELETE (the hash chain catches tampering around it). */
#define CORE_SQLITE_GUARDS \
	  "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event\n" \
	  "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;\n" \
	  "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event\n" \
	  "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;\n"

/* 4 */
#define REPORT_TABLES \
	  "CREATE TABLE report_text (\n" \
	  "  agency_id INTEGER NOT NULL REFERENCES agency (id),\n" \
	  "  year INTEGER NOT NULL,\n" \
	  "  section TEXT NOT NULL CHECK (section IN ('overview', 'problems', 'other_matters')),\n" \
	  "  body TEXT NOT NULL,\n" \
	  "  updated_at TEXT NOT NULL,\n" \
	  "  updated_by TEXT NOT NULL,\n" \
	  "  PRIMARY KEY (agency_id, year, section)\n" \
	  ") STRICT;\n" \
	  "CREATE TABLE report_publication (\n" \
	  "  id INTEGER PRIMARY KEY,\n" \
	  "  agency_id INTEGER NOT NULL REFERENCES agency (id),\n" \
	  "  year INTEGER NOT NULL,\n" \
	  "  revision INTEGER NOT NULL CHECK (revision >= 1),\n" \
	  "  format TEXT NOT NULL,\n" \
	  "  reason TEXT,\n" \
	  "  cells TEXT NOT NULL,\n" \
	  "  sha256 TEXT NOT NULL,\n" \
	  "  published_at TEXT NOT NULL,\n" \
	  "  published_by TEXT NOT NULL,\n" \
	  "  UNIQUE (agency_id, year, revision)\n" \
	  ") STRICT;\n" \
	  "CREATE INDEX report_publication_year ON report_publication (year, agency_id);\n" \
	  "CREATE TABLE report_pub_section (\n" \
	  "  pub_id INTEGER NOT NULL REFERENCES report_publication (id),\n" \
	  "  section TEXT NOT NULL,\n" \
	  "  body TEXT NOT NULL,\n" \
	  "  PRIMARY KEY (pub_id, section)\n" \
	  ") STRICT;\n" \
	  "CREATE TABLE report_artifact (\n" \
	  "  pub_id INTEGER NOT NULL REFERENCES report_publication (id),\n" \
	  "  kind TEXT NOT NULL,\n" \
	  "  body BLOB NOT NULL,\n" \
	  "  sha256 TEXT NOT NULL,\n" \
	  "  PRIMARY KEY (pub_id, kind)\n" \
	  ") STRICT;\n"

#define REPORT_SQLITE_GUARDS \
	  "CREATE TRIGGER report_publication_frozen_u BEFORE UPDATE ON report_publication\n" \
	  "  BEGIN SELECT RAISE(ABORT, 'a published report is immutable'); END;\n" \
	  "CREATE TRIGGER report_publication_frozen_d BEFORE DELETE ON report_publication\n" \
	  "  BEGIN SELECT RAISE(ABORT, 'a published report is immutable'); END;\n" \
	  "CREATE TRIGGER report_pub_section_frozen_u BEFORE UPDATE ON report_pub_section\n" \
	  "  BEGIN SELECT RAISE(ABORT, 'a published report is immutable'); END;\n" \
	  "CREATE TRIGGER report_pub_section_frozen_d BEFORE DELETE ON report_pub_section\n" \
	  "  BEGIN SELECT RAISE(ABORT, 'a published report is immutable'); END;\n" \
	  "CREATE TRIGGER report_artifact_frozen_u BEFORE UPDATE ON report_artifact\n" \
	  "  BEGIN SELECT RAISE(ABORT, 'a published report is immutable'); END;\n" \
	  "CREATE TRIGGER report_artifact_frozen_d BEFORE DELETE ON report_artifact\n" \
	  "  BEGIN SELECT RAISE(ABORT, 'a published report is immutable'); END;\n"

/* 5 */
#define CATALOGUE_TABLES \
	  "CREATE TABLE agency_profile (\n" \
	  "  agency_id INTEGER PRIMARY KEY REFERENCES agency (id),\n" \
	  "  index_pattern TEXT,\n" \
	  "  office TEXT,\n" \
	  "  address TEXT,\n" \
	  "  postcode TEXT,\n" \
	  "  hours TEXT,\n" \
	  "  phone TEXT,\n" \
	  "  fax TEXT,\n" \
	  "  email TEXT,\n" \
	  "  website TEXT,\n" \
	  "  channels TEXT,\n" \
	  "  fees TEXT,\n" \
	  "  scope TEXT,\n" \
	  "  updated_at TEXT NOT NULL\n" \
	  ") STRICT;\n" \
	  "CREATE TABLE document_serial (\n" \
	  "  agency_id INTEGER NOT NULL REFERENCES agency (id),\n" \
	  "  year INTEGER NOT NULL,\n" \
	  "  last INTEGER NOT NULL,\n" \
	  "  PRIMARY KEY (agency_id, year)\n" \
	  ") STRICT;\n" \
	  "CREATE TABLE document (\n" \
	  "  id INTEGER PRIMARY KEY,\n" \
	  "  agency_id INTEGER NOT NULL REFERENCES agency (id),\n" \
	  "  index_no TEXT NOT NULL UNIQUE,\n" \
	  "  title TEXT NOT NULL,\n" \
	  "  doc_no TEXT,\n" \
	  "  publisher TEXT NOT NULL,\n" \
	  "  signed_date TEXT,\n" \
	  "  published_date TEXT,\n" \
	  "  topic TEXT,\n" \
	  "  genre TEXT NOT NULL,\n" \
	  "  disclosure TEXT NOT NULL CHECK (disclosure IN ('proactive', 'on-request', " \
	  "'withheld')),\n" \
	  "  withheld_reason TEXT,\n" \
	  "  withheld_ground TEXT,\n" \
	  "  time_limit TEXT,\n" \
	  "  validity TEXT NOT NULL CHECK (validity IN ('valid', 'expired', 'repealed')),\n" \
	  "  effective_date TEXT,\n" \
	  "  invalid_date TEXT,\n" \
	  "  summary TEXT,\n" \
	  "  keywords TEXT,\n" \
	  "  body TEXT NOT NULL,\n" \
	  "  state TEXT NOT NULL CHECK (state IN ('draft', 'first-review', 'second-review', " \
	  "'final-review', 'approved', 'published', 'withdrawn')),\n" \
	  "  round INTEGER NOT NULL DEFAULT 0,\n" \
	  "  author TEXT NOT NULL,\n" \
	  "  changed_date TEXT NOT NULL,\n" \
	  "  reassess_due TEXT,\n" \
	  "  created_at TEXT NOT NULL,\n" \
	  "  updated_at TEXT NOT NULL\n" \
	  ") STRICT;\n" \
	  "CREATE INDEX document_public ON document (state, published_date);\n" \
	  "CREATE INDEX document_agency ON document (agency_id, state, published_date);\n" \
	  "CREATE TABLE document_attachment (\n" \
	  "  id INTEGER PRIMARY KEY,\n" \
	  "  doc_id INTEGER NOT NULL REFERENCES document (id),\n" \
	  "  name TEXT NOT NULL,\n" \
	  "  mime TEXT NOT NULL,\n" \
	  "  size INTEGER NOT NULL,\n" \
	  "  sha256 TEXT NOT NULL,\n" \
	  "  data BLOB NOT NULL,\n" \
	  "  created_at TEXT NOT NULL\n" \
	  ") STRICT;\n" \
	  "CREATE INDEX document_attachment_doc ON document_attachment (doc_id, id);\n" \
	  "CREATE TABLE document_event (\n" \
	  "  id INTEGER PRIMARY KEY,\n" \
	  "  doc_id INTEGER NOT NULL REFERENCES document (id),\n" \
	  "  round INTEGER NOT NULL,\n" \
	  "  action TEXT NOT NULL,\n" \
	  "  stage TEXT CHECK (stage IN ('first', 'second', 'final')),\n" \
	  "  decision TEXT CHECK (decision IN ('approve', 'reject')),\n" \
	  "  comment TEXT,\n" \
	  "  secrecy_checked INTEGER NOT NULL DEFAULT 0,\n" \
	  "  actor TEXT NOT NULL,\n" \
	  "  at TEXT NOT NULL\n" \
	  ") STRICT;\n" \
	  "CREATE INDEX document_event_doc ON document_event (doc_id, id);\n"

#define CATALOGUE_SQLITE_FTS \
	  "CREATE VIRTUAL TABLE document_fts USING fts5 (title, doc_no, index_no, body, " \
	  "content = 'document', content_rowid = 'id', tokenize = 'gongkai');\n" \
	  "CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN\n" \
	  "  INSERT INTO document_fts (rowid, title, doc_no, index_no, body)\n" \
	  "  VALUES (new.id, new.title, new.doc_no, new.index_no, new.body);\n" \
	  "END;\n" \
	  "CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN\n" \
	  "  INSERT INTO document_fts (document_fts, rowid, title, doc_no, index_no, body)\n" \
	  "  VALUES ('delete', old.id, old.title, old.doc_no, old.index_no, old.body);\n" \
	  "END;\n" \
	  "CREATE TRIGGER document_fts_update AFTER UPDATE OF title, doc_no, index_no, body " \
	  "ON document BEGIN\n" \
	  "  INSERT INTO document_fts (document_fts, rowid, title, doc_no, index_no, body)\n" \
	  "  VALUES ('delete', old.id, old.title, old.doc_no, old.index_no, old.body);\n" \
	  "  INSERT INTO document_fts (rowid, title, doc_no, index_no, body)\n" \
	  "  VALUES (new.id, new.title, new.doc_no, new.index_no, new.body);\n" \
	  "END;\n"

/* 10 */
#define IDENT_SQLITE_ROLES \
	  "CREATE TABLE app_user_new (\n" \
	  "  id INTEGER PRIMARY KEY,\n" \
	  "  name TEXT NOT NULL UNIQUE,\n" \
	  "  display_name TEXT NOT NULL,\n" \
	  "  role TEXT NOT NULL CHECK (role IN ('officer', 'reviewer', 'leader', 'supervisor', " \
	  "'admin', 'security', 'auditor')),\n" \
	  "  agency_id INTEGER REFERENCES agency (id),\n" \
	  "  password_hash TEXT,\n" \
	  "  created_at TEXT NOT NULL\n" \
	  ") STRICT;\n" \
	  "INSERT INTO app_user_new SELECT id, name, display_name, role, agency_id, password_hash, " \
	  "created_at FROM app_user;\n" \
	  "DROP TABLE app_user;\n" \
	  "ALTER TABLE app_user_new RENAME TO app_user;\n"

#define IDENT_HISTORY \
	  "CREATE TABLE password_history (\n" \
	  "  id INTEGER PRIMARY KEY,\n" \
	  "  user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,\n" \
	  "  hash TEXT NOT NULL,\n" \
	  "  at INTEGER NOT NULL\n" \
	  ") STRICT;\n" \
	  "CREATE INDEX password_history_user ON password_history (user_id, id);\n"

#define IDENT_SQLITE_BACKFILL \
	  "INSERT INTO password_history (user_id, hash, at) SELECT id, password_hash, " \
	  "CAST(strftime('%s', 'now') AS INTEGER) FROM app_user WHERE password_hash IS NOT NULL;\n"

#define IDENT_TOTP \
	  "CREATE TABLE user_totp (\n" \
	  "  user_id INTEGER PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,\n" \
	  "  secret TEXT NOT NULL,\n" \
	  "  confirmed INTEGER NOT NULL DEFAULT 0,\n" \
	  "  last_step INTEGER NOT NULL DEFAULT 0\n" \
	  ") STRICT;\n"

/* 11 */
#define SEARCH_SQLITE_DROP \
	  "DROP TRIGGER document_fts_insert;\n" \
	  "DROP TRIGGER document_fts_delete;\n" \
	  "DROP TRIGGER document_fts_update;\n" \
	  "DROP TABLE document_fts;\n"

#define SEARCH_ATTACHMENT_TEXT \
	  "ALTER TABLE document_attachment ADD COLUMN text_state TEXT NOT NULL DEFAULT 'none' " \
	  "CHECK (text_state IN ('none', 'ok', 'empty', 'broken'));\n" \
	  "ALTER TABLE document_attachment ADD COLUMN text_note TEXT;\n" \
	  "ALTER TABLE document_attachment ADD COLUMN extracted_text TEXT;\n"

/* The columns of SQLite's two search indexes, as named in them and as read from
 * search_source src: the text (migration "search"), then the filters' words (migration
 * "search_facet"). */
#define SEARCH_COLS "title, meta, body, attach"
#define SEARCH_SRC_COLS "src.title, src.meta, src.body, src.attach"
#define SEARCH_FACET_COLS SEARCH_COLS ", facet"
#define SEARCH_FACET_SRC_COLS SEARCH_SRC_COLS ", src.facet"

/* A document leaves both SQLite search indexes (migrations "search_title" and later) under
 * rowid, an expression of old: the key itself, negated since "search_forward", its position
 * negated since "search_pos", with the filters' words since "search_facet" (cols, title_cols).
 * A document still in the queue was never added and is only taken off it. */
#define SEARCH_DOC_REMOVE_OF(rowid, cols, title_cols) \
	  "CREATE TRIGGER search_doc_remove BEFORE DELETE ON search_doc BEGIN\n" \
	  "  INSERT INTO search_fts (search_fts, rowid, " cols ")\n" \
	  "    SELECT 'delete', " rowid ", " cols " FROM search_source\n" \
	  "    WHERE doc_id = old.doc_id\n" \
	  "    AND NOT EXISTS (SELECT 1 FROM search_queue WHERE key = old.key);\n" \
	  "  INSERT INTO search_title (search_title, rowid, " title_cols ")\n" \
	  "    SELECT 'delete', " rowid ", " title_cols " FROM search_source\n" \
	  "    WHERE doc_id = old.doc_id\n" \
	  "    AND NOT EXISTS (SELECT 1 FROM search_queue WHERE key = old.key);\n" \
	  "  DELETE FROM search_queue WHERE key = old.key;\n" \
	  "  UPDATE search_span SET n = n - 1 WHERE span = old.key >> 50;\n" \
	  "END;\n"
#define SEARCH_DOC_REMOVE(rowid) SEARCH_DOC_REMOVE_OF(rowid, SEARCH_COLS, "title")

/* Both SQLite search indexes written again from the documents under rowid (an expression of
 * search_doc d; removed by the trigger under old_rowid, the same of old), in order (ascending
 * rowids), with the columns cols (src_cols read from search_source src) and the title index's
 * title_cols (src_title_cols): migrations "search_forward", "search_pos" and "search_facet".
 * The old pages are freed without
 * being zeroed first (secure_delete FAST for the two DROPs: zeroing wrote the whole old index
 * once more into the WAL, 15 GB at 10⁶ documents) and are at once written over by the new
 * index, which needs as many. */
#define SEARCH_WRITE_AGAIN_OF(rowid, old_rowid, order, cols, src_cols, title_cols, \
			      src_title_cols) \
	  "DROP TRIGGER search_doc_remove;\n" \
	  "PRAGMA secure_delete = FAST;\n" \
	  "DROP TABLE search_fts;\n" \
	  "DROP TABLE search_title;\n" \
	  "PRAGMA secure_delete = ON;\n" \
	  "CREATE VIRTUAL TABLE search_fts USING fts5 (" cols ", content = '',\n" \
	  "  tokenize = 'gongkai');\n" \
	  "INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 67108864);\n" \
	  "CREATE VIRTUAL TABLE search_title USING fts5 (" title_cols ", content = '', " \
	  "tokenize = 'gongkai');\n" \
	  "INSERT INTO search_fts (rowid, " cols ")\n" \
	  "  SELECT " rowid ", " src_cols "\n" \
	  "  FROM search_doc d JOIN search_source src ON src.doc_id = d.doc_id\n" \
	  "  WHERE d.key NOT IN (SELECT key FROM search_queue) ORDER BY " order ";\n" \
	  "INSERT INTO search_title (rowid, " title_cols ")\n" \
	  "  SELECT " rowid ", " src_title_cols " FROM search_doc d JOIN search_source src ON src.doc_id = d.doc_id\n" \
	  "  WHERE d.key NOT IN (SELECT key FROM search_queue) ORDER BY " order ";\n" \
	  SEARCH_DOC_REMOVE_OF(old_rowid, cols, title_cols)
/* Both indexes written again as migration "search_facet" left them: under the negated
 * positions, with the filters' words (migrations "search_facet" and "search_spaces"). */
#define SEARCH_WRITE_AGAIN_FACET \
	SEARCH_WRITE_AGAIN_OF("-d.pos", "-old.pos", "d.pos DESC", SEARCH_FACET_COLS, \
			      SEARCH_FACET_SRC_COLS, "title, facet", "src.title, src.facet")
#define SEARCH_WRITE_AGAIN(rowid, old_rowid, order) \
	SEARCH_WRITE_AGAIN_OF(rowid, old_rowid, order, SEARCH_COLS, SEARCH_SRC_COLS, "title", \
			      "src.title")

/* What the search indexes hold of each document (migration "search"): the key's base (its
 * bits but the serial) and the text of each field. */
#define SEARCH_SOURCE_SELECT \
	  "SELECT d.id AS doc_id, d.agency_id,\n" \
	  "  (CASE WHEN d.state = 'published' THEN 4611686018427387904 ELSE 0 END)\n" \
	  "  | (max(0, CAST(julianday(coalesce(d.published_date, d.signed_date,\n" \
	  "      substr(d.created_at, 1, 10))) - 2415020.5 AS INTEGER)) << 45)\n" \
	  "  | (d.agency_id << 31)\n" \
	  "  | (coalesce((SELECT code FROM search_topic WHERE value = d.topic), 0) << 23)\n" \
	  "  | (coalesce((SELECT code FROM search_genre WHERE value = d.genre), 0) << 18)\n" \
	  "  | (CASE d.validity WHEN 'valid' THEN 0 WHEN 'expired' THEN 1 ELSE 2 END << 16) AS base,\n" \
	  "  d.title,\n" \
	  "  coalesce(d.doc_no, '') || char(10) || d.index_no || char(10) || coalesce(d.keywords, '')\n" \
	  "    AS meta,\n" \
	  "  coalesce(d.summary || char(10), '') || d.body AS body,\n" \
	  "  (SELECT group_concat(t, char(28)) FROM (SELECT extracted_text AS t\n" \
	  "    FROM document_attachment WHERE doc_id = d.id AND text_state = 'ok' ORDER BY id)) AS attach\n" \
	  "FROM document d WHERE d.state <> 'withdrawn'"

/* The start of search_request_add (migrations "search" and "search_pos"): the document's
 * 主题分类 and 体裁 given their codes, and the key's limit of documents alike on one day. */
#define SEARCH_REQUEST_CODES \
	  "  INSERT INTO search_topic (value) SELECT topic FROM document WHERE id = new.doc_id\n" \
	  "    AND topic IS NOT NULL AND topic NOT IN (SELECT value FROM search_topic);\n" \
	  "  INSERT INTO search_genre (value) SELECT genre FROM document WHERE id = new.doc_id\n" \
	  "    AND genre NOT IN (SELECT value FROM search_genre);\n" \
	  "  SELECT RAISE(ABORT, 'search index: more than 65536 documents alike on one day')\n" \
	  "    FROM search_source s WHERE s.doc_id = new.doc_id\n" \
	  "    AND EXISTS (SELECT 1 FROM search_doc WHERE key = s.base + 65535);\n"

#define SEARCH_SQLITE_INDEX \
	  "CREATE TABLE search_topic (\n" \
	  "  code INTEGER PRIMARY KEY CHECK (code BETWEEN 1 AND 255),\n" \
	  "  value TEXT NOT NULL UNIQUE\n" \
	  ") STRICT;\n" \
	  "CREATE TABLE search_genre (\n" \
	  "  code INTEGER PRIMARY KEY CHECK (code BETWEEN 1 AND 31),\n" \
	  "  value TEXT NOT NULL UNIQUE\n" \
	  ") STRICT;\n" \
	  "CREATE VIEW search_source AS " SEARCH_SOURCE_SELECT ";\n" \
	  "CREATE VIRTUAL TABLE search_fts USING fts5 (title, meta, body, attach, content = '',\n" \
	  "  tokenize = 'gongkai');\n" \
	  "INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 67108864);\n" \
	  "CREATE TABLE search_doc (\n" \
	  "  key INTEGER PRIMARY KEY,\n" \
	  "  doc_id INTEGER NOT NULL UNIQUE REFERENCES document (id),\n" \
	  "  agency_id INTEGER NOT NULL CHECK (agency_id BETWEEN 1 AND 16383)\n" \
	  ") STRICT;\n" \
	  "CREATE TABLE search_span (\n" \
	  "  span INTEGER PRIMARY KEY,\n" \
	  "  n INTEGER NOT NULL\n" \
	  ") STRICT;\n" \
	  "CREATE VIEW search_request AS SELECT NULL AS doc_id;\n" \
	  "CREATE TRIGGER search_request_add INSTEAD OF INSERT ON search_request BEGIN\n" \
	  SEARCH_REQUEST_CODES \
	  "  INSERT INTO search_doc (key, doc_id, agency_id)\n" \
	  "    SELECT coalesce((SELECT max(key) + 1 FROM search_doc\n" \
	  "      WHERE key BETWEEN s.base AND s.base + 65535), s.base), s.doc_id, s.agency_id\n" \
	  "    FROM search_source s WHERE s.doc_id = new.doc_id;\n" \
	  "END;\n" \
	  "CREATE TRIGGER search_doc_add AFTER INSERT ON search_doc BEGIN\n" \
	  "  INSERT INTO search_fts (rowid, title, meta, body, attach)\n" \
	  "    SELECT new.key, title, meta, body, attach FROM search_source WHERE doc_id = new.doc_id;\n" \
	  "  INSERT INTO search_span (span, n) VALUES (new.key >> 50, 1)\n" \
	  "    ON CONFLICT (span) DO UPDATE SET n = n + 1;\n" \
	  "END;\n" \
	  "CREATE TRIGGER search_doc_remove BEFORE DELETE ON search_doc BEGIN\n" \
	  "  INSERT INTO search_fts (search_fts, rowid, title, meta, body, attach)\n" \
	  "    SELECT 'delete', old.key, title, meta, body, attach FROM search_source\n" \
	  "    WHERE doc_id = old.doc_id;\n" \
	  "  UPDATE search_span SET n = n - 1 WHERE span = old.key >> 50;\n" \
	  "END;\n" \
	  "CREATE TRIGGER search_document_add AFTER INSERT ON document BEGIN\n" \
	  "  INSERT INTO search_request (doc_id) VALUES (new.id);\n" \
	  "END;\n" \
	  "CREATE TRIGGER search_document_before BEFORE UPDATE ON document BEGIN\n" \
	  "  DELETE FROM search_doc WHERE doc_id = old.id;\n" \
	  "END;\n" \
	  "CREATE TRIGGER search_document_after AFTER UPDATE ON document BEGIN\n" \
	  "  INSERT INTO search_request (doc_id) VALUES (new.id);\n" \
	  "END;\n" \
	  "CREATE TRIGGER search_document_delete BEFORE DELETE ON document BEGIN\n" \
	  "  DELETE FROM search_doc WHERE doc_id = old.id;\n" \
	  "END;\n" \
	  "CREATE TRIGGER search_attachment_before BEFORE INSERT ON document_attachment BEGIN\n" \
	  "  DELETE FROM search_doc WHERE doc_id = new.doc_id;\n" \
	  "END;\n" \
	  "CREATE TRIGGER search_attachment_after AFTER INSERT ON document_attachment BEGIN\n" \
	  "  INSERT INTO search_request (doc_id) VALUES (new.doc_id);\n" \
	  "END;\n" \
	  "CREATE TRIGGER search_attachment_change BEFORE UPDATE ON document_attachment BEGIN\n" \
	  "  DELETE FROM search_doc WHERE doc_id = old.doc_id;\n" \
	  "END;\n" \
	  "CREATE TRIGGER search_attachment_changed AFTER UPDATE ON document_attachment BEGIN\n" \
	  "  INSERT INTO search_request (doc_id) VALUES (new.doc_id);\n" \
	  "END;\n" \
	  "INSERT INTO search_request (doc_id) SELECT id FROM document ORDER BY id;\n"

/* PostgreSQL's own parts (where the dialects differ). The rest of every migration is read by
 * PostgreSQL as written, with the column types of store/postgresql.c's pg_schema_sql
 * (INTEGER → BIGINT, BLOB → BYTEA, an INTEGER PRIMARY KEY an identity column, no STRICT). */
#define PG_REFUSE(trigger, table, message) \
	"CREATE TRIGGER " trigger " BEFORE UPDATE OR DELETE ON " table "\n" \
	"  FOR EACH ROW EXECUTE FUNCTION gk_refuse('" message "');\n" \
	"CREATE TRIGGER " trigger "_t BEFORE TRUNCATE ON " table "\n" \
	"  FOR EACH STATEMENT EXECUTE FUNCTION gk_refuse('" message "');\n"
#define CORE_PG_GUARDS \
	"CREATE FUNCTION gk_refuse() RETURNS trigger LANGUAGE plpgsql AS $$\n" \
	"BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$;\n" \
	PG_REFUSE("audit_event_append_only", "audit_event", "the audit log is append-only")
#define REPORT_PG_GUARDS \
	PG_REFUSE("report_publication_frozen", "report_publication", "a published report is immutable") \
	PG_REFUSE("report_pub_section_frozen", "report_pub_section", "a published report is immutable") \
	PG_REFUSE("report_artifact_frozen", "report_artifact", "a published report is immutable")
#define IDENT_PG_ROLES \
	"ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;\n" \
	"ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('officer', " \
	"'reviewer', 'leader', 'supervisor', 'admin', 'security', 'auditor'));\n"
#define IDENT_PG_BACKFILL \
	"INSERT INTO password_history (user_id, hash, at) SELECT id, password_hash, " \
	"CAST(extract(epoch FROM now()) AS BIGINT) FROM app_user WHERE password_hash IS NOT NULL;\n"
/* The search index of PostgreSQL (store/pg_search.c): the same search key and code tables as
 * SQLite's, the text as tsvectors of gongkai's own tokens, one row per chunk of a document
 * (a tsvector holds positions up to 16,383), computed by gongkai and put with gk_search_put,
 * which gives the document its key as SQLite's triggers do. */
#define SEARCH_PG_INDEX \
	"CREATE TABLE search_topic (\n" \
	"  code INTEGER PRIMARY KEY CHECK (code BETWEEN 1 AND 255),\n" \
	"  value TEXT NOT NULL UNIQUE\n" \
	");\n" \
	"CREATE TABLE search_genre (\n" \
	"  code INTEGER PRIMARY KEY CHECK (code BETWEEN 1 AND 31),\n" \
	"  value TEXT NOT NULL UNIQUE\n" \
	");\n" \
	"CREATE TABLE search_doc (\n" \
	"  key BIGINT PRIMARY KEY,\n" \
	"  doc_id BIGINT NOT NULL UNIQUE REFERENCES document (id),\n" \
	"  agency_id BIGINT NOT NULL CHECK (agency_id BETWEEN 1 AND 16383)\n" \
	");\n" \
	"CREATE TABLE search_chunk (\n" \
	"  key BIGINT NOT NULL REFERENCES search_doc (key) ON DELETE CASCADE,\n" \
	"  part BIGINT NOT NULL,\n" \
	"  tsv tsvector NOT NULL,\n" \
	"  PRIMARY KEY (key, part)\n" \
	");\n" \
	"CREATE INDEX search_chunk_tsv ON search_chunk USING gin (tsv);\n" \
	"CREATE TABLE search_span (\n" \
	"  span BIGINT PRIMARY KEY,\n" \
	"  n BIGINT NOT NULL\n" \
	");\n" \
	"CREATE FUNCTION gk_search_drop(p_doc BIGINT) RETURNS void LANGUAGE plpgsql AS $$\n" \
	"DECLARE k BIGINT;\n" \
	"BEGIN\n" \
	"  DELETE FROM search_doc WHERE doc_id = p_doc RETURNING key INTO k;\n" \
	"  IF k IS NOT NULL THEN UPDATE search_span SET n = n - 1 WHERE span = k >> 50; END IF;\n" \
	"END $$;\n" \
	"CREATE FUNCTION gk_search_put(p_doc BIGINT) RETURNS BIGINT LANGUAGE plpgsql AS $$\n" \
	"DECLARE d document%ROWTYPE; base BIGINT; k BIGINT;\n" \
	"BEGIN\n" \
	"  PERFORM gk_search_drop(p_doc);\n" \
	"  SELECT * INTO d FROM document WHERE id = p_doc;\n" \
	"  IF NOT FOUND OR d.state = 'withdrawn' THEN RETURN NULL; END IF;\n" \
	"  INSERT INTO search_topic (value) SELECT d.topic WHERE d.topic IS NOT NULL\n" \
	"    AND NOT EXISTS (SELECT 1 FROM search_topic WHERE value = d.topic);\n" \
	"  INSERT INTO search_genre (value) SELECT d.genre\n" \
	"    WHERE NOT EXISTS (SELECT 1 FROM search_genre WHERE value = d.genre);\n" \
	"  base := (CASE WHEN d.state = 'published' THEN 4611686018427387904 ELSE 0 END)\n" \
	"    | (greatest(0, CAST(coalesce(d.published_date, d.signed_date,\n" \
	"        substr(d.created_at, 1, 10)) AS date) - DATE '1900-01-01')::bigint << 45)\n" \
	"    | (d.agency_id << 31)\n" \
	"    | (coalesce((SELECT code FROM search_topic WHERE value = d.topic), 0) << 23)\n" \
	"    | (coalesce((SELECT code FROM search_genre WHERE value = d.genre), 0) << 18)\n" \
	"    | ((CASE d.validity WHEN 'valid' THEN 0 WHEN 'expired' THEN 1 ELSE 2 END)::bigint << 16);\n" \
	"  IF EXISTS (SELECT 1 FROM search_doc WHERE key = base + 65535) THEN\n" \
	"    RAISE EXCEPTION 'search index: more than 65536 documents alike on one day';\n" \
	"  END IF;\n" \
	"  k := coalesce((SELECT max(key) + 1 FROM search_doc WHERE key BETWEEN base AND base + 65535), base);\n" \
	"  INSERT INTO search_doc (key, doc_id, agency_id) VALUES (k, p_doc, d.agency_id);\n" \
	"  INSERT INTO search_span (span, n) VALUES (k >> 50, 1)\n" \
	"    ON CONFLICT (span) DO UPDATE SET n = search_span.n + 1;\n" \
	"  RETURN k;\n" \
	"END $$;\n"

#define SEARCH_TITLE_PG \
	"CREATE TABLE search_title (\n" \
	"  key BIGINT PRIMARY KEY REFERENCES search_doc (key) ON DELETE CASCADE,\n" \
	"  tsv tsvector NOT NULL\n" \
	");\n" \
	"INSERT INTO search_title (key, tsv)\n" \
	"  SELECT key, ts_filter(tsv, '{a}') FROM search_chunk WHERE part = 0;\n" \
	"CREATE INDEX search_title_tsv ON search_title USING gin (tsv);\n" \
	"DO $$\n" \
	"DECLARE r record;\n" \
	"BEGIN\n" \
	"  FOR r IN SELECT grantee, privilege_type FROM information_schema.role_table_grants\n" \
	"    WHERE table_name = 'search_chunk' AND grantee <> current_user LOOP\n" \
	"    EXECUTE format('GRANT %s ON search_title TO %I', r.privilege_type, r.grantee);\n" \
	"  END LOOP;\n" \
	"END $$;\n"

/* PostgreSQL's table t of the search index (search_chunk or search_title: its columns cols
 * before tsv, its definition def) written anew with the filters' lexemes of migration
 * "search_facet" in each tsvector, its rights, names and GIN index as before. Not updated in
 * place: the old rows would stay in the table until a VACUUM, and in the GIN index, built in
 * the same transaction, for good (683 MB instead of 381 at 200,000 documents, a rare 文号's
 * lists read in 34 ms instead of 7). */
#define PG_WITH_FACETS(t, cols, def) \
	"CREATE TABLE " t "_facet (\n" def ");\n" \
	"INSERT INTO " t "_facet SELECT " cols ", tsv || gk_facets(key) FROM " t \
	" ORDER BY " cols ";\n" \
	"DO $$\n" \
	"DECLARE r record;\n" \
	"BEGIN\n" \
	"  FOR r IN SELECT grantee, privilege_type FROM information_schema.role_table_grants\n" \
	"    WHERE table_name = '" t "' AND grantee <> current_user LOOP\n" \
	"    EXECUTE format('GRANT %s ON " t "_facet TO %I', r.privilege_type, r.grantee);\n" \
	"  END LOOP;\n" \
	"END $$;\n" \
	"DROP TABLE " t ";\n" \
	"ALTER TABLE " t "_facet RENAME TO " t ";\n" \
	"ALTER INDEX " t "_facet_pkey RENAME TO " t "_pkey;\n" \
	"ALTER TABLE " t " RENAME CONSTRAINT " t "_facet_key_fkey TO " t "_key_fkey;\n" \
	"CREATE INDEX " t "_tsv ON " t " USING gin (tsv);\n"

/* The tally of applications (migration 21): what an annual report asks of an application —
 * its organ, applicant type, the year it was received, the year it was closed (0 while open)
 * and its outcome ('' while open) — and how many share it. TALLY_KEY(r) is that key of row r
 * of application. */
#define TALLY_COLS "agency_id, applicant_type, received_year, closed_year, outcome"
#define TALLY_KEY(r) \
	r ".agency_id, " r ".applicant_type, CAST(substr(" r ".received, 1, 4) AS INTEGER), " \
	"CASE WHEN " r ".closed IS NULL THEN 0 ELSE CAST(substr(" r ".closed, 1, 4) AS INTEGER) END, " \
	"CASE WHEN " r ".closed IS NULL THEN '' ELSE coalesce(" r ".outcome, '') END"
#define TALLY_TABLE \
	"CREATE TABLE app_tally (\n" \
	"  agency_id INTEGER NOT NULL,\n" \
	"  applicant_type TEXT NOT NULL,\n" \
	"  received_year INTEGER NOT NULL,\n" \
	"  closed_year INTEGER NOT NULL,\n" \
	"  outcome TEXT NOT NULL,\n" \
	"  n INTEGER NOT NULL,\n" \
	"  PRIMARY KEY (" TALLY_COLS ")\n" \
	") STRICT;\n" \
	"INSERT INTO app_tally (" TALLY_COLS ", n)\n" \
	"  SELECT " TALLY_KEY("a") ", count(*) FROM application a GROUP BY 1, 2, 3, 4, 5;\n"
/* one less of the key of row r; a key no application has any more is removed */
#define TALLY_LESS(r) \
	"  UPDATE app_tally SET n = n - 1 WHERE (" TALLY_COLS ") = (" TALLY_KEY(r) ");\n" \
	"  DELETE FROM app_tally WHERE (" TALLY_COLS ") = (" TALLY_KEY(r) ") AND n = 0;\n"
#define TALLY_MORE(r) \
	"  INSERT INTO app_tally (" TALLY_COLS ", n) VALUES (" TALLY_KEY(r) ", 1)\n" \
	"    ON CONFLICT (" TALLY_COLS ") DO UPDATE SET n = app_tally.n + 1;\n"
#define TALLY_MOVES "AFTER UPDATE OF agency_id, applicant_type, received, closed, outcome ON application"
#define TALLY_CHANGED "(" TALLY_KEY("old") ") IS DISTINCT FROM (" TALLY_KEY("new") ")"
#define TALLY_SQLITE \
	"CREATE TRIGGER app_tally_add AFTER INSERT ON application BEGIN\n" TALLY_MORE("new") "END;\n" \
	"CREATE TRIGGER app_tally_remove AFTER DELETE ON application BEGIN\n" TALLY_LESS("old") \
	"END;\n" \
	"CREATE TRIGGER app_tally_move " TALLY_MOVES "\n" \
	"  WHEN " TALLY_CHANGED " BEGIN\n" \
	TALLY_LESS("old") TALLY_MORE("new") "END;\n"
/* PostgreSQL keeps every version of a row a transaction updates until the transaction ends,
 * and each update walks them: a counter updated for each of many applications in one
 * transaction (an import, `gongkai migrate`, `app generate`) costs time growing with their
 * square (20,000 applications: 113 s → 215 s). So a change only notes +1 / −1 for its key in
 * app_tally_pending (no index, unlogged: it holds only the notes of transactions in flight),
 * and when the transaction commits, a deferred trigger folds its notes into app_tally once per
 * key and removes them; a key no application has any more is removed. The transaction-local
 * setting gk.tally_pending says there are notes to fold: later firings of the deferred trigger
 * return at once, and a savepoint rolled back takes back its notes and the setting together.
 * The functions run as the schema's owner (SECURITY DEFINER, with the search path of the
 * migration), so a role that may write applications needs no grant on the tally; a role that
 * may read applications is allowed to read it (docs/platform.md's web role, granted before
 * this migration existed). */
#define TALLY_DEFINER "  SECURITY DEFINER SET search_path FROM CURRENT AS $$\n"
#define TALLY_PG \
	"CREATE UNLOGGED TABLE app_tally_pending (\n" \
	"  agency_id INTEGER NOT NULL,\n" \
	"  applicant_type TEXT NOT NULL,\n" \
	"  received_year INTEGER NOT NULL,\n" \
	"  closed_year INTEGER NOT NULL,\n" \
	"  outcome TEXT NOT NULL,\n" \
	"  d INTEGER NOT NULL\n" \
	");\n" \
	"CREATE FUNCTION gk_app_tally_note() RETURNS trigger LANGUAGE plpgsql\n" TALLY_DEFINER \
	"BEGIN\n" \
	"  IF TG_OP <> 'INSERT' THEN\n" \
	"    INSERT INTO app_tally_pending VALUES (" TALLY_KEY("old") ", -1);\n" \
	"  END IF;\n" \
	"  IF TG_OP <> 'DELETE' THEN\n" \
	"    INSERT INTO app_tally_pending VALUES (" TALLY_KEY("new") ", 1);\n" \
	"  END IF;\n" \
	"  PERFORM set_config('gk.tally_pending', 'yes', true);\n" \
	"  RETURN NULL;\n" \
	"END $$;\n" \
	"CREATE FUNCTION gk_app_tally_fold() RETURNS trigger LANGUAGE plpgsql\n" TALLY_DEFINER \
	"BEGIN\n" \
	"  IF coalesce(current_setting('gk.tally_pending', true), '') <> 'yes' THEN\n" \
	"    RETURN NULL;\n" \
	"  END IF;\n" \
	"  PERFORM set_config('gk.tally_pending', 'no', true);\n" \
	"  INSERT INTO app_tally (" TALLY_COLS ", n)\n" \
	"    SELECT " TALLY_COLS ", sum(d) FROM app_tally_pending GROUP BY 1, 2, 3, 4, 5\n" \
	"    ON CONFLICT (" TALLY_COLS ") DO UPDATE SET n = app_tally.n + EXCLUDED.n;\n" \
	"  DELETE FROM app_tally t USING (SELECT DISTINCT " TALLY_COLS " FROM app_tally_pending) p\n" \
	"    WHERE t.n = 0 AND (t.agency_id, t.applicant_type, t.received_year, t.closed_year,\n" \
	"    t.outcome) = (p.agency_id, p.applicant_type, p.received_year, p.closed_year, p.outcome);\n" \
	"  DELETE FROM app_tally_pending;\n" \
	"  RETURN NULL;\n" \
	"END $$;\n" \
	"CREATE TRIGGER app_tally_note AFTER INSERT OR DELETE ON application\n" \
	"  FOR EACH ROW EXECUTE FUNCTION gk_app_tally_note();\n" \
	"CREATE TRIGGER app_tally_move " TALLY_MOVES " FOR EACH ROW\n" \
	"  WHEN (" TALLY_CHANGED ") EXECUTE FUNCTION gk_app_tally_note();\n" \
	"CREATE CONSTRAINT TRIGGER app_tally_fold AFTER INSERT OR DELETE ON application\n" \
	"  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION gk_app_tally_fold();\n" \
	"CREATE CONSTRAINT TRIGGER app_tally_fold_move " TALLY_MOVES "\n" \
	"  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (" TALLY_CHANGED ")\n" \
	"  EXECUTE FUNCTION gk_app_tally_fold();\n" \
	"DO $$\n" \
	"DECLARE r record;\n" \
	"BEGIN\n" \
	"  FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants\n" \
	"    WHERE table_name = 'application' AND privilege_type = 'SELECT'\n" \
	"    AND grantee <> current_user LOOP\n" \
	"    EXECUTE format('GRANT SELECT ON app_tally TO %I', r.grantee);\n" \
	"  END LOOP;\n" \
	"END $$;\n"

const struct migration store_migrations[] = {
	/* 1 — organs, users, the audit log. */
	{ "core", CORE_TABLES CORE_SQLITE_GUARDS,
	  CORE_TABLES CORE_PG_GUARDS, 0 },

	/* 2 — applications (依申请公开) and their events. */
	{ "applications",
	  "CREATE TABLE application (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  agency_id INTEGER NOT NULL REFERENCES agency (id),\n"
	  "  tracking_code TEXT NOT NULL UNIQUE,\n"
	  "  secret_hash TEXT NOT NULL,\n"
	  "  received TEXT NOT NULL,\n"
	  "  channel TEXT NOT NULL,\n"
	  "  applicant_type TEXT NOT NULL,\n"
	  "  applicant_name TEXT NOT NULL,\n"
	  "  applicant_key TEXT NOT NULL,\n"
	  "  contact TEXT,\n"
	  "  id_number TEXT,\n"
	  "  request TEXT,\n"
	  "  form TEXT,\n"
	  "  state TEXT NOT NULL,\n"
	  "  outcome TEXT,\n"
	  "  closed TEXT,\n"
	  "  reply_due TEXT,\n"
	  "  created_at TEXT NOT NULL\n"
	  ") STRICT;\n"
	  "CREATE INDEX application_received ON application (agency_id, received);\n"
	  "CREATE INDEX application_applicant ON application (agency_id, applicant_key, received);\n"
	  "CREATE INDEX application_state ON application (agency_id, state, reply_due);\n"
	  "CREATE TABLE app_event (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  app_id INTEGER NOT NULL REFERENCES application (id),\n"
	  "  kind TEXT NOT NULL,\n"
	  "  date TEXT NOT NULL,\n"
	  "  note TEXT,\n"
	  "  approver TEXT,\n"
	  "  amount_fen INTEGER,\n"
	  "  outcome TEXT,\n"
	  "  basis TEXT,\n"
	  "  actor TEXT NOT NULL,\n"
	  "  created_at TEXT NOT NULL\n"
	  ") STRICT;\n"
	  "CREATE INDEX app_event_app ON app_event (app_id, id);\n",
	  NULL, 0 },

	/* 3 — the registers feeding Table 二 and Table 四 (domain/register.h). */
	{ "registers",
	  "CREATE TABLE reg_normdoc (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  agency_id INTEGER NOT NULL REFERENCES agency (id),\n"
	  "  kind TEXT NOT NULL CHECK (kind IN ('rule', 'normdoc')),\n"
	  "  issued TEXT NOT NULL,\n"
	  "  doc_no TEXT NOT NULL,\n"
	  "  title TEXT NOT NULL,\n"
	  "  repealed TEXT,\n"
	  "  document_id INTEGER UNIQUE\n"
	  ") STRICT;\n"
	  "CREATE INDEX reg_normdoc_agency ON reg_normdoc (agency_id, issued);\n"
	  "CREATE TABLE reg_decision (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  agency_id INTEGER NOT NULL REFERENCES agency (id),\n"
	  "  kind TEXT NOT NULL CHECK (kind IN ('licensing', 'penalty', 'coercion')),\n"
	  "  date TEXT,\n"
	  "  date_from TEXT,\n"
	  "  date_to TEXT,\n"
	  "  count INTEGER NOT NULL CHECK (count >= 0),\n"
	  "  doc_no TEXT,\n"
	  "  title TEXT\n"
	  ") STRICT;\n"
	  "CREATE INDEX reg_decision_agency ON reg_decision (agency_id);\n"
	  "CREATE TABLE reg_fee (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  agency_id INTEGER NOT NULL REFERENCES agency (id),\n"
	  "  date TEXT,\n"
	  "  date_from TEXT,\n"
	  "  date_to TEXT,\n"
	  "  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),\n"
	  "  item TEXT\n"
	  ") STRICT;\n"
	  "CREATE INDEX reg_fee_agency ON reg_fee (agency_id);\n"
	  "CREATE TABLE reg_case (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  agency_id INTEGER NOT NULL REFERENCES agency (id),\n"
	  "  kind TEXT NOT NULL CHECK (kind IN ('rev', 'lit_direct', 'lit_after_rev')),\n"
	  "  filed TEXT NOT NULL,\n"
	  "  case_no TEXT,\n"
	  "  application_id INTEGER REFERENCES application (id),\n"
	  "  result TEXT NOT NULL CHECK (result IN ('pending', 'upheld', 'corrected', 'other')),\n"
	  "  closed TEXT,\n"
	  "  co_defendant INTEGER NOT NULL CHECK (co_defendant IN (0, 1)),\n"
	  "  note TEXT\n"
	  ") STRICT;\n"
	  "CREATE INDEX reg_case_agency ON reg_case (agency_id);\n"
	  "CREATE TABLE reg_feedback (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  agency_id INTEGER NOT NULL REFERENCES agency (id),\n"
	  "  ref_no TEXT NOT NULL,\n"
	  "  channel TEXT NOT NULL CHECK (channel IN ('hotline', 'mailbox', 'web')),\n"
	  "  received TEXT NOT NULL,\n"
	  "  body TEXT NOT NULL,\n"
	  "  contact TEXT,\n"
	  "  answered TEXT,\n"
	  "  answer TEXT,\n"
	  "  UNIQUE (agency_id, ref_no)\n"
	  ") STRICT;\n"
	  "CREATE TABLE reg_news (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  agency_id INTEGER NOT NULL REFERENCES agency (id),\n"
	  "  platform TEXT NOT NULL,\n"
	  "  date TEXT NOT NULL,\n"
	  "  title TEXT NOT NULL,\n"
	  "  url TEXT\n"
	  ") STRICT;\n"
	  "CREATE INDEX reg_news_agency ON reg_news (agency_id, date);\n",
	  NULL, 0 },
	/* 4 — the annual report: staff texts, published revisions frozen (domain/report_publish.h). */
	{ "annual_report", REPORT_TABLES REPORT_SQLITE_GUARDS,
	  REPORT_TABLES REPORT_PG_GUARDS, 0 },

	/* 5 — the catalogue (主动公开): documents, attachments, history, 索引号 serials, organ
	 * settings, and the full-text index kept in step by triggers (tokenizer "gongkai",
	 * registered on every connection: store/fts_tokenizer.c). */
	{ "catalogue", CATALOGUE_TABLES CATALOGUE_SQLITE_FTS,
	  CATALOGUE_TABLES, 0 },

	/* 6 — staff sign-in sessions: the SHA-256 of each token (never the token), who, when made
	 * and last used, from where. Deleted on logout, expiry, password change. */
	{ "staff_sessions",
	  "CREATE TABLE staff_session (\n"
	  "  token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),\n"
	  "  user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,\n"
	  "  created_at TEXT NOT NULL,\n"
	  "  seen_at TEXT NOT NULL,\n"
	  "  client TEXT\n"
	  ") STRICT;\n"
	  "CREATE INDEX staff_session_user ON staff_session (user_id, created_at);\n",
	  NULL, 0 },

	/* 7 — fee_pause: whether the time from a fee notice to payment is left out of the reply time
	 * limit (109号, UNVERIFIED), set per organ; NULL = the default, paused. */
	{ "fee_pause",
	  "ALTER TABLE agency_profile ADD COLUMN fee_pause TEXT "
	  "CHECK (fee_pause IS NULL OR fee_pause IN ('yes', 'no'));\n",
	  NULL, 0 },

	/* 8 — sign-in records (domain/signin.h): failed sign-ins (name typed, address, time) for
	 * throttling and for showing them to the account's owner and the security administrator;
	 * each account's last two sign-ins. Times in seconds since 1970. */
	{ "signin_records",
	  "CREATE TABLE signin_failure (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  at INTEGER NOT NULL,\n"
	  "  account TEXT NOT NULL,\n"
	  "  client TEXT NOT NULL\n"
	  ") STRICT;\n"
	  "CREATE INDEX signin_failure_account ON signin_failure (account, at);\n"
	  "CREATE INDEX signin_failure_client ON signin_failure (client, at);\n"
	  "CREATE INDEX signin_failure_at ON signin_failure (at);\n"
	  "CREATE TABLE signin_last (\n"
	  "  user_id INTEGER PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,\n"
	  "  at INTEGER NOT NULL,\n"
	  "  client TEXT,\n"
	  "  prev_at INTEGER,\n"
	  "  prev_client TEXT\n"
	  ") STRICT;\n",
	  NULL, 0 },

	/* 9 — the Regulation's time limits at every step (docs/lifecycle.md). On an event: the date
	 * or period it sets (补正 period, consultation answer, delayed reply) and its length in
	 * working days, the party consulted and which consultation is answered, the fee method
	 * and quantity (109号), the reason a late step was accepted, the warning recorded with it,
	 * and the other organ or party it names. On an application: the day it arrived, before its
	 * receipt was confirmed (条例第三十一条). On the organ: its readings of what the law leaves
	 * open (NULL = the default, domain/organ_rules.h). */
	{ "lifecycle",
	  "ALTER TABLE app_event ADD COLUMN due TEXT;\n"
	  "ALTER TABLE app_event ADD COLUMN days INTEGER;\n"
	  "ALTER TABLE app_event ADD COLUMN party TEXT "
	  "CHECK (party IS NULL OR party IN ('third-party', 'organ'));\n"
	  "ALTER TABLE app_event ADD COLUMN ref INTEGER;\n"
	  "ALTER TABLE app_event ADD COLUMN method TEXT "
	  "CHECK (method IS NULL OR method IN ('by-count', 'by-pages'));\n"
	  "ALTER TABLE app_event ADD COLUMN quantity INTEGER;\n"
	  "ALTER TABLE app_event ADD COLUMN late_reason TEXT;\n"
	  "ALTER TABLE app_event ADD COLUMN warning TEXT;\n"
	  "ALTER TABLE app_event ADD COLUMN counterpart TEXT;\n"
	  "ALTER TABLE app_event ADD COLUMN counterpart_contact TEXT;\n"
	  "ALTER TABLE application ADD COLUMN submitted TEXT;\n"
	  "ALTER TABLE agency_profile ADD COLUMN correction_period TEXT;\n"
	  "ALTER TABLE agency_profile ADD COLUMN consult_cap TEXT "
	  "CHECK (consult_cap IS NULL OR consult_cap IN ('yes', 'no'));\n"
	  "ALTER TABLE agency_profile ADD COLUMN confirm_days TEXT;\n"
	  "ALTER TABLE agency_profile ADD COLUMN review_body TEXT;\n"
	  "ALTER TABLE agency_profile ADD COLUMN report_due TEXT;\n",
	  NULL, 0 },

	/* 10 — identification (GB/T 22239-2019 8.1.4.1): the roles of 三员分立 (security and
	 * audit administrators beside the system administrator: app_user is rebuilt, SQLite
	 * cannot widen a CHECK in place), each account's past password hashes (no reuse of the last
	 * five; the newest's time is when the password was last changed) and its second factor
	 * (a TOTP secret, confirmed or pending, and the last step used, against replay). */
	{ "identification", IDENT_SQLITE_ROLES IDENT_HISTORY IDENT_SQLITE_BACKFILL IDENT_TOTP,
	  IDENT_PG_ROLES IDENT_HISTORY IDENT_PG_BACKFILL IDENT_TOTP, 0 },

	/* 11 — search at a platform's size (docs/search.md). The index's rowid is a search key that
	 * sorts as results are shown and carries everything results are filtered and counted by,
	 * so that counting ten thousand matches reads nothing but the index:
	 *   bit 62      1 for a published document
	 *   bits 45–61  the day of its 发布日期 (成文日期 or creation when unpublished), from
	 *               1900-01-01
	 *   bits 31–44  the organ's id (below 16,384: a larger platform is PostgreSQL's)
	 *   bits 23–30  its 主题分类 (search_topic code, 0 = none)
	 *   bits 18–22  its 体裁 (search_genre code)
	 *   bits 16–17  有效性: 0 valid, 1 expired, 2 repealed
	 *   bits 0–15   a serial among documents alike in all the above (added later, greater)
	 * so "visible today, newest first" is a range read backwards and a year is a range.
	 * search_source is THE definition of what is indexed (withdrawn documents are not) and of
	 * the key's upper bits; search_doc maps each indexed document to its key; search_span
	 * counts indexed documents per 32 days of key (to estimate totals past the counting
	 * limit). The FTS5 table is contentless (the text stays in document and
	 * document_attachment). Triggers keep it in step: before a document or its attachments
	 * change, its entry is deleted with the values it was indexed with; after, added again
	 * (through the view search_request). Attachments keep the text extracted from them (PDF
	 * pages separated by form feeds) and whether that worked. */
	{ "search", SEARCH_SQLITE_DROP SEARCH_ATTACHMENT_TEXT SEARCH_SQLITE_INDEX,
	  SEARCH_ATTACHMENT_TEXT SEARCH_PG_INDEX, 0 },

	/* 12 — which failed sign-ins a sign-in came after: the last signin_failure id when it was
	 * made, so the failures "since the previous sign-in" are told apart from those before it
	 * even in the very second of that sign-in (domain/signin.h). */
	{ "signin_mark",
	  "ALTER TABLE signin_last ADD COLUMN mark INTEGER NOT NULL DEFAULT 0;\n"
	  "ALTER TABLE signin_last ADD COLUMN prev_mark INTEGER NOT NULL DEFAULT 0;\n",
	  NULL, 0 },

	/* 13 — files the applicant sends with a correction online (/track): kept with the
	 * application and the event they came with, their SHA-256 and type checked on the way in. */
	{ "app_file",
	  "CREATE TABLE app_file (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  app_id INTEGER NOT NULL REFERENCES application (id),\n"
	  "  event_id INTEGER REFERENCES app_event (id),\n"
	  "  name TEXT NOT NULL,\n"
	  "  mime TEXT NOT NULL,\n"
	  "  size INTEGER NOT NULL,\n"
	  "  sha256 TEXT NOT NULL,\n"
	  "  data BLOB NOT NULL,\n"
	  "  created_at TEXT NOT NULL\n"
	  ") STRICT;\n"
	  "CREATE INDEX app_file_app ON app_file (app_id, id);\n",
	  NULL, 0 },

	/* 14 — how and where an organ's fees are paid, printed in its 收费通知书 (国办函〔2020〕109号). */
	{ "fee_account", "ALTER TABLE agency_profile ADD COLUMN fee_account TEXT;\n", NULL, 0 },

	/* 15 — what the web processes of one database share (docs/platform.md): the counters of
	 * the public forms' rate limits, one row per form and client address in its current
	 * fixed window, and the secrets made once for the whole database (the key that signs
	 * the anonymous forms' CSRF tokens and the applicants' /track cookies). */
	{ "web_shared",
	  "CREATE TABLE rate_count (\n"
	  "  key TEXT PRIMARY KEY,\n"
	  "  window_start INTEGER NOT NULL,\n"
	  "  n INTEGER NOT NULL\n"
	  ") STRICT;\n"
	  "CREATE INDEX rate_count_window ON rate_count (window_start);\n"
	  "CREATE TABLE web_secret (\n"
	  "  name TEXT PRIMARY KEY,\n"
	  "  value TEXT NOT NULL,\n"
	  "  created_at TEXT NOT NULL\n"
	  ") STRICT;\n",
	  NULL, 0 },

	/* 16 — the notices issued for applications: each with the organ's reference number
	 * (a per-organ pattern, agency_profile.notice_ref, such as 慈政信复〔{year}〕{n}号, and a
	 * serial per organ and year,
	 * handed out once and never again: notice_serial), the version of the wording it was
	 * issued in and that wording itself (NULL: the wording shipped with gongkai), so that the
	 * notice reads the same when downloaded again after the template changed; the folder of an
	 * organ's own notice templates (agency_profile.notice_templates). */
	{ "app_notice",
	  "CREATE TABLE notice_serial (\n"
	  "  agency_id INTEGER NOT NULL REFERENCES agency (id),\n"
	  "  year INTEGER NOT NULL,\n"
	  "  last INTEGER NOT NULL,\n"
	  "  PRIMARY KEY (agency_id, year)\n"
	  ") STRICT;\n"
	  "CREATE TABLE app_notice (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  app_id INTEGER NOT NULL REFERENCES application (id),\n"
	  "  notice TEXT NOT NULL,\n"
	  "  agency_id INTEGER NOT NULL REFERENCES agency (id),\n"
	  "  year INTEGER NOT NULL,\n"
	  "  serial INTEGER NOT NULL,\n"
	  "  ref_number TEXT NOT NULL,\n"
	  "  version TEXT NOT NULL,\n"
	  "  wording TEXT,\n"
	  "  issued_on TEXT NOT NULL,\n"
	  "  issued_by TEXT NOT NULL,\n"
	  "  created_at TEXT NOT NULL,\n"
	  "  UNIQUE (app_id, notice),\n"
	  "  UNIQUE (agency_id, year, serial),\n"
	  "  UNIQUE (agency_id, ref_number)\n"
	  ") STRICT;\n"
	  "ALTER TABLE agency_profile ADD COLUMN notice_ref TEXT;\n"
	  "ALTER TABLE agency_profile ADD COLUMN notice_templates TEXT;\n",
	  NULL, 0 },

	/* 17 — the events of a kind in a period (the fees of a year: 收费通知 sent, fees paid)
	 * found without reading every event of the ledger (a region's report, docs/platform.md). */
	{ "app_event_kind", "CREATE INDEX app_event_kind ON app_event (kind, date);\n", NULL, 0 },

	/* 18 — an attachment with no text (none read, empty, or broken) leaves the search index
	 * alone: it adds nothing to what search_source indexes, so deleting the document's entry
	 * (FTS5 tokenizes its text again to delete it) and adding it again was wasted work — a
	 * fifth of the indexing time of a catalogue where one document in six has a file. An
	 * attachment changed from or to text, or moved to another document, still re-indexes.
	 * PostgreSQL's index is kept by gongkai (doc_store.c follows the same rule). */
	{ "search_attachment_text",
	  "DROP TRIGGER search_attachment_before;\n"
	  "DROP TRIGGER search_attachment_after;\n"
	  "DROP TRIGGER search_attachment_change;\n"
	  "DROP TRIGGER search_attachment_changed;\n"
	  "CREATE TRIGGER search_attachment_before BEFORE INSERT ON document_attachment\n"
	  "  WHEN new.text_state = 'ok' BEGIN\n"
	  "  DELETE FROM search_doc WHERE doc_id = new.doc_id;\n"
	  "END;\n"
	  "CREATE TRIGGER search_attachment_after AFTER INSERT ON document_attachment\n"
	  "  WHEN new.text_state = 'ok' BEGIN\n"
	  "  INSERT INTO search_request (doc_id) VALUES (new.doc_id);\n"
	  "END;\n"
	  "CREATE TRIGGER search_attachment_change BEFORE UPDATE ON document_attachment\n"
	  "  WHEN old.text_state = 'ok' OR new.text_state = 'ok' OR old.doc_id <> new.doc_id BEGIN\n"
	  "  DELETE FROM search_doc WHERE doc_id = old.doc_id;\n"
	  "END;\n"
	  "CREATE TRIGGER search_attachment_changed AFTER UPDATE ON document_attachment\n"
	  "  WHEN old.text_state = 'ok' OR new.text_state = 'ok' OR old.doc_id <> new.doc_id BEGIN\n"
	  "  INSERT INTO search_request (doc_id) VALUES (new.doc_id);\n"
	  "END;\n",
	  "COMMENT ON TABLE search_doc IS 'the indexed documents, kept by gongkai: "
	  "an attachment without text does not re-index its document';\n", 0 },

	/* 19 — a transaction's documents enter the search index when it commits, in the order of
	 * their keys. FTS5 writes its pending tokens out as a new segment whenever a row comes with
	 * a smaller rowid than the one before, and search keys sort by date and organ, not by
	 * when a document is saved: adding many documents in one transaction (an import, a
	 * migration, a catalogue moved in) made a segment every second document and spent most of
	 * its time merging them. search_doc_add now only queues the key (search_queue); the
	 * SQLite driver adds the queued documents in key order just before COMMIT (sqlite.c,
	 * search_flush). A document changed again before the commit is only taken off the queue
	 * (it is not in the index yet), so adding a file to a document saved in the same
	 * transaction no longer tokenizes its text a second time to delete it. PostgreSQL's
	 * index is kept by gongkai (doc_store.c) and has no such queue. */
	{ "search_queue",
	  "CREATE TABLE search_queue (\n"
	  "  key INTEGER PRIMARY KEY\n"
	  ") STRICT;\n"
	  "DROP TRIGGER search_doc_add;\n"
	  "DROP TRIGGER search_doc_remove;\n"
	  "CREATE TRIGGER search_doc_add AFTER INSERT ON search_doc BEGIN\n"
	  "  INSERT INTO search_queue (key) VALUES (new.key);\n"
	  "  INSERT INTO search_span (span, n) VALUES (new.key >> 50, 1)\n"
	  "    ON CONFLICT (span) DO UPDATE SET n = n + 1;\n"
	  "END;\n"
	  "CREATE TRIGGER search_doc_remove BEFORE DELETE ON search_doc BEGIN\n"
	  "  INSERT INTO search_fts (search_fts, rowid, title, meta, body, attach)\n"
	  "    SELECT 'delete', old.key, title, meta, body, attach FROM search_source\n"
	  "    WHERE doc_id = old.doc_id\n"
	  "    AND NOT EXISTS (SELECT 1 FROM search_queue WHERE key = old.key);\n"
	  "  DELETE FROM search_queue WHERE key = old.key;\n"
	  "  UPDATE search_span SET n = n - 1 WHERE span = old.key >> 50;\n"
	  "END;\n",
	  "COMMENT ON TABLE search_doc IS 'the indexed documents, kept by gongkai: "
	  "an attachment without text does not re-index its document; "
	  "each document indexed when it is saved';\n", 0 },

	/* 20 — the titles searched on their own. Relevance puts the documents whose title holds
	 * every term first; asking search_fts for them ({title} : …) read the whole list of each
	 * term in every column and kept the title's instances, so a word common in bodies and rare
	 * in titles cost as much as reading its every match (150 ms for 申 at 10⁶ documents, 6 ms
	 * by date). search_title holds the titles alone, under the same keys: its lists are the
	 * titles' own. Filled from the index as it stands, kept by the same trigger and flush as
	 * search_fts. PostgreSQL weighs the title in its tsvector (A) and has no second index. */
	{ "search_title",
	  "CREATE VIRTUAL TABLE search_title USING fts5 (title, content = '', tokenize = 'gongkai');\n"
	  "INSERT INTO search_title (rowid, title)\n"
	  "  SELECT d.key, src.title FROM search_doc d JOIN search_source src ON src.doc_id = d.doc_id\n"
	  "  WHERE d.key NOT IN (SELECT key FROM search_queue) ORDER BY d.key;\n"
	  "DROP TRIGGER search_doc_remove;\n"
	  SEARCH_DOC_REMOVE("old.key"),
	  "COMMENT ON TABLE search_doc IS 'the indexed documents, kept by gongkai: "
	  "an attachment without text does not re-index its document; "
	  "each document indexed when it is saved; titles weighed A in the tsvector';\n", 0 },

	/* 21 — the applications tallied by what an annual report asks of each (REQ 年报-4.5: the
	 * organ, applicant type, year received, year closed and outcome), kept by triggers as
	 * applications are added, changed or removed, so a report counts tallies, not
	 * applications: a region's year read from 10⁶ applications took 1.2 s on PostgreSQL,
	 * from their 7×10⁴ tallies it takes a few tens of ms. The year is the date's first four
	 * characters (dates are stored YYYY-MM-DD). Filled from the applications as they stand. */
	{ "app_tally", TALLY_TABLE TALLY_SQLITE, TALLY_TABLE TALLY_PG, 0 },

	/* 22 — PostgreSQL's titles searched on their own, as SQLite's since 20. The title-only
	 * query of the relevance order asked search_chunk for the terms weighed A: its GIN index
	 * cannot tell weights, so every chunk holding the terms anywhere was read and rechecked
	 * (its tsvector decompressed): 4 s for 申 at 200,000 documents. search_title holds each
	 * indexed document's title lexemes under its key, with a GIN index of its own; filled from
	 * the first chunks' A lexemes, kept by gongkai (pg_search.c) and emptied with search_doc.
	 * The roles given rights on search_chunk get the same on it. SQLite has nothing to do. */
	{ "search_title_pg", "", SEARCH_TITLE_PG, 0 },

	/* 23 — SQLite's search indexes read forwards. A search wants the newest matches first,
	 * and FTS5 reads a term's list backwards 1.2–1.5 times slower than forwards (it walks each
	 * leaf page to find the rowids it then steps back through). search_fts and search_title
	 * now hold each document under its search key negated (-key): the newest document has
	 * the smallest rowid, and ORDER BY rowid reads forwards. The key itself is unchanged
	 * (search_doc, search_queue, search_span, PostgreSQL); sqlite_search.c negates it back,
	 * and the queue is added in descending key order (sqlite.c, search_flush), ascending
	 * rowids. Both indexes are written again from the documents (3.5 minutes at 200,000
	 * documents, 39 at 10⁶, on 2 cores; docs/deploy.md "Upgrading"; SEARCH_WRITE_AGAIN).
	 * PostgreSQL has nothing to do. */
	{ "search_forward",
	  SEARCH_WRITE_AGAIN("-d.key", "-old.key", "d.key DESC"),
	  "", 0 },

	/* 24 — SQLite's search indexes under positions, not keys. FTS5 keeps each document of a
	 * word's list as the difference from the one before; under the search key (day at bit
	 * 45, organ at bit 31, …) those differences took 5–7 bytes where positions that only
	 * follow the day take 1–3: at 200,000 documents the index was 3,345 MB under the keys
	 * and 2,360 under 1, 2, 3, …, written 1.21 times faster, and counting the newest matches
	 * of several words 1.4 times faster (docs/search.md, "What the search key costs"). Each
	 * indexed document now also has a position in search_doc.pos:
	 *   bit 37      1 for a published document (as the key's bit 62)
	 *   bits 20–36  the key's day
	 *   bits 0–19   a serial among the documents of that day (added later, greater)
	 * so positions sort as keys do, day by day, and the indexes hold each document under its
	 * position negated (newest first, reading forwards, as since "search_forward"). The key
	 * keeps everything else results are filtered and counted by; each connection holds
	 * search_doc's positions and keys in memory (store/sqlite_keymap.c), follows the changes
	 * search_change lists (a position added with its key, or taken out: key NULL; the last
	 * 65,536 kept, pruned at each commit), and the search's statement asks gk_key(position)
	 * for the key.
	 * Both indexes are written again from the documents (SEARCH_WRITE_AGAIN: 30 minutes at
	 * 10⁶ documents on 2 cores). PostgreSQL has nothing to do: its key has a column. */
	{ "search_pos",
	  "ALTER TABLE search_doc ADD COLUMN pos INTEGER;\n"
	  "UPDATE search_doc SET pos = x.p FROM (SELECT key AS k,\n"
	  "  (((key >> 62) << 37) | (((key >> 45) & 131071) << 20))\n"
	  "  + row_number() OVER (PARTITION BY key >> 45 ORDER BY key) - 1 AS p FROM search_doc) x\n"
	  "  WHERE search_doc.key = x.k;\n"
	  "CREATE UNIQUE INDEX search_doc_pos ON search_doc (pos);\n"
	  "CREATE TABLE search_change (\n"
	  "  n INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	  "  pos INTEGER NOT NULL,\n"
	  "  key INTEGER\n"
	  ") STRICT;\n"
	  "CREATE TRIGGER search_change_add AFTER INSERT ON search_doc BEGIN\n"
	  "  INSERT INTO search_change (pos, key) VALUES (new.pos, new.key);\n"
	  "END;\n"
	  "CREATE TRIGGER search_change_remove AFTER DELETE ON search_doc BEGIN\n"
	  "  INSERT INTO search_change (pos, key) VALUES (old.pos, NULL);\n"
	  "END;\n"
	  "DROP TRIGGER search_request_add;\n"
	  "CREATE TRIGGER search_request_add INSTEAD OF INSERT ON search_request BEGIN\n"
	  SEARCH_REQUEST_CODES
	  "  SELECT RAISE(ABORT, 'search index: more than 1048576 documents on one day')\n"
	  "    FROM search_source s WHERE s.doc_id = new.doc_id\n"
	  "    AND EXISTS (SELECT 1 FROM search_doc WHERE pos = (((s.base >> 62) << 37)\n"
	  "      | (((s.base >> 45) & 131071) << 20)) + 1048575);\n"
	  "  INSERT INTO search_doc (key, doc_id, agency_id, pos)\n"
	  "    SELECT coalesce((SELECT max(key) + 1 FROM search_doc\n"
	  "      WHERE key BETWEEN s.base AND s.base + 65535), s.base), s.doc_id, s.agency_id,\n"
	  "      coalesce((SELECT max(pos) + 1 FROM search_doc WHERE pos BETWEEN s.day\n"
	  "        AND s.day + 1048575), s.day)\n"
	  "    FROM (SELECT doc_id, agency_id, base,\n"
	  "      ((base >> 62) << 37) | (((base >> 45) & 131071) << 20) AS day\n"
	  "      FROM search_source WHERE doc_id = new.doc_id) s;\n"
	  "END;\n"
	  SEARCH_WRITE_AGAIN("-d.pos", "-old.pos", "d.pos DESC"),
	  "", 0 },

	/* 25 — the search indexes hold the filters' words. A search filtered by organ, 主题分类,
	 * 体裁 or 有效性 tested each match's key and counted the kept ones up to 10,001: a common
	 * word under a small organ read the word's whole list (80 ms for 公开 at 10⁶ documents on
	 * SQLite, 0.97 s for a phrase, whose every match was checked first). Each document now
	 * also holds a word for each of its organ, 主题分类 (search_topic's code), 体裁
	 * (search_genre's code) and 有效性 (search_key_words, store/driver.h); a filter is those
	 * words ANDed with the terms, so the index steps through the short list and skips ahead
	 * in the long one. SQLite: a column facet of both indexes, written by gk_facets(base)
	 * (store/fts_tokenizer.c), both indexes written again from the documents
	 * (SEARCH_WRITE_AGAIN_OF; docs/deploy.md "Upgrading"). PostgreSQL: the same words with
	 * '#' before them (no text token starts so) as lexemes without positions in every chunk
	 * and title, gk_facets(key) giving them (store/pg_search.c puts them with each chunk);
	 * both tables written anew (PG_WITH_FACETS). */
	{ "search_facet",
	  "DROP VIEW search_source;\n"
	  "CREATE VIEW search_source AS SELECT src.*, gk_facets(src.base) AS facet FROM (\n"
	  SEARCH_SOURCE_SELECT ") src;\n"
	  SEARCH_WRITE_AGAIN_FACET,
	  "CREATE FUNCTION gk_facets(k BIGINT) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$\n"
	  "  SELECT array_to_tsvector(ARRAY[\n"
	  "    '#zfo' || translate(CAST((k >> 31) & 16383 AS TEXT), '0123456789', 'abcdefghij'),\n"
	  "    '#zft' || translate(CAST((k >> 23) & 255 AS TEXT), '0123456789', 'abcdefghij'),\n"
	  "    '#zfg' || translate(CAST((k >> 18) & 31 AS TEXT), '0123456789', 'abcdefghij'),\n"
	  "    '#zfv' || translate(CAST((k >> 16) & 3 AS TEXT), '0123456789', 'abcdefghij')])\n"
	  "$$;\n"
	  PG_WITH_FACETS("search_chunk", "key, part",
			 "  key BIGINT NOT NULL REFERENCES search_doc (key) ON DELETE CASCADE,\n"
			 "  part BIGINT NOT NULL,\n"
			 "  tsv tsvector NOT NULL,\n"
			 "  PRIMARY KEY (key, part)\n")
	  PG_WITH_FACETS("search_title", "key",
			 "  key BIGINT PRIMARY KEY REFERENCES search_doc (key) ON DELETE CASCADE,\n"
			 "  tsv tsvector NOT NULL\n"), 0 },

	/* 26 — a space or a line break between two Han characters no longer separates them: the
	 * bigram crosses it (search/tokenize.c, han_joins), so a name padded to the width of a
	 * longer one (王　芳), a word a printed or pasted line cuts (政府信 / 息公开) and a heading
	 * spaced out (通  知) are found. The indexes hold tokens made before: SQLite's are written
	 * again from the documents (SEARCH_WRITE_AGAIN_FACET: FTS5 removes a document by
	 * tokenizing its text again, which must give what was added); PostgreSQL's search_chunk
	 * and search_title are written again by gongkai under the same keys (pg_tokens). */
	{ "search_spaces",
	  SEARCH_WRITE_AGAIN_FACET,
	  "COMMENT ON TABLE search_chunk IS 'the indexed documents'' tokens, as tsvectors "
	  "of at most 16,300 positions (store/pg_search.c)';\n", 1 },

	/* Append new migrations here, one block per change, with a comment line like the above. */
};

const int store_migrations_n = (int)(sizeof store_migrations / sizeof store_migrations[0]);

int store_migration_number(const char *name)
{
	for (int i = 0; i < store_migrations_n; i++)
		if (strcmp(store_migrations[i].name, name) == 0)
			return i + 1;
	return 0;
}
