#!/usr/bin/python3
# cn-festivals-ref.py — writes cn-festivals-ref.tsv: the days of 春节 (正月初一), 端午 (五月初五),
# 中秋 (八月十五) and 清明 for 1900–2199, computed from the Sun and the Moon with PyEphem
# (Debian python3-ephem: VSOP87 and ELP), independently of gongkai and of liblunar-date.
#
# Rules of the Chinese calendar (GB/T 33661-2017): days are Beijing civil days (UTC+8); a month
# begins on the day of the new moon; the month holding the winter solstice (冬至, solar
# longitude 270°) is month 11; when 13 months lie between two such months, the first of them
# holding no principal term (中气, a multiple of 30°) is the leap month and repeats the number
# of the month before it. 清明 is the day the Sun's apparent longitude reaches 15°.
# Lunar columns stop at 2100 (as far as gongkai computes lunar dates). Run: ./cn-festivals-ref.py
import datetime
import math
import sys

import ephem

BJ = 8 / 24.0


def sun_longitude(d):
    s = ephem.Sun(d)
    apparent = ephem.Equatorial(s.g_ra, s.g_dec, epoch=d)  # with aberration and nutation
    return math.degrees(ephem.Ecliptic(apparent, epoch=d).lon)


def term(year, lon):
    """The instant (ephem.Date, UT) the Sun's apparent longitude reaches lon in year."""
    guess = ephem.next_vernal_equinox(str(year)) + (lon % 360) / 360.0 * 365.2422
    lo, hi = guess - 5, guess + 5
    for _ in range(60):
        mid = (lo + hi) / 2
        if (sun_longitude(mid) - lon + 180) % 360 - 180 < 0:
            lo = mid
        else:
            hi = mid
    return ephem.Date((lo + hi) / 2)


def bj(d):
    return ephem.Date(d + BJ).datetime()


def new_moons(after, n):
    out, d = [], ephem.Date(after)
    for _ in range(n):
        d = ephem.next_new_moon(d)
        out.append(bj(d).date())
        d = ephem.Date(d + 1)
    return out


_zq = {}


def principal_terms(y):
    if y not in _zq:
        _zq[y] = [bj(term(y, float(l))).date() for l in range(0, 360, 30)]
    return _zq[y]


def month11(y):
    """The first day of the month that holds the winter solstice of civil year y."""
    dz = bj(term(y, 270.0)).date()
    start = datetime.datetime(dz.year, dz.month, dz.day) - datetime.timedelta(days=35)
    return max(d for d in new_moons(start, 3) if d <= dz)


def lunar_day(y, month, day):
    """Civil date of (month, day) of lunar year y, ordinary month (never the leap one)."""
    a, b = month11(y - 1), month11(y)
    start = datetime.datetime(a.year, a.month, a.day) - datetime.timedelta(days=2)
    starts = [s for s in new_moons(start, 16) if a <= s <= b]
    n = len(starts) - 1
    zq = principal_terms(y - 1) + principal_terms(y)
    num, leap_seen = 11, False
    for i in range(n):
        s, e = starts[i], starts[i + 1]
        if n == 13 and not leap_seen and i > 0 and not any(s <= z < e for z in zq):
            leap_seen = True
            continue
        if i > 0:
            num = num % 12 + 1
        if num == month and i > 0:
            return s + datetime.timedelta(days=day - 1)
    raise ValueError((y, month, day))


def main():
    out = sys.stdout
    out.write("# cn-festivals-ref.tsv — written by cn-festivals-ref.py (PyEphem %s); see README.md\n"
              % ephem.__version__)
    out.write("# year\tchunjie\tduanwu\tzhongqiu\tqingming\tqingming_time_bj\n")
    for y in range(1900, 2200):
        qm = bj(term(y, 15.0))
        if y <= 2100:
            lunar = [lunar_day(y, 1, 1), lunar_day(y, 5, 5), lunar_day(y, 8, 15)]
            cols = [d.isoformat() for d in lunar]
        else:
            cols = ["-", "-", "-"]
        out.write("%d\t%s\t%s\t%s\n" % (y, "\t".join(cols), qm.date().isoformat(),
                                        qm.strftime("%H:%M")))


if __name__ == "__main__":
    main()
