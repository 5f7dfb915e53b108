/*
 * letter.c — a reply letter (告知书) as a notice (notice.h): its parts joined into the
 * paragraphs of the notice — receipt and request, conclusion, 处理结果, 法律依据, 理由, the
 * remedy statement — and written by the one notice layout in any of its formats. See letter.h.
 * May use base/ and text/.
 */
#include "render/letter.h"

#include <string.h>

#include "text/utf8.h"

/* Each part with the name an error gives it. */
static int check_utf8(const struct letter *l, struct gk_error *e)
{
	const struct { const char *name, *s; } parts[] = {
		{ "title", l->title }, { "ref", l->ref }, { "applicant", l->applicant },
		{ "received", l->received }, { "request", l->request }, { "outcome", l->outcome },
		{ "conclusion", l->conclusion }, { "basis", l->basis }, { "reasons", l->reasons },
		{ "remedy", l->remedy }, { "organ", l->organ }, { "date", l->date },
		{ "ref_number", l->ref_number },
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

/* Join the pieces (NULL ends the list) into b, as a paragraph of n. */
static int para(struct notice_doc *n, struct buf *b, const char *const *pieces)
{
	int rc = 0;

	for (; *pieces && rc == 0; pieces++)
		rc = buf_puts(b, *pieces);
	if (rc == 0)
		n->paras[n->npara++] = buf_cstr(b);
	return rc;
}

#define PARA(b, ...) para(&n, b, (const char *const[]){ __VA_ARGS__, NULL })

int render_letter(const struct letter *l, int format, struct buf *out, struct gk_error *e)
{
	const char *req = str(l->request);
	struct notice_doc n;
	struct buf b[6];
	char received[64];
	int rc;

	if ((rc = check_utf8(l, e)) != 0)
		return rc;
	memset(&n, 0, sizeof n);
	for (int i = 0; i < 6; i++)
		buf_init(&b[i], 0);
	notice_date_cn(l->received, received);
	n.title = str(l->title);
	n.addressee = str(l->applicant);
	n.organ = str(l->organ);
	n.date = str(l->date);
	n.filed = str(l->received);
	n.version = str(l->version);
	if (l->ref_number && *l->ref_number)
		rc = PARA(&b[0], l->ref_number, "　查询码：", str(l->ref));
	else
		rc = PARA(&b[0], "编号：", str(l->ref));
	n.ref = n.paras[0];
	n.npara = 0;
	if (rc || (rc = PARA(&b[1], "本机关于", received, "收到您提出的政府信息公开申请",
			     *req ? "（" : "", req, *req ? "）" : "", "。")) ||
	    (rc = PARA(&b[2], str(l->conclusion))) ||
	    (rc = PARA(&b[3], "处理结果：", str(l->outcome), "。")) ||
	    (rc = PARA(&b[4], "法律依据：", str(l->basis), "。")))
		goto out;
	if (l->reasons && *l->reasons && (rc = PARA(&b[5], "理由：", l->reasons)))
		goto out;
	n.paras[n.npara++] = str(l->remedy);
	rc = render_notice(&n, format, out, e);
out:
	for (int i = 0; i < 6; i++)
		buf_free(&b[i]);
	if (rc && e && !e->code)
		err_set(e, rc, "letter", "the letter is larger than the output allows");
	return rc;
}

int render_letter_docx(const struct letter *l, struct buf *out, struct gk_error *e)
{
	return render_letter(l, NOTICE_DOCX, out, e);
}

int render_letter_txt(const struct letter *l, struct buf *out, struct gk_error *e)
{
	return render_letter(l, NOTICE_TXT, out, e);
}
