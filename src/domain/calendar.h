/*
 * calendar.h — the official working-day calendar (工作日历) of mainland China.
 *
 * A date is a working day iff it is Monday–Friday and not listed as a `holiday`, or it is listed
 * as a `workday` (调休上班: a Saturday or Sunday that is worked). The lists come from the
 * State Council General Office's yearly notice (国务院办公厅关于YYYY年部分节假日安排的通知) and
 * are kept as TSV files: the shipped data/cn-workday-calendar.tsv, then any *.tsv of an
 * office's calendar directory (--calendar-dir / GONGKAI_CALENDAR_DIR), loaded in name order;
 * a later row for the same date replaces the earlier one (so next year's notice, or a
 * correction, can be dropped in without a new release).
 *
 * File format: UTF-8, '#' comment lines and blank lines ignored, every other line
 * `YYYY-MM-DD<TAB>holiday|workday<TAB>name`. A malformed row is refused with "file:line" and
 * what is wrong; a file with an error changes nothing.
 *
 * Coverage rule: year Y is *covered* when the loaded rows include at least one `holiday` dated
 * January–November of Y. Every annual notice lists 春节, 清明, 劳动节, 端午, 中秋 and 国庆, all
 * in that window; December rows are left out of the rule because a notice places the next
 * year's 元旦 there (2023-12-30 belongs to the 2024 notice), so they must not make the old
 * year look covered. Outside covered years the calendar still answers (Mon–Fri), and the clock
 * marks such answers unverified.
 *
 * Assumed days (推定): in a year that is not covered, the statutory days off of the 全国年节及
 * 纪念日放假办法 in force (domain/statutory.h: 元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆) are
 * days off even though no notice lists them, unless a loaded row names that date (a loaded row
 * always wins; a covered year has no assumed days at all). The notice's other days — bridging
 * days, 补假 for a statutory day on a weekend, 调休 workdays — cannot be predicted and are not
 * invented. An assumed day reads as CAL_HOLIDAY with a name marked "（推定）", so every
 * derivation that names it says it was assumed; calendar_assumed() tells which days they are.
 *
 * Lookups are O(1): one byte per day for 1900–2199 plus a running count of working days.
 * Depends on base/, text/date.h and domain/statutory. Law: 全国年节及纪念日放假办法 and the
 * yearly notices;
 * docs/spec/regulation-procedures.md §7.
 */
#ifndef GK_DOMAIN_CALENDAR_H
#define GK_DOMAIN_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"
#include "domain/statutory.h"

#define CALENDAR_FILE "cn-workday-calendar.tsv"  /* the shipped calendar, inside the data dir */
#define CALENDAR_FIRST_YEAR 1900                 /* the range of days the tables hold */
#define CALENDAR_LAST_YEAR 2199
#define CALENDAR_MAX_FILE ((size_t)4 << 20)      /* a calendar file larger than this is refused */
#define CALENDAR_MAX_NAME 64                     /* bytes of a holiday name */

enum calendar_kind {
	CAL_ORDINARY = 0,  /* not listed: a working day iff Mon–Fri */
	CAL_HOLIDAY,       /* listed `holiday`: not a working day */
	CAL_WORKDAY,       /* listed `workday`: a weekend day that is worked (调休上班) */
	CAL__MAX
};

struct calendar;

/* An empty calendar (every Mon–Fri a working day, no year covered). Caller frees it. */
struct calendar *calendar_new(void);
/* Release a calendar; cal may be NULL. Names returned by calendar_name die with it. */
void calendar_free(struct calendar *cal);

/* Load rows from text[0..len); label (a file name) is used in errors as "label:line".
 * All-or-nothing: on error the calendar is unchanged. ERR_INVALID for a malformed row
 * (e->field = "label:line"), ERR_LIMIT for too many distinct names. */
int calendar_load_text(struct calendar *cal, const char *label, const char *text, size_t len,
		       struct gk_error *e) GK_WUR;
/* Load one file (see calendar_load_text); ERR_IO naming the path if it cannot be read. */
int calendar_load_file(struct calendar *cal, const char *path, struct gk_error *e) GK_WUR;
/* Load every *.tsv of dir in byte order of their names. ERR_IO if dir cannot be opened. */
int calendar_load_dir(struct calendar *cal, const char *dir, struct gk_error *e) GK_WUR;
/* The usual start-up: data_dir/cn-workday-calendar.tsv, then extra_dir (may be NULL).
 * On success *out is a new calendar owned by the caller. */
int calendar_open(struct calendar **out, const char *data_dir, const char *extra_dir,
		  struct gk_error *e) GK_WUR;

/* 1 if day is a working day. Days outside 1900–2199: Mon–Fri. */
bool calendar_is_workday(const struct calendar *cal, int day);
/* How the calendar lists the day; an assumed day (calendar_assumed) is CAL_HOLIDAY. */
enum calendar_kind calendar_kind(const struct calendar *cal, int day);
/* The holiday a listed day belongs to ("国庆节"; for a workday, the holiday it makes up for),
 * for an assumed day its name marked as assumed ("春节（推定）"), or NULL for any other day.
 * Owned by the calendar (or static). */
const char *calendar_name(const struct calendar *cal, int day);
/* The statutory day the calendar assumes to be off on `day` (its year not covered, no row
 * loaded for the date), or NULL. Static storage. */
const struct statutory_day *calendar_assumed(const struct calendar *cal, int day);
/* 1 if year is covered by an official notice (the rule at the top of this file). */
bool calendar_covered(const struct calendar *cal, int year);
/* The first year of [year(from), year(to)] that is not covered, or 0 if all are. */
int calendar_first_uncovered(const struct calendar *cal, int from, int to);
/* Working days in the interval (after, until]; 0 if until <= after. O(1). */
int calendar_count_workdays(const struct calendar *cal, int after, int until);
/* The n-th working day strictly after day (n >= 1), without derivation — for bulk use (the
 * ledger's lists, the bench). The clock module gives the same date with its derivation. */
int calendar_add_workdays(const struct calendar *cal, int day, int n);
/* Working days in year y. */
int calendar_workdays_in_year(const struct calendar *cal, int year);
/* The first listed day >= from, or -1 if none up to the end of 2199 (to iterate the loaded
 * rows; assumed days are not rows). */
int calendar_next_listed(const struct calendar *cal, int from);
/* Number of files loaded so far (for messages). */
int calendar_files(const struct calendar *cal);

/* "holiday", "workday" or "ordinary". */
const char *calendar_kind_name(enum calendar_kind kind);

#endif
