#!/usr/bin/env bash
# run.sh — the browser tests: a demo database, a real `gongkai serve` on 127.0.0.1, and
# portal.mjs driving Debian chromium through playwright-core (installed by `make check` into
# tests/e2e/node_modules, with axe-core for the accessibility checks). Prints TAP; screenshots go to $SHOTS (default build/e2e-screenshots).
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${GONGKAI:?set GONGKAI to the gongkai binary}"
if [ ! -d "$here/node_modules/playwright-core" ] || [ ! -d "$here/node_modules/axe-core" ] || [ ! -x /usr/bin/chromium ] || ! command -v node >/dev/null; then
	echo "not ok 1 - browser test prerequisites: playwright-core, axe-core, node and /usr/bin/chromium (make check installs them)"
	echo "1..1"
	exit 1
fi
TMP=$(mktemp -d)
SHOTS=${SHOTS:-$(dirname "$GONGKAI")/e2e-screenshots}
mkdir -p "$SHOTS"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT
db="$TMP/demo.db"
out=$("$GONGKAI" --db "$db" demo) || { echo "not ok 1 - gongkai demo"; echo "1..1"; exit 1; }
for u in officer reviewer reviewer2 leader admin supervisor security auditor; do
	export "P_${u^^}=$(printf '%s\n' "$out" | awk -v u="$u" '$1 == u { print $NF }')"
done
"$GONGKAI" --db "$db" serve --listen 127.0.0.1:0 --threads 2 2>"$TMP/server.log" &
pid=$!
port=""
for _ in $(seq 1 200); do
	port=$(sed -n 's|^listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$TMP/server.log")
	[ -n "$port" ] && break
	sleep 0.05
done
[ -n "$port" ] || { echo "not ok 1 - server starts"; cat "$TMP/server.log"; echo "1..1"; exit 1; }
export BASE="http://127.0.0.1:$port" SHOTS TODAY=$(date -u -d "+8 hours" +%F)  # Beijing date, as gongkai counts days
export ROUTES="$("$GONGKAI" serve --routes)"  # the route table: a11y.mjs checks every page in it
export HOME="$TMP"  # chromium's profile and caches stay in the scratch folder
timeout 300 node "$here/portal.mjs"
