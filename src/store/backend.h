/*
 * backend.h — what a storage backend provides: lifecycle, transactions, and one op table per
 * area. Area headers (store/<area>_store.h) include this to reach their table through s->be.
 *
 * To add an area: forward-declare its op table here, add one pointer field below, and set it
 * in every backend's struct store_backend (store/sqlite.c). See docs/store.md.
 */
#ifndef GK_STORE_BACKEND_H
#define GK_STORE_BACKEND_H

#include "store/store.h"

struct agency_store_ops;
struct user_store_ops;
struct audit_store_ops;
struct app_store_ops;
/* Areas added by other modules: forward-declare here (keep one per line). */
struct register_store_ops;
struct report_store_ops;
struct doc_store_ops;
struct session_store_ops;
struct signin_store_ops;

struct store_backend {
	const char *name;                 /* "sqlite" */
	int (*open)(struct store *s, const char *path, unsigned flags, struct gk_error *e);
	void (*close)(struct store *s);
	int (*begin)(struct store *s, int write, struct gk_error *e);
	int (*commit)(struct store *s, struct gk_error *e);
	void (*rollback)(struct store *s);
	void (*schema_version)(struct store *s, int *have, int *known);
	int (*copy)(const char *src, const char *dest, struct gk_error *e);  /* store_copy */
	int (*check)(struct store *s, struct gk_error *e);                   /* store_check */

	/* One op table per area (one line each; append, keep alphabetical order is not needed). */
	const struct agency_store_ops *agency;
	const struct user_store_ops *user;
	const struct audit_store_ops *audit;
	const struct app_store_ops *app;
	const struct register_store_ops *reg;
	const struct report_store_ops *report;
	const struct doc_store_ops *doc;
	const struct session_store_ops *session;
	const struct signin_store_ops *signin;
};

#endif
