/*
 * lunar.c — lunar dates through liblunar-date, and the solar term 清明 computed from the Sun.
 *
 * liblunar-date is a GObject library: a LunarDate object converts one date at a time and its
 * errors come as GError. Both stay in this file. One object serves the process, under a lock,
 * and is never released: in liblunar-date 3.0 lunar_date_free() does not release the object
 * itself and g_object_unref() would release its hash tables twice, so a converter per call
 * would leak or crash.
 *
 * 清明 is the day on which the Sun's apparent geocentric longitude reaches 15°, in Beijing
 * time (UTC+8; the Chinese calendar, GB/T 33661-2017). The Sun's longitude follows the
 * low-accuracy theory of J. Meeus, Astronomical Algorithms (2nd ed. 1998), ch. 25 (geometric
 * mean longitude, equation of the centre, nutation and aberration: about 0.01°, i.e. a quarter
 * of an hour of the instant); the instant is found by bisection in Terrestrial Time and brought
 * to Universal Time with ΔT from the polynomials of F. Espenak and J. Meeus, Five Millennium
 * Canon of Solar Eclipses (NASA/TP-2006-214141). Compared with PyEphem (VSOP87) for every year
 * 1900–2199, the instant is within 13 minutes and the day the same except in 2199, when the
 * term falls two minutes before midnight (tests/data/cn-festivals-ref.tsv).
 * May call base/ and text/date.h. Law: 全国年节及纪念日放假办法 Art. 2 ("农历清明当日").
 */
#include <lunar-date/lunar-date.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>

#include "domain/lunar.h"
#include "text/date.h"

static LunarDate *converter;  /* the process's one LunarDate, made by make_converter() */
static pthread_once_t made = PTHREAD_ONCE_INIT;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void make_converter(void)
{
	converter = lunar_date_new();
}

/* Read the next decimal number of s (after any non-digits); -1 if there is none. */
static long next_number(const char **s)
{
	char *end;
	long v;

	while (**s && (**s < '0' || **s > '9'))
		(*s)++;
	if (**s == '\0')
		return -1;
	v = strtol(*s, &end, 10);
	*s = end;
	return v;
}

int lunar_to_day(int year, int month, int day, int *out)
{
	GError *gerr = NULL;
	const char *p;
	gchar *text;
	long y, m, d;
	int rc = 0;

	if (year < LUNAR_FIRST_YEAR || year > LUNAR_LAST_YEAR)
		return ERR_LIMIT;
	if (month < 1 || month > 12 || day < 1 || day > 30)
		return ERR_INVALID;
	pthread_once(&made, make_converter);
	pthread_mutex_lock(&lock);
	/* Noon, so that the library's 子时 rule (a lunar day begins at 23:00) plays no part. */
	lunar_date_set_lunar_date(converter, (GDateYear)year, (GDateMonth)month, (GDateDay)day, 12,
				  FALSE, &gerr);
	if (gerr != NULL) {
		pthread_mutex_unlock(&lock);
		rc = gerr->code == LUNAR_DATE_ERROR_YEAR ? ERR_LIMIT : ERR_INVALID;
		g_error_free(gerr);
		return rc;
	}
	/* Only the civil month and day: each key costs the library a regular expression, and the
	 * year follows — a lunar year runs from late January or February of the civil year to
	 * the same months of the next, and only its 11th and 12th months reach into January. */
	text = lunar_date_strftime(converter, "%(month) %(day)");
	pthread_mutex_unlock(&lock);
	p = text;
	m = next_number(&p);
	d = next_number(&p);
	y = year + (month >= 11 && m >= 1 && m <= 2);
	if (m < 0 || d < 0 || !date_valid((int)y, (int)m, (int)d))
		rc = ERR_INTERNAL;  /* the library answered something that is not a date */
	else
		*out = date_make((int)y, (int)m, (int)d);
	g_free(text);
	return rc;
}

/* ---- 清明 -------------------------------------------------------------------------------- */

#define JD_UNIX_EPOCH 2440587.5  /* Julian Day of 1970-01-01 00:00 UT, day number 0 */
#define JD_J2000 2451545.0
#define DEG (M_PI / 180.0)

/* ΔT = TT − UT in seconds for a (fractional) year, Espenak & Meeus (2006). Beyond 2050 it is a
 * projection; its uncertainty grows to minutes by the 22nd century. */
static double delta_t(double y)
{
	double t, u;

	if (y < 1920) {
		t = y - 1900;
		return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t -
		       0.000197 * t * t * t * t;
	}
	if (y < 1941) {
		t = y - 1920;
		return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
	}
	if (y < 1961) {
		t = y - 1950;
		return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
	}
	if (y < 1986) {
		t = y - 1975;
		return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
	}
	if (y < 2005) {
		t = y - 2000;
		return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t +
		       0.000651814 * t * t * t * t + 0.00002373599 * t * t * t * t * t;
	}
	if (y < 2050) {
		t = y - 2000;
		return 62.92 + 0.32217 * t + 0.005589 * t * t;
	}
	u = (y - 1820) / 100;
	if (y < 2150)
		return -20 + 32 * u * u - 0.5628 * (2150 - y);
	return -20 + 32 * u * u;
}

/* The Sun's apparent longitude in degrees [0, 360) at Julian Ephemeris Day jde (Meeus ch. 25). */
static double sun_longitude(double jde)
{
	double t = (jde - JD_J2000) / 36525;
	double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;          /* mean longitude */
	double m = (357.52911 + 35999.05029 * t - 0.0001537 * t * t) * DEG;    /* mean anomaly */
	double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(m) +      /* equation of */
		   (0.019993 - 0.000101 * t) * sin(2 * m) + 0.000289 * sin(3 * m);  /* the centre */
	double omega = (125.04 - 1934.136 * t) * DEG;  /* the Moon's node, for nutation */
	double lon = l0 + c - 0.00569 - 0.00478 * sin(omega);  /* aberration and nutation */

	lon = fmod(lon, 360);
	return lon < 0 ? lon + 360 : lon;
}

int lunar_qingming(int year)
{
	/* Search ten days either side of 5 April; the longitude grows about 0.99° a day. */
	double mid = JD_UNIX_EPOCH + date_make(year, 4, 5);
	double lo = mid - 10, hi = mid + 10, jd;

	for (int i = 0; i < 50; i++) {  /* 20 days / 2^50: far below a second */
		double m = (lo + hi) / 2;
		double diff = fmod(sun_longitude(m) - 15 + 540, 360) - 180;  /* in (-180, 180] */
		if (diff < 0)
			lo = m;
		else
			hi = m;
	}
	jd = (lo + hi) / 2 - delta_t(year + 0.26) / 86400;  /* TT → UT (early April) */
	return (int)floor(jd + 8.0 / 24 - JD_UNIX_EPOCH);  /* the civil day in Beijing time */
}
