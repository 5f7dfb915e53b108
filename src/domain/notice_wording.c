/*
 * notice_wording.c — notice templates: parse, find (organ, its ancestors, shipped), fill (see
 * notice_wording.h).
 * May call domain/agency.h, domain/organ_rules.h, store/, text/, base/.
 */
#include "domain/notice_wording.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/paths.h"
#include "domain/agency.h"
#include "domain/organ_rules.h"
#include "text/utf8.h"

const char *const notice_part_names[PART__MAX] = {
	"opening", "basis", "reasons", "items", "period", "amount", "account", "remedy", "note",
	"received", "request", "conclusion", "outcome", "counterpart", "contact",
};

/* The length of the choice name at the start of line l ("conclusion.granted" of
 * "conclusion.granted: …"), 0 when l is a paragraph. */
static size_t choice_at(const char *l, size_t len)
{
	size_t i = 0, dot = 0;

	while (i < len && ((l[i] >= 'a' && l[i] <= 'z') || l[i] == '-' || (l[i] == '.' && !dot)))
		dot = l[i] == '.' ? i : dot, i++;
	return dot > 0 && i > dot + 1 && i < len && l[i] == ':' && i <= NOTICE_CHOICE_MAX ? i : 0;
}

/* The text of choice line l after "name:" and its blanks, its length in *n. */
static const char *choice_text(const char *l, size_t len, size_t name, size_t *n)
{
	size_t i = name + 1;

	while (i < len && l[i] == ' ')
		i++;
	*n = len - i;
	return l + i;
}

/* The part named by the placeholder at p ("{basis}…"), its length in *len; -1 if none. */
static int part_at(const char *p, size_t *len)
{
	const char *end = strchr(p, '}');

	if (*p != '{' || end == NULL)
		return -1;
	for (int i = 0; i < PART__MAX; i++)
		if ((size_t)(end - p - 1) == strlen(notice_part_names[i]) &&
		    strncmp(p + 1, notice_part_names[i], (size_t)(end - p - 1)) == 0) {
			*len = (size_t)(end - p) + 1;
			return i;
		}
	return -1;
}

/* Check one body line; the parts it names added to *used. */
static int check_line(const char *l, size_t len, const char *kind, int line, unsigned *used,
		      struct gk_error *e)
{
	bool opt = false;

	for (size_t i = 0; i < len; i++) {
		size_t n;
		int k;

		if (l[i] == '[' || l[i] == ']') {
			if ((l[i] == '[') == opt)
				return err_set(e, ERR_INVALID, "", "%s 第%d行：[ ] 不成对或嵌套",
					       kind, line);
			opt = !opt;
		} else if (l[i] == '{') {
			if ((k = part_at(l + i, &n)) < 0 || i + n > len)
				return err_set(e, ERR_INVALID, "", "%s 第%d行：未知的占位符"
					       "（可用 {opening} {basis} {reasons} {items} {period} "
					       "{amount} {account} {remedy} {note} {received} {request} "
					       "{conclusion} {outcome} {counterpart} {contact}）",
					       kind, line);
			*used |= 1u << k;
			i += n - 1;
		} else if (l[i] == '}') {
			return err_set(e, ERR_INVALID, "", "%s 第%d行：多余的 }", kind, line);
		}
	}
	return opt ? err_set(e, ERR_INVALID, "", "%s 第%d行：[ 没有对应的 ]", kind, line) : 0;
}

/* The bit of the choice of needs named at the start of line l (its name c bytes long), 0 if
 * needs asks for no such choice. */
static uint64_t choice_bit(const struct notice_wording_needs *needs, const char *l, size_t c)
{
	for (int i = 0; needs && needs->choices && needs->choices[i] && i < 64; i++)
		if (strlen(needs->choices[i]) == c && strncmp(l, needs->choices[i], c) == 0)
			return (uint64_t)1 << i;
	return 0;
}

/* ERR_INVALID naming the first choice of needs not in found (the bits choice_bit gave). */
static int check_choices(uint64_t found, const char *kind, const struct notice_wording_needs *needs,
			 struct gk_error *e)
{
	for (int i = 0; needs && needs->choices && needs->choices[i] && i < 64; i++)
		if (!(found & ((uint64_t)1 << i)))
			return err_set(e, ERR_INVALID, "", "%s：模板缺少法定要素 %s:（该情形的结论）",
				       kind, needs->choices[i]);
	return 0;
}

int notice_wording_parse(const char *text, const char *kind, const struct notice_wording_needs *needs,
			 struct arena *a, struct notice_wording *out, struct gk_error *e)
{
	size_t len = strlen(text);
	unsigned used = 0, in_choices = 0, required = needs ? needs->parts : 0;
	uint64_t choices = 0;
	int line = 0, paras = 0, rc;

	memset(out, 0, sizeof *out);
	if (len > NOTICE_WORDING_MAX || !utf8_valid(text, len))
		return err_set(e, ERR_INVALID, "", "%s：模板须为 UTF-8 文本，不超过 %d 字节",
			       kind, NOTICE_WORDING_MAX);
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		line++;
		if (n && p[n - 1] == '\r')
			n--;
		if (n >= 8 && strncmp(p, "version:", 8) == 0) {
			const char *v = p + 8;
			size_t vn = n - 8;

			while (vn && *v == ' ')
				v++, vn--;
			if (vn == 0 || vn > 64)
				return err_set(e, ERR_INVALID, "", "%s 第%d行：version 须为 1–64 "
					       "字节", kind, line);
			out->version = arena_strndup(a, v, vn);
		} else if (n && *p != '#' && choice_at(p, n)) {
			size_t cn, c = choice_at(p, n);
			const char *t = choice_text(p, n, c, &cn);

			choices |= choice_bit(needs, p, c);
			if ((rc = check_line(t, cn, kind, line, &in_choices, e)) != 0)
				return rc;
		} else if (n && *p != '#') {
			if ((rc = check_line(p, n, kind, line, &used, e)) != 0)
				return rc;
			if (++paras > NOTICE_WORDING_PARAS)
				return err_set(e, ERR_INVALID, "", "%s：最多 %d 段", kind,
					       NOTICE_WORDING_PARAS);
		}
		p += nl ? n + (p[n] == '\r' ? 2 : 1) : n;
	}
	if (out->version == NULL)
		return err_set(e, ERR_INVALID, "", "%s：缺少 version: 行（文书版本）", kind);
	for (int i = 0; i < PART__MAX; i++)
		if ((required & (1u << i)) && !(used & (1u << i)))
			return err_set(e, ERR_INVALID, "", "%s：模板缺少法定要素 {%s}", kind,
				       notice_part_names[i]);
	if ((rc = check_choices(choices, kind, needs, e)) != 0)
		return rc;
	out->text = arena_strdup(a, text);
	out->source = "";
	return 0;
}

/* path's template into out when the file exists (*found), checked. */
static int load_file(const char *path, const char *kind, const struct notice_wording_needs *needs,
		     struct arena *a,
		     struct notice_wording *out, int *found, struct gk_error *e)
{
	struct buf b;
	int rc;

	*found = access(path, F_OK) == 0;
	if (!*found)
		return 0;
	buf_init(&b, NOTICE_WORDING_MAX + 1);
	rc = buf_read_file(&b, path, e);
	if (rc == 0)
		rc = buf_printf(&b, "%s", "");   /* NUL-terminated */
	if (rc == 0 && (rc = notice_wording_parse(b.ptr, kind, needs, a, out, e)) == 0)
		out->source = arena_strdup(a, path);
	else if (rc != 0 && e) {
		char msg[sizeof e->msg];

		snprintf(msg, sizeof msg, "%s", e->msg);
		err_set(e, rc, "", "%s（%s）", msg, path);
	}
	buf_free(&b);
	return rc;
}

int notice_wording_load(struct store *s, int64_t agency_id, const char *kind,
			const struct notice_wording_needs *needs, struct arena *a,
			struct notice_wording *out, struct gk_error *e)
{
	int64_t id = agency_id;
	int found, rc;

	/* the organ's folder, else the nearest organ above it with one (a 市 for its 县、乡镇) */
	for (int depth = 0; id != 0 && depth < 16; depth++) {
		struct organ_rules r;
		struct agency_rec org;

		if ((rc = organ_rules_load(s, id, a, &r, e)) != 0 ||
		    (rc = agency_store(s)->get(s, id, a, &org, e)) != 0)
			return rc;
		if (r.notice_templates) {
			const char *path = arena_printf(a, "%s/%s.txt", r.notice_templates, kind);

			if ((rc = load_file(path, kind, needs, a, out, &found, e)) != 0 || found)
				return rc;
		}
		id = org.parent_id;
	}
	if ((rc = load_file(arena_printf(a, "%s/notices/%s.txt", paths_dir("data", "GONGKAI_DATA_DIR"),
					 kind), kind, needs, a, out, &found, e)) != 0)
		return rc;
	return found ? 0 : err_set(e, ERR_NOTFOUND, "", "找不到文书模板 notices/%s.txt"
				   "（随软件安装的 data/notices）", kind);
}

static bool empty(const char *s)
{
	return s == NULL || *s == '\0';
}

/* Append line l (len bytes) with its parts filled to b; an optional segment with an empty
 * part left out. */
static int fill_line(const char *l, size_t len, const char *const parts[PART__MAX], struct buf *b)
{
	size_t seg = 0;      /* where the open optional segment starts in b */
	bool opt = false, drop = false;
	int rc = 0;

	for (size_t i = 0; i < len && rc == 0; i++) {
		size_t n;
		int k;

		if (l[i] == '[') {
			opt = true, drop = false, seg = b->len;
		} else if (l[i] == ']') {
			if (drop)
				b->len = seg;
			opt = false;
		} else if (l[i] == '{' && (k = part_at(l + i, &n)) >= 0) {
			if (empty(parts[k]))
				drop = drop || opt;
			else
				rc = buf_append(b, parts[k], strlen(parts[k]));
			i += n - 1;
		} else {
			rc = buf_append(b, l + i, 1);
		}
	}
	return rc;
}

int notice_wording_fill(const struct notice_wording *w, const char *const parts[PART__MAX],
			struct arena *a, const char **paras, size_t max, size_t *n, struct gk_error *e)
{
	struct buf b;
	int rc = 0;

	*n = 0;
	buf_init(&b, 0);
	for (const char *p = w->text; *p && rc == 0;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p), step = nl ? len + 1 : len;

		if (len && p[len - 1] == '\r')
			len--;
		if (len && *p != '#' && !(len >= 8 && strncmp(p, "version:", 8) == 0) &&
		    !choice_at(p, len)) {
			b.len = 0;
			if ((rc = fill_line(p, len, parts, &b)) == 0 && b.len > 0 && *n < max)
				paras[(*n)++] = arena_strndup(a, b.ptr, b.len);
		}
		p += step;
	}
	buf_free(&b);
	return rc ? err_set(e, rc, "", "填写告知书时内存不足") : 0;
}

int notice_wording_choice(const struct notice_wording *w, const char *name,
			  const char *const parts[PART__MAX], struct arena *a, const char **out,
			  struct gk_error *e)
{
	size_t want = strlen(name);

	*out = NULL;
	for (const char *p = w->text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		if (len && p[len - 1] == '\r')
			len--;
		if (choice_at(p, len) == want && strncmp(p, name, want) == 0) {
			struct buf b;
			size_t tn;
			const char *t = choice_text(p, len, want, &tn);
			int rc;

			buf_init(&b, 0);
			rc = fill_line(t, tn, parts, &b);
			if (rc == 0)
				*out = arena_strndup(a, b.ptr ? b.ptr : "", b.len);
			buf_free(&b);
			return rc ? err_set(e, rc, "", "填写告知书时内存不足") : 0;
		}
		p += nl ? (size_t)(nl - p) + 1 : strlen(p);
	}
	return err_set(e, ERR_INVALID, "", "文书模板缺少 %s:", name);
}
