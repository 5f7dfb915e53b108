/*
 * sniff.c — the kind of a report file by its content (see sniff.h).
 */
#include "check/sniff.h"

#include <string.h>

#define SNIFF_HEAD ((size_t)64 << 10)  /* markup is looked for in the first 64 KB */

int chk_name_ends(const char *name, const char *ext)
{
	size_t n, m;

	if (!name)
		return 0;
	n = strlen(name), m = strlen(ext);
	if (n < m)
		return 0;
	for (size_t i = 0; i < m; i++) {
		char c = name[n - m + i];
		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (c != ext[i])
			return 0;
	}
	return 1;
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* s[0..len) starts with the lower-case word w, ASCII case-insensitive. */
static int starts_ci(const char *s, size_t len, const char *w)
{
	size_t n = strlen(w);
	if (len < n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (lower((unsigned char)s[i]) != w[i])
			return 0;
	return 1;
}

static const char *const known_tags[] = {
	"html", "head", "body", "meta", "title", "div", "p", "span", "table", "tbody", "tr", "td",
	"th", "br", "a", "li", "ul", "font", "strong", "b", "h1", "h2", "h3", "h4", "h5", "h6",
	"img", "style", "script", "link", "iframe", "center", "section", "article", NULL };

/* Length of a known tag name after '<' or '</' at s, 0 if none (the name must end at a space,
 * '>', '/' or a backslash of an escaped quote). */
static size_t tag_at(const char *s, size_t len)
{
	size_t i = 1;
	int first;

	if (len < 2 || s[0] != '<')
		return 0;
	if (s[1] == '/')
		i = 2;
	else if (len > 2 && s[1] == '\\' && s[2] == '/')
		i = 3;  /* <\/td> inside a JavaScript string */
	if (i >= len)
		return 0;
	first = lower((unsigned char)s[i]);
	if (first < 'a' || first > 'z')
		return 0;
	for (int t = 0; known_tags[t]; t++) {
		size_t n = strlen(known_tags[t]);
		if (known_tags[t][0] == first && starts_ci(s + i, len - i, known_tags[t]) && i + n < len) {
			char c = s[i + n];
			if (c == ' ' || c == '>' || c == '/' || c == '\\' || c == '\t' || c == '\n' ||
			    c == '\r')
				return i + n;
		}
	}
	return 0;
}

struct markup {
	size_t tags;       /* known tags (saturating: see count_markup) */
	size_t escaped;    /* =\" and <\/ : markup written inside a JavaScript string */
	size_t newlines;   /* literal \n escapes */
	int doc_start;     /* <!doctype html / <html / <head / <body seen */
};

/* Count the markup of the first 64 KB, stopping once every decision made from it is settled
 * (the counts saturate): chk_sniff and looks_html ask for 3 tags after a document start, 4 for
 * a string of markup and 8 otherwise, and for 2 escaped quotes or 4 line breaks. Past 8 tags
 * only an escaped closing tag (<\/td>) is still looked at. */
static void count_markup(const char *s, size_t len, struct markup *m)
{
	size_t head = len < SNIFF_HEAD ? len : SNIFF_HEAD;
	const char *end = s + head, *lt = NULL, *bs = NULL;

	memset(m, 0, sizeof *m);
	/* only a '<' or a '\\' starts what is counted: memchr finds the next of each */
	if (head > 0)
		lt = memchr(s, '<', head), bs = memchr(s, '\\', head);
	for (;;) {
		int tags_done = m->tags >= 8, escapes_done = m->escaped >= 2 || m->newlines >= 4;
		const char *p;
		size_t i;

		if (escapes_done)
			bs = NULL;
		if ((tags_done && escapes_done) || (!lt && !bs))
			return;
		p = !bs || (lt && lt < bs) ? lt : bs;
		i = (size_t)(p - s);
		if (*p == '<') {
			int escaped = i + 2 < head && p[1] == '\\' && p[2] == '/';

			if (!tags_done && !m->doc_start && (starts_ci(p, head - i, "<!doctype html") ||
							    starts_ci(p, head - i, "<html") ||
							    starts_ci(p, head - i, "<body") ||
							    starts_ci(p, head - i, "<head")))
				m->doc_start = 1;
			if ((!tags_done || (escaped && !escapes_done)) && tag_at(p, head - i)) {
				m->tags++;
				m->escaped += escaped;
			}
			lt = memchr(p + 1, '<', (size_t)(end - p - 1));
		} else {
			if (i + 1 < head) {
				if (p[1] == 'n')
					m->newlines++;
				else if (p[1] == '"' && i > 0 && p[-1] == '=')
					m->escaped++;
			}
			bs = memchr(p + 1, '\\', (size_t)(end - p - 1));
		}
	}
}

/* Where the text starts: after whitespace and a UTF-8 byte-order mark. */
static size_t text_start(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	if (len - i >= 3 && memcmp(s + i, "\xEF\xBB\xBF", 3) == 0)
		i += 3;
	return i;
}

/* 1 if a known tag occurs in the first 4 KB (a page that opens with markup). */
static int tag_near_start(const char *s, size_t len)
{
	size_t head = len < 4096 ? len : 4096;
	for (const char *p = s; (p = memchr(p, '<', head - (size_t)(p - s))) != NULL; p++)
		if (tag_at(p, head - (size_t)(p - s)))
			return 1;
	return 0;
}

static int looks_html(const char *s, size_t len, const struct markup *m)
{
	size_t i = text_start(s, len);

	if (i < len && i < 4096 && s[i] == '<' && tag_near_start(s, len))
		return 1;
	/* other text first (a capture header, a saved-as-text page): markup must dominate */
	return m->doc_start ? m->tags >= 3 : m->tags >= 8;
}

int chk_looks_html(const char *s, size_t len)
{
	struct markup m;
	size_t i = text_start(s, len);

	if (i < len && i < 4096 && s[i] == '<' && tag_near_start(s, len))
		return 1;
	count_markup(s, len, &m);
	return looks_html(s, len, &m);
}

/* A zip: the kind from the member names (local headers hold them in plain text). */
static enum chk_kind zip_kind(const char *s, size_t len)
{
	if (memmem(s, len, "word/document.xml", 17))
		return CHK_KIND_DOCX;
	if (memmem(s, len, "xl/workbook.xml", 15) || memmem(s, len, "xl/worksheets/", 14))
		return CHK_KIND_XLSX;
	if (memmem(s, len, "OFD.xml", 7))
		return CHK_KIND_OFD;
	return CHK_KIND_ZIP;
}

static int binary(const char *s, size_t len)
{
	static const struct { const char *m; size_t n; } magic[] = {
		{ "\x89PNG", 4 }, { "\xFF\xD8\xFF", 3 }, { "GIF8", 4 }, { "II*\0", 4 },
		{ "MM\0*", 4 } };
	size_t head = len < 4096 ? len : 4096;

	for (size_t i = 0; i < sizeof magic / sizeof magic[0]; i++)
		if (len >= magic[i].n && memcmp(s, magic[i].m, magic[i].n) == 0)
			return 1;
	/* UTF-16 text has NUL bytes too, but starts with a byte-order mark */
	if (len >= 2 && (((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) ||
			 ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF)))
		return 0;
	return head > 0 && memchr(s, '\0', head) != NULL;
}

enum chk_kind chk_sniff(const char *s, size_t len, const char *name)
{
	size_t i;
	struct markup m;

	if (len >= 4 && memcmp(s, "PK\x03\x04", 4) == 0)
		return zip_kind(s, len);
	if (len >= 8 && memcmp(s, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		return CHK_KIND_OLE2;
	if (memmem(s, len < 1024 ? len : 1024, "%PDF-", 5))
		return CHK_KIND_PDF;
	if (binary(s, len))
		return CHK_KIND_BINARY;
	i = text_start(s, len);
	if (i < len && i < 4096 && s[i] == '<' && tag_near_start(s, len))
		return CHK_KIND_HTML;  /* a page that opens as one */
	count_markup(s, len, &m);
	/* markup written inside a string: escaped quotes or line breaks, and the text does not
	 * open as a page (undoing the escapes of a page that merely holds some is harmless) */
	if (m.tags >= 4 && (m.escaped >= 2 || m.newlines >= 4) && (i >= len || s[i] != '<'))
		return CHK_KIND_HTML_IN_SCRIPT;
	if (looks_html(s, len, &m) || ((chk_name_ends(name, ".html") || chk_name_ends(name, ".htm") ||
					 chk_name_ends(name, ".shtml")) && m.tags > 0))
		return CHK_KIND_HTML;
	for (i = 0; i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'); i++)
		;
	if (i < len && (s[i] == '{' || s[i] == '[') && (chk_name_ends(name, ".json") || !name))
		return CHK_KIND_JSON;
	if (chk_name_ends(name, ".md"))
		return CHK_KIND_MARKDOWN;
	return CHK_KIND_TEXT;
}

const char *chk_kind_name(enum chk_kind k)
{
	static const char *const names[CHK_KIND__MAX] = {
		"text", "markdown", "html", "html-in-script", "json", "pdf", "docx", "xlsx", "ole2",
		"ofd", "zip", "binary" };
	return (unsigned)k < CHK_KIND__MAX ? names[k] : "unknown";
}
