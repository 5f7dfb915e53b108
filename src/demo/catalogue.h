/*
 * catalogue.h — the demo's catalogue (主动公开): years of published documents of the demo
 * organs, made from templates of what a township and county departments really publish.
 * May call domain/, store/store.h (transactions), render/ (the Word attachments), text/, base/.
 */
#ifndef GK_DEMO_CATALOGUE_H
#define GK_DEMO_CATALOGUE_H

#include "base/err.h"
#include "domain/publish.h"
#include "store/store.h"

/* Approve document id at review stage st as who (with role), the final stage with its 保密审查
 * recorded: how the demo's staff pass a document through 三审. */
int demo_approve(struct store *s, int64_t id, enum review_stage st, const char *who,
		 const char *role, struct gk_error *e) GK_WUR;

/* Publish about 80 documents a year 2021 … this year (up to yesterday) for the organs of the
 * demo, across the 主题分类 and 体裁, one in three with a Word attachment, each through 三审 by
 * its organ's staff on the day it was published (the days are replayed). *published receives
 * how many. Inside the caller's write transaction, after demo_report_ledgers. */
int demo_catalogue(struct store *s, int today, int *published, struct gk_error *e) GK_WUR;

#endif
