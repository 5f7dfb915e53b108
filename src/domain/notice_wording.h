/*
 * notice_wording.h — the wording of a kind of notice as a versioned template file an organ can
 * replace (示范文书: a 市 may prescribe its own).
 *
 * A template is UTF-8 text: lines starting with # are comments; a line "version: V" names its
 * version (required); every other non-empty line is one paragraph of the body. {name} stands
 * for a part the domain fills from the ledger (NOTICE_WORDING_NAMES: opening, basis, reasons,
 * items, period, amount, account, remedy, note, received, request); text in [ ] is left out
 * when a part inside it is empty. A template must name every legal element its kind requires
 * ({basis}, {items}, {period} … : domain/app_notice.h NOTICE_NEEDS_*), else it is refused.
 * Where: the organ's folder (organ setting notice_templates, `guide set --notice-templates DIR`),
 * else the nearest organ above it that set one (a 市 for its 县 and 乡镇), else the shipped
 * data/notices/KIND.txt (installed with the package). The text used is stored with a notice
 * when it is issued (domain/notice_ref.h), so a notice reads the same when downloaded later.
 * May call domain/agency.h, domain/organ_rules.h, store/, text/, base/.
 */
#ifndef GK_DOMAIN_NOTICE_WORDING_H
#define GK_DOMAIN_NOTICE_WORDING_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/store.h"

#define NOTICE_WORDING_MAX (16 * 1024)   /* bytes of a template */
#define NOTICE_WORDING_PARAS 24

enum notice_part {
	PART_OPENING, PART_BASIS, PART_REASONS, PART_ITEMS, PART_PERIOD, PART_AMOUNT,
	PART_ACCOUNT, PART_REMEDY, PART_NOTE, PART_RECEIVED, PART_REQUEST, PART_CONCLUSION,
	PART_OUTCOME, PART_COUNTERPART, PART_CONTACT, PART__MAX
};

#define NOTICE_CHOICE_MAX 64   /* bytes of a choice's name ("conclusion.granted") */

/* The placeholder names, by enum notice_part ("opening", "basis", …). */
extern const char *const notice_part_names[PART__MAX];

struct notice_wording {
	const char *version;
	const char *text;        /* the whole template, as stored with an issued notice */
	const char *source;      /* the file it came from ("" when stored with a notice) */
};

/* What a kind's template must hold: the parts its paragraphs name (bits 1u << enum
 * notice_part) and the choices it defines (NULL-terminated "conclusion.granted" …, or NULL). */
struct notice_wording_needs {
	unsigned parts;
	const char *const *choices;
};

/* Parse text as the template of kind (its id, for messages) that must hold what needs says.
 * ERR_INVALID naming the line and the fault, or the element missing. */
int notice_wording_parse(const char *text, const char *kind, const struct notice_wording_needs *needs,
			 struct arena *a, struct notice_wording *out, struct gk_error *e) GK_WUR;

/* The template of kind for organ agency_id (its folder, an ancestor's, the shipped one),
 * parsed and checked as above. */
int notice_wording_load(struct store *s, int64_t agency_id, const char *kind,
			const struct notice_wording_needs *needs, struct arena *a,
			struct notice_wording *out, struct gk_error *e) GK_WUR;

/* The choice name ("conclusion.granted") of w with parts filled in, in a (*out). ERR_INVALID
 * naming it when w has no such line (a parsed template that needs it always has). */
int notice_wording_choice(const struct notice_wording *w, const char *name,
			  const char *const parts[PART__MAX], struct arena *a, const char **out,
			  struct gk_error *e) GK_WUR;

/* The paragraphs of w with parts (indexed by enum notice_part; NULL or "" empty) filled in:
 * up to max into paras, *n set. */
int notice_wording_fill(const struct notice_wording *w, const char *const parts[PART__MAX],
			struct arena *a, const char **paras, size_t max, size_t *n,
			struct gk_error *e) GK_WUR;

#endif
