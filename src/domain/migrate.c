/*
 * migrate.c — moving an office's data between databases (see migrate.h). The copy itself is
 * the store's (store/transfer.h); this file holds the transaction around it and the checks
 * after it.
 */
#include "domain/migrate.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/mem.h"
#include "domain/agency.h"
#include "domain/audit.h"
#include "domain/exchange.h"
#include "store/transfer.h"

#define LEDGER_MAX ((size_t)512 << 20)

struct progress {
	migrate_progress_fn fn;
	void *ctx;
	struct migrate_report *r;
};

static void table_done(void *p, const char *table, int64_t rows)
{
	struct progress *x = p;

	x->r->tables++;
	x->r->rows += rows;
	if (x->fn)
		x->fn(x->ctx, table, rows);
}

struct organs {
	int64_t *id;
	int n, cap;
};

static int organ_row(void *p, const struct agency_rec *r)
{
	struct organs *o = p;

	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 64;
		o->id = xrealloc(o->id, (size_t)o->cap * sizeof *o->id);
	}
	o->id[o->n++] = r->id;
	return 0;
}

/* Every organ's export from both databases, compared (both in read transactions). */
static int compare_exports(struct store *from, struct store *to, struct organs *o,
			   struct migrate_report *out, struct gk_error *e)
{
	struct buf a, b;
	int rc = 0;

	buf_init(&a, LEDGER_MAX);
	buf_init(&b, LEDGER_MAX);
	for (int i = 0; i < o->n && rc == 0; i++) {
		buf_reset(&a);
		buf_reset(&b);
		if ((rc = exchange_export(from, o->id[i], &a, e)) != 0 ||
		    (rc = exchange_export(to, o->id[i], &b, e)) != 0)
			break;
		if (a.len != b.len || memcmp(a.ptr, b.ptr, a.len) != 0)
			rc = err_set(e, ERR_INTERNAL, "--to", "复制后机关 %lld 的导出在两个数据库中"
				     "不一致", (long long)o->id[i]);
		else
			out->organs++;
	}
	buf_free(&a);
	buf_free(&b);
	return rc;
}

static int check(struct store *from, struct store *to, struct migrate_report *out,
		 struct gk_error *e)
{
	struct organs o = { NULL, 0, 0 };
	struct audit_verify_result v;
	int rc;

	if ((rc = store_begin_read(from, e)) != 0)
		return rc;
	if ((rc = store_begin_read(to, e)) != 0) {
		store_rollback(from);
		return rc;
	}
	if ((rc = agency_list(from, organ_row, &o, e)) == 0)
		rc = compare_exports(from, to, &o, out, e);
	if (rc == 0 && (rc = audit_verify(to, &v, e)) == 0) {
		out->audit_entries = v.checked;
		if (v.bad_id)
			rc = err_set(e, ERR_INTERNAL, "--to", "复制后审计日志在第 %lld 条断开：%s", (long long)v.bad_id, v.reason);
	}
	store_rollback(from);
	store_rollback(to);
	free(o.id);
	return rc;
}

int migrate_run(struct store *from, struct store *to, migrate_progress_fn fn, void *ctx,
		struct migrate_report *out, struct gk_error *e)
{
	struct progress x = { fn, ctx, out };
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = store_begin_read(from, e)) != 0)
		return rc;
	if ((rc = store_begin(to, e)) != 0) {
		store_rollback(from);
		return rc;
	}
	rc = store_transfer(from, to, table_done, &x, e);
	store_rollback(from);
	if (rc != 0) {
		store_rollback(to);
		return rc;
	}
	if ((rc = store_commit(to, e)) != 0)
		return rc;
	return check(from, to, out, e);
}
