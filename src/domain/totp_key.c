/*
 * totp_key.c — TOTP secrets sealed at rest, the key file (see totp_key.h).
 */
#include "domain/totp_key.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PREFIX "v1:"
#define SECRET_MAX 128  /* a base32 TOTP secret is 32 characters (base/totp.h) */

int totp_key_create(const char *path, uint8_t key[TOTP_KEY_LEN], struct gk_error *e)
{
	char hex[2 * TOTP_KEY_LEN + 1];
	int rc;

	crypto_random(key, TOTP_KEY_LEN);
	crypto_hex(key, TOTP_KEY_LEN, hex);
	rc = crypto_key_file_create(path, hex);
	crypto_wipe(hex, sizeof hex);
	if (rc != 0) {
		crypto_wipe(key, TOTP_KEY_LEN);
		return err_set(e, ERR_IO, "totp_key", "不能创建动态口令密钥文件 %s：%s",
			       path, strerror(errno));
	}
	return 0;
}

const char *totp_key_next_path(const char *path, struct arena *a)
{
	return arena_printf(a, "%s.new", path);
}

int totp_key_exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

int totp_key_install(const char *next, const char *path, struct gk_error *e)
{
	char dir[4096];
	const char *slash = strrchr(path, '/');
	int fd;

	if (rename(next, path) != 0)
		return err_set(e, ERR_IO, "totp_key", "新的动态口令密钥没能移到原处（%s）："
			       "第二因素已用 %s 中的密钥加密，请把它移到 %s", strerror(errno), next,
			       path);
	/* the rename itself durable: sync the folder holding both names */
	snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) + 1 : 1, slash ? path : ".");
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY)) >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	return 0;
}

void totp_key_discard(const char *path)
{
	(void)unlink(path);
}

int totp_key_load(const char *path, int create, uint8_t key[TOTP_KEY_LEN], struct gk_error *e)
{
	char text[2 * TOTP_KEY_LEN + 3];
	struct stat st;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_NOFOLLOW);

	if (fd < 0 && errno == ENOENT && create)
		return totp_key_create(path, key, e);
	if (fd < 0)
		return err_set(e, ERR_IO, "totp_key",
			       "动态口令密钥文件 %s 读不出（%s）：无法核对第二因素；"
			       "请从与数据库一同做的备份中恢复这个文件，或重置各账号的第二因素"
			       "（gongkai user totp NAME --reset）",
			       path, strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return err_set(e, ERR_IO, "totp_key", "动态口令密钥文件 %s 不是普通文件",
			       path);
	}
	if ((st.st_mode & 077) != 0) {
		close(fd);
		return err_set(e, ERR_IO, "totp_key", "动态口令密钥文件 %s 别人也能读"
			       "（权限 %04o）：请改为 0600（chmod 600 %s）", path,
			       (unsigned)(st.st_mode & 07777), path);
	}
	n = read(fd, text, sizeof text - 1);
	close(fd);
	if (n < 0)
		n = 0;
	text[n] = '\0';
	if (n > 0 && text[n - 1] == '\n')
		text[--n] = '\0';
	if (crypto_unhex(text, key, TOTP_KEY_LEN) != 0) {
		crypto_wipe(text, sizeof text);
		return err_set(e, ERR_IO, "totp_key", "%s 中不是动态口令密钥（64 位十六进制数字）",
			       path);
	}
	crypto_wipe(text, sizeof text);
	return 0;
}

int totp_key_is_sealed(const char *stored)
{
	return strncmp(stored, PREFIX, strlen(PREFIX)) == 0;
}

/* The associated data binding a sealed secret to its account. */
static int bind_id(char *out, size_t n, int64_t id)
{
	return snprintf(out, n, "gongkai user_totp %" PRId64, id);
}

const char *totp_key_seal(const uint8_t key[TOTP_KEY_LEN], int64_t id, const char *secret,
			  struct arena *a)
{
	size_t len = strlen(secret), blen = len + CRYPTO_SEAL_OVERHEAD;
	uint8_t box[SECRET_MAX + CRYPTO_SEAL_OVERHEAD];
	char ad[64];
	char *out;

	if (len > SECRET_MAX)
		len = SECRET_MAX, blen = len + CRYPTO_SEAL_OVERHEAD;
	crypto_seal(key, secret, len, ad, (size_t)bind_id(ad, sizeof ad, id), box);
	out = arena_alloc(a, strlen(PREFIX) + 2 * blen + 1);
	memcpy(out, PREFIX, strlen(PREFIX));
	crypto_hex(box, blen, out + strlen(PREFIX));
	return out;
}

int totp_key_open(const uint8_t key[TOTP_KEY_LEN], const char *path, int64_t id,
		  const char *stored, struct arena *a, const char **secret, struct gk_error *e)
{
	uint8_t box[SECRET_MAX + CRYPTO_SEAL_OVERHEAD];
	const char *hex = stored + strlen(PREFIX);
	size_t blen = strlen(hex) / 2;
	char ad[64];
	char *plain;

	if (!totp_key_is_sealed(stored) || blen < CRYPTO_SEAL_OVERHEAD || blen > sizeof box ||
	    crypto_unhex(hex, box, blen) != 0)
		return err_set(e, ERR_DB, "totp_key", "账号 %" PRId64 " 的第二因素以本程序不认识的"
			       "形式保存", id);
	plain = arena_alloc(a, blen - CRYPTO_SEAL_OVERHEAD + 1);
	if (crypto_seal_open(key, box, blen, ad, (size_t)bind_id(ad, sizeof ad, id),
			     (uint8_t *)plain) != 0)
		return err_set(e, ERR_DB, "totp_key", "账号 %" PRId64 " 的第二因素不能用 %s 中的"
			       "动态口令密钥解开（换了密钥，或保存的值被改过）：请恢复当初加密用的密钥"
			       "文件，或重置这个账号的第二因素", id, path);
	plain[blen - CRYPTO_SEAL_OVERHEAD] = '\0';
	*secret = plain;
	return 0;
}
