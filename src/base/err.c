/*
 * err.c — the error record (see err.h).
 */
#include "base/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int err_set(struct gk_error *e, int code, const char *field, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return code;
	e->code = code;
	snprintf(e->field, sizeof e->field, "%s", field ? field : "");
	e->label[0] = '\0';
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return code;
}

void err_clear(struct gk_error *e)
{
	if (e != NULL)
		memset(e, 0, sizeof *e);
}

const char *err_name(int code)
{
	static const char *const names[ERR__MAX] = {
		[ERR_OK] = "ok",
		[ERR_INVALID] = "invalid input",
		[ERR_NOTFOUND] = "not found",
		[ERR_STATE] = "refused in this state",
		[ERR_CONFLICT] = "conflict",
		[ERR_LIMIT] = "too large",
		[ERR_IO] = "i/o error",
		[ERR_DB] = "database error",
		[ERR_FORBIDDEN] = "forbidden",
		[ERR_INTERNAL] = "internal error",
		[ERR_UNAVAILABLE] = "database unavailable",
	};
	if (code < 0 || code >= ERR__MAX || names[code] == NULL)
		return "unknown error";
	return names[code];
}
