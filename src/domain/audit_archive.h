/*
 * audit_archive.h — the audit log archived: a signed file that anyone can check offline,
 * without the database (`gongkai audit verify FILE`), and the signing key.
 *
 * An archive is text: the line "gongkai audit archive v1", one JSON object per entry in id
 * order (id, at, actor, agency_id, entity, entity_id, action, content, prev_hash, hash), and a
 * last line "signed ed25519 PUBLIC-KEY SIGNATURE" — an Ed25519 signature of every byte before
 * that line. Checking it recomputes every entry's hash and the chain from the first entry
 * (domain/audit.h) and the signature: an entry changed, removed, added or reordered, or the
 * file edited anywhere, is caught. The public key is printed so that it can be compared with
 * the one the organ recorded (`gongkai audit key`); --key makes the check require it.
 * The key pair lives in a file of its own (mode 0600, beside the database by default), not in
 * the database: whoever copies the database cannot sign a forged archive.
 * Nothing archives by deleting: the log itself is append-only (the store refuses UPDATE and
 * DELETE) and kept whole, at least the 6 months of 网络安全法 Art. 21 and in fact for ever.
 * May call: domain/audit.h, store/, text/, base/.
 */
#ifndef GK_DOMAIN_AUDIT_ARCHIVE_H
#define GK_DOMAIN_AUDIT_ARCHIVE_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/crypto.h"
#include "base/err.h"
#include "store/store.h"

#define AUDIT_ARCHIVE_MAGIC "gongkai audit archive v1"

/* The file of the signing key: given (an option or GONGKAI_AUDIT_KEY_FILE) when not NULL or
 * empty, else the SQLite file db + ".audit-key" (in *owned, to free). A PostgreSQL database
 * has no file to put it beside: without a given file that is ERR_STATE naming what to set. */
int audit_key_path(const char *given, const char *db, const char **path, char **owned,
		   struct gk_error *e) GK_WUR;

/* The signing key pair in file path, made (mode 0600) when missing and create is set. */
int audit_key_load(const char *path, int create, char secret[CRYPTO_SIGN_SECRET_HEX],
		   char pub[CRYPTO_SIGN_PUBLIC_HEX], struct gk_error *e) GK_WUR;

/* Append the whole log as a signed archive to out (inside a read transaction of s). */
int audit_archive_write(struct store *s, const char *secret, struct buf *out,
			struct gk_error *e) GK_WUR;

struct audit_archive_check {
	int64_t entries;        /* entries checked */
	int64_t head_id;        /* the last one … */
	char head[65];          /* … and its hash */
	char key[CRYPTO_SIGN_PUBLIC_HEX];  /* the key it is signed with */
	int ok;                 /* 1: chain and signature hold */
	int line;               /* else the line that does not (0: the file as a whole) */
	char reason[256];
};

/* Check archive data[0..len) offline; want_key (may be NULL) = the public key it must be
 * signed with. Returns 0 when the file could be read as an archive at all (out says whether
 * it holds), ERR_INVALID when it is not one. */
int audit_archive_verify(const char *data, size_t len, const char *want_key,
			 struct audit_archive_check *out, struct gk_error *e) GK_WUR;

#endif
