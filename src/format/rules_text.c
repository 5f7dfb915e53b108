/*
 * rules_text.c — the checks of a report's texts (see rules.h, rules_int.h): sections five and
 * six that say nothing (TXT-01, TXT-02), and the figures the narrative states against the
 * tables (T3-08, TXT-03; the 收费通知 of section six for T3-07). Sentences are read from the
 * NFKC + casefold form of the text. Spec: docs/spec/annual-report-format.md §6.
 * May call base/, text/.
 */
#include "format/rules_int.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "text/normalise.h"

/* ---- sections that say nothing (TXT-01, TXT-02) ------------------------------------------ */

/* The text with surrounding whitespace and a final 。/. removed, NFKC-normalised. */
static char *core_text(const char *s)
{
	struct buf b;
	size_t start = 0, end;

	buf_init(&b, 0);
	if (text_nfkc_casefold(s, strlen(s), &b, NULL) != 0) {
		buf_free(&b);
		return xstrdup(s);
	}
	end = b.len;
	while (start < end && strchr(" \t\r\n", b.ptr[start]))
		start++;
	while (end > start && strchr(" \t\r\n", b.ptr[end - 1]))
		end--;
	if (end >= start + 3 && memcmp(b.ptr + end - 3, "。", 3) == 0)
		end -= 3;
	else if (end > start && b.ptr[end - 1] == '.')
		end--;
	{
		char *r = xstrndup(buf_cstr(&b) + start, end - start);
		buf_free(&b);
		return r;
	}
}

/* 1 if the section text says nothing: empty or a placeholder. "无" counts only if nil_ok is 0. */
static int placeholder(const char *text, int nil_ok, char **shown)
{
	static const char *const junk[] = { "", "0", "/", "-", "--", "—", "——", "略", "空", "x" };
	static const char *const nil[] = { "无", "暂无", "没有", "无其他需要报告的事项" };
	char *t = core_text(text);
	int hit = 0;

	for (size_t i = 0; i < sizeof junk / sizeof junk[0] && !hit; i++)
		hit = strcmp(t, junk[i]) == 0;
	for (size_t i = 0; i < sizeof nil / sizeof nil[0] && !hit && !nil_ok; i++)
		hit = strcmp(t, nil[i]) == 0;
	*shown = t;
	return hit;
}

static void section_empty(struct rule_ctx *x, enum section s, int nil_ok)
{
	const char *text = x->r->section[s];
	char *shown = NULL;

	if (!text)
		return;  /* absent: the reader reports the missing section */
	if (placeholder(text, nil_ok, &shown)) {
		if (*shown)
			EMIT(x, NULL, 0, "第%s部分“%s”只有占位内容：“%s”", x->f->sections[s].numeral,
			     x->f->sections[s].heading, shown);
		else
			EMIT(x, NULL, 0, "第%s部分“%s”内容为空", x->f->sections[s].numeral,
			     x->f->sections[s].heading);
	}
	free(shown);
}

void rule_txt_01(struct rule_ctx *x) { section_empty(x, SEC_PROBLEMS, 0); }
void rule_txt_02(struct rule_ctx *x) { section_empty(x, SEC_OTHER_MATTERS, 1); }

/* ---- narrative figures (T3-08, TXT-03) ---------------------------------------------------- */

/* The length of the sentence end at p (。！？； or a line break), 0 if none: read byte by byte,
 * for the checker calls this on every byte of every report it reads. */
static size_t sentence_end(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	if (u[0] == '\n')
		return 1;
	if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x82)                     /* 。 U+3002 */
		return 3;
	if (u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x81 || u[2] == 0x9F || /* ！ ？ */
					     u[2] == 0x9B))                   /* ； */
		return 3;
	return 0;
}

void rules_each_sentence(const char *text, void (*fn)(const char *s, size_t len, void *arg),
			  void *arg)
{
	const char *p = text, *start = text;

	while (*p) {
		size_t el = sentence_end(p);
		if (el) {
			if (p > start)
				fn(start, (size_t)(p - start), arg);
			p += el;
			start = p;
		} else {
			p++;
		}
	}
	if (p > start)
		fn(start, (size_t)(p - start), arg);
}

static const char *memfind(const char *s, size_t len, const char *needle)
{
	return memmem(s, len, needle, strlen(needle));
}

/* The first "N件" (N in ASCII digits, spaces allowed) in s[0..len) at or after from, or -1. */
static long number_before_jian(const char *s, size_t len, const char *from)
{
	for (const char *p = from; p < s + len; p++) {
		if (*p < '0' || *p > '9')
			continue;
		long v = 0;
		const char *q = p;
		while (q < s + len && *q >= '0' && *q <= '9' && v < 100000000)
			v = v * 10 + (*q++ - '0');
		while (q < s + len && *q == ' ')
			q++;
		if ((size_t)(s + len - q) >= 3 && memcmp(q, "件", 3) == 0)
			return v;
		p = q - 1;
	}
	return -1;
}

struct narrative {
	const char *key, *also, *neg;   /* sentence filter; neg: a negation marking a zero claim */
	long found;                     /* the stated figure, or -1 */
};

static void narrative_sentence(const char *s, size_t len, void *arg)
{
	struct narrative *n = arg;
	const char *k;

	if (n->found >= 0 || !(k = memfind(s, len, n->key)))
		return;
	if (n->also && !memfind(s, len, n->also))
		return;
	n->found = number_before_jian(s, len, k);
	if (n->found < 0 && n->neg && memfind(s, len, n->neg))
		n->found = 0;   /* "全年未收到政府信息公开申请" */
}

const char *rules_section_norm(struct rule_ctx *x, int sec)
{
	const char *text = x->r->section[sec];

	if (!x->normed[sec]) {
		x->normed[sec] = 1;
		buf_init(&x->norm[sec], 0);
		if (text && text_nfkc_casefold(text, strlen(text), &x->norm[sec], NULL) != 0)
			buf_free(&x->norm[sec]);
	}
	return x->norm[sec].len ? x->norm[sec].ptr : NULL;
}

/* What normalised text states for a key, or -1 if it states nothing. */
static long narrative_figure(const char *text, const char *key, const char *also, const char *neg)
{
	struct narrative n = { key, also, neg, -1 };

	if (text)
		rules_each_sentence(text, narrative_sentence, &n);
	return n.found;
}

static void claim_vs_cell(struct rule_ctx *x, const char *text, const char *key, const char *also,
			  const char *neg, const char *what, int cell, long long table)
{
	long said = narrative_figure(text, key, also, neg);

	if (said < 0 || cell < 0 || !present(x->c, cell) || said == table)
		return;
	EMIT(x, &cell, 1, "正文所述%s（%ld 件）与表格不一致：表格为 %lld 件", what, said, table);
}

void rule_t3_08(struct rule_ctx *x)
{
	const char *t = rules_section_norm(x, SEC_OVERVIEW);
	int recv = fmt_t3_cell(x->f, T3R_NEW_RECEIVED, T3C_TOTAL);
	int done = fmt_t3_cell(x->f, T3R_HANDLED_TOTAL, T3C_TOTAL);
	int out = fmt_t3_cell(x->f, T3R_CARRIED_OUT, T3C_TOTAL);

	claim_vs_cell(x, t, "收到", "申请", "未收到", "收到的政府信息公开申请", recv, val(x->c, recv));
	claim_vs_cell(x, t, "办结", NULL, NULL, "办结的申请", done, val(x->c, done));
	claim_vs_cell(x, t, "结转下", NULL, NULL, "结转下年度的申请", out, val(x->c, out));
}

void rule_txt_03(struct rule_ctx *x)
{
	const char *t = rules_section_norm(x, SEC_OVERVIEW);
	int rev = fmt_t4_cell(x->f, T4G_REV, T4C_TOTAL);
	int lit = fmt_t4_cell(x->f, T4G_LIT_DIRECT, T4C_TOTAL);

	claim_vs_cell(x, t, "行政复议", NULL, "未", "行政复议案件", rev, val(x->c, rev));
	if (present(x->c, fmt_t4_cell(x->f, T4G_LIT_AFTER_REV, T4C_TOTAL)))
		claim_vs_cell(x, t, "行政诉讼", NULL, "未", "行政诉讼案件", lit,
			      (long long)report_litigation_total(x->c));
}

long rules_fee_notices(const char *text)
{
	return narrative_figure(text, "收费通知", NULL, NULL);
}
