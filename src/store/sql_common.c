/*
 * sql_common.c — the SQL text of the store's statements that every dialect runs as written
 * (store/stmt.h names them; store/<area>_store.c binds and reads them; each driver prepares
 * them once per connection). A statement whose text must differ is not here but in every
 * dialect's own file (store/sql_sqlite.c, store/sql_postgresql.c); test_store_statements
 * checks that each name has exactly one text per dialect.
 *
 * Portable means: standard SQL that SQLite (3.40) and PostgreSQL (15) read alike — `?` or `?N`
 * parameters (a driver may renumber them as `$N`), `INSERT … ON CONFLICT … DO UPDATE SET x =
 * excluded.x`, `RETURNING id` on every INSERT whose new id is wanted, integers compared with
 * integers (`?2 <> 0`, not a bare `?2` as a condition), text compared by bytes (the database's
 * collation is C). Never text built from input. Depends on store/stmt.h and
 * store/sql_organs.h only.
 */
#include "store/sql_organs.h"
#include "store/stmt.h"

const char *const sql_common[STMT_COUNT] = {
/* agency */
/* id and the parent, then the declared fields (store/records.c: agency_rec_desc) in order */
#define AGENCY_FIELDS "name, code, level, created_at"
#define AGENCY_COLS "id, parent_id, " AGENCY_FIELDS
	[ST_AGENCY_INSERT] =
		"INSERT INTO agency (parent_id, " AGENCY_FIELDS ") VALUES (?, ?, ?, ?, ?) RETURNING id",
	[ST_AGENCY_GET] =
		"SELECT " AGENCY_COLS " FROM agency WHERE id = ?",
	[ST_AGENCY_FIND_NAME] =
		"SELECT " AGENCY_COLS " FROM agency WHERE name = ?",
	[ST_AGENCY_LIST] =
		"SELECT " AGENCY_COLS " FROM agency ORDER BY id",
	[ST_AGENCY_COUNT] =
		"SELECT count(*) FROM agency",
/* the organ, then its declared settings in their order (store/records.c) */
#define PROFILE_FIELDS "index_pattern, office, address, postcode, hours, phone, fax, email, " \
	"website, channels, fees, scope, fee_pause, correction_period, consult_cap, " \
	"confirm_days, review_body, report_due, fee_account, notice_ref, notice_templates, " \
	"updated_at"
	[ST_AGENCY_PROFILE_GET] =
		"SELECT agency_id, " PROFILE_FIELDS " FROM agency_profile WHERE agency_id = ?",
	[ST_AGENCY_PROFILE_PUT] =
		"INSERT INTO agency_profile (agency_id, " PROFILE_FIELDS ") "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
		"ON CONFLICT (agency_id) DO UPDATE SET "
		"index_pattern = excluded.index_pattern, office = excluded.office, "
		"address = excluded.address, postcode = excluded.postcode, "
		"hours = excluded.hours, phone = excluded.phone, fax = excluded.fax, "
		"email = excluded.email, website = excluded.website, "
		"channels = excluded.channels, fees = excluded.fees, "
		"scope = excluded.scope, fee_pause = excluded.fee_pause, "
		"correction_period = excluded.correction_period, "
		"consult_cap = excluded.consult_cap, confirm_days = excluded.confirm_days, "
		"review_body = excluded.review_body, report_due = excluded.report_due, "
		"fee_account = excluded.fee_account, notice_ref = excluded.notice_ref, "
		"notice_templates = excluded.notice_templates, "
		"updated_at = excluded.updated_at",

/* audit */
#define AUDIT_COLS "id, at, actor, agency_id, entity, entity_id, action, content, prev_hash, hash"
	[ST_AUDIT_LAST] =
		"SELECT " AUDIT_COLS " FROM audit_event ORDER BY id DESC LIMIT 1",
	[ST_AUDIT_APPEND] =
		"INSERT INTO audit_event (" AUDIT_COLS ") "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_AUDIT_LIST_ALL] =
		"SELECT " AUDIT_COLS " FROM audit_event ORDER BY id",
	[ST_AUDIT_LIST_ONE] =
		"SELECT " AUDIT_COLS " FROM audit_event "
		"WHERE entity = ? AND entity_id = ? ORDER BY id",

/* app */
/* id and the owner, then a declared record's fields in the order of its declaration
 * (store/records.c): db_read_record reads them, db_bind_record binds them. Named once each,
 * as a list that writes both the columns (COL) and their parameters (PARAM). */
#define COL(c) ", " #c
#define PARAM(c) ", ?"
#define APP_FIELDS(F) F(tracking_code) F(secret_hash) F(received) F(channel) F(applicant_type) \
	F(applicant_name) F(applicant_key) F(contact) F(id_number) F(request) F(form) F(state) \
	F(outcome) F(closed) F(reply_due) F(created_at) F(submitted)
#define APP_COLS "id, agency_id" APP_FIELDS(COL)
#define EVENT_FIELDS(F) F(kind) F(date) F(note) F(approver) F(outcome) F(basis) F(actor) \
	F(created_at) F(due) F(party) F(method) F(late_reason) F(warning) F(counterpart) \
	F(counterpart_contact) F(amount_fen) F(days) F(ref) F(quantity)
#define EVENT_COLS "id, app_id" EVENT_FIELDS(COL)
#define APP_FILE_COLS "id, app_id, event_id, name, mime, size, sha256, created_at"
#define DOC_ATTACHMENT_FIELDS "name, mime, sha256"
#define REPORT_TEXT_FIELDS "section, body, updated_at, updated_by"
#define APP_NOTICE_FIELDS "notice, ref_number, year, serial, version, wording, issued_on, issued_by"
#define APP_NOTICE_COLS "id, app_id, agency_id, " APP_NOTICE_FIELDS ", created_at"
#define LIST_FILTERS "AND (CAST(?2 AS TEXT) IS NULL OR state = ?2) " \
		"AND (CAST(?3 AS BIGINT) IS NULL OR closed IS NULL) " \
		"AND (CAST(?4 AS TEXT) IS NULL OR received >= ?4) " \
		"AND (CAST(?5 AS TEXT) IS NULL OR received <= ?5) " \
		"AND (CAST(?6 AS TEXT) IS NULL OR closed IS NULL OR closed >= ?6) " \
		"ORDER BY received, id LIMIT ?7"
	[ST_APP_INSERT] =
		"INSERT INTO application (agency_id" APP_FIELDS(COL) ") "
		"VALUES (?" APP_FIELDS(PARAM) ") RETURNING id",
	[ST_APP_GET] =
		"SELECT " APP_COLS " FROM application WHERE id = ?",
	[ST_APP_GET_BY_CODE] =
		"SELECT " APP_COLS " FROM application WHERE tracking_code = ?",
	[ST_APP_UPDATE_SUMMARY] =
		"UPDATE application SET received = ?, state = ?, outcome = ?, "
		"closed = ?, reply_due = ? WHERE id = ?",
	[ST_APP_EVENT_INSERT] =
		"INSERT INTO app_event (app_id" EVENT_FIELDS(COL) ") "
		"VALUES (?" EVENT_FIELDS(PARAM) ") RETURNING id",
	[ST_APP_EVENTS] =
		"SELECT " EVENT_COLS " FROM app_event WHERE app_id = ? ORDER BY id",
	[ST_APP_LIST_ALL] =
		"SELECT " APP_COLS " FROM application "
		"WHERE (CAST(?1 AS BIGINT) IS NULL OR agency_id = ?1) " LIST_FILTERS,
	[ST_APP_LIST_ORGAN] =
		"SELECT " APP_COLS " FROM application "
		"WHERE agency_id = ?1 " LIST_FILTERS,
	[ST_APP_ORDINAL_IN_MONTH] =
		"SELECT count(*) FROM application o, application a "
		"WHERE a.id = ?1 AND o.agency_id = a.agency_id AND o.applicant_key = a.applicant_key "
		"AND o.received >= ?2 AND (o.received < a.received "
		"OR (o.received = a.received AND o.id <= a.id))",
	[ST_APP_FILE_INSERT] =
		"INSERT INTO app_file (app_id, event_id, name, mime, size, sha256, data, created_at) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
	[ST_APP_FILES] =
		"SELECT " APP_FILE_COLS " FROM app_file WHERE app_id = ? ORDER BY id",
	[ST_APP_FILE_GET] =
		"SELECT " APP_FILE_COLS ", data FROM app_file WHERE app_id = ? AND id = ?",
	[ST_APP_NOTICE_NEXT_SERIAL] =
		"INSERT INTO notice_serial (agency_id, year, last) "
		"VALUES (?, ?, 1) ON CONFLICT (agency_id, year) "
		"DO UPDATE SET last = notice_serial.last + 1 RETURNING last",
	[ST_APP_NOTICE_SERIAL_PUT] =
		"INSERT INTO notice_serial (agency_id, year, last) VALUES (?1, ?2, ?3) "
		"ON CONFLICT (agency_id, year) DO UPDATE SET last = ?3",
	[ST_APP_NOTICE_INSERT] =
		"INSERT INTO app_notice (app_id, agency_id, " APP_NOTICE_FIELDS ", created_at) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
	[ST_APP_NOTICES] =
		"SELECT " APP_NOTICE_COLS " FROM app_notice WHERE app_id = ? ORDER BY id",
	/* the fee notices (?3) and fees paid (?4) dated ?5..?6, by organ and kind: how many, and
	 * the amounts: a notice's own, for a payment the latest notice before it */
	[ST_APP_ORGANS_FEES] =
		ORGANS
		"SELECT a.agency_id, v.kind, count(*), coalesce(sum(CASE WHEN v.kind = ?3 "
		"THEN v.amount_fen ELSE (SELECT m.amount_fen "
		"FROM app_event m WHERE m.app_id = v.app_id AND m.kind = ?3 AND m.id < v.id "
		"ORDER BY m.id DESC LIMIT 1) END), 0) "
		"FROM app_event v JOIN application a ON a.id = v.app_id "
		"WHERE a.agency_id IN (SELECT id FROM region) AND v.kind IN (?3, ?4) "
		"AND v.date >= ?5 AND v.date <= ?6 GROUP BY 1, 2 ORDER BY 1",

/* user */
/* id and the organ, then the declared fields (store/records.c: user_rec_desc) in order */
#define USER_FIELDS "name, display_name, role, password_hash, created_at"
#define USER_COLS "id, agency_id, " USER_FIELDS
	[ST_USER_INSERT] =
		"INSERT INTO app_user (agency_id, " USER_FIELDS ") VALUES (?, ?, ?, ?, ?, ?) "
		"RETURNING id",
	[ST_USER_GET_BY_NAME] =
		"SELECT " USER_COLS " FROM app_user WHERE name = ?",
	[ST_USER_GET] =
		"SELECT " USER_COLS " FROM app_user WHERE id = ?",
	[ST_USER_SET_PASSWORD] =
		"UPDATE app_user SET password_hash = ? WHERE id = ?",
	[ST_USER_SET_ROLE] =
		"UPDATE app_user SET role = ?, agency_id = ? WHERE id = ?",
	[ST_USER_LIST] =
		"SELECT " USER_COLS " FROM app_user ORDER BY name",
	[ST_USER_HISTORY_ADD] =
		"INSERT INTO password_history (user_id, hash, at) VALUES (?, ?, ?)",
	[ST_USER_HISTORY_TRIM] =
		"DELETE FROM password_history WHERE user_id = ?1 AND id NOT IN "
		"(SELECT id FROM password_history WHERE user_id = ?1 "
		"ORDER BY id DESC LIMIT ?2)",
	[ST_USER_HISTORY_LIST] =
		"SELECT hash, at FROM password_history WHERE user_id = ? "
		"ORDER BY id DESC",
	[ST_USER_TOTP_GET] =
		"SELECT secret, confirmed, last_step FROM user_totp WHERE user_id = ?",
	[ST_USER_TOTP_DELETE] =
		"DELETE FROM user_totp WHERE user_id = ?",
	[ST_USER_TOTP_LIST] =
		"SELECT user_id, secret, confirmed, last_step FROM user_totp ORDER BY user_id",
	[ST_USER_TOTP_PUT] =
		"INSERT INTO user_totp (user_id, secret, confirmed, last_step) VALUES (?, ?, ?, ?) "
		"ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, "
		"confirmed = excluded.confirmed, last_step = excluded.last_step",

/* session */
	[ST_SESSION_INSERT] =
		"INSERT INTO staff_session (token_hash, user_id, created_at, "
		"seen_at, client) VALUES (?, ?, ?, ?, ?)",
	[ST_SESSION_GET] =
		"SELECT token_hash, user_id, created_at, seen_at, client "
		"FROM staff_session WHERE token_hash = ?",
	[ST_SESSION_TOUCH] =
		"UPDATE staff_session SET seen_at = ? WHERE token_hash = ?",
	[ST_SESSION_REMOVE_ONE] =
		"DELETE FROM staff_session WHERE token_hash = ?",
	[ST_SESSION_REMOVE_USER] =
		"DELETE FROM staff_session WHERE user_id = ?",
	[ST_SESSION_REMOVE_EXPIRED] =
		"DELETE FROM staff_session WHERE seen_at < ? OR created_at < ?",
	[ST_SESSION_TRIM_USER] =
		"DELETE FROM staff_session WHERE user_id = ? AND token_hash NOT IN "
		"(SELECT token_hash FROM staff_session WHERE user_id = ? "
		"ORDER BY created_at DESC, token_hash LIMIT ?)",

/* signin */
	[ST_SIGNIN_FAIL_ADD] =
		"INSERT INTO signin_failure (at, account, client) VALUES (?, ?, ?)",
	[ST_SIGNIN_FAIL_COUNT] =
		"SELECT count(*), coalesce(max(at), 0) FROM signin_failure "
		"WHERE at >= ?1 AND (at > ?1 OR id > ?4) "
		"AND (CAST(?2 AS TEXT) IS NULL OR account = ?2) "
		"AND (CAST(?3 AS TEXT) IS NULL OR client = ?3)",
	[ST_SIGNIN_FAIL_LIST] =
		"SELECT at, account, client FROM signin_failure "
		"WHERE at >= ?1 AND (at > ?1 OR id > ?4) AND (CAST(?2 AS TEXT) IS NULL OR account = ?2) "
		"ORDER BY at DESC, id DESC LIMIT ?3",
	[ST_SIGNIN_FAIL_PRUNE] =
		"DELETE FROM signin_failure WHERE at < ?",
	[ST_SIGNIN_RECORD] =
		"INSERT INTO signin_last (user_id, at, client, mark) "
		"VALUES (?1, ?2, ?3, (SELECT coalesce(max(id), 0) FROM signin_failure)) "
		"ON CONFLICT (user_id) DO UPDATE SET prev_at = signin_last.at, "
		"prev_client = signin_last.client, prev_mark = signin_last.mark, at = excluded.at, "
		"client = excluded.client, mark = excluded.mark",
/* shared */
	[ST_RATE_HIT] =
		"INSERT INTO rate_count (key, window_start, n) VALUES (?1, ?2, 1) "
		"ON CONFLICT (key) DO UPDATE SET "
		"n = CASE WHEN rate_count.window_start > ?3 THEN rate_count.n + 1 ELSE 1 END, "
		"window_start = CASE WHEN rate_count.window_start > ?3 THEN rate_count.window_start "
		"ELSE excluded.window_start END RETURNING n",
	[ST_RATE_PRUNE] =
		"DELETE FROM rate_count WHERE window_start < ?",
	[ST_SECRET_ADD] =
		"INSERT INTO web_secret (name, value, created_at) VALUES (?, ?, ?) "
		"ON CONFLICT (name) DO NOTHING",
	[ST_SECRET_GET] =
		"SELECT value FROM web_secret WHERE name = ?",
	[ST_SIGNIN_LAST] =
		"SELECT at, client, coalesce(prev_at, 0), prev_client, mark, "
		"prev_mark FROM signin_last WHERE user_id = ?",

/* report */
#define PUB_FIELDS "format, reason, cells, sha256, published_at, published_by"
#define PUB_COLS "id, agency_id, year, revision, " PUB_FIELDS
	/* the organs' texts of year ?3 (ORGANS) */
	[ST_REPORT_ORGANS_TEXTS] =
		ORGANS
		"SELECT agency_id, section, body FROM report_text WHERE agency_id IN "
		"(SELECT id FROM region) AND year = ?3 ORDER BY agency_id, section",
	[ST_REPORT_TEXT_GET] =
		"SELECT body FROM report_text WHERE agency_id = ? AND year = ? "
		"AND section = ?",
	[ST_REPORT_TEXT_LIST] =
		"SELECT year, " REPORT_TEXT_FIELDS " FROM report_text "
		"WHERE agency_id = ? ORDER BY year, section",
	[ST_REPORT_TEXT_UPDATE] =
		"UPDATE report_text SET body = ?, updated_at = ?, updated_by = ? "
		"WHERE agency_id = ? AND year = ? AND section = ?",
	[ST_REPORT_TEXT_INSERT] =
		"INSERT INTO report_text (body, updated_at, updated_by, agency_id, "
		"year, section) VALUES (?, ?, ?, ?, ?, ?)",
	[ST_REPORT_PUB_INSERT] =
		"INSERT INTO report_publication (agency_id, year, revision, " PUB_FIELDS ") "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
	[ST_REPORT_PUB_SECTION_INSERT] =
		"INSERT INTO report_pub_section (pub_id, section, body) "
		"VALUES (?, ?, ?)",
	[ST_REPORT_ARTIFACT_INSERT] =
		"INSERT INTO report_artifact (pub_id, kind, body, sha256) "
		"VALUES (?, ?, ?, ?)",
	/* the organs' latest revisions of year ?3 (ORGANS) */
	[ST_REPORT_ORGANS_PUBS] =
		ORGANS
		"SELECT " PUB_COLS " FROM report_publication p WHERE p.agency_id IN "
		"(SELECT id FROM region) AND p.year = ?3 AND p.revision = (SELECT max(q.revision) "
		"FROM report_publication q WHERE q.agency_id = p.agency_id AND q.year = p.year) "
		"ORDER BY p.agency_id",
	[ST_REPORT_PUB_GET] =
		"SELECT " PUB_COLS " FROM report_publication WHERE agency_id = ? "
		"AND year = ? AND (? = 0 OR revision = ?) ORDER BY revision DESC LIMIT 1",
	[ST_REPORT_PUB_SECTIONS] =
		"SELECT section, body FROM report_pub_section WHERE pub_id = ? "
		"ORDER BY section",
	[ST_REPORT_ARTIFACT_GET] =
		"SELECT body, sha256 FROM report_artifact WHERE pub_id = ? AND kind = ?",
	[ST_REPORT_PUB_LIST] =
		"SELECT " PUB_COLS " FROM report_publication WHERE (? = 0 OR "
		"agency_id = ?) AND (? = 0 OR year = ?) ORDER BY agency_id, year, revision",

/* doc */
/* id, organ, its name, review round, then the declared fields (store/records.c: doc_desc) in
 * their order, the body as B (a list leaves it out: NULL AS body) */
#define DOC_COLS(B) "d.id, d.agency_id, a.name, d.round, d.index_no, d.title, d.doc_no, " \
	"d.publisher, d.signed_date, d.published_date, d.topic, d.genre, d.disclosure, " \
	"d.withheld_reason, d.withheld_ground, d.time_limit, d.validity, d.effective_date, " \
	"d.invalid_date, d.summary, d.keywords, " B ", d.state, d.author, d.changed_date, " \
	"d.reassess_due, d.created_at, d.updated_at"
#define DOC_EVENT_FIELDS "action, stage, decision, comment, actor, at"
/* Parameters ?1 … ?10 of the document list (bind_filter; ?11, ?12 its limit and offset). */
#define FILTER_SQL \
	"(?1 = 0 OR d.agency_id = ?1) " \
	"AND (CAST(?2 AS TEXT) IS NULL OR d.topic = ?2 " \
	"     OR substr(d.topic, 1, length(?2) + 1) = ?2 || '\\') " \
	"AND (CAST(?3 AS TEXT) IS NULL OR d.genre = ?3) " \
	"AND (CAST(?4 AS TEXT) IS NULL " \
	"     OR substr(coalesce(d.published_date, d.signed_date, d.created_at), 1, 4) " \
	"    = ?4) " \
	"AND (CAST(?5 AS TEXT) IS NULL OR d.validity = ?5) " \
	"AND (CAST(?6 AS TEXT) IS NULL OR d.state = ?6) " \
	"AND (CAST(?7 AS TEXT) IS NULL OR d.disclosure = ?7) " \
	"AND ((?8 = 0 AND ?9 = 0) " \
	"     OR (d.state = 'published' AND d.published_date <= ?10) " \
	"     OR (?9 <> 0 AND d.agency_id = ?9 AND d.state <> 'withdrawn')) "
	[ST_DOC_NEXT_SERIAL] =
		"INSERT INTO document_serial (agency_id, year, last) "
		"VALUES (?, ?, 1) ON CONFLICT (agency_id, year) "
		"DO UPDATE SET last = document_serial.last + 1 RETURNING last",
	[ST_DOC_INSERT] =
		"INSERT INTO document (agency_id, round, index_no, title, doc_no, publisher, "
		"signed_date, published_date, topic, genre, disclosure, withheld_reason, "
		"withheld_ground, time_limit, validity, effective_date, invalid_date, summary, "
		"keywords, body, state, author, changed_date, reassess_due, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
		"?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26) RETURNING id",
	/* ?1 the document; ?2 its round, then the declared fields (its 索引号 and creation time
	 * never change) */
	[ST_DOC_UPDATE] =
		"UPDATE document SET round = ?2, index_no = coalesce(?3, index_no), title = ?4, "
		"doc_no = ?5, publisher = ?6, signed_date = ?7, published_date = ?8, topic = ?9, "
		"genre = ?10, disclosure = ?11, withheld_reason = ?12, withheld_ground = ?13, "
		"time_limit = ?14, validity = ?15, effective_date = ?16, invalid_date = ?17, "
		"summary = ?18, keywords = ?19, body = ?20, state = ?21, author = ?22, "
		"changed_date = ?23, reassess_due = ?24, created_at = coalesce(?25, created_at), "
		"updated_at = ?26 WHERE id = ?1",
	[ST_DOC_GET] =
		"SELECT " DOC_COLS("d.body") " FROM document d "
		"JOIN agency a ON a.id = d.agency_id WHERE d.id = ?",
	/* the organs' documents published in year ?3 (text "YYYY"), by organ (ORGANS) */
	[ST_DOC_ORGANS_PUBLISHED] =
		ORGANS
		"SELECT d.agency_id, count(*) FROM document d WHERE d.agency_id IN "
		"(SELECT id FROM region) AND d.state = 'published' "
		"AND substr(coalesce(d.published_date, d.signed_date, d.created_at), 1, 4) = ?3 "
		"GROUP BY d.agency_id ORDER BY d.agency_id",
	[ST_DOC_LIST] =
		"SELECT " DOC_COLS("NULL AS body") " FROM document d "
		"JOIN agency a ON a.id = d.agency_id WHERE " FILTER_SQL
		"ORDER BY coalesce(d.published_date, '') DESC, d.id DESC "
		"LIMIT ?11 OFFSET ?12",
	[ST_DOC_SEARCH_TOPICS] =
		"SELECT code, value FROM search_topic",
	[ST_DOC_SEARCH_GENRES] =
		"SELECT code, value FROM search_genre",
	[ST_DOC_SEARCH_DOC_OF] =
		"SELECT doc_id FROM search_doc WHERE key = ?",
	[ST_DOC_SEARCH_SCOPE] =
		"SELECT coalesce(sum(n), 0), coalesce(sum(n) FILTER (WHERE span >= ?3), 0) "
		"FROM search_span WHERE span BETWEEN ?1 AND ?2",
	/* the document, then the declared fields (store/records.c), then the rest */
	[ST_DOC_ATTACH] =
		"INSERT INTO document_attachment (doc_id, " DOC_ATTACHMENT_FIELDS ", size, "
		"data, created_at, text_state, text_note, extracted_text) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
	[ST_DOC_ATTACHMENTS] =
		"SELECT id, doc_id, " DOC_ATTACHMENT_FIELDS ", size, text_state, "
		"text_note, CASE WHEN ?2 <> 0 THEN extracted_text END "
		"FROM document_attachment WHERE doc_id = ?1 ORDER BY id",
	[ST_DOC_ATTACHMENT_DATA] =
		"SELECT data FROM document_attachment WHERE id = ?",
	[ST_DOC_FILED] =
		"SELECT d.id, d.agency_id FROM document d WHERE d.id > ?1 AND EXISTS "
		"(SELECT 1 FROM document_attachment a WHERE a.doc_id = d.id) ORDER BY d.id LIMIT ?2",
	[ST_DOC_ATTACHMENT_STATE] =
		"SELECT text_state FROM document_attachment WHERE id = ?",
	[ST_DOC_ATTACHMENT_TEXT] =
		"UPDATE document_attachment SET text_state = ?2, text_note = ?3, extracted_text = ?4 "
		"WHERE id = ?1",
	[ST_DOC_SERIALS] =
		"SELECT year, last FROM document_serial WHERE agency_id = ? ORDER BY year",
	[ST_DOC_SERIAL_PUT] =
		"INSERT INTO document_serial (agency_id, year, last) VALUES (?1, ?2, ?3) "
		"ON CONFLICT (agency_id, year) DO UPDATE SET last = ?3",
	/* the document, round, 保密审查, then the declared fields (store/records.c) */
	[ST_DOC_EVENT_ADD] =
		"INSERT INTO document_event (doc_id, round, secrecy_checked, " DOC_EVENT_FIELDS ") "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_DOC_EVENTS] =
		"SELECT id, doc_id, round, secrecy_checked, " DOC_EVENT_FIELDS " FROM document_event "
		"WHERE doc_id = ? ORDER BY id",


/* register */
#define NORMDOC_COLS "kind, issued, doc_no, title, repealed"
#define DECISION_COLS "kind, date, date_from, date_to, count, doc_no, title"
#define FEE_COLS "date, date_from, date_to, amount_fen, item"
#define CASE_COLS "kind, filed, case_no, application_id, result, closed, co_defendant, note"
#define FEEDBACK_COLS "ref_no, channel, received, body, contact, answered, answer"
#define NEWS_COLS "platform, date, title, url"
	[ST_REG_CHECK_CHANGEABLE] =
		"SELECT document_id FROM reg_normdoc WHERE id = ? AND agency_id = ?",
	[ST_REG_NORMDOC_SYNC] =
		"INSERT INTO reg_normdoc (agency_id, " NORMDOC_COLS ", document_id) "
		"VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id) DO UPDATE SET "
		"kind = excluded.kind, issued = excluded.issued, doc_no = excluded.doc_no, "
		"title = excluded.title, repealed = excluded.repealed RETURNING id",
#define INS(t, cols, q) "INSERT INTO " t " (agency_id, " cols ") VALUES (?, " q ") RETURNING id"
#define SEL(t, cols) "SELECT id, " cols " FROM " t " WHERE agency_id = ? ORDER BY id"
#define UPD(t, set) "UPDATE " t " SET " set " WHERE id = ? AND agency_id = ?"
#define DEL(t) "DELETE FROM " t " WHERE id = ? AND agency_id = ?"
/* the organs' rows (ORGANS), the organ's id last, by organ then id */
#define ORG(t, cols) ORGANS "SELECT id, " cols ", agency_id FROM " t " WHERE agency_id IN " \
	"(SELECT id FROM region) ORDER BY agency_id, id"
	[ST_REG_NORMDOC_ORGANS] = ORG("reg_normdoc", NORMDOC_COLS ", document_id"),
	[ST_REG_DECISION_ORGANS] = ORG("reg_decision", DECISION_COLS),
	[ST_REG_FEE_ORGANS] = ORG("reg_fee", FEE_COLS),
	[ST_REG_CASE_ORGANS] = ORG("reg_case", CASE_COLS),
	[ST_REG_FEEDBACK_ORGANS] = ORG("reg_feedback", FEEDBACK_COLS),
	[ST_REG_NEWS_ORGANS] = ORG("reg_news", NEWS_COLS),
	[ST_REG_NORMDOC_INSERT] = INS("reg_normdoc", NORMDOC_COLS, "?, ?, ?, ?, ?"),
	[ST_REG_NORMDOC_SELECT] = SEL("reg_normdoc", NORMDOC_COLS ", document_id"),
	[ST_REG_NORMDOC_UPDATE] = UPD("reg_normdoc", "kind = ?, issued = ?, doc_no = ?, title = ?, repealed = ?"),
	[ST_REG_NORMDOC_DELETE] = DEL("reg_normdoc"),
	[ST_REG_DECISION_INSERT] = INS("reg_decision", DECISION_COLS, "?, ?, ?, ?, ?, ?, ?"),
	[ST_REG_DECISION_SELECT] = SEL("reg_decision", DECISION_COLS),
	[ST_REG_DECISION_UPDATE] = UPD("reg_decision", "kind = ?, date = ?, date_from = ?, date_to = ?, count = ?, "
				       "doc_no = ?, title = ?"),
	[ST_REG_DECISION_DELETE] = DEL("reg_decision"),
	[ST_REG_FEE_INSERT] = INS("reg_fee", FEE_COLS, "?, ?, ?, ?, ?"),
	[ST_REG_FEE_SELECT] = SEL("reg_fee", FEE_COLS),
	[ST_REG_FEE_UPDATE] = UPD("reg_fee", "date = ?, date_from = ?, date_to = ?, amount_fen = ?, item = ?"),
	[ST_REG_FEE_DELETE] = DEL("reg_fee"),
	[ST_REG_CASE_INSERT] = INS("reg_case", CASE_COLS, "?, ?, ?, ?, ?, ?, ?, ?"),
	[ST_REG_CASE_SELECT] = SEL("reg_case", CASE_COLS),
	[ST_REG_CASE_UPDATE] = UPD("reg_case", "kind = ?, filed = ?, case_no = ?, application_id = ?, result = ?, "
				   "closed = ?, co_defendant = ?, note = ?"),
	[ST_REG_CASE_DELETE] = DEL("reg_case"),
	[ST_REG_FEEDBACK_INSERT] = INS("reg_feedback", FEEDBACK_COLS, "?, ?, ?, ?, ?, ?, ?"),
	[ST_REG_FEEDBACK_SELECT] = SEL("reg_feedback", FEEDBACK_COLS),
	[ST_REG_FEEDBACK_UPDATE] = UPD("reg_feedback", "ref_no = ?, channel = ?, received = ?, body = ?, contact = ?, "
				       "answered = ?, answer = ?"),
	[ST_REG_FEEDBACK_DELETE] = DEL("reg_feedback"),
	[ST_REG_NEWS_INSERT] = INS("reg_news", NEWS_COLS, "?, ?, ?, ?"),
	[ST_REG_NEWS_SELECT] = SEL("reg_news", NEWS_COLS),
	[ST_REG_NEWS_UPDATE] = UPD("reg_news", "platform = ?, date = ?, title = ?, url = ?"),
	[ST_REG_NEWS_DELETE] = DEL("reg_news"),

/* transfer: every column of each table (those an area reads and writes by its declaration
 * named once, above), its rows in the order of their ids */
#define COPY(id, table, cols, params) \
	[id##_READ] = "SELECT " cols " FROM " table " ORDER BY id", \
	[id##_WRITE] = "INSERT INTO " table " (" cols ") VALUES (" params ")"
	COPY(ST_COPY_AGENCY, "agency", AGENCY_COLS, "?, ?, ?, ?, ?, ?"),
	COPY(ST_COPY_APP_USER, "app_user", USER_COLS, "?, ?, ?, ?, ?, ?, ?"),
	COPY(ST_COPY_AUDIT_EVENT, "audit_event", AUDIT_COLS, "?, ?, ?, ?, ?, ?, ?, ?, ?, ?"),
	COPY(ST_COPY_APPLICATION, "application", APP_COLS, "?, ?" APP_FIELDS(PARAM)),
	COPY(ST_COPY_APP_EVENT, "app_event", EVENT_COLS, "?, ?" EVENT_FIELDS(PARAM)),
	[ST_COPY_APP_FILE_READ] =
		"SELECT id, app_id, event_id, name, mime, size, sha256, data, created_at "
		"FROM app_file ORDER BY id",
	[ST_COPY_APP_FILE_WRITE] =
		"INSERT INTO app_file (id, app_id, event_id, name, mime, size, sha256, data, "
		"created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_COPY_NOTICE_SERIAL_READ] =
		"SELECT agency_id, year, last FROM notice_serial ORDER BY agency_id, year",
	[ST_COPY_NOTICE_SERIAL_WRITE] =
		"INSERT INTO notice_serial (agency_id, year, last) VALUES (?, ?, ?)",
	COPY(ST_COPY_APP_NOTICE, "app_notice", APP_NOTICE_COLS, "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"),
	[ST_COPY_REG_NORMDOC_READ] =
		"SELECT id, agency_id, kind, issued, doc_no, title, repealed, document_id FROM "
		"reg_normdoc ORDER BY id",
	[ST_COPY_REG_NORMDOC_WRITE] =
		"INSERT INTO reg_normdoc (id, agency_id, kind, issued, doc_no, title, repealed, "
		"document_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_COPY_REG_DECISION_READ] =
		"SELECT id, agency_id, kind, date, date_from, date_to, count, doc_no, title FROM "
		"reg_decision ORDER BY id",
	[ST_COPY_REG_DECISION_WRITE] =
		"INSERT INTO reg_decision (id, agency_id, kind, date, date_from, date_to, count, "
		"doc_no, title) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_COPY_REG_FEE_READ] =
		"SELECT id, agency_id, date, date_from, date_to, amount_fen, item FROM reg_fee ORDER "
		"BY id",
	[ST_COPY_REG_FEE_WRITE] =
		"INSERT INTO reg_fee (id, agency_id, date, date_from, date_to, amount_fen, item) "
		"VALUES (?, ?, ?, ?, ?, ?, ?)",
	[ST_COPY_REG_CASE_READ] =
		"SELECT id, agency_id, kind, filed, case_no, application_id, result, closed, "
		"co_defendant, note FROM reg_case ORDER BY id",
	[ST_COPY_REG_CASE_WRITE] =
		"INSERT INTO reg_case (id, agency_id, kind, filed, case_no, application_id, result, "
		"closed, co_defendant, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_COPY_REG_FEEDBACK_READ] =
		"SELECT id, agency_id, ref_no, channel, received, body, contact, answered, answer "
		"FROM reg_feedback ORDER BY id",
	[ST_COPY_REG_FEEDBACK_WRITE] =
		"INSERT INTO reg_feedback (id, agency_id, ref_no, channel, received, body, contact, "
		"answered, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_COPY_REG_NEWS_READ] =
		"SELECT id, agency_id, platform, date, title, url FROM reg_news ORDER BY id",
	[ST_COPY_REG_NEWS_WRITE] =
		"INSERT INTO reg_news (id, agency_id, platform, date, title, url) VALUES (?, ?, ?, ?, "
		"?, ?)",
	[ST_COPY_REPORT_TEXT_READ] =
		"SELECT agency_id, year, section, body, updated_at, updated_by FROM report_text ORDER "
		"BY agency_id, year, section",
	[ST_COPY_REPORT_TEXT_WRITE] =
		"INSERT INTO report_text (agency_id, year, section, body, updated_at, updated_by) "
		"VALUES (?, ?, ?, ?, ?, ?)",
	[ST_COPY_REPORT_PUBLICATION_READ] =
		"SELECT id, agency_id, year, revision, format, reason, cells, sha256, published_at, "
		"published_by FROM report_publication ORDER BY id",
	[ST_COPY_REPORT_PUBLICATION_WRITE] =
		"INSERT INTO report_publication (id, agency_id, year, revision, format, reason, "
		"cells, sha256, published_at, published_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_COPY_REPORT_PUB_SECTION_READ] =
		"SELECT pub_id, section, body FROM report_pub_section ORDER BY pub_id, section",
	[ST_COPY_REPORT_PUB_SECTION_WRITE] =
		"INSERT INTO report_pub_section (pub_id, section, body) VALUES (?, ?, ?)",
	[ST_COPY_REPORT_ARTIFACT_READ] =
		"SELECT pub_id, kind, body, sha256 FROM report_artifact ORDER BY pub_id, kind",
	[ST_COPY_REPORT_ARTIFACT_WRITE] =
		"INSERT INTO report_artifact (pub_id, kind, body, sha256) VALUES (?, ?, ?, ?)",
	[ST_COPY_AGENCY_PROFILE_READ] =
		"SELECT agency_id, index_pattern, office, address, postcode, hours, phone, fax, "
		"email, website, channels, fees, scope, updated_at, fee_pause, correction_period, "
		"consult_cap, confirm_days, review_body, report_due, fee_account, notice_ref, "
		"notice_templates FROM "
		"agency_profile ORDER BY "
		"agency_id",
	[ST_COPY_AGENCY_PROFILE_WRITE] =
		"INSERT INTO agency_profile (agency_id, index_pattern, office, address, postcode, "
		"hours, phone, fax, email, website, channels, fees, scope, updated_at, fee_pause, "
		"correction_period, consult_cap, confirm_days, review_body, report_due, fee_account, "
		"notice_ref, notice_templates) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
		"?, ?, ?, ?, ?, ?)",
	[ST_COPY_DOCUMENT_SERIAL_READ] =
		"SELECT agency_id, year, last FROM document_serial ORDER BY agency_id, year",
	[ST_COPY_DOCUMENT_SERIAL_WRITE] =
		"INSERT INTO document_serial (agency_id, year, last) VALUES (?, ?, ?)",
	[ST_COPY_DOCUMENT_READ] =
		"SELECT id, agency_id, index_no, title, doc_no, publisher, signed_date, "
		"published_date, topic, genre, disclosure, withheld_reason, withheld_ground, "
		"time_limit, validity, effective_date, invalid_date, summary, keywords, body, state, "
		"round, author, changed_date, reassess_due, created_at, updated_at FROM document "
		"ORDER BY id",
	[ST_COPY_DOCUMENT_WRITE] =
		"INSERT INTO document (id, agency_id, index_no, title, doc_no, publisher, "
		"signed_date, published_date, topic, genre, disclosure, withheld_reason, "
		"withheld_ground, time_limit, validity, effective_date, invalid_date, summary, "
		"keywords, body, state, round, author, changed_date, reassess_due, created_at, "
		"updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
		"?, ?, ?, ?, ?, ?)",
	[ST_COPY_DOCUMENT_ATTACHMENT_READ] =
		"SELECT id, doc_id, name, mime, size, sha256, data, created_at, text_state, "
		"text_note, extracted_text FROM document_attachment ORDER BY id",
	[ST_COPY_DOCUMENT_ATTACHMENT_WRITE] =
		"INSERT INTO document_attachment (id, doc_id, name, mime, size, sha256, data, "
		"created_at, text_state, text_note, extracted_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
		"?, ?, ?)",
	[ST_COPY_DOCUMENT_EVENT_READ] =
		"SELECT id, doc_id, round, action, stage, decision, comment, secrecy_checked, actor, "
		"at FROM document_event ORDER BY id",
	[ST_COPY_DOCUMENT_EVENT_WRITE] =
		"INSERT INTO document_event (id, doc_id, round, action, stage, decision, comment, "
		"secrecy_checked, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_COPY_STAFF_SESSION_READ] =
		"SELECT token_hash, user_id, created_at, seen_at, client FROM staff_session ORDER BY "
		"token_hash",
	[ST_COPY_STAFF_SESSION_WRITE] =
		"INSERT INTO staff_session (token_hash, user_id, created_at, seen_at, client) VALUES "
		"(?, ?, ?, ?, ?)",
	[ST_COPY_SIGNIN_FAILURE_READ] =
		"SELECT id, at, account, client FROM signin_failure ORDER BY id",
	[ST_COPY_SIGNIN_FAILURE_WRITE] =
		"INSERT INTO signin_failure (id, at, account, client) VALUES (?, ?, ?, ?)",
	[ST_COPY_SIGNIN_LAST_READ] =
		"SELECT user_id, at, client, prev_at, prev_client, mark, prev_mark FROM signin_last "
		"ORDER BY user_id",
	[ST_COPY_SIGNIN_LAST_WRITE] =
		"INSERT INTO signin_last (user_id, at, client, prev_at, prev_client, mark, prev_mark) "
		"VALUES (?, ?, ?, ?, ?, ?, ?)",
	[ST_COPY_PASSWORD_HISTORY_READ] =
		"SELECT id, user_id, hash, at FROM password_history ORDER BY id",
	[ST_COPY_PASSWORD_HISTORY_WRITE] =
		"INSERT INTO password_history (id, user_id, hash, at) VALUES (?, ?, ?, ?)",
	[ST_COPY_USER_TOTP_READ] =
		"SELECT user_id, secret, confirmed, last_step FROM user_totp ORDER BY user_id",
	[ST_COPY_USER_TOTP_WRITE] =
		"INSERT INTO user_totp (user_id, secret, confirmed, last_step) VALUES (?, ?, ?, ?)",
};
#undef ORGANS
