/*
 * paths.c — the folder of gongkai's shipped files (see paths.h).
 * May call libc only.
 */
#include "base/paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int has_templates(const char *root)
{
	char p[PATH_MAX + 16];
	struct stat st;

	if (snprintf(p, sizeof p, "%s/templates", root) >= (int)sizeof p)
		return 0;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* ../share/gongkai beside /proc/self/exe, resolved; 0 when it exists with templates/. */
static int beside_binary(char *out, size_t cap)
{
	char exe[PATH_MAX], cand[PATH_MAX + 32], *slash;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n <= 0)
		return -1;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return -1;
	*slash = '\0';
	if (snprintf(cand, sizeof cand, "%s/../share/gongkai", exe) >= (int)sizeof cand ||
	    !has_templates(cand) || realpath(cand, exe) == NULL || strlen(exe) >= cap)
		return -1;
	memcpy(out, exe, strlen(exe) + 1);
	return 0;
}

const char *paths_share_dir(void)
{
	static char dir[PATH_MAX];
	const char *env;

	if (dir[0])
		return dir;
	env = getenv("GONGKAI_SHARE_DIR");
	if (env && *env && strlen(env) < sizeof dir)
		memcpy(dir, env, strlen(env) + 1);
	else if (beside_binary(dir, sizeof dir) == 0)
		;
#ifdef GK_SOURCE_ROOT
	else if (has_templates(GK_SOURCE_ROOT))
		snprintf(dir, sizeof dir, "%s", GK_SOURCE_ROOT);
#endif
	else
		snprintf(dir, sizeof dir, "%s", GK_INSTALL_DATA_DIR);
	return dir;
}

const char *paths_dir(const char *what, const char *env)
{
	/* one slot per folder asked for; gongkai asks for three */
	static struct { const char *what; char path[PATH_MAX + 32]; } slot[4];
	const char *v = env ? getenv(env) : NULL;
	size_t i;

	if (v && *v)
		return v;
	for (i = 0; i < sizeof slot / sizeof slot[0] && slot[i].what; i++)
		if (strcmp(slot[i].what, what) == 0)
			return slot[i].path;
	if (i == sizeof slot / sizeof slot[0])
		i--;  /* more names than slots: reuse the last (never the case in gongkai) */
	snprintf(slot[i].path, sizeof slot[i].path, "%s/%s", paths_share_dir(), what);
	slot[i].what = what;
	return slot[i].path;
}
