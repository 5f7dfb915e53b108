/*
 * clock.h — seconds on the monotonic clock, to tell how long something took (a child's time
 * limit, a progress line's rate, a log line's duration); never the time of day.
 */
#ifndef GK_BASE_CLOCK_H
#define GK_BASE_CLOCK_H

#include <time.h>

static inline double clock_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#endif
