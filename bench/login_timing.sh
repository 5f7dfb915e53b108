#!/usr/bin/env bash
# bench/login_timing.sh — does a failed login take as long for an account that does not exist
# (or is disabled) as for a real account with a wrong password? Times N failed logins of each
# kind against a real `gongkai serve` on 127.0.0.1, interleaved so that load from other work
# on the machine falls on all kinds alike, with a successful login as the baseline measured in
# the same run. Prints the mean and median times and the ratio to the wrong-password mean.
# N (default 40) can be set in the environment.
set -euo pipefail
: "${GONGKAI:?set GONGKAI to the gongkai binary}"
N=${N:-40}
TMP=$(mktemp -d)
gpid=""
trap '[ -n "$gpid" ] && kill "$gpid" 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT

"$GONGKAI" --db "$TMP/t.db" init --agency-name 慈周寨镇人民政府 >/dev/null
echo "pw-officer-2024" >"$TMP/pw"
"$GONGKAI" --db "$TMP/t.db" user add officer --role officer --password-file "$TMP/pw" >/dev/null
"$GONGKAI" --db "$TMP/t.db" user add retired --role officer >/dev/null   # no password: disabled
# A limit high enough that no attempt of the run is refused by the rate limiter.
"$GONGKAI" --db "$TMP/t.db" serve --listen 127.0.0.1:0 --threads 2 --login-limit 100000 \
	2>"$TMP/serve.log" &
gpid=$!
for _ in $(seq 1 200); do
	port=$(sed -n 's|^listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$TMP/serve.log")
	[ -n "${port:-}" ] && break
	sleep 0.05
done
B="http://127.0.0.1:$port"
jar="$TMP/jar"
csrf=$(curl -s -c "$jar" "$B/console/login" | grep -o 'name="_csrf" value="[0-9a-f]*"' | head -1 |
	sed 's/.*value="\([0-9a-f]*\)"/\1/')

# one KIND USER PASSWORD EXPECTED-STATUS: time one login, append seconds to $TMP/KIND.
one() {
	local out
	out=$(curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}' "$B/console/login" \
		--data-urlencode "_csrf=$csrf" --data-urlencode "user=$2" --data-urlencode "password=$3")
	[ "${out%% *}" = "$4" ] || { echo "login_timing: $1 gave ${out%% *}, expected $4" >&2; exit 1; }
	echo "${out#* }" >>"$TMP/$1"
}
for i in $(seq 1 "$N"); do
	one wrong-password officer "wrong-password-$i" 401
	one unknown-account "nobody-$i" "wrong-password-$i" 401
	one disabled-account retired "wrong-password-$i" 401
	one right-password officer pw-officer-2024 303
done

stats() { sort -n "$TMP/$1" | awk '{ v[NR] = $1; s += $1 } END { printf "%.1f %.1f", 1000 * s / NR, 1000 * v[int((NR + 1) / 2)] }'; }
read -r base _ <<<"$(stats wrong-password)"
printf '%d logins of each kind (ms per login; ratio = mean / mean of wrong-password)\n' "$N"
printf '%-18s %8s %8s %7s\n' kind mean median ratio
for k in wrong-password unknown-account disabled-account right-password; do
	read -r mean med <<<"$(stats "$k")"
	printf '%-18s %8s %8s %7s\n' "$k" "$mean" "$med" "$(awk -v a="$mean" -v b="$base" 'BEGIN { printf "%.2f", a / b }')"
done
