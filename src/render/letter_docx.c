/*
 * letter_docx.c — a reply letter (告知书) as a Word document, written with the one DOCX writer
 * of docx_pkg.h (the same page, styles, fonts and package as the annual report). See letter.h.
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

#define NO_INDENT "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
#define CENTRED NO_INDENT "<w:jc w:val=\"center\"/>"
/* 右空四字: four characters of 16 pt (320 twips) from the right margin. */
#define SIGNED "<w:ind w:right=\"1280\" w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"right\"/>"

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

/* A paragraph of the pieces joined (NULL ends the list). */
static int para_of(struct buf *doc, struct buf *tmp, const char *pr, const char *const *pieces)
{
	int rc = 0;

	buf_reset(tmp);
	for (; *pieces && rc == 0; pieces++)
		rc = buf_puts(tmp, *pieces);
	if (rc == 0)
		rc = docx_para(doc, NULL, pr, tmp->ptr ? tmp->ptr : "", tmp->len);
	return rc;
}

#define PARA(pr, ...) para_of(&doc, &tmp, pr, (const char *const[]){ __VA_ARGS__, NULL })

int render_letter_docx(const struct letter *l, struct buf *out, struct gk_error *e)
{
	struct docx_meta meta = { str(l->title), str(l->organ), 2000, 1, 1 };
	struct buf doc, tmp;
	char when[64] = "", received[64];
	int day, rc;

	if ((rc = check_utf8(l, e)) != 0)
		return rc;
	/* The date printed and the date the package carries: the letter's, else the receipt's. */
	if (date_parse(str(l->date), &day, "date", NULL) == 0 ||
	    date_parse(str(l->received), &day, "received", NULL) == 0)
		date_split(day, &meta.y, &meta.m, &meta.d);
	if (l->date && *l->date && date_parse(l->date, &day, "date", NULL) == 0)
		snprintf(when, sizeof when, "%d年%d月%d日", meta.y, meta.m, meta.d);
	if (date_parse(str(l->received), &day, "received", NULL) == 0) {
		int y, m, d;

		date_split(day, &y, &m, &d);
		snprintf(received, sizeof received, "%d年%d月%d日", y, m, d);
	} else {
		snprintf(received, sizeof received, "%s", str(l->received));
	}
	buf_init(&doc, 0);
	buf_init(&tmp, 0);
	if ((rc = docx_body_begin(&doc)) ||
	    (rc = docx_para(&doc, "Title", "", str(l->title), strlen(str(l->title)))) ||
	    (rc = PARA(CENTRED, "编号：", str(l->ref))) ||
	    (rc = PARA(NO_INDENT, str(l->applicant), "：")) ||
	    (rc = PARA("", "本机关于", received, "收到您提出的政府信息公开申请",
		       l->request && *l->request ? "（" : "", str(l->request),
		       l->request && *l->request ? "）" : "", "。")) ||
	    (rc = PARA("", str(l->conclusion))) ||
	    (rc = PARA("", "处理结果：", str(l->outcome), "。")) ||
	    (rc = PARA("", "法律依据：", str(l->basis), "。")) ||
	    (l->reasons && *l->reasons && (rc = PARA("", "理由：", l->reasons))) ||
	    (rc = PARA("", str(l->remedy))) ||
	    (rc = PARA(NO_INDENT, "")) ||
	    (rc = PARA(SIGNED, str(l->organ))) ||
	    (rc = PARA(SIGNED, when)) ||
	    (rc = PARA(SIGNED, "（印章）")) ||
	    (rc = docx_body_end(&doc)))
		goto out;
	rc = docx_package(&doc, &meta, out);
out:
	buf_free(&doc);
	buf_free(&tmp);
	if (rc && e && !e->code)
		err_set(e, rc, "letter", rc == ERR_LIMIT ? "the DOCX is larger than the output allows"
							  : "cannot write the letter as DOCX");
	return rc;
}
