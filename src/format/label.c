/*
 * label.c — matching printed labels to the declared format (spec §7.2 normalisation).
 *
 * A printed label ("(一) 予以公开", "１．属于国家秘密", "危及\"三安全一稳定\"", "结果\n维持",
 * "規章（設區的市…）") is reduced to a key and compared with the keys of the declared labels,
 * which are computed once per format. The normalisation is text_normalise_report (NFKC,
 * casefold, traditional → simplified when the label holds a traditional character reports are
 * written with) followed by the report-specific steps of fmt_label_key.
 * May use base/ and text/ only.
 */
#include "format/format.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "text/normalise.h"
#include "text/utf8.h"

#define KEY_MAX 4096   /* labels longer than this are not labels */

static int is_dropped(int32_t cp)
{
	switch (cp) {
	case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
	case 0x3000: case 0x00A0:
	case '"': case '\'': case 0x201C: case 0x201D: case 0x2018: case 0x2019:
	case 0x300C: case 0x300D: case 0x300E: case 0x300F:
		return 1;
	}
	return 0;
}

static int is_cn_numeral(int32_t cp)
{
	static const int32_t nums[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03,
					0x516B, 0x4E5D, 0x5341 };  /* 一二三四五六七八九十 */
	for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++)
		if (cp == nums[i])
			return 1;
	return 0;
}

/* Length of a numbering prefix at s ("一、", "(一)", "1.", "1、", "(1)", "1)"), or 0. */
static size_t numbering_len(const char *s, size_t len)
{
	size_t i = 0, n;
	int32_t cp;
	int paren = 0, digits = 0, cn = 0;

	if (i < len && s[i] == '(') {
		paren = 1;
		i++;
	}
	while (i < len && (n = utf8_decode(s + i, len - i, &cp)) > 0) {
		if (cp >= '0' && cp <= '9')
			digits++;
		else if (is_cn_numeral(cp))
			cn++;
		else
			break;
		i += n;
	}
	if ((digits == 0) == (cn == 0))  /* need exactly one kind of numeral */
		return 0;
	if (paren) {
		if (i >= len || s[i] != ')')
			return 0;
		i++;
		/* "(一)、" also occurs */
		if (i + 3 <= len && memcmp(s + i, "、", 3) == 0)
			i += 3;
		else if (i < len && s[i] == '.')
			i++;
		return i;
	}
	if (i < len && (s[i] == '.' || s[i] == ')'))
		return i + 1;
	if (i + 3 <= len && memcmp(s + i, "、", 3) == 0)
		return i + 3;
	return 0;
}

static void replace_all(struct buf *b, const char *from, const char *to)
{
	size_t fl = strlen(from), tl = strlen(to);
	char *p;

	/* to is never longer than from, so the content shrinks in place */
	while (b->len && (p = strstr(b->ptr, from)) != NULL) {
		memmove(p + tl, p + fl, b->len - (size_t)(p - b->ptr) - fl + 1);
		memcpy(p, to, tl);
		b->len -= fl - tl;
	}
}

static int compute_key(const char *s, size_t len, struct buf *out, struct gk_error *e)
{
	struct buf norm, clean;
	size_t i, n, start, end;
	int32_t cp;
	int rc, depth;

	if (len > KEY_MAX)
		return err_set(e, ERR_LIMIT, "label", "label longer than %d bytes", KEY_MAX);
	buf_init(&norm, 4 * KEY_MAX);
	buf_init(&clean, 4 * KEY_MAX);
	if ((rc = text_normalise_report(s, len, &norm, e)) != 0)
		goto out;
	for (i = 0; i < norm.len; i += n) {
		n = utf8_decode(norm.ptr + i, norm.len - i, &cp);
		if (n == 0) {
			rc = err_set(e, ERR_INVALID, "label", "label is not valid UTF-8");
			goto out;
		}
		if (!is_dropped(cp) && (rc = buf_append(&clean, norm.ptr + i, n)) != 0)
			goto out;
	}
	if (clean.len == 0)
		goto out;
	replace_all(&clean, "法人或者其他组织", "法人或其他组织");
	replace_all(&clean, "合计", "总计");
	start = 0;
	end = clean.len;
	while ((n = numbering_len(clean.ptr + start, end - start)) > 0 && start + n < end)
		start += n;
	/* a trailing parenthetical explanation, unless it is the whole label */
	if (end > start && clean.ptr[end - 1] == ')') {
		depth = 0;
		for (i = end; i-- > start;) {
			if (clean.ptr[i] == ')')
				depth++;
			else if (clean.ptr[i] == '(' && --depth == 0)
				break;
		}
		if (depth == 0 && i > start && i < end)
			end = i;
	}
	rc = buf_append(out, clean.ptr + start, end - start);
	if (rc)
		err_set(e, rc, "label", "label too long");
out:
	buf_free(&norm);
	buf_free(&clean);
	return rc;
}


/* Labels repeat from report to report, and normalising (OpenCC) costs tens of microseconds, so
 * keys of short labels are remembered: a direct-mapped table of CACHE_SLOTS entries held in
 * place (no allocation), guarded by a mutex. A label whose slot holds another takes it over,
 * so a long-running process keeps the labels it meets now, not the first it ever met, and its
 * memory stays what it was at the start. */
#define CACHE_SLOTS 2048
#define CACHE_LABEL_MAX 200   /* bytes; a longer label, or a key longer than ..._KEY_MAX, is not kept */
#define CACHE_KEY_MAX 200

struct cache_entry {
	uint16_t len;         /* of label; 0: empty (an empty label is never kept) */
	uint16_t key_len;
	char label[CACHE_LABEL_MAX];   /* may hold NUL bytes */
	char key[CACHE_KEY_MAX];
};

static struct cache_entry cache[CACHE_SLOTS];
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

static size_t hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;   /* FNV-1a */

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return (size_t)(h % CACHE_SLOTS);
}

/* Appends the remembered key of s to out and sets *found, if s is remembered. */
static int cache_get(size_t slot, const char *s, size_t len, struct buf *out, int *found)
{
	struct cache_entry *c = &cache[slot];
	int rc = 0;

	pthread_mutex_lock(&cache_lock);
	*found = c->len == len && memcmp(c->label, s, len) == 0;
	if (*found)
		rc = buf_append(out, c->key, c->key_len);
	pthread_mutex_unlock(&cache_lock);
	return rc;
}

static void cache_put(size_t slot, const char *s, size_t len, const char *key, size_t key_len)
{
	struct cache_entry *c = &cache[slot];

	if (key_len > CACHE_KEY_MAX)
		return;
	pthread_mutex_lock(&cache_lock);
	c->len = (uint16_t)len;
	c->key_len = (uint16_t)key_len;
	memcpy(c->label, s, len);
	memcpy(c->key, key, key_len);
	pthread_mutex_unlock(&cache_lock);
}

int fmt_label_key(const char *s, size_t len, struct buf *out, struct gk_error *e)
{
	size_t slot, start = out->len;
	int rc, found;

	if (len == 0 || len > CACHE_LABEL_MAX)
		return compute_key(s, len, out, e);
	slot = hash(s, len);
	if ((rc = cache_get(slot, s, len, out, &found)) != 0)
		return err_set(e, rc, "label", "label too long");
	/* buf_cstr, not out->ptr: an empty buffer given an empty key has no memory yet */
	if (!found && (rc = compute_key(s, len, out, e)) == 0)
		cache_put(slot, s, len, buf_cstr(out) + start, out->len - start);
	return rc;
}

/* ---- the keys of the declared labels, computed once ------------------------------------ */

struct keys {
	char *t3_row[FMT_T3_ROWS_MAX];
	char *t3_group[8];
	char *t3_result;
	char *t3_col[T3C__MAX];
	char *t4_group[T4G__MAX];
	char *t4_col[T4C__MAX];
	char *t2_block[FMT_T2_BLOCKS_MAX];
	char *t2_row[FMT_T2_BLOCKS_MAX][4];
	char *t2_col[FMT_T2_BLOCKS_MAX][4];
};

static struct keys keys[FMT__MAX];
static pthread_once_t keys_once = PTHREAD_ONCE_INIT;

static char *key_of(const char *label)
{
	struct buf b;

	buf_init(&b, 0);
	if (fmt_label_key(label, strlen(label), &b, NULL) != 0)
		abort();  /* declared labels are valid UTF-8: an invariant */
	return buf_steal(&b);
}

static void build_keys(void)
{
	for (int v = 0; v < FMT__MAX; v++) {
		const struct report_format *f = fmt_get((enum fmt_version)v);
		struct keys *k = &keys[v];

		for (int r = 0; r < f->t3_nrows; r++)
			k->t3_row[r] = key_of(f->t3_rows[r].label);
		for (int g = 0; g < f->t3_ngroups; g++)
			k->t3_group[g] = key_of(f->t3_groups[g].label);
		k->t3_result = key_of(f->t3_result);
		for (int c = 0; c < T3C__MAX; c++)
			k->t3_col[c] = key_of(f->t3_cols[c].label);
		for (int g = 0; g < T4G__MAX; g++)
			k->t4_group[g] = key_of(f->t4_groups[g].label);
		for (int c = 0; c < T4C__MAX; c++)
			k->t4_col[c] = key_of(f->t4_cols[c].label);
		for (int b = 0; b < f->t2_nblocks; b++) {
			const struct fmt_t2_block *bl = &f->t2_blocks[b];
			k->t2_block[b] = key_of(bl->title);
			for (int r = 0; r < bl->nrows; r++)
				k->t2_row[b][r] = key_of(bl->rows[r].label);
			for (int c = 0; c < bl->ncols; c++)
				k->t2_col[b][c] = key_of(bl->cols[c].label);
		}
	}
}

static const struct keys *keys_of(const struct report_format *f)
{
	pthread_once(&keys_once, build_keys);
	return &keys[f->version];
}

/* Index of the key equal to the label's key among keys[0..n), or -1. */
static int match(char *const *list, int n, const char *label, size_t len)
{
	struct buf b;
	int found = -1;

	buf_init(&b, 0);
	if (fmt_label_key(label, len, &b, NULL) == 0 && b.len > 0)
		for (int i = 0; i < n && found < 0; i++)
			if (list[i] && strcmp(list[i], b.ptr) == 0)
				found = i;
	buf_free(&b);
	return found;
}

int fmt_match_t3_row(const struct report_format *f, const char *label, size_t len)
{
	return match(keys_of(f)->t3_row, f->t3_nrows, label, len);
}

int fmt_match_t3_group(const struct report_format *f, const char *label, size_t len)
{
	const struct keys *k = keys_of(f);
	char *result[1] = { k->t3_result };

	if (match(result, 1, label, len) == 0)
		return FMT_T3_RESULT_GROUP;
	return match(k->t3_group, f->t3_ngroups, label, len);
}

int fmt_match_t3_col(const struct report_format *f, const char *label, size_t len)
{
	return match(keys_of(f)->t3_col, T3C__MAX, label, len);
}

int fmt_match_t4_col(const struct report_format *f, const char *label, size_t len)
{
	return match(keys_of(f)->t4_col, T4C__MAX, label, len);
}

int fmt_match_t4_group(const struct report_format *f, const char *label, size_t len)
{
	return match(keys_of(f)->t4_group, T4G__MAX, label, len);
}

int fmt_match_t2_block(const struct report_format *f, const char *label, size_t len)
{
	return match(keys_of(f)->t2_block, f->t2_nblocks, label, len);
}

int fmt_match_t2_row(const struct report_format *f, int block, const char *label, size_t len)
{
	if (block < 0 || block >= f->t2_nblocks)
		return -1;
	return match(keys_of(f)->t2_row[block], f->t2_blocks[block].nrows, label, len);
}

int fmt_match_t2_col(const struct report_format *f, int block, const char *label, size_t len)
{
	if (block < 0 || block >= f->t2_nblocks)
		return -1;
	return match(keys_of(f)->t2_col[block], f->t2_blocks[block].ncols, label, len);
}

/* 1 if the raw line can be a numbered heading: after '#'s and spaces, one of 一…六 and a
 * separator (、 . ．). Saves normalising every line of a report. */
static int may_be_heading(const char *s, size_t len)
{
	static const char *const nums[] = { "一", "二", "三", "四", "五", "六" };
	size_t i = 0;

	while (i < len && (s[i] == '#' || s[i] == ' ' || s[i] == '\t'))
		i++;
	while (i + 3 <= len && memcmp(s + i, "\xe3\x80\x80", 3) == 0)   /* U+3000 */
		i += 3;
	for (size_t k = 0; k < 6; k++) {
		if (i + 3 > len || memcmp(s + i, nums[k], 3) != 0)
			continue;
		i += 3;
		return (i < len && s[i] == '.') ||
		       (i + 3 <= len && (memcmp(s + i, "、", 3) == 0 || memcmp(s + i, "．", 3) == 0));
	}
	return 0;
}

int fmt_match_section(const char *line, size_t len)
{
	const struct report_format *f = fmt_get(FMT_V2021);
	struct buf b;
	size_t i = 0, nl;
	int found = -1;

	buf_init(&b, 0);
	if (len > KEY_MAX || !may_be_heading(line, len) || text_normalise_report(line, len, &b, NULL) != 0)
		goto out;
	while (i < b.len && (b.ptr[i] == '#' || b.ptr[i] == ' ' || b.ptr[i] == '\t'))
		i++;
	for (int s = 0; s < SEC__MAX && found < 0; s++) {
		nl = strlen(f->sections[s].numeral);
		if (b.len - i < nl || memcmp(b.ptr + i, f->sections[s].numeral, nl) != 0)
			continue;
		/* the separator: 、 or . (NFKC made ． into .) */
		if (b.len - i - nl >= 3 && memcmp(b.ptr + i + nl, "、", 3) == 0)
			nl += 3;
		else if (b.len - i - nl >= 1 && b.ptr[i + nl] == '.')
			nl += 1;
		else
			continue;
		/* a heading is short; a paragraph that starts "一、" is not a heading */
		if (utf8_count(b.ptr + i + nl, b.len - i - nl) <= 40 &&
		    strstr(b.ptr + i + nl, f->sections[s].keyword) != NULL)
			found = s;
	}
out:
	buf_free(&b);
	return found;
}
