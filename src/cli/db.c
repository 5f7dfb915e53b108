/*
 * db.c — opening the store, the actor, --agency, the command's transaction (see db.h).
 */
#include "cli/db.h"

#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

#include "domain/agency.h"

const char *cli_actor(const struct cli *cli, char *buf, size_t len)
{
	struct passwd pw, *res = NULL;
	char tmp[1024];

	if (cli->actor && *cli->actor) {
		snprintf(buf, len, "%s", cli->actor);
		return buf;
	}
	if (getpwuid_r(getuid(), &pw, tmp, sizeof tmp, &res) == 0 && res && res->pw_name)
		snprintf(buf, len, "%s", res->pw_name);
	else
		snprintf(buf, len, "uid:%u", (unsigned)getuid());
	return buf;
}

int cli_open_store(struct cli *cli, unsigned flags, struct store **out)
{
	struct gk_error e = { 0 };
	char actor[STORE_ACTOR_MAX];
	int rc = store_open(cli->db_path, flags, out, &e);

	if (rc != 0)
		return cli_error(&e);
	store_set_actor(*out, cli_actor(cli, actor, sizeof actor));
	store_set_totp_key_file(*out, cli->totp_key_file);
	return CLI_OK;
}

int cli_agency(struct store *s, const char *arg, struct arena *a, struct agency_rec *out,
	       struct gk_error *e)
{
	return agency_resolve(s, arg, a, out, e);
}

int cli_finish(struct store *s, int rc, struct gk_error *e)
{
	int status = CLI_OK;

	if (rc == 0 && s->in_txn)
		rc = store_commit(s, e);
	if (rc != 0) {
		store_rollback(s);
		status = cli_error(e);
	}
	store_close(s);
	return status;
}

int cli_parse_id(const char *s, const char *field, int64_t *out, struct gk_error *e)
{
	int64_t v = 0;

	if (s == NULL || !*s)
		return err_set(e, ERR_INVALID, field, "an id is required");
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9' || v > 100000000000000LL)
			return err_set(e, ERR_INVALID, field, "not an id: '%s'", s);
		v = v * 10 + (*p - '0');
	}
	if (v == 0)
		return err_set(e, ERR_INVALID, field, "not an id: '%s'", s);
	*out = v;
	return 0;
}
