/*
 * extract_int.h — what the files of extraction share (extract.c, items.c, match.c, notes.c,
 * sections.c, organ.c, place.c, fold.c, values.c, tables.c); not for use outside src/check.
 *
 * Extraction flattens the rows of a document (doc.h) into a stream of items — non-span cells
 * in order plus separator lines, each classified as a number, a blank or text (items.c) — and
 * one normalised text per row (NFKC + casefold, traditional → simplified when the page needs
 * it). The walkers then read sections (sections.c), year and organ (organ.c) and the cells of
 * Tables 二, 三, 四 (tables.c, with values.c for the values after a row label) from them;
 * whatever they notice about the capture becomes a CAP finding (notes.c).
 * May call base/, text/, format/, check/doc.h.
 */
#ifndef GK_CHECK_EXTRACT_INT_H
#define GK_CHECK_EXTRACT_INT_H

#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "check/extract.h"

/* ---- items (items.c) ---- */

enum kind { K_TEXT, K_NUM, K_BLANK, K_PAD };
enum unitk { U_NONE, U_YUAN, U_WAN };

struct num {
	int64_t mant;   /* digits without the decimal point */
	int scale;      /* digits after the point */
	int unit;       /* enum unitk */
	int neg;
};

struct item {
	const char *text;   /* cell text, ruby annotations removed */
	size_t len;
	int row;            /* doc row */
	int rowcells;       /* non-span cells in that row */
	int pos;            /* position among them */
	enum kind kind;
	int cut;            /* CHK_CELL_CUT */
	struct num num;
};

/* The state of one extraction; everything but it[] lives in the arena. */
struct extraction {
	const struct chk_doc *d;
	struct chk_result *r;
	struct arena arena;
	struct item *it;    /* xcalloc'd, freed by chk_extract */
	size_t n;
	char **nrow;        /* per doc row: normalised text, whitespace removed */
	char **nline;       /* per doc row: normalised text, cells separated by a tab */
	size_t nrows;
	const struct report_format *f;
	int ruby;
	int spam;
	struct gk_error *e;
};

/* Classify a cell: a number (with *num), a blank placeholder, or text. */
enum kind chk_classify(const char *s, size_t len, struct num *num);
/* x->it from the document's rows (injected ruby removed when the page has it: CAP-07). */
void chk_items_build(struct extraction *x);
/* NFKC + case folding as text_nfkc_casefold, fast for the characters of nearly every report
 * (fold.c); chk_fold_cp is one code point's fold, -1 where fold.c leaves it to utf8proc. */
int chk_fold(const char *s, size_t len, struct buf *out, struct gk_error *e) GK_WUR;
int32_t chk_fold_cp(int32_t cp);
/* x->nrow / x->nline: one normalisation of the whole document, mapped back to rows. */
int chk_rows_normalise(struct extraction *x) GK_WUR;

/* ---- label matching, remembered across documents (match.c) ---- */

enum matcher { M_T2_BLOCK, M_T2_ROW, M_T3_ROW, M_T3_GROUP, M_T3_COL, M_T4_GROUP, M_T4_COL };

/* The format's matcher m on s[0..len) (arg: the Table 二 block for M_T2_ROW); -1 if none. */
int chk_match(enum matcher m, int arg, const struct report_format *f, const char *s, size_t len);

/* ---- CAP findings (notes.c) ---- */

/* Add a CAP finding of rule `rule` to r->notes (at most 20 of one rule, the message cut at a
 * character boundary when too long). */
void GK_PRINTF(5, 6) chk_note(struct chk_result *r, const char *rule, const int *cells, int n,
			      const char *fmt, ...);

/* ---- sections and format (sections.c) ---- */

extern const char *const chk_section_numeral[SEC__MAX];  /* "一" … "六" */

/* The format by its telling labels (spec §7.1, first match wins); flat = all normalised rows. */
enum chk_format chk_detect_format(const struct extraction *x, const char *flat);
/* Find the section headings (row_section[i] = section of heading row i, else -1; found[s]) and
 * store each section's normalised text in the report. */
void chk_sections(struct extraction *x, int *row_section, int *found);

/* ---- year and organ (organ.c) ---- */

void chk_find_year_and_organ(struct extraction *x, const int *row_section);

/* ---- places named in the text (place.c) ---- */

#define PLACE_LEVELS 9  /* 省 市 区 县 镇 乡 州 盟 旗 */

/* Per level: the one place of that level the text names as a government's ("青川县"), or
 * ambiguous when it names two. */
struct places {
	char name[PLACE_LEVELS][24];
	size_t len[PLACE_LEVELS];
	char seen[PLACE_LEVELS][8];  /* the two characters before the first mention's level */
	int ambiguous[PLACE_LEVELS];
};

/* Add the places normalised row s names ("以青川县门户网站" → 县: 青川县). */
void chk_places_scan(struct places *pl, const char *s);
/* A bare level's name with its place ("县乡村振兴局" → "青川县乡村振兴局"), in x's arena; NULL
 * when the text names no place, or two, of that level. */
char *chk_place_complete(struct extraction *x, const struct places *pl, const char *bare);

/* ---- values after a row label (values.c) ---- */

#define VMAX 40

struct vals {
	size_t idx[VMAX];
	size_t n;
	int eof;      /* the capture ended while reading */
	int dropped;  /* a lone row label whose values end before a full row */
};

/* The number and blank items after item i, up to the next text item (or the label's row end
 * when the label shares its row with other cells). */
void chk_values_after(const struct extraction *x, size_t i, struct vals *v);
/* Trim padding: trailing then leading blank items while more than want remain. */
void chk_values_trim(const struct extraction *x, struct vals *v, size_t want);
/* Store item k into cell idx according to the cell's unit. */
void chk_put(struct extraction *x, int idx, size_t k);
/* Keep a local extra row aside (CAP-05). */
void chk_extra_row(struct extraction *x, const char *table, size_t label, const struct vals *v);

/* ---- the tables (tables.c) ---- */

void chk_walk_tables(struct extraction *x, const int *row_section);
void chk_walk_t4(struct extraction *x, const int *row_section);

/* ---- small string helpers ---- */

static inline int starts(const char *s, size_t len, const char *p)
{
	size_t n = strlen(p);
	return len >= n && memcmp(s, p, n) == 0;
}

static inline int has(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

static inline int ends_with(const char *s, const char *t)
{
	size_t a = strlen(s), b = strlen(t);
	return a >= b && memcmp(s + a - b, t, b) == 0;
}

#endif
