#!/usr/bin/env bash
# clock.sh — `gongkai calendar` and `gongkai deadline` as an officer uses them: dates, the
# derivation, JSON keys, unverified years, office calendar files, and every input error.
# Expected dates are derived by hand in tests/unit/domain/test_clock.c.
# databases: none (the calendar and the deadlines need none)
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
# REQ 放假办法-2: before the 2027 notice, the 办法's statutory days are assumed and named
contains "$OUT" "以上除推定放假外按周一至周五计算，未经核实" "2027 warning says what was assumed"
contains "$OUT" "~ 推定放假" "legend explains the assumed-day mark"
contains "$OUT" " 1~ 2~ 3~" "October 2027: 国庆 10-01..03 marked ~ (assumed)"
contains "$OUT" "春节            02-05（周五，除夕）、02-06（周六，正月初一）、02-07（周日，正月初二）、02-08（周一，正月初三）" \
	"2027 春节 assumed: 除夕 and 正月初一..初三 with dates"
contains "$OUT" "清明节          04-05（周一，清明）" "2027 清明 assumed on 04-05"
contains "$OUT" "端午节          06-09（周三，五月初五）" "2027 端午 assumed on 06-09"
contains "$OUT" "中秋节          09-15（周三，八月十五）" "2027 中秋 assumed on 09-15"
contains "$OUT" "劳动节          05-01（周六）、05-02（周日）" "2027 劳动节 two days (795号)"
contains "$OUT" "依据：《全国年节及纪念日放假办法》（国务院令第795号，2025-01-01起施行）" "the version of the 办法 is named"
contains "$OUT" "未计入：适逢周六、周日的6天（02-06、02-07、05-01、05-02、10-02、10-03）依放假办法第六条应在工作日补假" \
	"补假 owed for weekend statutory days is named, not invented"
contains "$OUT" "2027年工作日：254天" "2027: 261 weekdays less 7 assumed weekday holidays"
run 0 "$GONGKAI" calendar --json 2027
contains "$OUT" '"covered": false' "2027 JSON covered false"
contains "$OUT" '"workdays": 254' "2027 JSON working days count the assumed days"
contains "$OUT" '"special_dates": []' "assumed days are not rows of the calendar"
contains "$OUT" '"date": "2027-02-05",
      "weekday": "周五",
      "name": "春节",
      "day": "除夕",
      "basis": "国务院令第795号"' "2027 JSON assumed_holidays entry for 除夕"
contains "$OUT" '"undated_holidays": []' "2027: every statutory day dated"
run 0 "$GONGKAI" calendar 2101
contains "$OUT" "无法推算：春节（除夕、正月初一、正月初二、正月初三）、端午节（五月初五）、中秋节（八月十五）" \
	"after 2100 the lunar festivals are named as not assumed"
contains "$OUT" "清明节          04-05（周二，清明）" "清明 is computed for any year"
run 0 "$GONGKAI" calendar 2026
lacks "$OUT" "推定" "a covered year assumes nothing"
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

# a year outside the calendar: Mon–Fri less the statutory days of the 办法 (元旦 2027-01-01)
run 0 "$GONGKAI" deadline --received 2026-12-15
contains "$OUT" "答复期限            2027-01-13（周三）" "2027: 元旦 assumed off"
contains "$OUT" "警告：2027年不在工作日历内（未载入国务院办公厅2027年节假日安排），该年除依《全国年节及纪念日放假办法》推定的法定节假日外按周一至周五计算，结果未经核实" \
	"text warning names 2027 and the assumption"
contains "$OUT" "推定放假（按放假日计，未经核实）：2027-01-01（周五）元旦" "the assumed day is named"
contains "$OUT" "2027-01-01（周五）：元旦（推定）放假，不计" "the derivation says the day was assumed"
run 0 "$GONGKAI" deadline --received 2026-12-15 --json
contains "$OUT" '"verified": false' "JSON verified false for 2027"
contains "$OUT" '"year": 2027' "JSON unverified step names 2027"
contains "$OUT" '"assumed_holidays": [' "JSON lists the assumed days"
contains "$OUT" '"name": "元旦",
      "assumed": true' "JSON holiday step on an assumed day says so"

# REQ 放假办法-2: 2027's lunar festivals and 清明, before the notice: days off, named as assumed
run 0 "$GONGKAI" deadline --received 2027-01-28
contains "$OUT" "补正告知期限        2027-02-10（周三）" "2027 春节 (除夕 02-05 .. 初三 02-08) not counted"
contains "$OUT" "答复期限            2027-03-01（周一）" "reply across 2027 春节"
contains "$OUT" "推定放假（按放假日计，未经核实）：2027-02-05（周五）春节（除夕）、2027-02-06（周六）春节（正月初一）、2027-02-07（周日）春节（正月初二）、2027-02-08（周一）春节（正月初三）" \
	"the assumed 春节 days are named with dates"
contains "$OUT" "2027-02-05 至 2027-02-08：春节（推定）放假4天，不计" "derivation names 春节 as assumed"
contains "$OUT" "补假（适逢周六、周日的法定节假日依放假办法第六条在工作日补假）、其他放假调休日和调休上班日由国务院办公厅当年的通知确定，无法预知，未计入" \
	"what cannot be predicted is said"
run 0 "$GONGKAI" deadline --received 2027-03-31 --json
contains "$OUT" '"correction_notice_due": "2027-04-12"' "2027 清明 04-05 not counted"
contains "$OUT" '"date": "2027-04-05",
      "weekday": "周一",
      "name": "清明节",
      "day": "清明",
      "basis": "国务院令第795号"' "JSON assumed_holidays names 清明 2027-04-05"
run 0 "$GONGKAI" deadline --received 2027-06-07 --json
contains "$OUT" '"correction_notice_due": "2027-06-17"' "2027 端午 06-09 not counted"
contains "$OUT" '"day": "五月初五"' "JSON names 端午 as 五月初五"
run 0 "$GONGKAI" deadline --received 2027-09-13
contains "$OUT" "补正告知期限        2027-09-23（周四）" "2027 中秋 09-15 not counted"
contains "$OUT" "2027-09-15（周三）中秋节（八月十五）" "中秋 2027-09-15 named as assumed"

# an office adds next year's notice: it alone counts for 2027 (02-05 and 02-08 are working
# days in this test notice), nothing is assumed any more, and the result is verified
mkdir -p "$TMP/cal"
printf '# 2027 notice (test data)\n2027-01-01\tholiday\t元旦\n2027-02-06\tholiday\t春节\n' >"$TMP/cal/2027.tsv"
run 0 "$GONGKAI" --calendar-dir "$TMP/cal" deadline --received 2026-12-15 --json
contains "$OUT" '"reply_due": "2027-01-13"' "--calendar-dir rows are used"
contains "$OUT" '"verified": true' "--calendar-dir makes 2027 covered"
lacks "$OUT" "assumed" "a covered year has no assumed days"
run 0 "$GONGKAI" --calendar-dir "$TMP/cal" deadline --received 2027-01-28
contains "$OUT" "补正告知期限        2027-02-08（周一）" "the loaded notice wins over the 办法's days"
lacks "$OUT" "推定" "nothing assumed once the notice is loaded"
GONGKAI_CALENDAR_DIR="$TMP/cal" run 0 "$GONGKAI" calendar 2027
contains "$OUT" "元旦            放假 01-01" "GONGKAI_CALENDAR_DIR is read"
lacks "$OUT" "推定" "calendar of a covered 2027 assumes nothing"

# bad calendar files: each names file:line and what is wrong
bad_cal() {  # CONTENT NEEDLE DESCRIPTION
	rm -rf "$TMP/bad"; mkdir -p "$TMP/bad"
	printf "$1" >"$TMP/bad/office.tsv"
	run 2 "$GONGKAI" --calendar-dir "$TMP/bad" deadline --received 2024-09-27
	contains "$ERR" "$2" "$3"
}
bad_cal '# x\n2024-10-08\tholiday\tx\n2023-02-29\tholiday\tx\n' "office.tsv:3: 日期“2023-02-29”有误" "bad date"
bad_cal '2024-10-08\tfeast\tx\n' "office.tsv:1: 类别“feast”无法识别" "unknown kind"
# a calendar folder deep down: the error still names the file and the line (the path's start
# gives way)
deep="$TMP/办公室日历/$(printf 'x%.0s' $(seq 1 80))"
mkdir -p "$deep"; printf '2024-10-08\tfeast\tx\n' >"$deep/office.tsv"
run 2 "$GONGKAI" --calendar-dir "$deep" deadline --received 2024-09-27
contains "$ERR" "$(printf 'x%.0s' $(seq 1 20))/office.tsv:1: 类别“feast”无法识别" "a long path keeps the file's name and line in the error"
bad_cal '2024-10-08\tworkday\tx\n' "office.tsv:1: 2024-10-08 是调休上班（workday）行，却不是星期六或星期日" "workday on a Tuesday"
bad_cal '2024-10-08\tholiday\tx\n2024-10-08\tholiday\tx\n' "office.tsv:2: 日期 2024-10-08 重复" "duplicate date"
bad_cal '2024-10-08\tholiday\n' "office.tsv:1: 应有 3 个以 TAB 分隔的字段" "wrong field count"
run 2 "$GONGKAI" --calendar-dir "$TMP/nonexistent" calendar 2024
contains "$ERR" "不能打开日历目录" "missing calendar directory"

# bad input: exit 2 naming the argument and the value
run 2 "$GONGKAI" deadline --received 2023-02-29
contains "$ERR" "--received: no such date: 2023-02-29" "impossible date (named by the one date parser every option uses)"
run 2 "$GONGKAI" deadline --received 2024-09-27 --consultation 2024-10-10:2024-10-01
contains "$ERR" "--consultation: 2024-10-10:2024-10-01：答复日期（2024-10-01）早于征求意见函发出的日期" "SENT after ANSWERED"
run 2 "$GONGKAI" deadline --received 2024-09-27 --consultation 2024-09-01:2024-09-05
contains "$ERR" "--consultation: 2024-09-01:2024-09-05：征求意见函的日期早于收到申请的日期（2024-09-27）" "answered before received"
run 2 "$GONGKAI" deadline --received 2024-09-27 --consultation 2024-10-10
contains "$ERR" "want SENT:ANSWERED" "consultation without colon"
run 2 "$GONGKAI" deadline --received 2024-09-27 --correction-received 2024-09-01
contains "$ERR" "--correction-received: 2024-09-01 早于收到申请的日期" "correction before received"
run 2 "$GONGKAI" deadline --received 2024-09-27 --frobnicate
contains "$ERR" "unknown option '--frobnicate'" "unknown option"
run 2 "$GONGKAI" deadline --json
contains "$ERR" "--received DATE or --formed DATE is required" "missing --received/--formed"
run 2 "$GONGKAI" deadline --received
contains "$ERR" "option '--received' needs a value" "option without value"
run 0 "$GONGKAI" deadline --help
contains "$OUT" "--consultation SENT:ANSWERED" "deadline --help"
done_testing
