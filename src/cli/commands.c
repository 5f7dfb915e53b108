/*
 * commands.c — the one table of CLI commands (name, function, one-line summary).
 */
#include "cli/cli.h"
#include "cli/commands.h"

const struct cli_command cli_commands[] = {
	{ "version", cmd_version, "print the version" },
	{ "init", cmd_init, "create the database or add an organ; prints its id" },
	{ "user", cmd_user, "staff accounts: add, passwd, list" },
	{ "audit", cmd_audit, "the hash-chained audit log: verify, list" },
	{ "calendar", cmd_calendar, "print a year of the working-day calendar" },
	{ "deadline", cmd_deadline, "compute statutory deadlines with their derivation" },
	{ "serve", cmd_serve, "serve the public portal and the staff console over HTTP" },
	{ "register", cmd_register, "registers for Table 二/四: normdoc, decision, fee, case, feedback, news" },
	{ "export", cmd_export, "write an organ's whole ledger as JSON" },
	{ "import", cmd_import, "add an organ's ledger from a gongkai export file" },
	{ "app", cmd_app, "applications (依申请公开): new, event, decide, show, list" },
	{ "fee", cmd_fee, "information processing fee (109号) by count or by pages" },
	{ "report", cmd_report, "the annual report from the ledger: compute, check, texts, publish, revisions, region" },
	{ "backup", cmd_backup, "a checked copy of the database while the server runs; daily rotation" },
	{ "restore", cmd_restore, "replace the database with a checked backup" },
	{ "migrate", cmd_migrate, "move everything into an empty database (SQLite ↔ PostgreSQL), checked" },
	{ "demo", cmd_demo, "fill a database with demo data (make demo)" },
	{ "check", cmd_check, "read published annual reports and say what is wrong with them" },
	{ "doc", cmd_doc, "the catalogue (主动公开): add, review (三审), publish, list documents" },
	{ "search", cmd_search, "full-text search of the catalogue (Chinese, 1-character queries too)" },
	{ "guide", cmd_guide, "the 政府信息公开指南 of an organ (guide set: its settings)" },
	{ "feed", cmd_feed, "Atom feed of new publications, per organ or for the platform" },
	{ NULL, NULL, NULL },
};
