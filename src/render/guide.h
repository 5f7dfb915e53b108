/*
 * guide.h — the 政府信息公开指南 and Atom feeds as output: the models the domain fills
 * (domain/guide.h) and their renderers (text, HTML fragment, Atom XML). Every piece of text is
 * escaped by tpl_escape_html (also valid for XML) on the way out.
 * Depends on base/ and render/tpl.h. Standard: RFC 4287 (Atom).
 */
#ifndef GK_RENDER_GUIDE_H
#define GK_RENDER_GUIDE_H

#include <stddef.h>

#include "base/buf.h"

/* One section of the guide: a heading (一、主动公开 …) and its paragraphs; level 2 sections
 * are the (一)(二) subsections. */
struct guide_section {
	int level;                 /* 1 or 2 */
	const char *heading;
	const char **paras;
	size_t nparas;
};

struct guide_model {
	const char *title;         /* 慈周寨镇人民政府政府信息公开指南（2024年版） */
	const char *updated;       /* YYYY-MM-DD: generated from the settings of this day */
	struct guide_section *sections;
	size_t nsections;
	const char **warnings;     /* settings missing (address, phone …), shown to staff */
	size_t nwarnings;
};

/* Plain text (headings, indented paragraphs), as printed by `gongkai guide`. */
int render_guide_text(struct buf *out, const struct guide_model *g) GK_WUR;
/* An HTML fragment <article class="guide">…</article>; every text escaped. */
int render_guide_html(struct buf *out, const struct guide_model *g) GK_WUR;

struct atom_entry {
	const char *id;            /* a stable IRI (urn:gongkai:doc:<索引号>) */
	const char *title;
	const char *link;          /* absolute URL of the document page */
	const char *updated;       /* RFC 3339 */
	const char *published;     /* RFC 3339 */
	const char *summary;       /* may be NULL */
	const char *author;        /* the organ */
	const char *category;      /* 主题分类, may be NULL */
};

struct atom_feed {
	const char *id;
	const char *title;
	const char *link;          /* the portal page the feed belongs to */
	const char *self;          /* the feed's own URL */
	const char *updated;       /* RFC 3339: the newest entry, or the generation day */
	const char *author;
	const struct atom_entry *entries;
	size_t n;
};

/* An Atom 1.0 document (UTF-8, XML-escaped). */
int render_atom(struct buf *out, const struct atom_feed *f) GK_WUR;

#endif
