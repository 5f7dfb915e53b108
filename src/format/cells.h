/*
 * cells.h — the values of a report's numeric cells, and how numbers are written.
 *
 * struct report_cells holds one value per cell of a format (format.h) and a state per cell:
 * ABSENT (never reached — e.g. a truncated capture), BLANK (the cell was there but empty, "-",
 * "—" or "/"; its value is 0) or VALUE. The checker can thus tell "absent" from "blank" from a
 * number; rules never judge arithmetic on absent cells. Fixed size, no allocation: copy freely.
 * Money (Table 二 第（八）项) is held as an integer number of 分 (1 万元 = 1,000,000 分) and
 * written in 万元 with at most 4 decimals, no thousands separators (spec §2).
 * May use base/ and text/ only.
 */
#ifndef GK_FORMAT_CELLS_H
#define GK_FORMAT_CELLS_H

#include <stdint.h>

#include "format/format.h"

enum cell_state { CELL_ABSENT = 0, CELL_BLANK, CELL_VALUE };

struct report_cells {
	const struct report_format *fmt;
	int64_t v[FMT_CELLS_MAX];             /* counts; money in 分 */
	unsigned char state[FMT_CELLS_MAX];   /* enum cell_state */
	unsigned char derived[FMT_CELLS_MAX]; /* 1: a blank total recomputed from its parts */
};

#define FEN_PER_WAN INT64_C(1000000)
#define FEN_PER_YUAN INT64_C(100)

/* Every cell ABSENT (a reader's starting point). */
void cells_init(struct report_cells *c, const struct report_format *f);
/* Every cell present and 0 (a generator's starting point). */
void cells_init_zero(struct report_cells *c, const struct report_format *f);

/* Set / read by cell index (see fmt_cell_index and friends). Setting makes the cell VALUE.
 * Out-of-range indices are ignored / read as 0. */
void cells_set(struct report_cells *c, int idx, int64_t v);
void cells_set_blank(struct report_cells *c, int idx);
int64_t cells_get(const struct report_cells *c, int idx);
enum cell_state cells_state(const struct report_cells *c, int idx);
/* Set by id ("t2.rule.issued"); ERR_NOTFOUND naming the id if the format has no such cell. */
int cells_set_id(struct report_cells *c, const char *id, int64_t v, struct gk_error *e) GK_WUR;

/* Table 三 / 四 by enum (a generator's interface). cells_t3_add adds to the current value. */
void cells_t3_set(struct report_cells *c, enum t3_row r, enum t3_col col, int64_t v);
void cells_t3_add(struct report_cells *c, enum t3_row r, enum t3_col col, int64_t v);
int64_t cells_t3_get(const struct report_cells *c, enum t3_row r, enum t3_col col);
void cells_t4_set(struct report_cells *c, enum t4_group g, enum t4_col col, int64_t v);
void cells_t4_add(struct report_cells *c, enum t4_group g, enum t4_col col, int64_t v);
int64_t cells_t4_get(const struct report_cells *c, enum t4_group g, enum t4_col col);

/* For a generator: compute every sum the format defines from its parts — Table 三 总计 column
 * (cols 1–6), the （七）总计 row (outcome rows), Table 四 总计 of each group — so that T3-02,
 * T3-03 and T4-01..03 hold by construction. Overwrites those cells. */
void cells_fill_totals(struct report_cells *c);

/* For a reader (spec §6.1, 上海 2019): a BLANK total cell (Table 三 总计 column or （七）总计
 * row, Table 四 总计) whose parts are all present is set to the sum of its parts and marked
 * derived (it stays BLANK, so the blank-cell warning still names it). */
void cells_derive_blank_totals(struct report_cells *c);

/* Region summary (汇总): add every cell of add into sum (same format). A cell ABSENT in either
 * becomes ABSENT in sum (its total is unknown); BLANK counts as 0. sum starts from
 * cells_init_zero. ERR_INVALID if the formats differ. */
int cells_accumulate(struct report_cells *sum, const struct report_cells *add) GK_WUR;

/* A 2019-format cell set in the 2021 model (spec §4.3 import mapping): Table 三 rows carried
 * over, （六）其他处理 into （六）3.其他 (*other_breakdown_unknown = 1: never split it), the two
 * rows 2019 lacks ((六)1, (六)2) 0, Table 四 unchanged, Table 二 ABSENT (its columns count
 * other things). For cross-year checks and region sums spanning 2020/2021. */
void cells_from_2019(const struct report_cells *in, struct report_cells *out,
		     int *other_breakdown_unknown);

/* Write a value as the report prints it: counts in decimal (signed for UNIT_COUNT_SIGNED,
 * e.g. "-1"), money per its unit with at most max_decimals decimals (rounded half up, trailing
 * zeros dropped: 12345678 分 → "12.3457" 万元 with 4; text/money.h does the arithmetic). */
int cells_write_value(const struct fmt_cell *cell, int64_t v, int max_decimals,
		      struct buf *out) GK_WUR;

/* Write cell idx of c as a report prints it (cells_write_value), or nothing when the cell is
 * ABSENT or BLANK. */
int cells_write(const struct report_cells *c, int idx, int max_decimals, struct buf *out) GK_WUR;

#endif
