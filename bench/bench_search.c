/*
 * bench_search.c — Chinese full-text search over one million documents.
 *
 * Builds a catalogue of N published documents (default 1 000 000) whose titles and bodies are
 * generated from a vocabulary of government words with a skewed (Zipf-like) frequency, inserted
 * through the store (doc_store insert: the document row and its FTS5 index via the triggers),
 * committed every 20 000. Then, for query classes of 1, 2 and 4 characters and multi-term
 * queries, measures the latency of catalogue_search() — the real path: query building, FTS5
 * MATCH with the gongkai tokenizer, bm25 ranking, snippet, top 10 — against a LIKE '%…%' scan
 * of the same table in the same run (counting all matches, as ranking needs them all).
 * Prints p50 / p99 per class (12 FTS queries; the LIKE scan on the first 4 of them, as each
 * takes seconds at this size), the indexing rate and the index size (dbstat).
 * Usage: bench_search DB [N]. Run by bench/search.sh (make bench), never by make check.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "domain/agency.h"
#include "domain/catalogue.h"
#include "store/doc_store.h"
#include "store/fts_tokenizer.h"
#include "store/store.h"

static const char *const vocab[] = {
	"政府", "信息", "公开", "工作", "关于", "进一步", "加强", "管理", "办法", "实施", "意见",
	"农村", "土地", "承包", "经营", "流转", "安全", "生产", "检查", "财政", "预算", "决算",
	"社会", "救助", "养老", "服务", "医疗", "卫生", "教育", "环境", "保护", "乡村", "振兴",
	"项目", "建设", "资金", "补贴", "发放", "公示", "名单", "结果", "村民", "居民", "委员会",
	"会议", "纪要", "决定", "规划", "统计", "数据", "报告", "年度", "政策", "解读", "防汛",
	"应急", "预案", "消防", "防控", "就业", "培训", "招聘", "人员", "低保", "特困", "供养",
	"危房", "改造", "道路", "交通", "水利", "工程", "招标", "采购", "合同", "行政", "许可",
	"处罚", "强制", "收费", "标准", "依据", "程序", "条件", "办理", "申请", "材料", "审核",
	"审批", "登记", "备案", "监督", "考核", "责任", "制度", "落实", "推进", "开展", "组织",
	"领导", "小组", "成员", "调整", "通报", "表彰", "批复", "公告", "通告", "征求", "听证",
	"耕地", "保护区", "林业", "畜牧", "渔业", "种植", "粮食", "补助", "直补", "惠民", "惠农",
	"卫生院", "疫苗", "接种", "计划", "生育", "妇女", "儿童", "残疾人", "优抚", "退役", "军人",
	"宅基地", "审查", "筹资", "筹劳", "一事一议", "农田", "灌溉", "饮水", "污水", "垃圾",
	"治理", "整治", "人居", "文明", "创建", "志愿", "文化", "体育", "图书", "广播", "网络",
	"电子", "政务", "平台", "热线", "投诉", "举报", "信访", "调解", "矛盾", "纠纷", "综治",
	"网格", "户籍", "身份证", "社保", "医保", "参保", "缴费", "待遇", "领取", "认证", "慈周寨",
	"镇", "村", "县", "乡", "街道", "社区", "第一", "季度", "上半年", "全年", "情况",
};
#define NV (sizeof vocab / sizeof vocab[0])

static unsigned long long rng = 0x9E3779B97F4A7C15ULL;
static unsigned long long next(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545F4914F6CDD1DULL;
}
/* A vocabulary word, frequent ones more often (index ~ u^2). */
static const char *word(void)
{
	double u = (double)(next() >> 11) / 9007199254740992.0;
	return vocab[(size_t)(u * u * NV) % NV];
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void die(const char *what, const struct gk_error *e)
{
	fprintf(stderr, "bench_search: %s: %s %s\n", what, e ? e->field : "", e ? e->msg : "");
	exit(1);
}

static int count_hit(void *ctx, const struct search_hit *h)
{
	(*(int *)ctx)++;
	return 0;
}

struct qclass {
	const char *name;
	const char *q[12];
};

static const struct qclass classes[] = {
	{ "1 character", { "申", "镇", "补", "危", "疫", "耕", "税", "宅", "渔", "诉", "援", "码" } },
	{ "2 characters", { "公开", "土地", "低保", "招标", "防汛", "疫苗", "宅基", "信访", "灌溉",
			    "户籍", "税务", "听证" } },
	{ "4 characters", { "乡村振兴", "安全生产", "农村土地", "政府信息", "危房改造", "污水治理",
			    "医疗卫生", "行政许可", "退役军人", "残疾人员", "一事一议", "网格管理" } },
	{ "multi-term", { "土地 流转", "财政 预算 公开", "低保 名单", "安全生产 检查",
			  "养老 服务 补贴", "招标 采购 结果", "疫苗 接种", "防汛 应急 预案",
			  "宅基地 审查", "村民 委员会 会议", "就业 培训", "垃圾 治理 整治" } },
};

/* LIKE pattern conditions for a query: every space-separated term must occur. */
static int like_count(sqlite3 *db, const char *q, double *secs)
{
	char sql[1024] = "SELECT count(*) FROM document WHERE state = 'published'", term[128];
	const char *p = q;
	size_t len = strlen(sql);
	sqlite3_stmt *st;
	int n = 0, k = 0;
	double t0;

	while (*p) {
		size_t m = strcspn(p, " ");
		if (m) {
			len += (size_t)snprintf(sql + len, sizeof sql - len,
						" AND (title LIKE ?%d OR body LIKE ?%d)", k + 1, k + 1);
			k++;
		}
		p += m + (p[m] == ' ');
	}
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		die(sqlite3_errmsg(db), NULL);
	p = q;
	k = 0;
	while (*p) {
		size_t m = strcspn(p, " ");
		if (m) {
			snprintf(term, sizeof term, "%%%.*s%%", (int)m, p);
			sqlite3_bind_text(st, ++k, term, -1, SQLITE_TRANSIENT);
		}
		p += m + (p[m] == ' ');
	}
	t0 = now();
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	*secs = now() - t0;
	sqlite3_finalize(st);
	return n;
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "bench-search.db";
	long n = argc > 2 ? strtol(argv[2], NULL, 10) : 1000000;
	struct gk_error e = { 0 };
	struct agency_new an = { .name = "基准测试镇人民政府", .level = "township" };
	struct doc_filter f = { 0 };
	struct store *s;
	struct buf title, body;
	int64_t agency_id, id;
	double t0, t1, chars = 0;
	char ix[64], day[16];
	sqlite3 *db;

	remove(path);
	if (store_open(path, STORE_CREATE, &s, &e) != 0)
		die("open", &e);
	store_set_actor(s, "bench");
	if (store_begin(s, &e) || agency_create(s, &an, &agency_id, &e) || store_commit(s, &e))
		die("organ", &e);
	buf_init(&title, 0);
	buf_init(&body, 0);
	t0 = now();
	for (long i = 0; i < n; i++) {
		struct doc d = { 0 };
		int nw;

		if (i % 20000 == 0 && ((i && store_commit(s, &e)) || store_begin(s, &e)))
			die("commit", &e);
		buf_reset(&title);
		buf_reset(&body);
		if (buf_puts(&title, "关于"))
			die("title", NULL);
		for (nw = 2 + (int)(next() % 3); nw > 0; nw--)
			if (buf_puts(&title, word()))
				die("title", NULL);
		if (buf_puts(&title, "的通知"))
			die("title", NULL);
		for (nw = 30 + (int)(next() % 30); nw > 0; nw--)
			if (buf_puts(&body, word()) || buf_puts(&body, next() % 5 ? "" : "，"))
				die("body", NULL);
		if (buf_puts(&body, "。"))
			die("body", NULL);
		chars += (double)(title.len + body.len) / 3;
		snprintf(ix, sizeof ix, "11370812004339255B/%04ld-%06ld", 2015 + i % 10, i + 1);
		snprintf(day, sizeof day, "%04ld-%02ld-%02ld", 2015 + i % 10, 1 + i % 12, 1 + i % 28);
		d.agency_id = agency_id;
		d.index_no = ix;
		d.title = buf_cstr(&title);
		d.body = buf_cstr(&body);
		d.publisher = an.name;
		d.signed_date = d.published_date = d.changed_date = day;
		d.genre = "通知";
		d.disclosure = "proactive";
		d.validity = "valid";
		d.state = "published";
		d.author = "bench";
		d.created_at = d.updated_at = "2024-01-01T00:00:00Z";
		if (doc_store(s)->insert(s, &d, &id, &e))
			die("insert", &e);
	}
	if (store_commit(s, &e))
		die("commit", &e);
	t1 = now();
	printf("indexed %ld documents (%.0f characters, %.0f per document) in %.1f s: "
	       "%.0f documents/s\n", n, chars, chars / n, t1 - t0, n / (t1 - t0));

	if (sqlite3_open(path, &db) != SQLITE_OK || store_fts_register(db) != 0)
		die("open for LIKE", NULL);
	sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	{
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db, "SELECT sum(pgsize) FILTER (WHERE name LIKE 'document_fts%'), "
				       "sum(pgsize) FILTER (WHERE name = 'document'), sum(pgsize) "
				       "FROM dbstat", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			printf("size on disk: full-text index %.1f MB, document table %.1f MB, "
			       "whole database %.1f MB\n", sqlite3_column_int64(st, 0) / 1048576.0,
			       sqlite3_column_int64(st, 1) / 1048576.0,
			       sqlite3_column_int64(st, 2) / 1048576.0);
		else
			printf("size on disk: dbstat not available (%s)\n", sqlite3_errmsg(db));
		sqlite3_finalize(st);
	}

	f.public_only = 1;
	f.today = "2026-01-01";
	f.limit = 10;
	printf("\n%-13s %10s %10s %12s %12s %10s\n", "query", "FTS p50", "FTS p99", "LIKE p50",
	       "LIKE max", "matches");
	for (size_t c = 0; c < sizeof classes / sizeof classes[0]; c++) {
		double fts[12], like[12], total_matches = 0;
		int nq = 12, nl = 4;  /* a LIKE scan of a million rows takes seconds: 4 samples */

		if (store_begin_read(s, &e))
			die("read", &e);
		for (int q = 0; q < nq; q++) {
			int hits = 0;
			double t = now();
			if (catalogue_search(s, classes[c].q[q], &f, count_hit, &hits, &e))
				die(classes[c].q[q], &e);
			fts[q] = (now() - t) * 1000;
			if (q < nl) {
				total_matches += like_count(db, classes[c].q[q], &like[q]);
				like[q] *= 1000;
			}
		}
		store_rollback(s);
		qsort(fts, (size_t)nq, sizeof fts[0], cmp_double);
		qsort(like, (size_t)nl, sizeof like[0], cmp_double);
		/* 12 FTS queries per class: p50 = the median, p99 = the slowest; LIKE: the first 4 of
		 * them, median and slowest */
		printf("%-13s %8.1f ms %8.1f ms %10.1f ms %10.1f ms %10.0f\n", classes[c].name,
		       (fts[5] + fts[6]) / 2, fts[nq - 1], (like[1] + like[2]) / 2, like[nl - 1],
		       total_matches / nl);
	}
	sqlite3_close(db);
	store_close(s);
	buf_free(&title);
	buf_free(&body);
	return 0;
}
