/* fuzz_replay.c — a driver in place of libFuzzer: every file of one fuzz target's corpus
 * (FUZZ_CORPUS, fuzz/corpus/NAME: the seeds, what fuzzing found to add coverage, and every input
 * that once crashed) goes through the target's LLVMFuzzerTestOneInput, so each test run replays
 * them (in the ASan build: no crash, leak or undefined behaviour). TAP, one line per file. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/mem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

int main(void)
{
	struct dirent **names;
	int n = scandir(FUZZ_CORPUS, &names, NULL, by_name), t = 0;

	if (n < 0) {
		printf("not ok 1 - no corpus at %s\n1..1\n", FUZZ_CORPUS);
		return 1;
	}
	for (int i = 0; i < n; i++) {
		if (names[i]->d_name[0] != '.') {
			char *path = xasprintf("%s/%s", FUZZ_CORPUS, names[i]->d_name);
			struct buf b;

			buf_init(&b, 0);
			if (buf_read_file(&b, path, NULL) == 0) {
				LLVMFuzzerTestOneInput((const uint8_t *)(b.ptr ? b.ptr : ""), b.len);
				printf("ok %d - %s\n", ++t, names[i]->d_name);
			} else {
				printf("not ok %d - cannot read %s\n", ++t, path);
				return 1;
			}
			buf_free(&b);
			free(path);
		}
		free(names[i]);
	}
	free(names);
	if (t == 0)
		printf("not ok 1 - %s is empty\n", FUZZ_CORPUS), t = 1;
	printf("1..%d\n", t);
	return 0;
}
