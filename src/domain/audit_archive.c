/*
 * audit_archive.c — signed archives of the audit log (see audit_archive.h).
 */
#include "domain/audit_archive.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "domain/audit.h"
#include "text/jsonr.h"
#include "text/jsonw.h"

#define ARCHIVE_TOO_LARGE "归档太大"

int audit_key_path(const char *given, const char *db, const char **path, char **owned,
		   struct gk_error *e)
{
	*owned = NULL;
	if (given && *given) {
		*path = given;
		return 0;
	}
	if (store_is_server(db))
		return err_set(e, ERR_STATE, "key_file",
			       "PostgreSQL 数据库的审计签名密钥没有默认文件："
			       "请用 --key-file（serve 用 --audit-key-file）或 GONGKAI_AUDIT_KEY_FILE "
			       "指定，平台的每个进程用同一个文件");
	*path = *owned = xasprintf("%s.audit-key", db);
	return 0;
}

int audit_key_load(const char *path, int create, char secret[CRYPTO_SIGN_SECRET_HEX],
		   char pub[CRYPTO_SIGN_PUBLIC_HEX], struct gk_error *e)
{
	struct buf b;
	int rc;

	buf_init(&b, 4096);
	rc = buf_read_file(&b, path, NULL);
	if (rc == 0) {
		size_t n = strcspn(buf_cstr(&b), "\r\n");
		if (n + 1 != CRYPTO_SIGN_SECRET_HEX) {
			rc = err_set(e, ERR_INVALID, "key_file", "%s 中不是审计签名密钥", path);
		} else {
			memcpy(secret, b.ptr, n);
			secret[n] = '\0';
			if (crypto_sign_public_hex(secret, pub) != 0)
				rc = err_set(e, ERR_INVALID, "key_file", "%s 中不是审计签名密钥", path);
		}
		memset(b.ptr, 0, b.cap);
		buf_free(&b);
		return rc;
	}
	buf_free(&b);
	if (!create)
		return err_set(e, ERR_NOTFOUND, "key_file", "%s 处没有审计签名密钥", path);
	crypto_sign_keypair_hex(secret, pub);
	if (crypto_key_file_create(path, secret) != 0)
		return err_set(e, ERR_IO, "key_file", "不能创建 %s：%s", path, strerror(errno));
	return 0;
}

struct writer {
	struct buf *out;
	int rc;
};

static int write_entry(void *ctx, const struct audit_rec *r)
{
	struct writer *wr = ctx;
	struct jsonw w;

	jsonw_init(&w, wr->out, 0);
	jsonw_obj_begin(&w);
	jsonw_kint(&w, "id", r->id);
	jsonw_kstr(&w, "at", r->at);
	jsonw_kstr(&w, "actor", r->actor);
	jsonw_kint(&w, "agency_id", r->agency_id);
	jsonw_kstr(&w, "entity", r->entity);
	jsonw_kint(&w, "entity_id", r->entity_id);
	jsonw_kstr(&w, "action", r->action);
	jsonw_kstr(&w, "content", r->content);
	jsonw_kstr(&w, "prev_hash", r->prev_hash);
	jsonw_kstr(&w, "hash", r->hash);
	jsonw_obj_end(&w);
	if ((wr->rc = jsonw_finish(&w)) == 0)
		wr->rc = buf_append(wr->out, "\n", 1);
	return wr->rc;
}

int audit_archive_write(struct store *s, const char *secret, struct buf *out, struct gk_error *e)
{
	struct writer wr = { out, 0 };
	char pub[CRYPTO_SIGN_PUBLIC_HEX], sig[CRYPTO_SIGN_HEX];
	size_t start = out->len;
	int rc;

	if (crypto_sign_public_hex(secret, pub) != 0)
		return err_set(e, ERR_INVALID, "key_file", "不是审计签名密钥");
	if ((rc = buf_printf(out, "%s\n", AUDIT_ARCHIVE_MAGIC)) != 0)
		return err_set(e, rc, "", ARCHIVE_TOO_LARGE);
	rc = audit_list(s, NULL, 0, write_entry, &wr, e);
	if (rc == 0 && wr.rc)
		rc = err_set(e, wr.rc, "", ARCHIVE_TOO_LARGE);
	if (rc)
		return rc;
	crypto_sign_hex(secret, out->ptr + start, out->len - start, sig);
	if ((rc = buf_printf(out, "signed ed25519 %s %s\n", pub, sig)) != 0)
		return err_set(e, rc, "", ARCHIVE_TOO_LARGE);
	return 0;
}

/* Read one entry line into r (strings point into root); ERR_INVALID naming what is missing. */
static int read_entry(struct jv *root, struct audit_rec *r, char *why, size_t whylen)
{
	static const char *const texts[] = { "at", "actor", "entity", "action", "content",
					     "prev_hash", "hash" };
	const char **dst[] = { &r->at, &r->actor, &r->entity, &r->action, &r->content,
			       &r->prev_hash, &r->hash };

	if (jv_int(jv_get(root, "id"), &r->id) || jv_int(jv_get(root, "agency_id"), &r->agency_id) ||
	    jv_int(jv_get(root, "entity_id"), &r->entity_id)) {
		snprintf(why, whylen, "an entry without its id, agency_id or entity_id");
		return ERR_INVALID;
	}
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if ((*dst[i] = jv_str(jv_get(root, texts[i]))) == NULL) {
			snprintf(why, whylen, "an entry without its %s", texts[i]);
			return ERR_INVALID;
		}
	return 0;
}

/* 1 if s[0..n) are all lower-case hex digits (s need not be NUL-terminated). */
static int lower_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

/* "PUBLIC SIGNATURE" (64 and 128 lower-case hex digits) of the signature line s[0..n), which
 * is the archive's own bytes: the file may end on it without a newline or a NUL. */
static int parse_signature(const char *s, size_t n, char pub[CRYPTO_SIGN_PUBLIC_HEX],
			   char sig[CRYPTO_SIGN_HEX])
{
	if (n != 64 + 1 + 128 || s[64] != ' ' || !lower_hex(s, 64) || !lower_hex(s + 65, 128))
		return -1;
	memcpy(pub, s, 64);
	pub[64] = '\0';
	memcpy(sig, s + 65, 128);
	sig[128] = '\0';
	return 0;
}

static int broken(struct audit_archive_check *out, int line, const char *why)
{
	out->ok = 0;
	out->line = line;
	snprintf(out->reason, sizeof out->reason, "%s", why);
	return 0;
}

int audit_archive_verify(const char *data, size_t len, const char *want_key,
			 struct audit_archive_check *out, struct gk_error *e)
{
	const char *p = data, *end = data + len, *sigline = NULL;
	char prev[65] = "", want[65], why[200], pub[CRYPTO_SIGN_PUBLIC_HEX], sig[CRYPTO_SIGN_HEX];
	size_t mlen = strlen(AUDIT_ARCHIVE_MAGIC);
	int64_t prev_id = 0;
	int line = 1;

	memset(out, 0, sizeof *out);
	if (len < mlen + 1 || memcmp(data, AUDIT_ARCHIVE_MAGIC, mlen) != 0 || data[mlen] != '\n')
		return err_set(e, ERR_INVALID, "FILE", "不是 gongkai 的审计日志归档（第一行不是“%s”）", AUDIT_ARCHIVE_MAGIC);
	p += mlen + 1;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		struct audit_rec r;
		struct jv *root = NULL;
		struct gk_error je;

		line++;
		if (n > 15 && memcmp(p, "signed ed25519 ", 15) == 0) {
			sigline = p;
			if (parse_signature(p + 15, n - 15, pub, sig) != 0)
				return broken(out, line, "the signature line is malformed");
			if (p + n + (nl != NULL) != end)
				return broken(out, line, "text follows the signature line");
			break;
		}
		if (jsonr_parse(p, n, "entry", &root, &je) != 0)
			return broken(out, line, "an entry is not valid JSON");
		if (read_entry(root, &r, why, sizeof why) != 0) {
			jsonr_free(root);
			return broken(out, line, why);
		}
		if (r.id != prev_id + 1 || strcmp(r.prev_hash, prev) != 0) {
			snprintf(why, sizeof why, "entry %" PRId64 " does not follow entry %" PRId64
				 " (an entry was removed, inserted or reordered)", r.id, prev_id);
			jsonr_free(root);
			return broken(out, line, why);
		}
		audit_entry_hash(&r, want);
		if (strcmp(want, r.hash) != 0) {
			snprintf(why, sizeof why, "entry %" PRId64 " does not match its hash: it was changed",
				 r.id);
			jsonr_free(root);
			return broken(out, line, why);
		}
		prev_id = r.id;
		snprintf(prev, sizeof prev, "%s", r.hash);
		out->entries++;
		out->head_id = r.id;
		snprintf(out->head, sizeof out->head, "%s", r.hash);
		jsonr_free(root);
		p += n + 1;
	}
	if (sigline == NULL)
		return broken(out, 0, "the archive has no signature line: it was cut short");
	snprintf(out->key, sizeof out->key, "%s", pub);
	if (!crypto_sign_verify_hex(pub, data, (size_t)(sigline - data), sig))
		return broken(out, line, "the signature does not match the file: it was edited");
	if (want_key && strcmp(want_key, pub) != 0)
		return broken(out, line, "signed with another key than the one given (--key)");
	out->ok = 1;
	return 0;
}
