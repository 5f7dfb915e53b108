/*
 * sql_sqlite.c — the statements SQLite says its own way (the rest are portable:
 * store/sql_common.c). Names: store/stmt.h. Depends on store/stmt.h and store/sql_organs.h
 * only.
 */
#include "store/sql_organs.h"
#include "store/stmt.h"

const char *const sql_sqlite[STMT_COUNT] = {
	/* the tally as the triggers keep it, row by row */
	[ST_APP_ORGANS_YEAR] = APP_ORGANS_YEAR("app_tally"),
	/* the largest all-digit serial after the prefix ?2 (GLOB: SQLite has no regular
	 * expressions) */
	[ST_REG_FEEDBACK_MAX_SERIAL] =
		"SELECT coalesce(max(CAST(substr(ref_no, length(?2) + 1) AS INTEGER)), 0) "
		"FROM reg_feedback WHERE agency_id = ?1 AND substr(ref_no, 1, length(?2)) = ?2 "
		"AND substr(ref_no, length(?2) + 1) GLOB '[0-9]*' "
		"AND NOT substr(ref_no, length(?2) + 1) GLOB '*[^0-9]*'",
};
