/* test_format.c — the declared formats: cell counts and ids, label matching, cell values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "format/cells.h"
#include "format/format.h"

static void test_cell_counts(void **state)
{
	const struct report_format *f21 = fmt_get(FMT_V2021), *f19 = fmt_get(FMT_V2019);

	/* spec §3.1, §4.2, §5: 10 + 175 + 15 in 2021; §3.2, §4.3: 22 + 161 + 15 in 2019 */
	assert_int_equal(fmt_table_ncells(f21, TBL_2), 10);
	assert_int_equal(fmt_table_ncells(f21, TBL_3), 175);
	assert_int_equal(fmt_table_ncells(f21, TBL_4), 15);
	assert_int_equal(fmt_ncells(f21), 200);
	assert_int_equal(f21->t3_nrows, 25);
	assert_int_equal(fmt_table_ncells(f19, TBL_2), 22);
	assert_int_equal(fmt_table_ncells(f19, TBL_3), 161);
	assert_int_equal(fmt_table_ncells(f19, TBL_4), 15);
	assert_int_equal(f19->t3_nrows, 23);
}

static void test_cell_ids(void **state)
{
	const struct report_format *f21 = fmt_get(FMT_V2021), *f19 = fmt_get(FMT_V2019);
	static const char *const ids21[] = {
		"t2.rule.issued", "t2.normdoc.in_force", "t2.licensing.decisions",
		"t2.coercion.decisions", "t2.admin_fee.amount_wan", "t3.new_received.np",
		"t3.deny_security_stability.ngo", "t3.other_fee_unpaid.legal",
		"t3.handled_total.total", "t3.carried_out.org_other", "t4.rev.upheld",
		"t4.lit_direct.total", "t4.lit_after_rev.pending",
	};
	static const char *const ids19[] = {
		"t2v19.rule.newly_made", "t2v19.normdoc.total_published",
		"t2v19.other_mgmt_service.change", "t2v19.admin_fee.prev_items",
		"t2v19.central_procurement.total_amount", "t3.other_total.np",
	};

	for (size_t i = 0; i < sizeof ids21 / sizeof ids21[0]; i++) {
		int idx = fmt_cell_index(f21, ids21[i]);
		assert_true(idx >= 0);
		assert_string_equal(fmt_cell(f21, idx)->id, ids21[i]);
	}
	for (size_t i = 0; i < sizeof ids19 / sizeof ids19[0]; i++)
		assert_true(fmt_cell_index(f19, ids19[i]) >= 0);
	assert_int_equal(fmt_cell_index(f21, "t3.other_total.np"), -1);
	assert_int_equal(fmt_cell_index(f19, "t3.other_misc.np"), -1);
	assert_int_equal(fmt_cell_index(f21, "t2.admin_fee.prev_items"), -1);
	/* every id unique; the enum accessors agree with the ids */
	for (int v = 0; v < FMT__MAX; v++) {
		const struct report_format *f = fmt_get(v);
		for (int i = 0; i < fmt_ncells(f); i++)
			assert_int_equal(fmt_cell_index(f, fmt_cell(f, i)->id), i);
	}
	assert_string_equal(fmt_cell(f21, fmt_t3_cell(f21, T3R_PARTIAL, T3C_LEGAL))->id,
			    "t3.partial.legal");
	assert_string_equal(fmt_cell(f21, fmt_t4_cell(f21, T4G_LIT_AFTER_REV, T4C_OTHER))->id,
			    "t4.lit_after_rev.other");
	assert_string_equal(fmt_cell(f21, fmt_t2_cell(f21, 3, 0, 0))->id, "t2.admin_fee.amount_wan");
	assert_int_equal(fmt_cell(f21, fmt_t2_cell(f21, 3, 0, 0))->unit, UNIT_FEN_AS_WAN);
	assert_int_equal(fmt_t3_cell(f19, T3R_OTHER_MISC, T3C_NP), -1);
}

static void test_labels_and_headings(void **state)
{
	const struct report_format *f = fmt_get(FMT_V2021);
	struct buf b;

	buf_init(&b, 0);
	assert_int_equal(fmt_section_heading(f, SEC_REVIEW_LITIGATION, &b), 0);
	assert_string_equal(buf_cstr(&b), "四、政府信息公开行政复议、行政诉讼情况");
	buf_reset(&b);
	assert_int_equal(fmt_title("慈周寨镇", 2024, &b), 0);
	assert_string_equal(buf_cstr(&b), "慈周寨镇2024年政府信息公开工作年度报告");
	buf_free(&b);
	assert_string_equal(f->t3_rows[fmt_t3_pos(f, T3R_PARTIAL)].label,
			    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
	assert_string_equal(f->t3_note,
			    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
	assert_ptr_equal(fmt_for_year(2024), f);
	assert_ptr_equal(fmt_for_year(2020), fmt_get(FMT_V2019));
	assert_null(fmt_for_year(2018));
	assert_ptr_equal(fmt_by_id("2019"), fmt_get(FMT_V2019));
}

static void key_of(const char *label, size_t len, struct buf *out)
{
	buf_reset(out);
	assert_int_equal(fmt_label_key(label, len, out, NULL), 0);
}

static void key_is(const char *label, const char *want)
{
	struct buf b;

	buf_init(&b, 0);
	key_of(label, strlen(label), &b);
	assert_string_equal(buf_cstr(&b), want);
	buf_free(&b);
}

/* Keys are remembered in a table of a few thousand slots that labels take over from each
 * other: through many more labels than slots, in two orders, each label keeps its own key —
 * the full-width, traditional spelling and the plain one agree, and no label is answered
 * with the key of another that shares its slot. */
static void test_label_keys_remembered(void **state)
{
	enum { N = 9000 };
	static const char *fw[] = { "０", "１", "２", "３", "４", "５", "６", "７", "８", "９" };
	struct buf a, b, want;
	char plain[64], wide[128], digits[16];

	buf_init(&a, 0);
	buf_init(&b, 0);
	buf_init(&want, 0);
	for (int pass = 0; pass < 2; pass++) {
		for (int k = 0; k < N; k++) {
			int i = pass ? N - 1 - k : k;
			size_t n = (size_t)snprintf(digits, sizeof digits, "%d", i);

			snprintf(plain, sizeof plain, "予以公开%d件", i);
			strcpy(wide, "予以公開");
			for (size_t d = 0; d < n; d++)
				strcat(wide, fw[digits[d] - '0']);
			strcat(wide, "件");
			key_of(wide, strlen(wide), &a);
			key_of(plain, strlen(plain), &b);
			assert_string_equal(buf_cstr(&a), buf_cstr(&b));
			assert_non_null(strstr(buf_cstr(&a), digits));
		}
	}
	/* a label that begins as another does is not it; nor is one that stops short */
	key_of("予以公开", strlen("予以公开"), &a);
	key_of("予以公开决定", strlen("予以公开决定"), &b);
	assert_string_not_equal(buf_cstr(&a), buf_cstr(&b));
	key_of("予以公开", strlen("予以公开") - 3, &b);
	assert_string_not_equal(buf_cstr(&a), buf_cstr(&b));
	/* labels too long to be remembered get their key all the same, each time */
	buf_reset(&want);
	for (int i = 0; i < 40; i++)
		assert_int_equal(buf_puts(&want, "（一）予以公開"), 0);
	key_of(buf_cstr(&want), want.len, &a);
	key_of(buf_cstr(&want), want.len, &b);
	assert_true(a.len > 0);
	assert_string_equal(buf_cstr(&a), buf_cstr(&b));
	assert_null(strstr(buf_cstr(&a), "開"));
	buf_free(&a);
	buf_free(&b);
	buf_free(&want);
}

#define ROW(f, s) fmt_match_t3_row((f), (s), strlen(s))

static void test_label_matching(void **state)
{
	const struct report_format *f = fmt_get(FMT_V2021), *f19 = fmt_get(FMT_V2019);

	/* spec §7.2 normalisation */
	key_is("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开");
	key_is("法人或者其他组织", "法人或其他组织");
	key_is("合计", "总计");
	key_is("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
	       "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)");
	/* the reference report's printed forms */
	assert_int_equal(ROW(f, "(一) 予以公开"), fmt_t3_pos(f, T3R_GRANTED));
	assert_int_equal(ROW(f, "(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)"),
			 fmt_t3_pos(f, T3R_PARTIAL));
	assert_int_equal(ROW(f, "3. 危及“三安全一稳定”"), fmt_t3_pos(f, T3R_DENY_SECURITY_STABILITY));
	assert_int_equal(ROW(f, "危及\"三安全一稳定\""), fmt_t3_pos(f, T3R_DENY_SECURITY_STABILITY));
	assert_int_equal(ROW(f, "１．属于国家秘密"), fmt_t3_pos(f, T3R_DENY_STATE_SECRET));
	assert_int_equal(ROW(f, "（1）属于国家秘密"), fmt_t3_pos(f, T3R_DENY_STATE_SECRET));
	assert_int_equal(ROW(f, "3. 其他"), fmt_t3_pos(f, T3R_OTHER_MISC));
	assert_int_equal(ROW(f, "(七) 总计"), fmt_t3_pos(f, T3R_HANDLED_TOTAL));
	assert_int_equal(ROW(f, "（七）合计"), fmt_t3_pos(f, T3R_HANDLED_TOTAL));
	assert_int_equal(ROW(f, "四、结转下年度继续办理"), fmt_t3_pos(f, T3R_CARRIED_OUT));
	assert_int_equal(ROW(f, "本機關不掌握相關政府信息"), fmt_t3_pos(f, T3R_UNABLE_NOT_HELD));
	assert_int_equal(ROW(f19, "（六）其他处理"), fmt_t3_pos(f19, T3R_OTHER_TOTAL));
	assert_int_equal(ROW(f, "（六）其他处理"), -1);
	assert_int_equal(ROW(f, "申请人情况"), -1);
	assert_int_equal(fmt_match_t3_group(f, "(三) 不予公开", strlen("(三) 不予公开")), 0);
	assert_int_equal(fmt_match_t3_group(f, "三、本年度办理结果", strlen("三、本年度办理结果")),
			 FMT_T3_RESULT_GROUP);
	assert_int_equal(fmt_match_t3_col(f, "商业\n企业", strlen("商业\n企业")), T3C_BIZ);
	assert_int_equal(fmt_match_t3_col(f, "合计", strlen("合计")), T3C_TOTAL);
	assert_int_equal(fmt_match_t4_col(f, "结果 维持", strlen("结果 维持")), T4C_UPHELD);
	assert_int_equal(fmt_match_t4_col(f, "尚未\n审结", strlen("尚未\n审结")), T4C_PENDING);
	assert_int_equal(fmt_match_t4_group(f, "复议后起诉", strlen("复议后起诉")), T4G_LIT_AFTER_REV);
	assert_int_equal(fmt_match_t2_block(f, "第二十条第(八)项", strlen("第二十条第(八)项")), 3);
	assert_int_equal(fmt_match_t2_col(f, 3, "本年收费金额(单位:万元)",
					  strlen("本年收费金额(单位:万元)")), 0);
	assert_int_equal(fmt_match_t2_row(f19, 0, "規章（設區的市、自治州人民政府應提供相關數據）",
					  strlen("規章（設區的市、自治州人民政府應提供相關數據）")), 0);
	assert_int_equal(fmt_match_t2_row(f, 0, "规范性文件", strlen("规范性文件")), -1);
	assert_int_equal(fmt_match_t2_row(f19, 0, "规范性文件", strlen("规范性文件")), 1);
}

#define SEC(s) fmt_match_section((s), strlen(s))

static void test_section_matching(void **state)
{
	assert_int_equal(SEC("## 一、总体情况"), SEC_OVERVIEW);
	assert_int_equal(SEC("#### 四、政府信息公开行政复议、行政诉讼情况"), SEC_REVIEW_LITIGATION);
	assert_int_equal(SEC("四、政府信息公开行政复议及行政诉讼情况"), SEC_REVIEW_LITIGATION);
	assert_int_equal(SEC("五、政府信息公开工作存在的主要问题及改进情况"), SEC_PROBLEMS);
	assert_int_equal(SEC("五．存在问题及改进情况"), SEC_PROBLEMS);
	assert_int_equal(SEC("六、其他需要报告的事项"), SEC_OTHER_MATTERS);
	assert_int_equal(SEC("三、本年度办理结果"), -1);
	assert_int_equal(SEC("一、本年新收政府信息公开申请数量"), -1);
	assert_int_equal(SEC("四、结转下年度继续办理"), -1);
}

static void test_cells_and_values(void **state)
{
	const struct report_format *f = fmt_get(FMT_V2021);
	struct report_cells c;
	struct buf b;
	int fee = fmt_cell_index(f, "t2.admin_fee.amount_wan");

	cells_init(&c, f);
	assert_int_equal(cells_state(&c, 0), CELL_ABSENT);
	cells_set_blank(&c, 1);
	assert_int_equal(cells_state(&c, 1), CELL_BLANK);
	cells_set(&c, 2, 7);
	assert_int_equal(cells_state(&c, 2), CELL_VALUE);
	assert_int_equal(cells_get(&c, 2), 7);
	assert_int_equal(cells_set_id(&c, "t9.nothing.here", 1, NULL), ERR_NOTFOUND);

	/* spec §2: 分 in, 万元 out with at most 4 decimals, no separators */
	buf_init(&b, 0);
	assert_int_equal(cells_write_value(fmt_cell(f, fee), 0, 4, &b), 0);
	assert_string_equal(buf_cstr(&b), "0");
	buf_reset(&b);
	assert_int_equal(cells_write_value(fmt_cell(f, fee), 1234567800, 4, &b), 0);
	assert_string_equal(buf_cstr(&b), "1234.5678");
	buf_reset(&b);
	assert_int_equal(cells_write_value(fmt_cell(f, fee), 12345678, 4, &b), 0);
	assert_string_equal(buf_cstr(&b), "12.3457");
	buf_reset(&b);
	assert_int_equal(cells_write_value(fmt_cell(f, fee), 150000000000, 4, &b), 0);
	assert_string_equal(buf_cstr(&b), "150000");
	buf_free(&b);

	/* totals filled by a generator hold by construction */
	cells_init_zero(&c, f);
	cells_t3_set(&c, T3R_GRANTED, T3C_NP, 2);
	cells_t3_set(&c, T3R_GRANTED, T3C_LEGAL, 1);
	cells_t3_set(&c, T3R_OTHER_MISC, T3C_BIZ, 4);
	cells_t4_add(&c, T4G_REV, T4C_PENDING, 1);
	cells_t4_add(&c, T4G_REV, T4C_PENDING, 1);
	cells_fill_totals(&c);
	assert_int_equal(cells_t3_get(&c, T3R_GRANTED, T3C_TOTAL), 3);
	assert_int_equal(cells_t3_get(&c, T3R_HANDLED_TOTAL, T3C_BIZ), 4);
	assert_int_equal(cells_t3_get(&c, T3R_HANDLED_TOTAL, T3C_TOTAL), 7);
	assert_int_equal(cells_t4_get(&c, T4G_REV, T4C_TOTAL), 2);

	/* a blank total is recomputed from present parts, and stays blank */
	cells_set_blank(&c, fmt_t3_cell(f, T3R_GRANTED, T3C_TOTAL));
	cells_derive_blank_totals(&c);
	assert_int_equal(cells_t3_get(&c, T3R_GRANTED, T3C_TOTAL), 3);
	assert_int_equal(cells_state(&c, fmt_t3_cell(f, T3R_GRANTED, T3C_TOTAL)), CELL_BLANK);
}

static void test_ids_sums_and_2019_mapping(void **state)
{
	const struct report_format *f21 = fmt_get(FMT_V2021), *f19 = fmt_get(FMT_V2019);
	struct report_cells a, b, c21;
	int unknown = -1;

	/* the ledger stores outcomes and applicant types by these ids */
	assert_int_equal(fmt_t3_row_by_id("granted"), T3R_GRANTED);
	assert_int_equal(fmt_t3_row_by_id("other_misc"), T3R_OTHER_MISC);
	assert_int_equal(fmt_t3_row_by_id("other_total"), T3R_OTHER_TOTAL);
	assert_int_equal(fmt_t3_row_by_id("nonsense"), -1);
	assert_int_equal(fmt_t3_col_by_id("org_other"), T3C_ORG_OTHER);
	assert_int_equal(fmt_t4_group_by_id("lit_after_rev"), T4G_LIT_AFTER_REV);
	assert_int_equal(fmt_t4_col_by_id("pending"), T4C_PENDING);

	/* a region sum: values add up; a cell absent in one organ's report is unknown in the sum */
	cells_init_zero(&a, f21);
	cells_init_zero(&b, f21);
	cells_t3_set(&a, T3R_GRANTED, T3C_NP, 2);
	cells_t3_set(&b, T3R_GRANTED, T3C_NP, 3);
	b.state[fmt_t4_cell(f21, T4G_REV, T4C_TOTAL)] = CELL_ABSENT;
	assert_int_equal(cells_accumulate(&a, &b), 0);
	assert_int_equal(cells_t3_get(&a, T3R_GRANTED, T3C_NP), 5);
	assert_int_equal(cells_state(&a, fmt_t4_cell(f21, T4G_REV, T4C_TOTAL)), CELL_ABSENT);
	cells_init_zero(&b, f19);
	assert_int_equal(cells_accumulate(&a, &b), ERR_INVALID);

	/* spec §4.3: 2019 （六）其他处理 goes to （六）3.其他, never split */
	cells_t3_set(&b, T3R_OTHER_TOTAL, T3C_BIZ, 4);
	cells_t3_set(&b, T3R_CARRIED_OUT, T3C_NP, 7);
	cells_t4_set(&b, T4G_LIT_DIRECT, T4C_UPHELD, 1);
	cells_from_2019(&b, &c21, &unknown);
	assert_ptr_equal(c21.fmt, f21);
	assert_int_equal(unknown, 1);
	assert_int_equal(cells_t3_get(&c21, T3R_OTHER_MISC, T3C_BIZ), 4);
	assert_int_equal(cells_state(&c21, fmt_t3_cell(f21, T3R_OTHER_FEE_UNPAID, T3C_BIZ)), CELL_VALUE);
	assert_int_equal(cells_t3_get(&c21, T3R_CARRIED_OUT, T3C_NP), 7);
	assert_int_equal(cells_t4_get(&c21, T4G_LIT_DIRECT, T4C_UPHELD), 1);
	assert_int_equal(cells_state(&c21, fmt_cell_index(f21, "t2.rule.issued")), CELL_ABSENT);
}

/* The fuzz corpus (fuzz/corpus/fuzz_label, with the inputs that once crashed) replays here:
 * every label's key is stable and every matcher survives it. */
static void test_fuzz_corpus_replay(void **state)
{
	const char *dir = GK_TEST_SOURCE_DIR "/fuzz/corpus/fuzz_label";
	DIR *d = opendir(dir);
	struct dirent *de;
	int files = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		struct buf path, in, a, b;

		if (de->d_name[0] == '.')
			continue;
		buf_init(&path, 0);
		buf_init(&in, 0);
		buf_init(&a, 0);
		buf_init(&b, 0);
		assert_int_equal(buf_printf(&path, "%s/%s", dir, de->d_name), 0);
		assert_int_equal(buf_read_file(&in, path.ptr, NULL), 0);
		if (fmt_label_key(buf_cstr(&in), in.len, &a, NULL) == 0) {
			assert_int_equal(fmt_label_key(buf_cstr(&in), in.len, &b, NULL), 0);
			assert_int_equal(a.len, b.len);
		}
		for (int v = 0; v < FMT__MAX; v++) {
			(void)fmt_match_t3_row(fmt_get(v), buf_cstr(&in), in.len);
			(void)fmt_match_t2_row(fmt_get(v), 0, buf_cstr(&in), in.len);
		}
		(void)fmt_match_section(buf_cstr(&in), in.len);
		files++;
		buf_free(&path);
		buf_free(&in);
		buf_free(&a);
		buf_free(&b);
	}
	closedir(d);
	assert_true(files >= 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cell_counts),
		cmocka_unit_test(test_cell_ids),
		cmocka_unit_test(test_labels_and_headings),
		cmocka_unit_test(test_label_matching),
		cmocka_unit_test(test_label_keys_remembered),
		cmocka_unit_test(test_section_matching),
		cmocka_unit_test(test_cells_and_values),
		cmocka_unit_test(test_ids_sums_and_2019_mapping),
		cmocka_unit_test(test_fuzz_corpus_replay),
	};
	return cmocka_run_group_tests_name("format/format", tests, NULL, NULL);
}
