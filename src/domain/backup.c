/*
 * backup.c — taking, checking, restoring and rotating backups (see backup.h).
 * May call store/, domain/audit, text/date, base/.
 */
#include "domain/backup.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/mem.h"
#include "domain/audit.h"
#include "store/store.h"
#include "text/date.h"

#define BACKUP_MAX_FILES 4096  /* daily backups looked at in one folder */

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* A database file and the -wal / -shm files SQLite may leave beside it. */
static void remove_db(const char *path)
{
	char side[4096];

	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

/* fsync a file, then the folder holding it, so that a rename survives a power cut. */
static int sync_path(const char *path, int folder)
{
	char dir[4096];
	const char *slash = strrchr(path, '/');
	int fd, rc = 0;

	if ((fd = open(path, O_RDONLY)) < 0)
		return -1;
	rc |= fsync(fd);
	close(fd);
	if (!folder)
		return rc;
	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path == 0 ? 1 : slash - path), path);
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY)) >= 0) {
		fsync(fd);
		close(fd);
	}
	return rc;
}

/* The checks of backup.h on the copy at path, which may be changed (upgraded). */
static int check_copy(const char *path, struct backup_info *out, struct gk_error *e)
{
	struct audit_verify_result res;
	struct store *s = NULL;
	int have, known, rc;

	memset(out, 0, sizeof *out);
	if ((rc = store_open(path, STORE_READONLY, &s, e)) != 0) {
		/* an older schema cannot be opened read-only: open it to upgrade it (the newer one
		 * is refused either way, untouched) */
		memset(e, 0, sizeof *e);
		if ((rc = store_open(path, 0, &s, e)) != 0)
			goto out;
		out->schema_was = -1;
	}
	store_schema_version(s, &have, &known);
	out->schema = have;
	if (out->schema_was == 0)
		out->schema_was = have;
	if ((rc = store_check(s, e)) != 0 || (rc = store_begin_read(s, e)) != 0)
		goto out;
	if ((rc = audit_verify(s, &res, e)) != 0)
		goto out;
	if (res.bad_id) {
		rc = err_set(e, ERR_DB, "FILE", "副本的审计日志在第 %lld 条断开：%s",
			     (long long)res.bad_id, res.reason);
		goto out;
	}
	out->audit_entries = res.checked;
	out->head_id = res.head_id;
	memcpy(out->head, res.head, sizeof out->head);
out:
	store_close(s);
	return rc;
}

/* ERR_INVALID when db is a database server: a backup is a copy of a SQLite file. */
static int file_database(const char *db, struct gk_error *e)
{
	if (!store_is_server(db))
		return 0;
	return err_set(e, ERR_INVALID, "db", "gongkai backup 与 restore 复制 SQLite 数据库文件；"
		       "PostgreSQL 数据库用它自己的工具备份与恢复（pg_dump 与 pg_restore、"
		       "pg_basebackup，见 docs/platform.md）");
}

int backup_take(const char *db, const char *dest, int replace, struct backup_info *out,
		struct gk_error *e)
{
	char *tmp = xasprintf("%s.partial", dest);
	int rc;

	if ((rc = file_database(db, e)) != 0)
		goto out;
	if (!exists(db)) {
		rc = err_set(e, ERR_NOTFOUND, "db", "%s 处没有数据库", db);
		goto out;
	}
	if (!replace && exists(dest)) {
		rc = err_set(e, ERR_CONFLICT, "FILE", "%s 已存在；请另取一个文件名（备份从不覆盖"
			     "已有的文件）", dest);
		goto out;
	}
	remove_db(tmp);
	if ((rc = store_copy(db, tmp, e)) != 0 || (rc = check_copy(tmp, out, e)) != 0)
		goto fail;
	if (sync_path(tmp, 0) != 0 || rename(tmp, dest) != 0) {
		rc = err_set(e, ERR_IO, "FILE", "不能写入 %s：%s", dest, strerror(errno));
		goto fail;
	}
	sync_path(dest, 1);
	remove_db(tmp);  /* only the -wal / -shm a check may have left */
	goto out;
fail:
	remove_db(tmp);
out:
	free(tmp);
	return rc;
}

/* A scratch copy of file beside other (tmp name into *tmp, freed by the caller), checked. */
static int scratch_check(const char *file, const char *beside, char **tmp, struct backup_info *out,
			 struct gk_error *e)
{
	int rc;

	*tmp = xasprintf("%s.restoring", beside);
	remove_db(*tmp);
	if ((rc = store_copy(file, *tmp, e)) == 0)
		rc = check_copy(*tmp, out, e);
	if (rc != 0 && e->code == ERR_DB) {
		char why[sizeof e->msg];
		snprintf(why, sizeof why, "%s", e->msg);
		rc = err_set(e, rc, "FILE", "拒绝：%s 不是完好的 gongkai 备份：%s", file, why);
	}
	return rc;
}

int backup_verify(const char *file, struct backup_info *out, struct gk_error *e)
{
	char *tmp = NULL;
	int rc = scratch_check(file, file, &tmp, out, e);

	remove_db(tmp);
	free(tmp);
	return rc;
}

int backup_restore(const char *file, const char *db, char *saved, size_t saved_len,
		   struct backup_info *out, struct gk_error *e)
{
	char *tmp = NULL;
	int rc;

	saved[0] = '\0';
	if ((rc = file_database(db, e)) != 0 || (rc = scratch_check(file, db, &tmp, out, e)) != 0)
		goto out;
	if (exists(db)) {
		time_t now = time(NULL) + DATE_BEIJING_OFFSET;  /* a name people read: Beijing time */
		struct tm tm;
		char stamp[32];

		gmtime_r(&now, &tm);
		strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
		snprintf(saved, saved_len, "%s.before-restore-%s", db, stamp);
		if ((rc = store_copy(db, saved, e)) != 0) {
			saved[0] = '\0';
			goto out;
		}
	}
	rc = store_copy(tmp, db, e);
out:
	remove_db(tmp);
	free(tmp);
	return rc;
}

void backup_daily_name(const char *dir, int day, char *out, size_t len)
{
	char d[DATE_LEN];

	snprintf(out, len, "%s/gongkai-%s.db", dir, date_format(day, d));
}

void backup_choose(const int *dates, size_t n, int keep_daily, int keep_weekly, unsigned char *keep)
{
	int weeks = 0, last_week = -1;  /* the Monday of the last week that has a kept backup */

	for (size_t i = 0; i < n; i++) {
		int monday = dates[i] - (date_weekday(dates[i]) - 1);

		keep[i] = (int)i < keep_daily;
		if (!keep[i] && monday != last_week && weeks < keep_weekly) {
			/* newest first: the first backup met in a week without a kept one is that
			 * week's newest */
			keep[i] = 1;
			weeks++;
		}
		if (keep[i])
			last_week = monday;
	}
}

/* The day of a file name gongkai-YYYY-MM-DD.db, or -1. */
static int daily_day(const char *name)
{
	char d[11];
	int day;

	if (strlen(name) != 21 || strncmp(name, "gongkai-", 8) != 0 || strcmp(name + 18, ".db") != 0)
		return -1;
	memcpy(d, name + 8, 10);
	d[10] = '\0';
	return date_parse(d, &day, "", NULL) == 0 ? day : -1;
}

static int newest_first(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x < y) - (x > y);
}

int backup_rotate(const char *dir, int keep_daily, int keep_weekly, backup_removed_fn fn, void *ctx,
		  struct gk_error *e)
{
	int *dates = xcalloc(BACKUP_MAX_FILES, sizeof *dates);
	unsigned char *keep = NULL;
	DIR *d = opendir(dir);
	struct dirent *ent;
	size_t n = 0;
	int rc = 0;

	if (d == NULL) {
		rc = err_set(e, ERR_IO, "dir", "不能读取 %s：%s", dir, strerror(errno));
		goto out;
	}
	while ((ent = readdir(d)) != NULL && n < BACKUP_MAX_FILES) {
		int day = daily_day(ent->d_name);
		if (day >= 0)
			dates[n++] = day;
	}
	closedir(d);
	qsort(dates, n, sizeof *dates, newest_first);
	keep = xcalloc(n ? n : 1, 1);
	backup_choose(dates, n, keep_daily, keep_weekly, keep);
	for (size_t i = 0; i < n; i++) {
		char path[4096];

		if (keep[i])
			continue;
		backup_daily_name(dir, dates[i], path, sizeof path);
		if (unlink(path) != 0 && errno != ENOENT) {
			rc = err_set(e, ERR_IO, "dir", "不能删除 %s：%s", path, strerror(errno));
			break;
		}
		if (fn)
			fn(ctx, path);
	}
out:
	free(keep);
	free(dates);
	return rc;
}
