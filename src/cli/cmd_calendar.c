/*
 * cmd_calendar.c — `gongkai calendar YEAR [--json]`: a year of the working-day calendar.
 *
 * Text: twelve months three abreast like cal(1), holidays marked '*' and adjusted working
 * days '+', a legend, the arrangements by holiday, the number of working days, and a warning
 * when the year is not covered by an official notice. In such a year the statutory days the
 * calendar assumes are marked '~' and listed by holiday with the version of the 放假办法 they
 * come from and what could not be assumed. JSON: year, covered, workdays and special_dates
 * (every listed date with weekday, kind and name); for a year not covered also
 * assumed_holidays and undated_holidays.
 * Calls domain/calendar. Law: the yearly 国务院办公厅 holiday notices; 全国年节及纪念日放假办法.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "cli/cli.h"
#include "cli/cli_calendar.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "domain/calendar.h"
#include "domain/clock.h"
#include "domain/lunar.h"
#include "text/date.h"
#include "text/jsonw.h"
#include "text/utf8.h"

#define MONTH_COLS 21  /* 7 cells of 3 columns */
#define GAP "   "

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: gongkai calendar YEAR [--json]\n\n"
		"Print a year of the working-day calendar month by month: '*' marks a holiday\n"
		"(放假), '+' an adjusted working day (调休上班, a Saturday or Sunday that is worked),\n"
		"then the arrangements and the number of working days. A year without an official\n"
		"notice in the calendar is shown with a warning: Mon–Fri, less the statutory days off\n"
		"of the 全国年节及纪念日放假办法 ('~', assumed: 推定放假); 补假 and 调休 cannot be\n"
		"predicted and are not assumed.\n\n"
		"  --json   print {year, covered, workdays, special_dates: [{date, weekday, kind, name}]};\n"
		"           for a year not covered also assumed_holidays: [{date, weekday, name, day,\n"
		"           basis}] and undated_holidays: [{name, day, basis}]\n"
		"  --help   this text\n\n"
		"The calendar is data/cn-workday-calendar.tsv plus any *.tsv in --calendar-dir\n"
		"(or $GONGKAI_CALENDAR_DIR); see docs/clock.md.\n");
}

static void month_line(const struct calendar *cal, int year, int month, int week, struct buf *line)
{
	int first = date_make(year, month, 1);
	int lead = date_weekday(first) - 1;  /* Monday-first columns */
	int ndays = date_days_in_month(year, month);

	for (int col = 0; col < 7; col++) {
		int dom = week * 7 + col - lead + 1;
		char cell[16];
		if (dom < 1 || dom > ndays) {
			snprintf(cell, sizeof cell, "   ");
		} else {
			enum calendar_kind k = calendar_kind(cal, first + dom - 1);
			char mark = k == CAL_WORKDAY ? '+' : k != CAL_HOLIDAY ? ' ' :
				    calendar_assumed(cal, first + dom - 1) ? '~' : '*';
			snprintf(cell, sizeof cell, "%2d%c", dom, mark);
		}
		if (buf_puts(line, cell))
			return;
	}
}

/* Print s followed by spaces up to width display columns (Han characters are 2 wide). */
static void put_padded(struct buf *line, const char *s, int width)
{
	int w = (int)utf8_width(s);

	if (buf_puts(line, s))
		return;
	for (; w < width; w++)
		if (buf_putc(line, ' '))
			return;
}

/* Print the line without trailing spaces (and not at all if skip_empty and it is empty). */
static void rtrim_print(struct buf *line, int skip_empty)
{
	while (line->len > 0 && line->ptr[line->len - 1] == ' ')
		line->ptr[--line->len] = '\0';
	if (line->len > 0 || !skip_empty)
		printf("%s\n", buf_cstr(line));
	buf_reset(line);
}

static void print_grid(const struct calendar *cal, int year)
{
	struct buf line;

	buf_init(&line, 4096);
	printf("%*s%d年 工作日历\n", 28, "", year);
	for (int q = 0; q < 4; q++) {
		putchar('\n');
		for (int i = 0; i < 3; i++) {
			char title[16];
			int m = q * 3 + i + 1;
			int tw = m >= 10 ? 4 : 3;
			snprintf(title, sizeof title, "%*s%d月", (MONTH_COLS - tw) / 2, "", m);
			put_padded(&line, title, MONTH_COLS);
			if (i < 2 && buf_puts(&line, GAP))
				break;
		}
		rtrim_print(&line, 0);
		for (int i = 0; i < 3; i++)
			if (buf_puts(&line, i < 2 ? "一 二 三 四 五 六 日 " GAP : "一 二 三 四 五 六 日"))
				break;
		rtrim_print(&line, 0);
		for (int week = 0; week < 6; week++) {
			for (int i = 0; i < 3; i++) {
				month_line(cal, year, q * 3 + i + 1, week, &line);
				if (i < 2 && buf_puts(&line, GAP))
					break;
			}
			rtrim_print(&line, 1);
		}
	}
	buf_free(&line);
}

/* Append to a line buffer; a line longer than its cap (never, for a real calendar) is cut. */
static void add(struct buf *line, const char *fmt, ...) GK_PRINTF(2, 3);
static void add(struct buf *line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (buf_vprintf(line, fmt, ap) != 0) {
		/* ERR_LIMIT: keep what fits */
	}
	va_end(ap);
}

/* The arrangements: per holiday name (first appearance order), the days off as ranges and the
 * adjusted working days. */
static void print_arrangements(const struct calendar *cal, int year)
{
	int first = date_make(year, 1, 1), last = date_make(year, 12, 31);
	const char *names[64];
	int nnames = 0;
	struct buf line;

	for (int d = calendar_next_listed(cal, first); d >= 0 && d <= last;
	     d = calendar_next_listed(cal, d + 1)) {
		const char *n = calendar_name(cal, d);
		int seen = 0;
		for (int i = 0; i < nnames; i++)
			seen |= names[i] == n;
		if (!seen && nnames < 64)
			names[nnames++] = n;
	}
	if (nnames == 0)
		return;
	buf_init(&line, 8192);
	printf("\n节假日安排：\n");
	for (int i = 0; i < nnames; i++) {
		int off = 0, work = 0;
		char a[DATE_LEN], b[DATE_LEN];
		if (buf_puts(&line, "  ") != 0)
			break;
		put_padded(&line, names[i], 16);
		for (int d = first; d <= last; d++) {
			int e = d;
			if (calendar_name(cal, d) != names[i] || calendar_kind(cal, d) != CAL_HOLIDAY)
				continue;
			while (e + 1 <= last && calendar_name(cal, e + 1) == names[i] &&
			       calendar_kind(cal, e + 1) == CAL_HOLIDAY)
				e++;
			date_format(d, a);
			date_format(e, b);
			if (e == d)
				add(&line, "%s放假 %s", off ? "、" : "", a + 5);
			else
				add(&line, "%s放假 %s 至 %s（%d天）", off ? "、" : "", a + 5, b + 5,
				    e - d + 1);
			off += e - d + 1;
			d = e;
		}
		for (int d = first; d <= last; d++) {
			if (calendar_name(cal, d) != names[i] || calendar_kind(cal, d) != CAL_WORKDAY)
				continue;
			add(&line, "%s%s（%s）", work ? "、" : off ? "；调休上班 " : "调休上班 ",
			    date_format(d, a) + 5, clock_weekday_name(d));
			work++;
		}
		rtrim_print(&line, 0);
	}
	buf_free(&line);
}

#define MAX_ASSUMED 64  /* statutory days of one year: 13 under the 2025 version */

/* The statutory days of the year that could not be dated (lunar festivals after 2100). */
static size_t undated(int year, const struct statutory_day **out, size_t cap)
{
	size_t n, k = 0;
	const struct statutory_day *sd = statutory_year(year, &n);

	for (size_t i = 0; i < n; i++)
		if (sd[i].day == STATUTORY_UNDATED && k < cap)
			out[k++] = &sd[i];
	return k;
}

/* The assumed days by holiday (first appearance order), the version(s) of the 办法 they come
 * from, the statutory days on a weekend (owed a 补假 the notice fixes) and what could not be
 * dated. Prints nothing for a covered year. */
static void print_assumed(const struct calendar *cal, int year)
{
	const struct statutory_day *as[MAX_ASSUMED], *un[MAX_ASSUMED];
	size_t n = cli_assumed_between(cal, date_make(year, 1, 1) - 1, date_make(year, 12, 31), as,
				       MAX_ASSUMED);
	size_t nun = undated(year, un, MAX_ASSUMED);
	struct buf line;
	char d[DATE_LEN];
	int weekend = 0;

	if (n > MAX_ASSUMED)
		n = MAX_ASSUMED;
	if (n == 0 && nun == 0)
		return;
	buf_init(&line, 8192);
	printf("\n推定放假（未载入国务院办公厅%d年节假日安排，依《%s》第二条推定，未经核实）：\n",
	       year, STATUTORY_TITLE);
	for (size_t i = 0; i < n; i++) {
		size_t k;
		int seen = 0;
		for (k = 0; k < i; k++)
			seen |= strcmp(as[k]->name, as[i]->name) == 0;
		if (seen)
			continue;
		add(&line, "  ");
		put_padded(&line, as[i]->name, 16);
		for (k = i; k < n; k++) {
			if (strcmp(as[k]->name, as[i]->name) != 0)
				continue;
			add(&line, "%s%s（%s%s%s）", k == i ? "" : "、", date_format(as[k]->day, d) + 5,
			    clock_weekday_name(as[k]->day), as[k]->fixed ? "" : "，",
			    as[k]->fixed ? "" : as[k]->label);
		}
		rtrim_print(&line, 0);
	}
	add(&line, "  依据：");
	for (size_t i = 0, acts = 0; i < n + nun; i++) {
		const struct statutory_day *x = i < n ? as[i] : un[i - n];
		int seen = 0;
		for (size_t k = 0; k < i; k++)
			seen |= strcmp((k < n ? as[k] : un[k - n])->act, x->act) == 0;
		if (!seen)
			add(&line, "%s《%s》（%s，%s起施行）", acts++ ? "、" : "", STATUTORY_TITLE,
			    x->act, date_format(x->in_force, d));
	}
	rtrim_print(&line, 0);
	for (size_t i = 0; i < n; i++) {
		if (date_weekday(as[i]->day) < 6 || (i > 0 && as[i - 1]->day == as[i]->day))
			continue;
		add(&line, "%s%s", weekend++ ? "、" : "", date_format(as[i]->day, d) + 5);
	}
	if (weekend) {
		char list[512];
		snprintf(list, sizeof list, "%s", buf_cstr(&line));
		buf_reset(&line);
		add(&line, "  未计入：适逢周六、周日的%d天（%s）依放假办法第六条应在工作日补假，补假日期和"
		    "其他放假调休日、调休上班日", weekend, list);
	} else {
		add(&line, "  未计入：其他放假调休日和调休上班日");
	}
	add(&line, "由国务院办公厅当年的通知确定，无法预知。");
	rtrim_print(&line, 0);
	if (nun > 0) {
		add(&line, "  无法推算：");
		for (size_t i = 0; i < nun; i++) {
			int first = i == 0 || strcmp(un[i - 1]->name, un[i]->name) != 0;
			int last = i + 1 == nun || strcmp(un[i + 1]->name, un[i]->name) != 0;
			add(&line, "%s%s%s%s", first && i ? "）、" : first ? "" : "、",
			    first ? un[i]->name : "", first ? "（" : "", un[i]->label);
			if (i + 1 == nun && last)
				add(&line, "）");
		}
		add(&line, "，农历日期超出 liblunar-date 的范围（%d–%d年），未推定。", LUNAR_FIRST_YEAR,
		    LUNAR_LAST_YEAR);
		rtrim_print(&line, 0);
	}
	buf_free(&line);
}

static int print_json(const struct calendar *cal, int year)
{
	int first = date_make(year, 1, 1), last = date_make(year, 12, 31);
	struct cli_json j;

	cli_json_open(&j);
	jsonw_obj_begin(&j.w);
	jsonw_kint(&j.w, "year", year);
	jsonw_kbool(&j.w, "covered", calendar_covered(cal, year));
	jsonw_kint(&j.w, "workdays", calendar_workdays_in_year(cal, year));
	jsonw_key(&j.w, "special_dates");
	jsonw_arr_begin(&j.w);
	for (int d = calendar_next_listed(cal, first); d >= 0 && d <= last;
	     d = calendar_next_listed(cal, d + 1)) {
		jsonw_obj_begin(&j.w);
		cli_jsonw_kdate(&j.w, "date", d);
		cli_jsonw_kstr_opt(&j.w, "weekday", clock_weekday_name(d));
		cli_jsonw_kstr_opt(&j.w, "kind", calendar_kind_name(calendar_kind(cal, d)));
		cli_jsonw_kstr_opt(&j.w, "name", calendar_name(cal, d));
		jsonw_obj_end(&j.w);
	}
	jsonw_arr_end(&j.w);
	if (!calendar_covered(cal, year)) {
		const struct statutory_day *as[MAX_ASSUMED];
		size_t n = cli_assumed_between(cal, first - 1, last, as, MAX_ASSUMED);
		jsonw_key(&j.w, "assumed_holidays");
		jsonw_arr_begin(&j.w);
		for (size_t i = 0; i < n && i < MAX_ASSUMED; i++)
			cli_assumed_json(&j.w, as[i]);
		jsonw_arr_end(&j.w);
		n = undated(year, as, MAX_ASSUMED);
		jsonw_key(&j.w, "undated_holidays");
		jsonw_arr_begin(&j.w);
		for (size_t i = 0; i < n; i++) {
			jsonw_obj_begin(&j.w);
			cli_jsonw_kstr_opt(&j.w, "name", as[i]->name);
			cli_jsonw_kstr_opt(&j.w, "day", as[i]->label);
			cli_jsonw_kstr_opt(&j.w, "basis", as[i]->act);
			jsonw_obj_end(&j.w);
		}
		jsonw_arr_end(&j.w);
	}
	jsonw_obj_end(&j.w);
	return cli_json_close(&j);
}

/* What calendar reads from its options. */
struct calendar_opts {
	int json, help;
};

static const struct cli_opt calendar_options[] = {
	{ .name = "json", .type = CLI_OPT_FLAG, .offset = offsetof(struct calendar_opts, json) },
	{ .name = "help", .type = CLI_OPT_FLAG, .offset = offsetof(struct calendar_opts, help) },
	{ .name = NULL },
};

int cmd_calendar(struct cli *cli, int argc, char **argv)
{
	struct calendar_opts o = { 0 };
	struct calendar *cal = NULL;
	int json, rc;
	size_t assumed;
	int64_t year;
	struct gk_error e = { 0 };

	if ((rc = cli_opts_parse("calendar", calendar_options, &o, argc, argv, NULL)) != 0)
		return rc;
	if (o.help) {
		usage(stdout);
		return CLI_OK;
	}
	json = o.json;
	if (optind != argc - 1)
		return cli_usage_error("calendar", optind >= argc ? "YEAR is required" :
				       "one YEAR expected, got also '%s'", argv[argc - 1]);
	if (cli_int(argv[optind], "YEAR", CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, &year, &e) != 0)
		return cli_usage_error("calendar", "YEAR: want a year %d–%d, got '%s'",
				       CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, argv[optind]);
	if ((rc = cli_load_calendar(cli, &cal)) != 0)
		return rc;
	if (json) {
		rc = print_json(cal, (int)year);
		goto out;
	}
	assumed = cli_assumed_between(cal, date_make((int)year, 1, 1) - 1,
				      date_make((int)year, 12, 31), NULL, 0);
	print_grid(cal, (int)year);
	printf("\n图例：* 放假（法定节假日）  + 调休上班（周末上班）  其余周六、周日为休息日\n");
	if (assumed)
		printf("      ~ 推定放假（未载入当年安排，依《%s》推定的法定节假日）\n", STATUTORY_TITLE);
	print_arrangements(cal, (int)year);
	print_assumed(cal, (int)year);
	printf("\n%ld年工作日：%d天\n", year, calendar_workdays_in_year(cal, (int)year));
	if (!calendar_covered(cal, (int)year))
		printf("警告：%ld年不在工作日历内（未载入国务院办公厅%ld年节假日安排），以上%s按周一至周五计算，未经核实；"
		       "发布后将安排放入 --calendar-dir 目录即可。\n", year, year,
		       assumed ? "除推定放假外" : "");
	rc = CLI_OK;
out:
	calendar_free(cal);
	return rc;
}
