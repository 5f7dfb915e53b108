/*
 * walk.c — the report as title, headings, paragraphs and tables (see walk.h).
 * May use base/, text/ and format/.
 */
#include "render/walk.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "text/date.h"
#include "text/utf8.h"

static int is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

int walk_paragraphs(const char *text, int (*fn)(void *ctx, const char *s, size_t len), void *ctx)
{
	const char *p = text;
	int rc = 0;

	while (p && *p && rc == 0) {
		const char *end = strstr(p, "\n\n");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		size_t start = 0;

		while (start < len && is_space(p[start]))
			start++;
		while (len > start && is_space(p[len - 1]))
			len--;
		if (len > start)
			rc = fn(ctx, p + start, len - start);
		p = end ? end + 2 : p + strlen(p);
	}
	return rc;
}

int walk_cell_text(const struct report_cells *c, int idx, struct buf *out)
{
	buf_reset(out);
	return cells_write(c, idx, 4, out);
}

static int valid(const char *s)
{
	return !s || utf8_valid(s, strlen(s));
}

int walk_report(const struct annual_report *r, const struct walk_ops *ops, void *ctx,
		struct gk_error *e)
{
	const struct report_format *f = r->cells.fmt;
	struct lay_table *lt = NULL;
	struct buf b;
	int rc;

	if (!f)
		return err_set(e, ERR_INVALID, "format", "the report has no format");
	if (!valid(r->agency))
		return err_set(e, ERR_INVALID, "agency", "the agency name is not valid UTF-8");
	for (int s = 0; s < SEC__MAX; s++)
		if (!valid(r->section[s]))
			return err_set(e, ERR_INVALID, fmt_section_id(s),
				       "the text of section %s is not valid UTF-8", fmt_section_id(s));
	buf_init(&b, 0);
	if ((rc = fmt_title(r->agency, r->year, &b)) || (rc = ops->title(ctx, b.ptr, b.len)))
		goto out;
	lt = xmalloc(sizeof *lt);
	for (int s = 0; s < SEC__MAX && rc == 0; s++) {
		enum fmt_table t = s == SEC_PROACTIVE ? TBL_2 : s == SEC_APPLICATIONS ? TBL_3
				 : s == SEC_REVIEW_LITIGATION ? TBL_4 : 0;

		buf_reset(&b);
		if ((rc = fmt_section_heading(f, s, &b)) || (rc = ops->heading(ctx, s, b.ptr, b.len)))
			break;
		if (r->section[s] && (rc = walk_paragraphs(r->section[s], ops->para, ctx)))
			break;
		if (t) {
			layout_build(f, t, lt);
			rc = ops->table(ctx, lt, &r->cells);
		}
	}
out:
	free(lt);
	buf_free(&b);
	return rc;
}

time_t walk_fixed_time(int year)
{
	int y = year >= 1970 && year < 9000 ? year + 1 : 2000;

	return (time_t)date_make(y, 1, 1) * 86400;
}

size_t walk_title_break(const char *title, size_t len)
{
	static const char tail[] = "政府信息公开工作年度报告";
	size_t n = sizeof tail - 1;

	return len > n && memcmp(title + len - n, tail, n) == 0 ? len - n : 0;
}
