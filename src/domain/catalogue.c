/*
 * catalogue.c — adding, changing, reading, listing and searching documents; organ settings;
 * the normative-document register entry a 规章 or 行政规范性文件 makes (see catalogue.h). The
 * 三审 workflow is publish.c.
 */
#include "domain/catalogue.h"

#include <inttypes.h>
#include <string.h>

#include "base/crypto.h"
#include "domain/organ_rules.h"
#include "domain/audit.h"
#include "domain/registers.h"
#include "extract/extract.h"
#include "store/agency_store.h"
#include "text/date.h"
#include "text/jsonw.h"
#include "text/utf8.h"

/* Canonical stored form of an enumeration input (id or Chinese label), or NULL. */
static const char *enum_id(const char *const *ids, const char *const *labels, int n,
			   const char *in)
{
	int i = doc_enum_parse(ids, labels, n, in);
	return i < 0 ? NULL : ids[i];
}

/* "" → NULL (an optional field cleared), else a copy in a. */
static const char *opt(struct arena *a, const char *s)
{
	return (s == NULL || !*s) ? NULL : arena_strdup(a, s);
}

/* Apply the given fields of in to d (stored forms, strings in a). */
static int apply_input(struct doc *d, const struct doc_input *in, struct arena *a,
		       struct gk_error *e)
{
	if (in->title)
		d->title = arena_strdup(a, in->title);
	if (in->body)
		d->body = arena_strdup(a, in->body);
	if (in->doc_no)
		d->doc_no = opt(a, in->doc_no);
	if (in->publisher && *in->publisher)
		d->publisher = arena_strdup(a, in->publisher);
	if (in->signed_date)
		d->signed_date = opt(a, in->signed_date);
	if (in->topic) {
		const struct topic *t = *in->topic ? catalogue_topic_find(in->topic) : NULL;
		struct buf b;
		if (*in->topic && t == NULL)
			return catalogue_doc_error(e, ERR_INVALID, "topic", DOC_TOPIC_UNKNOWN,
						   in->topic);
		d->topic = NULL;
		if (t) {
			buf_init(&b, 1024);
			if (catalogue_topic_path(t, &b) == 0)
				d->topic = arena_strdup(a, buf_cstr(&b));
			buf_free(&b);
		}
	}
	if (in->genre) {
		if ((d->genre = catalogue_genre_find(in->genre)) == NULL)
			return catalogue_doc_error(e, ERR_INVALID, "genre", DOC_GENRE_UNKNOWN,
						   in->genre);
	}
	if (in->disclosure &&
	    (d->disclosure = enum_id(doc_disclosure_ids, doc_disclosure_labels, DISCLOSURE__MAX,
				     in->disclosure)) == NULL)
		return catalogue_doc_error(e, ERR_INVALID, "disclosure",
					   DOC_DISCLOSURE_CHOICES "，不是“%s”", in->disclosure);
	if (in->withheld_reason)
		d->withheld_reason = opt(a, in->withheld_reason);
	if (in->withheld_ground)
		d->withheld_ground = opt(a, in->withheld_ground);
	if (in->time_limit)
		d->time_limit = opt(a, in->time_limit);
	if (in->validity &&
	    (d->validity = enum_id(doc_validity_ids, doc_validity_labels, VALIDITY__MAX,
				   in->validity)) == NULL)
		return catalogue_doc_error(e, ERR_INVALID, "validity",
					   DOC_VALIDITY_CHOICES "，不是“%s”", in->validity);
	if (in->effective_date)
		d->effective_date = opt(a, in->effective_date);
	if (in->invalid_date)
		d->invalid_date = opt(a, in->invalid_date);
	if (in->summary)
		d->summary = opt(a, in->summary);
	if (in->keywords)
		d->keywords = opt(a, in->keywords);
	if (d->disclosure && strcmp(d->disclosure, "withheld") != 0) {
		d->withheld_reason = NULL;  /* only 不予公开 has a reason */
		d->withheld_ground = NULL;
	}
	return 0;
}

/* REQ 条例-18: withheld information is re-assessed; the default period is one year. */
static const char *reassess_date(struct arena *a, int from)
{
	int y, m, d;
	char out[DATE_LEN];

	date_split(from, &y, &m, &d);
	if (m == 2 && d == 29)
		d = 28;
	return arena_strdup(a, date_format(date_make(y + 1, m, d), out));
}

static int has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);
	return n > k && strcmp(name + n - k, suffix) == 0;
}

static const char *sniff_mime(const struct doc_upload *u)
{
	return catalogue_file_type(u->name, u->data, u->size);
}

const char *catalogue_file_type(const char *name, const void *data, size_t size)
{
	const struct doc_upload up = { name, data, size }, *u = &up;
	const unsigned char *p = u->data;
	size_t n = u->size;

	if (n >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return "application/pdf";
	if (n >= 4 && memcmp(p, "PK\x03\x04", 4) == 0 && has_suffix(u->name, ".docx"))
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
	if (n >= 4 && memcmp(p, "PK\x03\x04", 4) == 0 && has_suffix(u->name, ".xlsx"))
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	if (n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "image/png";
	if (n >= 3 && memcmp(p, "\xff\xd8\xff", 3) == 0)
		return "image/jpeg";
	if (n >= 6 && (memcmp(p, "GIF87a", 6) == 0 || memcmp(p, "GIF89a", 6) == 0))
		return "image/gif";
	if (has_suffix(u->name, ".txt") && memchr(p, '\0', n) == NULL)
		return "text/plain";
	return NULL;
}

int catalogue_file_name_ok(const char *name)
{
	size_t len = strlen(name);

	return len > 0 && len <= DOC_ATTACH_NAME_MAX && utf8_valid(name, len) &&
	       utf8_control(name, len, "") == NULL;
}

void catalogue_attachment_text(struct doc_attachment *att, struct arena *a)
{
	struct extract_result x;

	extract_text(att->data, (size_t)att->size, att->mime, a, &x);
	att->text_state = extract_state_ids[x.state];
	att->text_note = x.note;
	att->text = x.text;
}

static int same_text(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* The files of document f read again, inside the open write transaction (see
 * catalogue_files_read_again); what was done added to *out (the caller's copy: it keeps
 * it only once the transaction is committed). */
static int reread_doc(struct store *s, const struct doc_filed *f, struct catalogue_reread *out,
		      struct gk_error *e)
{
	struct doc_attachment *att;
	struct audit_json j;
	struct arena a;
	size_t n;
	int rc, changed = 0;

	arena_init(&a);
	audit_json_begin(&j);
	jsonw_key(&j.w, "files");
	jsonw_arr_begin(&j.w);
	rc = doc_store(s)->attachments(s, f->doc_id, 1, &a, &att, &n, e);
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct doc_attachment now = att[i];
		const void *data;
		size_t len;

		if ((rc = doc_store(s)->attachment_data(s, att[i].id, &a, &data, &len, e)) != 0)
			break;
		now.data = data;
		now.size = (int64_t)len;
		catalogue_attachment_text(&now, &a);
		out->files++;
		if (same_text(now.text_state, att[i].text_state) &&
		    same_text(now.text_note, att[i].text_note) && same_text(now.text, att[i].text))
			continue;
		if ((rc = doc_store(s)->attachment_text(s, &now, e)) != 0)
			break;
		jsonw_str(&j.w, now.name);
		out->changed++;
		changed = 1;
	}
	jsonw_arr_end(&j.w);
	out->docs++;
	if (rc == 0 && changed) {
		out->reindexed++;
		rc = audit_json_record(s, &j, f->agency_id, "document", f->doc_id, "reread", e);
	} else {
		buf_free(&j.b);
	}
	arena_free(&a);
	return rc;
}

int catalogue_files_read_again(struct store *s, struct catalogue_reread *out,
			       void (*progress)(void *ctx, const struct catalogue_reread *r),
			       void *ctx, struct gk_error *e)
{
	struct doc_filed docs[64];
	int64_t after = 0;
	size_t n = sizeof docs / sizeof docs[0];
	int rc = 0;

	*out = (struct catalogue_reread){ 0 };
	while (rc == 0 && n == sizeof docs / sizeof docs[0]) {
		if ((rc = store_begin_read(s, e)) != 0)
			break;
		rc = doc_store(s)->filed(s, after, docs, sizeof docs / sizeof docs[0], &n, e);
		store_rollback(s);
		for (size_t i = 0; i < n && rc == 0; i++) {
			struct catalogue_reread r = *out;

			if ((rc = store_begin(s, e)) != 0)
				break;
			if ((rc = reread_doc(s, &docs[i], &r, e)) == 0)
				rc = store_commit(s, e);
			else
				store_rollback(s);
			after = docs[i].doc_id;
			if (rc == 0)
				*out = r;
			if (rc == 0 && progress)
				progress(ctx, out);
		}
	}
	return rc;
}

static int add_uploads(struct store *s, int64_t doc_id, const struct doc_input *in,
		       struct gk_error *e)
{
	int rc = 0;

	if (in->nuploads > DOC_ATTACH_N)
		return err_set(e, ERR_LIMIT, "attachment", "附件最多 %d 个", DOC_ATTACH_N);
	for (size_t i = 0; i < in->nuploads && rc == 0; i++) {
		const struct doc_upload *u = &in->uploads[i];
		const char *base = strrchr(u->name, '/');
		struct doc_attachment att = { .doc_id = doc_id };
		char hex[CRYPTO_SHA256_HEX];
		struct arena a;
		int64_t id;

		base = base ? base + 1 : u->name;
		if (!catalogue_file_name_ok(base))
			return err_set(e, ERR_INVALID, "attachment", "附件的文件名须为 1–%d 字节的 UTF-8 "
				       "文字，不含控制字符",
				       DOC_ATTACH_NAME_MAX);
		if (u->size > DOC_ATTACH_MAX)
			return err_set(e, ERR_LIMIT, "attachment", "附件“%s”超过 %u MB", base,
				       DOC_ATTACH_MAX >> 20);
		if ((att.mime = sniff_mime(u)) == NULL)
			return err_set(e, ERR_INVALID, "attachment", "附件“%s”不是可接受的类型：PDF、DOCX、"
				       "XLSX、纯文本（.txt）或图片（PNG、JPEG、GIF）", base);
		crypto_sha256_hex(u->data, u->size, hex);
		att.name = base;
		att.size = (int64_t)u->size;
		att.sha256 = hex;
		att.data = u->data;
		arena_init(&a);  /* the text, while it is stored */
		catalogue_attachment_text(&att, &a);
		rc = doc_store(s)->attach(s, &att, &id, e);
		arena_free(&a);
	}
	return rc;
}

/* The audit content of a document: the fields a reader of the log needs. */
static int audit_doc(struct store *s, const struct doc *d, const char *action,
		     struct gk_error *e)
{
	struct buf js;
	struct jsonw w;
	int rc;

	buf_init(&js, 0);
	jsonw_init(&w, &js, 0);
	jsonw_obj_begin(&w);
	jsonw_kstr(&w, "index_no", d->index_no);
	jsonw_kstr(&w, "title", d->title);
	jsonw_kstr(&w, "doc_no", d->doc_no);
	jsonw_kstr(&w, "state", d->state);
	jsonw_kstr(&w, "disclosure", d->disclosure);
	jsonw_kstr(&w, "validity", d->validity);
	jsonw_kstr(&w, "invalid_date", d->invalid_date);
	jsonw_kstr(&w, "published_date", d->published_date);
	if (d->body) {
		char hex[CRYPTO_SHA256_HEX];
		crypto_sha256_hex(d->body, strlen(d->body), hex);
		jsonw_kstr(&w, "body_sha256", hex);
	}
	jsonw_obj_end(&w);
	if ((rc = jsonw_finish(&w)) == 0)
		rc = audit_record(s, d->agency_id, "document", d->id, action, buf_cstr(&js), e);
	else
		rc = err_set(e, rc, "", AUDIT_TOO_LARGE);
	buf_free(&js);
	return rc;
}

static int history(struct store *s, const struct doc *d, const char *action, const char *comment,
		   struct gk_error *e)
{
	char now[21];
	struct doc_event ev = { .doc_id = d->id, .round = d->round, .action = action,
				.comment = comment, .actor = store_actor(s), .at = now };
	store_now(now);
	return doc_store(s)->event_add(s, &ev, e);
}

int catalogue_doc_add(struct store *s, int64_t agency_id, const struct doc_input *in,
		      struct arena *a, int64_t *id, const char **index_no, struct gk_error *e)
{
	struct agency_profile prof;
	struct agency_rec ag;
	struct doc d = { 0 };
	struct buf ix;
	char now[21], today_s[DATE_LEN];
	int today = date_today(), rc;
	int64_t seq;

	buf_init(&ix, 256);
	if (!store_actor(s)[0]) {
		rc = err_set(e, ERR_INVALID, "by", "请写明录入文件的人");
		goto out;
	}
	if ((rc = agency_store(s)->get(s, agency_id, a, &ag, e)) != 0 ||
	    (rc = catalogue_profile_get(s, agency_id, a, &prof, e)) != 0)
		goto out;
	store_now(now);
	date_format(today, today_s);
	d.agency_id = agency_id;
	d.agency = ag.name;
	d.publisher = ag.name;
	d.genre = GENRE_DEFAULT;
	d.disclosure = doc_disclosure_ids[DISCLOSURE_PROACTIVE];
	d.validity = doc_validity_ids[VALIDITY_VALID];
	d.time_limit = TIME_LIMIT_DEFAULT;
	d.state = doc_state_ids[DOC_DRAFT];
	d.author = arena_strdup(a, store_actor(s));
	d.created_at = d.updated_at = arena_strdup(a, now);
	if ((rc = apply_input(&d, in, a, e)) != 0)
		goto out;
	if (d.body == NULL) {
		rc = catalogue_doc_error(e, ERR_INVALID, "body", "文件须有正文");
		goto out;
	}
	d.changed_date = d.signed_date ? d.signed_date : arena_strdup(a, today_s);
	if (strcmp(d.disclosure, "withheld") == 0)
		d.reassess_due = reassess_date(a, today);
	if ((rc = catalogue_doc_check(&d, e)) != 0)
		goto out;
	/* The serial is taken inside this write transaction (BEGIN IMMEDIATE): two processes
	 * adding at once are serialised and get different serials; a rolled-back add may skip a
	 * number, never repeat one. */
	if ((rc = doc_store(s)->next_serial(s, agency_id, date_year(today), &seq, e)) != 0 ||
	    (rc = catalogue_index_format(prof.index_pattern, ag.code, today, seq, &ix, e)) != 0)
		goto out;
	d.index_no = arena_strdup(a, buf_cstr(&ix));
	if ((rc = doc_store(s)->insert(s, &d, &d.id, e)) != 0 ||
	    (rc = add_uploads(s, d.id, in, e)) != 0 ||
	    (rc = history(s, &d, "created", NULL, e)) != 0 ||
	    (rc = audit_doc(s, &d, "create", e)) != 0)
		goto out;
	*id = d.id;
	if (index_no)
		*index_no = d.index_no;
out:
	buf_free(&ix);
	return rc;
}

/* Which fields a published (or withdrawn) document may still change. */
static int published_edit_allowed(const struct doc_input *in, struct gk_error *e)
{
	static const struct { size_t off; const char *id; } frozen[] = {
		{ offsetof(struct doc_input, title), "title" },
		{ offsetof(struct doc_input, body), "body" },
		{ offsetof(struct doc_input, doc_no), "doc_no" },
		{ offsetof(struct doc_input, publisher), "publisher" },
		{ offsetof(struct doc_input, signed_date), "signed_date" },
		{ offsetof(struct doc_input, genre), "genre" },
		{ offsetof(struct doc_input, disclosure), "disclosure" },
		{ offsetof(struct doc_input, withheld_reason), "withheld_reason" },
		{ offsetof(struct doc_input, withheld_ground), "withheld_ground" },
	};
	for (size_t i = 0; i < sizeof frozen / sizeof frozen[0]; i++)
		if (*(const char *const *)((const char *)in + frozen[i].off))
			return catalogue_doc_error(e, ERR_STATE, frozen[i].id,
						   "已发布文件的正文和元数据不能再改，只能修改有效性、"
						   "失效日期、施行日期、公开时限、内容概述、主题词和主题分类");
	if (in->nuploads)
		return err_set(e, ERR_STATE, "attachment",
			       "已发布文件的附件不能再改");
	return 0;
}

int catalogue_doc_edit(struct store *s, int64_t id, const struct doc_input *in,
		       struct gk_error *e)
{
	struct arena a;
	struct doc d;
	enum doc_state st;
	char now[21];
	int rc;

	arena_init(&a);
	if ((rc = doc_store(s)->get(s, id, &a, &d, e)) != 0)
		goto out;
	st = doc_state_of(&d);
	if (st >= DOC_FIRST && st <= DOC_APPROVED) {
		rc = err_set(e, ERR_STATE, "ID", "文件 %lld 目前是“%s”：审核期间正文不能修改"
			     "（审核人可以退回为草稿）", (long long)id,
			     doc_state_labels[st]);
		goto out;
	}
	if (st >= DOC_PUBLISHED && (rc = published_edit_allowed(in, e)) != 0)
		goto out;
	if ((rc = apply_input(&d, in, &a, e)) != 0 || (rc = catalogue_doc_check(&d, e)) != 0)
		goto out;
	if (in->signed_date && d.signed_date)
		d.changed_date = d.signed_date;
	if (strcmp(d.disclosure, "withheld") != 0)
		d.reassess_due = NULL;
	else if (d.reassess_due == NULL)
		d.reassess_due = reassess_date(&a, date_today());
	store_now(now);
	d.updated_at = now;
	if ((rc = doc_store(s)->update(s, &d, e)) != 0 || (rc = add_uploads(s, id, in, e)) != 0 ||
	    (rc = history(s, &d, "edited", NULL, e)) != 0 ||
	    (rc = audit_doc(s, &d, "edit", e)) != 0)
		goto out;
	if (st == DOC_PUBLISHED)
		rc = catalogue_register_sync(s, &d, e);
out:
	arena_free(&a);
	return rc;
}

int catalogue_doc_get(struct store *s, int64_t id, struct arena *a, struct doc *out,
		      struct gk_error *e)
{
	return doc_store(s)->get(s, id, a, out, e);
}

int catalogue_doc_attachments(struct store *s, int64_t id, struct arena *a,
			      struct doc_attachment **out, size_t *n, struct gk_error *e)
{
	return doc_store(s)->attachments(s, id, 0, a, out, n, e);
}

int catalogue_attachment_get(struct store *s, int64_t doc_id, int64_t n, struct arena *a,
			     struct doc_attachment *att, const void **data, size_t *len,
			     struct gk_error *e)
{
	struct doc_attachment *all;
	size_t cnt;
	int rc;

	if ((rc = doc_store(s)->attachments(s, doc_id, 0, a, &all, &cnt, e)) != 0)
		return rc;
	if (n < 1 || (uint64_t)n > cnt)
		return err_set(e, ERR_NOTFOUND, "attachment", "文件 %" PRId64 " 没有第 %" PRId64 " 个附件",
			       doc_id, n);
	*att = all[n - 1];
	if ((rc = doc_store(s)->attachment_data(s, att->id, a, data, len, e)) != 0)
		return rc;
	if ((int64_t)*len != att->size)
		return err_set(e, ERR_INTERNAL, "attachment", "文件 %" PRId64 " 的第 %" PRId64 " 个附件有 %zu 字节，"
			       "登记的是 %" PRId64 " 字节", doc_id, n, *len, att->size);
	return 0;
}

int catalogue_doc_visible(const struct doc *d, int today)
{
	char t[DATE_LEN];
	return doc_state_of(d) == DOC_PUBLISHED && d->published_date &&
	       strcmp(d->published_date, date_format(today, t)) <= 0;
}

int catalogue_doc_list(struct store *s, const struct doc_filter *f, doc_row_fn fn, void *ctx,
		       struct gk_error *e)
{
	return doc_store(s)->list(s, f, fn, ctx, e);
}

int catalogue_profile_get(struct store *s, int64_t agency_id, struct arena *a,
			  struct agency_profile *out, struct gk_error *e)
{
	int found, rc;

	if ((rc = agency_store(s)->profile_get(s, agency_id, a, out, &found, e)) != 0)
		return rc;
	if (out->index_pattern == NULL)
		out->index_pattern = DOC_INDEX_PATTERN_DEFAULT;
	return 0;
}

int catalogue_profile_set(struct store *s, int64_t agency_id, const struct agency_profile *p,
			  struct gk_error *e)
{
	struct agency_profile cur;
	struct agency_rec ag;
	struct arena a;
	struct buf b;
	struct jsonw w;
	char now[21];
	int found, rc;
	const char **dst[] = { &cur.index_pattern, &cur.office, &cur.address, &cur.postcode,
			       &cur.hours, &cur.phone, &cur.fax, &cur.email, &cur.website,
			       &cur.channels, &cur.fees, &cur.scope, &cur.fee_pause,
			       &cur.correction_period, &cur.consult_cap, &cur.confirm_days,
			       &cur.review_body, &cur.report_due, &cur.fee_account,
			       &cur.notice_ref, &cur.notice_templates };
	const char *const src[] = { p->index_pattern, p->office, p->address, p->postcode,
				    p->hours, p->phone, p->fax, p->email, p->website, p->channels,
				    p->fees, p->scope, p->fee_pause, p->correction_period,
				    p->consult_cap, p->confirm_days, p->review_body, p->report_due,
				    p->fee_account, p->notice_ref, p->notice_templates };

	arena_init(&a);
	buf_init(&b, 0);
	if ((rc = agency_store(s)->get(s, agency_id, &a, &ag, e)) != 0 ||
	    (rc = agency_store(s)->profile_get(s, agency_id, &a, &cur, &found, e)) != 0)
		goto out;
	for (size_t i = 0; i < sizeof src / sizeof src[0]; i++)
		if (src[i])
			*dst[i] = opt(&a, src[i]);
	/* the organ's readings of what the law leaves open (domain/organ_rules.h) */
	if ((rc = organ_rules_check(&cur, e)) != 0)
		goto out;
	if (cur.index_pattern) {
		/* the pattern must make a valid number for this organ */
		if ((rc = catalogue_index_format(cur.index_pattern, ag.code, date_today(), 1, &b,
						 e)) != 0)
			goto out;
	}
	store_now(now);
	cur.agency_id = agency_id;
	cur.updated_at = now;
	if ((rc = agency_store(s)->profile_put(s, &cur, e)) != 0)
		goto out;
	buf_reset(&b);
	jsonw_init(&w, &b, 0);
	jsonw_obj_begin(&w);
	static const char *const keys[] = { "index_pattern", "office", "address", "postcode",
					    "hours", "phone", "fax", "email", "website", "channels",
					    "fees", "scope", "fee_pause", "correction_period",
					    "consult_cap", "confirm_days", "review_body", "report_due",
					    "fee_account", "notice_ref", "notice_templates" };
	for (size_t i = 0; i < sizeof src / sizeof src[0]; i++)
		if (src[i])
			jsonw_kstr(&w, keys[i], src[i]);
	jsonw_obj_end(&w);
	if ((rc = jsonw_finish(&w)) == 0)
		rc = audit_record(s, agency_id, "agency_profile", agency_id, "set", buf_cstr(&b), e);
out:
	buf_free(&b);
	arena_free(&a);
	return rc;
}

int catalogue_register_sync(struct store *s, const struct doc *d, struct gk_error *e)
{
	const char *kind, *repealed = NULL;

	/* REQ 条例-20-1 */
	if (strcmp(d->genre, GENRE_RULE) == 0)
		kind = "rule";
	else if (strcmp(d->genre, GENRE_NORMDOC) == 0)
		kind = "normdoc";
	else
		return 0;
	if (doc_state_of(d) != DOC_PUBLISHED)
		return 0;
	if (strcmp(d->validity, "valid") != 0)
		repealed = d->invalid_date;
	return registers_normdoc_sync(s, d->agency_id, d->id, kind,
				      d->signed_date ? d->signed_date : d->published_date,
				      d->doc_no, d->title, repealed, NULL, e);
}
