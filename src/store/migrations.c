/*
 * migrations.c — THE ordered list of schema migrations (SQLite dialect).
 *
 * Append only: a migration that has landed on main is never edited or reordered, because
 * databases in the field already carry it. To change a table, append a new migration
 * (ALTER TABLE … / create-copy-rename). Version = position in this list (1-based).
 * Conventions: STRICT tables; INTEGER PRIMARY KEY ids; dates as TEXT 'YYYY-MM-DD';
 * timestamps as TEXT 'YYYY-MM-DDTHH:MM:SSZ' (UTC); money as INTEGER 分; enumerations as
 * TEXT with a CHECK listing the ids of the domain table; table names that are not SQL
 * keywords in PostgreSQL either ("app_user", not "user"). See docs/store.md.
 */
#include "store/migrations.h"

const struct migration store_migrations[] = {
	/* 1 — organs, users, the audit log. */
	{ "core",
	  "CREATE TABLE schema_migration (\n"
	  "  version INTEGER PRIMARY KEY,\n"
	  "  name TEXT NOT NULL UNIQUE,\n"
	  "  applied_at TEXT NOT NULL\n"
	  ") STRICT;\n"
	  "CREATE TABLE agency (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  name TEXT NOT NULL UNIQUE,\n"
	  "  code TEXT UNIQUE,\n"
	  "  level TEXT NOT NULL CHECK (level IN ('township', 'county-dept', 'county', "
	  "'city-dept', 'city', 'province-dept', 'province', 'ministry')),\n"
	  "  parent_id INTEGER REFERENCES agency (id),\n"
	  "  created_at TEXT NOT NULL\n"
	  ") STRICT;\n"
	  "CREATE TABLE app_user (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  name TEXT NOT NULL UNIQUE,\n"
	  "  display_name TEXT NOT NULL,\n"
	  "  role TEXT NOT NULL CHECK (role IN ('officer', 'reviewer', 'leader', 'admin', "
	  "'supervisor')),\n"
	  "  agency_id INTEGER REFERENCES agency (id),\n"
	  "  password_hash TEXT,\n"
	  "  created_at TEXT NOT NULL\n"
	  ") STRICT;\n"
	  "CREATE TABLE audit_event (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  at TEXT NOT NULL,\n"
	  "  actor TEXT NOT NULL,\n"
	  "  agency_id INTEGER,\n"
	  "  entity TEXT NOT NULL,\n"
	  "  entity_id INTEGER,\n"
	  "  action TEXT NOT NULL,\n"
	  "  content TEXT NOT NULL,\n"
	  "  prev_hash TEXT NOT NULL,\n"
	  "  hash TEXT NOT NULL\n"
	  ") STRICT;\n"
	  "CREATE INDEX audit_event_entity ON audit_event (entity, entity_id);\n"
	  /* Append-only: refuse UPDATE and DELETE (the hash chain catches tampering around it). */
	  "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event\n"
	  "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;\n"
	  "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event\n"
	  "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;\n" },

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
	  "CREATE INDEX app_event_app ON app_event (app_id, id);\n" },

	/* Append new migrations here, one block per change, with a comment line like the above. */
};

const int store_migrations_n = (int)(sizeof store_migrations / sizeof store_migrations[0]);
