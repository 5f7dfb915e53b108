/*
 * letter.c — a reply letter (告知书) as a notice (notice.h): its reference line and the body
 * the domain filled from the organ's wording, written by the one notice layout in any of its
 * formats. See letter.h.
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

	for (size_t i = 0; i < l->npara && i < NOTICE_MAX_PARAS; i++)
		if (l->paras[i] && !utf8_valid(l->paras[i], strlen(l->paras[i])))
			return err_set(e, ERR_INVALID, "body", "the letter's body is not UTF-8");

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

int render_letter(const struct letter *l, int format, struct buf *out, struct gk_error *e)
{
	struct notice_doc n;
	struct buf ref;
	int rc;

	if ((rc = check_utf8(l, e)) != 0)
		return rc;
	memset(&n, 0, sizeof n);
	buf_init(&ref, 0);
	n.title = str(l->title);
	n.addressee = str(l->applicant);
	n.organ = str(l->organ);
	n.date = str(l->date);
	n.filed = str(l->received);
	n.version = str(l->version);
	for (size_t i = 0; i < l->npara && i < NOTICE_MAX_PARAS; i++)
		n.paras[n.npara++] = str(l->paras[i]);
	if (l->ref_number && *l->ref_number)
		rc = buf_printf(&ref, "%s　查询码：%s", l->ref_number, str(l->ref));
	else
		rc = buf_printf(&ref, "编号：%s", str(l->ref));
	n.ref = rc == 0 ? buf_cstr(&ref) : "";
	if (rc == 0)
		rc = render_notice(&n, format, out, e);
	buf_free(&ref);
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
