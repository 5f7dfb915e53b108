/*
 * bench_clock.c — deadlines per second for one million random receipts.
 *
 * Measures, on the same random receipt dates (2008-01-01 .. 2026-10-31):
 *   baseline   a plain Mon–Fri loop adding 20 working days, no calendar at all;
 *   calendar   calendar_add_workdays(received, 20): the date only, on the official calendar;
 *   clock      clock_reply_due(): the date with its full derivation (steps allocated);
 *   schedule   clock_schedule_compute(): correction notice + reply, with derivations.
 * and prints each rate and its ratio to the baseline. Not part of make check (bench/clock.sh).
 * Usage: bench_clock DATA_DIR [N]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "domain/calendar.h"
#include "domain/clock.h"
#include "text/date.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* xorshift64*: deterministic receipts, the same in every run */
static unsigned long long rng = 0x9E3779B97F4A7C15ULL;
static unsigned long long next(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 2685821657736338717ULL;
}

static int plain_add(int day, int n)
{
	while (n > 0) {
		day++;
		if (date_weekday(day) <= 5)
			n--;
	}
	return day;
}

int main(int argc, char **argv)
{
	struct calendar *cal = NULL;
	struct gk_error e = { 0 };
	long n = argc > 2 ? strtol(argv[2], NULL, 10) : 1000000;
	int first = date_make(2008, 1, 1), span = date_make(2026, 10, 31) - first;
	int *days;
	long long sum[4] = { 0 };
	double t[4], t0;

	if (argc < 2 || n <= 0) {
		fprintf(stderr, "usage: bench_clock DATA_DIR [N]\n");
		return 2;
	}
	if (calendar_open(&cal, argv[1], NULL, &e) != 0) {
		fprintf(stderr, "bench_clock: %s: %s\n", e.field, e.msg);
		return 2;
	}
	days = malloc((size_t)n * sizeof *days);
	for (long i = 0; i < n; i++)
		days[i] = first + (int)(next() % (unsigned long long)span);

	t0 = now();
	for (long i = 0; i < n; i++)
		sum[0] += plain_add(days[i], 20);
	t[0] = now() - t0;

	t0 = now();
	for (long i = 0; i < n; i++)
		sum[1] += calendar_add_workdays(cal, days[i], 20);
	t[1] = now() - t0;

	t0 = now();
	for (long i = 0; i < n; i++) {
		struct clock_deadline dl;
		if (clock_reply_due(cal, days[i], CLOCK_NONE, NULL, 0, &dl, &e) != 0)
			return 1;
		sum[2] += dl.due;
		clock_deadline_free(&dl);
	}
	t[2] = now() - t0;

	t0 = now();
	for (long i = 0; i < n; i++) {
		struct clock_application app = { .received = days[i],
			.correction_received = CLOCK_NONE, .fee_notice_received = CLOCK_NONE };
		struct clock_schedule s;
		if (clock_schedule_compute(cal, &app, &s, &e) != 0)
			return 1;
		sum[3] += s.reply.due;
		clock_schedule_free(&s);
	}
	t[3] = now() - t0;

	if (sum[1] != sum[2] || sum[2] != sum[3]) {
		fprintf(stderr, "bench_clock: the fast and the derived deadlines disagree\n");
		return 1;
	}
	printf("receipts: %ld random dates 2008-01-01..2026-10-31, reply due = +20 working days\n", n);
	printf("%-10s %14s %10s  %s\n", "method", "deadlines/s", "vs base", "what");
	printf("%-10s %14.0f %9.2fx  %s\n", "baseline", n / t[0], 1.0,
	       "plain Mon-Fri loop, no calendar");
	printf("%-10s %14.0f %9.2fx  %s\n", "calendar", n / t[1], t[0] / t[1],
	       "calendar_add_workdays, date only");
	printf("%-10s %14.0f %9.2fx  %s\n", "clock", n / t[2], t[0] / t[2],
	       "clock_reply_due, date + derivation steps");
	printf("%-10s %14.0f %9.2fx  %s\n", "schedule", n / t[3], t[0] / t[3],
	       "clock_schedule_compute, 7-day notice + reply");
	printf("(checksums %lld %lld; Mon-Fri and calendar differ by the holidays)\n", sum[0], sum[1]);
	free(days);
	calendar_free(cal);
	return 0;
}
