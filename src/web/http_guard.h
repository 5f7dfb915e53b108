/*
 * http_guard.h — limits that keep the portal answering while some clients try to hold it:
 * connections per client address and in all, and an absolute deadline for each request to
 * arrive (headers and body). Used by the HTTP adapter (web/http.c) only.
 *
 *  - A connection opened while its address already holds per_address connections, or while
 *    the server holds total, is answered 503 (Retry-After, Connection: close) as soon as its
 *    request is in; libmicrohttpd itself refuses connections a little beyond those numbers
 *    outright, so one address can never fill the server.
 *  - A request not in within request_seconds of the connection opening (or of the previous
 *    response on it) has its connection shut down, however it trickles bytes.
 * May call: base/.
 */
#ifndef GK_WEB_HTTP_GUARD_H
#define GK_WEB_HTTP_GUARD_H

#include <arpa/inet.h>
#include <microhttpd.h>
#include <sys/socket.h>

struct http_guard_limits {
	unsigned per_address;      /* connections one address may hold (0 = no limit) */
	unsigned total;            /* connections in all (0 = no limit) */
	unsigned request_seconds;  /* deadline of a request (0 = none) */
};

struct http_guard;

struct http_guard *http_guard_new(const struct http_guard_limits *lim);
/* Stop the watchdog and free; g may be NULL. Call after the daemon has stopped. */
void http_guard_free(struct http_guard *g);

/* MHD_OPTION_NOTIFY_CONNECTION callback (cls = the guard). */
void http_guard_notify(void *cls, struct MHD_Connection *conn, void **socket_context,
		       enum MHD_ConnectionNotificationCode toe);
/* 1 if conn was opened beyond the per-address or total limit (answer 503). */
int http_guard_over(struct http_guard *g, struct MHD_Connection *conn);
/* The handler has conn's request (1: no deadline while it is answered) or its response is
 * sent (0: the deadline of the next request starts now). */
void http_guard_answering(struct http_guard *g, struct MHD_Connection *conn, int answering);
/* How many connections the watchdog has shut down so far. */
unsigned long http_guard_cut(struct http_guard *g);

/* A client address as text ("?" when unknown). */
void http_guard_addr(const struct sockaddr *sa, char out[INET6_ADDRSTRLEN]);

#endif
