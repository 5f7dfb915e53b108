/*
 * rules.c — the annual-report rule table, its findings and running it (see rules.h); the checks
 * are in rules_tables.c, rules_text.c and rules_cross.c (rules_int.h).
 *
 * Law and spec: docs/spec/annual-report-format.md §6 (T3-*, T4-*, T2-*); the in-table note
 * of Table 三 (勾稽关系: 一 + 二 = 三 + 四) is the only rule the format itself states, the
 * rest are derived from the table structure. Messages are Chinese and say what was expected
 * and what was found, naming the cells as the format labels them.
 * May use base/ and text/ only.
 */
#include "format/rules.h"
#include "format/rules_int.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"

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

void rules_emit(struct findings *out, const char *rule, enum severity sev,
		const struct report_format *f, const int *cells, int n, const char *fmt, ...)
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

/* "“（六）3.其他”行“总计”列", "行政复议“总计”", "“规章”的“本年制发件数”" */
const char *rules_cell_name(const struct report_format *f, int idx, char *out, size_t cap)
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


/* ---- the table --------------------------------------------------------------------------- */

#define V21 (1u << FMT_V2021)
#define V19 (1u << FMT_V2019)
#define VB (V21 | V19)

struct rule_row {
	struct rule_def def;
	rule_fn fn;          /* NULL: cross-year rule or not a check (T4-05) */
};

static const struct rule_row rules[] = {
	{ { "T3-01", SEV_ERROR, VB, 0, "各列第一项加第二项之和等于第三项加第四项之和" }, rule_t3_01 },
	{ { "T3-02", SEV_ERROR, VB, 0, "每行总计等于自然人与法人或其他组织五列之和" }, rule_t3_02 },
	{ { "T3-03", SEV_ERROR, VB, 0, "（七）总计等于（一）至（六）各项之和" }, rule_t3_03 },
	{ { "T3-04", SEV_ERROR, VB, 0, "表三各单元格为不小于 0 的整数" }, rule_t3_04 },
	{ { "T3-05", SEV_WARN, VB, 1, "本年上年结转等于上年结转下年度继续办理（各列）" }, NULL },
	{ { "T3-06", SEV_ERROR, VB, 0, "新收与上年结转均为 0 时其余各项均为 0" }, rule_t3_06 },
	{ { "T3-07", SEV_WARN, V21, 0, "上年无结转时，逾期未缴费不再处理的申请不多于所发收费通知" }, rule_t3_07 },
	{ { "T3-08", SEV_WARN, VB, 0, "总体情况中所述申请数与表三一致" }, rule_t3_08 },
	{ { "T3-09", SEV_ERROR, VB, 0, "表三每一行、每一列都必须列出" }, rule_t3_09 },
	{ { "T4-01", SEV_ERROR, VB, 0, "行政复议总计等于四种结果之和" }, rule_t4_01 },
	{ { "T4-02", SEV_ERROR, VB, 0, "未经复议直接起诉总计等于四种结果之和" }, rule_t4_02 },
	{ { "T4-03", SEV_ERROR, VB, 0, "复议后起诉总计等于四种结果之和" }, rule_t4_03 },
	{ { "T4-04", SEV_ERROR, VB, 0, "表四各单元格为不小于 0 的整数" }, rule_t4_04 },
	{ { "T4-05", SEV_INFO, VB, 0, "行政诉讼合计＝未经复议直接起诉总计＋复议后起诉总计（不打印）" }, NULL },
	{ { "T4-06", SEV_WARN, VB, 1, "连续两年没有申请却报告了行政复议或行政诉讼" }, NULL },
	{ { "T2-01", SEV_ERROR, VB, 0, "表二各项为不小于 0 的数（收费金额以万元计）" }, rule_t2_01 },
	{ { "T2-02", SEV_WARN, V21, 1, "现行有效件数＝上年现行有效件数＋本年制发－本年废止" }, NULL },
	{ { "T2-03", SEV_WARN, VB, 0, "乡镇、街道的规章一行应为 0" }, rule_t2_03 },
	{ { "T2-04", SEV_WARN, V19, 0, "本年新公开数量不大于对外公开总数量" }, rule_t2_04 },
	{ { "T2-05", SEV_WARN, V19, 0, "上一年项目数量加本年增/减不小于 0" }, rule_t2_05 },
	{ { "CELL-BLANK", SEV_WARN, VB, 0, "单元格不应空白，没有数据填 0（--strict 时为错误）" }, rule_cell_blank },
	{ { "FMT-01", SEV_WARN, VB, 0, "报告年度与格式版本相符（2021 年起用 30 号文格式）" }, rule_fmt_01 },
	{ { "TXT-01", SEV_WARN, VB, 0, "第五部分“存在的主要问题及改进情况”不应为空或占位" }, rule_txt_01 },
	{ { "TXT-02", SEV_WARN, VB, 0, "第六部分“其他需要报告的事项”不应为空或占位（可写“无”）" }, rule_txt_02 },
	{ { "TXT-03", SEV_WARN, VB, 0, "总体情况中所述行政复议、行政诉讼数与表四一致" }, rule_txt_03 },
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
	struct rule_ctx x = { r, &c, r->cells.fmt, o ? o : &defaults, NULL, out, { { 0 } }, { 0 } };

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

