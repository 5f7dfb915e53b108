/*
 * http_guard.c — the HTTP adapter's defence against slow and crowding clients (see
 * http_guard.h). Part of the adapter: with http.c the only file that includes microhttpd.h.
 *
 * Every TCP connection gets a slot (MHD_OPTION_NOTIFY_CONNECTION) holding its socket, its
 * client address and when its current request began: when the connection opened, or when
 * the previous response on it was sent. A watchdog thread wakes four times a second and
 * shuts down (shutdown(2), so that libmicrohttpd notices and closes it itself) every
 * connection whose request has not been handed to the handler — headers and body in — within
 * the deadline. A client that trickles a byte now and then does not reset it: the deadline is
 * absolute, unlike libmicrohttpd's idle timeout. A connection whose request is being answered
 * is left alone. The slot list is guarded by a mutex that the close notification takes too,
 * so the watchdog never touches a socket libmicrohttpd has closed (and the system may have
 * reused).
 * May call: base/.
 */
#include "web/http_guard.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "base/mem.h"

struct http_conn {
	int fd;
	char addr[INET6_ADDRSTRLEN];
	struct timespec start;     /* when the current request began */
	int answering;             /* the handler has the request: no deadline */
	int cut;                   /* already shut down by the watchdog */
	int over;                  /* opened beyond the per-address or total limit */
	struct http_conn *prev, *next;
};

struct http_guard {
	struct http_guard_limits lim;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct http_conn *head;
	unsigned n;
	unsigned long cut_total;
	int stop;
	pthread_t watchdog;
	int watching;
};

static double seconds_since(const struct timespec *t0, const struct timespec *now)
{
	return (double)(now->tv_sec - t0->tv_sec) + (double)(now->tv_nsec - t0->tv_nsec) / 1e9;
}

void http_guard_addr(const struct sockaddr *sa, char out[INET6_ADDRSTRLEN])
{
	snprintf(out, INET6_ADDRSTRLEN, "?");
	if (sa && sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out, INET6_ADDRSTRLEN);
	else if (sa && sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, out, INET6_ADDRSTRLEN);
}

static void *watch(void *arg)
{
	struct http_guard *g = arg;

	pthread_mutex_lock(&g->mu);
	while (!g->stop) {
		struct timespec now, until;

		clock_gettime(CLOCK_MONOTONIC, &now);
		for (struct http_conn *c = g->head; c; c = c->next) {
			if (c->answering || c->cut || seconds_since(&c->start, &now) < g->lim.request_seconds)
				continue;
			shutdown(c->fd, SHUT_RDWR);
			c->cut = 1;
			g->cut_total++;
			fprintf(stderr, "closed a connection from %s: no complete request within %u s\n",
				c->addr, g->lim.request_seconds);
		}
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += 250 * 1000 * 1000;
		if (until.tv_nsec >= 1000 * 1000 * 1000) {
			until.tv_sec++;
			until.tv_nsec -= 1000 * 1000 * 1000;
		}
		pthread_cond_timedwait(&g->cv, &g->mu, &until);
	}
	pthread_mutex_unlock(&g->mu);
	return NULL;
}

struct http_guard *http_guard_new(const struct http_guard_limits *lim)
{
	struct http_guard *g = xcalloc(1, sizeof *g);

	g->lim = *lim;
	pthread_mutex_init(&g->mu, NULL);
	pthread_cond_init(&g->cv, NULL);
	if (g->lim.request_seconds && pthread_create(&g->watchdog, NULL, watch, g) == 0)
		g->watching = 1;
	return g;
}

void http_guard_free(struct http_guard *g)
{
	if (g == NULL)
		return;
	pthread_mutex_lock(&g->mu);
	g->stop = 1;
	pthread_cond_signal(&g->cv);
	pthread_mutex_unlock(&g->mu);
	if (g->watching)
		pthread_join(g->watchdog, NULL);
	while (g->head) {
		struct http_conn *c = g->head;
		g->head = c->next;
		free(c);
	}
	pthread_cond_destroy(&g->cv);
	pthread_mutex_destroy(&g->mu);
	free(g);
}

void http_guard_notify(void *cls, struct MHD_Connection *conn, void **socket_context,
		       enum MHD_ConnectionNotificationCode toe)
{
	struct http_guard *g = cls;
	struct http_conn *c = *socket_context;

	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *fi = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
		const union MHD_ConnectionInfo *ai = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		unsigned same = 0;

		c = xcalloc(1, sizeof *c);
		c->fd = fi ? fi->connect_fd : -1;
		http_guard_addr(ai ? ai->client_addr : NULL, c->addr);
		clock_gettime(CLOCK_MONOTONIC, &c->start);
		pthread_mutex_lock(&g->mu);
		for (struct http_conn *o = g->head; o; o = o->next)
			same += strcmp(o->addr, c->addr) == 0;
		c->over = (g->lim.per_address && same >= g->lim.per_address) ||
			  (g->lim.total && g->n >= g->lim.total);
		c->next = g->head;
		if (g->head)
			g->head->prev = c;
		g->head = c;
		g->n++;
		pthread_mutex_unlock(&g->mu);
		*socket_context = c;
		return;
	}
	if (c == NULL)
		return;
	pthread_mutex_lock(&g->mu);
	if (c->prev)
		c->prev->next = c->next;
	else
		g->head = c->next;
	if (c->next)
		c->next->prev = c->prev;
	g->n--;
	pthread_mutex_unlock(&g->mu);
	free(c);
	*socket_context = NULL;
}

static struct http_conn *slot_of(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return ci ? ci->socket_context : NULL;
}

int http_guard_over(struct http_guard *g, struct MHD_Connection *conn)
{
	struct http_conn *c = slot_of(conn);
	int over;

	if (c == NULL)
		return 0;
	pthread_mutex_lock(&g->mu);
	over = c->over;
	pthread_mutex_unlock(&g->mu);
	return over;
}

void http_guard_answering(struct http_guard *g, struct MHD_Connection *conn, int answering)
{
	struct http_conn *c = slot_of(conn);

	if (c == NULL)
		return;
	pthread_mutex_lock(&g->mu);
	c->answering = answering;
	if (!answering)
		clock_gettime(CLOCK_MONOTONIC, &c->start);  /* the next request's deadline */
	pthread_mutex_unlock(&g->mu);
}

unsigned long http_guard_cut(struct http_guard *g)
{
	unsigned long n;

	pthread_mutex_lock(&g->mu);
	n = g->cut_total;
	pthread_mutex_unlock(&g->mu);
	return n;
}
