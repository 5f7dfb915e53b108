#!/usr/bin/env bash
# registers.sh — the registers through the CLI: add, list, CSV import (all or nothing, errors by
# line), fees in 元 shown in 万元, and the Table 二 / Table 四 figures they feed.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
DB=$(new_db r)
gk() { "$GONGKAI" --db "$DB" "$@"; }

run 0 gk init --agency-name 慈周寨镇人民政府
run 0 gk init --agency-name 某县人民政府 --level county

# --- add and list ------------------------------------------------------------------------------
run 2 gk register normdoc add --agency 1 --kind normdoc --issued 2024-03-01 --doc-no '慈政规〔2024〕1号'
contains "$ERR" "--title" "a missing field is named as the option to type"
run 2 gk register normdoc add --agency 1 --kind normdoc --issued 2024-03-01 --doc-no 'a' --title t --repealed 2024-02-30
contains "$ERR" "--repealed" "an impossible date names its option"
run 0 gk register normdoc add --agency 1 --kind normdoc --issued 2024-03-01 --doc-no '慈政规〔2024〕1号' --title '关于村务公开的规定'
equals "$OUT" "1" "add prints the new entry's id"
run 0 gk register normdoc add --agency 1 --kind normdoc --issued 2020-05-01 --doc-no '慈政规〔2020〕2号' --title '旧规定' --repealed 2024-12-31
run 0 gk register normdoc list --agency 1
contains "$OUT" "doc_no=慈政规〔2024〕1号" "list shows the entry"
run 0 gk register normdoc list --agency 1 --json
contains "$OUT" '"issued": "2024-03-01"' "list --json has the fields by name"
run 0 gk register normdoc list --agency 2
equals "$OUT" "" "another organ's register is empty"

# --- CSV import: a bad row stores nothing and names its line ------------------------------------
printf 'kind,from,to,count\nlicensing,2024-01-01,2024-01-31,37\npenalty,2024-02-01,2024-02-29,4\ncoercion,2024-12-01,2025-01-31,2\n' >"$TMP/bad.csv"
run 2 gk register decision import --agency 1 "$TMP/bad.csv"
contains "$ERR" "bad.csv:4: to:" "the bad row is reported by its line number and field"
contains "$ERR" "期间跨年" "and what is wrong with it"
contains "$ERR" "nothing was imported" "the user is told nothing was stored"
run 0 gk register decision list --agency 1
equals "$OUT" "" "no row of the bad file was stored"
printf '\xEF\xBB\xBFkind,from,to,count,title\r\nlicensing,2024-01-01,2024-01-31,37,\r\n"penalty",2024-02-01,2024-02-29,4,\r\n' >"$TMP/good.csv"
run 0 gk register decision import --agency 1 "$TMP/good.csv"
contains "$OUT" "imported 2 decision entries" "a good file (BOM, CRLF, quotes) is imported"
run 0 gk register decision add --agency 1 --kind penalty --date 2024-12-31 --doc-no '慈罚〔2024〕9号'
run 0 gk register decision add --agency 1 --kind penalty --date 2025-01-01
printf 'kind,date\npenalty,2024-06-01\npenalty,"2024-07-01\n' >"$TMP/quote.csv"
run 2 gk register decision import --agency 1 "$TMP/quote.csv"
contains "$ERR" "quote.csv:3" "an unclosed quote is reported at its line"
printf 'kind,nonsense\n' >"$TMP/cols.csv"
run 2 gk register decision import --agency 1 "$TMP/cols.csv"
contains "$ERR" "没有“nonsense”这一列" "an unknown column is named"

# --- fees: typed in 元, stored exactly, reported in 万元 ----------------------------------------
run 0 gk register fee add --agency 1 --date 2024-05-01 --amount 1234.56 --item 工本费
run 0 gk register fee add --agency 1 --from 2024-06-01 --to 2024-06-30 --amount 0.05
run 2 gk register fee add --agency 1 --date 2024-05-01 --amount 12.345
contains "$ERR" "--amount" "a third decimal of 元 is refused"
run 0 gk register fee list --agency 1
contains "$OUT" "amount=1234.56" "the amount is shown as typed"

# --- cases and feedback --------------------------------------------------------------------------
run 0 gk register case add --agency 1 --kind rev --filed 2023-11-20 --result upheld --closed 2024-02-01
run 0 gk register case add --agency 1 --kind lit_direct --filed 2024-05-01
run 0 gk register case add --agency 1 --kind lit_after_rev --filed 2024-04-01 --result upheld --closed 2024-08-01 --co-defendant yes
run 2 gk register case add --agency 1 --kind rev --filed 2024-04-01 --closed 2024-08-01
contains "$ERR" "--result" "a closed case without result is refused"
run 2 gk register case add --agency 1 --kind rev --filed 2024-04-01 --application NOPE-1
contains "$ERR" "--application: 本机关没有申请“NOPE-1”" "an unknown linked application is refused"
run 0 gk register feedback add --agency 1 --channel mailbox --received 2024-03-03 --text '建议公开村务'
equals "$OUT" "1 FB2024-00001" "feedback gets a reference number"
run 0 gk register news add --agency 1 --platform 政府网站 --date 2024-04-01 --title 春耕
run 0 gk register news add --agency 1 --platform 微信公众号 --date 2024-04-02 --title 防汛

# --- the figures of the report -------------------------------------------------------------------
run 0 gk register report --agency 1 --year 2024
contains "$OUT" "行政规范性文件  本年制发 1  本年废止 1  现行有效 1" "Table 二: issued, repealed on 12-31, in force"
contains "$OUT" "行政许可        本年处理决定 37" "period counts summed"
contains "$OUT" "行政处罚        本年处理决定 5" "single decisions and monthly totals together, 2025 left out"
contains "$OUT" "本年收费金额 0.123461 万元 (1234.61 元)" "fees reported in 万元"
contains "$OUT" "行政复议: 结果维持 1  结果纠正 0  其他结果 0  尚未审结 0  总计 1" "a 2023 case concluded in 2024"
contains "$OUT" "未经复议直接起诉: 结果维持 0  结果纠正 0  其他结果 0  尚未审结 1  总计 1" "an open case is pending"
contains "$OUT" "复议后起诉: 结果维持 0  结果纠正 0  其他结果 0  尚未审结 0  总计 0" "co-defendant case left out"
contains "$OUT" "News published: 2" "news counted"
run 0 gk register report --agency 1 --year 2024 --json --count-co-defendant
contains "$OUT" '"admin_fee_fen": 123461' "JSON carries the exact amount in 分"
contains "$OUT" '"upheld": 1' "co-defendant case counted when asked"
run 0 gk audit verify
contains "$OUT" "intact" "every register change is in the audit chain"

# --- set and remove: a case is closed later, a document repealed, a mistaken entry removed ------
run 0 gk register case set 2 --agency 1 --result corrected --closed 2025-03-01
contains "$OUT" "changed case entry 2" "set reports the change"
run 2 gk register case set 2 --agency 1 --result pending
contains "$ERR" "--result" "the changed entry is checked again (pending with a closing date)"
run 0 gk register case list --agency 1 --json
contains "$OUT" '"result": "corrected"' "the case is closed with its result"
run 0 gk register normdoc set 1 --agency 1 --repealed 2025-02-01
run 0 gk register normdoc set 2 --agency 1 --repealed ""
run 0 gk register normdoc list --agency 1
lacks "$OUT" "repealed=2024-12-31" "an empty value clears a field"
run 2 gk register news set 99 --agency 1 --title x
contains "$ERR" "本机关的登记簿 news 没有第 99 项" "an unknown entry is named"
run 2 gk register news set 1 --agency 2 --title x
contains "$ERR" "本机关的登记簿 news 没有第 1 项" "another organ's entry cannot be changed"
run 0 gk register news remove 2 --agency 1
run 0 gk register news list --agency 1
lacks "$OUT" "防汛" "remove takes the entry away"
run 0 gk audit list
contains "$OUT" "reg_news 2  remove" "the removal is in the audit log"
run 0 gk audit verify
done_testing
