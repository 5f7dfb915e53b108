/*
 * transfer.c — copy every table of one store into another (implements store/transfer.h),
 * written once against store/db.h: each table has a read and a write statement (ST_COPY_*,
 * portable: store/sql_common.c) naming the table's columns in the same order, as many as the
 * read's rows have; values are carried with their storage class (NULL, integer, text, blob).
 * May call base/, store/db.h.
 */
#include "store/transfer.h"

#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "store/driver.h"

struct table {
	const char *name;
	enum stmt_id read, write;
};

/* In an order that meets every reference (organs before what names them, …). Not copied:
 * schema_migration (the destination has its own), the search index (search_*: rebuilt), the
 * tally of applications (app_tally, and PostgreSQL's app_tally_pending, empty outside a
 * transaction: the destination's triggers count the applications copied) and what the web
 * processes share (rate_count, web_secret: the destination keeps its own). */
static const struct table tables[] = {
	{ "agency", ST_COPY_AGENCY_READ, ST_COPY_AGENCY_WRITE },
	{ "app_user", ST_COPY_APP_USER_READ, ST_COPY_APP_USER_WRITE },
	{ "audit_event", ST_COPY_AUDIT_EVENT_READ, ST_COPY_AUDIT_EVENT_WRITE },
	{ "application", ST_COPY_APPLICATION_READ, ST_COPY_APPLICATION_WRITE },
	{ "app_event", ST_COPY_APP_EVENT_READ, ST_COPY_APP_EVENT_WRITE },
	{ "app_file", ST_COPY_APP_FILE_READ, ST_COPY_APP_FILE_WRITE },
	{ "notice_serial", ST_COPY_NOTICE_SERIAL_READ, ST_COPY_NOTICE_SERIAL_WRITE },
	{ "app_notice", ST_COPY_APP_NOTICE_READ, ST_COPY_APP_NOTICE_WRITE },
	{ "reg_normdoc", ST_COPY_REG_NORMDOC_READ, ST_COPY_REG_NORMDOC_WRITE },
	{ "reg_decision", ST_COPY_REG_DECISION_READ, ST_COPY_REG_DECISION_WRITE },
	{ "reg_fee", ST_COPY_REG_FEE_READ, ST_COPY_REG_FEE_WRITE },
	{ "reg_case", ST_COPY_REG_CASE_READ, ST_COPY_REG_CASE_WRITE },
	{ "reg_feedback", ST_COPY_REG_FEEDBACK_READ, ST_COPY_REG_FEEDBACK_WRITE },
	{ "reg_news", ST_COPY_REG_NEWS_READ, ST_COPY_REG_NEWS_WRITE },
	{ "report_text", ST_COPY_REPORT_TEXT_READ, ST_COPY_REPORT_TEXT_WRITE },
	{ "report_publication", ST_COPY_REPORT_PUBLICATION_READ, ST_COPY_REPORT_PUBLICATION_WRITE },
	{ "report_pub_section", ST_COPY_REPORT_PUB_SECTION_READ, ST_COPY_REPORT_PUB_SECTION_WRITE },
	{ "report_artifact", ST_COPY_REPORT_ARTIFACT_READ, ST_COPY_REPORT_ARTIFACT_WRITE },
	{ "agency_profile", ST_COPY_AGENCY_PROFILE_READ, ST_COPY_AGENCY_PROFILE_WRITE },
	{ "document_serial", ST_COPY_DOCUMENT_SERIAL_READ, ST_COPY_DOCUMENT_SERIAL_WRITE },
	{ "document", ST_COPY_DOCUMENT_READ, ST_COPY_DOCUMENT_WRITE },
	{ "document_attachment", ST_COPY_DOCUMENT_ATTACHMENT_READ, ST_COPY_DOCUMENT_ATTACHMENT_WRITE },
	{ "document_event", ST_COPY_DOCUMENT_EVENT_READ, ST_COPY_DOCUMENT_EVENT_WRITE },
	{ "staff_session", ST_COPY_STAFF_SESSION_READ, ST_COPY_STAFF_SESSION_WRITE },
	{ "signin_failure", ST_COPY_SIGNIN_FAILURE_READ, ST_COPY_SIGNIN_FAILURE_WRITE },
	{ "signin_last", ST_COPY_SIGNIN_LAST_READ, ST_COPY_SIGNIN_LAST_WRITE },
	{ "password_history", ST_COPY_PASSWORD_HISTORY_READ, ST_COPY_PASSWORD_HISTORY_WRITE },
	{ "user_totp", ST_COPY_USER_TOTP_READ, ST_COPY_USER_TOTP_WRITE },
};

int store_transfer_skips(const char *table)
{
	static const char *const own[] = { "schema_migration", "app_tally", "app_tally_pending",
					   "rate_count", "web_secret" };

	if (strncmp(table, "search_", 7) == 0)
		return 1;
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
		if (strcmp(table, own[i]) == 0)
			return 1;
	return 0;
}

int store_transfer_tables(void)
{
	return (int)(sizeof tables / sizeof tables[0]);
}

const char *store_transfer_table(int i, enum stmt_id *read)
{
	*read = tables[i].read;
	return tables[i].name;
}

/* The current row of r into the parameters of w (the write names the read's columns). */
static void carry(struct db_stmt *r, struct db_stmt *w)
{
	for (int c = 0, ncols = db_col_count(r); c < ncols; c++) {
		size_t len;
		const void *p;

		switch (db_col_type(r, c)) {
		case DB_NULL:
			db_bind_text(w, c + 1, NULL);
			break;
		case DB_INT:
			db_bind_int(w, c + 1, db_col_int(r, c));
			break;
		case DB_BLOB:
			p = db_col_blob(r, c, &len);
			db_bind_blob(w, c + 1, p, len);
			break;
		default:
			db_bind_text(w, c + 1, db_col_text(r, c));
			break;
		}
	}
}

static int copy_table(struct store *from, struct store *to, const struct table *t, int64_t *rows,
		      struct gk_error *e)
{
	struct db_stmt *r, *w;
	int rc, row;
	char what[96];

	*rows = 0;
	snprintf(what, sizeof what, "copying table %s", t->name);
	if ((rc = db_stmt(from, t->read, &r, e)) != 0)
		return rc;
	while ((rc = db_next(from, r, &row, what, e)) == 0 && row) {
		if ((rc = db_stmt(to, t->write, &w, e)) != 0)
			break;
		carry(r, w);
		if ((rc = db_exec(to, w, what, e)) != 0)
			break;
		++*rows;
	}
	if (rc != 0)
		db_reset(r);
	return rc;
}

int store_transfer(struct store *from, struct store *to, transfer_fn fn, void *ctx,
		   struct gk_error *e)
{
	struct db_stmt *st;
	int rc, row;

	if ((rc = db_stmt(to, ST_AGENCY_COUNT, &st, e)) != 0 ||
	    (rc = db_next(to, st, &row, "reading the destination", e)) != 0)
		return rc;
	if (row && db_col_int(st, 0) > 0) {
		db_reset(st);
		return err_set(e, ERR_STATE, "--to", "the destination already holds organs: gongkai "
			       "migrate fills an empty database only");
	}
	if (row)
		db_reset(st);
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		int64_t rows;
		if ((rc = copy_table(from, to, &tables[i], &rows, e)) != 0)
			return rc;
		if (fn)
			fn(ctx, tables[i].name, rows);
	}
	return to->drv->loaded ? to->drv->loaded(to, e) : 0;
}
