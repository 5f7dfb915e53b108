#!/usr/bin/env bash
# tests/package/deb.sh — the Debian package: built with dpkg-buildpackage from a copy of the
# source (nothing is written beside the checkout), checked by dpkg -I and lintian (no error),
# unpacked into a scratch root where the command of its gongkai.service serves / and
# /console/login from the packaged files alone.
#
# With GONGKAI_DEB_INSTALL=1 (make deb-check; root, Debian 12) the package is also installed
# on this machine with dpkg -i: the system user, /var/lib/gongkai, the units; its service
# command runs as that user; then the package is purged again and nothing is left running.
# GONGKAI_DEB=FILE tests that package instead of building one.
. "$(dirname "$0")/../lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
unset GONGKAI_DATA_DIR GONGKAI_SHARE_DIR GONGKAI_TEMPLATE_DIR GONGKAI_STATIC_DIR GONGKAI_DB

deb=${GONGKAI_DEB:-}
if [ -z "$deb" ]; then
	mkdir "$TMP/src"
	tar -C "$top" --exclude='./build*' --exclude='./obj-*' --exclude=node_modules --exclude='./.git' \
		--exclude='*.db' --exclude='./debian/gongkai' --exclude='./debian/.debhelper' -cf - . | tar -C "$TMP/src" -xf -
	(cd "$TMP/src" && dpkg-buildpackage -b -us -uc) >"$TMP/build.log" 2>&1
	equals "$?" 0 "dpkg-buildpackage builds the package" || tail -20 "$TMP/build.log" | sed 's/^/# /'
	deb=$(ls "$TMP"/gongkai_*_*.deb 2>/dev/null | head -1)
fi
[ -f "$deb" ] || { not_ok "a .deb to test"; done_testing; exit 1; }

run 0 dpkg-deb -I "$deb"
contains "$OUT" "Package: gongkai" "dpkg -I: the package"
contains "$OUT" "Depends: adduser" "it depends on adduser (the system user)"
contains "$OUT" "libmicrohttpd" "and on the libraries it links"
run 0 dpkg-deb -c "$deb"
for f in ./usr/bin/gongkai ./usr/share/man/man1/gongkai.1.gz ./usr/share/gongkai/data/cn-workday-calendar.tsv \
	./usr/share/gongkai/templates/layout.html ./usr/share/gongkai/static/site.css \
	./lib/systemd/system/gongkai.service ./lib/systemd/system/gongkai-backup.service \
	./lib/systemd/system/gongkai-backup.timer ./etc/default/gongkai \
	./usr/share/doc/gongkai/examples/nginx-gongkai.conf ./usr/share/doc/gongkai/copyright; do
	contains "$OUT" " $f" "ships $f"
done
if command -v lintian >/dev/null; then
	lintian --pedantic --info --tag-display-limit 0 "$deb" >"$TMP/lintian" 2>&1
	errors=$(grep -c '^E: ' "$TMP/lintian") warnings=$(grep -c '^W: ' "$TMP/lintian")
	equals "$errors" 0 "lintian: no error ($warnings warnings, $(grep -c '^[IP]: ' "$TMP/lintian") info/pedantic)" \
		|| grep '^E: ' "$TMP/lintian" | sed 's/^/# /'
	grep -E '^[EWIP]: ' "$TMP/lintian" | sed 's/^/# lintian: /'
else
	not_ok "lintian is installed (scripts/deps.txt)"
fi

# serve(root, as-user): run the unit's ExecStart with paths under root, fetch two pages
serve_unit() {
	local root=$1 asuser=$2 unit cmd pid port
	unit=$(sed -n 's/^ExecStart=//p' "$root/lib/systemd/system/gongkai.service")
	cmd=${unit//\$\{GONGKAI_LISTEN\}/127.0.0.1:0}
	cmd=${cmd//\$GONGKAI_SERVE_OPTIONS/--threads 2}
	if [ "$root" != / ]; then
		cmd=${cmd//\/usr\/bin\/gongkai/$root/usr/bin/gongkai}
		cmd=${cmd//\/var\/lib\/gongkai/$root/var/lib/gongkai}
	fi
	read -r -a argv <<<"$cmd"
	if [ -n "$asuser" ]; then
		setpriv --reuid="$asuser" --regid="$asuser" --init-groups -- "${argv[@]}" 2>"$TMP/server.log" &
	else
		"${argv[@]}" 2>"$TMP/server.log" &
	fi
	pid=$!
	port=$(listening_port "$pid" "$TMP/server.log")
	if [ -z "$port" ]; then
		not_ok "the service's command starts${asuser:+ as $asuser}" "$(cat "$TMP/server.log")"
		kill "$pid" 2>/dev/null
		return
	fi
	ok "the service's command starts${asuser:+ as $asuser}"
	for p in / /console/login; do
		equals "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$p")" 200 "GET $p: 200"
	done
	contains "$(curl -s "http://127.0.0.1:$port/")" "慈周寨镇" "the portal names the organ"
	kill "$pid"
	wait "$pid"
	equals "$?" 0 "SIGTERM stops it"
}

# unpacked into a scratch root
root="$TMP/root"
run 0 dpkg-deb -x "$deb" "$root"
lacks "$(strings "$root/usr/bin/gongkai")" "$top" "the packaged binary names no build path"
run 0 man -l -P cat "$root/usr/share/man/man1/gongkai.1.gz"
contains "$OUT" "gongkai - 政府信息公开管理系统" "its manual page"
mkdir -p "$root/var/lib/gongkai"
run 0 "$root/usr/bin/gongkai" --db "$root/var/lib/gongkai/gongkai.db" init --agency-name 慈周寨镇人民政府
serve_unit "$root" ""

if [ "${GONGKAI_DEB_INSTALL:-}" = 1 ]; then
	run 0 dpkg -i "$deb"
	contains "$(getent passwd gongkai)" "/var/lib/gongkai" "the system user gongkai exists, home /var/lib/gongkai"
	equals "$(stat -c '%U %a' /var/lib/gongkai)" "gongkai 750" "/var/lib/gongkai belongs to it, closed to others"
	equals "$(stat -c '%U %a' /var/backups/gongkai)" "gongkai 750" "so does /var/backups/gongkai"
	if command -v systemd-analyze >/dev/null; then
		run 0 systemd-analyze verify /lib/systemd/system/gongkai.service /lib/systemd/system/gongkai-backup.service \
			/lib/systemd/system/gongkai-backup.timer
	fi
	run 0 runuser -u gongkai -- gongkai --db /var/lib/gongkai/gongkai.db init --agency-name 慈周寨镇人民政府
	serve_unit / gongkai
	unit=$(sed -n 's/^ExecStart=//p' /lib/systemd/system/gongkai-backup.service)
	read -r -a argv <<<"$unit"
	run 0 runuser -u gongkai -- "${argv[@]}"
	contains "$OUT" "backup written to /var/backups/gongkai/gongkai-" "the backup unit's command writes the day's backup"
	run 0 dpkg --purge gongkai
	[ ! -e /usr/bin/gongkai ] && ok "purged: the program is gone" || not_ok "purged: the program is gone"
	[ -f /var/lib/gongkai/gongkai.db ] && ok "the office's database stays after a purge" || not_ok "the database stays"
	rm -rf /var/lib/gongkai /var/backups/gongkai
fi
done_testing
