#!/usr/bin/env bash
# ledger.sh — organs, users, the audit chain and (below) applications, through the CLI,
# each on a temporary database.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
DB=$(new_db l)
gk() { "$GONGKAI" --db "$DB" "$@"; }
pg() { case $DB in postgres*) return 0 ;; esac; return 1; }
version() {  # the database's schema version
	if pg; then sql "$DB" "SELECT max(version) FROM schema_migration"
	else sql "$DB" "PRAGMA user_version"; fi
}

# --- organs ---------------------------------------------------------------------------------
run 2 gk user list
if pg; then
	contains "$ERR" "no gongkai database in PostgreSQL database" "an empty database is named, not set up"
	equals "$(sql "$DB" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" 0 "nothing created by a read command"
else
	contains "$ERR" "no database at" "a missing database is named, not created"
	[ ! -e "$DB" ] && ok "nothing created by a read command" || not_ok "nothing created by a read command"
fi
run 0 gk init --agency-name 慈周寨镇人民政府 --agency-code 11370812004339255B --by lead
equals "$OUT" "1" "init prints the new organ's id"
run 2 gk init --agency-name 县政府 --level county --agency-code 11370812004339254B
contains "$ERR" "expected '8'" "a USCC with a wrong check character is refused, naming the right one"
run 2 gk init --agency-name 县政府 --level prefecture
contains "$ERR" "--level" "an unknown level is refused"
run 1 gk init --agency-name 慈周寨镇人民政府
contains "$ERR" "--agency-name: 已有名称相同的机关" "a duplicate organ name is refused"
run 1 gk init --agency-name 另一镇人民政府 --agency-code 11370812004339255B
contains "$ERR" "--agency-code: 已有统一社会信用代码相同的机关" "a duplicate 统一社会信用代码 is refused, naming it"
run 0 gk init --agency-name 某县人民政府 --level county
county=$OUT   # 2 on SQLite; PostgreSQL's ids skip the numbers the refused organs took
equals "$(sql "$DB" "SELECT name FROM agency WHERE id = ${county:-0}")" "某县人民政府" "a second organ gets an id of its own, printed"
run 0 gk init --agency-name 某县财政局 --level county-dept --parent 某县人民政府
equals "$(sql "$DB" "SELECT parent_id FROM agency WHERE id = ${OUT:-0}")" "$county" "a department with its parent named"
run 2 gk init --agency-name 某县某局 --parent 99
contains "$ERR" "--parent" "an unknown parent is refused"

# --- users ----------------------------------------------------------------------------------
printf 'Correct horse 9\n' >"$TMP/pw"
run 2 gk user add alice --role officer --password-file "$TMP/pw"
contains "$ERR" "--agency" "with several organs an officer needs --agency"
run 0 gk user add alice --role officer --agency 慈周寨镇人民政府 --password-file "$TMP/pw"
run 0 gk user add bob --role leader --agency 1 --display-name 王主任
run 2 gk user add carol --role boss --agency 1
contains "$ERR" "没有“boss”这个角色" "an unknown role is refused"
run 1 gk user add alice --role officer --agency 1
contains "$ERR" "已有名为“alice”的用户" "a duplicate user name is refused"
printf 'short\n' >"$TMP/pw2"
run 2 gk user add dave --role admin --password-file "$TMP/pw2"
contains "$ERR" "密码至少 10 个字符" "a short password is refused"
run 0 gk user list --json
contains "$OUT" '"name": "alice"' "user list --json lists alice"
contains "$OUT" '"password_set": true' "alice has a password"
contains "$OUT" '"display_name": "王主任"' "display names are kept"
lacks "$OUT" 'argon2' "the password hash is never printed"
hash=$(sql "$DB" "SELECT password_hash FROM app_user WHERE name='alice'")
case "$hash" in '$argon2id$'*) ok "passwords are stored as argon2id hashes" ;;
	*) not_ok "passwords are stored as argon2id hashes" "got $hash" ;; esac
lacks "$(sql "$DB" 'SELECT content FROM audit_event')" "horse" "the audit log never holds the password"
run 0 gk user passwd bob --password-file "$TMP/pw"
case "$(sql "$DB" "SELECT password_hash FROM app_user WHERE name='bob'")" in '$argon2id$'*) ok "user passwd sets a password" ;;
	*) not_ok "user passwd sets a password" ;; esac
run 2 gk user passwd nobody --password-file "$TMP/pw"
contains "$ERR" "no user named 'nobody'" "user passwd names an unknown user"
run 0 gk user passwd bob --clear
equals "$(sql "$DB" "SELECT count(*) FROM app_user WHERE name='bob' AND password_hash IS NULL")" "1" "user passwd --clear removes it"

# --- audit ----------------------------------------------------------------------------------
run 0 gk audit verify
contains "$OUT" "intact" "a fresh audit log verifies"
run 0 gk audit list
contains "$OUT" "lead  agency 1  create" "the actor given with --by is recorded"
contains "$OUT" "$(id -un)  agency $county  create" "without --by the OS user is recorded"
n_before=$(sql "$DB" "SELECT count(*) FROM audit_event")
run 1 gk init --agency-name 慈周寨镇人民政府
equals "$(sql "$DB" 'SELECT count(*) FROM audit_event')" "$n_before" "a refused command leaves no audit entry"

ORIG=$(db_copy "$DB" orig)
# an edited row (the tamperer lifts the append-only trigger first)
sql "$DB" "$(unguard "$DB" audit_event) UPDATE audit_event SET content = replace(content, '慈周寨镇', '某某镇') WHERE id = 1"
run 1 gk audit verify
contains "$OUT" "BROKEN at entry 1" "an edited entry is found"
contains "$OUT" "content was changed" "…and said to be changed"
# a deleted row
DB=$(db_copy "$ORIG" deleted)
sql "$DB" "$(unguard "$DB" audit_event) DELETE FROM audit_event WHERE id = 3"
run 1 gk audit verify
contains "$OUT" "BROKEN at entry 4" "a deleted entry is found at the entry after it"
# an inserted row, chained onto the last one but with a made-up hash
DB=$(db_copy "$ORIG" inserted)
last=$(sql "$DB" "SELECT max(id) FROM audit_event")
sql "$DB" "INSERT INTO audit_event SELECT id + 1, at, actor, agency_id, entity, entity_id, 'delete', content, hash, hash FROM audit_event WHERE id = $last"
run 1 gk audit verify
contains "$OUT" "BROKEN at entry $((last + 1))" "an inserted entry is found"
# an inserted row in the middle: ids renumbered after it
DB=$(db_copy "$ORIG" middle)
sql "$DB" "$(unguard "$DB" audit_event) UPDATE audit_event SET id = id + 100 WHERE id >= 3; UPDATE audit_event SET id = id - 99 WHERE id >= 103; INSERT INTO audit_event SELECT 3, at, actor, agency_id, entity, entity_id, action, content, hash, hash FROM audit_event WHERE id = 2"
run 1 gk audit verify
contains "$OUT" "BROKEN at entry 3" "an entry slipped into the middle is found"
# a log cut short verifies as a chain, but not against the head recorded earlier
DB=$(db_copy "$ORIG" short)
run 0 gk audit verify
head=$(printf '%s\n' "$OUT" | sed -n 's/^head: //p')
case "$head" in [0-9]*:????????????????????????????????????????????????????????????????) ok "verify prints the head ID:HASH" ;;
	*) not_ok "verify prints the head ID:HASH" "got $OUT" ;; esac
run 0 gk audit verify --head "$head"
sql "$DB" "$(unguard "$DB" audit_event) DELETE FROM audit_event WHERE id = ${head%%:*}"
run 0 gk audit verify
run 1 gk audit verify --head "$head"
contains "$OUT" "cut short" "a truncated log is caught against the recorded head"
run 2 gk audit verify --head 12:abc
contains "$ERR" "ID:HASH" "a malformed --head is refused"
DB=$(db_copy "$ORIG" guarded)
if pg; then run 1 sql "$DB" "DELETE FROM audit_event WHERE id = 1"
else run 19 sql "$DB" "DELETE FROM audit_event WHERE id = 1"; fi
contains "$ERR" "append-only" "the schema itself refuses to delete audit entries"

# --- schema versions ------------------------------------------------------------------------
if pg; then sql "$DB" "INSERT INTO schema_migration (version, name, applied_at) VALUES (99, 'future', '2099-01-01T00:00:00Z')"
else sql "$DB" "PRAGMA user_version = 99"; fi
run 1 gk user list
contains "$ERR" "newer gongkai" "a database from a newer gongkai is refused"
equals "$(version)" "99" "…and left untouched"

# --- applications ---------------------------------------------------------------------------
DB=$(new_db apps) APPS=$DB
export GONGKAI_TODAY=2024-11-15
run 0 gk init --agency-name 慈周寨镇人民政府
new_app() {  # RECEIVED TYPE NAME [more options]: prints the id
	local r=$1 t=$2 n=$3; shift 3
	gk app new --received "$r" --confirmed "$r" --channel online --applicant-type "$t" --applicant-name "$n" --contact 13800000000 --request 某项信息 "$@" | head -1
}
run 0 gk app new --received 2024-09-27 --confirmed 2024-09-27 --channel online --applicant-type np --applicant-name 张三 \
	--id-number 11010519491231002X --contact 13800000000 --request 道路建设资金使用情况 --form electronic
id=$(printf '%s\n' "$OUT" | head -1)
equals "$id" "1" "app new prints the id first"
contains "$OUT" "tracking code:" "app new prints a tracking code"
code=$(printf '%s\n' "$OUT" | sed -n 's/^tracking code: *//p')
secret=$(printf '%s\n' "$OUT" | sed -n 's/^tracking secret: *\([^ ]*\).*/\1/p')
case "$code" in [2-9A-Z][2-9A-Z][2-9A-Z][2-9A-Z]-[2-9A-Z][2-9A-Z][2-9A-Z][2-9A-Z]-[2-9A-Z][2-9A-Z][2-9A-Z][2-9A-Z])
	ok "the tracking code is 3 groups of 4 unambiguous characters" ;;
	*) not_ok "the tracking code is 3 groups of 4 unambiguous characters" "got $code" ;; esac
lacks "$(sql "$DB" 'SELECT * FROM application')" "$secret" "the tracking secret itself is not stored"
want=$(printf '%s' "$secret" | sha256sum | cut -d' ' -f1)
equals "$(sql "$DB" 'SELECT secret_hash FROM application WHERE id=1')" "$want" "only its SHA-256 is"

run 2 gk app new --received 2024-09-27 --channel online --applicant-type np --applicant-name 李四 --contact 13800000000 --request 某项信息 --id-number 110105194912310021
contains "$ERR" "check character" "a wrong 身份证 check digit is refused"
run 2 gk app new --received 2024-09-27 --channel pigeon --applicant-type np --applicant-name 李四 --contact 13800000000 --request 某项信息
contains "$ERR" "--channel" "an unknown channel is refused"
run 2 gk app new --received 2024-09-31 --channel post --applicant-type np --applicant-name 李四 --contact 13800000000 --request 某项信息
contains "$ERR" "--received" "an impossible date is refused"
run 2 gk app new --received 2024-09-27 --channel post --applicant-type person --applicant-name 李四 --contact 13800000000 --request 某项信息
contains "$ERR" "np, biz, research, ngo, legal, org_other" "the applicant types are listed"
# REQ 条例-29: the contact and the description are required from the command line too, and the
# error names the option with the field's Chinese label
run 2 gk app new --received 2024-09-27 --channel post --applicant-type np --applicant-name 李四 --request 某项信息
contains "$ERR" "--contact（联系方式）: 必须填写（条例第二十九条" "an application without a contact is refused"
run 2 gk app new --received 2024-09-27 --channel post --applicant-type np --applicant-name 李四 --contact 13800000000
contains "$ERR" "--request（所需信息的描述）: 必须填写" "an application without a description is refused"
run 2 gk app new --received 2024-09-27 --channel post --applicant-type np --applicant-name "" --contact 1 --request 某
contains "$ERR" "--applicant-name（申请人姓名或者名称）: 必须填写" "an empty name is refused"
run 0 gk app --help
contains "$OUT" "--contact TEXT           联系方式 (required, at most 600 bytes; 条例第二十九条" \
	"app new's options and help lines come from the application's declared fields"
# one parser for whole numbers: trailing characters are an error naming the option, never read
run 2 gk app list --year 2024x
contains "$ERR" "--year: want a whole number 1900-2199, got '2024x'" "app list --year 2024x is refused"
run 2 gk search 道路 --limit 5x
contains "$ERR" "--limit: want a whole number 1-100, got '5x'" "search --limit 5x is refused, not read as 5"
run 2 gk doc list --limit ' 5'
contains "$ERR" "--limit: want a whole number 1-100000" "a leading space is refused too"
run 2 gk app generate --count 10 --batch 0
contains "$ERR" "--batch: want a whole number" "app generate --batch 0 is refused"

run 0 gk app show 1
contains "$OUT" "reply_due              2024-10-30" "REQ 条例-33: received 09-27 online → reply due 10-30 across 国庆"
contains "$OUT" "OVERDUE" "today (11-15) is past the binding deadline"
contains "$OUT" "国庆节放假7天，不计" "the derivation names the holidays"
run 0 gk app show 1 --json
for k in '"received": "2024-09-27"' '"correction_notice_due": "2024-10-12"' '"reply_due": "2024-10-30"' \
	'"verified": true' '"steps": [' '"state": "received"' '"outcome": null' '"events": ['; do
	contains "$OUT" "$k" "app show --json has $k"
done

# lifecycle refusals leave nothing behind
events_before=$(sql "$DB" "SELECT count(*) FROM app_event")
audit_before=$(sql "$DB" "SELECT count(*) FROM audit_event")
run 1 gk app event 1 consultation-answered --date 2024-10-08
contains "$ERR" "只能在已征求意见（consultation-started）" "answering a consultation never started is refused, saying why"
run 2 gk app event 1 extended --date 2024-10-08
contains "$ERR" "--approver（批准人）: 不能记录" "an extension without the approver is refused, naming the field and its label"
run 1 gk app event 1 extended --date 2024-10-31 --approver 王主任
contains "$ERR" "2024-10-30" "an extension after the reply deadline is refused"
run 1 gk app event 1 consultation-started --date 2024-09-20
contains "$ERR" "2024-09-20 早于收到申请之日（2024-09-27）" "a date before receipt is refused"
run 1 gk app event 1 consultation-started --date 2024-11-20
contains "$ERR" "晚于今天（2024-11-15）" "a date after today is refused"
equals "$(sql "$DB" 'SELECT count(*) FROM app_event')" "$events_before" "refused events store nothing"
equals "$(sql "$DB" 'SELECT count(*) FROM audit_event')" "$audit_before" "…and audit nothing"

run 0 gk app event 1 consultation-started --date 2024-10-08 --party third-party --note 征求第三方意见 --by alice
run 0 gk app event 1 extended --date 2024-10-09 --approver 王主任
run 1 gk app event 1 extended --date 2024-10-10 --approver 王主任
contains "$ERR" "答复期限只能延长一次（条例第三十三条）" "extending twice is refused"
run 1 gk app event 1 consultation-started --date 2024-10-07
contains "$ERR" "早于上一项办理" "a date before the previous event is refused"
run 0 gk app event 1 consultation-answered --date 2024-10-22
run 0 gk app show 1 --json
contains "$OUT" '"reply_due": "2024-11-14"' "REQ 条例-33 ¶3: 11 working days of consultation (10-12 worked) are not counted"
contains "$OUT" '"extended_reply_due": "2024-12-12"' "REQ 条例-33: the extension adds 20 working days"
contains "$OUT" '"workdays_paused": 11' "the pause is in the derivation"
run 0 gk app decide 1 --outcome partial --date 2024-11-01 --basis 条例第三十七条
run 1 gk app decide 1 --outcome granted --date 2024-11-02
contains "$ERR" "办结后不能再记录" "deciding twice is refused"
run 1 gk app event 1 withdrawn --date 2024-11-02
contains "$ERR" "申请已于 2024-11-01 办结（已答复，partial），办结后不能再记录" "anything after closing is refused"
run 2 gk app decide 1 --outcome deny_everything --date 2024-11-02
contains "$ERR" "granted, partial" "an unknown outcome lists the Table 三 row ids"
run 0 gk app show 1
contains "$OUT" "（二）部分公开" "the outcome is shown with its Table 三 label"
contains "$OUT" "(by alice)" "the actor of each event is shown"

# correction: one notice only, lapse closes with other_no_correction
a2=$(new_app 2024-10-14 biz 某某科技有限公司 --id-number 11370812004339255B)
run 0 gk app event "$a2" correction-requested --date 2024-10-16
run 1 gk app event "$a2" correction-requested --date 2024-10-17
contains "$ERR" "一次性告知" "REQ 条例-30: a second correction request is refused"
run 1 gk app decide "$a2" --outcome granted --date 2024-10-18
contains "$ERR" "awaiting-correction" "no decision while the correction is awaited"
run 0 gk app event "$a2" correction-lapsed --date 2024-11-10
run 0 gk app show "$a2" --json
contains "$OUT" '"outcome": "other_no_correction"' "correction-lapsed closes with other_no_correction"
# fee: notice, receipt, lapse → other_fee_unpaid
a3=$(new_app 2024-09-02 np 王五)
run 2 gk app event "$a3" fee-notice --date 2024-09-05 --amount 120.50
contains "$ERR" "--by-count: 不能记录“收费通知”：收费通知应载明计收方式：按件或按量" "REQ 109号: a fee notice states its method"
run 2 gk app event "$a3" fee-notice --date 2024-09-05 --by-pages 62 --amount 120.50
contains "$ERR" "320.00" "REQ 109号: an amount other than the method's is refused, naming the right one"
run 0 gk app event "$a3" fee-notice --date 2024-09-05 --by-pages 62
run 0 gk app event "$a3" fee-notice-received --date 2024-09-06
run 1 gk app event "$a3" fee-lapsed --date 2024-09-20
contains "$ERR" "至 2024-10-11" "REQ 109号: no lapse before the 20 working days to pay"
run 0 gk app event "$a3" fee-lapsed --date 2024-11-01
run 0 gk app show "$a3" --json
contains "$OUT" '"outcome": "other_fee_unpaid"' "fee-lapsed closes with other_fee_unpaid"
contains "$OUT" '"amount_yuan": "320.00"' "the fee amount follows the method: 62 pages = 32 × 10 元"
# REQ 109号-缴费: the fee notice → payment span is paused by default; an organ may count it
a7=$(new_app 2024-09-02 np 孙八)
run 0 gk app event "$a7" fee-notice --date 2024-09-05 --by-pages 31
run 0 gk app event "$a7" fee-notice-received --date 2024-09-06
run 0 gk app event "$a7" fee-paid --date 2024-09-20
run 0 gk app show "$a7" --json
contains "$OUT" '"reply_due": "2024-10-18"' "REQ 109号-缴费: by default 10 working days from notice to payment extend the reply limit"
run 2 gk guide set --fee-pause maybe
contains "$ERR" "--fee-pause: 收费通知至缴费期间不计入答复期限只能是 yes 或 no，不是“maybe”" "a fee-pause setting other than yes/no is refused, naming the option and the setting in Chinese"
run 0 gk guide set --fee-pause no
run 0 gk app show "$a7" --json
contains "$OUT" '"reply_due": "2024-09-30"' "REQ 109号-缴费: an organ that counts the fee period is due 20 working days after receipt"
run 0 gk app list --overdue --json
contains "$(printf '%s\n' "$OUT" | grep -A12 "\"id\": $a7,")" '"due": "2024-09-30"' "…and the application list uses the organ's setting"
run 0 gk guide set --fee-pause ""
run 0 gk app show "$a7" --json
contains "$OUT" '"reply_due": "2024-10-18"' "clearing the setting restores the default pause"
# late replies and notices are shown
a6=$(new_app 2024-09-02 np 钱七)
run 0 gk app event "$a6" correction-requested --date 2024-09-20
run 0 gk app event "$a6" correction-received --date 2024-09-23
run 0 gk app decide "$a6" --outcome granted --date 2024-11-12
run 0 gk app show "$a6" --json
contains "$OUT" '"correction_notice_late_workdays": 6' "REQ 条例-30: a 补正 notice 6 working days after its limit (09-11; 09-14 worked, 中秋 off) is flagged"
contains "$OUT" '"reply_late_workdays": 13' "REQ 条例-33: a reply 13 working days after the restarted deadline (10-24) is flagged"
run 0 gk app show "$a6"
contains "$OUT" "LATE: replied 13 working day(s) after the deadline" "…in the text too"
run 0 gk app show 1 --json
contains "$OUT" '"reply_late_workdays": 0' "a reply within the extended period is in time"
# withdrawn → other_misc
a4=$(new_app 2024-11-01 ngo 某公益基金会)
run 0 gk app event "$a4" withdrawn --date 2024-11-04
equals "$(sql "$DB" "SELECT outcome FROM application WHERE id=$a4")" "other_misc" "withdrawn closes with other_misc"

# lists
a5=$(new_app 2024-11-12 np 赵六)
run 0 gk app list --overdue
lacks "$OUT" "赵六" "a new application is not overdue"
run 0 gk app list --due-within 30 --json
contains "$OUT" "\"id\": $a5" "…but due within 30 working days"
contains "$OUT" '"due": "2024-12-10"' "its due date is live"
run 0 gk app list --state open
contains "$OUT" "$a5 " "open applications are listed"
lacks "$OUT" "partial" "closed ones are not"
run 0 gk app list --year 2024 --state replied --json
contains "$OUT" '"outcome": "partial"' "list by year and state"
run 2 gk app list --state sleeping
contains "$ERR" "没有“sleeping”这个办理状态" "an unknown state is refused"
unset GONGKAI_TODAY

# --- fees -----------------------------------------------------------------------------------
for kv in 10:0 11:100 30:100 31:200 40:200 41:300; do
	run 0 "$GONGKAI" fee --by-count "${kv%%:*}"
	equals "$(printf '%s\n' "$OUT" | head -1)" "${kv##*:} 元" "REQ 109号-按件: application ${kv%%:*} of the month costs ${kv##*:} 元"
done
for kv in 30:0 31:10 100:700 101:720 200:2700 201:2740; do
	run 0 "$GONGKAI" fee --by-pages "${kv%%:*}" --json
	contains "$OUT" "\"amount_yuan\": ${kv##*:}," "REQ 109号-按量: ${kv%%:*} pages cost ${kv##*:} 元"
done
run 2 "$GONGKAI" fee --by-count 3 --by-pages 40
contains "$ERR" "one method" "one method per application"
# the ledger counts K itself: 12 applications of one applicant in one month
DB=$(new_db fee)
run 0 gk init --agency-name 某县财政局 --level county-dept
for i in $(seq 1 12); do new_app 2024-05-0$(( (i % 9) + 1 )) np 张三 >/dev/null; done
new_app 2024-06-01 np 张三 >/dev/null
last_may=$(sql "$DB" "SELECT id FROM application WHERE received LIKE '2024-05%' ORDER BY received DESC, id DESC LIMIT 1")
run 0 gk fee --app "$last_may" --json
contains "$OUT" '"count": 12' "the ledger counts the applicant's 12th application in May"
contains "$OUT" '"amount_yuan": 100' "…which costs 100 元"
run 0 gk fee --app 13
contains "$OUT" "0 元" "June starts a new count"
run 0 gk app event "$last_may" fee-notice --date 2024-05-20 --by-count
equals "$(sql "$DB" "SELECT amount_fen, method, quantity FROM app_event WHERE app_id=$last_may AND kind='fee-notice'")" "10000|by-count|12" "a fee notice --by-count charges the ledger's 按件 fee and records the count"

# --- two writers at once lose nothing --------------------------------------------------------
DB=$(new_db conc)
run 0 gk init --agency-name 某乡人民政府
writer() { for i in $(seq 1 25); do
	"$GONGKAI" --db "$DB" app new --received 2024-03-0$1 --channel post --applicant-type np --applicant-name "w$1-$i" --contact 13800000000 --request 某项信息 >/dev/null || echo FAIL; done; }
writer 1 >"$TMP/w1" 2>&1 & p1=$!
writer 2 >"$TMP/w2" 2>&1 & p2=$!
wait $p1 $p2
equals "$(cat "$TMP/w1" "$TMP/w2")" "" "no writer failed"
equals "$(sql "$DB" 'SELECT count(*) FROM application')" "50" "two concurrent writers: all 50 applications stored"
run 0 gk audit verify
contains "$OUT" "51 entries" "…and the audit chain stays one unbroken chain"

# --- an older database upgrades itself --------------------------------------------------------
DB=$(new_db old)
run 0 gk init --agency-name 某镇人民政府
# keep only what migration 1 ("core") made: drop every later table, view and function
if pg; then
	later=$(sql "$DB" "SELECT string_agg('DROP TABLE IF EXISTS ' || tablename || ' CASCADE', '; ') FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('schema_migration', 'agency', 'app_user', 'audit_event')")
	funcs=$(sql "$DB" "SELECT string_agg('DROP FUNCTION IF EXISTS ' || p.oid::regprocedure || ' CASCADE', '; ') FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname <> 'gk_refuse'")
	sql "$DB" "$later; ${funcs:+$funcs;} DELETE FROM schema_migration WHERE version > 1"
else
	# (FTS tables are unlinked from the schema first: the sqlite3 shell does not know gongkai's
	# tokenizer, so it cannot DROP them; their shadow tables go with the rest)
	sql "$DB" "PRAGMA writable_schema = ON; DELETE FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'; PRAGMA writable_schema = OFF"
	later=$(sql "$DB" "SELECT group_concat('DROP TABLE IF EXISTS ' || name, '; ') FROM sqlite_master WHERE type = 'table' AND name NOT IN ('schema_migration', 'agency', 'app_user', 'audit_event') AND name NOT LIKE 'sqlite_%' ORDER BY sql LIKE 'CREATE VIRTUAL%' DESC")
	views=$(sql "$DB" "SELECT group_concat('DROP VIEW IF EXISTS ' || name, '; ') FROM sqlite_master WHERE type = 'view'")
	sql "$DB" "PRAGMA foreign_keys = OFF; ${views:+$views;} $later; DELETE FROM schema_migration WHERE version > 1; PRAGMA user_version = 1"
fi
equals "$(version)" 1 "(the database is taken back to version 1)"
run 0 gk app new --received 2024-03-01 --channel fax --applicant-type research --applicant-name 某研究所 --contact 13800000000 --request 某项信息
now=$(version); DB=$APPS
equals "$now" "$(version)" "a version-1 database is upgraded on open"
done_testing
