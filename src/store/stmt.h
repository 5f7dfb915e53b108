/*
 * stmt.h — the names of every SQL statement the store areas run (one list for all dialects).
 *
 * Area code (store/<area>_store.c) asks for a statement by name — db_stmt(s, ST_APP_GET, …) —
 * and gets its text from store/sql_common.c when every dialect reads it alike, else from the
 * dialect's own file (store/sql_sqlite.c, store/sql_postgresql.c): tables indexed by these
 * names. To add a statement: one X(NAME) line here, in the area's block, and its text in
 * sql_common.c or in every dialect's file (test_store_statements fails otherwise). Parameters are
 * numbered from 1 in the order the area code binds them; columns are read by position.
 * Depends on nothing.
 */
#ifndef GK_STORE_STMT_H
#define GK_STORE_STMT_H

#define STORE_STATEMENTS \
	/* organs: agency_store.c */ \
	X(AGENCY_INSERT) \
	X(AGENCY_GET) \
	X(AGENCY_FIND_NAME) \
	X(AGENCY_LIST) \
	X(AGENCY_COUNT) \
	X(AGENCY_PROFILE_GET) \
	X(AGENCY_PROFILE_PUT) \
	/* audit log: audit_store.c */ \
	X(AUDIT_LAST) \
	X(AUDIT_APPEND) \
	X(AUDIT_LIST_ALL) \
	X(AUDIT_LIST_ONE) \
	/* applications: app_store.c */ \
	X(APP_INSERT) \
	X(APP_GET) \
	X(APP_GET_BY_CODE) \
	X(APP_UPDATE_SUMMARY) \
	X(APP_EVENT_INSERT) \
	X(APP_EVENTS) \
	X(APP_LIST_ALL) \
	X(APP_LIST_ORGAN) \
	X(APP_ORDINAL_IN_MONTH) \
	X(APP_ORGANS_YEAR) \
	X(APP_ORGANS_FEES) \
	X(APP_FILE_INSERT) \
	X(APP_FILES) \
	X(APP_FILE_GET) \
	X(APP_NOTICE_NEXT_SERIAL) \
	X(APP_NOTICE_SERIAL_PUT) \
	X(APP_NOTICE_INSERT) \
	X(APP_NOTICES) \
	/* staff accounts: user_store.c */ \
	X(USER_INSERT) \
	X(USER_GET_BY_NAME) \
	X(USER_GET) \
	X(USER_SET_PASSWORD) \
	X(USER_SET_ROLE) \
	X(USER_LIST) \
	X(USER_HISTORY_ADD) \
	X(USER_HISTORY_TRIM) \
	X(USER_HISTORY_LIST) \
	X(USER_TOTP_GET) \
	X(USER_TOTP_DELETE) \
	X(USER_TOTP_PUT) \
	X(USER_TOTP_LIST) \
	/* sign-in sessions: session_store.c */ \
	X(SESSION_INSERT) \
	X(SESSION_GET) \
	X(SESSION_TOUCH) \
	X(SESSION_REMOVE_ONE) \
	X(SESSION_REMOVE_USER) \
	X(SESSION_REMOVE_EXPIRED) \
	X(SESSION_TRIM_USER) \
	/* sign-in failures and news: signin_store.c */ \
	X(SIGNIN_FAIL_ADD) \
	X(SIGNIN_FAIL_COUNT) \
	X(SIGNIN_FAIL_LIST) \
	X(SIGNIN_FAIL_PRUNE) \
	X(SIGNIN_RECORD) \
	X(SIGNIN_LAST) \
	/* what the web processes share: shared_store.c */ \
	X(RATE_HIT) \
	X(RATE_PRUNE) \
	X(SECRET_ADD) \
	X(SECRET_GET) \
	/* annual reports: report_store.c */ \
	X(REPORT_ORGANS_TEXTS) \
	X(REPORT_ORGANS_PUBS) \
	X(REPORT_TEXT_GET) \
	X(REPORT_TEXT_LIST) \
	X(REPORT_TEXT_UPDATE) \
	X(REPORT_TEXT_INSERT) \
	X(REPORT_PUB_INSERT) \
	X(REPORT_PUB_SECTION_INSERT) \
	X(REPORT_ARTIFACT_INSERT) \
	X(REPORT_PUB_GET) \
	X(REPORT_PUB_SECTIONS) \
	X(REPORT_ARTIFACT_GET) \
	X(REPORT_PUB_LIST) \
	/* catalogue: doc_store.c */ \
	X(DOC_NEXT_SERIAL) \
	X(DOC_INSERT) \
	X(DOC_UPDATE) \
	X(DOC_GET) \
	X(DOC_ORGANS_PUBLISHED) \
	X(DOC_LIST) \
	X(DOC_SEARCH_TOPICS) \
	X(DOC_SEARCH_GENRES) \
	X(DOC_SEARCH_DOC_OF) \
	X(DOC_SEARCH_SCOPE) \
	X(DOC_ATTACH) \
	X(DOC_ATTACHMENTS) \
	X(DOC_ATTACHMENT_DATA) \
	X(DOC_SERIALS) \
	X(DOC_SERIAL_PUT) \
	X(DOC_EVENT_ADD) \
	X(DOC_EVENTS) \
	/* registers: register_store.c */ \
	X(REG_CHECK_CHANGEABLE) \
	X(REG_NORMDOC_SYNC) \
	X(REG_FEEDBACK_MAX_SERIAL) \
	X(REG_NORMDOC_INSERT) \
	X(REG_NORMDOC_SELECT) \
	X(REG_NORMDOC_ORGANS) \
	X(REG_NORMDOC_UPDATE) \
	X(REG_NORMDOC_DELETE) \
	X(REG_DECISION_INSERT) \
	X(REG_DECISION_SELECT) \
	X(REG_DECISION_ORGANS) \
	X(REG_DECISION_UPDATE) \
	X(REG_DECISION_DELETE) \
	X(REG_FEE_INSERT) \
	X(REG_FEE_SELECT) \
	X(REG_FEE_ORGANS) \
	X(REG_FEE_UPDATE) \
	X(REG_FEE_DELETE) \
	X(REG_CASE_INSERT) \
	X(REG_CASE_SELECT) \
	X(REG_CASE_ORGANS) \
	X(REG_CASE_UPDATE) \
	X(REG_CASE_DELETE) \
	X(REG_FEEDBACK_INSERT) \
	X(REG_FEEDBACK_SELECT) \
	X(REG_FEEDBACK_ORGANS) \
	X(REG_FEEDBACK_UPDATE) \
	X(REG_FEEDBACK_DELETE) \
	X(REG_NEWS_INSERT) \
	X(REG_NEWS_SELECT) \
	X(REG_NEWS_ORGANS) \
	X(REG_NEWS_UPDATE) \
	X(REG_NEWS_DELETE) \
	/* whole tables, for gongkai migrate: transfer.c */ \
	X(COPY_AGENCY_READ) \
	X(COPY_AGENCY_WRITE) \
	X(COPY_APP_USER_READ) \
	X(COPY_APP_USER_WRITE) \
	X(COPY_AUDIT_EVENT_READ) \
	X(COPY_AUDIT_EVENT_WRITE) \
	X(COPY_APPLICATION_READ) \
	X(COPY_APPLICATION_WRITE) \
	X(COPY_APP_EVENT_READ) \
	X(COPY_APP_EVENT_WRITE) \
	X(COPY_APP_FILE_READ) \
	X(COPY_APP_FILE_WRITE) \
	X(COPY_NOTICE_SERIAL_READ) \
	X(COPY_NOTICE_SERIAL_WRITE) \
	X(COPY_APP_NOTICE_READ) \
	X(COPY_APP_NOTICE_WRITE) \
	X(COPY_REG_NORMDOC_READ) \
	X(COPY_REG_NORMDOC_WRITE) \
	X(COPY_REG_DECISION_READ) \
	X(COPY_REG_DECISION_WRITE) \
	X(COPY_REG_FEE_READ) \
	X(COPY_REG_FEE_WRITE) \
	X(COPY_REG_CASE_READ) \
	X(COPY_REG_CASE_WRITE) \
	X(COPY_REG_FEEDBACK_READ) \
	X(COPY_REG_FEEDBACK_WRITE) \
	X(COPY_REG_NEWS_READ) \
	X(COPY_REG_NEWS_WRITE) \
	X(COPY_REPORT_TEXT_READ) \
	X(COPY_REPORT_TEXT_WRITE) \
	X(COPY_REPORT_PUBLICATION_READ) \
	X(COPY_REPORT_PUBLICATION_WRITE) \
	X(COPY_REPORT_PUB_SECTION_READ) \
	X(COPY_REPORT_PUB_SECTION_WRITE) \
	X(COPY_REPORT_ARTIFACT_READ) \
	X(COPY_REPORT_ARTIFACT_WRITE) \
	X(COPY_AGENCY_PROFILE_READ) \
	X(COPY_AGENCY_PROFILE_WRITE) \
	X(COPY_DOCUMENT_SERIAL_READ) \
	X(COPY_DOCUMENT_SERIAL_WRITE) \
	X(COPY_DOCUMENT_READ) \
	X(COPY_DOCUMENT_WRITE) \
	X(COPY_DOCUMENT_ATTACHMENT_READ) \
	X(COPY_DOCUMENT_ATTACHMENT_WRITE) \
	X(COPY_DOCUMENT_EVENT_READ) \
	X(COPY_DOCUMENT_EVENT_WRITE) \
	X(COPY_STAFF_SESSION_READ) \
	X(COPY_STAFF_SESSION_WRITE) \
	X(COPY_SIGNIN_FAILURE_READ) \
	X(COPY_SIGNIN_FAILURE_WRITE) \
	X(COPY_SIGNIN_LAST_READ) \
	X(COPY_SIGNIN_LAST_WRITE) \
	X(COPY_PASSWORD_HISTORY_READ) \
	X(COPY_PASSWORD_HISTORY_WRITE) \
	X(COPY_USER_TOTP_READ) \
	X(COPY_USER_TOTP_WRITE) \
	/* end */

enum stmt_id {
#define X(name) ST_##name,
	STORE_STATEMENTS
#undef X
	STMT_COUNT
};

/* The statements' text by enum stmt_id: the portable ones (store/sql_common.c), and each
 * dialect's own (NULL where the portable text serves). */
extern const char *const sql_common[STMT_COUNT];
extern const char *const sql_sqlite[STMT_COUNT];
extern const char *const sql_postgresql[STMT_COUNT];

/* "APP_GET" for ST_APP_GET (for messages). */
const char *stmt_name(enum stmt_id id);

#endif
