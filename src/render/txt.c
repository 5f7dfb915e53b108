/*
 * txt.c — the annual report as plain text, laid out like the reference report.
 *
 * The reference (shared/corpus/reference-cizhouzhai-2024.txt, kept as
 * tests/golden/reference-cizhouzhai-2024.txt and compared byte for byte) is what organs publish
 * when they paste the report out of their portal: two empty lines, a '#' title with spaces
 * around the year, headings at levels ## ## ### #### #### ####, blank lines between blocks, no
 * final newline; tables as tab-separated rows. Its Table 三 sits on a 10-column grid — the
 * label in the first two or three cells (empty where a rowspanned group cell stood), the 7
 * numbers, an empty cell for rows with a shorter label — and its last rows ("3. 其他",
 * "(七) 总计", "四、…") start in the first cell (the source table's spans ended there).
 * The printed forms of the labels differ from the format's exact labels in a regular way;
 * txt_label() below is the one place that knows how.
 * May use base/, text/ and format/.
 */
#include "render/render.h"

#include <string.h>

/* Heading level ('#' count) of the title and of each section in the reference. */
static const int heading_level[SEC__MAX] = { 2, 2, 3, 4, 4, 4 };
#define TITLE_LEVEL 1

enum txl {
	TXL_PLAIN,   /* as declared */
	TXL_NOTE,    /* （…） → (…) */
	TXL_ROW,     /* （一）予以公开 → (一) 予以公开; 1.属于 → 1. 属于; X（a，b）→ X (a, b) */
	TXL_SPLIT,   /* 结果维持 → 结果 维持 (four-character Table 四 labels) */
};

#define FW_LPAREN "（"
#define FW_RPAREN "）"
#define FW_COMMA "，"

static int starts(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

/* The printed form of an exact label. */
static int txt_label(struct buf *out, const char *s, enum txl kind)
{
	int rc = 0;

	if (kind == TXL_SPLIT && strlen(s) == 12)   /* four 3-byte Han characters */
		return buf_printf(out, "%.6s %s", s, s + 6);
	if (kind == TXL_ROW && starts(s, FW_LPAREN)) {
		const char *end = strstr(s, FW_RPAREN);
		if (end) {
			rc = buf_printf(out, "(%.*s) ", (int)(end - s - 3), s + 3);
			s = end + 3;
		}
	} else if (kind == TXL_ROW && s[0] >= '0' && s[0] <= '9') {
		size_t n = strspn(s, "0123456789");
		if (s[n] == '.') {
			rc = buf_printf(out, "%.*s. ", (int)n, s);
			s += n + 1;
		}
	}
	while (rc == 0 && *s) {
		if ((kind == TXL_ROW || kind == TXL_NOTE) && starts(s, FW_LPAREN)) {
			rc = buf_puts(out, kind == TXL_ROW ? " (" : "(");
			s += 3;
		} else if ((kind == TXL_ROW || kind == TXL_NOTE) && starts(s, FW_RPAREN)) {
			rc = buf_putc(out, ')');
			s += 3;
		} else if (kind == TXL_ROW && starts(s, FW_COMMA)) {
			rc = buf_puts(out, ", ");
			s += 3;
		} else {
			rc = buf_putc(out, *s++);
		}
	}
	return rc;
}

/* Tab-separated cells: writes a tab before every cell but the first. */
struct row {
	struct buf *out;
	int n;
	int rc;
};

static void cell_label(struct row *r, const char *label, enum txl kind)
{
	if (r->rc == 0 && r->n++ > 0)
		r->rc = buf_putc(r->out, '\t');
	if (r->rc == 0 && label)
		r->rc = txt_label(r->out, label, kind);
}

static void cell_empty(struct row *r, int n)
{
	while (n-- > 0)
		cell_label(r, NULL, TXL_PLAIN);
}

static void cell_value(struct row *r, const struct report_cells *c, int idx)
{
	cell_empty(r, 1);
	if (r->rc == 0)
		r->rc = cells_write(c, idx, 4, r->out);
}

static void end_row(struct row *r, int last)
{
	if (r->rc == 0 && !last)
		r->rc = buf_putc(r->out, '\n');
	r->n = 0;
}

static int table2(const struct report_cells *c, struct buf *out)
{
	const struct report_format *f = c->fmt;
	struct row r = { out, 0, 0 };

	for (int b = 0; b < f->t2_nblocks; b++) {
		const struct fmt_t2_block *bl = &f->t2_blocks[b];

		cell_label(&r, bl->title, TXL_PLAIN);
		cell_empty(&r, 3);
		end_row(&r, 0);
		cell_label(&r, f->t2_header, TXL_PLAIN);
		for (int col = 0; col < bl->ncols; col++)
			cell_label(&r, bl->cols[col].label, TXL_PLAIN);
		cell_empty(&r, 3 - bl->ncols);
		end_row(&r, 0);
		for (int row = 0; row < bl->nrows; row++) {
			cell_label(&r, bl->rows[row].label, TXL_PLAIN);
			for (int col = 0; col < bl->ncols; col++)
				cell_value(&r, c, fmt_t2_cell(f, b, row, col));
			cell_empty(&r, 3 - bl->ncols);
			end_row(&r, b == f->t2_nblocks - 1 && row == bl->nrows - 1);
		}
	}
	return r.rc;
}

static int table3(const struct report_cells *c, struct buf *out)
{
	const struct report_format *f = c->fmt;
	struct row r = { out, 0, 0 };
	int result_done = 0;

	cell_label(&r, f->t3_note, TXL_NOTE);
	cell_empty(&r, 1);
	cell_label(&r, f->t3_applicant, TXL_PLAIN);
	cell_empty(&r, T3C__MAX - 2);
	cell_label(&r, f->t3_cols[T3C_TOTAL].label, TXL_PLAIN);
	cell_empty(&r, 1);
	end_row(&r, 0);
	cell_empty(&r, 2);
	cell_label(&r, f->t3_cols[T3C_NP].label, TXL_PLAIN);
	cell_label(&r, f->t3_org, TXL_PLAIN);
	cell_empty(&r, T3C__MAX - 1);
	end_row(&r, 0);
	cell_empty(&r, 3);
	for (int col = T3C_BIZ; col < T3C_TOTAL; col++)
		cell_label(&r, f->t3_cols[col].label, TXL_PLAIN);
	cell_empty(&r, 2);
	end_row(&r, 0);
	for (int p = 0; p < f->t3_nrows; p++) {
		const struct fmt_t3_row *row = &f->t3_rows[p];
		/* the reference's flattened rows: 一、二、四, （七）总计 and （六）3.其他 */
		int flat = row->kind == T3K_TOP || row->key == T3R_HANDLED_TOTAL ||
			   row->key == T3R_OTHER_MISC;

		if (flat) {
			cell_label(&r, row->label, TXL_ROW);
			cell_empty(&r, 1);
		} else if (row->kind == T3K_RESULT) {
			cell_label(&r, result_done++ ? NULL : f->t3_result, TXL_ROW);
			cell_label(&r, row->label, TXL_ROW);
		} else {
			int first = f->t3_rows[p - 1].group != row->group;
			cell_empty(&r, 1);
			cell_label(&r, first ? f->t3_groups[row->group].label : NULL, TXL_ROW);
			cell_label(&r, row->label, TXL_ROW);
			result_done++;
		}
		for (int col = 0; col < T3C__MAX; col++)
			cell_value(&r, c, fmt_t3_cell(f, row->key, col));
		if (row->kind != T3K_REASON || flat)
			cell_empty(&r, 1);
		end_row(&r, p == f->t3_nrows - 1);
	}
	return r.rc;
}

static int table4(const struct report_cells *c, struct buf *out)
{
	const struct report_format *f = c->fmt;
	struct row r = { out, 0, 0 };

	cell_label(&r, f->t4_review, TXL_PLAIN);
	cell_empty(&r, T4C__MAX - 1);
	cell_label(&r, f->t4_litigation, TXL_PLAIN);
	cell_empty(&r, 2 * T4C__MAX - 1);
	end_row(&r, 0);
	for (int col = 0; col < T4C__MAX; col++)
		cell_label(&r, f->t4_cols[col].label, TXL_SPLIT);
	for (int g = T4G_LIT_DIRECT; g < T4G__MAX; g++) {
		cell_label(&r, f->t4_groups[g].label, TXL_PLAIN);
		cell_empty(&r, T4C__MAX - 1);
	}
	end_row(&r, 0);
	cell_empty(&r, T4C__MAX);
	for (int g = T4G_LIT_DIRECT; g < T4G__MAX; g++)
		for (int col = 0; col < T4C__MAX; col++)
			cell_label(&r, f->t4_cols[col].label, TXL_SPLIT);
	end_row(&r, 0);
	for (int g = 0; g < T4G__MAX; g++)
		for (int col = 0; col < T4C__MAX; col++)
			cell_value(&r, c, fmt_t4_cell(f, g, col));
	end_row(&r, 1);
	return r.rc;
}

/* A block of the document: every block is preceded by an empty line ("\n\n"). */
static int block_start(struct buf *out)
{
	return buf_puts(out, "\n\n");
}

int render_txt(const struct annual_report *r, struct buf *out, struct gk_error *e)
{
	const struct report_format *f = r->cells.fmt;
	int rc;

	if (!f)
		return err_set(e, ERR_INVALID, "format", "the report has no format");
	if ((rc = block_start(out)) || (rc = buf_printf(out, "%.*s %s %d 年政府信息公开工作年度报告",
							 TITLE_LEVEL, "#", r->agency ? r->agency : "",
							 r->year)))
		goto out;
	for (int s = 0; s < SEC__MAX; s++) {
		size_t len;
		const char *body = report_section_text(r, s, &len);

		if ((rc = block_start(out)) || (rc = buf_printf(out, "%.*s ", heading_level[s], "####")) ||
		    (rc = fmt_section_heading(f, s, out)))
			goto out;
		if (len && ((rc = block_start(out)) || (rc = buf_append(out, body, len))))
			goto out;
		if (s == SEC_PROACTIVE || s == SEC_APPLICATIONS || s == SEC_REVIEW_LITIGATION) {
			if ((rc = block_start(out)))
				goto out;
			rc = s == SEC_PROACTIVE ? table2(&r->cells, out) :
			     s == SEC_APPLICATIONS ? table3(&r->cells, out) : table4(&r->cells, out);
			if (rc)
				goto out;
		}
	}
out:
	if (rc)
		err_set(e, rc, "report", "cannot write the report as text");
	return rc;
}
