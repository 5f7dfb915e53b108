#!/usr/bin/env bash
# attachments.sh — downloading a document's attachments: the public gets those of published
# documents only (a draft's, a withdrawn document's, a bad number: 404, the same answer as for
# a document that does not exist); staff get those of every document of the organs they see.
# The bytes come back unchanged with their stored type, a Content-Disposition carrying the
# original (Chinese) name safely (RFC 6266 / 5987) with an ASCII fallback, nosniff, an ETag of
# the SHA-256 (If-None-Match → 304) and the length.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
make_other_organ
start_server
gk() { "$GONGKAI" --db "$GONGKAI_DB" "$@"; }
evil='<script>alert("a")</script>'

# a "PDF" of arbitrary bytes with a Chinese name, a PNG, and a name made to break the header
pdf="$TMP/秋季防火 通知（附表）.pdf"
{ printf '%%PDF-1.4\n'; head -c 4000 /dev/urandom; printf '\0\r\n%%%%EOF\n'; } >"$pdf"
echo 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==' | base64 -d >"$TMP/map.png"
odd="$TMP/x\"; filename=evil.png"
cp "$TMP/map.png" "$odd"
echo "各村：现通知如下。" >"$TMP/body.txt"
doc_id() { printf '%s' "$1" | grep -o '"id": *[0-9]*' | head -1 | grep -o '[0-9][0-9]*'; }
add_doc() {  # TITLE FILES... → $OUT has the JSON
	local t=$1; shift
	local a=() f
	for f in "$@"; do a+=(--attach "$f"); done
	run 0 gk doc add --title "$t" --body-file "$TMP/body.txt" --genre 通知 --agency 慈周寨镇人民政府 \
		--by officer "${a[@]}" --json
}
publish_doc() {  # ID: 三审 by three people, then published
	gk doc submit "$1" --by officer >/dev/null &&
	gk doc review "$1" --stage first --decision approve --by reviewer >/dev/null &&
	gk doc review "$1" --stage second --decision approve --by leader >/dev/null &&
	gk doc review "$1" --stage final --decision approve --secrecy-checked --by leader2 >/dev/null &&
	gk doc publish "$1" --by officer >/dev/null
}
add_doc "关于秋季防火的通知 $evil" "$pdf" "$TMP/map.png" "$odd"
id=$(doc_id "$OUT")
publish_doc "$id" && ok "published through 三审" || not_ok "published through 三审"
add_doc "草稿：尚未公开" "$TMP/map.png"
draft=$(doc_id "$OUT")

# the public page links every attachment
get /doc/$id
equals "$CODE" 200 "the published document"
contains "$BODY" "href=\"/doc/$id/attachments/1\"" "links its first attachment"
contains "$BODY" "秋季防火 通知（附表）.pdf" "by its name"
contains "$BODY" "href=\"/doc/$id/attachments/3\"" "and the third"
lacks "$BODY" "文字未能读取" "the public page does not carry the staff's note"
contains "$BODY" "x&quot;; filename=evil.png" "an odd name is shown escaped"
lacks "$BODY" "$evil" "never raw"

# the bytes, the type, the name, the ETag
sha=$(sha256sum "$pdf" | cut -d' ' -f1)
download /doc/$id/attachments/1 "$TMP/got.pdf"
equals "$CODE" 200 "the public downloads a published document's attachment"
cmp -s "$pdf" "$TMP/got.pdf" && ok "the same bytes as uploaded (cmp)" || not_ok "the same bytes as uploaded (cmp)"
contains "$HEADERS" "Content-Type: application/pdf" "with the stored content type"
enc=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe="!#$&+-.^_`|~"))' "秋季防火 通知（附表）.pdf")
contains "$HEADERS" "Content-Disposition: attachment; filename=\"attachment-$id-1.pdf\"; filename*=UTF-8''$enc" \
	"offered as a download: ASCII fallback and the Chinese name (RFC 5987)"
contains "$HEADERS" "%E7%A7%8B%E5%AD%A3" "the name's UTF-8 percent-encoded"
contains "$HEADERS" "ETag: \"$sha\"" "ETag is the SHA-256"
contains "$HEADERS" "Content-Length: $(stat -c %s "$pdf")" "with its length"
contains "$HEADERS" "X-Content-Type-Options: nosniff" "never sniffed"
contains "$HEADERS" "Cache-Control: public, no-cache" "revalidated (a withdrawal is not cached away)"
download /doc/$id/attachments/1 "$TMP/304" -H "If-None-Match: \"$sha\""
equals "$CODE" 304 "If-None-Match with the ETag: 304"
equals "$(stat -c %s "$TMP/304")" 0 "without the bytes"
download /doc/$id/attachments/2 "$TMP/got.png"
cmp -s "$TMP/map.png" "$TMP/got.png" && ok "the second attachment" || not_ok "the second attachment"
contains "$HEADERS" "Content-Type: image/png" "an image keeps its type"
contains "$HEADERS" "Content-Disposition: attachment; filename=\"map.png\"; filename*=UTF-8''map.png" \
	"an ASCII name is its own fallback"
download /doc/$id/attachments/3 "$TMP/got3.png"
equals "$CODE" 200 "the oddly named attachment"
disp=$(printf '%s\n' "$HEADERS" | grep '^Content-Disposition:')
equals "$disp" "Content-Disposition: attachment; filename=\"attachment-$id-3.png\"; filename*=UTF-8''x%22%3B%20filename%3Devil.png" \
	"quotes and semicolons never reach the header raw"

# bad numbers, drafts, unknown documents: one answer, 404
# the 404 page of path $1 without the path (it is in the page's 大字号 link)
page_of() { printf '%s' "${BODY//$1/PATH}"; }
get /doc/999999/attachments/1
equals "$CODE" 404 "no such document: 404"
missing=$(page_of /doc/999999/attachments/1)
for n in 0 4 -1 01 1x abc 99999999999999999999; do
	get "/doc/$id/attachments/$n"
	equals "$CODE" 404 "attachment '$n': 404"
done
get /doc/$draft/attachments/1
equals "$CODE" 404 "a draft's attachment: 404"
equals "$(page_of /doc/$draft/attachments/1)" "$missing" "the same page as for a document that does not exist"
get "/doc/$id/attachments/1%2F..%2F1"
equals "$CODE" 404 "no path tricks"

# staff: any state, only their organs
get /console/documents/$draft/attachments/1
equals "$CODE" 303 "anonymous staff download: sent to the login"
for r in officer reviewer leader admin supervisor; do
	login $r pw-$r-2024
	download /console/documents/$draft/attachments/1 "$TMP/d.png"
	equals "$CODE" 200 "a draft's attachment for $r"
done
cmp -s "$TMP/map.png" "$TMP/d.png" && ok "the draft's bytes" || not_ok "the draft's bytes"
contains "$HEADERS" "Cache-Control: no-store" "never kept in any cache, like every console page"
login officer pw-officer-2024
get /console/documents/$id
contains "$BODY" "href=\"/console/documents/$id/attachments/1\"" "the console page links the attachments"
contains "$BODY" "文字未能读取" "staff see that the damaged PDF's text could not be read (it is not searched)"
get /console/documents/$id/attachments/9
equals "$CODE" 404 "the console: a bad number is 404"
login other pw-other-2024
get /console/documents/$draft/attachments/1
equals "$CODE" 404 "another organ's officer: 404"

# withdrawn: gone from the public, still with staff
gk doc withdraw "$id" --by officer --reason 内容有误 >/dev/null
rm -f "$JAR"
get /doc/$id/attachments/1 -H "If-None-Match: \"$sha\""
equals "$CODE" 404 "a withdrawn document's attachment: 404, even revalidating"
equals "$(page_of /doc/$id/attachments/1)" "$missing" "the same page as for a document that does not exist"
login leader pw-leader-2024
download /console/documents/$id/attachments/1 "$TMP/w.pdf"
equals "$CODE" 200 "staff still download a withdrawn document's attachment"
cmp -s "$pdf" "$TMP/w.pdf" && ok "with the same bytes" || not_ok "with the same bytes"
stop_server
done_testing
