/*
 * decode.c — charset detection and conversion to UTF-8 (see decode.h).
 *
 * Sniffing scores each candidate decoding by how many of its characters are among the few
 * hundred that fill every annual report (政府信息公开年度报告情况申请…), in simplified and
 * traditional forms; mojibake from the wrong charset is made of rare characters and scores
 * near zero. GB18030 accepts almost any byte string, so validity alone cannot decide.
 */
#include "check/decode.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "text/cpset.h"
#include "text/utf8.h"

static const char *const cs_iconv[CHK_CS__MAX] = {
	[CHK_CS_UTF8] = "UTF-8",
	[CHK_CS_GB18030] = "GB18030",
	[CHK_CS_BIG5] = "BIG5-HKSCS",
	[CHK_CS_UTF16LE] = "UTF-16LE",
	[CHK_CS_UTF16BE] = "UTF-16BE",
};

static const char *const cs_name[CHK_CS__MAX] = {
	[CHK_CS_UTF8] = "UTF-8",
	[CHK_CS_GB18030] = "GB18030",
	[CHK_CS_BIG5] = "Big5",
	[CHK_CS_UTF16LE] = "UTF-16LE",
	[CHK_CS_UTF16BE] = "UTF-16BE",
};

/* Characters common in reports, simplified and traditional forms (both count). */
static const char common_chars[] =
	"的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产"
	"种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本"
	"去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或"
	"但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品"
	"式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先"
	"回则任取据处府信息申请报告况公开政务办理结转复议诉讼予不财预算收费规章范许可处罚强制项目会议工作开展落"
	"实强化推进深入贯彻条例年度统计期限"
	"這個們來時為說國會對產種發動過後開關與現實體點業從還應無內數質氣問與將處報請況務辦轉議訟預費規範許罰項"
	"議機構們區條與歲統計資訊聯網際廣東區鎮縣級廳";

static struct text_cpset common = TEXT_CPSET(common_chars);

static int is_common(int32_t cp)
{
	return text_cpset_has(&common, cp);
}

const char *chk_charset_name(enum chk_charset cs)
{
	return (unsigned)cs < CHK_CS__MAX ? cs_name[cs] : "?";
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int label_is(const char *s, size_t len, const char *want)
{
	size_t i;
	if (strlen(want) != len)
		return 0;
	for (i = 0; i < len; i++)
		if (lower((unsigned char)s[i]) != want[i])
			return 0;
	return 1;
}

int chk_charset_from_label(const char *s, size_t len)
{
	static const struct { const char *label; enum chk_charset cs; } map[] = {
		{ "utf-8", CHK_CS_UTF8 }, { "utf8", CHK_CS_UTF8 }, { "unicode-1-1-utf-8", CHK_CS_UTF8 },
		/* Pages labelled GB2312 or GBK use GBK/GB18030 characters anyway: read all as GB18030. */
		{ "gb2312", CHK_CS_GB18030 }, { "gbk", CHK_CS_GB18030 }, { "x-gbk", CHK_CS_GB18030 },
		{ "gb18030", CHK_CS_GB18030 }, { "cp936", CHK_CS_GB18030 }, { "ms936", CHK_CS_GB18030 },
		{ "windows-936", CHK_CS_GB18030 }, { "gb_2312-80", CHK_CS_GB18030 },
		{ "gb_2312", CHK_CS_GB18030 }, { "chinese", CHK_CS_GB18030 }, { "euc-cn", CHK_CS_GB18030 },
		{ "csgb2312", CHK_CS_GB18030 }, { "iso-ir-58", CHK_CS_GB18030 },
		{ "big5", CHK_CS_BIG5 }, { "big5-hkscs", CHK_CS_BIG5 }, { "cn-big5", CHK_CS_BIG5 },
		{ "x-x-big5", CHK_CS_BIG5 }, { "cp950", CHK_CS_BIG5 }, { "csbig5", CHK_CS_BIG5 },
		{ "utf-16le", CHK_CS_UTF16LE }, { "utf-16be", CHK_CS_UTF16BE },
	};
	size_t i;
	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (label_is(s, len, map[i].label))
			return (int)map[i].cs;
	return -1;
}

/* The next place at or after p, up to last, holding byte c (NULL if none). */
static const char *next_byte(const char *p, int c, const char *last)
{
	return p <= last ? memchr(p, c, (size_t)(last - p) + 1) : NULL;
}

/* Case-insensitive search for a lower-case ASCII needle in s[0..len): memchr finds each place
 * that starts with its first letter in either case, the rest is compared there. */
static const char *find_ci(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle), j;
	int c0 = (unsigned char)needle[0], c1 = c0 >= 'a' && c0 <= 'z' ? c0 - 32 : c0;
	const char *last, *lo, *up;

	if (n == 0 || n > len)
		return NULL;
	last = s + (len - n);  /* the last place the needle can start */
	lo = next_byte(s, c0, last);
	up = c1 != c0 ? next_byte(s, c1, last) : NULL;
	while (lo || up) {
		const char *p = !up || (lo && lo < up) ? lo : up;
		for (j = 1; j < n && lower((unsigned char)p[j]) == needle[j]; j++)
			;
		if (j == n)
			return p;
		if (p == lo)
			lo = next_byte(p + 1, c0, last);
		else
			up = next_byte(p + 1, c1, last);
	}
	return NULL;
}

/* The value after `key` (charset / encoding): optional spaces, '=', quotes, then a token. */
static int label_after(const char *p, const char *end)
{
	const char *q;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p >= end || *p != '=')
		return -1;
	p++;
	while (p < end && (*p == ' ' || *p == '"' || *p == '\''))
		p++;
	q = p;
	while (q < end && (((*q | 32) >= 'a' && (*q | 32) <= 'z') || (*q >= '0' && *q <= '9') ||
			   *q == '-' || *q == '_'))
		q++;
	return chk_charset_from_label(p, (size_t)(q - p));
}

int chk_charset_declared(const char *s, size_t len)
{
	const char *end, *p;
	size_t head = len < 8192 ? len : 8192;
	int cs;

	end = s + head;
	if (find_ci(s, head, "<meta") != NULL) {
		p = s;
		while ((p = find_ci(p, (size_t)(end - p), "charset")) != NULL) {
			p += 7;
			if ((cs = label_after(p, end)) >= 0)
				return cs;
		}
	}
	if ((p = find_ci(s, head, "<?xml")) != NULL && (p = find_ci(p, (size_t)(end - p), "encoding")))
		return label_after(p + 8, end);
	return -1;
}

static int put_replacement(struct buf *out)
{
	return buf_append(out, "\xEF\xBF\xBD", 3);
}

/* Convert with iconv, replacing undecodable bytes by U+FFFD (counted in *bad). */
static int conv(enum chk_charset cs, const char *s, size_t len, struct buf *out, size_t *bad)
{
	iconv_t cd;
	char obuf[16384];
	char *in = (char *)s;
	size_t inleft = len;
	int rc = 0;

	cd = iconv_open("UTF-8", cs_iconv[cs]);
	if (cd == (iconv_t)-1)
		return ERR_INTERNAL;
	while (inleft > 0 && rc == 0) {
		char *o = obuf;
		size_t oleft = sizeof obuf;
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);
		int saved = errno;
		if ((rc = buf_append(out, obuf, (size_t)(o - obuf))) != 0)
			break;
		if (r == (size_t)-1 && saved != E2BIG) {
			/* EILSEQ or EINVAL (truncated sequence at the end): skip one byte. */
			(*bad)++;
			in++;
			inleft--;
			iconv(cd, NULL, NULL, NULL, NULL);
			rc = put_replacement(out);
		}
	}
	if (rc == 0) {
		char *o = obuf;
		size_t oleft = sizeof obuf;
		iconv(cd, NULL, NULL, &o, &oleft);
		rc = buf_append(out, obuf, (size_t)(o - obuf));
	}
	iconv_close(cd);
	return rc;
}

/* Copy UTF-8, replacing invalid sequences by U+FFFD. */
static int copy_utf8(const char *s, size_t len, struct buf *out, size_t *bad)
{
	size_t i = 0, start = 0;
	int rc = 0;

	if (utf8_valid(s, len))
		return buf_append(out, s, len);
	while (i < len && rc == 0) {
		int32_t cp;
		size_t l = utf8_decode(s + i, len - i, &cp);
		if (l == 0) {
			if ((rc = buf_append(out, s + start, i - start)) == 0)
				rc = put_replacement(out);
			(*bad)++;
			i++;
			start = i;
		} else {
			i += l;
		}
	}
	if (rc == 0)
		rc = buf_append(out, s + start, i - start);
	return rc;
}

/* Score of a UTF-8 text: common report characters minus replacement characters, per mille
 * of all non-ASCII characters. */
static long score(const char *s, size_t len)
{
	size_t i = 0;
	long hits = 0, total = 0, bad = 0;

	while ((i += utf8_ascii_run(s + i, len - i)) < len) {
		int32_t cp;
		size_t l = utf8_decode(s + i, len - i, &cp);
		if (l == 0) {
			i++;
			continue;
		}
		i += l;
		total++;
		if (cp == 0xFFFD || (cp >= 0xE000 && cp <= 0xF8FF))
			bad++;
		else if (is_common(cp))
			hits++;
	}
	if (total == 0)
		return 0;
	return (hits * 1000 - bad * 3000) / total;
}

/* Count valid multi-byte UTF-8 sequences and invalid bytes. */
static void utf8_stats(const char *s, size_t len, size_t *multi, size_t *invalid)
{
	size_t i = 0;
	*multi = *invalid = 0;
	while (i < len) {
		int32_t cp;
		size_t l;
		if ((unsigned char)s[i] < 0x80) {
			i += utf8_ascii_run(s + i, len - i);
			continue;
		}
		l = utf8_decode(s + i, len - i, &cp);
		if (l == 0) {
			(*invalid)++;
			i++;
		} else {
			(*multi)++;
			i += l;
		}
	}
}

/* The charset of s[0..len), by the scores of both decodings of a sample. When the sample is
 * the whole text, the winner's decoding is appended to out and *done set (its undecodable
 * bytes in *bad): it need not be decoded again. */
static enum chk_charset sniff(const char *s, size_t len, struct buf *out, int *done, size_t *bad)
{
	size_t multi, invalid, gbad = 0, b5bad = 0;
	size_t sample = len < 65536 ? len : 65536;
	struct buf gb, b5;
	enum chk_charset cs;

	utf8_stats(s, sample, &multi, &invalid);
	if (invalid == 0 || multi >= 20 * invalid)
		return CHK_CS_UTF8;
	/* Compare on a sample: a whole 20 MB page need not be decoded twice. */
	buf_init(&gb, 0);
	buf_init(&b5, 0);
	if (conv(CHK_CS_GB18030, s, sample, &gb, &gbad) != 0 ||
	    conv(CHK_CS_BIG5, s, sample, &b5, &b5bad) != 0) {
		cs = CHK_CS_GB18030;
	} else {
		struct buf *won;
		cs = score(b5.ptr ? b5.ptr : "", b5.len) > score(gb.ptr ? gb.ptr : "", gb.len) ?
			     CHK_CS_BIG5 : CHK_CS_GB18030;
		won = cs == CHK_CS_BIG5 ? &b5 : &gb;
		if (sample == len && buf_append(out, won->ptr ? won->ptr : "", won->len) == 0) {
			*done = 1;
			*bad = cs == CHK_CS_BIG5 ? b5bad : gbad;
		}
	}
	buf_free(&gb);
	buf_free(&b5);
	return cs;
}

int chk_decode(const char *s, size_t len, struct buf *out, enum chk_charset *csp,
	       enum chk_cs_from *fromp, size_t *badp, struct gk_error *e)
{
	enum chk_charset cs;
	enum chk_cs_from from;
	size_t bad = 0;
	int rc = 0, declared, done = 0;

	if (len > CHK_MAX_INPUT)
		return err_set(e, ERR_LIMIT, "", "input is %zu bytes, larger than the %zu MB limit",
			       len, CHK_MAX_INPUT >> 20);
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		cs = CHK_CS_UTF8, from = CHK_CSF_BOM;
		s += 3, len -= 3;
	} else if (len >= 2 && memcmp(s, "\xFF\xFE", 2) == 0) {
		cs = CHK_CS_UTF16LE, from = CHK_CSF_BOM;
		s += 2, len -= 2;
	} else if (len >= 2 && memcmp(s, "\xFE\xFF", 2) == 0) {
		cs = CHK_CS_UTF16BE, from = CHK_CSF_BOM;
		s += 2, len -= 2;
	} else if ((declared = chk_charset_declared(s, len)) >= 0) {
		cs = (enum chk_charset)declared, from = CHK_CSF_DECLARED;
		if (cs == CHK_CS_UTF8 && !utf8_valid(s, len)) {
			/* Mislabelled pages exist: trust the label unless the bytes plainly disagree. */
			size_t multi, invalid;
			utf8_stats(s, len < 65536 ? len : 65536, &multi, &invalid);
			if (invalid > 0 && multi < 20 * invalid)
				cs = sniff(s, len, out, &done, &bad), from = CHK_CSF_SNIFFED;
		}
		if (cs == CHK_CS_UTF16LE || cs == CHK_CS_UTF16BE) {
			/* A UTF-16 label read from ASCII bytes is wrong by construction. */
			cs = sniff(s, len, out, &done, &bad), from = CHK_CSF_SNIFFED;
		}
	} else {
		cs = sniff(s, len, out, &done, &bad), from = CHK_CSF_SNIFFED;
	}
	if (!done)  /* else sniffing decoded the whole text */
		rc = cs == CHK_CS_UTF8 ? copy_utf8(s, len, out, &bad) : conv(cs, s, len, out, &bad);
	if (rc == ERR_LIMIT)
		return err_set(e, rc, "", "decoded text is larger than the limit");
	if (rc)
		return err_set(e, rc, "", "cannot convert from %s", cs_name[cs]);
	if (!utf8_valid(out->ptr ? out->ptr : "", out->len))
		return err_set(e, ERR_INTERNAL, "", "conversion from %s produced invalid UTF-8",
			       cs_name[cs]);
	if (csp)
		*csp = cs;
	if (fromp)
		*fromp = from;
	if (badp)
		*badp = bad;
	return 0;
}
