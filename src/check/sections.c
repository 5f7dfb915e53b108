/*
 * sections.c — the format version and the six section headings of a capture (spec §1, §7.1).
 * Headings are accepted by numeral and keyword of the declared format, in increasing order only;
 * a sentence is never a heading. May call base/, text/, format/.
 */
#include "check/extract_int.h"

#include <stdlib.h>
#include "check/decode.h"
#include "text/utf8.h"

/* ---- format, sections ------------------------------------------------------------------------ */

enum chk_format chk_detect_format(const struct extraction *x, const char *flat)
{
	/* spec §7.1, first match wins */
	if (has(flat, "本年制发件数") || has(flat, "本年收费金额") ||
	    has(flat, "申请人逾期未按收费通知要求缴纳费用") || has(flat, "〔2021〕30号"))
		return CHK_FMT_2021;
	if (has(flat, "本年新制作数量") || has(flat, "对外公开总数量") ||
	    has(flat, "第二十条第(九)项") || has(flat, "政府集中采购") || has(flat, "〔2019〕60号"))
		return CHK_FMT_2019;
	if (has(flat, "勾稽关系")) {
		if (has(flat, "申请人无正当理由逾期不补正"))
			return CHK_FMT_2021;
		return CHK_FMT_UNKNOWN;
	}
	{
		int legacy = has(flat, "概述") + has(flat, "依申请公开政府信息情况") +
			     (has(flat, "收费及减免") || has(flat, "收费和减免")) +
			     has(flat, "因政府信息公开申请行政复议");
		if (legacy >= 2 || (x->r->rep.year && x->r->rep.year <= 2018 && legacy >= 1))
			return CHK_FMT_LEGACY;
	}
	return CHK_FMT_UNKNOWN;
}

const char *const chk_section_numeral[SEC__MAX] = { "一", "二", "三", "四", "五", "六" };

/* Section heading in a normalised, whitespace-free row; -1 if none. Accepts the official
 * numerals with 、 or ., word-processor numbering "1、", and a heading whose numeral was lost
 * ("、主动公开政府信息情况"). */
static int heading_of(const struct report_format *f, const char *s)
{
	size_t len, nl = 0;
	int sec = -1, arabic = 0;

	while (*s == '#')
		s++;
	len = strlen(s);
	for (int i = 0; i < SEC__MAX && sec < 0; i++)
		if (starts(s, len, chk_section_numeral[i]))
			sec = i, nl = 3;
	if (sec < 0 && len > 0 && s[0] >= '1' && s[0] <= '6')
		sec = s[0] - '1', nl = 1, arabic = 1;
	if (sec < 0) {
		/* numeral lost: the whole heading must be there */
		for (int i = 0; starts(s, len, "、") && i < SEC__MAX; i++)
			if (strcmp(s + 3, f->sections[i].heading) == 0)
				return i;
		return -1;
	}
	if (starts(s + nl, len - nl, "、"))
		nl += 3;
	else if (s[nl] == '.')
		nl += 1;
	else
		return -1;
	/* word-processor numbering "1、总体情况": only the exact heading, since the overview's own
	 * items are numbered the same way ("3、依申请公开信息情况。…") */
	if (arabic)
		return strcmp(s + nl, f->sections[sec].heading) == 0 ? sec : -1;
	if (utf8_count(s + nl, len - nl) > 40 || !has(s + nl, f->sections[sec].keyword))
		return -1;
	{
		/* a sentence is not a heading: no full stop or comma before the end */
		const char *stop = strstr(s + nl, "。");
		if ((stop && stop[3] != '\0') || strchr(s + nl, ','))
			return -1;
	}
	return sec;
}

/* ---- sections ---------------------------------------------------------------------------------- */

void chk_sections(struct extraction *x, int *row_section, int *found)
{
	int cur = -1;
	struct buf text[SEC__MAX];

	for (int s = 0; s < SEC__MAX; s++)
		buf_init(&text[s], CHK_MAX_INPUT);
	for (size_t i = 0; i < x->nrows; i++) {
		int h = -1;
		row_section[i] = -1;
		if (x->nrow[i][0] && !(x->d->rows[i].flags & CHK_ROW_META))
			h = heading_of(x->f, x->nrow[i]);
		if (h >= 0 && h > cur) {
			cur = h;
			found[h] = 1;
			row_section[i] = h;  /* the heading row itself */
			continue;
		}
		/* the text of the section: its rows, normalised (NFKC, simplified characters, so the
		 * narrative rules read full-width and traditional reports alike) */
		if (cur >= 0 && x->nline[i][0] && !(x->d->rows[i].flags & CHK_ROW_META)) {
			if (buf_puts(&text[cur], x->nline[i]) || buf_putc(&text[cur], '\n'))
				break;
		}
	}
	for (int s = 0; s < SEC__MAX; s++) {
		if (found[s])
			report_set_section(&x->r->rep, s, buf_cstr(&text[s]));
		buf_free(&text[s]);
	}
	/* row_section marks heading rows only; walkers use it as "a heading of section s here" */
}

