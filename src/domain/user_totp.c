/*
 * user_totp.c — the staff's second factor (TOTP, RFC 6238; GB/T 22239-2019 8.1.4.1 身份鉴别:
 * two factors for administrators) and the key that seals its secrets at rest: enrolment,
 * confirmation, reset, the check at sign-in, sealing what an older database kept in clear,
 * and changing the key (密钥更换). See user.h; the sealing itself is domain/totp_key.h.
 * May call: store/, domain/totp_key.h, domain/audit.h, base/.
 */
#include "domain/user.h"

#include <string.h>

#include "base/crypto.h"
#include "base/totp.h"
#include "domain/audit.h"
#include "domain/totp_key.h"

/* The sealing key of one operation, read from its file once (loaded = 1) and wiped after. */
struct seal_key {
	uint8_t k[TOTP_KEY_LEN];
	int loaded;
};

static void seal_key_wipe(struct seal_key *sk)
{
	crypto_wipe(sk->k, sizeof sk->k);
	sk->loaded = 0;
}

/* Account name's id and organ (for the audit entry), or ERR_NOTFOUND. */
static int account(struct store *s, const char *name, struct arena *a, struct user_rec *u,
		   struct gk_error *e)
{
	return user_store(s)->get_by_name(s, name, a, u, e);
}

/* The store's key file, or ERR_IO when none is set (PostgreSQL without GONGKAI_TOTP_KEY). */
static int key_path(struct store *s, const char **path, struct gk_error *e)
{
	*path = store_totp_key_file(s);
	if (**path == '\0')
		return err_set(e, ERR_IO, "totp_key", "这个数据库没有指定动态口令密钥文件："
			       "设置 GONGKAI_TOTP_KEY=FILE（或 serve --totp-key FILE），文件权限 0600，"
			       "放在数据库之外");
	return 0;
}

/* The key sealing TOTP secrets in sk, read from the store's key file unless it is already. */
static int seal_key(struct store *s, int create, struct seal_key *sk, struct gk_error *e)
{
	const char *path;
	int rc;

	if (sk->loaded)
		return 0;
	if ((rc = key_path(s, &path, e)) != 0 || (rc = totp_key_load(path, create, sk->k, e)) != 0)
		return rc;
	sk->loaded = 1;
	return 0;
}

static int find_sealed(void *ctx, int64_t id, const struct user_totp_rec *r)
{
	(void)id;
	*(int *)ctx = totp_key_is_sealed(r->secret);
	return *(int *)ctx;
}

/* A new key may be made only while no secret is sealed: otherwise a lost key file would be
 * silently replaced and every sealed secret would stop opening. */
static int may_make_key(struct store *s, int *yes, struct gk_error *e)
{
	int sealed = 0, rc = user_store(s)->totp_list(s, find_sealed, &sealed, e);

	*yes = !sealed;
	return rc;
}

/* Open t's secret (in a) when it is sealed, with sk. */
static int totp_open(struct store *s, struct seal_key *sk, int64_t id, struct arena *a,
		     struct user_totp_rec *t, struct gk_error *e)
{
	int rc;

	if (!totp_key_is_sealed(t->secret))
		return 0;
	if ((rc = seal_key(s, 0, sk, e)) != 0)
		return rc;
	return totp_key_open(sk->k, store_totp_key_file(s), id, t->secret, a, &t->secret, e);
}

/* Account id's second factor with its secret opened (*found = 0 when none; strings in a). */
static int totp_read(struct store *s, struct seal_key *sk, int64_t id, struct arena *a,
		     struct user_totp_rec *t, int *found, struct gk_error *e)
{
	int rc = user_store(s)->totp_get(s, id, a, t, found, e);

	return rc != 0 || !*found ? rc : totp_open(s, sk, id, a, t, e);
}

/* Store account id's second factor t (secret in clear) sealed with sk's key; create: the key
 * file may be made (see may_make_key). */
static int totp_write(struct store *s, struct seal_key *sk, int64_t id,
		      const struct user_totp_rec *t, int create, struct gk_error *e)
{
	struct user_totp_rec sealed = *t;
	struct arena a;
	int rc;

	arena_init(&a);
	if ((rc = seal_key(s, create, sk, e)) == 0) {
		sealed.secret = totp_key_seal(sk->k, id, t->secret, &a);
		rc = user_store(s)->totp_set(s, id, &sealed, e);
	}
	arena_free(&a);
	return rc;
}

/* Every account's second factor as stored, collected to be rewritten. */
struct totp_item {
	int64_t id;
	struct user_totp_rec rec;
};

struct totp_list {
	struct arena *a;
	int only_clear;  /* collect only secrets still kept in clear */
	struct totp_item *v;
	size_t n, cap;
};

static int collect(void *ctx, int64_t id, const struct user_totp_rec *r)
{
	struct totp_list *l = ctx;
	struct totp_item *c;

	if (l->only_clear && totp_key_is_sealed(r->secret))
		return 0;
	c = ARENA_PUSH(l->a, l->v, l->n, l->cap, 16);
	c->id = id;
	c->rec = *r;
	c->rec.secret = arena_strdup(l->a, r->secret);
	return 0;
}

/* Wipe the (opened) secrets of l. */
static void list_wipe(struct totp_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		crypto_wipe((char *)l->v[i].rec.secret, strlen(l->v[i].rec.secret));
}

/* The organ of account id, for its audit entry (0 when it has none). */
static int64_t organ_of(struct store *s, int64_t id, struct arena *a)
{
	struct user_rec u;
	struct gk_error ignored = { 0 };

	return user_store(s)->get(s, id, a, &u, &ignored) == 0 ? u.agency_id : 0;
}

int user_totp_seal_all(struct store *s, int *sealed, struct gk_error *e)
{
	struct seal_key sk = { .loaded = 0 };
	struct arena a;
	struct totp_list l = { .a = &a, .only_clear = 1 };
	int rc, create;

	*sealed = 0;
	arena_init(&a);
	if ((rc = user_store(s)->totp_list(s, collect, &l, e)) == 0 && l.n > 0 &&
	    (rc = may_make_key(s, &create, e)) == 0)
		for (size_t i = 0; i < l.n && rc == 0; i++)
			if ((rc = totp_write(s, &sk, l.v[i].id, &l.v[i].rec, create, e)) == 0 &&
			    (rc = audit_record(s, organ_of(s, l.v[i].id, &a), "user", l.v[i].id,
					       "totp-seal", "{}", e)) == 0)
				++*sealed;
	list_wipe(&l);
	seal_key_wipe(&sk);
	arena_free(&a);
	return rc;
}

int user_totp_begin(struct store *s, const char *name, struct arena *a, const char **secret,
		    struct gk_error *e)
{
	struct seal_key sk = { .loaded = 0 };
	struct user_totp_rec t = { 0 };
	char *fresh = arena_alloc(a, TOTP_SECRET_B32);
	struct user_rec u;
	int rc, found, create;

	if ((rc = account(s, name, a, &u, e)) != 0 ||
	    (rc = user_store(s)->totp_get(s, u.id, a, &t, &found, e)) != 0)
		return rc;
	if (found && t.confirmed)
		return err_set(e, ERR_STATE, "NAME", "%s 已设置第二因素，须先重置（手机丢失："
			       "gongkai user totp %s --reset）", name, name);
	if (found) {  /* the pending one, shown again */
		if ((rc = totp_open(s, &sk, u.id, a, &t, e)) == 0)
			*secret = t.secret;
		seal_key_wipe(&sk);
		return rc;
	}
	memset(&t, 0, sizeof t);
	totp_secret_new(fresh);
	t.secret = fresh;
	if ((rc = may_make_key(s, &create, e)) == 0 &&
	    (rc = totp_write(s, &sk, u.id, &t, create, e)) == 0) {
		*secret = fresh;
		rc = audit_record(s, u.agency_id, "user", u.id, "totp-begin", "{}", e);
	}
	seal_key_wipe(&sk);
	return rc;
}

/* Check code against account id's second factor (confirm: a pending one, which it turns on;
 * else a confirmed one) and record the step used, so the code is not taken twice. The key
 * file is read once. */
static int totp_use(struct store *s, int64_t id, const char *code, int64_t now, int confirm,
		    struct gk_error *e)
{
	struct seal_key sk = { .loaded = 0 };
	struct user_totp_rec t;
	struct arena a;
	int64_t step;
	int rc, found;

	arena_init(&a);
	if ((rc = totp_read(s, &sk, id, &a, &t, &found, e)) != 0)
		goto out;
	if (confirm && !found)
		rc = err_set(e, ERR_STATE, "code", "这个账号没有正在设置的第二因素");
	else if (confirm && !totp_check(t.secret, code, now, t.last_step, &step))
		rc = err_set(e, ERR_INVALID, "code", "动态口令不对：请核对验证器应用的时间，"
			     "输入它当前显示的口令");
	else if (!confirm && (!found || !t.confirmed ||
			      !totp_check(t.secret, code, now, t.last_step, &step)))
		rc = err_set(e, ERR_FORBIDDEN, "code", "动态口令错误或已用过");
	if (rc == 0) {
		t.confirmed = 1;
		t.last_step = step;
		rc = totp_write(s, &sk, id, &t, 0, e);
	}
out:
	seal_key_wipe(&sk);
	arena_free(&a);
	return rc;
}

int user_totp_confirm(struct store *s, const char *name, const char *code, int64_t now,
		      struct gk_error *e)
{
	struct user_rec u;
	struct arena a;
	int rc;

	arena_init(&a);
	if ((rc = account(s, name, &a, &u, e)) == 0 &&
	    (rc = totp_use(s, u.id, code, now, 1, e)) == 0)
		rc = audit_record(s, u.agency_id, "user", u.id, "totp-on", "{}", e);
	arena_free(&a);
	return rc;
}

int user_totp_verify(struct store *s, int64_t id, const char *code, int64_t now,
		     struct gk_error *e)
{
	return totp_use(s, id, code, now, 0, e);
}

int user_totp_reset(struct store *s, const char *name, struct gk_error *e)
{
	struct user_rec u;
	struct arena a;
	int rc;

	arena_init(&a);
	if ((rc = account(s, name, &a, &u, e)) == 0 &&
	    (rc = user_store(s)->totp_set(s, u.id, NULL, e)) == 0)
		rc = audit_record(s, u.agency_id, "user", u.id, "totp-off", "{}", e);
	arena_free(&a);
	return rc;
}

int user_totp_state(struct store *s, int64_t id, int *on, struct gk_error *e)
{
	struct user_totp_rec t;
	struct arena a;
	int rc, found;

	arena_init(&a);
	rc = user_store(s)->totp_get(s, id, &a, &t, &found, e);
	*on = rc == 0 && found && t.confirmed;
	arena_free(&a);
	return rc;
}

/* Every second factor into l, each opened with sk (loaded already, or the store's key file);
 * ERR_DB naming the first that does not open. */
static int open_all(struct store *s, struct seal_key *sk, struct totp_list *l,
		    struct gk_error *e)
{
	int rc;

	list_wipe(l);
	l->n = 0;
	rc = user_store(s)->totp_list(s, collect, l, e);
	for (size_t i = 0; i < l->n && rc == 0; i++)
		rc = totp_open(s, sk, l->v[i].id, l->a, &l->v[i].rec, e);
	return rc;
}

int user_totp_key_check(struct store *s, struct user_totp_key_state *st, struct gk_error *e)
{
	struct seal_key sk = { .loaded = 0 }, next = { .loaded = 0 };
	struct gk_error ignored = { 0 };
	struct arena a;
	struct totp_list l = { .a = &a };
	const char *path, *next_path;
	int rc;

	memset(st, 0, sizeof *st);
	if ((rc = key_path(s, &path, e)) != 0)
		return rc;
	arena_init(&a);
	next_path = totp_key_next_path(path, &a);
	st->next_left = totp_key_exists(next_path);
	if ((rc = user_store(s)->totp_list(s, collect, &l, e)) != 0)
		goto out;
	for (size_t i = 0; i < l.n; i++)
		st->sealed += totp_key_is_sealed(l.v[i].rec.secret) != 0;
	st->clear = (int)l.n - st->sealed;
	if (st->sealed == 0 || (rc = open_all(s, &sk, &l, e)) == 0)
		goto out;
	/* a change of key interrupted after it was saved: the secrets are sealed under the new
	 * key, which was not yet moved in place */
	if (st->next_left && totp_key_load(next_path, 0, next.k, &ignored) == 0) {
		next.loaded = 1;
		if (open_all(s, &next, &l, &ignored) == 0)
			rc = err_set(e, ERR_STATE, "totp_key", "第二因素不能用 %s 解开，而要用 %s（更换"
				     "密钥在保存后中断留下的）：请把它移到原处（mv %s %s）", path,
				     next_path, next_path, path);
	}
out:
	list_wipe(&l);
	seal_key_wipe(&sk);
	seal_key_wipe(&next);
	arena_free(&a);
	return rc;
}

int user_totp_rekey(struct store *s, int *resealed, struct gk_error *e)
{
	struct seal_key old = { .loaded = 0 }, fresh = { .loaded = 0 };
	struct arena a;
	struct totp_list l = { .a = &a };
	const char *path, *next_path;
	int rc;

	*resealed = 0;
	if ((rc = key_path(s, &path, e)) != 0)
		return rc;
	arena_init(&a);
	next_path = totp_key_next_path(path, &a);
	if (totp_key_exists(next_path)) {
		rc = err_set(e, ERR_STATE, "totp_key", "%s 已存在：上一次更换密钥没有完成；"
			     "gongkai user totp-key --check 可查明第二因素用哪个密钥解开", next_path);
		goto out;
	}
	if ((rc = open_all(s, &old, &l, e)) != 0 ||
	    (rc = totp_key_create(next_path, fresh.k, e)) != 0)
		goto out;
	fresh.loaded = 1;
	for (size_t i = 0; i < l.n && rc == 0; i++)
		if ((rc = totp_write(s, &fresh, l.v[i].id, &l.v[i].rec, 0, e)) == 0 &&
		    (rc = audit_record(s, organ_of(s, l.v[i].id, &a), "user", l.v[i].id,
				       "totp-rekey", "{}", e)) == 0)
			++*resealed;
	if (rc != 0)
		totp_key_discard(next_path);
out:
	list_wipe(&l);
	seal_key_wipe(&old);
	seal_key_wipe(&fresh);
	arena_free(&a);
	return rc;
}

int user_totp_rekey_finish(struct store *s, struct gk_error *e)
{
	struct arena a;
	const char *path = store_totp_key_file(s);
	int rc;

	arena_init(&a);
	rc = totp_key_install(totp_key_next_path(path, &a), path, e);
	arena_free(&a);
	return rc;
}

void user_totp_rekey_abandon(struct store *s)
{
	struct arena a;

	arena_init(&a);
	totp_key_discard(totp_key_next_path(store_totp_key_file(s), &a));
	arena_free(&a);
}
