/*
 * guide.h — the 政府信息公开指南 of an organ and the Atom feeds of new publications, built from
 * the organ's settings (agency_profile) and its catalogue on the day asked, so they are always
 * current (条例第十二条: the guide and catalogue are kept up to date).
 *
 * The outline is docs/spec/index-and-catalogue.md §8: 总则; 主动公开 (范围, 分类和编排体系, 渠道,
 * 时限); 依申请公开 (受理机构 with 名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式,
 * 申请方式, 申请内容, 办理程序和期限, 答复类型, 收费); 监督和救济. Settings missing from the
 * Art. 12 list are reported as warnings for staff.
 * Models are render/guide.h's (render_guide_text / _html, render_atom); strings live in the
 * caller's arena. Run inside a read transaction.
 * May call store/, render/guide.h (types only), domain/catalogue.h, text/, base/.
 * Law: 条例 Arts. 12, 19–26, 27–36, 42, 51; 国办函〔2020〕109号 (fees).
 */
#ifndef GK_DOMAIN_GUIDE_H
#define GK_DOMAIN_GUIDE_H

#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "render/guide.h"
#include "store/store.h"

#define FEED_ENTRIES_DEFAULT 50

/* The guide of organ agency_id as of day today. */
int guide_build(struct store *s, int64_t agency_id, int today, struct arena *a,
		struct guide_model *out, struct gk_error *e) GK_WUR;

/* The feed of documents published and visible on today, newest first (at most limit): of
 * organ agency_id, or of the whole platform when agency_id is 0. base_url ("https://…", no
 * trailing slash) makes the links: base_url/docs/ID, base_url/feed.xml[?agency=ID]. */
int feed_build(struct store *s, int64_t agency_id, const char *base_url, int today, int limit,
	       struct arena *a, struct atom_feed *out, struct gk_error *e) GK_WUR;

#endif
