#!/usr/bin/env bash
# attacks.sh — attacks an outsider tries on the portal, each bounded and on 127.0.0.1 only:
# an encoded NUL byte in the path or the query (400, never a text cut short); attachment file
# names that are not text (invalid UTF-8, 5,000 bytes, control characters: refused like any
# other field, nothing stored). The slow-connection and sign-in attacks have suites of their
# own (slowconn.sh, lockout.sh).
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
start_server

# --- %00 ------------------------------------------------------------------------------------
for u in "/doc/1%00.pdf" "/static/site.css%00.png" "/search?q=%E5%85%AC%00%E5%BC%80" "/search?q%00x=1" \
	"/catalogue?page=1%00" "/console/login?next=/console%00//evil.example"; do
	get "$u"
	equals "$CODE" 400 "NUL in $u: 400"
done
contains "$BODY" "网址含有无效字符" "the 400 page says the address is invalid"
get "/search?q=%E5%85%AC%E5%BC%80"
equals "$CODE" 200 "the same search without the NUL works"
get "/search?q=100%25"
equals "$CODE" 200 "a percent sign itself (%25) is fine"

# --- attachment file names -----------------------------------------------------------------
login officer pw-officer-2024
get /console/documents/new
tok=$(csrf_of "$BODY")
echo 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==' | base64 -d >"$TMP/map.png"
docs() { sql "$GONGKAI_DB" "SELECT count(*) FROM document"; }
atts() { sql "$GONGKAI_DB" "SELECT count(*) FROM document_attachment"; }
long=$(head -c 5000 /dev/zero | tr '\0' 'a').png
bad_utf8=$'\xff\xfe\xc0\x80.png'
ctrl=$'map\x01\x1b[31m.png'
for name in "$bad_utf8" "$long" "$ctrl"; do
	post /console/documents/new -F "_csrf=$tok" -F "title=通知" -F "body=各村：现通知如下。" -F "attachment=@$TMP/map.png;filename=$name"
	equals "$CODE" 400 "attachment named ${name:0:20}…: 400"
	contains "$BODY" "文件名无效" "the form says the file name is invalid"
done
equals "$(docs)" 0 "no document was stored"
equals "$(atts)" 0 "no attachment was stored"
name=$(head -c 238 /dev/zero | tr '\0' 'b')-秋季防火.png
post /console/documents/new -F "_csrf=$tok" -F "title=通知" -F "body=各村：现通知如下。" -F "attachment=@$TMP/map.png;filename=$name"
equals "$CODE" 303 "a 255-byte Chinese name is accepted"
equals "$(sql "$GONGKAI_DB" "SELECT name FROM document_attachment")" "$name" "and stored as given"

# the command line refuses the same names (one rule in the domain)
cp "$TMP/map.png" "$TMP/$bad_utf8"
printf 'x\n' >"$TMP/b"
run 2 "$GONGKAI" --db "$GONGKAI_DB" doc add --agency 慈周寨镇人民政府 --title t --body-file "$TMP/b" \
	--by officer --attach "$TMP/$bad_utf8"
contains "$ERR" "--attach: 附件的文件名须为" "doc add --attach names the file name as the problem"
done_testing
