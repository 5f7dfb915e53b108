/*
 * rules.c — the annual-report rule table and its checks (see rules.h).
 *
 * Law and spec: docs/spec/annual-report-format.md §6 (T3-*, T4-*, T2-*); the in-table note
 * of Table 三 (勾稽关系: 一 + 二 = 三 + 四) is the only rule the format itself states, the
 * rest are derived from the table structure. Messages are Chinese and say what was expected
 * and what was found, naming the cells as the format labels them.
 * May use base/ and text/ only.
 */
#include "format/rules.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "text/normalise.h"
#include "text/utf8.h"

struct ctx {
	const struct annual_report *r;
	const struct report_cells *c;     /* blank totals already derived */
	const struct report_format *f;
	const struct rule_options *o;
	const struct rule_def *def;
	struct findings *out;
	struct buf norm[SEC__MAX];        /* section texts normalised once, on first use */
	unsigned char normed[SEC__MAX];
};

typedef void (*rule_fn)(struct ctx *x);

/* ---- findings -------------------------------------------------------------------------- */

void findings_init(struct findings *f)
{
	memset(f, 0, sizeof *f);
}

void findings_free(struct findings *f)
{
	if (!f)
		return;
	free(f->v);
	findings_init(f);
}

size_t findings_count(const struct findings *f, enum severity s)
{
	size_t n = 0;

	for (size_t i = 0; i < f->n; i++)
		n += f->v[i].sev == s;
	return n;
}

const char *severity_code(enum severity s)
{
	return s == SEV_ERROR ? "E" : s == SEV_WARN ? "W" : "I";
}

/* Append a finding; cells may be NULL when n is 0. The message is truncated to fit. */
static void GK_PRINTF(7, 8) emit(struct findings *out, const char *rule, enum severity sev,
				 const struct report_format *f, const int *cells, int n,
				 const char *fmt, ...)
{
	struct finding *fi;
	struct buf b;
	va_list ap;

	if (out->n == out->cap) {
		out->cap = out->cap ? 2 * out->cap : 16;
		out->v = xrealloc(out->v, out->cap * sizeof *out->v);
	}
	fi = &out->v[out->n++];
	memset(fi, 0, sizeof *fi);
	fi->rule = rule;
	fi->sev = sev;
	fi->fmt = f;
	for (int i = 0; i < n && fi->ncells < FINDING_MAX_CELLS; i++)
		if (cells[i] >= 0)
			fi->cells[fi->ncells++] = cells[i];
	buf_init(&b, 0);
	va_start(ap, fmt);
	if (buf_vprintf(&b, fmt, ap) == 0) {
		size_t len = b.len < sizeof fi->msg - 1 ? b.len : sizeof fi->msg - 1;
		/* never cut a UTF-8 sequence in half */
		while (len > 0 && len < b.len && ((unsigned char)b.ptr[len] & 0xC0) == 0x80)
			len--;
		memcpy(fi->msg, b.ptr, len);
		fi->msg[len] = '\0';
	}
	va_end(ap);
	buf_free(&b);
}

#define EMIT(x, cells, n, ...) \
	emit((x)->out, (x)->def->id, (x)->def->sev, (x)->f, (cells), (n), __VA_ARGS__)

/* ---- helpers --------------------------------------------------------------------------- */

static int present(const struct report_cells *c, int idx)
{
	return idx >= 0 && cells_state(c, idx) != CELL_ABSENT;
}

static int all_present(const struct report_cells *c, const int *idx, int n)
{
	for (int i = 0; i < n; i++)
		if (!present(c, idx[i]))
			return 0;
	return 1;
}

static long long val(const struct report_cells *c, int idx)
{
	return (long long)cells_get(c, idx);
}

/* "“（六）3.其他”行“总计”列", "行政复议“总计”", "“规章”的“本年制发件数”" */
static const char *cell_name(const struct report_format *f, int idx, char *out, size_t cap)
{
	const struct fmt_cell *cell = fmt_cell(f, idx);
	struct buf b;
	int rc;

	buf_init(&b, cap - 1);
	if (!cell)
		rc = ERR_INVALID;
	else if (cell->table == TBL_3)
		rc = buf_printf(&b, "“%s”行“%s”列", f->t3_rows[cell->row].name, cell->col_label);
	else if (cell->table == TBL_4)
		rc = buf_printf(&b, "%s“%s”", f->t4_groups[cell->row].name, cell->col_label);
	else
		rc = buf_printf(&b, "“%s”的“%s”", cell->row_label, cell->col_label);
	memcpy(out, rc ? "?" : buf_cstr(&b), rc ? 2 : b.len + 1);
	buf_free(&b);
	return out;
}

#define NAME_CAP 256

/* ---- Table 三 ---------------------------------------------------------------------------- */

/* REQ 年报格式-三-勾稽: 第一项加第二项之和，等于第三项加第四项之和 (every column) */
static void t3_01(struct ctx *x)
{
	for (int col = 0; col < T3C__MAX; col++) {
		int c[4] = {
			fmt_t3_cell(x->f, T3R_NEW_RECEIVED, col), fmt_t3_cell(x->f, T3R_CARRIED_IN, col),
			fmt_t3_cell(x->f, T3R_HANDLED_TOTAL, col), fmt_t3_cell(x->f, T3R_CARRIED_OUT, col),
		};
		if (!all_present(x->c, c, 4))
			continue;
		if (val(x->c, c[0]) + val(x->c, c[1]) != val(x->c, c[2]) + val(x->c, c[3]))
			EMIT(x, c, 4, "第一项加第二项之和应等于第三项加第四项之和（%s列）："
			     "%lld + %lld ≠ %lld + %lld", x->f->t3_cols[col].label,
			     val(x->c, c[0]), val(x->c, c[1]), val(x->c, c[2]), val(x->c, c[3]));
	}
}

static void t3_02(struct ctx *x)
{
	for (int r = 0; r < x->f->t3_nrows; r++) {
		int c[T3C__MAX];
		long long sum = 0;

		for (int col = 0; col < T3C__MAX; col++)
			c[col] = fmt_t3_cell(x->f, x->f->t3_rows[r].key, col);
		if (!all_present(x->c, c, T3C__MAX) || x->c->derived[c[T3C_TOTAL]])
			continue;
		for (int col = 0; col < T3C_TOTAL; col++)
			sum += val(x->c, c[col]);
		if (sum != val(x->c, c[T3C_TOTAL]))
			EMIT(x, c, T3C__MAX, "总计列应等于自然人与法人或其他组织各列之和（%s）："
			     "应为 %lld，实为 %lld", x->f->t3_rows[r].name, sum, val(x->c, c[T3C_TOTAL]));
	}
}

static void t3_03(struct ctx *x)
{
	for (int col = 0; col < T3C__MAX; col++) {
		int c[FINDING_MAX_CELLS], n = 1;
		long long sum = 0;

		c[0] = fmt_t3_cell(x->f, T3R_HANDLED_TOTAL, col);
		for (int r = 0; r < x->f->t3_nrows && n < FINDING_MAX_CELLS; r++)
			if (x->f->t3_rows[r].outcome)
				c[n++] = fmt_t3_cell(x->f, x->f->t3_rows[r].key, col);
		if (!all_present(x->c, c, n) || x->c->derived[c[0]])
			continue;
		for (int i = 1; i < n; i++)
			sum += val(x->c, c[i]);
		if (sum != val(x->c, c[0]))
			EMIT(x, c, n, "（七）总计应等于（一）至（六）各项之和（%s列）：应为 %lld，实为 %lld",
			     x->f->t3_cols[col].label, sum, val(x->c, c[0]));
	}
}

/* Negative counts in a table (T3-04, T4-04, T2-01): one finding per negative cell. */
static void no_negatives(struct ctx *x, enum fmt_table t)
{
	int first = fmt_table_first(x->f, t), n = fmt_table_ncells(x->f, t);
	char name[NAME_CAP], num[64];

	for (int i = first; i < first + n; i++) {
		const struct fmt_cell *cell = fmt_cell(x->f, i);
		struct buf b;

		if (!present(x->c, i) || val(x->c, i) >= 0 || cell->unit == UNIT_COUNT_SIGNED)
			continue;
		buf_init(&b, sizeof num - 1);
		if (cells_write_value(cell, cells_get(x->c, i), 6, &b) != 0)
			memcpy(num, "?", 2);
		else
			memcpy(num, buf_cstr(&b), b.len + 1);
		buf_free(&b);
		EMIT(x, &i, 1, "数值不能为负数：%s为 %s", cell_name(x->f, i, name, sizeof name), num);
	}
}

static void t3_04(struct ctx *x)
{
	no_negatives(x, TBL_3);
}

static void t3_06(struct ctx *x)
{
	int a = fmt_t3_cell(x->f, T3R_NEW_RECEIVED, T3C_TOTAL);
	int b = fmt_t3_cell(x->f, T3R_CARRIED_IN, T3C_TOTAL);
	int first = fmt_table_first(x->f, TBL_3), n = fmt_table_ncells(x->f, TBL_3);
	int bad[FINDING_MAX_CELLS], nbad = 0, count = 0;
	char name[NAME_CAP];

	if (!present(x->c, a) || !present(x->c, b) || val(x->c, a) != 0 || val(x->c, b) != 0)
		return;
	for (int i = first; i < first + n; i++) {
		if (!present(x->c, i) || val(x->c, i) == 0)
			continue;
		if (nbad < FINDING_MAX_CELLS)
			bad[nbad++] = i;
		count++;
	}
	if (count)
		EMIT(x, bad, nbad, "本年新收和上年结转的申请均为 0，其余各项也应为 0：%s为 %lld"
		     "（共 %d 个单元格不为 0）", cell_name(x->f, bad[0], name, sizeof name),
		     val(x->c, bad[0]), count);
}

/* The number of 收费通知 stated in section 六, e.g. "发出收费通知 3 件", or -1. */
static long fee_notices_in_text(const char *text);
static const char *section_norm(struct ctx *x, int sec);

/* Only without 上年结转: an application carried in may have had its notice the year before,
 * so only then is every unpaid lapse of the year matched by a notice of the year. */
static void t3_07(struct ctx *x)
{
	int c = fmt_t3_cell(x->f, T3R_OTHER_FEE_UNPAID, T3C_TOTAL);
	int in = fmt_t3_cell(x->f, T3R_CARRIED_IN, T3C_TOTAL);
	long notices = x->r->fee_notices;

	if (present(x->c, in) && val(x->c, in) > 0)
		return;
	if (notices < 0)
		notices = fee_notices_in_text(section_norm(x, SEC_OTHER_MATTERS));
	if (notices < 0 || !present(x->c, c) || val(x->c, c) <= notices)
		return;
	EMIT(x, &c, 1, "因逾期未缴费不再处理的申请不应多于第六部分所报收费通知数：%lld 件 > %ld 件",
	     val(x->c, c), notices);
}

static void t3_09(struct ctx *x)
{
	int nrows = x->f->t3_nrows, t4 = fmt_table_first(x->f, TBL_4), later = 0;

	/* walk backwards, knowing whether anything after the row was reached */
	for (int i = 0; i < T4G__MAX * T4C__MAX; i++)
		later |= present(x->c, t4 + i);
	for (int r = nrows - 1; r >= 0; r--) {
		int c[T3C__MAX], have = 0;

		for (int col = 0; col < T3C__MAX; col++) {
			c[col] = fmt_t3_cell(x->f, x->f->t3_rows[r].key, col);
			have += present(x->c, c[col]);
		}
		if (have == T3C__MAX || (have == 0 && !later)) {
			later |= have > 0;
			continue;  /* complete, or not reached by a truncated capture */
		}
		if (have == 0)
			EMIT(x, c, T3C__MAX, "表格缺少“%s”行（每一行都必须列出，没有数据时填 0）",
			     x->f->t3_rows[r].name);
		else
			EMIT(x, c, T3C__MAX, "“%s”行缺少 %d 个单元格（应有 7 列）",
			     x->f->t3_rows[r].name, T3C__MAX - have);
		later = 1;
	}
}

/* ---- Table 四 ---------------------------------------------------------------------------- */

static void t4_sum(struct ctx *x, enum t4_group g)
{
	int c[T4C__MAX];
	long long sum = 0;

	for (int col = 0; col < T4C__MAX; col++)
		c[col] = fmt_t4_cell(x->f, g, col);
	if (!all_present(x->c, c, T4C__MAX) || x->c->derived[c[T4C_TOTAL]])
		return;
	for (int col = 0; col < T4C_TOTAL; col++)
		sum += val(x->c, c[col]);
	if (sum != val(x->c, c[T4C_TOTAL]))
		EMIT(x, c, T4C__MAX, "%s总计应等于结果维持、结果纠正、其他结果、尚未审结之和："
		     "%lld + %lld + %lld + %lld = %lld ≠ %lld", x->f->t4_groups[g].name,
		     val(x->c, c[0]), val(x->c, c[1]), val(x->c, c[2]), val(x->c, c[3]), sum,
		     val(x->c, c[T4C_TOTAL]));
}

static void t4_01(struct ctx *x) { t4_sum(x, T4G_REV); }
static void t4_02(struct ctx *x) { t4_sum(x, T4G_LIT_DIRECT); }
static void t4_03(struct ctx *x) { t4_sum(x, T4G_LIT_AFTER_REV); }
static void t4_04(struct ctx *x) { no_negatives(x, TBL_4); }

/* ---- Table 二 ---------------------------------------------------------------------------- */

static void t2_01(struct ctx *x)
{
	no_negatives(x, TBL_2);
}

/* REQ 立法法-82: 乡镇人民政府无权制定规章 (only provincial and districted-city governments) */
static void t2_03(struct ctx *x)
{
	const struct report_format *f = x->f;
	enum organ_kind k = x->r->organ ? x->r->organ : report_guess_organ(x->r->agency);
	int c[4], n = 0;
	long long sum = 0;

	if (k != ORGAN_TOWNSHIP)
		return;
	for (int col = 0; col < f->t2_blocks[0].ncols; col++) {
		int i = fmt_t2_cell(f, 0, 0, col);   /* block （一）, row 规章 */
		if (present(x->c, i) && val(x->c, i) != 0) {
			c[n++] = i;
			sum += val(x->c, i);
		}
	}
	if (n)
		EMIT(x, c, n, "乡镇、街道无权制定规章，“规章”一行应为 0：实为 %s%lld",
		     n > 1 ? "合计 " : "", sum);
}

/* The cell of Table 二 row `row` column `col` by ids, or -1. */
static int t2_id(const struct report_format *f, const char *row, const char *col)
{
	char id[96];
	struct buf b;
	int idx;

	buf_init(&b, sizeof id - 1);
	idx = buf_printf(&b, "%s.%s.%s", f->t2_prefix, row, col) == 0 ?
	      fmt_cell_index(f, b.ptr) : -1;
	buf_free(&b);
	return idx;
}

static void t2_04(struct ctx *x)
{
	static const char *const rows[] = { "rule", "normdoc" };

	for (size_t i = 0; i < 2; i++) {
		int c[2] = { t2_id(x->f, rows[i], "newly_published"),
			     t2_id(x->f, rows[i], "total_published") };
		if (all_present(x->c, c, 2) && val(x->c, c[0]) > val(x->c, c[1]))
			EMIT(x, c, 2, "本年新公开数量不应大于对外公开总数量（%s）：%lld > %lld",
			     fmt_cell(x->f, c[0])->row_label, val(x->c, c[0]), val(x->c, c[1]));
	}
}

static void t2_05(struct ctx *x)
{
	static const char *const rows[] = { "licensing", "other_mgmt_service", "penalty",
					    "coercion", "admin_fee" };

	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		int c[2] = { t2_id(x->f, rows[i], "prev_items"), t2_id(x->f, rows[i], "change") };
		if (all_present(x->c, c, 2) && val(x->c, c[0]) + val(x->c, c[1]) < 0)
			EMIT(x, c, 2, "上一年项目数量加本年增/减不应小于 0（%s）：%lld + (%lld) < 0",
			     fmt_cell(x->f, c[0])->row_label, val(x->c, c[0]), val(x->c, c[1]));
	}
}

/* ---- blank cells, format, texts ---------------------------------------------------------- */

static void cell_blank(struct ctx *x)
{
	int bad[FINDING_MAX_CELLS], nbad = 0, count = 0, n = fmt_ncells(x->f);
	char name[NAME_CAP];

	for (int i = 0; i < n; i++) {
		if (cells_state(x->c, i) != CELL_BLANK)
			continue;
		if (nbad < FINDING_MAX_CELLS)
			bad[nbad++] = i;
		count++;
	}
	if (count)
		emit(x->out, x->def->id, x->o->strict ? SEV_ERROR : SEV_WARN, x->f, bad, nbad,
		     "有 %d 个单元格空白（没有数据应填 0），如%s", count,
		     cell_name(x->f, bad[0], name, sizeof name));
}

static void fmt_01(struct ctx *x)
{
	const struct report_format *want = fmt_for_year(x->r->year);

	if (!want || want == x->f)
		return;
	EMIT(x, NULL, 0, "%d 年度报告应使用 %s 年格式（%s），本报告使用的是 %s 年格式", x->r->year,
	     want->id, want->basis, x->f->id);
}

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

static void section_empty(struct ctx *x, enum section s, int nil_ok)
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

static void txt_01(struct ctx *x) { section_empty(x, SEC_PROBLEMS, 0); }
static void txt_02(struct ctx *x) { section_empty(x, SEC_OTHER_MATTERS, 1); }

/* ---- narrative figures (T3-08, TXT-03) ---------------------------------------------------- */

/* A figure stated in the narrative: a sentence containing `key` states `N件` after it. */
struct claim {
	const char *key;        /* e.g. "收到" (the sentence must also contain `also`) */
	const char *also;       /* e.g. "申请", or NULL */
	const char *what;       /* for the message: "收到政府信息公开申请" */
};

/* Split normalised text into sentences (。！？；\n) and call fn on each. */
static void each_sentence(const char *text, void (*fn)(const char *s, size_t len, void *arg),
			  void *arg)
{
	const char *p = text, *start = text;
	static const char *const ends[] = { "。", "！", "？", "；", "\n" };

	while (*p) {
		size_t el = 0;
		for (size_t i = 0; i < sizeof ends / sizeof ends[0] && !el; i++)
			if (strncmp(p, ends[i], strlen(ends[i])) == 0)
				el = strlen(ends[i]);
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

/* Section sec of the report, NFKC + casefold normalised (computed once per check), or NULL
 * when the section is absent or cannot be normalised. */
static const char *section_norm(struct ctx *x, int sec)
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
		each_sentence(text, narrative_sentence, &n);
	return n.found;
}

static void claim_vs_cell(struct ctx *x, const char *text, const char *key, const char *also,
			  const char *neg, const char *what, int cell, long long table)
{
	long said = narrative_figure(text, key, also, neg);

	if (said < 0 || cell < 0 || !present(x->c, cell) || said == table)
		return;
	EMIT(x, &cell, 1, "正文所述%s（%ld 件）与表格不一致：表格为 %lld 件", what, said, table);
}

static void t3_08(struct ctx *x)
{
	const char *t = section_norm(x, SEC_OVERVIEW);
	int recv = fmt_t3_cell(x->f, T3R_NEW_RECEIVED, T3C_TOTAL);
	int done = fmt_t3_cell(x->f, T3R_HANDLED_TOTAL, T3C_TOTAL);
	int out = fmt_t3_cell(x->f, T3R_CARRIED_OUT, T3C_TOTAL);

	claim_vs_cell(x, t, "收到", "申请", "未收到", "收到的政府信息公开申请", recv, val(x->c, recv));
	claim_vs_cell(x, t, "办结", NULL, NULL, "办结的申请", done, val(x->c, done));
	claim_vs_cell(x, t, "结转下", NULL, NULL, "结转下年度的申请", out, val(x->c, out));
}

static void txt_03(struct ctx *x)
{
	const char *t = section_norm(x, SEC_OVERVIEW);
	int rev = fmt_t4_cell(x->f, T4G_REV, T4C_TOTAL);
	int lit = fmt_t4_cell(x->f, T4G_LIT_DIRECT, T4C_TOTAL);

	claim_vs_cell(x, t, "行政复议", NULL, "未", "行政复议案件", rev, val(x->c, rev));
	if (present(x->c, fmt_t4_cell(x->f, T4G_LIT_AFTER_REV, T4C_TOTAL)))
		claim_vs_cell(x, t, "行政诉讼", NULL, "未", "行政诉讼案件", lit,
			      (long long)report_litigation_total(x->c));
}

static long fee_notices_in_text(const char *text)
{
	return narrative_figure(text, "收费通知", NULL, NULL);
}

/* ---- the table --------------------------------------------------------------------------- */

#define V21 (1u << FMT_V2021)
#define V19 (1u << FMT_V2019)
#define VB (V21 | V19)

struct rule_row {
	struct rule_def def;
	rule_fn fn;          /* NULL: cross-year rule or not a check (T4-05) */
};

static const struct rule_row rules[] = {
	{ { "T3-01", SEV_ERROR, VB, 0, "各列第一项加第二项之和等于第三项加第四项之和" }, t3_01 },
	{ { "T3-02", SEV_ERROR, VB, 0, "每行总计等于自然人与法人或其他组织五列之和" }, t3_02 },
	{ { "T3-03", SEV_ERROR, VB, 0, "（七）总计等于（一）至（六）各项之和" }, t3_03 },
	{ { "T3-04", SEV_ERROR, VB, 0, "表三各单元格为不小于 0 的整数" }, t3_04 },
	{ { "T3-05", SEV_WARN, VB, 1, "本年上年结转等于上年结转下年度继续办理（各列）" }, NULL },
	{ { "T3-06", SEV_ERROR, VB, 0, "新收与上年结转均为 0 时其余各项均为 0" }, t3_06 },
	{ { "T3-07", SEV_WARN, V21, 0, "上年无结转时，逾期未缴费不再处理的申请不多于所发收费通知" }, t3_07 },
	{ { "T3-08", SEV_WARN, VB, 0, "总体情况中所述申请数与表三一致" }, t3_08 },
	{ { "T3-09", SEV_ERROR, VB, 0, "表三每一行、每一列都必须列出" }, t3_09 },
	{ { "T4-01", SEV_ERROR, VB, 0, "行政复议总计等于四种结果之和" }, t4_01 },
	{ { "T4-02", SEV_ERROR, VB, 0, "未经复议直接起诉总计等于四种结果之和" }, t4_02 },
	{ { "T4-03", SEV_ERROR, VB, 0, "复议后起诉总计等于四种结果之和" }, t4_03 },
	{ { "T4-04", SEV_ERROR, VB, 0, "表四各单元格为不小于 0 的整数" }, t4_04 },
	{ { "T4-05", SEV_INFO, VB, 0, "行政诉讼合计＝未经复议直接起诉总计＋复议后起诉总计（不打印）" }, NULL },
	{ { "T4-06", SEV_WARN, VB, 1, "连续两年没有申请却报告了行政复议或行政诉讼" }, NULL },
	{ { "T2-01", SEV_ERROR, VB, 0, "表二各项为不小于 0 的数（收费金额以万元计）" }, t2_01 },
	{ { "T2-02", SEV_WARN, V21, 1, "现行有效件数＝上年现行有效件数＋本年制发－本年废止" }, NULL },
	{ { "T2-03", SEV_WARN, VB, 0, "乡镇、街道的规章一行应为 0" }, t2_03 },
	{ { "T2-04", SEV_WARN, V19, 0, "本年新公开数量不大于对外公开总数量" }, t2_04 },
	{ { "T2-05", SEV_WARN, V19, 0, "上一年项目数量加本年增/减不小于 0" }, t2_05 },
	{ { "CELL-BLANK", SEV_WARN, VB, 0, "单元格不应空白，没有数据填 0（--strict 时为错误）" }, cell_blank },
	{ { "FMT-01", SEV_WARN, VB, 0, "报告年度与格式版本相符（2021 年起用 30 号文格式）" }, fmt_01 },
	{ { "TXT-01", SEV_WARN, VB, 0, "第五部分“存在的主要问题及改进情况”不应为空或占位" }, txt_01 },
	{ { "TXT-02", SEV_WARN, VB, 0, "第六部分“其他需要报告的事项”不应为空或占位（可写“无”）" }, txt_02 },
	{ { "TXT-03", SEV_WARN, VB, 0, "总体情况中所述行政复议、行政诉讼数与表四一致" }, txt_03 },
	{ { "TXT-05", SEV_WARN, VB, 1, "正文与上年报告大量雷同" }, NULL },
};

#define NRULES (sizeof rules / sizeof rules[0])

size_t rules_count(void)
{
	return NRULES;
}

const struct rule_def *rules_at(size_t i)
{
	return i < NRULES ? &rules[i].def : NULL;
}

const struct rule_def *rules_find(const char *id)
{
	for (size_t i = 0; id && i < NRULES; i++)
		if (strcmp(rules[i].def.id, id) == 0)
			return &rules[i].def;
	return NULL;
}

void rules_check(const struct annual_report *r, const struct rule_options *o,
		 struct findings *out)
{
	static const struct rule_options defaults = { 0, 0, 0.5 };
	struct report_cells c = r->cells;
	struct ctx x = { r, &c, r->cells.fmt, o ? o : &defaults, NULL, out, { { 0 } }, { 0 } };

	if (!x.f)
		return;
	cells_derive_blank_totals(&c);
	for (size_t i = 0; i < NRULES; i++) {
		if (!rules[i].fn || !(rules[i].def.versions & (1u << x.f->version)))
			continue;
		x.def = &rules[i].def;
		rules[i].fn(&x);
	}
	for (int s = 0; s < SEC__MAX; s++)
		if (x.normed[s])
			buf_free(&x.norm[s]);
}

/* ---- cross-year rules -------------------------------------------------------------------- */

/* REQ 年报格式-三-结转: 本年“上年结转” = 上年“结转下年度继续办理” */
void rules_t3_05(const struct report_cells *prev, const struct report_cells *cur,
		 enum severity sev, struct findings *out)
{
	for (int col = 0; col < T3C__MAX; col++) {
		int p = fmt_t3_cell(prev->fmt, T3R_CARRIED_OUT, col);
		int c = fmt_t3_cell(cur->fmt, T3R_CARRIED_IN, col);

		if (!present(prev, p) || !present(cur, c) || val(prev, p) == val(cur, c))
			continue;
		emit(out, "T3-05", sev, cur->fmt, &c, 1, "本年“上年结转政府信息公开申请数量”应等于上年"
		     "“结转下年度继续办理”（%s列）：上年 %lld，本年 %lld", cur->fmt->t3_cols[col].label,
		     val(prev, p), val(cur, c));
	}
}

void rules_t2_02(const struct report_cells *prev, const struct report_cells *cur,
		 struct findings *out)
{
	static const char *const rows[] = { "rule", "normdoc" };

	if (prev->fmt->version != FMT_V2021 || cur->fmt->version != FMT_V2021)
		return;  /* the 2019 columns count something else */
	for (size_t i = 0; i < 2; i++) {
		int p = t2_id(prev->fmt, rows[i], "in_force");
		int c[3] = { t2_id(cur->fmt, rows[i], "in_force"), t2_id(cur->fmt, rows[i], "issued"),
			     t2_id(cur->fmt, rows[i], "repealed") };

		if (!present(prev, p) || !all_present(cur, c, 3))
			continue;
		if (val(prev, p) + val(cur, c[1]) - val(cur, c[2]) != val(cur, c[0]))
			emit(out, "T2-02", SEV_WARN, cur->fmt, c, 3, "现行有效件数应等于上年现行有效件数"
			     "加本年制发件数减本年废止件数（%s）：%lld + %lld − %lld ≠ %lld",
			     fmt_cell(cur->fmt, c[0])->row_label, val(prev, p), val(cur, c[1]),
			     val(cur, c[2]), val(cur, c[0]));
	}
}

static void t4_06(const struct report_cells *prev, const struct report_cells *cur,
		  struct findings *out)
{
	int a[3] = { fmt_t3_cell(prev->fmt, T3R_NEW_RECEIVED, T3C_TOTAL),
		     fmt_t3_cell(cur->fmt, T3R_NEW_RECEIVED, T3C_TOTAL),
		     fmt_t3_cell(cur->fmt, T3R_CARRIED_IN, T3C_TOTAL) };
	int t[T4G__MAX];
	long long cases = 0;

	if (!present(prev, a[0]) || !present(cur, a[1]) || !present(cur, a[2]))
		return;
	if (val(prev, a[0]) || val(cur, a[1]) || val(cur, a[2]))
		return;
	for (int g = 0; g < T4G__MAX; g++) {
		t[g] = fmt_t4_cell(cur->fmt, g, T4C_TOTAL);
		if (present(cur, t[g]))
			cases += val(cur, t[g]);
	}
	if (cases > 0)
		emit(out, "T4-06", SEV_WARN, cur->fmt, t, T4G__MAX, "连续两年没有收到政府信息公开申请，"
		     "却报告了 %lld 件行政复议、行政诉讼案件（请核实是否因主动公开引起）", cases);
}

/* TXT-05: sentences of the narrative sections found verbatim in last year's report. */
struct sentences {
	char **v;
	size_t n, cap;
};

static void collect_sentence(const char *s, size_t len, void *arg)
{
	struct sentences *ss = arg;
	size_t i = 0, j = 0;
	char *t;

	while (i < len && strchr(" \t\r", s[i]))
		i++;
	if (utf8_count(s + i, len - i) < 10)
		return;   /* short sentences ("无", headings) repeat legitimately */
	t = xstrndup(s + i, len - i);
	for (i = 0; t[i]; i++)   /* ignore spaces: reports are retyped */
		if (t[i] != ' ')
			t[j++] = t[i];
	t[j] = '\0';
	if (ss->n == ss->cap) {
		ss->cap = ss->cap ? 2 * ss->cap : 32;
		ss->v = xrealloc(ss->v, ss->cap * sizeof *ss->v);
	}
	ss->v[ss->n++] = t;
}

static void collect(const struct annual_report *r, struct sentences *ss)
{
	static const enum section narrative[] = { SEC_OVERVIEW, SEC_PROBLEMS, SEC_OTHER_MATTERS };

	for (size_t i = 0; i < 3; i++) {
		const char *text = r->section[narrative[i]];
		struct buf b;

		if (!text)
			continue;
		buf_init(&b, 0);
		if (text_nfkc_casefold(text, strlen(text), &b, NULL) == 0 && b.len)
			each_sentence(b.ptr, collect_sentence, ss);
		buf_free(&b);
	}
}

static void sentences_free(struct sentences *ss)
{
	for (size_t i = 0; i < ss->n; i++)
		free(ss->v[i]);
	free(ss->v);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void txt_05(const struct annual_report *prev, const struct annual_report *cur,
		   double threshold, struct findings *out)
{
	struct sentences p = { 0 }, c = { 0 };
	size_t same = 0;

	collect(prev, &p);
	collect(cur, &c);
	if (p.n)
		qsort(p.v, p.n, sizeof *p.v, cmp_str);
	for (size_t i = 0; i < c.n; i++)
		same += p.n && bsearch(&c.v[i], p.v, p.n, sizeof *p.v, cmp_str) != NULL;
	if (c.n >= 3 && (double)same >= threshold * (double)c.n)
		emit(out, "TXT-05", SEV_WARN, cur->cells.fmt, NULL, 0, "正文与 %d 年报告雷同：%zu 句中有 "
		     "%zu 句与上年完全相同（%.0f%%）", prev->year, c.n, same, 100.0 * (double)same /
		     (double)c.n);
	sentences_free(&p);
	sentences_free(&c);
}

void rules_check_cross(const struct annual_report *prev, const struct annual_report *cur,
		       const struct rule_options *o, struct findings *out)
{
	static const struct rule_options defaults = { 0, 0, 0.5 };
	struct report_cells pc = prev->cells, cc = cur->cells;

	if (!o)
		o = &defaults;
	if (!pc.fmt || !cc.fmt)
		return;
	cells_derive_blank_totals(&pc);
	cells_derive_blank_totals(&cc);
	rules_t3_05(&pc, &cc, o->produced_here ? SEV_ERROR : SEV_WARN, out);
	rules_t2_02(&pc, &cc, out);
	t4_06(&pc, &cc, out);
	txt_05(prev, cur, o->repeat_share > 0 ? o->repeat_share : 0.5, out);
}
