#!/usr/bin/env bash
# tests/package/install.sh — gongkai installed as a user or a package installs it: `meson install`
# of the build into a scratch root (DESTDIR), then the installed binary alone, with no source
# tree to lean on: it finds its calendar, templates and static files under PREFIX/share/gongkai,
# its manual page is the one its --help gives, and the command of debian/gongkai.service (with
# the scratch root's paths) serves / and /console/login.
. "$(dirname "$0")/../lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$(dirname "$GONGKAI")" && pwd)
root="$TMP/root"
# nothing from the test environment may point back into the source tree
unset GONGKAI_DATA_DIR GONGKAI_SHARE_DIR GONGKAI_TEMPLATE_DIR GONGKAI_STATIC_DIR GONGKAI_DB

run 0 meson install -C "$build" --no-rebuild --quiet --destdir "$root"
bin=$(find "$root" -path '*/bin/gongkai' -type f | head -1)
share=$(find "$root" -path '*/share/gongkai' -type d | head -1)
man=$(find "$root" -path '*/man1/gongkai.1' -type f | head -1)
equals "${bin:+yes}" yes "the binary is installed under PREFIX/bin"
equals "$(dirname "$(dirname "$bin")")/share/gongkai" "$share" "its files under PREFIX/share/gongkai (FHS)"
for f in data/cn-workday-calendar.tsv templates/layout.html templates/error.html static/site.css; do
	[ -f "$share/$f" ] && ok "installed: $f" || not_ok "installed: $f"
done
equals "$(find "$root" -path '*/bin/*' -type f | wc -l)" 1 "nothing else in bin/ (no tests, no benchmarks)"

# The installed files are the ones used: change the installed copies and see the change.
cd "$TMP" || exit 1
printf '2024-10-08\tworkday\t国庆节\n' >>"$share/data/cn-workday-calendar.tsv"
run 2 "$bin" calendar 2024
contains "$ERR" "2024-10-08 是调休上班（workday）行" "the calendar read is the installed one (the line added there is refused)"
sed -i '$d' "$share/data/cn-workday-calendar.tsv"
run 0 "$bin" calendar 2024
contains "$OUT" "2024年工作日：251天" "the installed calendar works"
sed -i 's|</body>|<!-- installed-layout --></body>|' "$share/templates/layout.html"

# The manual page is what the installed binary's --help says.
python3 "$top/scripts/gen-man" "$bin" "$TMP/fresh.1"
if cmp -s "$man" "$TMP/fresh.1"; then ok "gongkai(1) is generated from --help"
else not_ok "gongkai(1) is generated from --help" "$(diff "$man" "$TMP/fresh.1" | head)"; fi
for c in $("$bin" --help | awk '/^Commands:/ { f = 1; next } f && /^  [a-z]/ { print $1 }'); do
	grep -q "^\.SS $c\$" "$man" || not_ok "gongkai(1) has a section for $c"
done
ok "gongkai(1) has a section for every command"
if command -v man >/dev/null; then
	run 0 man -l -P cat "$man"
	contains "$OUT" "report YEAR" "man renders the page"
fi

# The service's command, as debian/gongkai.service runs it (paths moved into the scratch root).
db="$root/var/lib/gongkai/gongkai.db"
mkdir -p "$(dirname "$db")"
run 0 "$bin" --db "$db" init --agency-name 慈周寨镇人民政府
exec_start=$(sed -n 's/^ExecStart=//p' "$top/debian/gongkai.service")
contains "$exec_start" "/usr/bin/gongkai --db /var/lib/gongkai/gongkai.db serve" "the unit runs serve on /var/lib/gongkai"
cmd=${exec_start//\/usr\/bin\/gongkai/$bin}
cmd=${cmd//\/var\/lib\/gongkai/$root/var/lib/gongkai}
cmd=${cmd//\$\{GONGKAI_LISTEN\}/127.0.0.1:0}
cmd=${cmd//\$GONGKAI_SERVE_OPTIONS/--threads 2}
read -r -a argv <<<"$cmd"
"${argv[@]}" 2>"$TMP/server.log" &
pid=$!
port=$(listening_port "$pid" "$TMP/server.log")
if [ -n "$port" ]; then
	ok "the service's command starts"
	for p in / /console/login /static/site.css; do
		code=$(curl -s -o "$TMP/page" -w '%{http_code}' "http://127.0.0.1:$port$p")
		equals "$code" 200 "GET $p from the installed server"
	done
	contains "$(cat "$TMP/page")" "{" "the static file is served"
	curl -s -o "$TMP/page" "http://127.0.0.1:$port/console/login"
	contains "$(cat "$TMP/page")" "installed-layout" "pages come from the installed templates"
	kill "$pid"
	wait "$pid"
	equals "$?" 0 "SIGTERM stops it cleanly"
else
	not_ok "the service's command starts" "$(cat "$TMP/server.log")"
	kill "$pid" 2>/dev/null
fi
done_testing
