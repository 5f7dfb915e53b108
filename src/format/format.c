/*
 * format.c — the 2021 and 2019 annual-report formats as declared tables, and their cells.
 *
 * Every label below is spelled exactly as the format prints it (full-width punctuation, no
 * spaces); spec docs/spec/annual-report-format.md §1, §3.1, §3.2, §4.2–§4.4, §5.
 * The cell list of each format (ids such as "t3.new_received.np") is derived from these
 * tables once, on first use.
 * May use base/ and text/ only.
 */
#include "format/format.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"

/* ---- sections (spec §1) --------------------------------------------------------------- */

static const struct fmt_section sections[SEC__MAX] = {
	{ "overview",          "一", "总体情况",                       "总体" },
	{ "proactive",         "二", "主动公开政府信息情况",           "主动公开" },
	{ "applications",      "三", "收到和处理政府信息公开申请情况", "申请" },
	{ "review_litigation", "四", "政府信息公开行政复议、行政诉讼情况", "复议" },
	{ "problems",          "五", "存在的主要问题及改进情况",       "问题" },
	{ "other_matters",     "六", "其他需要报告的事项",             "其他" },
};

/* ---- Table 二, 2021 format (spec §3.1) ------------------------------------------------ */

static const struct fmt_t2_col c21_art20_1[] = {
	{ "issued",   "本年制发件数", UNIT_COUNT },
	{ "repealed", "本年废止件数", UNIT_COUNT },
	{ "in_force", "现行有效件数", UNIT_COUNT },
};
static const struct fmt_t2_row r21_art20_1[] = {
	{ "rule",    "规章" },
	{ "normdoc", "行政规范性文件" },
};
static const struct fmt_t2_col c21_decisions[] = {
	{ "decisions", "本年处理决定数量", UNIT_COUNT },
};
static const struct fmt_t2_row r21_art20_5[] = { { "licensing", "行政许可" } };
static const struct fmt_t2_row r21_art20_6[] = {
	{ "penalty",  "行政处罚" },
	{ "coercion", "行政强制" },
};
static const struct fmt_t2_col c21_art20_8[] = {
	{ "amount_wan", "本年收费金额（单位：万元）", UNIT_FEN_AS_WAN },
};
static const struct fmt_t2_row r21_art20_8[] = { { "admin_fee", "行政事业性收费" } };

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const struct fmt_t2_block t2_2021[] = {
	{ "art20_1", "第二十条第（一）项", c21_art20_1, N(c21_art20_1), r21_art20_1, N(r21_art20_1) },
	{ "art20_5", "第二十条第（五）项", c21_decisions, N(c21_decisions), r21_art20_5, N(r21_art20_5) },
	{ "art20_6", "第二十条第（六）项", c21_decisions, N(c21_decisions), r21_art20_6, N(r21_art20_6) },
	{ "art20_8", "第二十条第（八）项", c21_art20_8, N(c21_art20_8), r21_art20_8, N(r21_art20_8) },
};

/* ---- Table 二, 2019 format (spec §3.2) ------------------------------------------------ */

static const struct fmt_t2_col c19_art20_1[] = {
	{ "newly_made",      "本年新制作数量", UNIT_COUNT },
	{ "newly_published", "本年新公开数量", UNIT_COUNT },
	{ "total_published", "对外公开总数量", UNIT_COUNT },
};
static const struct fmt_t2_row r19_art20_1[] = {
	{ "rule",    "规章" },
	{ "normdoc", "规范性文件" },
};
static const struct fmt_t2_col c19_items[] = {
	{ "prev_items", "上一年项目数量", UNIT_COUNT },
	{ "change",     "本年增/减",      UNIT_COUNT_SIGNED },
	{ "decisions",  "处理决定数量",   UNIT_COUNT },
};
static const struct fmt_t2_row r19_art20_5[] = {
	{ "licensing",          "行政许可" },
	{ "other_mgmt_service", "其他对外管理服务事项" },
};
static const struct fmt_t2_row r19_art20_6[] = {
	{ "penalty",  "行政处罚" },
	{ "coercion", "行政强制" },
};
static const struct fmt_t2_row r19_art20_8[] = { { "admin_fee", "行政事业性收费" } };
static const struct fmt_t2_col c19_art20_9[] = {
	{ "project_count", "采购项目数量", UNIT_COUNT },
	{ "total_amount",  "采购总金额",   UNIT_FEN_AS_YUAN },
};
static const struct fmt_t2_row r19_art20_9[] = { { "central_procurement", "政府集中采购" } };

static const struct fmt_t2_block t2_2019[] = {
	{ "art20_1", "第二十条第（一）项", c19_art20_1, N(c19_art20_1), r19_art20_1, N(r19_art20_1) },
	{ "art20_5", "第二十条第（五）项", c19_items, 3, r19_art20_5, N(r19_art20_5) },
	{ "art20_6", "第二十条第（六）项", c19_items, 3, r19_art20_6, N(r19_art20_6) },
	{ "art20_8", "第二十条第（八）项", c19_items, 2, r19_art20_8, N(r19_art20_8) },
	{ "art20_9", "第二十条第（九）项", c19_art20_9, N(c19_art20_9), r19_art20_9, N(r19_art20_9) },
};

/* ---- Table 三 (spec §4) ---------------------------------------------------------------- */

static const struct fmt_t3_col t3_cols[T3C__MAX] = {
	{ "np",        "自然人",       0 },
	{ "biz",       "商业企业",     1 },
	{ "research",  "科研机构",     1 },
	{ "ngo",       "社会公益组织", 1 },
	{ "legal",     "法律服务机构", 1 },
	{ "org_other", "其他",         1 },
	{ "total",     "总计",         0 },
};

enum { G_DENY, G_UNABLE, G_NOPROC, G_OTHER };

static const struct fmt_t3_group t3_groups_2021[] = {
	{ "deny",   "（三）不予公开" },
	{ "unable", "（四）无法提供" },
	{ "noproc", "（五）不予处理" },
	{ "other",  "（六）其他处理" },
};

#define REASON(key, id, label, name, g) { key, id, label, name, T3K_REASON, g, 1 }

/* Rows shared by both formats: 一 … （五）5, then （七） and 四. */
#define T3_ROWS_HEAD \
	{ T3R_NEW_RECEIVED, "new_received", "一、本年新收政府信息公开申请数量", \
	  "一、本年新收政府信息公开申请数量", T3K_TOP, -1, 0 }, \
	{ T3R_CARRIED_IN, "carried_in", "二、上年结转政府信息公开申请数量", \
	  "二、上年结转政府信息公开申请数量", T3K_TOP, -1, 0 }, \
	{ T3R_GRANTED, "granted", "（一）予以公开", "（一）予以公开", T3K_RESULT, -1, 1 }, \
	{ T3R_PARTIAL, "partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", \
	  "（二）部分公开", T3K_RESULT, -1, 1 }, \
	REASON(T3R_DENY_STATE_SECRET, "deny_state_secret", "1.属于国家秘密", \
	       "（三）1.属于国家秘密", G_DENY), \
	REASON(T3R_DENY_LAW_PROHIBITS, "deny_law_prohibits", "2.其他法律行政法规禁止公开", \
	       "（三）2.其他法律行政法规禁止公开", G_DENY), \
	REASON(T3R_DENY_SECURITY_STABILITY, "deny_security_stability", "3.危及“三安全一稳定”", \
	       "（三）3.危及“三安全一稳定”", G_DENY), \
	REASON(T3R_DENY_THIRD_PARTY, "deny_third_party", "4.保护第三方合法权益", \
	       "（三）4.保护第三方合法权益", G_DENY), \
	REASON(T3R_DENY_INTERNAL_AFFAIRS, "deny_internal_affairs", "5.属于三类内部事务信息", \
	       "（三）5.属于三类内部事务信息", G_DENY), \
	REASON(T3R_DENY_PROCESS_INFO, "deny_process_info", "6.属于四类过程性信息", \
	       "（三）6.属于四类过程性信息", G_DENY), \
	REASON(T3R_DENY_ENFORCEMENT_FILE, "deny_enforcement_file", "7.属于行政执法案卷", \
	       "（三）7.属于行政执法案卷", G_DENY), \
	REASON(T3R_DENY_ADMIN_QUERY, "deny_admin_query", "8.属于行政查询事项", \
	       "（三）8.属于行政查询事项", G_DENY), \
	REASON(T3R_UNABLE_NOT_HELD, "unable_not_held", "1.本机关不掌握相关政府信息", \
	       "（四）1.本机关不掌握相关政府信息", G_UNABLE), \
	REASON(T3R_UNABLE_NEEDS_CREATION, "unable_needs_creation", "2.没有现成信息需要另行制作", \
	       "（四）2.没有现成信息需要另行制作", G_UNABLE), \
	REASON(T3R_UNABLE_UNCLEAR_AFTER_FIX, "unable_unclear_after_fix", "3.补正后申请内容仍不明确", \
	       "（四）3.补正后申请内容仍不明确", G_UNABLE), \
	REASON(T3R_NOPROC_PETITION, "noproc_petition", "1.信访举报投诉类申请", \
	       "（五）1.信访举报投诉类申请", G_NOPROC), \
	REASON(T3R_NOPROC_REPEAT, "noproc_repeat", "2.重复申请", "（五）2.重复申请", G_NOPROC), \
	REASON(T3R_NOPROC_PUBLICATION, "noproc_publication", "3.要求提供公开出版物", \
	       "（五）3.要求提供公开出版物", G_NOPROC), \
	REASON(T3R_NOPROC_MASS_REPEAT, "noproc_mass_repeat", "4.无正当理由大量反复申请", \
	       "（五）4.无正当理由大量反复申请", G_NOPROC), \
	REASON(T3R_NOPROC_CONFIRM_REISSUE, "noproc_confirm_reissue", \
	       "5.要求行政机关确认或重新出具已获取信息", \
	       "（五）5.要求行政机关确认或重新出具已获取信息", G_NOPROC),

#define T3_ROWS_TAIL \
	{ T3R_HANDLED_TOTAL, "handled_total", "（七）总计", "（七）总计", T3K_RESULT, -1, 0 }, \
	{ T3R_CARRIED_OUT, "carried_out", "四、结转下年度继续办理", "四、结转下年度继续办理", \
	  T3K_TOP, -1, 0 },

static const struct fmt_t3_row t3_rows_2021[] = {
	T3_ROWS_HEAD
	REASON(T3R_OTHER_NO_CORRECTION, "other_no_correction",
	       "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
	       "（六）1.申请人无正当理由逾期不补正", G_OTHER),
	REASON(T3R_OTHER_FEE_UNPAID, "other_fee_unpaid",
	       "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
	       "（六）2.申请人逾期未按收费通知要求缴纳费用", G_OTHER),
	REASON(T3R_OTHER_MISC, "other_misc", "3.其他", "（六）3.其他", G_OTHER),
	T3_ROWS_TAIL
};

/* 2019: identical except that （六）其他处理 is one numeric row (spec §4.3). */
static const struct fmt_t3_row t3_rows_2019[] = {
	T3_ROWS_HEAD
	{ T3R_OTHER_TOTAL, "other_total", "（六）其他处理", "（六）其他处理", T3K_RESULT, -1, 1 },
	T3_ROWS_TAIL
};

/* ---- Table 四 (spec §5) ---------------------------------------------------------------- */

static const struct fmt_t4_group t4_groups[T4G__MAX] = {
	{ "rev",           "行政复议",         NULL,       "行政复议" },
	{ "lit_direct",    "未经复议直接起诉", "行政诉讼", "行政诉讼（未经复议直接起诉）" },
	{ "lit_after_rev", "复议后起诉",       "行政诉讼", "行政诉讼（复议后起诉）" },
};

static const struct fmt_t4_col t4_cols[T4C__MAX] = {
	{ "upheld",    "结果维持" },
	{ "corrected", "结果纠正" },
	{ "other",     "其他结果" },
	{ "pending",   "尚未审结" },
	{ "total",     "总计" },
};

/* ---- the two formats ------------------------------------------------------------------- */

static const char t3_note[] = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

static const struct report_format formats[FMT__MAX] = {
	[FMT_V2021] = {
		.version = FMT_V2021, .id = "2021", .basis = "国办公开办函〔2021〕30号",
		.first_year = 2021, .last_year = 0,
		.sections = sections,
		.t2_prefix = "t2", .t2_header = "信息内容",
		.t2_blocks = t2_2021, .t2_nblocks = N(t2_2021),
		.t3_note = t3_note, .t3_applicant = "申请人情况", .t3_org = "法人或其他组织",
		.t3_result = "三、本年度办理结果",
		.t3_cols = t3_cols, .t3_groups = t3_groups_2021, .t3_ngroups = 4,
		.t3_rows = t3_rows_2021, .t3_nrows = N(t3_rows_2021),
		.t4_review = "行政复议", .t4_litigation = "行政诉讼",
		.t4_groups = t4_groups, .t4_cols = t4_cols,
	},
	[FMT_V2019] = {
		.version = FMT_V2019, .id = "2019", .basis = "国办公开办函〔2019〕60号",
		.first_year = 2019, .last_year = 2020,
		.sections = sections,
		.t2_prefix = "t2v19", .t2_header = "信息内容",
		.t2_blocks = t2_2019, .t2_nblocks = N(t2_2019),
		.t3_note = t3_note, .t3_applicant = "申请人情况", .t3_org = "法人或其他组织",
		.t3_result = "三、本年度办理结果",
		/* （六）其他处理 is a row of its own in 2019: only （三）（四）（五） are groups */
		.t3_cols = t3_cols, .t3_groups = t3_groups_2021, .t3_ngroups = 3,
		.t3_rows = t3_rows_2019, .t3_nrows = N(t3_rows_2019),
		.t4_review = "行政复议", .t4_litigation = "行政诉讼",
		.t4_groups = t4_groups, .t4_cols = t4_cols,
	},
};

const struct report_format *fmt_get(enum fmt_version v)
{
	return (unsigned)v < FMT__MAX ? &formats[v] : NULL;
}

const struct report_format *fmt_by_id(const char *id)
{
	for (int i = 0; id && i < FMT__MAX; i++)
		if (strcmp(formats[i].id, id) == 0)
			return &formats[i];
	return NULL;
}

const struct report_format *fmt_for_year(int year)
{
	if (year >= 2021)
		return &formats[FMT_V2021];
	if (year >= 2019)
		return &formats[FMT_V2019];
	return NULL;
}

/* ---- the derived cell lists ------------------------------------------------------------ */

struct cell_list {
	int n;
	int first[5];            /* first index per table (indexed by enum fmt_table) */
	int count[5];
	int t3_pos[T3R__MAX];    /* position of each row key in the format, or -1 */
	struct fmt_cell cell[FMT_CELLS_MAX];
	char ids[FMT_CELLS_MAX][48];
};

static struct cell_list lists[FMT__MAX];
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;

static void add_cell(struct cell_list *l, enum fmt_table t, int block, int row, int col,
		     enum fmt_unit unit, const char *rl, const char *cl, const char *p1,
		     const char *p2, const char *p3)
{
	struct fmt_cell *c = &l->cell[l->n];
	struct buf b;

	buf_init(&b, sizeof l->ids[0] - 1);
	if (buf_printf(&b, "%s.%s.%s", p1, p2, p3) != 0)
		abort();  /* ids are declared above and short: an invariant */
	memcpy(l->ids[l->n], b.ptr, b.len + 1);
	buf_free(&b);
	*c = (struct fmt_cell){ l->ids[l->n], t, block, row, col, unit, rl, cl };
	l->n++;
}

static void build_one(const struct report_format *f, struct cell_list *l)
{
	memset(l, 0, sizeof *l);
	l->first[TBL_2] = l->n;
	for (int b = 0; b < f->t2_nblocks; b++) {
		const struct fmt_t2_block *bl = &f->t2_blocks[b];
		for (int r = 0; r < bl->nrows; r++)
			for (int c = 0; c < bl->ncols; c++)
				add_cell(l, TBL_2, b, r, c, bl->cols[c].unit, bl->rows[r].label,
					 bl->cols[c].label, f->t2_prefix, bl->rows[r].id,
					 bl->cols[c].id);
	}
	l->count[TBL_2] = l->n - l->first[TBL_2];
	l->first[TBL_3] = l->n;
	for (int k = 0; k < T3R__MAX; k++)
		l->t3_pos[k] = -1;
	for (int r = 0; r < f->t3_nrows; r++) {
		l->t3_pos[f->t3_rows[r].key] = r;
		for (int c = 0; c < T3C__MAX; c++)
			add_cell(l, TBL_3, -1, r, c, UNIT_COUNT, f->t3_rows[r].label,
				 f->t3_cols[c].label, "t3", f->t3_rows[r].id, f->t3_cols[c].id);
	}
	l->count[TBL_3] = l->n - l->first[TBL_3];
	l->first[TBL_4] = l->n;
	for (int g = 0; g < T4G__MAX; g++)
		for (int c = 0; c < T4C__MAX; c++)
			add_cell(l, TBL_4, -1, g, c, UNIT_COUNT, f->t4_groups[g].label,
				 f->t4_cols[c].label, "t4", f->t4_groups[g].id, f->t4_cols[c].id);
	l->count[TBL_4] = l->n - l->first[TBL_4];
}

static void build_lists(void)
{
	for (int v = 0; v < FMT__MAX; v++)
		build_one(&formats[v], &lists[v]);
}

static const struct cell_list *list_of(const struct report_format *f)
{
	pthread_once(&lists_once, build_lists);
	return &lists[f->version];
}

int fmt_ncells(const struct report_format *f)
{
	return list_of(f)->n;
}

int fmt_table_ncells(const struct report_format *f, enum fmt_table t)
{
	return (t >= TBL_2 && t <= TBL_4) ? list_of(f)->count[t] : 0;
}

int fmt_table_first(const struct report_format *f, enum fmt_table t)
{
	return (t >= TBL_2 && t <= TBL_4) ? list_of(f)->first[t] : -1;
}

const struct fmt_cell *fmt_cell(const struct report_format *f, int idx)
{
	const struct cell_list *l = list_of(f);
	return (idx >= 0 && idx < l->n) ? &l->cell[idx] : NULL;
}

int fmt_cell_index(const struct report_format *f, const char *id)
{
	const struct cell_list *l = list_of(f);

	for (int i = 0; id && i < l->n; i++)
		if (strcmp(l->cell[i].id, id) == 0)
			return i;
	return -1;
}

int fmt_t3_pos(const struct report_format *f, enum t3_row r)
{
	return ((unsigned)r < T3R__MAX) ? list_of(f)->t3_pos[r] : -1;
}

int fmt_t3_cell(const struct report_format *f, enum t3_row r, enum t3_col c)
{
	int pos = fmt_t3_pos(f, r);

	if (pos < 0 || (unsigned)c >= T3C__MAX)
		return -1;
	return list_of(f)->first[TBL_3] + pos * T3C__MAX + (int)c;
}

int fmt_t4_cell(const struct report_format *f, enum t4_group g, enum t4_col c)
{
	if ((unsigned)g >= T4G__MAX || (unsigned)c >= T4C__MAX)
		return -1;
	return list_of(f)->first[TBL_4] + (int)g * T4C__MAX + (int)c;
}

int fmt_t2_cell(const struct report_format *f, int block, int row, int col)
{
	int idx = list_of(f)->first[TBL_2];

	if (block < 0 || block >= f->t2_nblocks)
		return -1;
	if (row < 0 || row >= f->t2_blocks[block].nrows || col < 0 ||
	    col >= f->t2_blocks[block].ncols)
		return -1;
	for (int b = 0; b < block; b++)
		idx += f->t2_blocks[b].nrows * f->t2_blocks[b].ncols;
	return idx + row * f->t2_blocks[block].ncols + col;
}

int fmt_t3_row_by_id(const char *id)
{
	const struct report_format *f19 = &formats[FMT_V2019];

	for (int r = 0; id && r < N(t3_rows_2021); r++)
		if (strcmp(t3_rows_2021[r].id, id) == 0)
			return t3_rows_2021[r].key;
	for (int r = 0; id && r < f19->t3_nrows; r++)
		if (strcmp(f19->t3_rows[r].id, id) == 0)
			return f19->t3_rows[r].key;
	return -1;
}

int fmt_t3_col_by_id(const char *id)
{
	for (int c = 0; id && c < T3C__MAX; c++)
		if (strcmp(t3_cols[c].id, id) == 0)
			return c;
	return -1;
}

int fmt_t4_group_by_id(const char *id)
{
	for (int g = 0; id && g < T4G__MAX; g++)
		if (strcmp(t4_groups[g].id, id) == 0)
			return g;
	return -1;
}

int fmt_t4_col_by_id(const char *id)
{
	for (int c = 0; id && c < T4C__MAX; c++)
		if (strcmp(t4_cols[c].id, id) == 0)
			return c;
	return -1;
}

/* ---- headings -------------------------------------------------------------------------- */

int fmt_section_heading(const struct report_format *f, enum section s, struct buf *out)
{
	if ((unsigned)s >= SEC__MAX)
		return ERR_INVALID;
	return buf_printf(out, "%s、%s", f->sections[s].numeral, f->sections[s].heading);
}

const char *fmt_section_id(enum section s)
{
	return (unsigned)s < SEC__MAX ? sections[s].id : NULL;
}

int fmt_section_by_id(const char *id)
{
	for (int s = 0; id && s < SEC__MAX; s++)
		if (strcmp(sections[s].id, id) == 0)
			return s;
	return -1;
}

int fmt_title(const char *agency, int year, struct buf *out)
{
	return buf_printf(out, "%s%d年政府信息公开工作年度报告", agency ? agency : "", year);
}
