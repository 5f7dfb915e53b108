/*
 * notice_ref.c — the organ's reference numbers and the issuing of notices (see notice_ref.h).
 * May call domain/app_notice.h, domain/notice_wording.h, domain/agency.h,
 * domain/organ_rules.h, domain/audit.h, store/, text/, base/.
 */
#include "domain/notice_ref.h"

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "domain/agency.h"
#include "domain/app_notice.h"
#include "domain/audit.h"
#include "domain/notice_wording.h"
#include "domain/organ_rules.h"
#include "text/date.h"
#include "text/jsonw.h"
#include "text/utf8.h"

static const char *const placeholders[] = { "{n}", "{year}", "{organ}" };

/* The placeholder p starts with (index into placeholders), or -1. */
static int placeholder_at(const char *p)
{
	for (int i = 0; i < 3; i++)
		if (strncmp(p, placeholders[i], strlen(placeholders[i])) == 0)
			return i;
	return -1;
}

int notice_ref_check(const char *pattern, struct gk_error *e)
{
	int count[3] = { 0 };
	size_t len = pattern ? strlen(pattern) : 0;

	if (len == 0 || len > NOTICE_REF_MAX || !utf8_valid(pattern, len))
		return err_set(e, ERR_INVALID, "notice_ref", "the reference number pattern (UTF-8, "
			       "1–%d bytes, e.g. 慈政信复〔{year}〕{n}号)", NOTICE_REF_MAX);
	for (const char *p = pattern; *p; p++) {
		int k;

		if (*p != '{' && *p != '}')
			continue;
		if (*p == '}' || (k = placeholder_at(p)) < 0)
			return err_set(e, ERR_INVALID, "notice_ref", "“%s”：花括号中只能是 {n}、{year} "
				       "或 {organ}", pattern);
		count[k]++;
		p += strlen(placeholders[k]) - 1;
	}
	if (count[0] != 1)
		return err_set(e, ERR_INVALID, "notice_ref", "'%s': the pattern must hold the serial "
			       "{n} once (e.g. 慈政信复〔{year}〕{n}号)", pattern);
	return 0;
}

bool notice_ref_yearly(const char *pattern)
{
	return strstr(pattern, "{year}") != NULL;
}

const char *notice_ref_format(const char *pattern, const char *organ, int year, int64_t n,
			      struct arena *a)
{
	struct buf b;
	const char *out;
	int bad = 0;

	buf_init(&b, 0);
	for (const char *p = pattern; *p;) {
		int k = *p == '{' ? placeholder_at(p) : -1;

		if (k == 0)
			bad |= buf_printf(&b, "%lld", (long long)n);   /* GB/T 9704: no leading zeros */
		else if (k == 1)
			bad |= buf_printf(&b, "%d", year);
		else if (k == 2)
			bad |= buf_printf(&b, "%s", organ);
		else
			bad |= buf_append(&b, p, 1);
		p += k >= 0 ? strlen(placeholders[k]) : 1;
	}
	out = bad ? NULL : arena_strndup(a, b.ptr ? b.ptr : "", b.len);
	buf_free(&b);
	return out;
}

int notice_issued_get(struct store *s, const struct app_view *v, const char *id,
		      struct arena *a, const struct notice_issued **out, struct gk_error *e)
{
	const struct notice_issued *all;
	size_t n;
	int rc;

	*out = NULL;
	if ((rc = notice_issued_list(s, v, a, &all, &n, e)) != 0)
		return rc;
	*out = notice_issued_find(all, n, id);
	return 0;
}

int notice_issued_list(struct store *s, const struct app_view *v, struct arena *a,
		       const struct notice_issued **out, size_t *n, struct gk_error *e)
{
	struct notice_issued *all;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = app_store(s)->notices(s, v->rec.id, a, &all, n, e)) != 0)
		return rc;
	*out = all;
	return 0;
}

const struct notice_issued *notice_issued_find(const struct notice_issued *all, size_t n,
					       const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(all[i].notice, id) == 0)
			return &all[i];
	return NULL;
}

static int audit_issue(struct store *s, const struct app_view *v, const struct notice_issued *ni,
		       struct gk_error *e)
{
	struct audit_json j;

	audit_json_begin(&j);
	jsonw_kstr(&j.w, "notice", ni->notice);
	jsonw_kstr(&j.w, "ref_number", ni->ref_number);
	jsonw_kint(&j.w, "serial", ni->serial);
	jsonw_kstr(&j.w, "version", ni->version);
	jsonw_kstr(&j.w, "issued_on", ni->issued_on);
	return audit_json_record(s, &j, v->rec.agency_id, "application", v->rec.id, "notice-issue", e);
}

int notice_issue(struct store *s, const struct calendar *cal, const struct app_view *v,
		 const char *id, int today, struct arena *a, const struct notice_issued **out,
		 struct gk_error *e)
{
	const struct notice_issued *old;
	struct notice_issued *ni;
	struct notice_wording w;
	struct organ_rules rules;
	struct agency_rec org;
	struct app_notice nt;
	const char *pattern;
	char ymd[DATE_LEN];
	int day, rc;

	*out = NULL;
	if ((rc = notice_issued_get(s, v, id, a, &old, e)) != 0)
		return rc;
	if (old)
		return err_set(e, ERR_CONFLICT, "", "%s已于%s出具，文号%s；同一告知书只出具一次",
			       id, old->issued_on, old->ref_number);
	/* the notice as it would be sent: refused here when a legal element is missing */
	if ((rc = app_notice_find(s, v, id, a, &nt, e)) != 0 ||
	    (rc = app_notice_check(s, cal, v, &nt, a, e)) != 0)
		return rc;
	if (date_parse(nt.date, &day, "date", e) != 0)
		return err_set(e, ERR_NOTFOUND, "notice", "该申请没有编号为“%s”的告知书", id);
	if ((rc = organ_rules_load(s, v->rec.agency_id, a, &rules, e)) != 0 ||
	    (rc = agency_store(s)->get(s, v->rec.agency_id, a, &org, e)) != 0)
		return rc;
	pattern = rules.notice_ref ? rules.notice_ref : NOTICE_REF_DEFAULT;
	ni = arena_alloc(a, sizeof *ni);
	memset(ni, 0, sizeof *ni);
	ni->app_id = v->rec.id;
	ni->notice = arena_strdup(a, id);
	ni->agency_id = v->rec.agency_id;
	ni->year = notice_ref_yearly(pattern) ? date_year(day) : 0;
	if ((rc = app_store(s)->notice_next_serial(s, ni->agency_id, (int)ni->year, &ni->serial, e)) != 0)
		return rc;
	ni->ref_number = notice_ref_format(pattern, org.name, date_year(day), ni->serial, a);
	if (ni->ref_number == NULL)
		return err_set(e, ERR_LIMIT, "notice", "写文号时内存不足");
	if ((rc = app_notice_wording(s, v, id, a, &w, e)) != 0)
		return rc;
	ni->version = w.version;
	ni->wording = w.text;
	ni->issued_on = arena_strdup(a, date_format(today, ymd));
	ni->issued_by = store_actor(s) ? store_actor(s) : "unknown";
	if ((rc = app_store(s)->notice_insert(s, ni, &ni->id, e)) != 0) {
		if (rc == ERR_CONFLICT)
			return err_set(e, ERR_CONFLICT, "", "文号%s已被使用（或该告知书已出具）；"
				       "请检查机关的文号格式（guide set --notice-ref）", ni->ref_number);
		return rc;
	}
	if ((rc = audit_issue(s, v, ni, e)) != 0)
		return rc;
	*out = ni;
	return 0;
}
