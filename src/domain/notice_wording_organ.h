/*
 * notice_wording_organ.h — an organ's own notice templates managed by its staff (the console's
 * 文书模板 page, `gongkai guide template`): the kinds with the wording in force and where it
 * comes from, the shipped and the organ's wording, a replacement checked before it is saved,
 * the shipped (or inherited) wording restored. Every change is audited.
 *
 * The organ's templates are the KIND.txt files of its folder (organ setting notice_templates,
 * domain/notice_wording.h), so the CLI, the console and an administrator editing the folder see
 * the same files. A replacement is refused — nothing written — unless it is a template its kind
 * accepts (UTF-8, at most NOTICE_WORDING_MAX bytes, a version, every legal element: the message
 * names the missing one); it is written to a temporary file, flushed and renamed over the old
 * one, so the folder never holds half a template.
 * May call domain/notice_wording.h, domain/app_notice.h, domain/letter.h, domain/organ_rules.h,
 * domain/audit.h, store/, text/, base/.
 * Law: 条例 Arts. 30–42 (the legal elements each notice carries, checked by its kind).
 */
#ifndef GK_DOMAIN_NOTICE_WORDING_ORGAN_H
#define GK_DOMAIN_NOTICE_WORDING_ORGAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "domain/notice_wording.h"
#include "store/store.h"

/* Where the wording in force comes from. */
enum notice_wording_from { WORDING_OWN, WORDING_INHERITED, WORDING_SHIPPED };

struct notice_wording_kind {
	const char *kind;         /* "correction" … "reply" (the file KIND.txt) */
	const char *title;        /* 补正告知书 … 答复告知书（含不予处理、终止办理） */
	const char *version;      /* of the wording in force */
	int from;                 /* enum notice_wording_from */
	const char *shipped_version;
	const char *refused;      /* the organ's (or its 市's) template is refused: why; else NULL */
};

/* Every kind of notice with a template, for organ agency_id, as an array in a. A kind whose
 * template in force is refused (a file edited by hand) is listed with the refusal (naming the
 * file and the fault), version "—", so that it can be replaced or removed. */
int notice_wording_kinds(struct store *s, int64_t agency_id, struct arena *a,
			 struct notice_wording_kind **out, size_t *n, struct gk_error *e) GK_WUR;

/* The wording of kind for agency_id: in force (shipped false) or the shipped one. ERR_NOTFOUND
 * for a kind that has no template. */
int notice_wording_get(struct store *s, int64_t agency_id, const char *kind, bool shipped,
		       struct arena *a, struct notice_wording *out, struct gk_error *e) GK_WUR;

/* Check text as a template of kind without saving it: 0, or ERR_INVALID naming the fault. */
int notice_wording_check(const char *kind, const char *text, struct arena *a,
			 struct notice_wording *out, struct gk_error *e) GK_WUR;

/* Save text as the organ's own template of kind, inside the open write transaction (for the
 * audit entry): checked first; ERR_STATE when the organ has no folder of its own (set with
 * guide set --notice-templates). Audited (agency, notice-template-save, kind and version). */
int notice_wording_save(struct store *s, int64_t agency_id, const char *kind, const char *text,
			struct arena *a, struct gk_error *e) GK_WUR;

/* Remove the organ's own template of kind (back to its 市's or the shipped wording); ERR_NOTFOUND
 * when it has none. Audited (notice-template-revert). */
int notice_wording_revert(struct store *s, int64_t agency_id, const char *kind, struct arena *a,
			  struct gk_error *e) GK_WUR;

#endif
