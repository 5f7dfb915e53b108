/*
 * paths.h — where gongkai finds the files it ships: the working-day calendar (data/), the page
 * templates (templates/) and the static files (static/).
 *
 * One folder holds all three, laid out as in the source tree. It is, in order:
 *   1. $GONGKAI_SHARE_DIR, when set;
 *   2. ../share/gongkai beside the running binary, when it holds templates/ — an installed
 *      gongkai (/usr/bin/gongkai → /usr/share/gongkai), also under a DESTDIR or another PREFIX;
 *   3. the source tree the binary was built from (a binary run from its build folder), unless
 *      the build was configured with -Dsource_lookup=false (packages);
 *   4. PREFIX/share/gongkai as configured at build time.
 * The calendar, templates and static folders can each still be named on their own
 * ($GONGKAI_DATA_DIR, $GONGKAI_TEMPLATE_DIR, $GONGKAI_STATIC_DIR, serve --templates/--static).
 * May call libc only.
 */
#ifndef GK_BASE_PATHS_H
#define GK_BASE_PATHS_H

/* The folder described above (a static string; computed once, thread-safe after the first
 * call from main). */
const char *paths_share_dir(void);

/* paths_share_dir()/what, unless the environment variable env (may be NULL) is set and not
 * empty, then its value. The returned string is static and lives as long as the program. */
const char *paths_dir(const char *what, const char *env);

#endif
