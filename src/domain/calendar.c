/*
 * calendar.c — the working-day calendar: TSV loading, coverage, O(1) day lookups.
 *
 * Tables span 1900-01-01 .. 2199-12-31 (the range text/date.h parses): one kind byte, one
 * name index and one "is a working day" byte per day, plus a running count of working days so
 * that counting over an interval is a subtraction. They are rebuilt after every file load
 * (a few hundred microseconds), so lookups never check for staleness. The days the calendar
 * assumes in years no notice covers (calendar.h) are not stored as rows: the rebuild takes
 * them off the working days, and the lookups ask domain/statutory for their names.
 * May call base/, text/ and domain/statutory. Law: the yearly 放假安排 notices and the
 * 全国年节及纪念日放假办法 (see calendar.h).
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/mem.h"
#include "domain/calendar.h"
#include "text/date.h"
#include "text/utf8.h"

#define NYEARS (CALENDAR_LAST_YEAR - CALENDAR_FIRST_YEAR + 1)
#define MAX_NAMES 255
#define MAX_DIR_FILES 1000

struct calendar {
	int first;               /* day number of 1900-01-01 */
	int ndays;               /* days in the tables */
	uint8_t *kind;           /* enum calendar_kind per day */
	uint8_t *name;           /* index into names (0 = none) per day */
	uint8_t *work;           /* 1 if a working day */
	int32_t *cum;            /* cum[i] = working days among the first i days */
	uint8_t covered[NYEARS];
	char *names[MAX_NAMES + 1];  /* names[0] unused */
	int nnames;
	int nfiles;
};

/* One parsed row, kept until the whole file is known to be good. */
struct row {
	int day;
	int line;
	uint8_t kind;
	uint8_t name;
};

static int weekday_is_work(int day)
{
	return date_weekday(day) <= 5;
}

/* Recompute the derived tables (covered, work, cum) from kind and the statutory days. */
static void rebuild(struct calendar *cal)
{
	int32_t sum = 0;
	int wd = date_weekday(cal->first);  /* ISO weekday, advanced day by day */

	memset(cal->covered, 0, sizeof cal->covered);
	for (int i = 0; i < cal->ndays; i++, wd = wd % 7 + 1) {
		uint8_t k = cal->kind[i];
		cal->work[i] = (uint8_t)(k == CAL_WORKDAY || (k == CAL_ORDINARY && wd <= 5));
		if (k == CAL_HOLIDAY) {
			int y, m;
			date_split(cal->first + i, &y, &m, NULL);
			if (m <= 11)  /* the coverage rule of calendar.h */
				cal->covered[y - CALENDAR_FIRST_YEAR] = 1;
		}
	}
	/* REQ 放假办法-2: years no notice covers — the statutory days off, where no row names the
	 * date (a loaded row always wins). */
	for (int y = CALENDAR_FIRST_YEAR; y <= CALENDAR_LAST_YEAR; y++) {
		const struct statutory_day *sd;
		size_t n;
		if (cal->covered[y - CALENDAR_FIRST_YEAR])
			continue;
		sd = statutory_year(y, &n);
		for (size_t j = 0; j < n && sd[j].day != STATUTORY_UNDATED; j++)
			if (cal->kind[sd[j].day - cal->first] == CAL_ORDINARY)
				cal->work[sd[j].day - cal->first] = 0;
	}
	for (int i = 0; i < cal->ndays; i++) {
		cal->cum[i] = sum;
		sum += cal->work[i];
	}
	cal->cum[cal->ndays] = sum;
}

struct calendar *calendar_new(void)
{
	struct calendar *cal = xcalloc(1, sizeof *cal);

	cal->first = date_make(CALENDAR_FIRST_YEAR, 1, 1);
	cal->ndays = date_make(CALENDAR_LAST_YEAR + 1, 1, 1) - cal->first;
	cal->kind = xcalloc((size_t)cal->ndays, 1);
	cal->name = xcalloc((size_t)cal->ndays, 1);
	cal->work = xcalloc((size_t)cal->ndays, 1);
	cal->cum = xcalloc((size_t)cal->ndays + 1, sizeof *cal->cum);
	rebuild(cal);
	return cal;
}

void calendar_free(struct calendar *cal)
{
	if (cal == NULL)
		return;
	for (int i = 1; i <= cal->nnames; i++)
		free(cal->names[i]);
	free(cal->kind);
	free(cal->name);
	free(cal->work);
	free(cal->cum);
	free(cal);
}

/* The index of name s[0..len), adding it if new; 0 with ERR_LIMIT when the table is full. */
static int intern(struct calendar *cal, const char *s, size_t len)
{
	for (int i = 1; i <= cal->nnames; i++)
		if (strlen(cal->names[i]) == len && memcmp(cal->names[i], s, len) == 0)
			return i;
	if (cal->nnames >= MAX_NAMES)
		return 0;
	cal->names[++cal->nnames] = xstrndup(s, len);
	return cal->nnames;
}

/* Split line[0..len) at tabs into at most 4 fields; returns the number of fields. */
static int split_tabs(const char *line, size_t len, struct strv f[4])
{
	int n = 0;
	size_t start = 0;

	for (size_t i = 0; i <= len; i++) {
		if (i == len || line[i] == '\t') {
			if (n < 4)
				f[n] = (struct strv){ line + start, i - start };
			n++;
			start = i + 1;
		}
	}
	return n;
}

/* Parse and check one data row; on error fill e with field "label:lineno". */
/* "FILE:LINE" for an error's field (struct gk_error: 64 bytes): a longer path keeps its end,
 * where the file's name and the line are, after "…" (cut between whole UTF-8 characters). */
static void row_where(char *out, size_t n, const char *label, int line)
{
	char full[4200];
	size_t len, keep = sizeof ((struct gk_error *)0)->field - 4, from;

	snprintf(full, sizeof full, "%s:%d", label, line);
	len = strlen(full);
	if (len < n && len < sizeof ((struct gk_error *)0)->field) {
		memcpy(out, full, len + 1);
		return;
	}
	from = len - keep;
	while (from < len && ((unsigned char)full[from] & 0xC0) == 0x80)
		from++;
	snprintf(out, n, "…%s", full + from);
}

static int parse_row(struct calendar *cal, const char *where, const char *line, size_t len,
		     struct row *r, struct gk_error *e)
{
	struct strv f[4];
	char date[16];
	int nf = split_tabs(line, len, f);
	int rc;

	if (nf != 3)
		return err_set(e, ERR_INVALID, where,
			       "应有 3 个以 TAB 分隔的字段（日期、类别、名称），实有 %d 个", nf);
	if (f[0].len >= sizeof date)
		return err_set(e, ERR_INVALID, where, "日期“%.*s”有误（应为 YYYY-MM-DD）",
			       (int)(f[0].len > 20 ? 20 : f[0].len), f[0].ptr);
	memcpy(date, f[0].ptr, f[0].len);
	date[f[0].len] = '\0';
	if ((rc = date_parse(date, &r->day, where, NULL)) != 0)
		return err_set(e, ERR_INVALID, where, "日期“%s”有误（应为 %d–%d 年间实有的日期 YYYY-MM-DD）",
			       date, CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR);
	if (strv_eq(f[1], "holiday"))
		r->kind = CAL_HOLIDAY;
	else if (strv_eq(f[1], "workday"))
		r->kind = CAL_WORKDAY;
	else
		return err_set(e, ERR_INVALID, where, "类别“%.*s”无法识别（应为 holiday 或 workday）",
			       (int)(f[1].len > 40 ? 40 : f[1].len), f[1].ptr);
	if (r->kind == CAL_WORKDAY && weekday_is_work(r->day))
		return err_set(e, ERR_INVALID, where,
			       "%s 是调休上班（workday）行，却不是星期六或星期日（周一至周五本来就上班）",
			       date);
	if (f[2].len == 0 || f[2].len > CALENDAR_MAX_NAME || !utf8_valid(f[2].ptr, f[2].len))
		return err_set(e, ERR_INVALID, where,
			       "名称有误：应为 1–%d 字节的 UTF-8 文字（节日名称，如 国庆节）",
			       CALENDAR_MAX_NAME);
	if ((r->name = (uint8_t)intern(cal, f[2].ptr, f[2].len)) == 0)
		return err_set(e, ERR_LIMIT, where, "不同的节日名称超过 %d 个", MAX_NAMES);
	return 0;
}

static int row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	if (x->day != y->day)
		return (x->day > y->day) - (x->day < y->day);
	return (x->line > y->line) - (x->line < y->line);
}

int calendar_load_text(struct calendar *cal, const char *label, const char *text, size_t len,
		       struct gk_error *e)
{
	struct row *rows = NULL;
	size_t nrows = 0, cap = 0;
	size_t pos = 0;
	int lineno = 0, rc = 0;
	int nnames_before = cal->nnames;

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;  /* a BOM written by an office editor */
	while (pos < len) {
		const char *line = text + pos;
		const char *nl = memchr(line, '\n', len - pos);
		size_t l = nl ? (size_t)(nl - line) : len - pos;
		char where[300];

		pos += l + (nl ? 1 : 0);
		lineno++;
		if (l > 0 && line[l - 1] == '\r')
			l--;
		if (l == 0 || line[0] == '#')
			continue;
		row_where(where, sizeof where, label, lineno);
		if (nrows == cap) {
			cap = cap ? cap * 2 : 256;
			rows = xrealloc(rows, cap * sizeof *rows);
		}
		if ((rc = parse_row(cal, where, line, l, &rows[nrows], e)) != 0)
			goto out;
		rows[nrows++].line = lineno;
	}
	/* Duplicates within one file: sort a copy by (date, line) and compare neighbours. */
	if (nrows > 1) {
		struct row *sorted = xmalloc(nrows * sizeof *sorted);
		memcpy(sorted, rows, nrows * sizeof *sorted);
		qsort(sorted, nrows, sizeof *sorted, row_cmp);
		for (size_t i = 1; i < nrows && rc == 0; i++) {
			if (sorted[i].day == sorted[i - 1].day) {
				char d[DATE_LEN], where[300];
				row_where(where, sizeof where, label, sorted[i].line);
				rc = err_set(e, ERR_INVALID, where,
					     "日期 %s 重复（本文件第 %d 行已有）",
					     date_format(sorted[i].day, d), sorted[i - 1].line);
			}
		}
		free(sorted);
		if (rc)
			goto out;
	}
	for (size_t i = 0; i < nrows; i++) {
		int k = rows[i].day - cal->first;
		cal->kind[k] = rows[i].kind;
		cal->name[k] = rows[i].name;
	}
	cal->nfiles++;
	rebuild(cal);
out:
	if (rc) {  /* forget names only this file brought */
		for (int i = nnames_before + 1; i <= cal->nnames; i++)
			free(cal->names[i]);
		cal->nnames = nnames_before;
	}
	free(rows);
	return rc;
}

int calendar_load_file(struct calendar *cal, const char *path, struct gk_error *e)
{
	struct buf b;
	int rc;

	buf_init(&b, CALENDAR_MAX_FILE);
	if ((rc = buf_read_file(&b, path, e)) != 0)
		goto out;
	rc = calendar_load_text(cal, path, buf_cstr(&b), b.len, e);
out:
	buf_free(&b);
	return rc;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int calendar_load_dir(struct calendar *cal, const char *dir, struct gk_error *e)
{
	DIR *d;
	struct dirent *de;
	char **files = NULL;
	size_t n = 0;
	int rc = 0;

	if ((d = opendir(dir)) == NULL)
		return err_set(e, ERR_IO, "calendar_dir", "不能打开日历目录 %s", dir);
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);
		if (de->d_name[0] == '.' || l < 5 || strcmp(de->d_name + l - 4, ".tsv") != 0)
			continue;
		if (n >= MAX_DIR_FILES) {
			rc = err_set(e, ERR_LIMIT, "calendar_dir", "%s 中的文件超过 %d 个", dir,
				     MAX_DIR_FILES);
			goto out;
		}
		files = xrealloc(files, (n + 1) * sizeof *files);
		files[n++] = xasprintf("%s/%s", dir, de->d_name);
	}
	qsort(files, n, sizeof *files, name_cmp);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = calendar_load_file(cal, files[i], e);
out:
	closedir(d);
	for (size_t i = 0; i < n; i++)
		free(files[i]);
	free(files);
	return rc;
}

int calendar_open(struct calendar **out, const char *data_dir, const char *extra_dir,
		  struct gk_error *e)
{
	struct calendar *cal = calendar_new();
	char *path = xasprintf("%s/%s", data_dir, CALENDAR_FILE);
	int rc;

	if ((rc = calendar_load_file(cal, path, e)) != 0)
		goto out;
	if (extra_dir && (rc = calendar_load_dir(cal, extra_dir, e)) != 0)
		goto out;
	*out = cal;
	cal = NULL;
out:
	free(path);
	calendar_free(cal);
	return rc;
}

static int in_range(const struct calendar *cal, int day)
{
	return day >= cal->first && day < cal->first + cal->ndays;
}

bool calendar_is_workday(const struct calendar *cal, int day)
{
	if (!in_range(cal, day))
		return weekday_is_work(day);
	return cal->work[day - cal->first];
}

const struct statutory_day *calendar_assumed(const struct calendar *cal, int day)
{
	if (!in_range(cal, day) || cal->kind[day - cal->first] != CAL_ORDINARY ||
	    calendar_covered(cal, date_year(day)))
		return NULL;
	return statutory_find(day);
}

enum calendar_kind calendar_kind(const struct calendar *cal, int day)
{
	if (!in_range(cal, day))
		return CAL_ORDINARY;
	if (cal->kind[day - cal->first] != CAL_ORDINARY)
		return (enum calendar_kind)cal->kind[day - cal->first];
	return calendar_assumed(cal, day) ? CAL_HOLIDAY : CAL_ORDINARY;
}

const char *calendar_name(const struct calendar *cal, int day)
{
	const struct statutory_day *sd;
	int i = in_range(cal, day) ? cal->name[day - cal->first] : 0;

	if (i)
		return cal->names[i];
	sd = calendar_assumed(cal, day);
	return sd ? sd->presumed : NULL;
}

bool calendar_covered(const struct calendar *cal, int year)
{
	if (year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR)
		return false;
	return cal->covered[year - CALENDAR_FIRST_YEAR];
}

int calendar_first_uncovered(const struct calendar *cal, int from, int to)
{
	for (int y = date_year(from), last = date_year(to); y <= last; y++)
		if (!calendar_covered(cal, y))
			return y;
	return 0;
}

/* Working days among days < day, by the running count; outside the tables by weekday. */
static long work_before(const struct calendar *cal, int day)
{
	long n;

	if (day <= cal->first) {  /* only Mon–Fri before 1900 */
		long back = 0;
		for (int d = day; d < cal->first; d++)
			back += weekday_is_work(d);
		return -back;
	}
	if (day <= cal->first + cal->ndays)
		return cal->cum[day - cal->first];
	n = cal->cum[cal->ndays];
	for (int d = cal->first + cal->ndays; d < day; d++)
		n += weekday_is_work(d);
	return n;
}

int calendar_count_workdays(const struct calendar *cal, int after, int until)
{
	if (until <= after)
		return 0;
	return (int)(work_before(cal, until + 1) - work_before(cal, after + 1));
}

int calendar_add_workdays(const struct calendar *cal, int day, int n)
{
	int d = day;

	while (n > 0) {
		d++;
		if (in_range(cal, d) ? cal->work[d - cal->first] : weekday_is_work(d))
			n--;
	}
	return d;
}

int calendar_workdays_in_year(const struct calendar *cal, int year)
{
	return calendar_count_workdays(cal, date_make(year, 1, 1) - 1, date_make(year, 12, 31));
}

int calendar_next_listed(const struct calendar *cal, int from)
{
	int d = from < cal->first ? cal->first : from;

	for (; d < cal->first + cal->ndays; d++)
		if (cal->kind[d - cal->first] != CAL_ORDINARY)
			return d;
	return -1;
}

int calendar_files(const struct calendar *cal)
{
	return cal->nfiles;
}

const char *calendar_kind_name(enum calendar_kind kind)
{
	switch (kind) {
	case CAL_HOLIDAY:
		return "holiday";
	case CAL_WORKDAY:
		return "workday";
	default:
		return "ordinary";
	}
}
