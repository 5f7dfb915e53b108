#!/usr/bin/env bash
# basics.sh — the server itself: pages in Chinese with the security headers, keep-alive,
# static files with ETag, 404/405, CSRF on every POST, body limits (413), malformed multipart
# (400), escaping of what was typed, login rate limits, the larger-text and high-contrast
# switches, clean stop.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
start_server --login-limit 3

get /
equals "$CODE" 200 "home page answers 200"
contains "$BODY" '<html lang="zh-CN">' "pages are marked zh-CN"
contains "$HEADERS" "Content-Type: text/html; charset=utf-8" "HTML is served as UTF-8"
contains "$HEADERS" "Content-Security-Policy: default-src 'self'" "CSP default-src self"
contains "$HEADERS" "frame-ancestors 'none'" "CSP forbids framing"
lacks "$HEADERS" "unsafe-inline" "CSP allows no inline script"
contains "$HEADERS" "X-Content-Type-Options: nosniff" "nosniff header"
contains "$HEADERS" "Referrer-Policy: same-origin" "Referrer-Policy header"
lacks "$BODY" "<script>" "no inline script on the page"
contains "$HEADERS" "HttpOnly; SameSite=Lax" "cookies are HttpOnly and SameSite=Lax"
lacks "$(grep -i '^connection:' "$TMP/headers")" "close" "normal responses keep the connection open"

# Keep-alive: two requests over one connection.
v=$(curl -sv -o /dev/null -o /dev/null "$BASE/" "$BASE/static/site.css" 2>&1)
contains "$v" "Re-using existing connection" "a second request reuses the connection"

get /static/site.css
equals "$CODE" 200 "stylesheet served"
contains "$HEADERS" "Content-Type: text/css" "stylesheet content type"
etag=$(printf '%s\n' "$HEADERS" | sed -n 's/^ETag: //p')
contains "$etag" '"' "static files carry an ETag"
contains "$HEADERS" "Cache-Control: public, max-age=" "static files carry Cache-Control"
get /static/site.css -H "If-None-Match: $etag"
equals "$CODE" 304 "a matching If-None-Match gets 304"
get /static/../meson.build --path-as-is
equals "$CODE" 404 "no path traversal out of static/"
get /static/nope.css
equals "$CODE" 404 "unknown static file is 404"

get /no/such/page
equals "$CODE" 404 "unknown page is 404"
contains "$BODY" "页面不存在" "404 page says so in Chinese"
post /
equals "$CODE" 405 "POST to a GET-only page is 405"

get /console
equals "$CODE" 303 "console without login redirects"
contains "$HEADERS" "Location: /console/login?next=/console" "to the login page"
get /console/login
equals "$CODE" 200 "login page"
contains "$BODY" '<label for="f-user">用户名</label>' "login fields have real labels"
tok=$(csrf_of "$BODY")
equals "${#tok}" 64 "login form carries a CSRF token"

post /console/login --data-urlencode "user=x" --data-urlencode "password=y"
equals "$CODE" 403 "POST without CSRF token is 403"
post /console/login --data-urlencode "_csrf=$(wrong_token "$tok")" --data-urlencode "user=x" --data-urlencode "password=y"
equals "$CODE" 403 "POST with a wrong CSRF token is 403"
rm -f "$JAR"
post /console/login --data-urlencode "_csrf=$tok" --data-urlencode "user=x" --data-urlencode "password=y"
equals "$CODE" 403 "a token without its cookie is 403"

get /console/login
tok=$(csrf_of "$BODY")
evil="<script>alert(1)</script>\"'&"
post /console/login --data-urlencode "_csrf=$tok" --data-urlencode "user=$evil" --data-urlencode "password=' OR 1=1 --"
equals "$CODE" 401 "wrong password is 401"
contains "$BODY" "用户名或密码错误" "and says so without telling which"
contains "$BODY" 'value="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"' "typed user name comes back escaped"
lacks "$BODY" "<script>alert(1)" "no raw script injected"
post /console/login --data-urlencode "_csrf=$tok" --data-urlencode "user=$evil" --data-urlencode "password=x"
post /console/login --data-urlencode "_csrf=$tok" --data-urlencode "user=$evil" --data-urlencode "password=x"
equals "$CODE" 401 "the third failure is still answered normally"
post /console/login --data-urlencode "_csrf=$tok" --data-urlencode "user=$evil" --data-urlencode "password=x"
equals "$CODE" 429 "login attempts for one account are rate-limited"
contains "$BODY" "秒后再试" "and the page says when to retry"
post /console/login --data-urlencode "_csrf=$tok" --data-urlencode "user=" --data-urlencode "password="
equals "$CODE" 400 "an empty login form comes back as 400"
contains "$BODY" "请填写用户名" "naming the missing field"

# A right password signs in, with a new session token each time.
login officer pw-officer-2024
equals "$CODE" 303 "right password redirects"
contains "$HEADERS" "Location: /console" "to the console"
s1=$(grep gk_session "$JAR" | awk '{print $7}')
equals "${#s1}" 64 "session token is 256 random bits in hex"
contains "$HEADERS" "gk_session=$s1; Path=/; Max-Age=43200; HttpOnly; SameSite=Lax" "session cookie HttpOnly, SameSite=Lax, expiring"
get /console
equals "$CODE" 200 "console after login"
contains "$BODY" "测试officer" "shows who is signed in"
contains "$HEADERS" "Cache-Control: no-store" "console pages are not cached"
get /console/login
equals "$CODE" 303 "the login page sends a signed-in user on"
get /console
t=$(csrf_of "$BODY")
post /console/login --data-urlencode "_csrf=$t" --data-urlencode "user=officer" --data-urlencode "password=pw-officer-2024"
s2=$(grep gk_session "$JAR" | awk '{print $7}')
[ "$s1" != "$s2" ] && ok "login rotates the session token" || not_ok "login rotates the session token"
CODE=$(curl -s -o /dev/null -w "%{http_code}" -H "Cookie: gk_session=$s1" "$BASE/console")
equals "$CODE" 303 "the old token no longer works"
get /console
t=$(csrf_of "$BODY")
post /console/logout
equals "$CODE" 403 "logout without CSRF is refused"
post /console/logout --data-urlencode "_csrf=$t"
equals "$CODE" 303 "logout with CSRF"
CODE=$(curl -s -o /dev/null -w "%{http_code}" -H "Cookie: gk_session=$s2" "$BASE/console")
equals "$CODE" 303 "after logout the token is dead"

# Body limits and malformed bodies.
head -c 3000000 /dev/zero | tr '\0' 'a' >"$TMP/big"
post /console/login -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "@$TMP/big"
equals "$CODE" 413 "an oversized body is 413"
contains "$BODY" "提交的内容过大" "with a Chinese message"
post /console/login -H 'Transfer-Encoding: chunked' -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "@$TMP/big"
equals "$CODE" 413 "an oversized chunked body is 413"
post /console/login -H 'Content-Type: multipart/form-data; boundary=XX' \
	--data-binary $'--XX\r\nContent-Disposition: form-data; name="user"\r\n\r\nno closing delimiter'
equals "$CODE" 400 "a malformed multipart body is 400"
contains "$BODY" "multipart" "the message names the problem"
long=$(head -c 300 /dev/zero | tr '\0' 'u')
get /console/login
tok=$(csrf_of "$BODY")
post /console/login --data-urlencode "_csrf=$tok" --data-urlencode "user=$long" --data-urlencode "password=x"
contains "$BODY" "用户名过长" "an over-long field is a form error naming the field"

# Larger text (适老化) and no open redirect.
get "/prefs/text?size=large&back=/console/login"
equals "$CODE" 303 "text-size switch redirects back"
contains "$HEADERS" "Location: /console/login" "to the page it came from"
get /
contains "$BODY" 'class="large-text' "large text applies to the next page"
contains "$BODY" "标准字号" "and offers the way back"
get "/prefs/text?size=normal&back=//evil.example/"
contains "$HEADERS" "Location: /"$'\n' "an off-site back link goes home instead"
get "/prefs/contrast?mode=high&back=/catalogue"
equals "$CODE" 303 "high-contrast switch redirects back"
contains "$HEADERS" "Location: /catalogue" "to the page it came from"
get /reports
contains "$BODY" 'high-contrast' "high contrast applies to the next page, read by the server (no script)"
contains "$BODY" "标准配色" "and offers the way back"
get "/prefs/contrast?mode=normal&back=https://evil.example/"
contains "$HEADERS" "Location: /"$'\n' "its off-site back link goes home too"
get /reports
lacks "$BODY" "high-contrast" "high contrast switched off"
contains "$BODY" "高对比度" "the switch is offered again"

log=$(cat "$TMP/server.log")
contains "$log" "GET / 200 " "one log line per request: method path status"
contains "$log" "POST /console/login 413 " "refused requests are logged too"
stop_server
done_testing
