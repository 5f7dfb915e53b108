/*
 * format.h — the declared annual-report formats (政府信息公开工作年度报告格式).
 *
 * Two formats, each ONE declared table (format.c): the 2021 format issued by
 * 国办公开办函〔2021〕30号 (report years 2021 onward) and the 2019 trial format issued by
 * 国办公开办函〔2019〕60号 (report years 2019 and 2020). A format declares the six sections
 * (id, numeral, exact heading), Table 二 (blocks of rows × columns), Table 三 (7 applicant
 * columns, 25 rows in 2021 / 23 in 2019, their groups and in-table notes) and Table 四 (3
 * groups × 5 columns), with the exact labels as the format prints them (full-width
 * punctuation), and the stable cell ids used in every JSON gongkai reads or writes:
 *   t2.<row>.<col>      Table 二, 2021 format   (t2.rule.issued, t2.admin_fee.amount_wan)
 *   t2v19.<row>.<col>   Table 二, 2019 format   (t2v19.licensing.prev_items)
 *   t3.<row>.<col>      Table 三                 (t3.new_received.np, t3.handled_total.total)
 *   t4.<group>.<col>    Table 四                 (t4.rev.upheld, t4.lit_after_rev.pending)
 * The generator (domain/, render/), the report reader and the checker (check/) all use these
 * tables; nothing else spells a label or a cell id.
 * Spec: docs/spec/annual-report-format.md §1–§5, §7.2. May use base/ and text/ only.
 */
#ifndef GK_FORMAT_FORMAT_H
#define GK_FORMAT_FORMAT_H

#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"

enum fmt_version { FMT_V2021 = 0, FMT_V2019, FMT__MAX };

/* The six sections of a report, in order (spec §1). */
enum section {
	SEC_OVERVIEW = 0,        /* 一、总体情况 */
	SEC_PROACTIVE,           /* 二、主动公开政府信息情况 (Table 二) */
	SEC_APPLICATIONS,        /* 三、收到和处理政府信息公开申请情况 (Table 三) */
	SEC_REVIEW_LITIGATION,   /* 四、政府信息公开行政复议、行政诉讼情况 (Table 四) */
	SEC_PROBLEMS,            /* 五、存在的主要问题及改进情况 */
	SEC_OTHER_MATTERS,       /* 六、其他需要报告的事项 */
	SEC__MAX
};

enum fmt_table { TBL_2 = 2, TBL_3 = 3, TBL_4 = 4 };

/* How a cell's integer value is to be read (spec §2). */
enum fmt_unit {
	UNIT_COUNT = 0,     /* 件, ≥ 0 */
	UNIT_COUNT_SIGNED,  /* 2019 本年增/减: may be negative */
	UNIT_FEN_AS_WAN,    /* money stored in 分, printed in 万元 (1 万元 = 1,000,000 分) */
	UNIT_FEN_AS_YUAN,   /* money stored in 分, printed in 元 (2019 采购总金额) */
};

/* Table 三 rows: the union of both formats; each format lists the ones it has. */
enum t3_row {
	T3R_NEW_RECEIVED = 0, T3R_CARRIED_IN,
	T3R_GRANTED, T3R_PARTIAL,
	T3R_DENY_STATE_SECRET, T3R_DENY_LAW_PROHIBITS, T3R_DENY_SECURITY_STABILITY,
	T3R_DENY_THIRD_PARTY, T3R_DENY_INTERNAL_AFFAIRS, T3R_DENY_PROCESS_INFO,
	T3R_DENY_ENFORCEMENT_FILE, T3R_DENY_ADMIN_QUERY,
	T3R_UNABLE_NOT_HELD, T3R_UNABLE_NEEDS_CREATION, T3R_UNABLE_UNCLEAR_AFTER_FIX,
	T3R_NOPROC_PETITION, T3R_NOPROC_REPEAT, T3R_NOPROC_PUBLICATION, T3R_NOPROC_MASS_REPEAT,
	T3R_NOPROC_CONFIRM_REISSUE,
	T3R_OTHER_NO_CORRECTION, T3R_OTHER_FEE_UNPAID, T3R_OTHER_MISC,  /* 2021 only */
	T3R_OTHER_TOTAL,                                                /* 2019 only */
	T3R_HANDLED_TOTAL, T3R_CARRIED_OUT,
	T3R__MAX
};

/* Table 三 columns (identical in both formats). */
enum t3_col {
	T3C_NP = 0, T3C_BIZ, T3C_RESEARCH, T3C_NGO, T3C_LEGAL, T3C_ORG_OTHER, T3C_TOTAL, T3C__MAX
};

/* Table 四 (identical in both formats). */
enum t4_group { T4G_REV = 0, T4G_LIT_DIRECT, T4G_LIT_AFTER_REV, T4G__MAX };
enum t4_col { T4C_UPHELD = 0, T4C_CORRECTED, T4C_OTHER, T4C_PENDING, T4C_TOTAL, T4C__MAX };

/* How a Table 三 row sits in the official layout (spec §4.2). */
enum t3_kind {
	T3K_TOP = 0,   /* 一、二、四: label spans the 3 label cells */
	T3K_RESULT,    /* （一）（二）（七） and 2019 （六）: under 三, label spans 2 cells */
	T3K_REASON,    /* a numbered reason under a group （三）–（六）: 3rd label cell */
};

struct fmt_section {
	const char *id;        /* "overview" … "other_matters" */
	const char *numeral;   /* "一" … "六" */
	const char *heading;   /* exact heading without the numeral: "总体情况" */
	const char *keyword;   /* what identifies a variant heading: "总体" */
};

struct fmt_t2_col {
	const char *id;        /* "issued" */
	const char *label;     /* "本年制发件数" */
	enum fmt_unit unit;
};

struct fmt_t2_row {
	const char *id;        /* "rule" */
	const char *label;     /* "规章" */
};

struct fmt_t2_block {
	const char *id;        /* "art20_1" */
	const char *title;     /* "第二十条第（一）项" */
	const struct fmt_t2_col *cols;
	int ncols;
	const struct fmt_t2_row *rows;
	int nrows;
};

struct fmt_t3_col {
	const char *id;        /* "np" */
	const char *label;     /* "自然人" */
	int under_org;         /* 1: under the 法人或其他组织 parent header */
};

struct fmt_t3_group {
	const char *id;        /* "deny" */
	const char *label;     /* "（三）不予公开" */
};

struct fmt_t3_row {
	enum t3_row key;
	const char *id;        /* "new_received" */
	const char *label;     /* exact label, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" */
	const char *name;      /* short name for messages: "（二）部分公开", "（三）1.属于国家秘密" */
	enum t3_kind kind;
	int group;             /* index into the format's t3_groups for T3K_REASON rows, else -1 */
	int outcome;           /* 1: one of the outcome rows summed into （七）总计 (rule T3-03) */
};

struct fmt_t4_group {
	const char *id;        /* "lit_direct" */
	const char *label;     /* "未经复议直接起诉" */
	const char *parent;    /* "行政诉讼", or NULL for 行政复议 */
	const char *name;      /* for messages: "行政诉讼（未经复议直接起诉）" */
};

struct fmt_t4_col {
	const char *id;        /* "upheld" */
	const char *label;     /* "结果维持" */
};

/* One numeric cell of a format. Cells are numbered 0..ncells-1: Table 二 (block, row, col
 * order), then Table 三 (row-major), then Table 四 (group-major). */
struct fmt_cell {
	const char *id;        /* "t3.new_received.np" */
	enum fmt_table table;
	int block;             /* Table 二 block index, else -1 */
	int row;               /* Table 二 row within its block / Table 三 row position / Table 四 group */
	int col;               /* column index within the block / enum t3_col / enum t4_col */
	enum fmt_unit unit;
	const char *row_label; /* exact label of the row (Table 四: the group label) */
	const char *col_label; /* exact label of the column */
};

#define FMT_CELLS_MAX 200
#define FMT_T2_BLOCKS_MAX 5
#define FMT_T3_ROWS_MAX 25

struct report_format {
	enum fmt_version version;
	const char *id;             /* "2021" / "2019" (the value of "format" in JSON) */
	const char *basis;          /* "国办公开办函〔2021〕30号" */
	int first_year, last_year;  /* report years it governs (last_year 0 = open-ended) */
	const struct fmt_section *sections;   /* SEC__MAX entries */
	const char *t2_prefix;      /* "t2" / "t2v19" */
	const char *t2_header;      /* "信息内容" */
	const struct fmt_t2_block *t2_blocks;
	int t2_nblocks;
	const char *t3_note;        /* the 勾稽关系 note of the top-left header cell */
	const char *t3_applicant;   /* "申请人情况" */
	const char *t3_org;         /* "法人或其他组织" */
	const char *t3_result;      /* "三、本年度办理结果" */
	const struct fmt_t3_col *t3_cols;     /* T3C__MAX entries */
	const struct fmt_t3_group *t3_groups;
	int t3_ngroups;
	const struct fmt_t3_row *t3_rows;
	int t3_nrows;
	const char *t4_review;      /* "行政复议" */
	const char *t4_litigation;  /* "行政诉讼" */
	const struct fmt_t4_group *t4_groups; /* T4G__MAX entries */
	const struct fmt_t4_col *t4_cols;     /* T4C__MAX entries */
};

/* The format of a version; never NULL for a valid version. */
const struct report_format *fmt_get(enum fmt_version v);
/* The format whose id is "2021" or "2019", or NULL. */
const struct report_format *fmt_by_id(const char *id);
/* The format that governs reports of this year (2019–2020 → 2019, ≥ 2021 → 2021), or NULL for
 * years before 2019 (legacy reports have no table layout). */
const struct report_format *fmt_for_year(int year);

/* Number of numeric cells: all, or of one table (Table 三: 175 in 2021, 161 in 2019). */
int fmt_ncells(const struct report_format *f);
int fmt_table_ncells(const struct report_format *f, enum fmt_table t);
/* Index of the first cell of a table. */
int fmt_table_first(const struct report_format *f, enum fmt_table t);
/* Cell idx (0 ≤ idx < fmt_ncells); the pointer is static. */
const struct fmt_cell *fmt_cell(const struct report_format *f, int idx);
/* Index of the cell with this id, or -1. */
int fmt_cell_index(const struct report_format *f, const char *id);

/* Position of a Table 三 row in this format, or -1 if the format does not have it. */
int fmt_t3_pos(const struct report_format *f, enum t3_row r);
/* Cell index of Table 三 (row, col), or -1 if the format lacks the row. */
int fmt_t3_cell(const struct report_format *f, enum t3_row r, enum t3_col c);
/* enum t3_row / enum t3_col / enum t4_group / enum t4_col of a row_id / col_id of spec §4–§5
 * ("granted", "other_total", "np", "lit_direct", "pending"), or -1. The ledger stores an
 * application's outcome and applicant type by these ids. */
int fmt_t3_row_by_id(const char *id);
int fmt_t3_col_by_id(const char *id);
int fmt_t4_group_by_id(const char *id);
int fmt_t4_col_by_id(const char *id);

/* Cell index of Table 四 (group, col). */
int fmt_t4_cell(const struct report_format *f, enum t4_group g, enum t4_col c);
/* Cell index of Table 二 (block, row, col) by position, or -1 when out of range. */
int fmt_t2_cell(const struct report_format *f, int block, int row, int col);

/* "一、总体情况": the numbered exact heading of section s, into out. */
int fmt_section_heading(const struct report_format *f, enum section s, struct buf *out) GK_WUR;
/* The section id string ("overview") and back (-1 if unknown). */
const char *fmt_section_id(enum section s);
int fmt_section_by_id(const char *id);

/* "慈周寨镇2024年政府信息公开工作年度报告" — the title as the generator writes it. */
int fmt_title(const char *agency, int year, struct buf *out) GK_WUR;

/* ---- label matching (spec §7.2), for the report reader ------------------------------- */

/* Append the matching key of a label: NFKC + casefold + traditional→simplified, all
 * whitespace removed, quotes removed (“”"「」『』‘’'), leading numbering removed (一、 (一) 1.
 * 1、 (1) …, repeatedly), a trailing parenthetical explanation removed (unless it is all the
 * label), 法人或者其他组织 → 法人或其他组织, 合计 → 总计. ERR_INVALID if not UTF-8. */
int fmt_label_key(const char *s, size_t len, struct buf *out, struct gk_error *e) GK_WUR;

/* The following return the index of what the label names, or -1. Label text as printed
 * (any of the variants above). */
int fmt_match_t3_row(const struct report_format *f, const char *label, size_t len);   /* position */
int fmt_match_t3_group(const struct report_format *f, const char *label, size_t len); /* group index;
					     "三、本年度办理结果" is FMT_T3_RESULT_GROUP */
int fmt_match_t3_col(const struct report_format *f, const char *label, size_t len);   /* enum t3_col */
int fmt_match_t4_col(const struct report_format *f, const char *label, size_t len);   /* enum t4_col */
int fmt_match_t4_group(const struct report_format *f, const char *label, size_t len); /* enum t4_group */
int fmt_match_t2_block(const struct report_format *f, const char *label, size_t len);
int fmt_match_t2_row(const struct report_format *f, int block, const char *label, size_t len);
int fmt_match_t2_col(const struct report_format *f, int block, const char *label, size_t len);
/* A section heading: optional '#'s, the Chinese numeral, a separator (、 . ．), and the
 * section's keyword (总体 / 主动公开 / 申请 / 复议 / 问题 / 其他) → enum section, or -1. */
int fmt_match_section(const char *line, size_t len);

#define FMT_T3_RESULT_GROUP 100

#endif
