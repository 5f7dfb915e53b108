/*
 * notice_ref.h — issuing a notice: the organ's reference number (文号) handed out once, and
 * the record of what was issued (store/app_store.h struct notice_issued).
 *
 * An organ numbers the letters it sends the way it numbers its other documents: a pattern of
 * its own (organ setting notice_ref, `guide set --notice-ref '慈政信复〔{year}〕{n}号'`) with
 * {n} the serial, {year} the year of the notice's date and {organ} the organ's name, and one
 * serial per organ and year (per organ only when the pattern has no {year}). Issuing a notice
 * (gongkai app notice ID NOTICE --issue, the console's 出具) builds it first — a notice the
 * domain refuses (a legal element missing: domain/app_notice.h) gets no number — then takes
 * the next serial, stores the number with the version of the wording, and audits it. A number
 * is never handed out twice: the serial only grows (store: notice_serial), and the store
 * refuses a second notice with the same number for the organ or a second issue of the same
 * notice; writers queue on the store's write lock, so concurrent issuers get distinct numbers.
 * May call domain/app_notice.h, domain/notice_wording.h, domain/agency.h,
 * domain/organ_rules.h, domain/audit.h, store/, text/, base/.
 * Law: 党政机关公文处理工作条例 Art. 9 (发文字号: 机关代字、年份、发文顺序号);
 * GB/T 9704-2012 7.2.4 (年份用六角括号〔〕, 序号不编虚位, 不加"第"字).
 */
#ifndef GK_DOMAIN_NOTICE_REF_H
#define GK_DOMAIN_NOTICE_REF_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "domain/application.h"
#include "store/app_store.h"
#include "store/store.h"

/* The pattern of an organ that set none (docs/lifecycle.md): 慈周寨镇依申请公开〔2026〕1号. */
#define NOTICE_REF_DEFAULT "{organ}依申请公开〔{year}〕{n}号"
#define NOTICE_REF_MAX 200   /* bytes of a pattern, and of a number */

/* ERR_INVALID naming the fault unless pattern is UTF-8, at most NOTICE_REF_MAX bytes, holds {n}
 * exactly once and no other placeholder than {year} and {organ}. */
int notice_ref_check(const char *pattern, struct gk_error *e) GK_WUR;

/* Whether pattern numbers per year (holds {year}). */
bool notice_ref_yearly(const char *pattern);

/* The number of pattern for organ name, year and serial n, in a (pattern checked). */
const char *notice_ref_format(const char *pattern, const char *organ, int year, int64_t n,
			      struct arena *a);

/* The notices issued for application v, as an array in a (one read of the store). */
int notice_issued_list(struct store *s, const struct app_view *v, struct arena *a,
		       const struct notice_issued **out, size_t *n, struct gk_error *e) GK_WUR;
/* The one of all[0..n) issued as notice id, or NULL. */
const struct notice_issued *notice_issued_find(const struct notice_issued *all, size_t n,
					       const char *id);

/* The notice id ("correction-1", "reply") of application v as issued, or NULL (*out in a). */
int notice_issued_get(struct store *s, const struct app_view *v, const char *id,
		      struct arena *a, const struct notice_issued **out, struct gk_error *e) GK_WUR;

/* Issue notice id of v on day today by the store's actor, inside the open write transaction:
 * ERR_NOTFOUND when v has no such notice, the notice's own refusal (ERR_STATE naming the
 * legal element) when it cannot be built, ERR_CONFLICT naming the number when it was issued
 * already. *out (in a) holds the number, serial and version. Audited. */
int notice_issue(struct store *s, const struct calendar *cal, const struct app_view *v,
		 const char *id, int today, struct arena *a, const struct notice_issued **out,
		 struct gk_error *e) GK_WUR;

#endif
