/* fuzz_csv.c — the CSV reader and the register import's row parsing on arbitrary bytes:
 * nothing may crash or read out of bounds; every record has exactly the header's width. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "domain/register.h"
#include "text/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_limits lim = { .max_bytes = 1 << 16, .max_rows = 200, .max_cols = 16, .max_field = 1024 };
	struct arena a;
	struct csv_table t;
	struct gk_error e = { 0 };

	arena_init(&a);
	if (csv_parse((const char *)data, size, "fuzz.csv", &lim, &a, &t, &e) == 0) {
		for (size_t r = 0; r < t.nrows; r++) {
			struct reg_kv kv[16];
			struct reg_record rec;
			for (size_t c = 0; c < t.ncols; c++)
				kv[c] = (struct reg_kv){ t.header[c], t.rows[r].fields[c] };
			for (int k = 0; k < REG__MAX; k++)
				(void)!reg_record_parse(&reg_descs[k], kv, t.ncols, &a, &rec, &e);
		}
	}
	arena_free(&a);
	return 0;
}
