/*
 * register_store.h — persistence of the registers (tables reg_normdoc, reg_decision, reg_fee,
 * reg_case, reg_feedback, reg_news). Domain rules: domain/register.h, domain/registers.h.
 *
 * A register row is an array of cells in the column order of its table, which is the field
 * order of the register in domain/register.c (kind, issued, doc_no, … — the same names).
 * The domain hands over values already in their stored form: dates as 'YYYY-MM-DD' text,
 * enumerations as their id text, counts / 分 / booleans / application ids as integers.
 * Rows are returned in entry order (id). Depends on store/store.h.
 */
#ifndef GK_STORE_REGISTER_STORE_H
#define GK_STORE_REGISTER_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

enum regcell_type { REGCELL_NULL, REGCELL_INT, REGCELL_TEXT };

struct regcell {
	enum regcell_type type;
	int64_t i;
	const char *s;
};

#define REGROW_MAX 10

struct regrow {
	int64_t id;
	struct regcell c[REGROW_MAX];
	int64_t document_id;   /* normdoc (list only): the catalogue document it follows, 0 = none */
	int64_t agency_id;     /* list, list_organs: the organ whose row it is */
};

struct register_store_ops {
	/* Insert a row of register reg ("normdoc" …) for organ agency_id; *id gets the new id.
	 * ERR_INVALID if reg is unknown, ERR_CONFLICT for a duplicate feedback reference. */
	int (*insert)(struct store *s, const char *reg, int64_t agency_id, const struct regrow *row,
		      int64_t *id, struct gk_error *e);
	/* Replace the values of row id of register reg (of organ agency_id). ERR_NOTFOUND if the
	 * organ has no such row; ERR_STATE for a normdoc row that mirrors a catalogue document. */
	int (*update)(struct store *s, const char *reg, int64_t agency_id, int64_t id, const struct regrow *row,
		      struct gk_error *e);
	/* Delete row id of register reg (of organ agency_id); errors as update. */
	int (*remove)(struct store *s, const char *reg, int64_t agency_id, int64_t id, struct gk_error *e);
	/* Every row of register reg for the organ, in id order, as an array in a (cells' text too). */
	int (*list)(struct store *s, const char *reg, int64_t agency_id, struct arena *a,
		    struct regrow **out, size_t *n, struct gk_error *e);
	/* The same for organ root_id alone (alone <> 0), or for it and every organ under it (a
	 * region: one statement for all its organs), by organ then id. */
	int (*list_organs)(struct store *s, const char *reg, int64_t root_id, int alone,
			   struct arena *a, struct regrow **out, size_t *n, struct gk_error *e);
	/* Insert or replace the normdoc row that mirrors catalogue document document_id (a
	 * published 规章 / 行政规范性文件); *id gets the row's id. */
	int (*normdoc_sync)(struct store *s, int64_t agency_id, int64_t document_id, const struct regrow *row,
			    int64_t *id, struct gk_error *e);
	/* The highest number N among the organ's feedback references "<prefix>N" (0 if none). */
	int (*feedback_max_serial)(struct store *s, int64_t agency_id, const char *prefix, int64_t *n,
				   struct gk_error *e);
};

/* The one implementation, store/register_store.c (written against store/db.h). */
extern const struct register_store_ops store_register_ops;

static inline const struct register_store_ops *register_store(struct store *s)
{
	(void)s;
	return &store_register_ops;
}

#endif
