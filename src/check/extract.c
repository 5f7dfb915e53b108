/*
 * extract.c — rows of a captured report → the report model (see extract.h).
 *
 * The document is flattened into a stream of items (non-span cells in order, plus separator
 * lines), each classified as a number, a blank ('', '-', '/', '—') or text. A small state
 * machine walks the stream: section headings and table markers (第二十条 block titles, the
 * 勾稽关系 note, 行政复议) move it between prose, Table 二, Table 三 and Table 四, and in each
 * table only that table's labels are matched (format/format.h matchers), so the 总计 column
 * header is never taken for the （七）总计 row and a Table 四 总计 never for either.
 * After a matched row label, the value items up to the next text item are the row's values
 * (limited to the label's own row when the capture kept rows: tabs, pipes, HTML, DOCX).
 * Spec: docs/spec/annual-report-format.md §2, §7. May call base/, text/, format/, check/doc.h.
 */
#include "check/extract.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/mem.h"
#include "check/cpset.h"
#include "check/decode.h"
#include "text/normalise.h"
#include "text/utf8.h"

/* ---- label matching, remembered --------------------------------------------------------- */

/* The format's matchers normalise the label on every call (OpenCC is most of the time spent
 * reading a report); the same labels recur in every report, so results are remembered per
 * (matcher, format, block, text) in a fixed-size table shared by all threads. */
enum matcher { M_T2_BLOCK, M_T2_ROW, M_T3_ROW, M_T3_GROUP, M_T3_COL, M_T4_GROUP, M_T4_COL };

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

static int match(enum matcher m, int arg, const struct report_format *f, const char *s, size_t len)
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

/* ---- the CAP rules ------------------------------------------------------------------------ */

static const struct rule_def cap_rules[] = {
	{ "CAP-01", SEV_WARN, 3, 0, "抓取不完整：缺少部分章节或表格，未读到的单元格不参与核对" },
	{ "CAP-02", SEV_WARN, 3, 0, "某行的空白单元格在抓取中丢失，各列位置无法确定，只读取总计" },
	{ "CAP-03", SEV_INFO, 3, 0, "表三带有“法人或其他组织小计”列或分组小计行：已核对并略去" },
	{ "CAP-04", SEV_WARN, 3, 0, "小计与各项之和不符" },
	{ "CAP-05", SEV_INFO, 3, 0, "表格中有格式以外的地方性行：单列，不参与核对" },
	{ "CAP-06", SEV_WARN, 3, 0, "页面混入博彩等垃圾文本（疑为被劫持的镜像站）" },
	{ "CAP-07", SEV_INFO, 3, 0, "页面注入了注音（如“認(rèn)真”），已去除" },
	{ "CAP-08", SEV_WARN, 3, 0, "单元格内容不是规定的数值" },
	{ "CAP-09", SEV_WARN, 3, 0, "表格多出数值，按格式取最后 7 列（或前 15 个）" },
	{ "CAP-10", SEV_INFO, 3, 0, "未能识别报告格式（2019 年或 2021 年格式），未核对表格" },
};

const struct rule_def *chk_cap_rules(size_t *n)
{
	*n = sizeof cap_rules / sizeof cap_rules[0];
	return cap_rules;
}

const char *chk_format_id(enum chk_format f)
{
	switch (f) {
	case CHK_FMT_2021: return "2021";
	case CHK_FMT_2019: return "2019";
	case CHK_FMT_LEGACY: return "legacy";
	default: return "unknown";
	}
}

static void GK_PRINTF(5, 6) note(struct chk_result *r, const char *rule, const int *cells,
				 int n, const char *fmt, ...)
{
	struct findings *out = &r->notes;
	struct finding *fi;
	struct buf b;
	va_list ap;
	size_t i;

	for (i = 0; i < sizeof cap_rules / sizeof cap_rules[0]; i++)
		if (strcmp(cap_rules[i].id, rule) == 0)
			break;
	{
		/* a damaged page can repeat the same trouble thousands of times: say it 20 times */
		size_t same = 0;
		for (size_t k = 0; k < out->n; k++)
			same += out->v[k].rule == cap_rules[i].id;
		if (same >= 20)
			return;
	}
	if (out->n == out->cap) {
		out->cap = out->cap ? 2 * out->cap : 8;
		out->v = xrealloc(out->v, out->cap * sizeof *out->v);
	}
	fi = &out->v[out->n++];
	memset(fi, 0, sizeof *fi);
	fi->rule = cap_rules[i].id;
	fi->sev = cap_rules[i].sev;
	fi->fmt = r->rep.cells.fmt;
	for (int k = 0; k < n && fi->ncells < FINDING_MAX_CELLS; k++)
		if (cells[k] >= 0)
			fi->cells[fi->ncells++] = cells[k];
	buf_init(&b, sizeof fi->msg - 1);
	va_start(ap, fmt);
	if (buf_vprintf(&b, fmt, ap) != 0) {
		/* too long: keep what fits, never half a character */
		size_t len = sizeof fi->msg - 1;
		va_end(ap);
		buf_free(&b);
		buf_init(&b, 0);
		va_start(ap, fmt);
		if (buf_vprintf(&b, fmt, ap) == 0) {
			while (len > 0 && ((unsigned char)b.ptr[len] & 0xC0) == 0x80)
				len--;
			memcpy(fi->msg, b.ptr, len);
			fi->msg[len] = '\0';
		}
	} else {
		memcpy(fi->msg, buf_cstr(&b), b.len + 1);
	}
	va_end(ap);
	buf_free(&b);
}

/* ---- items -------------------------------------------------------------------------------- */

enum kind { K_TEXT, K_NUM, K_BLANK, K_PAD };
enum unitk { U_NONE, U_YUAN, U_WAN };

struct num {
	int64_t mant;   /* digits without the decimal point */
	int scale;      /* digits after the point */
	int unit;       /* enum unitk */
	int neg;
};

struct item {
	const char *text;   /* cell text, ruby annotations removed */
	size_t len;
	int row;            /* doc row */
	int rowcells;       /* non-span cells in that row */
	int pos;            /* position among them */
	enum kind kind;
	int cut;            /* CHK_CELL_CUT */
	struct num num;
};

struct ctx {
	const struct chk_doc *d;
	struct chk_result *r;
	struct arena arena;
	struct item *it;
	size_t n;
	char **nrow;        /* per doc row: normalised text, whitespace removed */
	char **nline;       /* per doc row: normalised text, cells separated by a tab */
	size_t nrows;
	const struct report_format *f;
	int ruby;
	int spam;
	struct gk_error *e;
};

/* Decode one full-width or ASCII digit at s; returns its byte length and the digit in *dg. */
static size_t digit_at(const char *s, size_t len, int *dg)
{
	if (len >= 1 && s[0] >= '0' && s[0] <= '9') {
		*dg = s[0] - '0';
		return 1;
	}
	if (len >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBC &&
	    (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99) {
		*dg = (unsigned char)s[2] - 0x90;
		return 3;
	}
	return 0;
}

static int starts(const char *s, size_t len, const char *p)
{
	size_t n = strlen(p);
	return len >= n && memcmp(s, p, n) == 0;
}

/* Classify a cell: a number (ASCII or full-width digits, sign, thousands separators, decimal
 * point, a unit 元/万元/件/个/条/项), a blank (empty or a dash/slash placeholder), or text. */
static enum kind classify(const char *s, size_t len, struct num *num)
{
	static const char *const placeholders[] = { "-", "--", "/", "—", "——", "－", "／", "―",
						    "\\", "无", "空" };
	size_t i = 0, k;
	int dg, digits = 0, point = 0;

	memset(num, 0, sizeof *num);
	if (len == 0)
		return K_BLANK;
	for (k = 0; k < sizeof placeholders / sizeof placeholders[0]; k++)
		if (len == strlen(placeholders[k]) && memcmp(s, placeholders[k], len) == 0)
			return K_BLANK;
	if (s[0] == '+' || s[0] == '-') {
		num->neg = s[0] == '-';
		i = 1;
	} else if (starts(s, len, "＋") || starts(s, len, "－")) {
		num->neg = starts(s, len, "－");
		i = 3;
	}
	while (i < len) {
		if ((k = digit_at(s + i, len - i, &dg)) > 0) {
			if (num->mant > INT64_MAX / 100)
				return K_TEXT;  /* not a table count */
			num->mant = num->mant * 10 + dg;
			digits++;
			if (point)
				num->scale++;
			i += k;
		} else if (s[i] == ',' && digits && !point) {
			i++;
		} else if (starts(s + i, len - i, "，") && digits && !point) {
			i += 3;
		} else if ((s[i] == '.' || starts(s + i, len - i, "．")) && digits && !point) {
			point = 1;
			i += s[i] == '.' ? 1 : 3;
		} else {
			break;
		}
	}
	if (digits == 0)
		return K_TEXT;
	if (i < len) {
		const char *u = s + i;
		size_t ul = len - i;
		if (ul == 3 && memcmp(u, "元", 3) == 0)
			num->unit = U_YUAN;
		else if (ul == 6 && memcmp(u, "万元", 6) == 0)
			num->unit = U_WAN;
		else if (!(ul == 3 && (memcmp(u, "件", 3) == 0 || memcmp(u, "个", 3) == 0 ||
				       memcmp(u, "条", 3) == 0 || memcmp(u, "项", 3) == 0 ||
				       memcmp(u, "次", 3) == 0)))
			return K_TEXT;
	}
	return K_NUM;
}

/* 1 if cp is a Latin letter that pinyin / jyutping annotations use. */
static int ruby_letter(int32_t cp, int *accent)
{
	if ((cp >= 'a' && cp <= 'z'))
		return 1;
	if ((cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x1E00 && cp <= 0x1EFF) ||
	    (cp >= 0x300 && cp <= 0x36F)) {
		*accent = 1;
		return 1;
	}
	return 0;
}

/* Length of a ruby annotation "(rèn)" / "（rèn）" at s, 0 if none; *accent set if it has a
 * tone mark. */
static size_t ruby_at(const char *s, size_t len, int *accent)
{
	size_t i, open, n, letters = 0;
	int32_t cp;

	*accent = 0;
	if (len >= 1 && s[0] == '(')
		open = 1;
	else if (starts(s, len, "（"))
		open = 3;
	else
		return 0;
	for (i = open; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			return 0;
		if (cp == ')' || cp == 0xFF09) {
			if (letters == 0 || letters > 8)
				return 0;
			return i + n;
		}
		if (!ruby_letter(cp, accent))
			return 0;
		letters++;
	}
	return 0;
}

/* Copy s removing ruby annotations that follow a Han character. */
static char *strip_ruby(struct arena *a, const char *s, size_t len, size_t *outlen, int *count)
{
	char *out = arena_alloc(a, len + 1);
	size_t i = 0, o = 0, n;
	int32_t cp, prev_han = 0, accent;

	while (i < len) {
		size_t rl;
		if (prev_han && (rl = ruby_at(s + i, len - i, &accent)) > 0) {
			i += rl;
			(*count)++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			n = 1, cp = 0;
		memcpy(out + o, s + i, n);
		o += n;
		i += n;
		prev_han = utf8_is_han(cp);
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

/* Number of tone-marked annotations after Han characters in the document. */
static int count_ruby(const struct chk_doc *d)
{
	int count = 0;
	for (size_t r = 0; r < d->n && count < 3; r++)
		for (size_t c = 0; c < d->rows[r].n; c++) {
			const char *s = d->rows[r].cells[c].text;
			size_t len = strlen(s), i = 0, n;
			int32_t cp, prev = 0, accent;
			while (i < len) {
				size_t rl;
				if (prev && (rl = ruby_at(s + i, len - i, &accent)) > 0 && accent) {
					count++;
					i += rl;
					continue;
				}
				n = utf8_decode(s + i, len - i, &cp);
				if (n == 0)
					n = 1, cp = 0;
				i += n;
				prev = utf8_is_han(cp);
			}
		}
	return count;
}

static void build_items(struct ctx *x)
{
	const struct chk_doc *d = x->d;
	size_t cap = d->ncells + d->n + 1, r, c;
	int stripped = 0;

	x->ruby = count_ruby(d) >= 3;
	x->it = xcalloc(cap, sizeof *x->it);
	for (r = 0; r < d->n; r++) {
		const struct chk_row *row = &d->rows[r];
		int nreal = 0, pos = 0;
		if (row->flags & CHK_ROW_PAD) {
			x->it[x->n].kind = K_PAD;
			x->it[x->n].text = "";
			x->it[x->n].row = (int)r;
			x->n++;
			continue;
		}
		if (row->flags & CHK_ROW_META)
			continue;
		for (c = 0; c < row->n; c++)
			nreal += !(row->cells[c].flags & CHK_CELL_SPAN);
		for (c = 0; c < row->n; c++) {
			struct item *it = &x->it[x->n];
			const char *s = row->cells[c].text;
			size_t len = strlen(s);
			if (row->cells[c].flags & CHK_CELL_SPAN)
				continue;
			if (x->ruby)
				s = strip_ruby(&x->arena, s, len, &len, &stripped);
			it->text = s;
			it->len = len;
			it->row = (int)r;
			it->rowcells = nreal;
			it->pos = pos++;
			it->cut = !!(row->cells[c].flags & CHK_CELL_CUT);
			it->kind = classify(s, len, &it->num);
			x->n++;
		}
	}
	if (x->ruby)
		note(x->r, "CAP-07", NULL, 0, "页面注入了注音标注（如“認(rèn)真”），已去除 %d 处后再读取",
		     stripped);
}

/* ---- normalised rows ------------------------------------------------------------------------ */

static void strip_spaces(char *s)
{
	char *o = s;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		if (*p == ' ' || *p == '\t' || *p == '\r') {
			p++;
		} else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
			p += 3;
		} else if (p[0] == 0xC2 && p[1] == 0xA0) {
			p += 2;
		} else {
			*o++ = (char)*p++;
		}
	}
	*o = '\0';
}

/* Traditional forms of the characters that fill annual reports (OpenCC s2t / s2tw of the
 * real captures and the spec). A document with none of them is simplified Chinese and skips
 * the traditional → simplified step, which is most of the time spent normalising. */
static const char trad_chars[] =
	"並佈來係個們備傳僅僑價償優兒兗內兩別則創劃動務勞勢勵匯區協參員問啓啟單嚴國圍圖團"
	"執堅報場塊夠娛婦學實寧審寫將專對導屆層屬崗帶幣幹庫廢廣廳強彌彙後徑從復徵徹態慶憑"
	"應懷懾戶掛採揚換揮損撐撫據擬擴數斷於時暢暫曉書會東條棄業極構樂樓標橋機檔檢櫃欄權"
	"歷歸氣決沒況洩減測準溝滿漁漢濟灣災為烏無熱營爲牽狀獲現環產畢異當療發盡監眾瞭確碼"
	"礦祕禦稅種稱積穩節範簡簽籌糾紀約紅納紙級紡紮細紹終組結絡統經綜維網緊線編緻縣總績"
	"織繞繪繫繳繼續罰羣義習聞聯聲職聽脫腦臺與興舉華萬著蓋薦藉藥蘇處號衆衛裏補裡製複覆"
	"覈見規視觀觸訂計討訓託記訟訪設許訴評詞詢試話該詳誌認語誤說誰調談請論諮講證識議護"
	"讀變讓負財貧貨貫責貴費貼貿資質購贈贏踐軍較載輕輯輸輿轉辦農這連進遊運過達違遠適遲"
	"遷選遺還郵鄉醫釋針銀銅銜銷錄錦錨錫錯鍵鎮鏈鏡鐵長門開間閱關闡陽階際隨險隱雖雙雜離"
	"難雲電響頁項順預領頭頻題額願類顧顯風飲養餘館饋駁驗體魚魯鳳鹹鹽黃點黨齊龍";
static struct chk_cpset trad = CHK_CPSET(trad_chars);

/* nrow[i]: row i's cells (ruby removed) normalised and without whitespace. One normalisation
 * call for the whole document; rows map to lines. */
static int build_nrows(struct ctx *x)
{
	struct buf raw, norm;
	size_t i, line;
	int rc;
	char *p;

	x->nrows = x->d->n;
	x->nrow = arena_alloc(&x->arena, (x->nrows + 1) * sizeof *x->nrow);
	x->nline = arena_alloc(&x->arena, (x->nrows + 1) * sizeof *x->nline);
	buf_init(&raw, 0);
	buf_init(&norm, 0);
	/* rows from the items (ruby already removed); META rows from the doc */
	{
		size_t k = 0;
		for (i = 0; i < x->nrows; i++) {
			const struct chk_row *row = &x->d->rows[i];
			if (row->flags & CHK_ROW_META) {
				for (size_t c = 0; c < row->n; c++)
					if ((rc = buf_puts(&raw, row->cells[c].text)) != 0)
						goto out;
			}
			while (k < x->n && x->it[k].row == (int)i) {
				if ((x->it[k].pos > 0 && (rc = buf_putc(&raw, '\t')) != 0) ||
				    (rc = buf_append(&raw, x->it[k].text, x->it[k].len)) != 0)
					goto out;
				k++;
			}
			if ((rc = buf_putc(&raw, '\n')) != 0)
				goto out;
		}
	}
	if (chk_cpset_count(&trad, raw.ptr ? raw.ptr : "", raw.len, 1) > 0)
		rc = text_normalise(raw.ptr ? raw.ptr : "", raw.len, &norm, x->e);
	else
		rc = text_nfkc_casefold(raw.ptr ? raw.ptr : "", raw.len, &norm, x->e);
	if (rc)
		goto out;
	p = norm.ptr ? norm.ptr : (char *)"";
	for (line = 0; line < x->nrows; line++) {
		char *nl = strchr(p, '\n');
		if (!nl)
			break;
		*nl = '\0';
		x->nline[line] = arena_strdup(&x->arena, p);
		x->nrow[line] = arena_strdup(&x->arena, p);
		strip_spaces(x->nrow[line]);
		p = nl + 1;
	}
	for (; line < x->nrows; line++)  /* the normaliser changed the line count: cannot map */
		x->nrow[line] = x->nline[line] = "";
	rc = 0;
out:
	buf_free(&raw);
	buf_free(&norm);
	return rc;
}

/* ---- format, sections ------------------------------------------------------------------------ */

static int has(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

static enum chk_format detect_format(struct ctx *x, const char *flat)
{
	/* spec §7.1, first match wins */
	if (has(flat, "本年制发件数") || has(flat, "本年收费金额") ||
	    has(flat, "申请人逾期未按收费通知要求缴纳费用") || has(flat, "〔2021〕30号"))
		return CHK_FMT_2021;
	if (has(flat, "本年新制作数量") || has(flat, "对外公开总数量") ||
	    has(flat, "第二十条第(九)项") || has(flat, "政府集中采购") || has(flat, "〔2019〕60号"))
		return CHK_FMT_2019;
	if (has(flat, "勾稽关系")) {
		if (has(flat, "申请人无正当理由逾期不补正"))
			return CHK_FMT_2021;
		return CHK_FMT_UNKNOWN;
	}
	{
		int legacy = has(flat, "概述") + has(flat, "依申请公开政府信息情况") +
			     (has(flat, "收费及减免") || has(flat, "收费和减免")) +
			     has(flat, "因政府信息公开申请行政复议");
		if (legacy >= 2 || (x->r->rep.year && x->r->rep.year <= 2018 && legacy >= 1))
			return CHK_FMT_LEGACY;
	}
	return CHK_FMT_UNKNOWN;
}

static const char *const cn_num[SEC__MAX] = { "一", "二", "三", "四", "五", "六" };

/* Section heading in a normalised, whitespace-free row; -1 if none. Accepts the official
 * numerals with 、 or ., word-processor numbering "1、", and a heading whose numeral was lost
 * ("、主动公开政府信息情况"). */
static int heading_of(const struct report_format *f, const char *s)
{
	size_t len, nl = 0;
	int sec = -1, arabic = 0;

	while (*s == '#')
		s++;
	len = strlen(s);
	for (int i = 0; i < SEC__MAX && sec < 0; i++)
		if (starts(s, len, cn_num[i]))
			sec = i, nl = 3;
	if (sec < 0 && len > 0 && s[0] >= '1' && s[0] <= '6')
		sec = s[0] - '1', nl = 1, arabic = 1;
	if (sec < 0) {
		/* numeral lost: the whole heading must be there */
		for (int i = 0; starts(s, len, "、") && i < SEC__MAX; i++)
			if (strcmp(s + 3, f->sections[i].heading) == 0)
				return i;
		return -1;
	}
	if (starts(s + nl, len - nl, "、"))
		nl += 3;
	else if (s[nl] == '.')
		nl += 1;
	else
		return -1;
	/* word-processor numbering "1、总体情况": only the exact heading, since the overview's own
	 * items are numbered the same way ("3、依申请公开信息情况。…") */
	if (arabic)
		return strcmp(s + nl, f->sections[sec].heading) == 0 ? sec : -1;
	if (utf8_count(s + nl, len - nl) > 40 || !has(s + nl, f->sections[sec].keyword))
		return -1;
	{
		/* a sentence is not a heading: no full stop or comma before the end */
		const char *stop = strstr(s + nl, "。");
		if ((stop && stop[3] != '\0') || strchr(s + nl, ','))
			return -1;
	}
	return sec;
}

/* ---- reading values ----------------------------------------------------------------------- */

#define VMAX 40

struct vals {
	size_t idx[VMAX];
	size_t n;
	int eof;      /* the capture ended while reading */
	int dropped;  /* a lone row label whose values end before a full row */
};

/* The number and blank items after item i, up to the next text item (or the label's row end
 * when the label shares its row with other cells). */
static void values_after(const struct ctx *x, size_t i, struct vals *v)
{
	const struct item *label = &x->it[i];
	int same_row = label->rowcells > 1;
	size_t k;

	v->n = 0;
	v->eof = 0;
	for (k = i + 1; k < x->n; k++) {
		const struct item *it = &x->it[k];
		if (same_row && it->row != label->row)
			return;
		if (it->kind == K_PAD) {
			if (v->n > 0)
				return;
			continue;
		}
		if (it->kind == K_TEXT)
			return;
		if (v->n < VMAX)
			v->idx[v->n++] = k;
	}
	v->eof = 1;
}

/* Trim padding: trailing then leading blank items while more than want remain. */
static void trim_to(const struct ctx *x, struct vals *v, size_t want)
{
	while (v->n > want && x->it[v->idx[v->n - 1]].kind == K_BLANK)
		v->n--;
	while (v->n > want && x->it[v->idx[0]].kind == K_BLANK) {
		memmove(v->idx, v->idx + 1, (v->n - 1) * sizeof *v->idx);
		v->n--;
	}
}

static int64_t pow10i(int n)
{
	int64_t p = 1;
	while (n-- > 0)
		p *= 10;
	return p;
}

/* Store item k into cell idx according to the cell's unit. */
static void put(struct ctx *x, int idx, size_t k)
{
	const struct item *it = &x->it[k];
	const struct fmt_cell *cell = fmt_cell(x->f, idx);
	struct report_cells *c = &x->r->rep.cells;
	int64_t v;

	if (idx < 0 || !cell)
		return;
	if (it->cut)
		return;  /* the capture may have cut the number short: not reached */
	if (it->kind == K_BLANK) {
		cells_set_blank(c, idx);
		x->r->blank[idx] = 1;
		return;
	}
	if (cell->unit == UNIT_FEN_AS_WAN || cell->unit == UNIT_FEN_AS_YUAN) {
		/* money: the unit in the cell wins over the column's */
		int64_t per = it->num.unit == U_YUAN ? FEN_PER_YUAN :
			      it->num.unit == U_WAN ? FEN_PER_WAN :
			      cell->unit == UNIT_FEN_AS_WAN ? FEN_PER_WAN : FEN_PER_YUAN;
		if (it->num.scale > 12 || it->num.mant > INT64_MAX / per) {
			note(x->r, "CAP-08", &idx, 1, "金额“%.*s”无法读取", (int)it->len, it->text);
			return;
		}
		v = it->num.mant * per / pow10i(it->num.scale);
	} else {
		if (it->num.scale > 0 && it->num.mant % pow10i(it->num.scale) != 0) {
			note(x->r, "CAP-08", &idx, 1, "“%s”的“%s”应为整数，实为“%.*s”", cell->row_label,
			     cell->col_label, (int)it->len, it->text);
			return;
		}
		v = it->num.mant / pow10i(it->num.scale);
	}
	cells_set(c, idx, it->num.neg ? -v : v);
}

/* ---- Table 二 -------------------------------------------------------------------------------- */

static void extra_row(struct ctx *x, const char *table, size_t label, const struct vals *v)
{
	struct buf b;

	if (x->r->extra && strlen(x->r->extra) > 4096)
		return;  /* enough kept aside */
	buf_init(&b, 1 << 16);
	if (x->r->extra && buf_puts(&b, x->r->extra))
		goto out;
	if (buf_printf(&b, "表%s %.*s:", table, (int)x->it[label].len, x->it[label].text))
		goto out;
	for (size_t k = 0; k < v->n; k++)
		if (buf_printf(&b, " %.*s", (int)x->it[v->idx[k]].len, x->it[v->idx[k]].text))
			goto out;
	if (buf_putc(&b, '\n'))
		goto out;
	free(x->r->extra);
	x->r->extra = buf_steal(&b);
	note(x->r, "CAP-05", NULL, 0, "表%s有格式以外的行“%.*s”，单列存放，不参与核对", table,
	     (int)x->it[label].len, x->it[label].text);
out:
	buf_free(&b);
}

static void t2_row(struct ctx *x, int block, int row, size_t i)
{
	const struct fmt_t2_block *bl = &x->f->t2_blocks[block];
	struct vals v;
	size_t want = (size_t)bl->ncols;

	values_after(x, i, &v);
	trim_to(x, &v, want);
	if (v.n == 0)
		return;
	if (v.n < want && !v.eof) {
		int c0 = fmt_t2_cell(x->f, block, row, 0);
		note(x->r, "CAP-02", &c0, 1, "“%s”一行只有 %zu 个数值（应有 %zu 个），空白单元格在抓取中"
		     "丢失，无法确定位置", bl->rows[row].label, v.n, want);
		return;
	}
	/* cut short at the end of the capture: the values present are the leftmost ones */
	for (size_t k = 0; k < v.n && k < want; k++)
		put(x, fmt_t2_cell(x->f, block, row, (int)k), v.idx[k]);
}

/* ---- Table 三 -------------------------------------------------------------------------------- */

struct t3state {
	int group;              /* current group (index), FMT_T3_RESULT_GROUP, or -1 */
	int subtotal[8][T3C__MAX];
	int has_subtotal[8];
	int subtotal_col_noted;
};

/* Read the 7 values of Table 三 row position pos after label item i. */
static void t3_row(struct ctx *x, struct t3state *st, int pos, size_t i)
{
	const struct fmt_t3_row *row = &x->f->t3_rows[pos];
	struct vals v;
	int cells[T3C__MAX];

	for (int c = 0; c < T3C__MAX; c++)
		cells[c] = fmt_t3_cell(x->f, row->key, c);
	values_after(x, i, &v);
	trim_to(x, &v, T3C__MAX);
	if (v.n == 0)
		return;  /* a header cell with the same words, or nothing read */
	if (match(M_T3_COL, 0, x->f, x->it[i].text, x->it[i].len) >= 0) {
		/* "总计" / "其他" followed only by padding is the column header, not the row */
		int any = 0;
		for (size_t k = 0; k < v.n; k++)
			any |= x->it[v.idx[k]].kind == K_NUM;
		if (!any)
			return;
	}
	x->r->rows_seen[pos] = 1;
	if (v.n == T3C__MAX + 1) {
		/* a 法人或其他组织 小计 column after the five organisation columns */
		int64_t sum = 0, sub;
		int numeric = 1;
		for (size_t k = 0; k < v.n; k++)
			numeric &= x->it[v.idx[k]].kind == K_NUM;
		for (size_t k = 1; k <= 5 && numeric; k++)
			sum += x->it[v.idx[k]].num.mant;
		sub = numeric ? x->it[v.idx[6]].num.mant : -1;
		if (numeric && sub == sum) {
			if (!st->subtotal_col_noted++)
				note(x->r, "CAP-03", NULL, 0, "表三多出“法人或其他组织小计”列，各行小计与五列之和"
				     "相符，已略去");
		} else {
			note(x->r, "CAP-04", cells, T3C__MAX, "“%s”行的第 7 个数值（小计列）为 %.*s，"
			     "与法人或其他组织五列之和 %lld 不符；已略去", row->name,
			     (int)x->it[v.idx[6]].len, x->it[v.idx[6]].text, (long long)sum);
		}
		memmove(v.idx + 6, v.idx + 7, sizeof *v.idx);
		v.n = T3C__MAX;
	} else if (v.n > T3C__MAX) {
		note(x->r, "CAP-09", cells, T3C__MAX, "“%s”行有 %zu 个数值，按格式取最后 7 个",
		     row->name, v.n);
		memmove(v.idx, v.idx + (v.n - T3C__MAX), T3C__MAX * sizeof *v.idx);
		v.n = T3C__MAX;
	}
	if (v.n == T3C__MAX) {
		for (int c = 0; c < T3C__MAX; c++)
			put(x, cells[c], v.idx[c]);
		return;
	}
	if (v.eof)
		return;  /* the capture ends inside the row: its cells were never reached */
	/* Fewer than 7 and the row is over: the capture dropped the empty cells. Only the last
	 * value (总计) keeps its place. */
	note(x->r, "CAP-02", cells, T3C__MAX, "“%s”行只有 %zu 个数值（应有 7 个）：空白单元格在抓取中"
	     "丢失，只读取最后一个数值为总计", row->name, v.n);
	if (x->it[v.idx[v.n - 1]].kind == K_NUM)
		put(x, cells[T3C_TOTAL], v.idx[v.n - 1]);
}

/* A group label followed by numbers: a subtotal row, checked later against its reasons. */
static void t3_group_values(struct ctx *x, struct t3state *st, int g, size_t i)
{
	struct vals v;

	if (g < 0 || g >= 8)
		return;
	values_after(x, i, &v);
	trim_to(x, &v, T3C__MAX);
	if (v.n != T3C__MAX)
		return;
	for (int c = 0; c < T3C__MAX; c++) {
		const struct item *it = &x->it[v.idx[c]];
		st->subtotal[g][c] = it->kind == K_NUM ? (int)it->num.mant : 0;
	}
	st->has_subtotal[g] = 1;
}

static void t3_check_subtotals(struct ctx *x, struct t3state *st)
{
	for (int g = 0; g < x->f->t3_ngroups && g < 8; g++) {
		if (!st->has_subtotal[g])
			continue;
		for (int c = 0; c < T3C__MAX; c++) {
			int64_t sum = 0;
			int complete = 1, cells[FMT_T3_ROWS_MAX], n = 0;
			for (int r = 0; r < x->f->t3_nrows; r++) {
				int idx;
				if (x->f->t3_rows[r].kind != T3K_REASON || x->f->t3_rows[r].group != g)
					continue;
				idx = fmt_t3_cell(x->f, x->f->t3_rows[r].key, c);
				cells[n++] = idx;
				if (cells_state(&x->r->rep.cells, idx) == CELL_ABSENT)
					complete = 0;
				sum += cells_get(&x->r->rep.cells, idx);
			}
			if (complete && sum != st->subtotal[g][c])
				note(x->r, "CAP-04", cells, n, "“%s”小计行（%s列）为 %d，与其下各项之和 %lld "
				     "不符", x->f->t3_groups[g].label, x->f->t3_cols[c].label,
				     st->subtotal[g][c], (long long)sum);
		}
		note(x->r, "CAP-03", NULL, 0, "表三“%s”带有小计行（官方格式没有），已核对并略去",
		     x->f->t3_groups[g].label);
	}
}

/* ---- Table 四 -------------------------------------------------------------------------------- */

static void t4_read(struct ctx *x, size_t start)
{
	struct vals v = { .n = 0 };
	size_t k = start;
	int want = T4G__MAX * T4C__MAX;
	const struct item *s = &x->it[start];

	/* a grid row that holds only values: start at its first cell (leading blanks count) */
	if (s->rowcells >= 5) {
		size_t first = start;
		while (first > 0 && x->it[first - 1].row == s->row)
			first--;
		int all = 1;
		for (size_t j = first; j < x->n && x->it[j].row == s->row; j++)
			all &= x->it[j].kind == K_NUM || x->it[j].kind == K_BLANK;
		if (all)
			k = first;
	}
	for (; k < x->n; k++) {
		const struct item *it = &x->it[k];
		if (it->kind == K_PAD)
			continue;
		if (it->kind == K_TEXT)
			break;
		if (v.n < VMAX)
			v.idx[v.n++] = k;
	}
	v.eof = k >= x->n;
	trim_to(x, &v, (size_t)want);
	if (v.n > (size_t)want) {
		note(x->r, "CAP-09", NULL, 0, "表四有 %zu 个数值，按格式取前 15 个", v.n);
		v.n = (size_t)want;
	}
	if (v.n < (size_t)want && !v.eof) {
		note(x->r, "CAP-02", NULL, 0, "表四只有 %zu 个数值（应有 15 个）：空白单元格在抓取中丢失，"
		     "无法确定位置，表四未读取", v.n);
		return;
	}
	for (size_t j = 0; j < v.n; j++)
		put(x, fmt_t4_cell(x->f, (int)(j / T4C__MAX), (int)(j % T4C__MAX)), v.idx[j]);
}

/* ---- the walk ------------------------------------------------------------------------------ */

enum state { S_PROSE, S_T2, S_T3, S_T4, S_AFTER };

static int is_label_like(const struct item *it)
{
	return it->kind == K_TEXT && it->len > 0 && it->len <= 240;
}

static void walk_tables(struct ctx *x, const int *row_section)
{
	enum state st = S_PROSE;
	int block = -1, t4_done = 0;
	struct t3state t3 = { .group = -1 };
	const struct report_format *f = x->f;

	for (size_t i = 0; i < x->n; i++) {
		const struct item *it = &x->it[i];
		int m;

		/* a section heading moves the state */
		if (it->pos == 0 && row_section[it->row] >= 0) {
			switch (row_section[it->row]) {
			case SEC_PROACTIVE: st = S_T2; break;
			case SEC_APPLICATIONS: st = S_T3; t3.group = -1; break;
			case SEC_REVIEW_LITIGATION: st = t4_done ? S_AFTER : S_T4; break;
			default: st = S_AFTER; break;
			}
			continue;
		}
		if (!is_label_like(it))
			continue;
		if (st != S_T4 && (m = match(M_T2_BLOCK, 0, f, it->text, it->len)) >= 0 &&
		    st != S_T3) {
			st = S_T2;
			block = m;
			continue;
		}
		if (st != S_T4 && st != S_T3 && has(x->nrow[it->row], "勾稽关系")) {
			st = S_T3;
			continue;
		}
		if (st == S_T2 || (st == S_PROSE && block >= 0)) {
			int b = block, r = -1;
			if (b >= 0)
				r = match(M_T2_ROW, b, f, it->text, it->len);
			for (int bb = 0; r < 0 && bb < f->t2_nblocks; bb++)
				if ((r = match(M_T2_ROW, bb, f, it->text, it->len)) >= 0)
					b = bb;
			if (r >= 0) {
				t2_row(x, b, r, i);
				continue;
			}
		}
		if (st == S_T2 || st == S_PROSE || st == S_T3) {
			m = match(M_T3_ROW, 0, f, it->text, it->len);
			if (m >= 0 && st != S_T3 && f->t3_rows[m].kind != T3K_TOP)
				m = -1;  /* only 一、二、四 start Table 三 without its heading */
			if (m >= 0 && it->rowcells > 1 && (has(x->nrow[it->row], "自然人") ||
						       has(x->nrow[it->row], "商业企业")))
				m = -1;  /* the column header row: its 总计 is not the （七）总计 row */
			if (m >= 0) {
				const struct fmt_t3_row *row = &f->t3_rows[m];
				/* short reason labels ("3.其他") need their group */
				if (row->kind == T3K_REASON && t3.group != row->group &&
				    utf8_count(it->text, it->len) < 8)
					m = -1;
			}
			if (m >= 0) {
				st = S_T3;
				if (f->t3_rows[m].kind != T3K_REASON)
					t3.group = f->t3_rows[m].kind == T3K_RESULT ? FMT_T3_RESULT_GROUP : -1;
				t3_row(x, &t3, m, i);
				continue;
			}
		}
		if (st == S_T3) {
			m = match(M_T3_GROUP, 0, f, it->text, it->len);
			if (m >= 0) {
				t3.group = m;
				if (m != FMT_T3_RESULT_GROUP)
					t3_group_values(x, &t3, m, i);
				continue;
			}
			if (match(M_T4_GROUP, 0, f, it->text, it->len) == T4G_REV) {
				st = S_T4;
				continue;
			}
		}
		if (st == S_T4 && !t4_done) {
			continue;
		}
		/* in Table 二 or 三: an unknown label followed by numbers is a local extra row */
		if ((st == S_T2 || st == S_T3) && utf8_count(it->text, it->len) <= 40 &&
		    !has(x->nrow[it->row], "勾稽关系")) {
			struct vals v;
			values_after(x, i, &v);
			trim_to(x, &v, 0);
			if (v.n > 0 && x->it[v.idx[0]].kind == K_NUM)
				extra_row(x, st == S_T2 ? "二" : "三", i, &v);
		}
	}
	t3_check_subtotals(x, &t3);
}

/* Table 四: the first value cell after its header (or in a row of five or more values). */
static void walk_t4(struct ctx *x, const int *row_section)
{
	int in = 0, header = 0;
	const struct report_format *f = x->f;

	for (size_t i = 0; i < x->n; i++) {
		const struct item *it = &x->it[i];
		if (it->pos == 0 && row_section[it->row] >= 0) {
			if (in && row_section[it->row] != SEC_REVIEW_LITIGATION)
				return;
			in = row_section[it->row] == SEC_REVIEW_LITIGATION;
			continue;
		}
		if (!in && it->kind == K_TEXT &&
		    match(M_T3_ROW, 0, f, it->text, it->len) == fmt_t3_pos(f, T3R_CARRIED_OUT)) {
			/* no heading: Table 四 follows the last row of Table 三 */
			size_t k = i + 1;
			while (k < x->n && x->it[k].kind != K_TEXT)
				k++;
			i = k - 1;
			in = 1;
			continue;
		}
		if (!in)
			continue;
		if (it->kind == K_TEXT) {
			if (match(M_T4_COL, 0, f, it->text, it->len) >= 0 ||
			    match(M_T4_GROUP, 0, f, it->text, it->len) >= 0 ||
			    strcmp(x->nrow[it->row], "总计") == 0)
				header = 1;
			continue;
		}
		if (it->kind == K_NUM && (header || it->rowcells >= 5)) {
			t4_read(x, i);
			return;
		}
	}
}

/* ---- year and organ ------------------------------------------------------------------------ */

/* A year 2000–2099 at s ("2023"), or 0. */
static int year_at(const char *s)
{
	if (s[0] == '2' && s[1] == '0' && s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9')
		return 2000 + (s[2] - '0') * 10 + (s[3] - '0');
	return 0;
}

/* The year written before "年" followed by `after` (e.g. "政府信息公开", "度政府信息公开"). */
static int year_before(const char *s, const char *after, const char **where)
{
	const char *p = s;
	size_t al = strlen(after);
	while ((p = strstr(p, "年")) != NULL) {
		if (p - s >= 4 && strncmp(p + 3, after, al) == 0) {
			int y = year_at(p - 4);
			if (y) {
				if (where)
					*where = p - 4;
				return y;
			}
		}
		p += 3;
	}
	return 0;
}

static int is_title(const char *s)
{
	return has(s, "政府信息公开") && (has(s, "报告") || has(s, "年报")) &&
	       utf8_count(s, strlen(s)) <= 80;
}

static const char *const organ_suffix[] = {
	"街道办事处", "办事处", "街道", "人民政府", "政府", "办公厅", "办公室", "委员会", "管委会",
	"中心", "局", "办", "委", "院", "镇", "乡", "厅", "部", "署", "所", "站", "馆", "处", "会",
	"队", "室", "社", NULL };

static int organ_like(const char *s)
{
	size_t len = strlen(s);
	if (len < 6 || utf8_count(s, len) > 40)
		return 0;
	for (const char *p = s; *p; p++)
		if ((*p >= '0' && *p <= '9') || *p == ':' || *p == '>')
			return 0;
	if (starts(s, len, "我") || starts(s, len, "本") || utf8_count(s, len) < 3)
		return 0;  /* 我局, 本机关: the organ speaks of itself */
	for (int i = 0; organ_suffix[i]; i++)
		if (strcmp(s, organ_suffix[i]) == 0)
			return 0;
	if (strcmp(s, "人民政府") == 0 || strcmp(s, "市人民政府") == 0)
		return 0;
	for (int i = 0; organ_suffix[i]; i++) {
		size_t n = strlen(organ_suffix[i]);
		if (len >= n && memcmp(s + len - n, organ_suffix[i], n) == 0)
			return 1;
	}
	return 0;
}

/* Remove gambling spam standing in for a place name ("365bet网上娱乐_…网址人民政府…"):
 * everything up to the last spam word. Returns the new start; *spam set when found. */
static const char *strip_spam(const char *s, int *spam)
{
	static const char *const words[] = { "网址", "官网", "娱乐", "平台", "app", "bet", "vwin",
					     "彩票", "棋牌", "博彩", "真人", "体育", NULL };
	const char *cut = NULL;
	int latin = 0;

	for (const char *p = s; *p; p++)
		latin += (*p >= 'a' && *p <= 'z');
	if (latin < 3)
		return s;
	for (int i = 0; words[i]; i++) {
		const char *p = s, *q;
		while ((q = strstr(p, words[i])) != NULL) {
			if (!cut || q + strlen(words[i]) > cut)
				cut = q + strlen(words[i]);
			p = q + 1;
		}
	}
	if (!cut)
		return s;
	*spam = 1;
	while (*cut == '_' || (*cut >= 'a' && *cut <= 'z') || (*cut >= '0' && *cut <= '9'))
		cut++;
	return cut;
}

/* Organ candidate from s[0..len): spam removed, words like "关于" cut; NULL if not organ-like. */
static char *organ_from(struct ctx *x, const char *s, size_t len)
{
	char *c = arena_strndup(&x->arena, s, len);
	const char *p;
	char *cut;
	int spam = 0;

	p = strip_spam(c, &spam);
	if (spam)
		x->spam = 1;
	if ((cut = strstr((char *)p, "政府信息公开")) != NULL)
		*cut = '\0';
	if ((cut = strstr((char *)p, "党政办")) != NULL)
		*cut = '\0';
	while (starts(p, strlen(p), "《") || starts(p, strlen(p), "关于"))
		p += starts(p, strlen(p), "《") ? 3 : 6;
	if (!organ_like(p))
		return NULL;
	return (char *)p;
}

static int ends_with(const char *s, const char *t)
{
	size_t a = strlen(s), b = strlen(t);
	return a >= b && memcmp(s + a - b, t, b) == 0;
}

static void find_year_and_organ(struct ctx *x, const int *row_section)
{
	int title_year = 0, period_year = 0, other_year = 0, first_year = 0;
	char *title_organ = NULL, *pre_organ = NULL, *meta_organ = NULL, *made_organ = NULL,
	     *subj_organ = NULL, *prev_short = NULL;
	size_t limit = x->nrows < 400 ? x->nrows : 400;

	for (size_t i = 0; i < limit; i++) {
		const char *s = x->nrow[i], *w = NULL, *p;
		int y;
		if (!*s)
			continue;
		/* the title, possibly split: "正阳街道办事处" / "2023年政府信息公开工作年度报告" */
		if (!title_year && is_title(s) && row_section[i] < 0 &&
		    ((y = year_before(s, "政府信息公开", &w)) || (y = year_before(s, "度政府信息公开", &w)))) {
			title_year = y;
			if (w > s)
				title_organ = organ_from(x, s, (size_t)(w - s));
			else if (prev_short)
				title_organ = prev_short;
		}
		if (!title_year && utf8_count(s, strlen(s)) <= 60 && !is_title(s)) {
			char *o = organ_from(x, s, strlen(s));
			if (o)
				prev_short = o;
			else
				prev_short = NULL;
		}
		/* the statistical period: "统计期限为2023年1月1日", "统计期限自202011日起" */
		if (!period_year && (p = strstr(s, "统计")) != NULL) {
			for (const char *q = p; *q && q < p + 60; q++)
				if ((y = year_at(q)) != 0) {
					period_year = y;
					break;
				}
		}
		/* "现公布某局2023年政府信息公开工作年度报告", "现公开天门市人民政府办公室2025年…" */
		if (!pre_organ) {
			const char *k = strstr(s, "现公布");
			if (!k)
				k = strstr(s, "现公开");
			if (k) {
				const char *yw = NULL;
				k += 9;
				if ((y = year_before(k, "政府信息公开", &yw)) || (y = year_before(k, "度", &yw))) {
					if (!other_year)
						other_year = y;
					if (yw > k)
						pre_organ = organ_from(x, k, (size_t)(yw - k));
				} else {
					const char *e2 = strstr(k, "政府信息公开");
					if (e2 && e2 > k)
						pre_organ = organ_from(x, k, (size_t)(e2 - k));
				}
			}
		}
		/* "- 发布机构: 开远市人民政府" */
		if (!meta_organ && (p = strstr(s, "发布机构")) != NULL && row_section[i] < 0) {
			p += strlen("发布机构");
			if (*p == ':')
				p++;
			meta_organ = organ_from(x, p, strlen(p));
		}
		/* "由三元区人力资源和社会保障局政府信息公开工作机构-办公室编制" */
		if (!made_organ && (p = strstr(s, "由")) != NULL && strstr(p, "编制")) {
			const char *e2 = strstr(p, "编制");
			if (e2 - p < 200)
				made_organ = organ_from(x, p + 3, (size_t)(e2 - p - 3));
		}
		/* "2023年,厚桥街道在区委…": the subject of the overview's first sentence */
		if (!subj_organ && row_section[i] <= SEC_OVERVIEW && year_at(s) && starts(s + 4, strlen(s + 4), "年")) {
			static const char *const verbs[] = {
				"在", "认真", "严格", "坚持", "紧紧", "按照", "积极", "深入", "全面",
				"进一步", "持续", "高度", "围绕", "结合", "不断", "着力", "以", "共",
				"主动", "累计", "依法", "始终", "继续", "切实", "扎实", "聚焦", "立足",
				"贯彻", "落实", "政府信息公开", "政务公开", "信息公开", NULL };
			const char *b = s + 7, *best = NULL;
			if (starts(b, strlen(b), "度"))
				b += 3;
			if (*b == ',')
				b++;
			for (int v = 0; verbs[v]; v++) {
				const char *q = strstr(b, verbs[v]);
				if (q && q > b && (!best || q < best))
					best = q;
			}
			if (best && best - b < 80)
				subj_organ = organ_from(x, b, (size_t)(best - b));
		}
		if (!first_year && row_section[i] <= SEC_OVERVIEW) {
			const char *q = strstr(s, "年");
			if (q && q - s >= 4 && (y = year_at(q - 4)) != 0)
				first_year = y;
		}
	}
	if (!first_year) {
		/* any "2020年" in the text (a capture that starts in the middle) */
		for (size_t i = 0; i < x->nrows && !first_year; i++) {
			const char *q = x->nrow[i];
			while ((q = strstr(q, "年")) != NULL) {
				if (q - x->nrow[i] >= 4 && (first_year = year_at(q - 4)) != 0)
					break;
				q += 3;
			}
		}
	}
	x->r->rep.year = title_year ? title_year : period_year ? period_year :
			 other_year ? other_year : first_year;
	{
		char *best = pre_organ ? pre_organ : title_organ;
		/* prefer the fuller spelling when one ends with the other */
		if (pre_organ && title_organ && ends_with(title_organ, pre_organ))
			best = title_organ;
		if (!best)
			best = meta_organ ? meta_organ : made_organ ? made_organ : subj_organ;
		else if (meta_organ && strlen(meta_organ) > strlen(best) &&
			 (ends_with(meta_organ, best) || strncmp(meta_organ, best, strlen(best)) == 0))
			best = meta_organ;
		if (best)
			report_set_agency(&x->r->rep, best);
	}
	if (x->spam)
		note(x->r, "CAP-06", NULL, 0, "标题或正文中的地名被博彩广告文字替换（被劫持的镜像站）；"
		     "机关名称按去除广告后的文字读取");
}

/* ---- sections ---------------------------------------------------------------------------------- */

static void sections(struct ctx *x, int *row_section, int *found)
{
	int cur = -1;
	struct buf text[SEC__MAX];

	for (int s = 0; s < SEC__MAX; s++)
		buf_init(&text[s], CHK_MAX_INPUT);
	for (size_t i = 0; i < x->nrows; i++) {
		int h = -1;
		row_section[i] = -1;
		if (x->nrow[i][0] && !(x->d->rows[i].flags & CHK_ROW_META))
			h = heading_of(x->f, x->nrow[i]);
		if (h >= 0 && h > cur) {
			cur = h;
			found[h] = 1;
			row_section[i] = h;  /* the heading row itself */
			continue;
		}
		/* the text of the section: its rows, normalised (NFKC, simplified characters, so the
		 * narrative rules read full-width and traditional reports alike) */
		if (cur >= 0 && x->nline[i][0] && !(x->d->rows[i].flags & CHK_ROW_META)) {
			if (buf_puts(&text[cur], x->nline[i]) || buf_putc(&text[cur], '\n'))
				break;
		}
	}
	for (int s = 0; s < SEC__MAX; s++) {
		if (found[s])
			report_set_section(&x->r->rep, s, buf_cstr(&text[s]));
		buf_free(&text[s]);
	}
	/* row_section marks heading rows only; walkers use it as "a heading of section s here" */
}

/* ---- blanks ---------------------------------------------------------------------------------- */

/* A blank cell is taken as 0 only where its row total (Table 三) or the column relation
 * confirms it; otherwise it is left out of the arithmetic (ABSENT) and reported. */
static void confirm_blanks(struct ctx *x)
{
	struct report_cells *c = &x->r->rep.cells;
	const struct report_format *f = x->f;
	int unconfirmed[FINDING_MAX_CELLS], nun = 0, count = 0;

	for (int r = 0; r < f->t3_nrows; r++) {
		int idx[T3C__MAX], blanks = 0, absent = 0;
		int64_t sum = 0;
		for (int col = 0; col < T3C__MAX; col++) {
			idx[col] = fmt_t3_cell(f, f->t3_rows[r].key, col);
			blanks += col < T3C_TOTAL && cells_state(c, idx[col]) == CELL_BLANK;
			absent += cells_state(c, idx[col]) == CELL_ABSENT;
			if (col < T3C_TOTAL)
				sum += cells_get(c, idx[col]);
		}
		if (!blanks || absent)
			continue;
		/* the total is a value (not blank) and agrees with the blanks as 0 */
		if (cells_state(c, idx[T3C_TOTAL]) != CELL_BLANK && sum == cells_get(c, idx[T3C_TOTAL]))
			continue;
		if (cells_state(c, idx[T3C_TOTAL]) == CELL_BLANK)
			continue;  /* all blank or blank total: recomputed (cells_derive_blank_totals) */
		for (int col = 0; col < T3C_TOTAL; col++)
			if (cells_state(c, idx[col]) == CELL_BLANK) {
				c->state[idx[col]] = CELL_ABSENT;
				if (nun < FINDING_MAX_CELLS)
					unconfirmed[nun++] = idx[col];
				count++;
			}
	}
	if (count)
		note(x->r, "CAP-08", unconfirmed, nun, "有 %d 个空白单元格与所在行的总计不符，不能当作 0，"
		     "未参与核对（如“%s”行“%s”列）", count,
		     f->t3_rows[fmt_cell(f, unconfirmed[0])->row].name,
		     fmt_cell(f, unconfirmed[0])->col_label);
}

/* ---- main ---------------------------------------------------------------------------------- */

void chk_result_free(struct chk_result *r)
{
	if (!r)
		return;
	report_free(&r->rep);
	findings_free(&r->notes);
	free(r->extra);
	memset(r, 0, sizeof *r);
}

int chk_extract(const struct chk_doc *d, struct chk_result *r, struct gk_error *e)
{
	struct ctx x = { .d = d, .r = r, .e = e };
	int *row_section = NULL, found[SEC__MAX] = { 0 };
	struct buf flat;
	int rc = 0;

	memset(r, 0, sizeof *r);
	report_init(&r->rep, fmt_get(FMT_V2021));
	findings_init(&r->notes);
	r->charset = d->charset;
	r->source = d->source;
	r->format = CHK_FMT_UNKNOWN;
	arena_init(&x.arena);
	buf_init(&flat, 0);
	x.f = fmt_get(FMT_V2021);

	if (d->source == CHK_SRC_JSON) {
		const struct report_format *f = d->given_format ? fmt_by_id(d->given_format) : NULL;
		report_init(&r->rep, f ? f : fmt_get(FMT_V2021));
		r->format = !f ? CHK_FMT_UNKNOWN : f->version == FMT_V2019 ? CHK_FMT_2019 : CHK_FMT_2021;
		r->rep.year = d->given_year;
		if (d->given_agency)
			report_set_agency(&r->rep, d->given_agency);
		for (size_t i = 0; i < d->ngiven; i++) {
			int idx = fmt_cell_index(r->rep.cells.fmt, d->given[i].id);
			if (idx < 0)
				continue;
			if (d->given[i].blank) {
				cells_set_blank(&r->rep.cells, idx);
				r->blank[idx] = 1;
			} else {
				const struct fmt_cell *cell = fmt_cell(r->rep.cells.fmt, idx);
				double v = d->given[i].value;
				if (cell->unit == UNIT_FEN_AS_WAN)
					v *= (double)FEN_PER_WAN;
				else if (cell->unit == UNIT_FEN_AS_YUAN)
					v *= (double)FEN_PER_YUAN;
				cells_set(&r->rep.cells, idx, (int64_t)(v + (v < 0 ? -0.5 : 0.5)));
			}
		}
		for (int i = 0; i < d->ngiven_sections; i++) {
			int sec = fmt_section_by_id(d->given_section[i].id);
			if (sec >= 0)
				report_set_section(&r->rep, (enum section)sec, d->given_section[i].text);
		}
		if (d->given_complete >= 0) {
			r->complete = d->given_complete;
		} else {
			/* gongkai's report JSON: complete when every cell and section is there */
			int all = r->format != CHK_FMT_UNKNOWN;
			for (int i = 0; i < fmt_ncells(r->rep.cells.fmt); i++)
				all &= cells_state(&r->rep.cells, i) != CELL_ABSENT;
			for (int sec = 0; sec < SEC__MAX; sec++)
				all &= r->rep.section[sec] != NULL;
			r->complete = all;
		}
		goto out;
	}

	build_items(&x);
	if ((rc = build_nrows(&x)) != 0)
		goto out;
	for (size_t i = 0; i < x.nrows; i++)
		if ((rc = buf_puts(&flat, x.nrow[i])) != 0)
			goto out;
	row_section = xcalloc(x.nrows + 1, sizeof *row_section);
	sections(&x, row_section, found);
	find_year_and_organ(&x, row_section);
	r->format = detect_format(&x, buf_cstr(&flat));
	x.f = fmt_get(r->format == CHK_FMT_2019 ? FMT_V2019 : FMT_V2021);
	if (x.f != r->rep.cells.fmt) {
		/* keep agency, year, sections; switch the cell table */
		cells_init(&r->rep.cells, x.f);
	}
	if (r->format != CHK_FMT_LEGACY) {
		walk_tables(&x, row_section);
		walk_t4(&x, row_section);
		confirm_blanks(&x);
		cells_derive_blank_totals(&r->rep.cells);  /* 上海 2019: blank 总计 recomputed */
	}
	{
		int all_sections = 1, all_cells = 1, n = fmt_ncells(x.f);
		for (int s = 0; s < SEC__MAX; s++)
			all_sections &= found[s];
		for (int i = 0; i < n; i++)
			all_cells &= cells_state(&r->rep.cells, i) != CELL_ABSENT || r->blank[i];
		r->complete = all_sections && (r->format == CHK_FMT_2021 || r->format == CHK_FMT_2019) &&
			      all_cells;
		if (!r->complete) {
			struct buf miss;
			buf_init(&miss, 400);
			for (int s = 0; s < SEC__MAX; s++)
				if (!found[s] && buf_printf(&miss, "%s%s", miss.len ? "、" : "", cn_num[s]))
					break;
			if (r->format == CHK_FMT_2021 || r->format == CHK_FMT_2019) {
				int absent = 0;
				for (int i = 0; i < n; i++)
					absent += cells_state(&r->rep.cells, i) == CELL_ABSENT && !r->blank[i];
				note(r, "CAP-01", NULL, 0, "抓取不完整：%s%s%s；%d 个单元格未读到，不参与核对",
				     miss.len ? "未找到第" : "各部分都在", buf_cstr(&miss),
				     miss.len ? "部分" : "但表格不全", absent);
			} else {
				note(r, "CAP-01", NULL, 0, "抓取不完整或不是年度报告：%s%s%s", miss.len ? "未找到第" : "",
				     buf_cstr(&miss), miss.len ? "部分" : "六个部分都在");
			}
			buf_free(&miss);
		}
		if (r->format == CHK_FMT_UNKNOWN || r->format == CHK_FMT_LEGACY)
			note(r, "CAP-10", NULL, 0, "%s", r->format == CHK_FMT_LEGACY ?
			     "按 2019 年以前的旧格式编写，只有正文，未核对表格" :
			     "没有找到能判断格式版本的表头（本年制发件数 / 本年新制作数量 等），未核对格式");
	}
out:
	free(row_section);
	free(x.it);
	arena_free(&x.arena);
	buf_free(&flat);
	return rc;
}
