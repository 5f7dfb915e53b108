/*
 * notes.c — the CAP rules: what extraction itself notices about a capture (see extract.h).
 * May call base/, format/rules.h.
 */
#include "check/extract_int.h"

#include <stdarg.h>
#include <stdlib.h>
#include "base/mem.h"

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
	{ "CAP-11", SEV_ERROR, 3, 0, "PDF 没有文字层（扫描件），内容无法读取，需要 OCR 或文字版" },
	{ "CAP-12", SEV_ERROR, 3, 0, "页面本身不含报告，只嵌入或链接了报告文件：应检查该文件" },
	{ "CAP-13", SEV_WARN, 3, 0, "PDF 的表格是图片（截图插入），图片中的数字无法读取，未参与核对" },
	{ "CAP-14", SEV_ERROR, 3, 0, "PDF 的文字层是乱码（字体缺少 ToUnicode 映射），这些页的内容无法读取，需要重新导出 PDF" },
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

void GK_PRINTF(5, 6) chk_note(struct chk_result *r, const char *rule, const int *cells,
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

