/*
 * signin.h — what a sign-in attempt leaves behind and how fast one may try again.
 *
 * Failed sign-ins are recorded (the name typed, the client address, the time) and throttle
 * further attempts with growing delays, counted separately for
 *   - the account from that address: `free` failures in the window, then 2 s, 4 s, 8 s …
 *     up to the cap between attempts;
 *   - the address, whatever the account (someone trying many accounts): 4 × free, then the
 *     same growing delays;
 *   - the account, whatever the address (many addresses guessing one password): 4 × free,
 *     then growing delays of at most account_cap seconds, so that the owner can always sign
 *     in within a minute.
 * So an attacker elsewhere can slow himself down but never lock the officer out: there is no
 * lock-out, only delays, and the owner's own address is counted apart. The failures are
 * shown to the account's owner after their next sign-in (those since the sign-in before) and
 * to the security administrator (every account). Each account's last two sign-ins are kept,
 * so the page after sign-in can say when and from where the previous one was.
 * GB/T 22239-2019 8.1.4.1 b) (登录失败处理功能), c) (远程管理时防止鉴别信息被窃听: TLS, see
 * docs/threat-model.md). Every function works in the caller's transaction.
 * May call: store/, text/jsonw.h, base/.
 */
#ifndef GK_DOMAIN_SIGNIN_H
#define GK_DOMAIN_SIGNIN_H

#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/signin_store.h"
#include "store/store.h"

struct signin_policy {
	int free;                 /* failures of one account from one address before delays */
	int window;               /* seconds over which failures count (900) */
	int cap;                  /* longest delay for an address (seconds, 900) */
	int account_cap;          /* longest delay for an account across addresses (60) */
};

/* The defaults: 5 free failures, a 15-minute window, delays capped at 15 min / 1 min. */
extern const struct signin_policy SIGNIN_POLICY_DEFAULT;

/* How long (seconds, 0 = not at all) client must still wait before trying account at now. */
int signin_wait(struct store *s, const struct signin_policy *p, const char *account,
		const char *client, int64_t now, int64_t *wait, struct gk_error *e) GK_WUR;

/* Record a failed attempt (write transaction) and audit it; failures older than 180 days
 * are forgotten by the throttle (the audit log keeps them). */
int signin_failed(struct store *s, const char *account, const char *client, int64_t now,
		  struct gk_error *e) GK_WUR;

/* Record a sign-in of user_id (of organ agency_id, 0 = none) from client at now (write
 * transaction), and audit it; signin_ended audits a sign-out. */
int signin_succeeded(struct store *s, int64_t user_id, int64_t agency_id, const char *client,
		     int64_t now, struct gk_error *e) GK_WUR;
int signin_ended(struct store *s, int64_t user_id, int64_t agency_id, const char *client,
		 struct gk_error *e) GK_WUR;

/* What the owner of an account sees after signing in: the sign-in before this one (prev, at
 * 0 when this is the first) and the failed attempts on the account since then (*failures, and
 * the latest one's time and address in *last_failure). */
struct signin_news {
	struct signin_rec prev;
	int64_t failures;
	struct signin_failure_rec last_failure;
};
int signin_news(struct store *s, int64_t user_id, const char *account, struct arena *a,
		struct signin_news *out, struct gk_error *e) GK_WUR;

/* The failed sign-ins since since, newest first, at most limit (every account). */
int signin_failures(struct store *s, int64_t since, int limit, signin_failure_fn fn, void *ctx,
		    struct gk_error *e) GK_WUR;

#endif
