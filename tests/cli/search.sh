#!/usr/bin/env bash
# search.sh — the catalogue's full-text search as a citizen uses it (gongkai search, the same
# catalogue_search as the portal): 1- and 2-character words, traditional and full-width input,
# quoted phrases, 文号 and 索引号; totals with counts per organ, year, 主题分类, 体裁 and 有效性
# that add up to the total; filters; title matches first or newest first; pages; a suggestion
# when nothing is found; drafts, documents under review, scheduled and withdrawn documents
# never found by the public.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
export GONGKAI_TODAY=2024-06-03
DB=$(new_db s)
G() { "$GONGKAI" --db "$DB" "$@"; }
jq_() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

run 0 G init --agency-name 慈周寨镇人民政府 --agency-code 11370812004339255B
run 0 G init --agency-name 滑县自然资源局 --agency-code 11410526MB0123456M
for u in off1:officer rev1:reviewer rev2:reviewer boss:leader; do
	run 0 G user add "${u%%:*}" --role "${u##*:}" --agency 1
done
for u in off2:officer rev3:reviewer rev4:reviewer boss2:leader; do
	run 0 G user add "${u%%:*}" --role "${u##*:}" --agency 2
done

# publish ID ORGAN-USERS... DATE: 三审 and publication on DATE
publish() {
	local id=$1 off=$2 r1=$3 r2=$4 lead=$5 day=$6
	GONGKAI_TODAY=$day G doc submit "$id" --by "$off" >/dev/null &&
	GONGKAI_TODAY=$day G doc review "$id" --stage first --by "$r1" --decision approve >/dev/null &&
	GONGKAI_TODAY=$day G doc review "$id" --stage second --by "$r2" --decision approve >/dev/null &&
	GONGKAI_TODAY=$day G doc review "$id" --stage final --by "$lead" --decision approve \
		--secrecy-checked >/dev/null &&
	GONGKAI_TODAY=$day G doc publish "$id" --by "$off" >/dev/null || echo "publish $id failed"
}
# add ORGAN TITLE BODY [FIELDS…]: prints the id
add() {
	local organ=$1 title=$2 body=$3; shift 3
	printf '%s\n' "$body" >"$TMP/body"
	G doc add --agency "$organ" --title "$title" --body-file "$TMP/body" --by "$([ "$organ" = 1 ] && echo off1 || echo off2)" "$@" | cut -d' ' -f1
}

d1=$(add 1 "关于做好2024年政务公开工作的通知" "为进一步做好政府信息公开工作，现将有关事项通知如下。" \
	--doc-number "慈政〔2024〕3号" --formed 2023-12-20 --genre 通知 --topic '综合政务\政务公开')
d2=$(add 1 "慈周寨镇农村土地承包经营权流转管理办法" "本办法适用于本镇农村土地承包经营权流转。申请人应当提交书面申请。" \
	--doc-number "慈政发〔2024〕1号" --formed 2024-01-10 --genre 行政规范性文件 --topic '国土资源、能源\土地')
d3=$(add 1 "2023年度低保名单公示" "经村民委员会评议，现将低保名单公示如下。公示期间如有异议，请反映。" \
	--formed 2024-01-15 --genre 公告 --topic '民政、扶贫、救灾\扶贫')
d4=$(add 2 "滑县土地征收补偿标准" "根据《土地管理法》，本县土地征收补偿标准如下。條例另有規定的，從其規定。" \
	--doc-number "滑自然资〔2023〕8号" --formed 2023-11-02 --genre 通知 --topic '国土资源、能源\土地' \
	--validity expired --invalid-date 2024-03-01)
d5=$(add 2 "关于开展耕地保护专项检查的通告" "为加强耕地保护，决定开展专项检查。ＧＢ／Ｔ　２１０１０土地利用现状分类。" \
	--formed 2024-02-01 --genre 通告 --topic '国土资源、能源\矿产')
d6=$(add 1 "防汛应急预案" "土地流转后的防汛责任由经营者承担。" --formed 2024-02-20 --genre 其他)
publish "$d1" off1 rev1 rev2 boss 2024-01-05
publish "$d2" off1 rev1 rev2 boss 2024-01-20
publish "$d3" off1 rev1 rev2 boss 2024-01-25
publish "$d4" off2 rev3 rev4 boss2 2023-11-10
publish "$d5" off2 rev3 rev4 boss2 2024-02-10
publish "$d6" off1 rev1 rev2 boss 2024-03-01
# not public: a draft, one under review, one scheduled for later, one withdrawn
d7=$(add 1 "土地草稿" "土地流转草稿内容。")
d8=$(add 1 "土地送审稿" "土地流转送审内容。")
G doc submit "$d8" --by off1 >/dev/null
d9=$(add 1 "土地将来发布" "土地流转将来发布的内容。")
G doc submit "$d9" --by off1 >/dev/null && G doc review "$d9" --stage first --by rev1 --decision approve >/dev/null &&
	G doc review "$d9" --stage second --by rev2 --decision approve >/dev/null &&
	G doc review "$d9" --stage final --by boss --decision approve --secrecy-checked >/dev/null &&
	G doc publish "$d9" --by off1 --at 2024-07-01 >/dev/null
d10=$(add 1 "土地撤回文件" "土地流转已撤回的内容。")
publish "$d10" off1 rev1 rev2 boss 2024-03-05
run 0 G doc withdraw "$d10" --by off1 --reason "内容有误"

ids() { echo "$OUT" | jq_ '[h["id"] for h in d["hits"]]'; }

# words of one and two characters, phrases, traditional and full-width input
run 0 G search 申 --json
equals "$(ids)" "[$d2]" "a one-character query finds the document that has it"
run 0 G search 低保 --json
equals "$(ids)" "[$d3]" "a two-character word"
run 0 G search 开公 --json
equals "$(ids)" "[]" "characters must be adjacent and in order (开公 is not 公开)"
run 0 G search 條例 --json
equals "$(ids)" "[$d4]" "a traditional query finds simplified text"
run 0 G search 条例 --json
equals "$(ids)" "[$d4]" "and simplified finds traditional text"
contains "$OUT" "<mark>條例</mark>" "the passage marks the text as written"
run 0 G search "ＧＢ/T 21010" --json
equals "$(ids)" "[$d5]" "full-width letters and digits"
run 0 G search '"土地承包经营权流转"' --json
equals "$(ids)" "[$d2]" "a quoted phrase"
run 0 G search "慈政〔2024〕3号" --json
equals "$(ids)" "[$d1]" "a 文号"
contains "$OUT" '"doc_no": "<mark>慈政〔2024〕3号</mark>"' "with the 文号 marked"
run 0 G search "慈政[2024]3号" --json
equals "$(ids)" "[$d1]" "a 文号 typed with other brackets"
run 0 G search "11370812004339255B/2024-00002" --json
equals "$(ids)" "[$d2]" "an 索引号"
run 0 G search "土地 流转" --json
equals "$(ids)" "[$d2, $d6]" "several terms: all must match; title matches first"

# what the public never finds
run 0 G search 草稿 --json
equals "$(echo "$OUT" | jq_ 'd["total"]')" "0" "a draft is not found"
run 0 G search 送审 --json
equals "$(echo "$OUT" | jq_ 'd["total"]')" "0" "a document under review is not found"
run 0 G search 将来发布 --json
equals "$(echo "$OUT" | jq_ 'd["total"]')" "0" "a document scheduled for later is not found"
GONGKAI_TODAY=2024-07-01 run 0 G search 将来发布 --json
equals "$(ids)" "[$d9]" "… until its day"
run 0 G search 撤回 --json
equals "$(echo "$OUT" | jq_ 'd["total"]')" "0" "a withdrawn document is not found"
run 0 G search 撤回 --staff off1 --json
equals "$(echo "$OUT" | jq_ 'd["total"]')" "0" "not even by its organ's staff"
run 0 G search 草稿 --staff off1 --json
equals "$(ids)" "[$d7]" "staff find their organ's drafts"
run 0 G search 草稿 --staff off2 --json
equals "$(echo "$OUT" | jq_ 'd["total"]')" "0" "but not another organ's"
run 0 G search 将来发布 --staff off1 --json
equals "$(ids)" "[$d9]" "staff find their organ's documents scheduled for later"
run 0 G search 将来发布 --staff off2 --json
equals "$(echo "$OUT" | jq_ 'd["total"]')" "0" "but not another organ's"
run 0 G search 土地 --staff off1 --year 2023 --json
equals "$(ids)" "[$d4]" "a staff search of a year finds the year's published documents of every organ"

# the total and the counts per facet
run 0 G search 土地 --json
equals "$(echo "$OUT" | jq_ 'd["total"], d["exact"]')" "4 True" "the total is exact"
for f in agency year topic genre validity; do
	equals "$(echo "$OUT" | jq_ "sum(x['n'] for x in d['facets']['$f'])")" "4" "the counts per $f add up to the total"
done
equals "$(echo "$OUT" | jq_ "[(x['label'], x['n']) for x in d['facets']['agency']]")" \
	"[('慈周寨镇人民政府', 2), ('滑县自然资源局', 2)]" "counts per organ, by name"
equals "$(echo "$OUT" | jq_ "[(x['value'], x['n']) for x in d['facets']['year']]")" \
	"[('2024', 3), ('2023', 1)]" "per year of publication, newest first"
equals "$(echo "$OUT" | jq_ "[(x['label'], x['n']) for x in d['facets']['validity']]")" \
	"[('有效', 3), ('失效', 1)]" "per 有效性"
equals "$(echo "$OUT" | jq_ "[(x['label'], x['n']) for x in d['facets']['topic']]")" \
	"[('国土资源、能源', 3), ('未分类', 1)]" "per 主题分类 (first level: 土地 and 矿产 together)"

# filters narrow the total, and the facets follow
run 0 G search 土地 --agency 滑县自然资源局 --json
equals "$(echo "$OUT" | jq_ 'd["total"]')" "2" "filter by organ"
run 0 G search 土地 --year 2023 --json
equals "$(ids)" "[$d4]" "filter by year"
run 0 G search 土地 --topic 国土资源、能源 --json
equals "$(echo "$OUT" | jq_ 'd["total"]')" "3" "filter by 主题分类 (a first level takes its second)"
run 0 G search 土地 --genre 通知 --validity valid --json
equals "$(echo "$OUT" | jq_ 'd["total"]')" "0" "filters combine"
run 0 G search 土地 --validity expired --json
equals "$(ids)" "[$d4]" "filter by 有效性"

# order and pages
run 0 G search 土地 --sort date --json
equals "$(ids)" "[$d6, $d5, $d2, $d4]" "by date: newest first"
run 0 G search 土地 --json
equals "$(echo "$OUT" | jq_ '[h["in_title"] for h in d["hits"]]')" "[True, True, False, False]" \
	"by relevance: title matches first"
run 0 G search 土地 --sort date --limit 2 --page 2 --json
equals "$(ids)" "[$d2, $d4]" "page 2 of 2 a page"
equals "$(echo "$OUT" | jq_ 'd["more"]')" "False" "the last page"
run 0 G search 土地 --sort date --limit 3 --json
equals "$(echo "$OUT" | jq_ 'd["more"]')" "True" "a page follows"
run 2 G search 土地 --sort newest
contains "$ERR" "--sort" "an unknown order is refused"

# nothing found: drop a term
run 0 G search "土地 宇宙飞船" --json
equals "$(echo "$OUT" | jq_ 'd["total"], d["suggestion"], d["suggestion_total"]')" \
	"0 土地 4" "a suggestion without the term that found nothing"
run 0 G search "土地 宇宙飞船"
contains "$OUT" "try: 土地 (4 found)" "the text output suggests it too"
run 2 G search "***"
contains "$ERR" "query" "a query with nothing to search is refused"
# The titles have an index of their own (migration "search_title"): a title changed on a draft
# leaves it, so the old title's words find nothing, in the title or elsewhere.
dx=$(add 1 "宇宙飞船计划" "与本次检索无关的正文。")
run 0 G search 飞船 --staff off1 --json
equals "$(echo "$OUT" | jq_ '[(h["id"], h["in_title"]) for h in d["hits"]]')" "[($dx, True)]" "a new draft is found by its title"
run 0 G doc edit "$dx" --title "月球车计划" --by off1
run 0 G search 飞船 --staff off1 --json
equals "$(echo "$OUT" | jq_ 'd["total"], len(d["hits"])')" "0 0" "its old title's words find it no more"
run 0 G search 月球车 --staff off1 --json
equals "$(echo "$OUT" | jq_ '[(h["id"], h["in_title"]) for h in d["hits"]]')" "[($dx, True)]" "its new title does, as a title match"

# A database of the schema before its title index is upgraded on open: the titles already
# indexed are found first again. On SQLite that is schema 19 (the title index is taken out of
# the schema by hand: the sqlite3 shell does not know gongkai's tokenizer, which dropping an
# FTS5 table needs; the later migrations are taken out too, "search_forward", "search_pos",
# "search_facet" and "search_spaces" writing both indexes again from the documents); on
# PostgreSQL schema 21, whose
# title-only search read every chunk holding the words (its chunks without the filters' lexemes
# of "search_facet", which the upgrade adds).
case $DB in
postgres*)
	sql "$DB" "DROP TABLE search_title; DROP FUNCTION gk_facets;
UPDATE search_chunk SET tsv = ts_delete(tsv,
  ARRAY(SELECT lexeme FROM unnest(tsv) WHERE lexeme LIKE '#zf%'));
DELETE FROM schema_migration WHERE name IN ('search_title_pg', 'search_forward', 'search_pos',
  'search_facet', 'search_spaces')"
	title_migration="22 search_title_pg"
	;;
*)
	# search_fts loses the column of the filters' words ("search_facet") as declared: the
	# upgrade writes it again from the documents before reading it ("search_forward"); the
	# view keeps its column facet, which nothing before that migration reads
	sql "$DB" "PRAGMA writable_schema = ON;
DELETE FROM sqlite_schema WHERE name IN ('search_title', 'search_title_data', 'search_title_idx',
  'search_title_docsize', 'search_title_config');
UPDATE sqlite_schema SET sql = replace(sql, 'attach, facet,', 'attach,') WHERE name = 'search_fts';
PRAGMA writable_schema = OFF;" >/dev/null
	sql "$DB" "DROP TRIGGER search_doc_remove;
DROP TRIGGER search_request_add;
DROP TRIGGER search_change_add; DROP TRIGGER search_change_remove; DROP TABLE search_change;
DROP INDEX search_doc_pos; ALTER TABLE search_doc DROP COLUMN pos;
CREATE TRIGGER search_doc_remove BEFORE DELETE ON search_doc BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, meta, body, attach)
    SELECT 'delete', old.key, title, meta, body, attach FROM search_source
    WHERE doc_id = old.doc_id AND NOT EXISTS (SELECT 1 FROM search_queue WHERE key = old.key);
  DELETE FROM search_queue WHERE key = old.key;
  UPDATE search_span SET n = n - 1 WHERE span = old.key >> 50;
END;
DROP TRIGGER app_tally_add; DROP TRIGGER app_tally_remove; DROP TRIGGER app_tally_move;
DROP TABLE app_tally;
CREATE TRIGGER search_request_add INSTEAD OF INSERT ON search_request BEGIN
  INSERT INTO search_topic (value) SELECT topic FROM document WHERE id = new.doc_id
    AND topic IS NOT NULL AND topic NOT IN (SELECT value FROM search_topic);
  INSERT INTO search_genre (value) SELECT genre FROM document WHERE id = new.doc_id
    AND genre NOT IN (SELECT value FROM search_genre);
  INSERT INTO search_doc (key, doc_id, agency_id)
    SELECT coalesce((SELECT max(key) + 1 FROM search_doc
      WHERE key BETWEEN s.base AND s.base + 65535), s.base), s.doc_id, s.agency_id
    FROM search_source s WHERE s.doc_id = new.doc_id;
END;
DELETE FROM schema_migration WHERE name IN ('search_title', 'app_tally', 'search_title_pg',
  'search_forward', 'search_pos', 'search_facet', 'search_spaces');
PRAGMA user_version = 19"
	title_migration="20 search_title"
	;;
esac
run 1 G search 土地
contains "$ERR" "open it once for writing to upgrade it" "an older database is not read before its upgrade"
run 0 G doc edit "$dx" --title "火星车计划" --by off1
run 0 G search 月球车 --staff off1 --json
equals "$(echo "$OUT" | jq_ 'd["total"], len(d["hits"])')" "0 0" "the upgrade indexed the titles there were: a changed one leaves"
run 0 G search 火星车 --staff off1 --json
equals "$(echo "$OUT" | jq_ '[(h["id"], h["in_title"]) for h in d["hits"]]')" "[($dx, True)]" "and the new title is found as a title match"
run 0 G search 土地 --json
equals "$(echo "$OUT" | jq_ '[h["in_title"] for h in d["hits"]]')" "[True, True, False, False]" \
	"after the upgrade to the title index: title matches first"
equals "$(sql "$DB" "SELECT version FROM schema_migration WHERE name = '${title_migration#* }'")" \
	"${title_migration% *}" "the upgrade is recorded"
run 0 G search 土地 --validity expired --json
equals "$(echo "$OUT" | jq_ '[(h["id"], h["in_title"]) for h in d["hits"]]')" "[($d4, True)]" \
	"after the upgrade the filters find what they found, in the titles too"
run 0 G search 土地 --topic 国土资源、能源 --genre 通知 --json
equals "$(ids)" "[$d4]" "and with two of them"

# A term's tokens must follow each other: a document holding every bigram of 公开信息 (公开,
# 开信, 信息), but not in a row, is not found by it; one holding the words in a row is.
d11=$(add 1 "信箱启用通知" "信息公开，开信箱。" --formed 2024-03-10 --genre 通知)
d12=$(add 1 "目录更新通知" "本镇公开信息目录已更新。" --formed 2024-03-11 --genre 通知)
publish "$d11" off1 rev1 rev2 boss 2024-03-12
publish "$d12" off1 rev1 rev2 boss 2024-03-12
run 0 G search 公开信息 --json
equals "$(ids)" "[$d12]" "a term's tokens must be in a row, not only all in the document"
run 0 G search '"开信箱" 信息' --json
equals "$(ids)" "[$d11]" "while each term may lie anywhere in it"
run 0 G search '公开信息 信箱' --json
equals "$(echo "$OUT" | jq_ 'd["total"]')" "0" \
	"with several terms too: one holding the other term and the bigrams of this one apart is not found"
run 0 G search '公开信息 目录' --json
equals "$(ids)" "[$d12]" "one holding both, each in a row, is"

# A space or a line break between two Chinese characters is layout, not a separator: a
# two-character name padded to the width of three (王　芳) and a word a pasted line cuts are
# found, and marked as written; punctuation still separates.
d13=$(add 1 "补贴发放名单公示" "$(printf '领取人：王　芳、李秀英、张  伟。本镇政府信\n息公开平台同步公示。')" \
	--formed 2024-03-13 --genre 公告)
publish "$d13" off1 rev1 rev2 boss 2024-03-13
run 0 G search 王芳 --json
equals "$(ids)" "[$d13]" "a name padded with an ideographic space is found"
contains "$(echo "$OUT" | jq_ 'd["hits"][0]["snippet"]')" "<mark>王　芳</mark>" "and marked as written"
run 0 G search 张伟 --json
equals "$(ids)" "[$d13]" "so is one padded with two spaces"
run 0 G search 信息公开平台 --json
equals "$(ids)" "[$d13]" "and a word a line break cuts"
run 0 G search 芳李 --json
equals "$(echo "$OUT" | jq_ 'd["total"]')" "0" "while punctuation still separates"
done_testing
