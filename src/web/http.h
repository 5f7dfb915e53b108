/*
 * http.h — the thin HTTP adapter: the only part of gongkai that knows libmicrohttpd.
 *
 * It accepts connections (internal epoll thread pool, TLS with GnuTLS when given a certificate;
 * limits per client address and a deadline per request: web/http_guard.h), gathers each request (query args,
 * a body with a hard size cap, parsed as urlencoded or multipart form data), hands it to one
 * handler function with a per-request arena, sends what the handler filled in with the
 * security headers every response carries, logs one line per request to stderr
 * (method path status bytes ms) and frees the arena when the request ends.
 * The path and query arguments arrive percent-decoded; an encoded NUL byte (%00) arrives as
 * the byte 0xFF, never valid UTF-8, so that the dispatcher refuses it instead of reading a
 * text cut short.
 * It maps no errors to statuses itself: a body that is too large or malformed reaches the
 * handler as req->body_rc / req->body_err, and the handler decides the status.
 * May call: base/, web/form.h.
 */
#ifndef GK_WEB_HTTP_H
#define GK_WEB_HTTP_H

#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "web/form.h"

#define HTTP_MAX_HEADERS 16

struct http_req {
	struct arena *arena;     /* freed when the request ends */
	const char *method;      /* "GET", "HEAD", "POST", … */
	const char *path;        /* percent-decoded path, without the query */
	const char *remote;      /* client address as text */
	struct form query;       /* query string arguments */
	struct form body;        /* form fields of a POST body */
	int body_rc;             /* 0, or ERR_LIMIT / ERR_INVALID when the body was refused */
	struct gk_error body_err;
	void *conn;              /* the adapter's connection, opaque */
};

struct http_resp {
	int status;              /* default 200 */
	const char *content_type;/* default "text/html; charset=utf-8" */
	struct buf body;
	struct { const char *name, *value; } headers[HTTP_MAX_HEADERS];
	int nheaders;
};

/* A request header or cookie value (NULL when absent); owned by the connection, valid until
 * the response is sent. */
const char *http_header(const struct http_req *req, const char *name);
const char *http_cookie(const struct http_req *req, const char *name);
/* Add a response header; name and value must live as long as the request (arena or static). */
void http_resp_header(struct http_resp *resp, const char *name, const char *value);

/* The value of a Content-Disposition header offering filename for download (RFC 6266):
 * attachment; filename="ASCII fallback"; filename*=UTF-8''percent-encoded name (RFC 5987).
 * The fallback is filename itself when it is plain printable ASCII, else fallback_stem
 * followed by filename's extension (when that is short ASCII letters and digits). Quotes,
 * backslashes, control characters and non-ASCII never reach the header raw. In arena a. */
const char *http_content_disposition(struct arena *a, const char *filename,
				     const char *fallback_stem);

typedef void (*http_handler_fn)(void *cls, struct http_req *req, struct http_resp *resp);

struct http_config {
	const char *listen;      /* "127.0.0.1:8080"; port 0 picks a free port */
	unsigned threads;        /* worker threads, ≥ 1 */
	size_t max_body;         /* larger request bodies are refused (ERR_LIMIT) */
	size_t max_file;         /* largest file part of a multipart body */
	unsigned per_address;    /* connections one client address may hold (0 = no limit) */
	unsigned max_connections;/* connections in all (0 = as many as the open-file limit allows) */
	unsigned request_seconds;/* a request's headers and body must be in within this (0 = none) */
	const char *tls_cert;    /* PEM text of the certificate (chain); NULL = plain HTTP */
	const char *tls_key;     /* PEM text of its private key */
	http_handler_fn handler;
	void *cls;
};

/* Serve until SIGINT or SIGTERM, then stop accepting, let the requests in flight finish (at
 * most 10 s) and return 0. Prints "listening on http://ADDR:PORT" (https:// with TLS) to
 * stderr once ready. Every response carries the security headers (CSP, nosniff, …,
 * Permissions-Policy) and, over TLS, Strict-Transport-Security.
 * ERR_INVALID for a bad listen address, ERR_IO when the socket cannot be opened. */
int http_serve(const struct http_config *cfg, struct gk_error *e) GK_WUR;

#endif
