/*
 * migrations.h — the ordered list of schema migrations of the store (every dialect).
 *
 * A database's schema version is the number of migrations applied to it (table
 * schema_migration; SQLite mirrors it in PRAGMA user_version). Migration i (1-based) takes version i-1 to i.
 * Defined in store/migrations.c, the one file every area appends its schema to.
 */
#ifndef GK_STORE_MIGRATIONS_H
#define GK_STORE_MIGRATIONS_H

struct migration {
	const char *name;   /* short, unique, stable: "core", "applications", … */
	const char *sql;    /* one or more statements, run inside the migration's transaction */
	const char *pg;     /* PostgreSQL's variant; NULL: sql, with PostgreSQL's column types */
	int pg_tokens;      /* the search tokens changed: after pg, PostgreSQL's search index is
			     * written again by gongkai (pg_search.c; SQLite's sql does it itself) */
};

extern const struct migration store_migrations[];
extern const int store_migrations_n;

/* The version a migration brings (its 1-based position), 0 for a name not in the list. */
int store_migration_number(const char *name);

#endif
