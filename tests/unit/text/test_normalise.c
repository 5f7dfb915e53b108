/* test_normalise.c — full-width, case and traditional characters all match after normalising. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <opencc/opencc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/mem.h"
#include "text/cpset.h"
#include "text/normalise.h"
#include "text/utf8.h"

static void check_with(int (*normalise)(const char *, size_t, struct buf *, struct gk_error *),
		       const char *in, const char *want)
{
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(normalise(in, strlen(in), &b, NULL), 0);
	assert_string_equal(buf_cstr(&b), want);
	buf_free(&b);
}

static void check(const char *in, const char *want)
{
	check_with(text_normalise, in, want);
}

static void test_fullwidth_and_case(void **state)
{
	check("ＡＢＣ１２３", "abc123");
	check("（一）予以公开", "(一)予以公开");
	check("慈政〔2024〕3号", "慈政〔2024〕3号");
}

static void test_traditional(void **state)
{
	check("政府資訊公開條例", "政府资讯公开条例");
	check("第二十條第(一)項", "第二十条第(一)项");
}

/* A report's text: the same as text_normalise, whether or not it takes the traditional step
 * (a page of simplified text skips it; one with a traditional character of reports does not),
 * and the text ends at a NUL on both paths. */
static void test_report(void **state)
{
	static const char *const texts[] = { "（一）予以公开", "政府資訊公開條例", "第二十條第(一)項",
					     "本年新收政府信息公开申请数量", "ＡＢＣ\0尾" };
	static const size_t lens[] = { 0, 0, 0, 0, sizeof "ＡＢＣ\0尾" - 1 };

	(void)state;
	assert_false(text_has_traditional("政府信息公开条例", strlen("政府信息公开条例")));
	assert_true(text_has_traditional("政府信息公開條例", strlen("政府信息公開條例")));
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		size_t len = lens[i] ? lens[i] : strlen(texts[i]);
		struct buf a, b;

		buf_init(&a, 0);
		buf_init(&b, 0);
		assert_int_equal(text_normalise(texts[i], len, &a, NULL), 0);
		assert_int_equal(text_normalise_report(texts[i], len, &b, NULL), 0);
		assert_int_equal(a.len, b.len);
		assert_memory_equal(buf_cstr(&a), buf_cstr(&b), a.len);
		buf_free(&a);
		buf_free(&b);
	}
}

static void test_invalid_utf8_refused(void **state)
{
	struct buf b;
	struct gk_error e = { 0 };
	buf_init(&b, 0);
	assert_int_equal(text_normalise("\xff\xfe", 2, &b, &e), ERR_INVALID);
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

/* Folding one code point at a time (the search tokenizer) agrees with text_normalise. */
static void test_fold_cp_agrees_with_normalise(void **state)
{
	const char *samples[] = { "政府資訊公開條例", "ＡＢＣ１２３", "慈政〔2024〕3号", "Straße",
				  "第二十條第(一)項", "①號" };
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		const char *s = samples[i];
		size_t len = strlen(s), pos = 0;
		struct buf whole, each;
		buf_init(&whole, 0);
		buf_init(&each, 0);
		assert_int_equal(text_normalise(s, len, &whole, NULL), 0);
		while (pos < len) {
			int32_t cp, out[18];
			char enc[4];
			size_t m = utf8_decode(s + pos, len - pos, &cp);
			size_t n = text_fold_cp(cp, out, 18);
			assert_true(m > 0);
			for (size_t k = 0; k < n; k++)
				assert_int_equal(buf_append(&each, enc, utf8_encode(out[k], enc)), 0);
			pos += m;
		}
		assert_string_equal(buf_cstr(&each), buf_cstr(&whole));
		buf_free(&whole);
		buf_free(&each);
	}
}

static void test_cp_class(void **state)
{
	assert_int_equal(text_cp_class('a'), TEXT_CP_LETTER);
	assert_int_equal(text_cp_class('7'), TEXT_CP_DIGIT);
	assert_int_equal(text_cp_class(0x516C /* 公 */), TEXT_CP_IDEO);
	assert_int_equal(text_cp_class(0x3014 /* 〔 */), TEXT_CP_OTHER);
	assert_int_equal(text_cp_class(0x0301 /* combining acute */), TEXT_CP_MARK);
}

/* A set's members are found, every other character is not, whatever its neighbours in the
 * code space; a member beyond U+FFFF is left out (the sets hold CJK of the BMP). */
static void test_cpset(void **state)
{
	static struct text_cpset s = TEXT_CPSET("的公開a\U0002000B");
	const char *text = "公开 公開 的的 a";

	assert_true(text_cpset_has(&s, 0x7684 /* 的 */));
	assert_true(text_cpset_has(&s, 0x516C /* 公 */));
	assert_true(text_cpset_has(&s, 0x958B /* 開 */));
	assert_true(text_cpset_has(&s, 'a'));
	assert_false(text_cpset_has(&s, 0x5F00 /* 开 */));
	assert_false(text_cpset_has(&s, 0x516B /* 八, one below 公 */));
	assert_false(text_cpset_has(&s, 0x516D /* 六, one above */));
	assert_false(text_cpset_has(&s, 'b'));
	assert_false(text_cpset_has(&s, 0x2000B));
	assert_false(text_cpset_has(&s, -1));
	assert_false(text_cpset_has(&s, 0x110000));
	/* ASCII is not counted; at most `enough` */
	assert_int_equal(text_cpset_count(&s, text, strlen(text), 100), 5);
	assert_int_equal(text_cpset_count(&s, text, strlen(text), 2), 2);
	assert_int_equal(text_cpset_count(&s, "\xff\xfe公", 5, 100), 1);
}

/* The ASCII runs read 8 bytes at a time agree with reading byte by byte, at every start and
 * length across word boundaries, and so do the validity check and the count built on them. */
static void test_utf8_ascii_runs(void **state)
{
	const char *text = "abcdefgh年度报告ijklmnopqrstuvwx\xff" "12345678\xe5\xb9" "y0123456789abcdefg公开";
	size_t len = strlen(text);

	for (size_t i = 0; i <= len; i++) {
		for (size_t n = 0; i + n <= len; n++) {
			const char *s = text + i;
			size_t run = 0, count = 0, k = 0;
			int valid = 1;
			int32_t cp;
			while (run < n && (unsigned char)s[run] < 0x80)
				run++;
			assert_int_equal(utf8_ascii_run(s, n), run);
			while (k < n) {
				size_t l = utf8_decode(s + k, n - k, &cp);
				if (l == 0)
					valid = 0;
				k += l ? l : 1;
				count++;
			}
			assert_int_equal(utf8_valid(s, n), valid);
			assert_int_equal(utf8_count(s, n), count);
		}
	}
}

/* OpenCC's conversion of the whole text, as text_t2s made it before it gave OpenCC only the
 * runs of Han characters. */
static char *opencc_whole(const char *s)
{
	static opencc_t cc = (opencc_t)-1;
	char *conv, *copy;

	if (cc == (opencc_t)-1)
		cc = opencc_open("t2s.json");
	assert_true(cc != (opencc_t)-1);
	conv = opencc_convert_utf8(cc, s, strlen(s));
	assert_non_null(conv);
	copy = xstrdup(conv);
	opencc_convert_utf8_free(conv);
	return copy;
}

static void assert_t2s_is_opencc(const char *s)
{
	struct buf b;
	char *want = opencc_whole(s);

	buf_init(&b, 0);
	assert_int_equal(text_t2s(s, strlen(s), &b, NULL), 0);
	if (strcmp(buf_cstr(&b), want) != 0)
		fail_msg("text_t2s(\"%s\") = \"%s\", OpenCC on the whole text: \"%s\"", s,
			 buf_cstr(&b), want);
	free(want);
	buf_free(&b);
}

/* The keys of the installed traditional → simplified dictionaries, dumped with opencc_dict
 * (Debian's opencc package): NUL-separated in one string, their number in *n. */
static char *dictionary_keys(size_t *n)
{
	static const char *const dicts[] = { "TSPhrases", "TSCharacters" };
	char tmp[] = "/tmp/gk-ocd-XXXXXX";
	struct buf keys;
	int fd = mkstemp(tmp);

	assert_true(fd >= 0);
	close(fd);
	buf_init(&keys, 0);
	*n = 0;
	for (size_t d = 0; d < 2; d++) {
		char *cmd = xasprintf("opencc_dict -i '%s/%s.ocd2' -o '%s' -f ocd2 -t text",
				      GK_OPENCC_DATA_DIR, dicts[d], tmp);
		char line[4096];
		FILE *f;
		size_t before = *n;

		if (system(cmd) != 0)
			fail_msg("cannot dump the dictionary: %s", cmd);
		free(cmd);
		f = fopen(tmp, "r");
		assert_non_null(f);
		while (fgets(line, sizeof line, f)) {
			line[strcspn(line, "\t\n")] = '\0';
			if (line[0]) {
				assert_int_equal(buf_append(&keys, line, strlen(line) + 1), 0);
				(*n)++;
			}
		}
		fclose(f);
		assert_true(*n - before > 100);  /* each dictionary has its keys */
	}
	unlink(tmp);
	return buf_steal(&keys);
}

/* text_t2s gives OpenCC only the runs of Han characters: the result is OpenCC's on the whole
 * text for every key of the installed dictionaries — alone, beside characters of other kinds,
 * beside itself — and for text mixing their characters with everything else. */
static void test_t2s_runs_are_opencc(void **state)
{
	static const char *const others[] = { "a", "Z", "7", " ", "\n", "\t", "，", "。", "（", "）",
					      "〔", "、", "：", "—", "々", "〇", "の", "カ", "ａ", "１",
					      "é", "😀", "①", "·" };
	size_t nkeys, nothers = sizeof others / sizeof others[0];
	char *keys = dictionary_keys(&nkeys), *k;
	const char **key = xcalloc(nkeys, sizeof *key);
	uint32_t seed = 20261206;

	(void)state;
	k = keys;
	for (size_t i = 0; i < nkeys; i++, k += strlen(k) + 1) {
		char *s;
		key[i] = k;
		assert_t2s_is_opencc(k);
		s = xasprintf("x%s1（%s）%s%s\n%s。", k, k, k, k, k);
		assert_t2s_is_opencc(s);
		free(s);
	}
	for (int t = 0; t < 3000; t++) {
		struct buf s;
		int parts = 1 + t % 24;

		buf_init(&s, 0);
		for (int p = 0; p < parts; p++) {
			seed = seed * 1103515245u + 12345u;
			const char *piece = (seed >> 16) % 3 ? key[(seed >> 8) % nkeys] :
							      others[(seed >> 8) % nothers];
			assert_int_equal(buf_puts(&s, piece), 0);
		}
		assert_t2s_is_opencc(buf_cstr(&s));
		buf_free(&s);
	}
	free(key);
	free(keys);
}

/* A report's text: a run of Han characters is converted when it holds a traditional character
 * reports are written with, whole (沈默 in 國家沈默 as OpenCC makes it, 沉默), and a run
 * without one is left as it is, as a page without one is; NUL ends the text. */
static void test_t2s_report_runs(void **state)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "國家沈默", "国家沉默" },
		{ "沈默。國家", "沈默。国家" },
		{ "答覆：2件，計畫1項", "答复:2件,计划1项" },
		{ "政府信息公开", "政府信息公开" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_with(text_normalise_report, cases[i].in, cases[i].want);
	{
		struct buf b;
		buf_init(&b, 0);
		assert_int_equal(text_t2s_report("國\0國", 7, &b, NULL), 0);
		assert_string_equal(buf_cstr(&b), "国");
		buf_free(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fullwidth_and_case),
		cmocka_unit_test(test_traditional),
		cmocka_unit_test(test_report),
		cmocka_unit_test(test_invalid_utf8_refused),
		cmocka_unit_test(test_fold_cp_agrees_with_normalise),
		cmocka_unit_test(test_cp_class),
		cmocka_unit_test(test_cpset),
		cmocka_unit_test(test_utf8_ascii_runs),
		cmocka_unit_test(test_t2s_runs_are_opencc),
		cmocka_unit_test(test_t2s_report_runs),
	};
	return cmocka_run_group_tests_name("text/normalise", tests, NULL, NULL);
}
