/*
 * sql_postgresql.c — the statements PostgreSQL says its own way (the rest are portable:
 * store/sql_common.c). Names: store/stmt.h. Depends on store/stmt.h only.
 */
#include "store/stmt.h"

const char *const sql_postgresql[STMT_COUNT] = {
	/* the largest all-digit serial after the prefix ?2 */
	[ST_REG_FEEDBACK_MAX_SERIAL] =
		"SELECT coalesce(max(CAST(substr(ref_no, length(?2) + 1) AS NUMERIC)), 0) "
		"FROM reg_feedback WHERE agency_id = ?1 AND substr(ref_no, 1, length(?2)) = ?2 "
		"AND substr(ref_no, length(?2) + 1) ~ '^[0-9]+$'",
};
