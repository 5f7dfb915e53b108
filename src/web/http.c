/*
 * http.c — the libmicrohttpd adapter (see http.h). The only file that includes microhttpd.h.
 *
 * libmicrohttpd calls the access handler several times per request: once when the headers
 * are in, once per piece of body, and once more at the end. We queue the response only on a
 * later call, never the first (DESIGN.md: a response queued on the first call makes MHD close
 * the connection after it, so keep-alive is lost and clients are ~6× slower) — except when a
 * declared Content-Length is over the cap, where closing is what we want.
 * May call: base/, web/form.h.
 */
#include "web/http.h"

#include <arpa/inet.h>
#include <errno.h>
#include <sys/resource.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "base/mem.h"
#include "web/http_guard.h"

struct reqstate {
	struct arena arena;
	struct http_req req;
	struct buf body;
	size_t discarded;
	int oversized;
	int status;
	size_t bytes;
	struct timespec t0;
};

struct server {
	const struct http_config *cfg;
	struct http_guard *guard;
	atomic_int inflight;
};

/* Headers every response carries (the threat model: docs/threat-model.md). */
static const char *const security_headers[][2] = {
	{ "Content-Security-Policy",
	  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
	  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'" },
	{ "X-Content-Type-Options", "nosniff" },
	{ "Referrer-Policy", "same-origin" },
	{ "X-Frame-Options", "DENY" },
	{ "Permissions-Policy",
	  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
	  "interest-cohort=()" },
};

/* Sent with every response over TLS: browsers use https only from then on (one year). */
#define HSTS "max-age=31536000"

const char *http_header(const struct http_req *req, const char *name)
{
	return MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, name);
}

const char *http_cookie(const struct http_req *req, const char *name)
{
	return MHD_lookup_connection_value(req->conn, MHD_COOKIE_KIND, name);
}

void http_resp_header(struct http_resp *resp, const char *name, const char *value)
{
	if (resp->nheaders >= HTTP_MAX_HEADERS)
		return;
	resp->headers[resp->nheaders].name = name;
	resp->headers[resp->nheaders].value = value;
	resp->nheaders++;
}

/* RFC 5987 attr-char: sent as itself in filename*; anything else is %XX. */
static int attr_char(unsigned char ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
	       (ch && strchr("!#$&+-.^_`|~", ch) != NULL);
}

/* Printable ASCII that may stand inside a quoted filename as itself. */
static int plain_char(unsigned char ch)
{
	return ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\' && ch != '%' && ch != ';';
}

const char *http_content_disposition(struct arena *a, const char *filename,
				     const char *fallback_stem)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t len = strlen(filename), n = 0;
	const char *dot = strrchr(filename, '.'), *fallback = filename;
	char *enc = arena_alloc(a, len * 3 + 1);
	int plain = len > 0;

	for (const unsigned char *p = (const unsigned char *)filename; *p; p++) {
		plain &= plain_char(*p);
		if (attr_char(*p)) {
			enc[n++] = (char)*p;
		} else {
			enc[n++] = '%';
			enc[n++] = hex[*p >> 4];
			enc[n++] = hex[*p & 15];
		}
	}
	enc[n] = '\0';
	if (!plain) {
		int ext_ok = dot && dot[1] && strlen(dot) <= 11;
		for (const char *p = dot ? dot + 1 : ""; ext_ok && *p; p++)
			ext_ok = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9');
		fallback = arena_printf(a, "%s%s", fallback_stem, ext_ok ? dot : "");
	}
	return arena_printf(a, "attachment; filename=\"%s\"; filename*=UTF-8''%s", fallback, enc);
}

static int hexval(char ch)
{
	return ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
	       : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
}

/* Percent-decode the path and each query argument in place (MHD_OPTION_UNESCAPE_CALLBACK).
 * An encoded NUL (%00) would silently cut the text short where C strings end; it becomes the
 * byte 0xFF instead, which is never valid UTF-8, so the request is refused (400) like any
 * other text that is not UTF-8 (http.h). A '%' not followed by two hex digits stays as is. */
static size_t unescape(void *cls, struct MHD_Connection *conn, char *s)
{
	char *w = s;

	(void)cls;
	(void)conn;
	for (const char *r = s; *r; w++) {
		int hi, lo;

		if (r[0] == '%' && (hi = hexval(r[1])) >= 0 && (lo = hexval(r[2])) >= 0) {
			int ch = hi * 16 + lo;
			*w = ch ? (char)ch : (char)0xff;
			r += 3;
		} else {
			*w = *r++;
		}
	}
	*w = '\0';
	return (size_t)(w - s);
}

static enum MHD_Result add_query_arg(void *cls, enum MHD_ValueKind kind, const char *key,
				     const char *value)
{
	struct reqstate *st = cls;
	struct gk_error e;

	(void)kind;
	if (key == NULL)
		return MHD_YES;
	if (value == NULL)
		value = "";
	if (form_add(&st->arena, &st->req.query, key, strlen(key), value, strlen(value), &e))
		return MHD_NO;  /* too many arguments: the rest are ignored */
	return MHD_YES;
}

static double ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* Parse the collected body by its Content-Type into req->body (errors into body_rc). */
static void parse_body(const struct server *s, struct reqstate *st, struct MHD_Connection *conn)
{
	const char *ct = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Type");
	struct http_req *r = &st->req;

	if (st->oversized) {
		r->body_rc = err_set(&r->body_err, ERR_LIMIT, "", "提交的内容过大（上限 %zu 字节）",
				     s->cfg->max_body);
		return;
	}
	if (st->body.len == 0)
		return;
	if (ct && strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0)
		r->body_rc = form_parse_urlencoded(&st->arena, &r->body, buf_cstr(&st->body),
						   st->body.len, &r->body_err);
	else if (ct && strncasecmp(ct, "multipart/form-data", 19) == 0)
		r->body_rc = form_parse_multipart(&st->arena, &r->body, ct, buf_cstr(&st->body),
						  st->body.len, s->cfg->max_file, &r->body_err);
	else
		r->body_rc = err_set(&r->body_err, ERR_INVALID, "", "不支持的提交格式（Content-Type）");
}

static enum MHD_Result respond(struct server *s, struct MHD_Connection *conn, struct reqstate *st)
{
	struct http_resp resp = { .status = 200 };
	struct MHD_Response *mr;
	enum MHD_Result ret;
	size_t len;
	char *body;

	buf_init(&resp.body, 0);
	http_guard_answering(s->guard, conn, 1);
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, add_query_arg, st);
	s->cfg->handler(s->cfg->cls, &st->req, &resp);
	len = resp.body.len;
	if (len) {
		body = buf_steal(&resp.body);
		mr = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	} else {
		mr = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	}
	buf_free(&resp.body);
	if (mr == NULL)
		return MHD_NO;
	MHD_add_response_header(mr, "Content-Type",
				resp.content_type ? resp.content_type : "text/html; charset=utf-8");
	for (size_t i = 0; i < sizeof security_headers / sizeof security_headers[0]; i++)
		MHD_add_response_header(mr, security_headers[i][0], security_headers[i][1]);
	if (s->cfg->tls_cert)
		MHD_add_response_header(mr, "Strict-Transport-Security", HSTS);
	for (int i = 0; i < resp.nheaders; i++)
		MHD_add_response_header(mr, resp.headers[i].name, resp.headers[i].value);
	st->status = resp.status;
	st->bytes = len;
	ret = MHD_queue_response(conn, (unsigned)resp.status, mr);
	MHD_destroy_response(mr);
	return ret;
}

/* 503 for a connection opened beyond the limits (http_guard.h), on the first call: libmicrohttpd
 * then closes the connection after it, which is what we want. */
static enum MHD_Result busy(struct server *s, struct MHD_Connection *conn, struct reqstate *st)
{
	static const char msg[] = "503 服务繁忙：来自您的网络地址的连接过多，请稍后再试。\n";
	struct MHD_Response *mr = MHD_create_response_from_buffer(sizeof msg - 1, (void *)msg,
								  MHD_RESPMEM_PERSISTENT);
	enum MHD_Result ret;

	if (mr == NULL)
		return MHD_NO;
	MHD_add_response_header(mr, "Content-Type", "text/plain; charset=utf-8");
	MHD_add_response_header(mr, "Retry-After", "10");
	MHD_add_response_header(mr, "Connection", "close");
	for (size_t i = 0; i < sizeof security_headers / sizeof security_headers[0]; i++)
		MHD_add_response_header(mr, security_headers[i][0], security_headers[i][1]);
	st->status = 503;
	st->bytes = sizeof msg - 1;
	ret = MHD_queue_response(conn, 503, mr);
	MHD_destroy_response(mr);
	return ret;
}

static enum MHD_Result access_handler(void *cls, struct MHD_Connection *conn, const char *url,
				      const char *method, const char *version,
				      const char *upload_data, size_t *upload_data_size,
				      void **con_cls)
{
	struct server *s = cls;
	struct reqstate *st = *con_cls;

	(void)version;
	if (st == NULL) {
		const union MHD_ConnectionInfo *ci;
		const char *cl;
		char addr[INET6_ADDRSTRLEN];

		st = xcalloc(1, sizeof *st);
		clock_gettime(CLOCK_MONOTONIC, &st->t0);
		arena_init(&st->arena);
		buf_init(&st->body, s->cfg->max_body);
		st->req.arena = &st->arena;
		st->req.method = arena_strdup(&st->arena, method);
		st->req.path = arena_strdup(&st->arena, url);
		st->req.conn = conn;
		ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		http_guard_addr(ci ? ci->client_addr : NULL, addr);
		st->req.remote = arena_strdup(&st->arena, addr);
		atomic_fetch_add(&s->inflight, 1);
		*con_cls = st;
		if (http_guard_over(s->guard, conn))
			return busy(s, conn, st);
		cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
		if (cl) {
			char *end;
			unsigned long long n;

			errno = 0;
			n = strtoull(cl, &end, 10);
			if (errno || end == cl || n > s->cfg->max_body) {
				st->oversized = 1;
				parse_body(s, st, conn);
				return respond(s, conn, st);  /* closes the connection: intended */
			}
		}
		return MHD_YES;
	}
	if (*upload_data_size) {
		if (!st->oversized && buf_append(&st->body, upload_data, *upload_data_size) != 0)
			st->oversized = 1;
		if (st->oversized) {
			st->discarded += *upload_data_size;
			if (st->discarded > 4 * s->cfg->max_body)
				return MHD_NO;  /* a client streaming without end: drop it */
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	parse_body(s, st, conn);
	return respond(s, conn, st);
}

static void completed(void *cls, struct MHD_Connection *conn, void **con_cls,
		      enum MHD_RequestTerminationCode toe)
{
	struct server *s = cls;
	struct reqstate *st = *con_cls;

	(void)conn;
	if (st == NULL)
		return;
	fprintf(stderr, "%s %s %d %zu %.1fms%s\n", st->req.method, st->req.path,
		st->status ? st->status : 0, st->bytes, ms_since(&st->t0),
		toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (aborted)");
	buf_free(&st->body);
	arena_free(&st->arena);
	free(st);
	*con_cls = NULL;
	http_guard_answering(s->guard, conn, 0);
	atomic_fetch_sub(&s->inflight, 1);
}

/* Parse "HOST:PORT" or "[V6]:PORT" into addr. */
static int parse_listen(const char *listen, struct sockaddr_storage *ss, socklen_t *sslen,
			int *v6, struct gk_error *e)
{
	char host[128];
	const char *colon, *hs, *he;
	char *end;
	unsigned long port;

	memset(ss, 0, sizeof *ss);
	if (listen[0] == '[') {
		hs = listen + 1;
		he = strchr(hs, ']');
		if (he == NULL || he[1] != ':')
			goto bad;
		colon = he + 1;
	} else {
		colon = strrchr(listen, ':');
		if (colon == NULL)
			goto bad;
		hs = listen;
		he = colon;
	}
	if ((size_t)(he - hs) >= sizeof host || he == hs)
		goto bad;
	memcpy(host, hs, (size_t)(he - hs));
	host[he - hs] = '\0';
	errno = 0;
	port = strtoul(colon + 1, &end, 10);
	if (errno || *end || end == colon + 1 || port > 65535)
		goto bad;
	if (inet_pton(AF_INET, host, &((struct sockaddr_in *)ss)->sin_addr) == 1) {
		struct sockaddr_in *sin = (struct sockaddr_in *)ss;
		sin->sin_family = AF_INET;
		sin->sin_port = htons((uint16_t)port);
		*sslen = sizeof *sin;
		*v6 = 0;
		return 0;
	}
	if (inet_pton(AF_INET6, host, &((struct sockaddr_in6 *)ss)->sin6_addr) == 1) {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((uint16_t)port);
		*sslen = sizeof *sin6;
		*v6 = 1;
		return 0;
	}
bad:
	return err_set(e, ERR_INVALID, "--listen",
		       "expected ADDRESS:PORT with a numeric address, e.g. 127.0.0.1:8080, got '%s'",
		       listen);
}

/* The most connections the process may hold: the open-file limit raised to its hard maximum,
 * less room for the database and the files of the server itself. */
static unsigned connection_room(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return 1000;
	if (rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
			getrlimit(RLIMIT_NOFILE, &rl);
	}
	if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > 65536)
		return 65536 - 128;
	return rl.rlim_cur > 256 ? (unsigned)rl.rlim_cur - 128 : 128;
}

int http_serve(const struct http_config *cfg, struct gk_error *e)
{
	struct server s = { .cfg = cfg };
	struct http_guard_limits lim = { cfg->per_address, cfg->max_connections, cfg->request_seconds };
	struct MHD_OptionItem opts[16];
	struct sockaddr_storage ss;
	socklen_t sslen;
	struct MHD_Daemon *d;
	const union MHD_DaemonInfo *info;
	sigset_t set;
	int v6, sig, rc, n = 0;
	MHD_socket listen_fd;
	unsigned room = connection_room();
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC;

	if ((rc = parse_listen(cfg->listen, &ss, &sslen, &v6, e)) != 0)
		return rc;
	if (v6)
		flags |= MHD_USE_IPv6;
	if (cfg->tls_cert) {
		if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES)
			return err_set(e, ERR_INVALID, "--tls-cert", "this libmicrohttpd was built without "
				       "TLS support (GnuTLS)");
		flags |= MHD_USE_TLS;
	}
	if (lim.total == 0 || lim.total > room)
		lim.total = room;
	s.guard = http_guard_new(&lim);
	/* libmicrohttpd refuses connections outright a little beyond the guard's limits; within
	 * that margin the guard answers 503 (http_guard.h). */
	opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_SOCK_ADDR, 0, &ss };
	opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_THREAD_POOL_SIZE, cfg->threads ? cfg->threads : 1, NULL };
	opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)completed, &s };
	opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_NOTIFY_CONNECTION, (intptr_t)http_guard_notify, s.guard };
	opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_UNESCAPE_CALLBACK, (intptr_t)unescape, NULL };
	opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_CONNECTION_TIMEOUT, 30, NULL };
	opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_CONNECTION_MEMORY_LIMIT, 64 * 1024, NULL };
	opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_LISTEN_BACKLOG_SIZE, 256, NULL };
	opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_CONNECTION_LIMIT, lim.total + 16, NULL };
	if (lim.per_address)
		opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_PER_IP_CONNECTION_LIMIT, lim.per_address + 16, NULL };
	if (cfg->tls_cert) {
		opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_HTTPS_MEM_CERT, 0, (void *)cfg->tls_cert };
		opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_HTTPS_MEM_KEY, 0, (void *)cfg->tls_key };
	}
	opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_END, 0, NULL };
	atomic_init(&s.inflight, 0);
	/* Block the stop signals before MHD starts its threads so that they inherit the mask and
	 * only sigwait below receives them. */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	d = MHD_start_daemon(flags, 0, NULL, NULL, access_handler, &s, MHD_OPTION_ARRAY, opts,
			     MHD_OPTION_END);
	if (d == NULL) {
		pthread_sigmask(SIG_UNBLOCK, &set, NULL);
		http_guard_free(s.guard);
		if (cfg->tls_cert)
			return err_set(e, ERR_IO, "--tls-cert", "cannot listen on %s with TLS: in use, "
				       "or the certificate and key (PEM) do not load or match", cfg->listen);
		return err_set(e, ERR_IO, "--listen", "cannot listen on %s (in use, or not allowed)",
			       cfg->listen);
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	{
		char host[INET6_ADDRSTRLEN] = "?";
		if (v6)
			inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, host, sizeof host);
		else
			inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, host, sizeof host);
		fprintf(stderr, v6 ? "listening on %s://[%s]:%u\n" : "listening on %s://%s:%u\n",
			cfg->tls_cert ? "https" : "http", host, info ? (unsigned)info->port : 0u);
		fflush(stderr);
	}
	for (;;) {
		if (sigwait(&set, &sig) == 0 && (sig == SIGINT || sig == SIGTERM))
			break;
	}
	fprintf(stderr, "stopping: finishing %d request(s) in flight\n", atomic_load(&s.inflight));
	listen_fd = MHD_quiesce_daemon(d);
	for (int i = 0; i < 1000 && atomic_load(&s.inflight) > 0; i++) {
		struct timespec ts = { 0, 10 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	MHD_stop_daemon(d);
	http_guard_free(s.guard);
	if (listen_fd != MHD_INVALID_SOCKET)
		close(listen_fd);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	fprintf(stderr, "stopped\n");
	return 0;
}
