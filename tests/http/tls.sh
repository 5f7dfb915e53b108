#!/usr/bin/env bash
# tls.sh — `gongkai serve --tls-cert --tls-key`: HTTPS with libmicrohttpd's GnuTLS support, a
# certificate made here for 127.0.0.1; every response carries HSTS and the security headers
# (Permissions-Policy among them); a key that does not match or a missing file is a clear error.
# Behind nginx (--behind-proxy), HSTS follows X-Forwarded-Proto: https.
# databases: sqlite postgresql
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/server.bash"
make_db
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
	-addext subjectAltName=IP:127.0.0.1 -keyout "$TMP/key.pem" -out "$TMP/cert.pem" 2>/dev/null
ok "a certificate for 127.0.0.1"

"$GONGKAI" --db "$GONGKAI_DB" serve --listen 127.0.0.1:0 --tls-cert "$TMP/cert.pem" --tls-key "$TMP/key.pem" 2>"$TMP/tls.log" &
pid=$!
for _ in $(seq 1 200); do
	port=$(sed -n 's|^listening on https://127.0.0.1:\([0-9]*\)$|\1|p' "$TMP/tls.log")
	[ -n "$port" ] && break
	sleep 0.05
done
[ -n "$port" ] && ok "serve says it listens on https://" || not_ok "serve listens on https" "$(cat "$TMP/tls.log")"
code=$(curl -s --cacert "$TMP/cert.pem" -D "$TMP/h" -o "$TMP/b" -w '%{http_code}' "https://127.0.0.1:$port/")
equals "$code" 200 "the home page over TLS, the certificate verified"
h=$(tr -d '\r' <"$TMP/h")
contains "$h" "Strict-Transport-Security: max-age=31536000" "HSTS over TLS"
contains "$h" "Permissions-Policy: camera=(), microphone=(), geolocation=()" "Permissions-Policy"
contains "$h" "Content-Security-Policy: default-src 'self'" "and the other security headers"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")
[ "$code" != 200 ] && ok "plain HTTP on the TLS port gets no page ($code)" || not_ok "plain HTTP refused" "$code"
kill "$pid"; wait "$pid" 2>/dev/null

# a key that does not belong to the certificate, a missing file, one option without the other
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$TMP/other.pem" 2>/dev/null
run 1 "$GONGKAI" --db "$GONGKAI_DB" serve --listen 127.0.0.1:0 --tls-cert "$TMP/cert.pem" --tls-key "$TMP/other.pem"
contains "$ERR" "--tls-cert" "a key that does not match is refused, naming the option"
run 1 "$GONGKAI" --db "$GONGKAI_DB" serve --listen 127.0.0.1:0 --tls-cert "$TMP/none.pem" --tls-key "$TMP/key.pem"
contains "$ERR" "none.pem" "a missing certificate file is named"
run 2 "$GONGKAI" --db "$GONGKAI_DB" serve --tls-cert "$TMP/cert.pem"
contains "$ERR" "go together" "--tls-cert without --tls-key is a usage error"

# plain HTTP: no HSTS, unless nginx in front says the client came over https
start_server --behind-proxy
get /
lacks "$HEADERS" "Strict-Transport-Security" "no HSTS over plain HTTP"
contains "$HEADERS" "Permissions-Policy:" "Permissions-Policy on plain HTTP too"
get / -H "X-Forwarded-Proto: https"
contains "$HEADERS" "Strict-Transport-Security: max-age=31536000" "behind nginx terminating TLS: HSTS"
done_testing
