/*
 * options.c — whole numbers given on the command line, a record's options from its descriptor,
 * and a command's options from its table (see options.h).
 */
#include "cli/options.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "text/date.h"

int cli_int(const char *s, const char *what, int64_t lo, int64_t hi, int64_t *out,
	    struct gk_error *e)
{
	const char *p = s ? s : "";
	int64_t v = 0;
	int neg = 0;

	if (*p == '-' && lo < 0) {
		neg = 1;
		p++;
	}
	if (*p == '\0')
		goto bad;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			goto bad;
		if (v > (INT64_MAX - 9) / 10)
			goto bad;   /* far out of any range */
		v = v * 10 + (*p - '0');
	}
	if (neg)
		v = -v;
	if (v < lo || v > hi)
		goto bad;
	*out = v;
	return 0;
bad:
	return err_set(e, ERR_INVALID, what, "want a whole number %" PRId64 "-%" PRId64 ", got '%s'",
		       lo, hi, s ? s : "");
}

int cli_opt_int(const char *s, const char *what, int lo, int hi, int *out)
{
	struct gk_error e = { 0 };
	int64_t v;

	if (cli_int(s, what, lo, hi, &v, &e) != 0)
		return cli_error(&e);
	*out = (int)v;
	return 0;
}

size_t cli_desc_opts(const struct desc_record *r, size_t offset, struct cli_opt *t,
		     char (*names)[CLI_OPT_NAME])
{
	char opt[CLI_OPT_NAME + 2];

	for (size_t i = 0; i < r->nfields; i++) {
		snprintf(names[i], CLI_OPT_NAME, "%s", desc_option(r->fields[i].id, opt, sizeof opt) + 2);
		t[i] = (struct cli_opt){ .name = names[i], .type = CLI_OPT_FIELD, .offset = offset,
					 .field = &r->fields[i] };
	}
	return r->nfields;
}

int cli_desc_set(const struct desc_field *f, void *rec, const char *arg, struct gk_error *e)
{
	char *at = (char *)rec + f->offset;
	char opt[CLI_OPT_NAME + 2];

	if (f->type == DESC_DATE)
		return date_parse(arg, (int *)(void *)at, desc_option(f->id, opt, sizeof opt), e);
	*(const char **)(void *)at = arg;
	return 0;
}

void cli_desc_help(FILE *out, const struct desc_record *r)
{
	static const char *const value[] = { [DESC_LINE] = "TEXT", [DESC_TEXT] = "TEXT",
					     [DESC_ENUM] = "ID", [DESC_DATE] = "DATE" };
	char opt[CLI_OPT_NAME + 2], left[CLI_OPT_NAME + 16];

	for (size_t i = 0; i < r->nfields; i++) {
		const struct desc_field *f = &r->fields[i];
		snprintf(left, sizeof left, "%s %s", desc_option(f->id, opt, sizeof opt), value[f->type]);
		fprintf(out, "  %-24s %s (%s", left, f->label, f->flags & DESC_REQUIRED ? "required" : "optional");
		if (f->max && f->type != DESC_ENUM)
			fprintf(out, ", at most %zu bytes", f->max);
		fprintf(out, "%s%s): %s\n", f->law ? "; " : "", f->law ? f->law : "", f->help);
	}
}

/* The value of option o into rec. */
static int opt_set(const struct cli_opt *o, void *rec, const char *arg, struct gk_error *e)
{
	char *at = (char *)rec + o->offset;
	char opt[CLI_OPT_NAME + 2];
	int64_t v;

	snprintf(opt, sizeof opt, "--%s", o->name);
	switch (o->type) {
	case CLI_OPT_FLAG:
		*(int *)(void *)at = 1;
		return 0;
	case CLI_OPT_TEXT:
		*(const char **)(void *)at = arg;
		return 0;
	case CLI_OPT_INT:
	case CLI_OPT_INT64:
		if (cli_int(arg, opt, o->lo, o->hi, &v, e) != 0)
			return e->code;
		if (o->type == CLI_OPT_INT)
			*(int *)(void *)at = (int)v;
		else
			*(int64_t *)(void *)at = v;
		return 0;
	case CLI_OPT_DATE:
		return date_parse(arg, (int *)(void *)at, opt, e);
	case CLI_OPT_CHOICE: {
		char words[256] = "";
		for (int i = 0; o->choices[i]; i++) {
			if (strcmp(arg, o->choices[i]) == 0) {
				*(int *)(void *)at = i;
				return 0;
			}
			snprintf(words + strlen(words), sizeof words - strlen(words), "%s%s",
				 i ? ", " : "", o->choices[i]);
		}
		return err_set(e, ERR_INVALID, opt, "want one of %s, got '%s'", words, arg);
	}
	case CLI_OPT_CALL:
		return o->set(rec, arg, opt, e);
	case CLI_OPT_FIELD:
		return cli_desc_set(o->field, at, arg, e);
	}
	return err_set(e, ERR_INTERNAL, opt, "option of no known type");
}

int cli_opts_parse(const char *command, const struct cli_opt *t, void *rec, int argc, char **argv,
		   uint64_t *given)
{
	struct option opts[CLI_OPTS_MAX + 1];
	struct gk_error e = { 0 };
	char letters[2 * CLI_OPTS_MAX + 2] = ":";
	size_t n = 0, nl = 1;
	int ch, i;

	for (; t[n].name && n < CLI_OPTS_MAX; n++) {
		int arg = t[n].type == CLI_OPT_FLAG ? no_argument
			  : t[n].optional ? optional_argument : required_argument;
		opts[n] = (struct option){ t[n].name, arg, NULL, 256 + (int)n };
		if (t[n].letter) {
			letters[nl++] = t[n].letter;
			if (arg == required_argument)
				letters[nl++] = ':';
		}
	}
	opts[n] = (struct option){ NULL, 0, NULL, 0 };
	letters[nl] = '\0';
	if (given)
		*given = 0;
	while ((ch = getopt_long(argc, argv, letters, opts, NULL)) != -1) {
		if (ch == ':')
			return cli_usage_error(command, "option '%s' needs a value", argv[optind - 1]);
		for (i = 0; i < (int)n && ch != 256 + i && !(ch < 256 && ch == t[i].letter); i++)
			;
		if (ch == '?' || i == (int)n)
			return cli_usage_error(command, "unknown option '%s'", argv[optind - 1]);
		if (opt_set(&t[i], rec, optarg, &e) != 0)
			return cli_error(&e);
		if (given)
			*given |= UINT64_C(1) << i;
	}
	return 0;
}

int cli_opts_only(const char *command, const struct cli_opt *t, uint64_t given, unsigned allowed,
		  const char *sub)
{
	for (int i = 0; t[i].name; i++)
		if ((given >> i & 1) && t[i].tag && !(t[i].tag & allowed))
			return cli_usage_error(command, "option '--%s' is not accepted by '%s'", t[i].name,
					       sub);
	return 0;
}

/* -1 after printing help when t's --help flag is set in rec, else 0. */
static int asked_help(const struct cli_opt *t, const void *rec, void (*help)(FILE *f))
{
	for (int i = 0; t[i].name; i++)
		if (strcmp(t[i].name, "help") == 0 && t[i].type == CLI_OPT_FLAG &&
		    *(const int *)((const char *)rec + t[i].offset)) {
			help(stdout);
			return -1;
		}
	return 0;
}

int cli_opts_read(const char *command, const struct cli_opt *t, void *rec, int argc, char **argv,
		  uint64_t *given, void (*help)(FILE *f))
{
	int x = cli_opts_parse(command, t, rec, argc, argv, given);

	return x != 0 ? x : asked_help(t, rec, help);
}

int cli_opts_sub(const char *command, const struct cli_opt *t, void *rec, int argc, char **argv,
		 unsigned mark, const char *sub, void (*help)(FILE *f))
{
	uint64_t given;
	int x;

	if ((x = cli_opts_parse(command, t, rec, argc, argv, &given)) != 0 ||
	    (x = cli_opts_only(command, t, given, mark, sub)) != 0)
		return x;
	return asked_help(t, rec, help);
}

void cli_opts_help(FILE *f, const struct cli_opt *t, int width)
{
	char left[CLI_OPT_NAME + 32];

	for (; t->name; t++) {
		if (t->help == NULL)
			continue;
		snprintf(left, sizeof left, "--%s%s%s", t->name, t->value && !t->optional ? " " : "",
			 t->value ? t->value : "");
		fprintf(f, "  %-*s", (int)strlen(left) + 2 > width ? (int)strlen(left) + 2 : width, left);
		for (const char *p = t->help; *p; p++) {
			fputc(*p, f);
			if (*p == '\n')
				fprintf(f, "%*s", width + 2, "");
		}
		fputc('\n', f);
	}
}

void cli_opts_name_field(const struct cli_opt *t, struct gk_error *e)
{
	for (; t->name; t++)
		if (t->id && strcmp(t->id, e->field) == 0) {
			snprintf(e->field, sizeof e->field, "--%s", t->name);
			return;
		}
}
