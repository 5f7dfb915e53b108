/*
 * store.c — driver selection and the generic part of the store interface (see store.h).
 *
 * A path starting with "postgresql://" or "postgres://" names a PostgreSQL database (libpq's
 * URL: store/postgresql.c); anything else is a SQLite file (store/sqlite.c).
 */
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/mem.h"
#include "store/driver.h"
#include "text/date.h"

int store_is_server(const char *path)
{
	return strncmp(path, "postgresql://", 13) == 0 || strncmp(path, "postgres://", 11) == 0;
}

/* The driver for a database's name. */
static const struct store_driver *driver_of(const char *path)
{
	return store_is_server(path) ? &store_postgresql_driver : &store_sqlite_driver;
}

int store_open(const char *path, unsigned flags, struct store **out, struct gk_error *e)
{
	const struct store_driver *drv = driver_of(path);
	struct store *s;
	int rc;

	*out = NULL;
	s = xcalloc(1, sizeof *s);
	s->drv = drv;
	if ((rc = s->drv->open(s, path, flags, e)) != 0) {
		free(s);
		return rc;
	}
	if (drv == &store_sqlite_driver)
		snprintf(s->totp_key_file, sizeof s->totp_key_file, "%s.totp-key", path);
	*out = s;
	return 0;
}

void store_set_totp_key_file(struct store *s, const char *path)
{
	if (path && *path)
		snprintf(s->totp_key_file, sizeof s->totp_key_file, "%s", path);
}

const char *store_totp_key_file(const struct store *s)
{
	return s->totp_key_file;
}

void store_close(struct store *s)
{
	if (s == NULL)
		return;
	if (s->in_txn)
		store_rollback(s);
	s->drv->close(s);
	free(s);
}

int store_begin(struct store *s, struct gk_error *e)
{
	int rc;

	if (s->in_txn)
		return err_set(e, ERR_INTERNAL, "", "a transaction is already open");
	if ((rc = s->drv->begin(s, 1, e)) == 0)
		s->in_txn = 1;
	return rc;
}

int store_begin_read(struct store *s, struct gk_error *e)
{
	int rc;

	if (s->in_txn)
		return err_set(e, ERR_INTERNAL, "", "a transaction is already open");
	if ((rc = s->drv->begin(s, 0, e)) == 0)
		s->in_txn = 1;
	return rc;
}

int store_commit(struct store *s, struct gk_error *e)
{
	int rc;

	if (!s->in_txn)
		return err_set(e, ERR_INTERNAL, "", "commit without a transaction");
	rc = s->drv->commit(s, e);
	if (rc != 0)
		s->drv->rollback(s);
	s->in_txn = 0;
	return rc;
}

void store_rollback(struct store *s)
{
	if (s == NULL || !s->in_txn)
		return;
	s->drv->rollback(s);
	s->in_txn = 0;
}

void store_set_actor(struct store *s, const char *actor)
{
	snprintf(s->actor, sizeof s->actor, "%s", actor ? actor : "");
}

const char *store_actor(const struct store *s)
{
	return s->actor;
}

void store_schema_version(struct store *s, int *have, int *known)
{
	s->drv->schema_version(s, have, known);
}

int store_copy(const char *src, const char *dest, struct gk_error *e)
{
	const struct store_driver *a = driver_of(src), *b = driver_of(dest);

	if (a != b)
		return err_set(e, ERR_INVALID, "FILE", "a copy stays on one kind of database; to move "
			       "data between SQLite and PostgreSQL use gongkai migrate");
	return a->copy(src, dest, e);
}

int store_check(struct store *s, struct gk_error *e)
{
	return s->drv->check(s, e);
}

void store_now(char out[21])
{
	date_stamp_now(out);
}
