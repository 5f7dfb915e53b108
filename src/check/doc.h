/*
 * doc.h — the neutral form every report reader produces.
 *
 * Whatever the capture looked like (tab-separated text, one cell per line with ` |`, Markdown
 * tables, an HTML page with rowspan/colspan, a DOCX), a reader turns it into a sequence of
 * rows of cells in document order plus the plain text. Prose is a row of one cell; a table row
 * is a row of several cells. Extraction (extract.h) keys on row labels and never needs to know
 * which reader made the rows.
 *
 * Cell flags carry what a reader knows and extraction must not guess:
 *   CHK_CELL_SPAN — the grid position is covered by a rowspan/colspan of another cell;
 *                   not a value, not a blank.
 *   CHK_CELL_CUT  — the capture ends inside this cell (its text may be incomplete).
 * Row flags:
 *   CHK_ROW_TABLE — the row comes from a table whose cells are reliable (HTML/DOCX grid,
 *                   tab or `|` separated text).
 *   CHK_ROW_PAD   — a separator line of the capture (`||`, `|||`): marks a row end, no cells.
 *   CHK_ROW_META  — page metadata (HTML <title>), usable for the title, not for sections.
 *   CHK_ROW_HEADING — a heading (Markdown `#`, HTML <h1>–<h6>).
 *
 * Memory: everything hangs off the document's arena and is freed by chk_doc_free.
 * May call base/.
 */
#ifndef GK_CHECK_DOC_H
#define GK_CHECK_DOC_H

#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"

enum chk_source {
	CHK_SRC_TEXT,      /* plain text, tab / pipe separated, one cell per line */
	CHK_SRC_MARKDOWN,  /* text with Markdown tables or headings */
	CHK_SRC_HTML,
	CHK_SRC_DOCX,
	CHK_SRC_JSON,      /* gongkai's own --json output: cells given directly */
	CHK_SRC_PDF,       /* text-based PDF: rows rebuilt from the positions of the words */
	CHK_SRC_XLSX,      /* tables attached as a spreadsheet */
	CHK_SRC_SCRIPT,    /* HTML inside a JavaScript / JSON string */
	CHK_SRC__MAX
};

enum {
	CHK_CELL_SPAN = 1u << 0,
	CHK_CELL_CUT = 1u << 1,
};

enum {
	CHK_ROW_TABLE = 1u << 0,
	CHK_ROW_PAD = 1u << 1,
	CHK_ROW_META = 1u << 2,
	CHK_ROW_HEADING = 1u << 3,
};

/* Limits that keep a hostile input from using unbounded memory or time. */
#define CHK_MAX_ROWS 200000          /* rows in one document */
#define CHK_MAX_CELLS 2000000        /* cells in one document, span copies included */
#define CHK_MAX_COLS 1000            /* columns of one table (HTML colspan is capped at 1000) */
#define CHK_MAX_STEPS 20000000L       /* nodes visited + grid cells built, per document */

struct chk_cell {
	const char *text;  /* UTF-8, whitespace-trimmed, "" for an empty cell; arena-owned */
	unsigned flags;
};

struct chk_row {
	struct chk_cell *cells;
	size_t n;
	unsigned flags;
	int table;         /* table number for table rows (0, 1, …), -1 otherwise */
};

/* A cell given directly by a structured input (gongkai JSON). */
struct chk_given {
	const char *id;    /* cell id, e.g. "t3.new_received.total" */
	double value;
	int blank;
};

struct chk_doc {
	struct arena arena;
	enum chk_source source;
	const char *charset;      /* name of the input charset ("UTF-8", "GB18030", …) */
	struct chk_row *rows;
	size_t n, cap;
	size_t ncells;            /* all cells, for the limit */
	long steps;               /* parse steps taken, for the limit */
	int ntables;
	int cut;                  /* the input ended without a final line break / closing tag */
	int pages;                /* PDF: pages read */
	int no_text;              /* PDF: pages without a text layer (a scan) */
	int image_pages;          /* PDF: pages with text and a picture over a fifth of the page */
	int first_image_page;     /* PDF: the first of them, from 1 */
	int garbled;              /* PDF: pages whose text layer is garbled (no ToUnicode map) */
	int garbled_page[8];      /* PDF: the first of them, from 1 */
	const char *framed;       /* HTML: the report file the page embeds (iframe, embed, object,
				   * a PDF viewer's file=), arena-owned; NULL if none */
	const char *linked;       /* HTML: the first link to a report file (.pdf .docx .xlsx …) */
	/* structured input only */
	struct chk_given *given;
	size_t ngiven;
	const char *given_format, *given_agency;
	int given_year;
	int given_complete;       /* -1 unknown */
	struct { const char *id, *text; } given_section[8];  /* "overview" → text */
	int ngiven_sections;
};

void chk_doc_init(struct chk_doc *d, enum chk_source source);
/* "text", "markdown", "html", "docx", "json", "pdf", "xlsx", "html-in-script". */
const char *chk_source_name(enum chk_source s);
/* Free all memory of d; d may be NULL. */
void chk_doc_free(struct chk_doc *d);

/* Start a new row; returns it (valid until the next chk_doc_row call). ERR_LIMIT past
 * CHK_MAX_ROWS. */
int chk_doc_row(struct chk_doc *d, unsigned flags, int table, struct chk_row **out) GK_WUR;
/* Append a cell of text s[0..len) (trimmed of ASCII/ideographic whitespace) to the last row.
 * ERR_LIMIT past CHK_MAX_CELLS. */
int chk_doc_cell(struct chk_doc *d, const char *s, size_t len, unsigned flags) GK_WUR;
/* A one-cell row (a line of prose, a heading); empty text adds nothing. */
int chk_doc_line(struct chk_doc *d, const char *s, size_t len, unsigned flags) GK_WUR;

/* Count one parse step of the reader; ERR_LIMIT (in e, naming `what`: "page", "workbook" …)
 * past CHK_MAX_STEPS, so no input can keep a reader busy for long. */
int chk_doc_step(struct chk_doc *d, const char *what, struct gk_error *e) GK_WUR;

/* The plain text: one line per row, cells separated by a tab. Appended to out. */
int chk_doc_text(const struct chk_doc *d, struct buf *out) GK_WUR;

/* Trim leading/trailing whitespace (ASCII, U+3000, U+00A0) from s[0..*len); returns the new
 * start and updates *len. */
const char *chk_trim(const char *s, size_t *len);

#endif
