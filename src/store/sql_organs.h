/*
 * sql_organs.h — SQL text shared by the statement files (store/sql_common.c and the dialects'
 * own): what an annual report reads of an organ or a region, and the year's applications from
 * their tally. Text only; depends on nothing.
 */
#ifndef GK_STORE_SQL_ORGANS_H
#define GK_STORE_SQL_ORGANS_H

/* What an annual report reads of organ ?1 alone (?2 <> 0), or of organ ?1 and every organ under
 * it at once (?2 = 0: a region, whose 1,000 organs are read by one statement, not 1,000): the
 * organs of the statements named *_ORGANS_*, each of which gives rows by organ. */
#define ORGANS \
	"WITH RECURSIVE region(id) AS (SELECT CAST(?1 AS BIGINT) UNION ALL " \
	"SELECT g.id FROM agency g JOIN region r ON g.parent_id = r.id WHERE ?2 = 0) "

/* An organ's year for its annual report (?3), or that of a region (ORGANS), by organ, from the
 * tally of applications (migration 21) as the relation `tallies` gives it (agency_id,
 * applicant_type, received_year, closed_year, outcome, n): received by the end of the year and
 * open at its start; carried in if received before it; closed_as NULL unless closed in the
 * year, else its outcome ('' if none). Not grouped again: the caller adds the tallies up
 * (grouping 94,000 tallies into 72,000 took PostgreSQL 60 ms of 160). */
#define APP_ORGANS_YEAR(tallies) \
	ORGANS \
	"SELECT agency_id, applicant_type, " \
	"CASE WHEN received_year < ?3 THEN 1 ELSE 0 END AS carried_in, " \
	"CASE WHEN closed_year = ?3 THEN outcome END AS closed_as, n " \
	"FROM " tallies " WHERE agency_id IN (SELECT id FROM region) " \
	"AND received_year <= ?3 AND (closed_year = 0 OR closed_year >= ?3) " \
	"ORDER BY agency_id"

#endif
