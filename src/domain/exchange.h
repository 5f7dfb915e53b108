/*
 * exchange.h — moving an organ's whole ledger between databases as one JSON document.
 *
 * `gongkai export` writes the organ (name, code, level, parent by name), its staff accounts
 * (without password hashes: an export file travels, and a hash can be attacked offline —
 * imported accounts must be given a password before they can log in), its applications with
 * every event, its catalogue, every register entry, the texts of its annual reports and every
 * published revision of them (exchange_reports.h). Keys come in a fixed order and there are no row ids
 * (links go by tracking code), so export → import into an empty database → export gives the
 * same bytes. The audit log is not exported: it belongs to the database, and the import
 * writes its own audit entries ("import") in the receiving database.
 *
 * `gongkai import` reads such a document, checks every record first (the error names the
 * record and field: "applications[3].received: not a date"), then stores all of it in the
 * caller's write transaction — a bad record means nothing is stored. The organ must not
 * exist yet in the receiving database.
 * May call store/, text/, base/, domain/ (agency, user, audit, registers).
 */
#ifndef GK_DOMAIN_EXCHANGE_H
#define GK_DOMAIN_EXCHANGE_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/err.h"
#include "store/store.h"

#define EXCHANGE_FORMAT "gongkai-ledger"
#define EXCHANGE_VERSION 1

/* Append the ledger of organ agency_id to out as pretty-printed JSON (inside a read or write
 * transaction of the caller). */
int exchange_export(struct store *s, int64_t agency_id, struct buf *out, struct gk_error *e) GK_WUR;

struct exchange_counts {
	int64_t agency_id;      /* the new organ's id */
	size_t users, applications, events, registers, documents, report_texts, report_publications;
	char parent_missing[256];     /* the parent organ named in the file but absent here, or "" */
};

/* Import text[0..len) (label names it in errors). On success *counts says what was stored. */
int exchange_import(struct store *s, const char *text, size_t len, const char *label,
		    struct exchange_counts *counts, struct gk_error *e) GK_WUR;

#endif
