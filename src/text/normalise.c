/*
 * normalise.c — NFKC + casefold (utf8proc) then traditional → simplified (OpenCC).
 *
 * OpenCC's converter is created once per process (loading its dictionaries takes tens of
 * milliseconds) and used under a mutex. The OpenCC configuration is "t2s.json" from the
 * Debian package's data directory; GONGKAI_OPENCC_CONFIG may name another file.
 */
#include "text/normalise.h"

#include <opencc/opencc.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/mem.h"
#include "text/cpset.h"
#include "text/utf8.h"

static pthread_once_t cc_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t cc_lock = PTHREAD_MUTEX_INITIALIZER;
static opencc_t cc = (opencc_t)-1;

static void cc_open(void)
{
	const char *cfg = getenv("GONGKAI_OPENCC_CONFIG");
	cc = opencc_open(cfg && *cfg ? cfg : "t2s.json");
}

int text_nfkc_casefold(const char *s, size_t len, struct buf *out, struct gk_error *e)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t n;
	int rc;

	if (!utf8_valid(s, len))
		return err_set(e, ERR_INVALID, "", "text is not valid UTF-8");
	if (len == 0)
		return 0;
	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &dst,
			 UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (n < 0)
		return err_set(e, ERR_INVALID, "", "cannot normalise text: %s", utf8proc_errmsg(n));
	rc = buf_append(out, dst, (size_t)n);
	free(dst);
	if (rc)
		return err_set(e, rc, "", "normalised text is too long");
	return 0;
}

/* Traditional forms of the characters that fill annual reports (OpenCC s2t / s2tw of the
 * real captures and the spec). A report's text with none of them is simplified Chinese and
 * skips the traditional → simplified step, which is most of the time spent normalising. */
static const char trad_chars[] =
	"並佈來係個們備傳僅僑價償優兒兗內兩別則創劃動務勞勢勵匯區協參員問啓啟單嚴國圍圖團"
	"執堅報場塊夠娛婦學實寧審寫將專對導屆層屬崗帶幣幹庫廢廣廳強彌彙後徑從復徵徹態慶憑"
	"應懷懾戶掛採揚換揮損撐撫據擬擴數斷於時暢暫曉書會東條棄業極構樂樓標橋機檔檢櫃欄權"
	"歷歸氣決沒況洩減測準溝滿漁漢濟灣災為烏無熱營爲牽狀獲現環產畢異當療發盡監眾瞭確碼"
	"礦祕禦稅種稱積穩節範簡簽籌糾紀約紅納紙級紡紮細紹終組結絡統經綜維網緊線編緻縣總績"
	"織繞繪繫繳繼續罰羣義習聞聯聲職聽脫腦臺與興舉華萬著蓋薦藉藥蘇處號衆衛裏補裡製複覆"
	"覈見規視觀觸訂計討訓託記訟訪設許訴評詞詢試話該詳誌認語誤說誰調談請論諮講證識議護"
	"讀變讓負財貧貨貫責貴費貼貿資質購贈贏踐軍較載輕輯輸輿轉辦農這連進遊運過達違遠適遲"
	"遷選遺還郵鄉醫釋針銀銅銜銷錄錦錨錫錯鍵鎮鏈鏡鐵長門開間閱關闡陽階際隨險隱雖雙雜離"
	"難雲電響頁項順預領頭頻題額願類顧顯風飲養餘館饋駁驗體魚魯鳳鹹鹽黃點黨齊龍";
static struct text_cpset trad = TEXT_CPSET(trad_chars);

bool text_has_traditional(const char *s, size_t len)
{
	return text_cpset_count(&trad, s, len, 1) > 0;
}

/* Whether a code point may be part of a key of OpenCC's traditional → simplified dictionaries
 * (TSPhrases, TSCharacters): their keys are Han characters only (test_normalise checks it
 * against the installed dictionaries), so OpenCC's longest-match conversion never joins a
 * character outside this class to another, and leaves it as it is. */
static bool cc_key_cp(int32_t cp)
{
	return utf8_is_han(cp) || (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0x3005 && cp <= 0x3007) ||
	       (cp >= 0x3021 && cp <= 0x3029) || (cp >= 0x3038 && cp <= 0x303B) ||
	       (cp >= 0x2F800 && cp <= 0x2FA1F);
}

/* The next run of key characters in s[*at..len) (s valid UTF-8): its bounds in *start, *end;
 * false when none is left. */
static bool next_key_run(const char *s, size_t len, size_t *at, size_t *start, size_t *end)
{
	size_t i = *at;
	int32_t cp;
	bool in = false;

	while (i < len) {
		size_t n;
		if (!in)
			i += utf8_ascii_run(s + i, len - i);
		if (i >= len)
			break;
		n = utf8_decode(s + i, len - i, &cp);
		if (cc_key_cp(cp)) {
			if (!in)
				*start = i, in = true;
		} else if (in) {
			break;
		}
		i += n;
	}
	*at = i;
	*end = i;
	return in;
}

/* The next run to convert: every run of key characters, or with `report` only those holding
 * one of the traditional characters reports are written with. */
static bool next_run(const char *s, size_t len, bool report, size_t *at, size_t *start,
		     size_t *end)
{
	while (next_key_run(s, len, at, start, end))
		if (!report || text_cpset_count(&trad, s + *start, *end - *start, 1) > 0)
			return true;
	return false;
}

/* OpenCC's conversion of s[0..len) (no NUL inside) appended to out. */
static int cc_append(const char *s, size_t len, struct buf *out, struct gk_error *e)
{
	char *conv;
	int rc;

	pthread_mutex_lock(&cc_lock);
	conv = opencc_convert_utf8(cc, s, len);
	pthread_mutex_unlock(&cc_lock);
	if (conv == NULL)
		return err_set(e, ERR_INTERNAL, "", "OpenCC conversion failed");
	rc = buf_puts(out, conv);
	opencc_convert_utf8_free(conv);
	return rc ? err_set(e, rc, "", "text is too long") : 0;
}

/*
 * OpenCC spends its time looking every character up in its dictionaries, one position after
 * the other. Its keys are runs of Han characters, so only those runs are given to it — all in
 * one call, a line break between two (a line break ends every phrase) — and the rest is
 * copied: the result is OpenCC's on the whole text (test_normalise compares the two). Should
 * the answer not have a line for each run, each run is converted by a call of its own.
 */
static int t2s_runs(const char *s, size_t len, bool report, struct buf *out, struct gk_error *e)
{
	struct buf runs;
	const char *c;
	size_t at = 0, start, end, prev = 0, nruns = 0, nlines = 1;
	int rc = 0;

	if (!utf8_valid(s, len))
		return err_set(e, ERR_INVALID, "", "text is not valid UTF-8");
	len = strnlen(s, len);  /* OpenCC's text ends at a NUL: so does this one */
	pthread_once(&cc_once, cc_open);
	/* the runs, a line break between two: at most len bytes, as a run is followed by a
	 * character of another class */
	buf_init(&runs, len ? len : 1);
	while (cc != (opencc_t)-1 && rc == 0 && next_run(s, len, report, &at, &start, &end))
		if (nruns++ == 0 || (rc = buf_putc(&runs, '\n')) == 0)
			rc = buf_append(&runs, s + start, end - start);
	if (rc == 0 && nruns > 0) {
		struct buf conv;
		buf_init(&conv, out->max);
		rc = cc_append(runs.ptr, runs.len, &conv, e);
		for (c = buf_cstr(&conv); rc == 0 && (c = strchr(c, '\n')) != NULL; c++)
			nlines++;
		/* each run's line of the answer in place of the run */
		at = 0;
		c = buf_cstr(&conv);
		while (rc == 0 && next_run(s, len, report, &at, &start, &end)) {
			size_t n = strcspn(c, "\n");
			if ((rc = buf_append(out, s + prev, start - prev)) != 0)
				break;
			rc = nlines == nruns ? buf_append(out, c, n) : cc_append(s + start, end - start, out, e);
			c += n + (c[n] == '\n');
			prev = end;
		}
		buf_free(&conv);
	}
	buf_free(&runs);
	if (rc == 0)
		rc = buf_append(out, s + prev, len - prev);
	/* (without OpenCC's dictionaries the text passes unchanged: matching still works for
	 * simplified text) */
	return rc == ERR_LIMIT ? err_set(e, rc, "", "text is too long") : rc;
}

int text_t2s(const char *s, size_t len, struct buf *out, struct gk_error *e)
{
	return t2s_runs(s, len, false, out, e);
}

int text_t2s_report(const char *s, size_t len, struct buf *out, struct gk_error *e)
{
	return t2s_runs(s, len, true, out, e);
}

/* NFKC + case folding, then traditional → simplified of every run of Han characters, or
 * with `report` of those that hold a traditional character reports are written with. */
static int fold_then_t2s(const char *s, size_t len, bool report, struct buf *out,
			 struct gk_error *e)
{
	struct buf tmp;
	int rc;

	buf_init(&tmp, out->max);
	if ((rc = text_nfkc_casefold(s, len, &tmp, e)) == 0)
		rc = t2s_runs(buf_cstr(&tmp), tmp.len, report, out, e);
	buf_free(&tmp);
	return rc;
}

int text_normalise(const char *s, size_t len, struct buf *out, struct gk_error *e)
{
	return fold_then_t2s(s, len, false, out, e);
}

int text_normalise_report(const char *s, size_t len, struct buf *out, struct gk_error *e)
{
	/* (text_normalise's text ends at a NUL, as OpenCC's does: so does this one's) */
	len = strnlen(s, len);
	if (!text_has_traditional(s, len))
		return text_nfkc_casefold(s, len, out, e);
	return fold_then_t2s(s, len, true, out, e);
}

/*
 * Per-character folding for the search tokenizer.
 *
 * OpenCC converts whole strings with phrase dictionaries; the tokenizer needs one code point
 * at a time so that token offsets stay in the original text. So the character table is taken
 * from OpenCC once: every BMP Han code point, one per line, converted in a single call (a line
 * break ends every phrase, so each character is converted alone). Only one-to-one results are
 * kept, and only if they are fixed points, so that folding folded text changes nothing (the
 * query builder relies on it).
 */
#define T2S_LO 0x3400
#define T2S_HI 0x9FFF

static pthread_once_t t2s_once = PTHREAD_ONCE_INIT;
static int32_t *t2s_map;  /* [cp - T2S_LO] → simplified cp; NULL if OpenCC is missing */

static void t2s_build(void)
{
	size_t n = T2S_HI - T2S_LO + 1, len = 0, i, off;
	char *in = xmalloc(n * 4 + 1), *conv;
	int32_t *map;

	for (int32_t cp = T2S_LO; cp <= T2S_HI; cp++) {
		len += utf8_encode(cp, in + len);
		in[len++] = '\n';
	}
	pthread_once(&cc_once, cc_open);
	if (cc == (opencc_t)-1)
		goto out;
	pthread_mutex_lock(&cc_lock);
	conv = opencc_convert_utf8(cc, in, len);
	pthread_mutex_unlock(&cc_lock);
	if (conv == NULL)
		goto out;
	map = xmalloc(n * sizeof(*map));
	for (i = 0; i < n; i++)
		map[i] = (int32_t)(T2S_LO + i);
	/* Walk the output line by line; line i is the conversion of T2S_LO + i. */
	off = 0;
	len = strlen(conv);
	for (i = 0; i < n && off < len; i++) {
		size_t end = off, k;
		int32_t c1 = -1, c;
		int count = 0;

		while (end < len && conv[end] != '\n')
			end++;
		for (k = off; k < end;) {
			size_t m = utf8_decode(conv + k, end - k, &c);
			if (m == 0)
				break;
			if (count++ == 0)
				c1 = c;
			k += m;
		}
		if (count == 1 && c1 >= T2S_LO && c1 <= T2S_HI)
			map[i] = c1;
		off = end + 1;
	}
	/* Keep only mappings whose target maps to itself (idempotence). */
	for (i = 0; i < n; i++) {
		int32_t t = map[i];
		if (map[t - T2S_LO] != t)
			map[i] = (int32_t)(T2S_LO + i);
	}
	opencc_convert_utf8_free(conv);
	t2s_map = map;
out:
	free(in);
}

void text_fold_prepare(void)
{
	pthread_once(&t2s_once, t2s_build);
}

size_t text_fold_cp(int32_t cp, int32_t *out, size_t max)
{
	utf8proc_int32_t tmp[32];
	utf8proc_ssize_t n;
	int last = 0;
	size_t i, k = 0;

	if (max == 0)
		return 0;
	if (cp < 0x80) {  /* the common case, without utf8proc */
		out[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
		return 1;
	}
	if (cp >= 0x3400 && cp <= 0x9FFF && (cp <= 0x4DBF || cp >= 0x4E00)) {
		/* the unified Han blocks: NFKC and case folding leave them as they are (most of a
		 * Chinese text, so the search tokenizer takes this path) */
		pthread_once(&t2s_once, t2s_build);
		out[0] = t2s_map ? t2s_map[cp - T2S_LO] : cp;
		return 1;
	}
	n = utf8proc_decompose_char(cp, tmp, 32, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
				    UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE, &last);
	if (n < 0 || n > 32) {
		out[0] = cp;
		return 1;
	}
	if (n > 1)
		n = utf8proc_normalize_utf32(tmp, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0)
		n = 0;
	pthread_once(&t2s_once, t2s_build);
	for (i = 0; i < (size_t)n && k < max; i++) {
		int32_t c = tmp[i];
		if (t2s_map && c >= T2S_LO && c <= T2S_HI)
			c = t2s_map[c - T2S_LO];
		out[k++] = c;
	}
	return k;
}

enum text_cp_class text_cp_class(int32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return TEXT_CP_DIGIT;
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
		return TEXT_CP_LETTER;
	if (cp < 0x80)
		return TEXT_CP_OTHER;
	if (utf8_is_han(cp) || (cp >= 0x3040 && cp <= 0x30FF) || cp == 0x3007)
		return TEXT_CP_IDEO;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return TEXT_CP_LETTER;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return TEXT_CP_MARK;
	case UTF8PROC_CATEGORY_ND:
		return TEXT_CP_DIGIT;
	default:
		return TEXT_CP_OTHER;
	}
}
