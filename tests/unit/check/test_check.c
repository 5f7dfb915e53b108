/* test_check.c — reading and checking published reports: every real capture of the corpus
 * as INDEX.tsv describes it, the reference report, the spec's worked examples (§6.4) with their
 * negative test, and each kind of damage or rule breach on a small report built to show it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "check/check.h"

#define GOLDEN GK_TEST_SOURCE_DIR "/tests/golden/check/"

/* The real captures and the reference report kept in the repository (tests/data/README.md). */
static const char *data_dir(void)
{
	return GK_TEST_DATA_DIR;
}

static char *slurp(const char *path)
{
	struct buf b;
	buf_init(&b, 0);
	if (buf_read_file(&b, path, NULL) != 0)
		fail_msg("cannot read %s", path);
	return buf_steal(&b);
}

/* Replace the first occurrence of from by to in s (a new string). */
static char *replace(const char *s, const char *from, const char *to)
{
	const char *p = strstr(s, from);
	if (!p)
		fail_msg("fixture text not found: %s", from);
	return xasprintf("%.*s%s%s", (int)(p - s), s, to, p + strlen(from));
}

static void check_str(const char *text, const char *name, int strict, struct chk_report *r)
{
	struct chk_options o = { .strict = strict };
	if (chk_check_mem(text, strlen(text), name, &o, r) != 0)
		fail_msg("%s: %s", name, r->err.msg);
}

static void check_path(const char *path, struct chk_report *r)
{
	struct chk_options o = { 0 };
	if (chk_check_file(path, &o, r) != 0)
		fail_msg("%s: %s", path, r->err.msg);
}

static int64_t cell(const struct chk_report *r, const char *id)
{
	const struct report_cells *c = &r->res.rep.cells;
	int idx = fmt_cell_index(c->fmt, id);
	if (idx < 0)
		fail_msg("no cell %s in format %s", id, c->fmt->id);
	if (cells_state(c, idx) == CELL_ABSENT)
		fail_msg("cell %s is absent", id);
	return cells_get(c, idx);
}

static int absent(const struct chk_report *r, const char *id)
{
	const struct report_cells *c = &r->res.rep.cells;
	int idx = fmt_cell_index(c->fmt, id);
	return idx >= 0 && cells_state(c, idx) == CELL_ABSENT && !r->res.blank[idx];
}

/* The first finding of a rule, or NULL. */
static const struct finding *finding(const struct chk_report *r, const char *rule)
{
	for (size_t i = 0; i < r->findings.n; i++)
		if (strcmp(r->findings.v[i].rule, rule) == 0)
			return &r->findings.v[i];
	return NULL;
}

static void dump(const struct chk_report *r)
{
	for (size_t i = 0; i < r->findings.n; i++)
		print_message("# %s %s %s\n", severity_code(r->findings.v[i].sev),
			      r->findings.v[i].rule, r->findings.v[i].msg);
}

static void no_errors(const struct chk_report *r)
{
	if (chk_count(r, SEV_ERROR)) {
		dump(r);
		fail_msg("%s: %zu E findings", r->file, chk_count(r, SEV_ERROR));
	}
}

static int points_at(const struct finding *f, const char *id)
{
	for (int i = 0; f && i < f->ncells; i++)
		if (strcmp(fmt_cell(f->fmt, f->cells[i])->id, id) == 0)
			return 1;
	return 0;
}

/* ---- the corpus of real captures ------------------------------------------------------------ */

/* INDEX.tsv states what each capture holds. Where the capture itself cannot show what the
 * index says, the index's own note says why, and the test expects what the capture shows. */
static const struct {
	const char *file;
	int year;               /* -1: as the index says */
	const char *agency;     /* what the capture names (NULL: nothing), when not the index's */
	const char *why;
} not_in_capture[] = {
	{ "041.txt", 0, "", "index note: 'year never stated in capture (2023 inferred … uncertain)'" },
	{ "056.txt", 0, "", "no year anywhere in the capture (the index takes it from the site)" },
	{ "014.txt", -1, NULL, "one PDF page: only '审计局' and '我单位'" },
	{ "074.txt", -1, NULL, "the capture names itself only '区政府办公室' and no district: which "
			      "district?" },
	{ "077.txt", -1, NULL, "no title; the text says '区政府政务服务办'" },
	{ "080.txt", -1, "文登区住建局", "no title; the overview's subject is the organ's own short name "
				       "'文登区住建局'" },
};

static int exemption(const char *file)
{
	for (size_t i = 0; i < sizeof not_in_capture / sizeof not_in_capture[0]; i++)
		if (strcmp(not_in_capture[i].file, file) == 0)
			return (int)i;
	return -1;
}

/* The index's organ without its parenthesised note. */
static char *index_agency(const char *s, int *named)
{
	const char *p = strstr(s, "(");
	*named = !(strstr(s, "未出现") || strstr(s, "推断") || strstr(s, "某"));
	return p ? xstrndup(s, (size_t)(p - s)) : xstrdup(s);
}

static int ends_with(const char *s, const char *t)
{
	size_t a = strlen(s), b = strlen(t);
	return a >= b && memcmp(s + a - b, t, b) == 0;
}

/* The organ's own name in an index entry: what follows the last 省/市/区/县 ("厚桥街道"). */
static const char *tail(const char *s)
{
	const char *best = s, *marks[] = { "省", "市", "区", "县" };
	for (size_t i = 0; i < 4; i++) {
		const char *p = s, *q;
		while ((q = strstr(p, marks[i])) != NULL) {
			if (q + 3 > best && q[3])
				best = q + 3;
			p = q + 3;
		}
	}
	return best;
}

static void test_corpus(void **state)
{
	char *path = xasprintf("%s/corpus/real/INDEX.tsv", data_dir());
	char *index = slurp(path), *line, *save = NULL;
	int files = 0, totals = 0;
	int organ_right = 0, organ_unknown = 0, year_right = 0;  /* against the index itself */

	for (line = strtok_r(index, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *f[16] = { 0 }, *p = line, *file;
		int n = 0;
		struct chk_report r;
		static const char *const ids[4] = { "t3.new_received.total", "t3.carried_in.total",
						    "t3.handled_total.total", "t3.carried_out.total" };

		while (n < 16) {
			char *t = strchr(p, '\t');
			f[n++] = p;
			if (!t)
				break;
			*t = '\0';
			p = t + 1;
		}
		if (strcmp(f[0], "file") == 0 || n < 13)
			continue;
		file = xasprintf("%s/corpus/real/%s", data_dir(), f[0]);
		check_path(file, &r);
		/* format: 2021 / 2019 / unknown exactly as the index says */
		if (strcmp(chk_format_id(r.res.format), f[6]) != 0)
			fail_msg("%s: format %s, index says %s", f[0], chk_format_id(r.res.format), f[6]);
		/* year */
		{
			int want = strcmp(f[4], "unknown") == 0 ? 0 : (int)strtol(f[4], NULL, 10);
			int x = exemption(f[0]);
			if (x >= 0 && not_in_capture[x].year >= 0)
				want = not_in_capture[x].year;
			if (r.res.rep.year != want)
				fail_msg("%s: year %d, expected %d", f[0], r.res.rep.year, want);
			year_right += r.res.rep.year == (strcmp(f[4], "unknown") == 0 ? 0 :
							 (int)strtol(f[4], NULL, 10));
		}
		/* completeness */
		assert_int_equal(r.res.complete, strcmp(f[5], "yes") == 0);
		/* organ */
		{
			int named, x = exemption(f[0]);
			char *want = index_agency(f[2], &named);
			const char *got = r.res.rep.agency;
			if (x >= 0 && not_in_capture[x].year < 0) {
				const char *w = not_in_capture[x].agency;
				if (w ? !got || strcmp(got, w) != 0 : got != NULL)
					fail_msg("%s: organ '%s', the capture shows '%s' (%s)", f[0],
						 got ? got : "(none)", w ? w : "(none)", not_in_capture[x].why);
			} else if (!named) {
				/* whatever is read must be part of the index's name */
				if (got && !strstr(want, got) && !ends_with(want, got))
					fail_msg("%s: organ '%s' is not part of '%s'", f[0], got, want);
			} else if (!got || !(strstr(want, got) || ends_with(got, tail(want)))) {
				fail_msg("%s: organ '%s', index says '%s'", f[0], got ? got : "(none)", want);
			}
			/* right: the index's organ, or none where the index says the capture names none */
			if (named ? got != NULL : got == NULL || strstr(want, got) != NULL)
				organ_right++;
			else if (!got)
				organ_unknown++;
			free(want);
		}
		/* every Table 三 total the index lists; '-' = not visible → absent */
		for (int k = 0; k < 4; k++) {
			const char *want = f[7 + k];
			if (strcmp(want, "-") == 0) {
				if (!absent(&r, ids[k]))
					fail_msg("%s: %s should be absent, read %lld", f[0], ids[k],
						 (long long)cell(&r, ids[k]));
			} else {
				if (cell(&r, ids[k]) != strtol(want, NULL, 10))
					fail_msg("%s: %s = %lld, index says %s", f[0], ids[k],
						 (long long)cell(&r, ids[k]), want);
				totals++;
			}
		}
		/* a truncated capture is never judged on what it did not reach */
		if (!r.res.complete)
			assert_non_null(finding(&r, "CAP-01"));
		chk_report_free(&r);
		free(file);
		files++;
	}
	assert_int_equal(files, 33);
	assert_int_equal(totals, 16);
	/* The accuracy over the corpus (issue goal: organ ≥ 90%, never wrong): 30 of 33 organs
	 * right, the other 3 unknown (014, 074, 077 never name the organ beyond 审计局,
	 * 区政府办公室, 区政府政务服务办); 31 of 33 years (041 and 056 state none). A name read
	 * wrongly fails above, file by file. */
	assert_int_equal(organ_right, 30);
	assert_int_equal(organ_unknown, 3);
	assert_int_equal(year_right, 31);
	free(index);
	free(path);
}

/* Every shape a title takes (tests/golden/check/titles/INDEX.tsv): the organ read is exactly
 * the index's, or none where the index says "-" (a bare level, a self-reference, a site's name
 * standing above a title that names no organ). */
static void test_titles(void **state)
{
	char *index = slurp(GOLDEN "titles/INDEX.tsv"), *line, *save = NULL;
	int n = 0;

	for (line = strtok_r(index, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *file = line, *agency = strchr(file, '\t'), *year, *path;
		struct chk_report r;
		if (!agency || strncmp(line, "file\t", 5) == 0)
			continue;
		*agency++ = '\0';
		year = strchr(agency, '\t');
		*year++ = '\0';
		path = xasprintf(GOLDEN "titles/%s", file);
		check_path(path, &r);
		if (strcmp(agency, "-") == 0 ? r.res.rep.agency != NULL
					     : !r.res.rep.agency || strcmp(r.res.rep.agency, agency) != 0)
			fail_msg("%s: organ '%s', expected '%s'", file,
				 r.res.rep.agency ? r.res.rep.agency : "(none)", agency);
		if (r.res.rep.year != (int)strtol(year, NULL, 10))
			fail_msg("%s: year %d, expected %s", file, r.res.rep.year, year);
		chk_report_free(&r);
		free(path);
		n++;
	}
	assert_int_equal(n, 18);
	free(index);
}

static void test_corpus_damage(void **state)
{
	struct chk_report r;
	char *p;

	/* 017: empty cells dropped by the capture → only 总计 kept, with a warning */
	p = xasprintf("%s/corpus/real/017.txt", data_dir());
	check_path(p, &r);
	assert_non_null(finding(&r, "CAP-02"));
	assert_true(absent(&r, "t3.new_received.np"));
	assert_null(finding(&r, "T3-09"));
	chk_report_free(&r);
	free(p);
	/* 038: blank applicant cells; the 总计 column confirms them as 0 */
	p = xasprintf("%s/corpus/real/038.txt", data_dir());
	check_path(p, &r);
	assert_non_null(finding(&r, "CELL-BLANK"));
	assert_int_equal(cell(&r, "t3.new_received.np"), 0);
	assert_true(r.res.blank[fmt_cell_index(r.res.rep.cells.fmt, "t3.new_received.np")]);
	assert_true(r.res.blank[fmt_cell_index(r.res.rep.cells.fmt, "t2.rule.issued")]);  /* "/" */
	chk_report_free(&r);
	free(p);
	/* 092: traditional characters with injected ruby annotations */
	p = xasprintf("%s/corpus/real/092.txt", data_dir());
	check_path(p, &r);
	assert_non_null(finding(&r, "CAP-07"));
	assert_int_equal(cell(&r, "t2v19.licensing.prev_items"), 1);
	assert_int_equal(cell(&r, "t2v19.licensing.change"), 5);
	assert_string_equal(r.res.rep.agency, "中南街道");
	chk_report_free(&r);
	free(p);
	/* 071: the local extra row of Table 二 is kept aside */
	p = xasprintf("%s/corpus/real/071.txt", data_dir());
	check_path(p, &r);
	assert_non_null(finding(&r, "CAP-05"));
	assert_non_null(strstr(r.res.extra, "其他主动公开文件"));
	assert_int_equal(cell(&r, "t2v19.normdoc.total_published"), 119);
	chk_report_free(&r);
	free(p);
	/* 026: gambling spam in place of the city name */
	p = xasprintf("%s/corpus/real/026.txt", data_dir());
	check_path(p, &r);
	assert_non_null(finding(&r, "CAP-06"));
	assert_null(strstr(r.res.rep.agency, "365"));
	chk_report_free(&r);
	free(p);
	/* 080: signed 本年增/减 */
	p = xasprintf("%s/corpus/real/080.txt", data_dir());
	check_path(p, &r);
	assert_int_equal(cell(&r, "t2v19.licensing.change"), -417);
	chk_report_free(&r);
	free(p);
}

/* ---- the reference report ------------------------------------------------------------------ */

static void test_reference(void **state)
{
	char *p = xasprintf("%s/corpus/reference-cizhouzhai-2024.txt", data_dir());
	struct chk_report r;
	const struct finding *w;

	check_path(p, &r);
	assert_int_equal(r.res.format, CHK_FMT_2021);
	assert_int_equal(r.res.rep.year, 2024);
	assert_string_equal(r.res.rep.agency, "慈周寨镇");
	assert_true(r.res.complete);
	for (int i = 0; i < fmt_ncells(r.res.rep.cells.fmt); i++) {
		assert_int_equal(cells_state(&r.res.rep.cells, i), CELL_VALUE);
		assert_int_equal(cells_get(&r.res.rep.cells, i), 0);
	}
	no_errors(&r);
	w = finding(&r, "TXT-02");  /* section 六 says only "0" */
	assert_non_null(w);
	assert_int_equal(w->sev, SEV_WARN);
	assert_non_null(strstr(w->msg, "六"));
	chk_report_free(&r);
	free(p);
}

/* ---- §6.4 worked examples ------------------------------------------------------------------- */

static void hangzhou_cells(const struct chk_report *r)
{
	static const struct { const char *id; int64_t v; } want[] = {
		{ "t3.new_received.total", 14069 }, { "t3.carried_in.total", 560 },
		{ "t3.granted.total", 5548 }, { "t3.partial.total", 2168 },
		{ "t3.deny_state_secret.total", 13 }, { "t3.deny_admin_query.total", 150 },
		{ "t3.unable_not_held.total", 3222 }, { "t3.noproc_confirm_reissue.total", 5 },
		{ "t3.other_no_correction.total", 318 }, { "t3.other_misc.total", 965 },
		{ "t3.handled_total.total", 13810 }, { "t3.carried_out.total", 819 },
		{ "t3.new_received.biz", 1394 },
		{ "t4.rev.upheld", 376 }, { "t4.rev.total", 790 }, { "t4.lit_direct.total", 56 },
		{ "t4.lit_after_rev.upheld", 74 }, { "t4.lit_after_rev.total", 156 },
		{ "t2.normdoc.in_force", 150 }, { "t2.licensing.decisions", 5000 },
		{ "t2.admin_fee.amount_wan", 12500000 },  /* 12.5 万元 in 分 */
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		if (cell(r, want[i].id) != want[i].v)
			fail_msg("%s: %s = %lld, want %lld", r->file, want[i].id,
				 (long long)cell(r, want[i].id), (long long)want[i].v);
}

static void test_hangzhou_html_all_charsets(void **state)
{
	static const char *const files[] = { "hangzhou-2021.html", "hangzhou-2021-gb18030.html",
					     "hangzhou-2021-big5.html" };
	static const char *const charsets[] = { "UTF-8", "GB18030", "Big5" };

	for (size_t i = 0; i < 3; i++) {
		char *p = xasprintf(GOLDEN "%s", files[i]);
		struct chk_report r;
		check_path(p, &r);
		assert_string_equal(r.res.charset, charsets[i]);
		assert_int_equal(r.res.format, CHK_FMT_2021);
		assert_int_equal(r.res.rep.year, 2024);
		assert_string_equal(r.res.rep.agency, "杭州市某区人民政府办公室");
		assert_true(r.res.complete);
		hangzhou_cells(&r);
		no_errors(&r);
		assert_int_equal(chk_count(&r, SEV_WARN), 0);  /* narrative agrees with the tables */
		chk_report_free(&r);
		free(p);
	}
}

static void test_hangzhou_negative(void **state)
{
	struct chk_report r;

	/* （六）3 total changed to 964: T3-02 (row) and T3-03 (（七）总计) both fail */
	check_path(GOLDEN "hangzhou-2021-negative.html", &r);
	assert_non_null(finding(&r, "T3-02"));
	assert_non_null(finding(&r, "T3-03"));
	assert_int_equal(finding(&r, "T3-02")->sev, SEV_ERROR);
	assert_true(points_at(finding(&r, "T3-02"), "t3.other_misc.total"));
	assert_true(points_at(finding(&r, "T3-03"), "t3.other_misc.total"));
	assert_non_null(strstr(finding(&r, "T3-02")->msg, "964"));
	assert_null(finding(&r, "T3-01"));  /* 一 + 二 = 三 + 四 still holds */
	assert_int_equal(chk_count(&r, SEV_ERROR), 2);
	chk_report_free(&r);
}

static void test_shanghai_2019_blank_totals(void **state)
{
	struct chk_report r;

	check_path(GOLDEN "shanghai-2019.html", &r);
	assert_int_equal(r.res.format, CHK_FMT_2019);
	assert_int_equal(r.res.rep.year, 2019);
	assert_true(r.res.complete);
	/* 总计 column 859/18/805/72, 自然人 821/18/767/72, 商业企业 35/0/35/0 */
	assert_int_equal(cell(&r, "t3.new_received.total"), 859);
	assert_int_equal(cell(&r, "t3.carried_in.total"), 18);
	assert_int_equal(cell(&r, "t3.handled_total.total"), 805);
	assert_int_equal(cell(&r, "t3.carried_out.total"), 72);
	assert_int_equal(cell(&r, "t3.handled_total.np"), 767);
	assert_int_equal(cell(&r, "t3.new_received.biz"), 35);
	/* the blank 总计 of an outcome row is recomputed from its row */
	assert_int_equal(cell(&r, "t3.granted.total"), 523);
	assert_true(r.res.blank[fmt_cell_index(r.res.rep.cells.fmt, "t3.granted.total")]);
	assert_int_equal(cell(&r, "t4.rev.total"), 7);
	assert_int_equal(cell(&r, "t4.lit_direct.total"), 9);
	/* units and signs inside cells */
	assert_int_equal(cell(&r, "t2v19.central_procurement.total_amount"), 25100000);
	assert_int_equal(cell(&r, "t2v19.licensing.change"), -2);
	assert_int_equal(cell(&r, "t2v19.other_mgmt_service.change"), 1);
	assert_non_null(finding(&r, "CELL-BLANK"));
	assert_null(finding(&r, "T3-01"));
	assert_null(finding(&r, "T4-01"));
	assert_null(finding(&r, "T4-02"));
	no_errors(&r);
	chk_report_free(&r);
}

static void test_reference_docx(void **state)
{
	struct chk_report r;

	check_path(GOLDEN "reference-2024.docx", &r);
	assert_int_equal(r.res.source, CHK_SRC_DOCX);
	assert_int_equal(r.res.format, CHK_FMT_2021);
	assert_true(r.res.complete);
	assert_string_equal(r.res.rep.agency, "慈周寨镇");
	assert_int_equal(cell(&r, "t3.carried_out.total"), 0);
	no_errors(&r);
	chk_report_free(&r);
}

/* ---- each breach on a report built to show it ------------------------------------------------ */

static char *reference(void)
{
	char *p = xasprintf("%s/corpus/reference-cizhouzhai-2024.txt", data_dir());
	char *s = slurp(p);
	free(p);
	return s;
}

#define ROW1_ZERO "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0"

static void test_breach_t3_01_and_narrative(void **state)
{
	char *ref = reference();
	char *bad = replace(ref, ROW1_ZERO, "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1");
	struct chk_report r;

	check_str(bad, "t3-01.txt", 0, &r);
	assert_non_null(finding(&r, "T3-01"));
	assert_true(points_at(finding(&r, "T3-01"), "t3.new_received.np"));
	/* the overview says no application was received: contradicts Table 三 */
	assert_non_null(finding(&r, "T3-08"));
	chk_report_free(&r);
	free(bad);
	/* the correct report: neither fires */
	check_str(ref, "ok.txt", 0, &r);
	assert_null(finding(&r, "T3-01"));
	assert_null(finding(&r, "T3-08"));
	chk_report_free(&r);
	free(ref);
}

static void test_breach_township_rules(void **state)
{
	char *ref = reference();
	char *bad = replace(ref, "规章\t0\t0\t0", "规章\t1\t0\t1");
	struct chk_report r;

	check_str(bad, "rules.txt", 0, &r);
	assert_non_null(finding(&r, "T2-03"));  /* a 镇 cannot make 规章 */
	no_errors(&r);
	chk_report_free(&r);
	free(bad);
	free(ref);
}

static void test_breach_blank_cell_strict(void **state)
{
	char *ref = reference();
	char *bad = replace(ref, "行政强制\t0", "行政强制\t-");
	struct chk_report r;

	check_str(bad, "blank.txt", 0, &r);
	assert_int_equal(finding(&r, "CELL-BLANK")->sev, SEV_WARN);
	assert_true(points_at(finding(&r, "CELL-BLANK"), "t2.coercion.decisions"));
	chk_report_free(&r);
	check_str(bad, "blank.txt", 1, &r);
	assert_int_equal(finding(&r, "CELL-BLANK")->sev, SEV_ERROR);
	chk_report_free(&r);
	free(bad);
	free(ref);
}

static void test_blank_unconfirmed_not_zero(void **state)
{
	/* 自然人 blank but 总计 3: the blank cannot be 0, so it is left out, not judged */
	char *ref = reference();
	char *bad = replace(ref, ROW1_ZERO, "一、本年新收政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t3");
	struct chk_report r;

	check_str(bad, "unconfirmed.txt", 0, &r);
	assert_true(absent(&r, "t3.new_received.np") || r.res.blank[0] >= 0);
	assert_int_equal(cells_state(&r.res.rep.cells,
				     fmt_cell_index(r.res.rep.cells.fmt, "t3.new_received.np")), CELL_ABSENT);
	assert_null(finding(&r, "T3-02"));
	assert_non_null(finding(&r, "CAP-08"));
	chk_report_free(&r);
	free(bad);
	free(ref);
}

static void test_breach_empty_sections(void **state)
{
	char *ref = reference();
	const char *start = strstr(ref, "#### 五、");
	char *bad;
	struct chk_report r;

	assert_non_null(start);
	bad = xasprintf("%.*s#### 五、存在的主要问题及改进情况\n\n无\n\n#### 六、其他需要报告的事项\n\n无。\n",
			(int)(start - ref), ref);
	check_str(bad, "empty5.txt", 0, &r);
	assert_non_null(finding(&r, "TXT-01"));  /* 五 says nothing */
	assert_null(finding(&r, "TXT-02"));      /* 六 may say 无 */
	chk_report_free(&r);
	free(bad);
	free(ref);
}

static void test_old_layout_for_new_year(void **state)
{
	char *s = slurp(GOLDEN "shanghai-2019.html");
	char *a = replace(s, "<h1>上海市人民政府办公厅2019年", "<h1>上海市人民政府办公厅2022年");
	char *bad = replace(a, "<title>上海市人民政府办公厅2019年", "<title>上海市人民政府办公厅2022年");
	struct chk_report r;

	check_str(bad, "old-layout.html", 0, &r);
	assert_int_equal(r.res.rep.year, 2022);
	assert_non_null(finding(&r, "FMT-01"));
	chk_report_free(&r);
	free(a);
	free(bad);
	free(s);
}

static void test_truncated_reference(void **state)
{
	char *ref = reference();
	char *cut = xstrndup(ref, (size_t)(strstr(ref, "(四) 无法提供") - ref) + 30);
	struct chk_report r;

	check_str(cut, "cut.txt", 0, &r);
	assert_false(r.res.complete);
	assert_non_null(finding(&r, "CAP-01"));
	assert_true(absent(&r, "t3.handled_total.total"));
	assert_true(absent(&r, "t4.rev.total"));
	assert_int_equal(cell(&r, "t3.deny_admin_query.total"), 0);
	no_errors(&r);  /* nothing judged on cells never reached */
	chk_report_free(&r);
	free(cut);
	free(ref);
}

static void test_fullwidth_and_subtotal_column(void **state)
{
	char *ref = reference();
	char *a = replace(ref, "(一) 予以公开\t0\t0\t0\t0\t0\t0\t0",
			  "(一) 予以公开\t０\t０\t０\t０\t０\t０\t０");
	/* a third-party tool's 小计 column (equal to the five organisation columns) */
	char *b = replace(a, "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",
			  "二、上年结转政府信息公开申请数量\t\t2\t1\t0\t0\t0\t1\t2\t4");
	char *c = replace(b, "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0",
			  "四、结转下年度继续办理\t\t2\t1\t0\t0\t0\t1\t4");
	struct chk_report r;

	check_str(c, "fw.txt", 0, &r);
	assert_int_equal(cell(&r, "t3.granted.total"), 0);
	assert_int_equal(cell(&r, "t3.carried_in.total"), 4);
	assert_int_equal(cell(&r, "t3.carried_in.org_other"), 1);
	assert_non_null(finding(&r, "CAP-03"));
	no_errors(&r);
	chk_report_free(&r);
	free(a);
	free(b);
	free(c);
	free(ref);
}

static void test_cross_year(void **state)
{
	char *ref = reference();
	char *y2023 = replace(ref, "慈周寨镇 2024 年", "慈周寨镇 2023 年");
	char *y2023b = replace(y2023, "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0",
			       "四、结转下年度继续办理\t\t3\t0\t0\t0\t0\t0\t3");
	char *y2023c = replace(y2023b, ROW1_ZERO, "一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3");
	struct chk_report r[2];

	check_str(y2023c, "2023.txt", 0, &r[0]);
	check_str(ref, "2024.txt", 0, &r[1]);
	assert_int_equal(r[0].res.rep.year, 2023);
	chk_cross(r, 2, NULL);
	/* 2024 二、上年结转 (0) must equal 2023 四、结转下年度 (3) */
	assert_non_null(finding(&r[1], "T3-05"));
	assert_true(points_at(finding(&r[1], "T3-05"), "t3.carried_in.np"));
	assert_null(finding(&r[0], "T3-05"));
	/* the same narrative word for word two years running */
	assert_non_null(finding(&r[1], "TXT-05"));
	chk_report_free(&r[0]);
	chk_report_free(&r[1]);
	free(y2023);
	free(y2023b);
	free(y2023c);
	free(ref);
}

static void test_json_input(void **state)
{
	const char *j = "[{\"file\":\"x\",\"format\":\"2021\",\"year\":2024,\"agency\":\"某镇\","
			"\"complete\":true,\"cells\":{\"t3.new_received.np\":2,\"t3.new_received.biz\":0,"
			"\"t3.new_received.research\":0,\"t3.new_received.ngo\":0,\"t3.new_received.legal\":0,"
			"\"t3.new_received.org_other\":0,\"t3.new_received.total\":3,"
			"\"t2.admin_fee.amount_wan\":0.5},\"blank_cells\":[]}]";
	struct chk_report r;

	check_str(j, "x.json", 0, &r);
	assert_int_equal(r.res.source, CHK_SRC_JSON);
	assert_int_equal(r.res.rep.year, 2024);
	assert_string_equal(r.res.rep.agency, "某镇");
	assert_int_equal(cell(&r, "t2.admin_fee.amount_wan"), 500000);
	assert_non_null(finding(&r, "T3-02"));  /* 2 + 0… ≠ 3 */
	chk_report_free(&r);
}

/* Spam in a short line above a title that names its own organ: that line is never read as the
 * organ, but the hijacked page is still noted (CAP-06), and the organ is the title's. */
static void test_spam_above_title(void **state)
{
	static const char page[] =
		"365bet网上娱乐_官网\n"
		"张喆镇2023年政府信息公开工作年度报告\n"
		"一、总体情况\n"
		"2023年，张喆镇认真贯彻《条例》。\n";
	struct chk_options o = { 0 };
	struct chk_report r;

	(void)state;
	assert_int_equal(chk_check_mem(page, sizeof page - 1, "a.txt", &o, &r), 0);
	assert_non_null(finding(&r, "CAP-06"));
	assert_string_equal(r.res.rep.agency, "张喆镇");
	chk_report_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus),
		cmocka_unit_test(test_spam_above_title),
		cmocka_unit_test(test_corpus_damage),
		cmocka_unit_test(test_titles),
		cmocka_unit_test(test_reference),
		cmocka_unit_test(test_hangzhou_html_all_charsets),
		cmocka_unit_test(test_hangzhou_negative),
		cmocka_unit_test(test_shanghai_2019_blank_totals),
		cmocka_unit_test(test_reference_docx),
		cmocka_unit_test(test_breach_t3_01_and_narrative),
		cmocka_unit_test(test_breach_township_rules),
		cmocka_unit_test(test_breach_blank_cell_strict),
		cmocka_unit_test(test_blank_unconfirmed_not_zero),
		cmocka_unit_test(test_breach_empty_sections),
		cmocka_unit_test(test_old_layout_for_new_year),
		cmocka_unit_test(test_truncated_reference),
		cmocka_unit_test(test_fullwidth_and_subtotal_column),
		cmocka_unit_test(test_cross_year),
		cmocka_unit_test(test_json_input),
	};
	return cmocka_run_group_tests_name("check/check", tests, NULL, NULL);
}
