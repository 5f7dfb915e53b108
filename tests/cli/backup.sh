#!/usr/bin/env bash
# tests/cli/backup.sh — gongkai backup / restore: a checked copy that never overwrites a file,
# restore refusing a damaged, tampered, foreign or newer copy (the database left as it was),
# the database before a restore kept beside it, daily backups rotated to 7 daily + 4 weekly.
# databases: sqlite (a backup is a copy of a SQLite file; a PostgreSQL database is refused, tests/cli/migrate.sh)
. "$(dirname "$0")/../lib.sh"
DB="$TMP/office.db"
G() { "$GONGKAI" --db "$DB" "$@"; }
apps() { "$GONGKAI" --db "$1" app list --json | grep -c '"tracking_code"'; }
run 0 G init --agency-name 慈周寨镇人民政府
for d in 2024-03-01 2024-03-04 2024-03-05; do
	G app new --received $d --channel post --applicant-type np --applicant-name 张三 --contact 13800000000 --request 某项信息 >/dev/null
done

run 0 G backup "$TMP/b.db"
contains "$OUT" "backup written to $TMP/b.db: schema" "backup FILE writes the copy"
contains "$OUT" "audit head: " "and prints the audit log's head"
head=$(printf '%s\n' "$OUT" | sed -n 's/^audit head: //p')
run 0 G audit verify --head "$head"
contains "$OUT" "audit log intact" "the printed head anchors the live log"
run 1 G backup "$TMP/b.db"
contains "$ERR" "已存在；请另取一个文件名" "an existing file is never overwritten"
run 2 G backup
contains "$ERR" "name one FILE" "backup without FILE is a usage error"
run 0 "$GONGKAI" backup --check "$TMP/b.db"
contains "$OUT" "sound backup" "--check checks a backup"
equals "$(ls "$TMP" | grep -c 'b.db')" 1 "nothing left beside the backup (no -wal, -shm, .partial)"

# restore: into a new database, then over the live one (kept as it was)
run 0 "$GONGKAI" --db "$TMP/new.db" restore "$TMP/b.db"
equals "$(apps "$TMP/new.db")" 3 "a restore into a new database has every application"
G app new --received 2024-03-06 --channel post --applicant-type np --applicant-name 李四 --contact 13800000000 --request 某项信息 >/dev/null
equals "$(apps "$DB")" 4 "a fourth application after the backup"
run 0 G restore "$TMP/b.db"
saved=$(printf '%s\n' "$OUT" | sed -n 's/^the database as it was before: //p')
equals "$(apps "$DB")" 3 "restore brings the database back to the backup"
equals "$(apps "$saved")" 4 "the database as it was is kept beside it ($saved)"
run 0 G audit verify

# refusals: the live database stays as it is
before=$(sha256sum "$DB" | cut -c1-64)
head -c 6000 "$TMP/b.db" >"$TMP/cut.db"
run 1 G restore "$TMP/cut.db"
contains "$ERR" "拒绝：$TMP/cut.db 不是完好的 gongkai 备份" "a truncated copy is refused"
echo "not a database" >"$TMP/text.db"
run 1 G restore "$TMP/text.db"
contains "$ERR" "not a database" "a file that is no database is refused"
cp "$TMP/b.db" "$TMP/newer.db"; sqlite3 "$TMP/newer.db" "PRAGMA user_version = 999"
run 1 G restore "$TMP/newer.db"
contains "$ERR" "newer gongkai" "a copy written by a newer gongkai is refused"
cp "$TMP/b.db" "$TMP/tampered.db"
for t in $(sqlite3 "$TMP/tampered.db" "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_event'"); do
	sqlite3 "$TMP/tampered.db" "DROP TRIGGER $t"
done
sqlite3 "$TMP/tampered.db" "UPDATE audit_event SET actor = 'nobody' WHERE id = 2"
run 1 G restore "$TMP/tampered.db"
contains "$ERR" "副本的审计日志在第 2 条断开" "a copy whose audit log was altered is refused"
run 1 "$GONGKAI" backup --check "$TMP/tampered.db"
contains "$ERR" "在第 2 条断开" "and --check says so"
run 2 G restore "$TMP/missing.db"
contains "$ERR" "no database file at" "a missing file is named"
equals "$(sha256sum "$DB" | cut -c1-64)" "$before" "after every refusal the database is unchanged"
equals "$(ls "$TMP" | grep -c restoring)" 0 "and no scratch copy is left"

# daily backups with rotation: 61 days, 2026-10-01 … 2026-11-30 (a Monday)
mkdir "$TMP/daily"
for i in $(seq 0 60); do
	GONGKAI_TODAY=$(date -u -d "2026-10-01 +$i days" +%F) G backup --dir "$TMP/daily" >"$TMP/rot.out" || not_ok "backup --dir on day $i"
done
contains "$(cat "$TMP/rot.out")" "removed $TMP/daily/gongkai-2026-11-23.db (rotation)" "rotation says what it removed"
equals "$(ls "$TMP/daily" | tr '\n' ' ')" "gongkai-2026-11-01.db gongkai-2026-11-08.db gongkai-2026-11-15.db gongkai-2026-11-22.db gongkai-2026-11-24.db gongkai-2026-11-25.db gongkai-2026-11-26.db gongkai-2026-11-27.db gongkai-2026-11-28.db gongkai-2026-11-29.db gongkai-2026-11-30.db " \
	"7 daily backups and the last of each of the 4 weeks before"
GONGKAI_TODAY=2026-11-30 run 0 G backup --dir "$TMP/daily"
contains "$OUT" "backup written to $TMP/daily/gongkai-2026-11-30.db" "a second run the same day replaces that day's backup"
touch "$TMP/daily/notes.txt" "$TMP/daily/gongkai-old.db"
GONGKAI_TODAY=2026-12-01 run 0 G backup --dir "$TMP/daily" --keep-daily 1 --keep-weekly 0
equals "$(ls "$TMP/daily" | tr '\n' ' ')" "gongkai-2026-12-01.db gongkai-old.db notes.txt " "rotation touches only gongkai-YYYY-MM-DD.db files"
run 2 G backup --dir "$TMP/daily" --keep-daily 0
contains "$ERR" "at least 1" "--keep-daily 0 is refused"
done_testing
