/*
 * letter.c — a reply letter (告知书) laid out as paragraphs once (letter_walk) and written as
 * a Word document with the one DOCX writer of docx_pkg.h (the same page, styles, fonts and
 * package as the annual report) or as plain text. See letter.h.
 *
 * Layout after 党政机关公文格式 (GB/T 9704): the title centred in 方正小标宋简体 二号; the
 * reference (编号) centred under it; the addressee flush left followed by a full-width colon;
 * the body in 仿宋_GB2312 三号 with a two-character first-line indent; the organ's name and the
 * date written out in Chinese (2024年10月31日) right-aligned four characters from the margin,
 * with the seal line under them.
 * May use base/ and text/.
 */
#include "render/letter.h"

#include <stdio.h>
#include <string.h>

#include "render/docx_pkg.h"
#include "text/date.h"
#include "text/utf8.h"

/* The kinds of paragraph of a letter. */
enum part { P_TITLE, P_REF, P_ADDRESSEE, P_BODY, P_BLANK, P_SIGNED };

typedef int (*part_fn)(void *ctx, enum part kind, const char *s, size_t len);

/* Each part with the name an error gives it. */
static int check_utf8(const struct letter *l, struct gk_error *e)
{
	const struct { const char *name, *s; } parts[] = {
		{ "title", l->title }, { "ref", l->ref }, { "applicant", l->applicant },
		{ "received", l->received }, { "request", l->request }, { "outcome", l->outcome },
		{ "conclusion", l->conclusion }, { "basis", l->basis }, { "reasons", l->reasons },
		{ "remedy", l->remedy }, { "organ", l->organ }, { "date", l->date },
	};

	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (parts[i].s && !utf8_valid(parts[i].s, strlen(parts[i].s)))
			return err_set(e, ERR_INVALID, parts[i].name, "the letter's %s is not UTF-8",
				       parts[i].name);
	return 0;
}

static const char *str(const char *s)
{
	return s ? s : "";
}

/* "2024-09-27" → "2024年9月27日" into out (a text that is not a date is copied; "" stays ""). */
static void chinese_date(const char *ymd, char out[64])
{
	int day, y, m, d;

	if (date_parse(str(ymd), &day, "date", NULL) == 0) {
		date_split(day, &y, &m, &d);
		snprintf(out, 64, "%d年%d月%d日", y, m, d);
	} else {
		snprintf(out, 64, "%s", str(ymd));
	}
}

/* The date a letter's file carries: its own, else the date received, else 2000-01-01. */
static void letter_day(const struct letter *l, int *y, int *m, int *d)
{
	int day;

	*y = 2000;
	*m = *d = 1;
	if (date_parse(str(l->date), &day, "date", NULL) == 0 ||
	    date_parse(str(l->received), &day, "received", NULL) == 0)
		date_split(day, y, m, d);
}

/* One paragraph of the pieces joined (NULL ends the list). */
static int part_of(part_fn fn, void *ctx, struct buf *tmp, enum part kind,
		   const char *const *pieces)
{
	int rc = 0;

	buf_reset(tmp);
	for (; *pieces && rc == 0; pieces++)
		rc = buf_puts(tmp, *pieces);
	if (rc == 0)
		rc = fn(ctx, kind, tmp->ptr ? tmp->ptr : "", tmp->len);
	return rc;
}

#define PART(kind, ...) part_of(fn, ctx, &tmp, kind, (const char *const[]){ __VA_ARGS__, NULL })

/* Hand the letter's paragraphs, in order, to fn. */
static int letter_walk(const struct letter *l, part_fn fn, void *ctx)
{
	const char *req = str(l->request);
	char received[64], when[64];
	struct buf tmp;
	int rc;

	chinese_date(l->received, received);
	chinese_date(l->date, when);
	buf_init(&tmp, 0);
	if ((rc = PART(P_TITLE, str(l->title))) ||
	    (rc = PART(P_REF, "编号：", str(l->ref))) ||
	    (rc = PART(P_ADDRESSEE, str(l->applicant), "：")) ||
	    (rc = PART(P_BODY, "本机关于", received, "收到您提出的政府信息公开申请",
		       *req ? "（" : "", req, *req ? "）" : "", "。")) ||
	    (rc = PART(P_BODY, str(l->conclusion))) ||
	    (rc = PART(P_BODY, "处理结果：", str(l->outcome), "。")) ||
	    (rc = PART(P_BODY, "法律依据：", str(l->basis), "。")) ||
	    (l->reasons && *l->reasons && (rc = PART(P_BODY, "理由：", l->reasons))) ||
	    (rc = PART(P_BODY, str(l->remedy))) ||
	    (rc = PART(P_BLANK, "")) ||
	    (rc = PART(P_SIGNED, str(l->organ))) ||
	    (rc = PART(P_SIGNED, when)) ||
	    (rc = PART(P_SIGNED, "（印章）")))
		goto out;
out:
	buf_free(&tmp);
	return rc;
}

/* ---- DOCX ---- */

#define NO_INDENT "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
/* 右空四字: four characters of 16 pt (320 twips) from the right margin. */
#define SIGNED "<w:ind w:right=\"1280\" w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"right\"/>"

static int docx_part(void *ctx, enum part kind, const char *s, size_t len)
{
	static const struct { const char *style, *pr; } look[] = {
		[P_TITLE] = { "Title", "" },
		[P_REF] = { NULL, NO_INDENT "<w:jc w:val=\"center\"/>" },
		[P_ADDRESSEE] = { NULL, NO_INDENT },
		[P_BODY] = { NULL, "" },
		[P_BLANK] = { NULL, NO_INDENT },
		[P_SIGNED] = { NULL, SIGNED },
	};

	return docx_para(ctx, look[kind].style, look[kind].pr, s, len);
}

int render_letter_docx(const struct letter *l, struct buf *out, struct gk_error *e)
{
	struct docx_meta meta = { str(l->title), str(l->organ), 0, 0, 0 };
	struct buf doc;
	int rc;

	if ((rc = check_utf8(l, e)) != 0)
		return rc;
	letter_day(l, &meta.y, &meta.m, &meta.d);
	buf_init(&doc, 0);
	if ((rc = docx_body_begin(&doc)) == 0 && (rc = letter_walk(l, docx_part, &doc)) == 0 &&
	    (rc = docx_body_end(&doc)) == 0)
		rc = docx_package(&doc, &meta, out);
	buf_free(&doc);
	if (rc && e && !e->code)
		err_set(e, rc, "letter", rc == ERR_LIMIT ? "the DOCX is larger than the output allows"
							  : "cannot write the letter as DOCX");
	return rc;
}

/* ---- plain text ---- */

static int txt_part(void *ctx, enum part kind, const char *s, size_t len)
{
	static const char *const lead[] = {
		[P_TITLE] = "", [P_REF] = "", [P_ADDRESSEE] = "\n", [P_BODY] = "　　",
		[P_BLANK] = "", [P_SIGNED] = "　　　　　　　　　　　　",
	};
	struct buf *out = ctx;
	int rc;

	if ((rc = buf_puts(out, lead[kind])) == 0 && (rc = buf_append(out, s, len)) == 0)
		rc = buf_putc(out, '\n');
	return rc;
}

int render_letter_txt(const struct letter *l, struct buf *out, struct gk_error *e)
{
	int rc;

	if ((rc = check_utf8(l, e)) != 0)
		return rc;
	if ((rc = letter_walk(l, txt_part, out)) != 0 && e && !e->code)
		err_set(e, rc, "letter", "the letter is larger than the output allows");
	return rc;
}
