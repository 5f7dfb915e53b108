/*
 * demo_report.h — the annual-report part of the demo database (`gongkai demo`, `make demo`).
 *
 * demo_cizhouzhai_2024 puts in the ledger of 慈周寨镇 for 2024 — no application, no normative
 * document, decision, fee or case, the 42 news items it published on 云上滑州 and the
 * narrative texts it wrote — from which `gongkai report 2024 --agency 慈周寨镇 --format txt`
 * reproduces shared/corpus/reference-cizhouzhai-2024.txt byte for byte (tests/golden/).
 * demo_report_ledgers adds the county it belongs to (滑县人民政府) and three more organs with
 * realistic, deterministic ledgers for 2023–2024 that exercise every row of Tables 二, 三 and
 * 四, publishes their 2023 reports (so 2024's 二 is checked against them) and some 2024 ones.
 * Both run inside the caller's write transaction; organs that exist already are reused.
 * May call domain/, store/, text/, base/.
 */
#ifndef GK_DOMAIN_DEMO_REPORT_H
#define GK_DOMAIN_DEMO_REPORT_H

#include <stdint.h>

#include "base/err.h"
#include "domain/calendar.h"
#include "store/store.h"

/* The organ's id in *id (may be NULL). parent_id: its superior organ, or 0. */
int demo_cizhouzhai_2024(struct store *s, const struct calendar *cal, int64_t parent_id, int64_t *id,
			 struct gk_error *e) GK_WUR;

/* Everything: 滑县人民政府 with 慈周寨镇 (above), 道口镇, 滑县自然资源局 and
 * 滑县市场监督管理局 under it; publishes as described above. */
int demo_report_ledgers(struct store *s, const struct calendar *cal, struct gk_error *e) GK_WUR;

#endif
