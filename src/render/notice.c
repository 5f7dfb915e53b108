/*
 * notice.c — a notice laid out as paragraphs once (notice_walk) and written as plain text, a
 * Word document (docx_pkg.h), a PDF or an OFD (page.h, ofd.h). See notice.h.
 * May use base/ and text/.
 */
#include "render/notice.h"

#include <stdio.h>
#include <string.h>

#include "render/docx_pkg.h"
#include "render/ofd.h"
#include "render/page.h"
#include "text/date.h"
#include "text/utf8.h"

/* The kinds of paragraph of a notice. */
enum part { P_TITLE, P_REF, P_ADDRESSEE, P_BODY, P_BLANK, P_SIGNED };

typedef int (*part_fn)(void *ctx, enum part kind, const char *s, size_t len);

static const char *str(const char *s)
{
	return s ? s : "";
}

static const char *const format_names[NOTICE__MAX] = { "txt", "docx", "pdf", "ofd" };
static const char *const format_types[NOTICE__MAX] = {
	"text/plain; charset=utf-8",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"application/pdf", "application/ofd",
};

int notice_format_by_name(const char *name)
{
	for (int f = 0; name && f < NOTICE__MAX; f++)
		if (strcmp(format_names[f], name) == 0)
			return f;
	return -1;
}

int notice_format_binary(int format)
{
	return format != NOTICE_TXT;
}

const char *notice_format_name(int format)
{
	return format_names[format];
}

const char *notice_format_type(int format)
{
	return format_types[format];
}

void notice_date_cn(const char *ymd, char out[64])
{
	int day, y, m, d;

	if (date_parse(str(ymd), &day, "date", NULL) == 0) {
		date_split(day, &y, &m, &d);
		snprintf(out, 64, "%d年%d月%d日", y, m, d);
	} else {
		snprintf(out, 64, "%s", str(ymd));
	}
}

/* Each part with the name an error gives it. */
static int check_utf8(const struct notice_doc *n, struct gk_error *e)
{
	const struct { const char *name, *s; } parts[] = {
		{ "title", n->title }, { "ref", n->ref }, { "addressee", n->addressee },
		{ "organ", n->organ }, { "date", n->date }, { "version", n->version },
	};

	if (n->npara > NOTICE_MAX_PARAS)
		return err_set(e, ERR_LIMIT, "body", "a notice has at most %d paragraphs",
			       NOTICE_MAX_PARAS);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (parts[i].s && !utf8_valid(parts[i].s, strlen(parts[i].s)))
			return err_set(e, ERR_INVALID, parts[i].name, "the notice's %s is not UTF-8",
				       parts[i].name);
	for (size_t i = 0; i < n->npara; i++)
		if (n->paras[i] && !utf8_valid(n->paras[i], strlen(n->paras[i])))
			return err_set(e, ERR_INVALID, "body", "paragraph %zu of the notice is not UTF-8",
				       i + 1);
	return 0;
}

/* The date a notice's file carries: its own, else filed, else 2000-01-01. */
static void notice_day(const struct notice_doc *n, int *y, int *m, int *d)
{
	int day;

	*y = 2000;
	*m = *d = 1;
	if (date_parse(str(n->date), &day, "date", NULL) == 0 ||
	    date_parse(str(n->filed), &day, "date", NULL) == 0)
		date_split(day, y, m, d);
}

static int part(part_fn fn, void *ctx, enum part kind, const char *s)
{
	return fn(ctx, kind, s, strlen(s));
}

/* Hand the notice's paragraphs, in order, to fn. */
static int notice_walk(const struct notice_doc *n, part_fn fn, void *ctx)
{
	char when[64];
	struct buf tmp;
	int rc;

	notice_date_cn(n->date, when);
	buf_init(&tmp, 0);
	if ((rc = part(fn, ctx, P_TITLE, str(n->title))) || (rc = part(fn, ctx, P_REF, str(n->ref))) ||
	    (rc = buf_puts(&tmp, str(n->addressee))) || (rc = buf_puts(&tmp, "：")) ||
	    (rc = fn(ctx, P_ADDRESSEE, tmp.ptr, tmp.len)))
		goto out;
	for (size_t i = 0; i < n->npara && rc == 0; i++)
		if (n->paras[i] && *n->paras[i])
			rc = part(fn, ctx, P_BODY, n->paras[i]);
	if (rc || (rc = part(fn, ctx, P_BLANK, "")) || (rc = part(fn, ctx, P_SIGNED, str(n->organ))) ||
	    (rc = part(fn, ctx, P_SIGNED, when)) || (rc = part(fn, ctx, P_SIGNED, "（印章）")))
		goto out;
out:
	buf_free(&tmp);
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

static int notice_docx(const struct notice_doc *n, struct buf *out)
{
	struct docx_meta meta = { str(n->title), str(n->organ), 0, 0, 0 };
	struct buf doc;
	int rc;

	notice_day(n, &meta.y, &meta.m, &meta.d);
	buf_init(&doc, 0);
	if ((rc = docx_body_begin(&doc)) == 0 && (rc = notice_walk(n, docx_part, &doc)) == 0 &&
	    (rc = docx_body_end(&doc)) == 0)
		rc = docx_package(&doc, &meta, out);
	buf_free(&doc);
	return rc;
}

/* ---- PDF and OFD: the page engine ---- */

enum { F_TITLE, F_BODY, F_FOOTER, F__MAX };

/* As the report's PDF: the Noto CJK faces stand in for the official ones the OFD names. */
static const struct page_font fonts[F__MAX] = {
	[F_TITLE] = { "Noto Serif CJK SC Bold 22", 35, OFD_FONT_TITLE },
	[F_BODY] = { "Noto Serif CJK SC 16", 28, OFD_FONT_BODY },
	[F_FOOTER] = { "Noto Serif CJK SC 14", 20, OFD_FONT_TABLE },
};

#define INDENT 32.0   /* two characters of 16 pt */
#define RIGHT 64.0    /* 右空四字 */

static int page_part(void *ctx, enum part kind, const char *s, size_t len)
{
	struct page *p = ctx;

	switch (kind) {
	case P_TITLE:
		page_text_block(p, F_TITLE, s, len, PAGE_TEXT_W, 0, PANGO_ALIGN_CENTER, 0, 0);
		p->y += fonts[F_BODY].leading / 2;
		break;
	case P_REF:
		page_text_block(p, F_BODY, s, len, PAGE_TEXT_W, 0, PANGO_ALIGN_CENTER, 0, 0);
		p->y += fonts[F_BODY].leading / 2;
		break;
	case P_ADDRESSEE:
		page_text_block(p, F_BODY, s, len, PAGE_TEXT_W, 0, PANGO_ALIGN_LEFT, 0, 0);
		break;
	case P_BODY:
		page_text_block(p, F_BODY, s, len, PAGE_TEXT_W, INDENT, PANGO_ALIGN_LEFT, 0, 0);
		break;
	case P_BLANK:
		/* the organ, the date and the seal line stay together on one page */
		if (p->y + 4 * fonts[F_BODY].leading > PAGE_BOTTOM)
			page_new_page(p);
		else
			p->y += fonts[F_BODY].leading;
		break;
	case P_SIGNED:
		page_text_block(p, F_BODY, s, len, PAGE_TEXT_W - RIGHT, 0, PANGO_ALIGN_RIGHT, 0, 0);
		break;
	}
	return p->rc;
}

/* As a PDF into out, or — ofd given — as the OFD of the same pages. */
static int notice_pages(const struct notice_doc *n, struct ofd *ofd, struct buf *out)
{
	struct page_meta meta = { str(n->title), str(n->organ), 0, 0, 0 };
	struct page p;
	int rc, rc2;

	notice_day(n, &meta.y, &meta.m, &meta.d);
	page_open(&p, fonts, F__MAX, F_FOOTER, &meta, ofd ? NULL : out, ofd);
	rc = notice_walk(n, page_part, &p);
	rc2 = page_close(&p, rc == 0);
	if (rc == 0)
		rc = rc2;
	if (rc == 0 && ofd)
		rc = ofd_finish(ofd, &meta, out);
	return rc;
}

int render_notice(const struct notice_doc *n, int format, struct buf *out, struct gk_error *e)
{
	struct ofd *o;
	int rc;

	if ((rc = check_utf8(n, e)) != 0)
		return rc;
	switch (format) {
	case NOTICE_TXT:
		rc = notice_walk(n, txt_part, out);
		break;
	case NOTICE_DOCX:
		rc = notice_docx(n, out);
		break;
	case NOTICE_PDF:
		rc = notice_pages(n, NULL, out);
		break;
	case NOTICE_OFD:
		o = ofd_new(fonts, F__MAX);
		rc = notice_pages(n, o, out);
		ofd_free(o);
		break;
	default:
		return err_set(e, ERR_INVALID, "--format", "unknown notice format %d", format);
	}
	if (rc && e && !e->code)
		err_set(e, rc, "notice", rc == ERR_LIMIT ? "the %s is larger than the output allows"
							 : "cannot write the notice as %s",
			format_names[format]);
	return rc;
}
