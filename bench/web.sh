#!/usr/bin/env bash
# bench/web.sh — `gongkai serve` under load (wrk, bounded duration, 127.0.0.1) on the home page,
# a document page and a search, against nginx serving a saved copy of the same home page as a
# static file in the same run. Prints req/s, p99 latency and the ratio to nginx.
# Installs wrk and nginx-light with apt-get when missing (root only). DURATION (default 5 s),
# CONNECTIONS (32), THREADS (2) can be set in the environment.
set -euo pipefail
: "${GONGKAI:?set GONGKAI to the gongkai binary}"
DURATION=${DURATION:-5}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
need=""
command -v wrk >/dev/null || need="$need wrk"
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need="$need nginx-light"
if [ -n "$need" ]; then
	[ "$(id -u)" -eq 0 ] || { echo "bench/web.sh needs:$need (apt-get install)"; exit 1; }
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $need >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
TMP=$(mktemp -d)
gpid="" npid=""
trap '[ -n "$gpid" ] && kill "$gpid" 2>/dev/null; [ -n "$npid" ] && kill "$npid" 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

"$GONGKAI" --db "$TMP/demo.db" demo >/dev/null
"$GONGKAI" --db "$TMP/demo.db" serve --listen 127.0.0.1:0 --threads "$THREADS" 2>"$TMP/serve.log" &
gpid=$!
for _ in $(seq 1 200); do
	port=$(sed -n 's|^listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$TMP/serve.log")
	[ -n "${port:-}" ] && break
	sleep 0.05
done
G="http://127.0.0.1:$port"
doc=$(curl -s "$G/catalogue" | grep -o 'href="/doc/[0-9]*"' | head -1 | sed 's/href="\(.*\)"/\1/')
search="/search?q=%E5%85%AC%E5%BC%80"   # 公开

# nginx serving the saved home page as a static file
mkdir -p "$TMP/www" "$TMP/ngx/logs"
curl -s "$G/" -o "$TMP/www/index.html"
chmod 755 "$TMP" "$TMP/www"; chmod 644 "$TMP/www/index.html"   # nginx workers are not root
nport=$(free_port)
cat >"$TMP/ngx/nginx.conf" <<CONF
worker_processes $THREADS;
daemon off;
pid $TMP/ngx/nginx.pid;
error_log $TMP/ngx/logs/error.log;
events { worker_connections 1024; }
http {
	access_log $TMP/ngx/logs/access.log;
	client_body_temp_path $TMP/ngx; proxy_temp_path $TMP/ngx; fastcgi_temp_path $TMP/ngx;
	uwsgi_temp_path $TMP/ngx; scgi_temp_path $TMP/ngx;
	server {
		listen 127.0.0.1:$nport;
		root $TMP/www;
		location / { default_type "text/html; charset=utf-8"; }
	}
}
CONF
"$NGINX" -p "$TMP/ngx" -c "$TMP/ngx/nginx.conf" 2>"$TMP/ngx/stderr" &
npid=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$nport/" && break; sleep 0.05; done

# run NAME URL: one wrk run; prints "NAME req/s p99"
run() {
	local out rps p99
	out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2")
	rps=$(printf '%s\n' "$out" | awk '/^Requests\/sec:/ { print $2 }')
	p99=$(printf '%s\n' "$out" | awk '$1 == "99%" { print $2 }')
	if printf '%s\n' "$out" | grep -q "Non-2xx"; then echo "warning: $1 had non-2xx answers" >&2; fi
	printf '%-28s %12s %10s\n' "$1" "$rps" "$p99"
	echo "$rps" >"$TMP/rps.$1"
}
echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on 127.0.0.1 ($(nproc) cores shared); gongkai --threads $THREADS"
printf '%-28s %12s %10s\n' "target" "req/s" "p99"
run nginx-static-home "http://127.0.0.1:$nport/"
run gongkai-home "$G/"
run gongkai-document "$G$doc"
run gongkai-search "$G$search"
base=$(cat "$TMP/rps.nginx-static-home")
for t in gongkai-home gongkai-document gongkai-search; do
	awk -v a="$(cat "$TMP/rps.$t")" -v b="$base" -v t="$t" 'BEGIN { printf "%-28s %.2f of nginx static\n", t, a / b }'
done
