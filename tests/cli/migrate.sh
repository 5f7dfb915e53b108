#!/usr/bin/env bash
# migrate.sh — gongkai migrate: everything of a database moved into an empty one and back
# (with $GONGKAI_TEST_PG the middle one is PostgreSQL): the same exports and searches on every
# side, the audit chain intact, new records after the move get new ids, a database that is
# not empty is refused and left as it was.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
export GONGKAI_TODAY=2024-03-04
A="$TMP/office.db" B=$(new_db platform) C="$TMP/back.db"
ga() { "$GONGKAI" --db "$A" "$@"; }
gb() { "$GONGKAI" --db "$B" "$@"; }
gc() { "$GONGKAI" --db "$C" "$@"; }

# an office with a bit of everything
run 0 ga init --agency-name 慈周寨镇人民政府 --agency-code 11370812004339255B
run 0 ga init --agency-name 别的镇人民政府
echo "pw-zhang-2024" >"$TMP/pw"
run 0 ga user add zhang --role officer --agency 1 --display-name 张办事员 --password-file "$TMP/pw"
run 0 ga app generate --count 30 --year 2023 --seed 5 --agency 1
run 0 ga register news add --agency 1 --platform 政务微博 --date 2023-05-01 --title 五月通报
printf '本办法适用于本镇农村土地承包经营权流转管理。\n' >"$TMP/body"
printf '%%PDF-1.4 test' >"$TMP/a.pdf"
run 0 ga doc add --agency 1 --title "慈周寨镇农村土地承包经营权流转管理办法" --body-file "$TMP/body" \
	--doc-number "慈政发〔2024〕1号" --formed 2024-02-20 --genre 行政规范性文件 --attach "$TMP/a.pdf" --by zhang
run 0 ga doc submit 1 --by zhang
ga search 土地 --staff zhang --json >"$TMP/search.a"

# A → B
run 0 "$GONGKAI" migrate --from "$A" --to "$B"
contains "$OUT" "the exports of all 2 organs are the same on both" "the move checks itself"
contains "$OUT" "audit log intact" "and the audit chain"
contains "$OUT" "document_attachment    1 rows" "attachments move too"
for o in 1 2; do
	ga export --agency $o >"$TMP/a.$o"
	gb export --agency $o >"$TMP/b.$o"
	equals "$(cmp "$TMP/a.$o" "$TMP/b.$o" && echo same)" same "organ $o exports the same"
done
run 0 gb audit verify
gb search 土地 --staff zhang --json >"$TMP/search.b"
equals "$(cmp "$TMP/search.a" "$TMP/search.b" && echo same)" same "the moved catalogue is found the same"

# gongkai backup and restore copy SQLite files; a PostgreSQL database is refused naming its own
# tools, and nothing is written
if [[ $B == postgres* ]]; then
	run 2 gb backup --dir "$TMP/bk"
	contains "$ERR" "pg_dump" "backup of a PostgreSQL database is refused naming pg_dump"
	[ ! -e "$TMP/bk" ] && ok "…and writes nothing" || not_ok "…and writes nothing" "$(ls -R "$TMP/bk")"
	run 0 ga backup "$TMP/copy.db"
	run 2 gb restore "$TMP/copy.db"
	contains "$ERR" "pg_restore" "restore into a PostgreSQL database is refused naming pg_restore"
	equals "$(sql "$B" "SELECT count(*) FROM application")" "30" "…and leaves it as it was"
fi

# new records get new ids after the move
run 0 gb init --agency-name 第三个镇人民政府
equals "$OUT" "3" "the next organ is number 3"
run 0 gb app new --agency 1 --received 2024-03-01 --channel online --applicant-type np \
	--applicant-name 李四 --contact 13800000000 --request 公开土地征收批复
run 0 gb audit verify

# a database that holds organs is refused, untouched
gb export --agency 3 >"$TMP/before"
run 1 "$GONGKAI" migrate --from "$A" --to "$B"
contains "$ERR" "already holds organs" "migrate fills only an empty database"
gb export --agency 3 >"$TMP/after"
equals "$(cmp "$TMP/before" "$TMP/after" && echo same)" same "and writes nothing"

# and back: B → C
run 0 "$GONGKAI" migrate --from "$B" --to "$C"
contains "$OUT" "the exports of all 3 organs are the same on both" "the way back checks itself too"
gc search 土地 --staff zhang --json >"$TMP/search.c"
equals "$(cmp "$TMP/search.a" "$TMP/search.c" && echo same)" same "and finds the same"
run 2 "$GONGKAI" migrate --from "$A"
contains "$ERR" "--to" "both ends are needed"
done_testing
