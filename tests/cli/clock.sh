#!/usr/bin/env bash
# clock.sh — `gongkai calendar` and `gongkai deadline` as an officer uses them: dates, the
# derivation, JSON keys, unverified years, office calendar files, and every input error.
# Expected dates are derived by hand in tests/unit/domain/test_clock.c.
. "$(dirname "$0")/../lib.sh"

# --- calendar ------------------------------------------------------------------------------
run 0 "$GONGKAI" calendar 2024
contains "$OUT" "2024年工作日：251天" "2024 has 251 working days"
contains "$OUT" "图例" "calendar prints a legend"
contains "$OUT" "国庆节          放假 10-01 至 10-07（7天）；调休上班 09-29（周日）、10-12（周六）" \
	"国庆 2024 arrangement listed"
contains "$OUT" " 7* 8  9 10 11 12+13" "October week: holiday 10-07 marked *, workday 10-12 marked +"
lacks "$OUT" "警告" "a covered year has no warning"
run 0 "$GONGKAI" calendar 2024 --json
contains "$OUT" '"covered": true' "JSON covered flag"
contains "$OUT" '"workdays": 251' "JSON working-day count"
contains "$OUT" '"date": "2024-02-18"' "JSON lists the adjusted Sunday 2024-02-18"
contains "$OUT" '"kind": "workday"' "JSON kind of an adjusted working day"
run 0 "$GONGKAI" calendar 2027
contains "$OUT" "警告：2027年不在工作日历内" "2027 not covered: warning names the year"
run 0 "$GONGKAI" calendar --json 2027
contains "$OUT" '"covered": false' "2027 JSON covered false"
run 2 "$GONGKAI" calendar 20x4
contains "$ERR" "YEAR: want a year 1900–2199, got '20x4'" "bad year named"
run 2 "$GONGKAI" calendar
contains "$ERR" "YEAR is required" "missing year"

# --- deadline ------------------------------------------------------------------------------
run 0 "$GONGKAI" deadline --received 2024-09-27
contains "$OUT" "答复期限            2024-10-30（周三）" "REQ 条例-33: reply due across 国庆 2024"
contains "$OUT" "补正告知期限        2024-10-12（周六）" "REQ 条例-30: correction notice on an adjusted Saturday"
contains "$OUT" "2024-10-01 至 2024-10-07：国庆节放假7天，不计" "holiday span named in the derivation"
contains "$OUT" "2024-09-29（周日）：调休上班日（国庆节），计为第1个工作日" "adjusted Sunday counted"
contains "$OUT" "当日不计入" "start day not counted (民法典 Art. 201)"

run 0 "$GONGKAI" deadline --received 2024-09-27 --extended --fee-notice-received 2024-09-30 --json
contains "$OUT" '"received": "2024-09-27"' "JSON received"
contains "$OUT" '"correction_notice_due": "2024-10-12"' "JSON correction_notice_due"
contains "$OUT" '"reply_due": "2024-10-30"' "JSON reply_due"
contains "$OUT" '"extended_reply_due": "2024-11-27"' "REQ 条例-33: JSON extended_reply_due"
contains "$OUT" '"fee_payment_due": "2024-11-01"' "REQ 109号: JSON fee_payment_due"
contains "$OUT" '"verified": true' "JSON verified"
contains "$OUT" '"kind": "holiday"' "JSON steps name skipped holidays"
contains "$OUT" '"name": "国庆节"' "JSON step holiday name"

run 0 "$GONGKAI" deadline --received 2024-09-27 --correction-received 2024-10-14 --json
contains "$OUT" '"reply_due": "2024-11-11"' "REQ 条例-30: reply clock restarts after correction"
contains "$OUT" '"kind": "restart"' "restart step"

run 0 "$GONGKAI" deadline --received 2024-11-01 --consultation 2024-11-05:2024-11-08 \
	--consultation 2024-11-12:2024-11-14
contains "$OUT" "2024-12-06" "REQ 条例-33: two consultations move the reply due by 5 working days"
contains "$OUT" "其间3个工作日不计入期限" "first consultation paused 3 days"
contains "$OUT" "其间2个工作日不计入期限" "second consultation paused 2 days"

run 0 "$GONGKAI" deadline --formed 2024-04-30 --json
contains "$OUT" '"publication_due": "2024-05-30"' "REQ 条例-26: publication due after 劳动节"
lacks "$OUT" '"reply_due"' "publication has no reply due"

# a year outside the calendar
run 0 "$GONGKAI" deadline --received 2026-12-15
contains "$OUT" "2027-01-12" "2027 counted Mon–Fri"
contains "$OUT" "警告：2027年不在工作日历内" "text warning names 2027"
run 0 "$GONGKAI" deadline --received 2026-12-15 --json
contains "$OUT" '"verified": false' "JSON verified false for 2027"
contains "$OUT" '"year": 2027' "JSON unverified step names 2027"

# an office adds next year's notice: 2027-01-01 off, so the deadline moves a day; now verified
mkdir -p "$TMP/cal"
printf '# 2027 notice (test data)\n2027-01-01\tholiday\t元旦\n2027-02-06\tholiday\t春节\n' >"$TMP/cal/2027.tsv"
run 0 "$GONGKAI" --calendar-dir "$TMP/cal" deadline --received 2026-12-15 --json
contains "$OUT" '"reply_due": "2027-01-13"' "--calendar-dir rows are used"
contains "$OUT" '"verified": true' "--calendar-dir makes 2027 covered"
GONGKAI_CALENDAR_DIR="$TMP/cal" run 0 "$GONGKAI" calendar 2027
contains "$OUT" "元旦            放假 01-01" "GONGKAI_CALENDAR_DIR is read"

# bad calendar files: each names file:line and what is wrong
bad_cal() {  # CONTENT NEEDLE DESCRIPTION
	rm -rf "$TMP/bad"; mkdir -p "$TMP/bad"
	printf "$1" >"$TMP/bad/office.tsv"
	run 2 "$GONGKAI" --calendar-dir "$TMP/bad" deadline --received 2024-09-27
	contains "$ERR" "$2" "$3"
}
bad_cal '# x\n2024-10-08\tholiday\tx\n2023-02-29\tholiday\tx\n' "office.tsv:3: bad date '2023-02-29'" "bad date"
bad_cal '2024-10-08\tfeast\tx\n' "office.tsv:1: unknown kind 'feast'" "unknown kind"
bad_cal '2024-10-08\tworkday\tx\n' "office.tsv:1: 2024-10-08 is a workday row but not a Saturday or Sunday" "workday on a Tuesday"
bad_cal '2024-10-08\tholiday\tx\n2024-10-08\tholiday\tx\n' "office.tsv:2: duplicate date 2024-10-08" "duplicate date"
bad_cal '2024-10-08\tholiday\n' "office.tsv:1: expected 3 TAB-separated fields" "wrong field count"
run 2 "$GONGKAI" --calendar-dir "$TMP/nonexistent" calendar 2024
contains "$ERR" "cannot open calendar directory" "missing calendar directory"

# bad input: exit 2 naming the argument and the value
run 2 "$GONGKAI" deadline --received 2023-02-29
contains "$ERR" "--received: not a real date YYYY-MM-DD: '2023-02-29'" "impossible date"
run 2 "$GONGKAI" deadline --received 2024-09-27 --consultation 2024-10-10:2024-10-01
contains "$ERR" "--consultation: 2024-10-10:2024-10-01: the answer (2024-10-01) is dated before the letter was sent" "SENT after ANSWERED"
run 2 "$GONGKAI" deadline --received 2024-09-27 --consultation 2024-09-01:2024-09-05
contains "$ERR" "--consultation: 2024-09-01:2024-09-05: the letter is dated before the application was received (2024-09-27)" "answered before received"
run 2 "$GONGKAI" deadline --received 2024-09-27 --consultation 2024-10-10
contains "$ERR" "want SENT:ANSWERED" "consultation without colon"
run 2 "$GONGKAI" deadline --received 2024-09-27 --correction-received 2024-09-01
contains "$ERR" "--correction-received: 2024-09-01 is before the application was received" "correction before received"
run 2 "$GONGKAI" deadline --received 2024-09-27 --frobnicate
contains "$ERR" "unknown option '--frobnicate'" "unknown option"
run 2 "$GONGKAI" deadline --json
contains "$ERR" "--received DATE or --formed DATE is required" "missing --received/--formed"
run 2 "$GONGKAI" deadline --received
contains "$ERR" "option '--received' needs a value" "option without value"
run 0 "$GONGKAI" deadline --help
contains "$OUT" "--consultation SENT:ANSWERED" "deadline --help"
done_testing
