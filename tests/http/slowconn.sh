#!/usr/bin/env bash
# slowconn.sh — a slow-connection attack on 127.0.0.1, bounded (1,200 connections, 5 s): from
# 127.0.0.2, connections that trickle a header byte every half second; from 127.0.0.1, a
# normal client's GET / four times a second. The portal must stay served: the attacker holds
# no more than its share of connections (the rest refused at once or answered 503), each of
# its trickling requests is cut at the request deadline however it trickles, and every normal
# request is answered 200 (its latency is printed).
# databases: sqlite (the connections are cut before a request reaches the database)
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
start_server --request-timeout 2 --per-address 32
port=${BASE##*:}
facts=$(python3 "$(dirname "$0")/slowconn.py" "$port" 127.0.0.2 127.0.0.1 1200 5)
echo "# $facts"
v() { printf '%s\n' "$facts" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
[ "$(v ok)" -ge 10 ] && ok "the normal client was served during the attack ($(v ok) requests, p50 $(v p50) ms, max $(v max) ms)" \
	|| not_ok "the normal client was served during the attack" "$facts"
equals "$(v failed)" 0 "no normal request failed"
[ "$(v held)" -le 48 ] && ok "the attacking address held at most its share at once ($(v held) connections)" \
	|| not_ok "the attacking address held at most its share at once" "$facts"
[ "$(v refused)" -ge 1 ] && ok "its connections beyond that were refused at once ($(v refused))" \
	|| not_ok "its connections beyond that were refused at once" "$facts"
[ "$(v cut)" -ge 1 ] && ok "trickling requests were cut by the server ($(v cut))" || not_ok "trickling requests were cut" "$facts"
awk -v m="$(v max_life)" 'BEGIN { exit !(m > 0 && m < 3.5) }' && ok "each within the 2 s deadline (longest $(v max_life) s), trickling did not extend it" \
	|| not_ok "trickling did not extend the deadline" "$facts"
contains "$(cat "$TMP/server.log")" "no complete request within 2 s" "the server logs the connections it cut"
get /
equals "$CODE" 200 "the portal answers after the attack"

# an address holding its share of connections gets a 503 that says to come back later
fds=()
for _ in $(seq 1 32); do exec {fd}<>"/dev/tcp/127.0.0.1/$port"; fds+=("$fd"); done
get /
equals "$CODE" 503 "one connection more than its share from one address: 503"
contains "$HEADERS" "Retry-After: 10" "with Retry-After"
contains "$BODY" "连接过多" "saying why, in Chinese"
for fd in "${fds[@]}"; do exec {fd}>&-; done
sleep 0.3
get /
equals "$CODE" 200 "once they close, the address is served again"
done_testing
