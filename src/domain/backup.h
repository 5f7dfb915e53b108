/*
 * backup.h — backups an office can trust: a consistent copy of the whole database taken
 * while the server keeps running, checked before it is kept; a restore that refuses a damaged
 * copy or one written by a newer gongkai; daily copies kept 7 days and 4 weeks.
 *
 * A copy counts as sound when it opens as a gongkai database (schema not newer than this
 * program; an older one is upgraded on a scratch copy first), its structure passes the
 * store's check (SQLite integrity_check, foreign_key_check) and its audit log's hash chain
 * verifies from the first entry to the last (audit.h): nothing was lost or altered.
 * The copies themselves are made by the store (store_copy: SQLite's online backup).
 * May call store/, domain/audit, text/date, base/.
 */
#ifndef GK_DOMAIN_BACKUP_H
#define GK_DOMAIN_BACKUP_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

struct backup_info {
	int schema;              /* schema version of the copy (after an upgrade, the current one) */
	int schema_was;          /* … and as it was written */
	int64_t audit_entries;   /* entries of the audit log, all verified */
	int64_t head_id;         /* its last entry and that entry's hash */
	char head[65];
};

/* Write a copy of the database at db to dest and check it (above). dest must not exist unless
 * replace; it appears only once the copy is sound (written as dest.partial, then renamed), so
 * a failed or interrupted backup never leaves a file that looks like a backup.
 * Errors: ERR_CONFLICT dest exists, ERR_DB the copy is not sound (message says why), ERR_IO. */
int backup_take(const char *db, const char *dest, int replace, struct backup_info *out,
		struct gk_error *e) GK_WUR;

/* Check the backup at file without changing it (the checks run on a scratch copy beside it). */
int backup_verify(const char *file, struct backup_info *out, struct gk_error *e) GK_WUR;

/* Replace the content of the database at db (created when missing) with the backup at file,
 * after checking the backup as above: a damaged copy or one of a newer schema is refused and
 * db is left as it was. The database as it was before is first copied to
 * db.before-restore-YYYYMMDD-HHMMSS (its name into saved, "" when db did not exist), so a
 * restore can itself be undone. */
int backup_restore(const char *file, const char *db, char *saved, size_t saved_len,
		   struct backup_info *out, struct gk_error *e) GK_WUR;

/* Rotation. dates[0..n) are the days of the daily backups, newest first, no two equal.
 * keep[i] is set to 1 for the ones to keep: the keep_daily newest, and then the newest of each
 * of the keep_weekly most recent weeks (Monday to Sunday) that hold none of those: 7 daily and
 * 4 weekly backups reach a month back. */
void backup_choose(const int *dates, size_t n, int keep_daily, int keep_weekly, unsigned char *keep);

/* The name of the daily backup of day in dir: dir/gongkai-YYYY-MM-DD.db (into out). */
void backup_daily_name(const char *dir, int day, char *out, size_t len);

/* Called for each daily backup removed by backup_rotate. */
typedef void (*backup_removed_fn)(void *ctx, const char *path);

/* Apply backup_choose to the files gongkai-YYYY-MM-DD.db of dir (nothing else is touched):
 * remove those not kept. */
int backup_rotate(const char *dir, int keep_daily, int keep_weekly, backup_removed_fn fn, void *ctx,
		  struct gk_error *e) GK_WUR;

#endif
