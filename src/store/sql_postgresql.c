/*
 * sql_postgresql.c — the statements PostgreSQL says its own way (the rest are portable:
 * store/sql_common.c). Names: store/stmt.h. Depends on store/stmt.h and store/sql_organs.h
 * only.
 */
#include "store/sql_organs.h"
#include "store/stmt.h"

const char *const sql_postgresql[STMT_COUNT] = {
	/* the tally as committed, and the transaction's own changes not yet folded into it
	 * (app_tally_pending: migration 21): a report read in the transaction that recorded the
	 * applications counts them */
	[ST_APP_ORGANS_YEAR] = APP_ORGANS_YEAR(
		"(SELECT agency_id, applicant_type, received_year, closed_year, outcome, n "
		"FROM app_tally UNION ALL SELECT agency_id, applicant_type, received_year, "
		"closed_year, outcome, d FROM app_tally_pending) AS tallies"),
	/* the largest all-digit serial after the prefix ?2 */
	[ST_REG_FEEDBACK_MAX_SERIAL] =
		"SELECT coalesce(max(CAST(substr(ref_no, length(?2) + 1) AS NUMERIC)), 0) "
		"FROM reg_feedback WHERE agency_id = ?1 AND substr(ref_no, 1, length(?2)) = ?2 "
		"AND substr(ref_no, length(?2) + 1) ~ '^[0-9]+$'",
};
