/*
 * report.c — the annual report model (see report.h).
 * May use base/ and text/ only.
 */
#include "format/report.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"

void report_init(struct annual_report *r, const struct report_format *f)
{
	memset(r, 0, sizeof *r);
	cells_init(&r->cells, f);
	r->fee_notices = -1;
}

void report_free(struct annual_report *r)
{
	const struct report_format *f;

	if (!r)
		return;
	f = r->cells.fmt;
	free(r->agency);
	for (int s = 0; s < SEC__MAX; s++)
		free(r->section[s]);
	report_init(r, f);
}

void report_set_agency(struct annual_report *r, const char *agency)
{
	free(r->agency);
	r->agency = agency ? xstrdup(agency) : NULL;
}

void report_set_section(struct annual_report *r, enum section s, const char *text)
{
	if ((unsigned)s >= SEC__MAX)
		return;
	free(r->section[s]);
	r->section[s] = text ? xstrdup(text) : NULL;
}

const char *report_section_text(const struct annual_report *r, enum section s, size_t *len)
{
	const char *text = (unsigned)s < SEC__MAX && r->section[s] ? r->section[s] : "";
	size_t n = strlen(text);

	while (n > 0 && strchr(" \t\r\n", text[n - 1]))
		n--;
	*len = n;
	return text;
}

static int ends_with(const char *s, size_t len, const char *tail)
{
	size_t tl = strlen(tail);
	return len >= tl && memcmp(s + len - tl, tail, tl) == 0;
}

enum organ_kind report_guess_organ(const char *agency)
{
	static const char *const township[] = { "镇", "乡", "街道", "街道办事处", "街道办" };
	size_t len;

	if (!agency)
		return ORGAN_UNKNOWN;
	len = strlen(agency);
	if (ends_with(agency, len, "人民政府"))
		len -= strlen("人民政府");
	for (size_t i = 0; i < sizeof township / sizeof township[0]; i++)
		if (ends_with(agency, len, township[i]))
			return ORGAN_TOWNSHIP;
	if (len < strlen(agency))
		return ORGAN_GOVERNMENT;
	return ORGAN_UNKNOWN;
}

int64_t report_litigation_total(const struct report_cells *c)
{
	return cells_t4_get(c, T4G_LIT_DIRECT, T4C_TOTAL) +
	       cells_t4_get(c, T4G_LIT_AFTER_REV, T4C_TOTAL);
}
