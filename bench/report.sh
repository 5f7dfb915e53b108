#!/usr/bin/env bash
# report.sh — time to compute a year's annual report (Table 三 from the applications, Table 二
# and 四 from the registers, the narrative draft, every rule) for one organ with 100,000
# applications and for a region of 1,000 organs with 1,000,000 applications, against the same
# Table 三 counts done by one plain SQL GROUP BY in the sqlite3 shell on the same database in the
# same run. Run by `make bench` (never by make check). Sizes: REPORT_BENCH_ORGAN_N,
# REPORT_BENCH_REGION_N, REPORT_BENCH_ORGANS.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
G=${GONGKAI:-$top/build/gongkai}
command -v sqlite3 >/dev/null || { echo "bench/report.sh: needs the sqlite3 shell" >&2; exit 1; }
N1=${REPORT_BENCH_ORGAN_N:-100000}
N2=${REPORT_BENCH_REGION_N:-1000000}
ORGANS=${REPORT_BENCH_ORGANS:-1000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db="$dir/bench.db"
export GONGKAI_TODAY=2025-06-30

"$G" --db "$db" init --agency-name 基准县人民政府 --level county >/dev/null   # id 1: the region
"$G" --db "$db" init --agency-name 基准局 --level county-dept --parent 1 >/dev/null   # id 2: the organ

# Applications straight into the table (the ledger's summary columns are what the report
# reads): received over 2023-06-01 … 2024-12-31, 90 % closed 0–40 days later with one of the
# 21 outcomes, the rest open; six applicant types.
gen() {  # AGENCY_EXPR COUNT FIRST_ID
	cat <<SQL
WITH RECURSIVE n(i) AS (SELECT $3 UNION ALL SELECT i + 1 FROM n WHERE i < $3 + $2 - 1),
oc(k, id) AS (VALUES (0,'granted'),(1,'partial'),(2,'deny_state_secret'),(3,'deny_law_prohibits'),
 (4,'deny_security_stability'),(5,'deny_third_party'),(6,'deny_internal_affairs'),
 (7,'deny_process_info'),(8,'deny_enforcement_file'),(9,'deny_admin_query'),(10,'unable_not_held'),
 (11,'unable_needs_creation'),(12,'unable_unclear_after_fix'),(13,'noproc_petition'),
 (14,'noproc_repeat'),(15,'noproc_publication'),(16,'noproc_mass_repeat'),
 (17,'noproc_confirm_reissue'),(18,'other_no_correction'),(19,'other_fee_unpaid'),(20,'other_misc')),
ty(k, id) AS (VALUES (0,'np'),(1,'biz'),(2,'research'),(3,'ngo'),(4,'legal'),(5,'org_other')),
a(i, ag, received) AS (SELECT i, $1, date('2023-06-01', '+' || (i * 7919 % 580) || ' days') FROM n)
INSERT INTO application (id, agency_id, tracking_code, secret_hash, received, channel, applicant_type,
  applicant_name, applicant_key, state, outcome, closed, created_at)
SELECT i, ag, 'B' || i, 'x', received, 'online', (SELECT id FROM ty WHERE k = i % 6), '某',
  'k' || (i % 977),
  CASE WHEN i % 10 = 0 THEN 'received' ELSE 'replied' END,
  CASE WHEN i % 10 = 0 THEN NULL ELSE (SELECT id FROM oc WHERE k = i % 21) END,
  CASE WHEN i % 10 = 0 THEN NULL ELSE date(received, '+' || (i % 41) || ' days') END,
  '2025-01-01T00:00:00Z'
FROM a;
SQL
}

# The same Table 三 counts, one GROUP BY: per column, 一 / 二 / outcome / 四 of 2024.
groupby() {  # WHERE
	cat <<SQL
SELECT agency_id, applicant_type,
  SUM(received >= '2024-01-01') AS new_received,
  SUM(received < '2024-01-01') AS carried_in,
  CASE WHEN closed <= '2024-12-31' THEN outcome ELSE 'carried_out' END AS row_id, COUNT(*)
FROM application
WHERE $1 received <= '2024-12-31' AND (closed IS NULL OR closed >= '2024-01-01')
GROUP BY agency_id, applicant_type, row_id;
SQL
}

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

echo "generating $N1 applications for one organ ..."
gen 2 "$N1" 1 | sqlite3 "$db"
sqlite3 "$db" "ANALYZE;"

t0=$(now); "$G" --db "$db" report 2024 --agency 基准局 --draft --format json >"$dir/organ.json"; t1=$(now)
sqlite3 "$db" "$(groupby 'agency_id = 2 AND')" >"$dir/organ.sql"; t2=$(now)
grep -q '"t3.handled_total.total"' "$dir/organ.json"
gk1=$(secs "$t0" "$t1"); sq1=$(secs "$t1" "$t2")
printf 'organ, %d applications: gongkai report %.3f s; sqlite3 GROUP BY %.3f s; ratio %sx\n' \
	"$N1" "$gk1" "$sq1" "$(ratio "$gk1" "$sq1")"

echo "generating $ORGANS organs and $N2 applications ..."
{
	echo "WITH RECURSIVE n(i) AS (SELECT 3 UNION ALL SELECT i + 1 FROM n WHERE i < $ORGANS + 2)"
	echo "INSERT INTO agency (id, name, level, parent_id, created_at) SELECT i, '基准镇' || i, 'township', 1, '2025-01-01T00:00:00Z' FROM n;"
	gen "3 + i % $ORGANS" "$N2" $((N1 + 1))
	echo "ANALYZE;"
} | sqlite3 "$db"

t0=$(now); "$G" --db "$db" report 2024 --region 基准县人民政府 --draft --format json >"$dir/region.json" 2>/dev/null; t1=$(now)
sqlite3 "$db" "$(groupby '')" >"$dir/region.sql"; t2=$(now)
grep -q '"t3.handled_total.total"' "$dir/region.json"
gk2=$(secs "$t0" "$t1"); sq2=$(secs "$t1" "$t2")
printf 'region, %d organs, %d applications: gongkai report --region %.3f s; sqlite3 GROUP BY %.3f s; ratio %sx\n' \
	"$((ORGANS + 2))" "$((N1 + N2))" "$gk2" "$sq2" "$(ratio "$gk2" "$sq2")"
