/*
 * match.c — label matching for extraction, remembered (see extract_int.h).
 *
 * The format's matchers (format/format.h) normalise the label on every call; the same labels
 * recur in every report, so results are kept per (matcher, format, block, text) in a table
 * shared by all threads. May call format/.
 */
#include "check/extract_int.h"

#include <pthread.h>


#define MEMO_SLOTS 8192
#define MEMO_POOL (1 << 20)

static struct {
	pthread_mutex_t lock;
	struct { uint32_t hash, off; uint16_t len; int16_t result; } slot[MEMO_SLOTS];
	char pool[MEMO_POOL];
	size_t used;
} memo = { .lock = PTHREAD_MUTEX_INITIALIZER };

static int match_direct(enum matcher m, int arg, const struct report_format *f, const char *s,
			size_t len)
{
	switch (m) {
	case M_T2_BLOCK: return fmt_match_t2_block(f, s, len);
	case M_T2_ROW: return fmt_match_t2_row(f, arg, s, len);
	case M_T3_ROW: return fmt_match_t3_row(f, s, len);
	case M_T3_GROUP: return fmt_match_t3_group(f, s, len);
	case M_T3_COL: return fmt_match_t3_col(f, s, len);
	case M_T4_GROUP: return fmt_match_t4_group(f, s, len);
	default: return fmt_match_t4_col(f, s, len);
	}
}

int chk_match(enum matcher m, int arg, const struct report_format *f, const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i, slot, tries;
	int r;

	if (len == 0 || len > 240)
		return -1;  /* not a label */
	h = (h ^ (uint32_t)m) * 16777619u;
	h = (h ^ (uint32_t)(arg + 1)) * 16777619u;
	h = (h ^ (uint32_t)f->version) * 16777619u;
	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	if (h == 0)
		h = 1;
	pthread_mutex_lock(&memo.lock);
	for (slot = h % MEMO_SLOTS, tries = 0; tries < 8; slot = (slot + 1) % MEMO_SLOTS, tries++) {
		if (memo.slot[slot].hash == 0)
			break;
		if (memo.slot[slot].hash == h && memo.slot[slot].len == len &&
		    memcmp(memo.pool + memo.slot[slot].off, s, len) == 0) {
			r = memo.slot[slot].result;
			pthread_mutex_unlock(&memo.lock);
			return r;
		}
	}
	pthread_mutex_unlock(&memo.lock);
	r = match_direct(m, arg, f, s, len);
	pthread_mutex_lock(&memo.lock);
	if (tries < 8 && memo.slot[slot].hash == 0 && memo.used + len <= MEMO_POOL) {
		memcpy(memo.pool + memo.used, s, len);
		memo.slot[slot].off = (uint32_t)memo.used;
		memo.slot[slot].len = (uint16_t)len;
		memo.slot[slot].result = (int16_t)r;
		memo.slot[slot].hash = h;
		memo.used += len;
	}
	pthread_mutex_unlock(&memo.lock);
	return r;
}

