/* fuzz_tpl.c — the template engine on arbitrary template text: parse, then render with a
 * context holding strings, a list and a nested object; nothing may crash or leak. */
#include <stddef.h>
#include <stdint.h>

#include "render/tpl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tpl_set *set = tpl_set_new();
	struct gk_error e = { 0 };
	struct arena a;
	struct buf out;

	arena_init(&a);
	buf_init(&out, 1 << 20);
	struct tpl_val *v = tpl_obj(&a);
	tpl_put_str(v, "name", "<张三>");
	tpl_put_bool(v, "yes", 1);
	struct tpl_val *l = tpl_put_list(v, "list");
	tpl_push_str(l, "a&b");
	struct tpl_val *o = tpl_push_obj(l);
	tpl_put_str(o, "name", "inner");
	tpl_put_obj(v, "obj");
	if (tpl_set_add(set, "t", (const char *)data, size, &e) == 0 &&
	    tpl_set_add(set, "p", "{{name}}{{#list}}{{>p}}{{/list}}", 31, &e) == 0)
		(void)!tpl_render(set, "t", v, &out, &e);
	buf_free(&out);
	arena_free(&a);
	tpl_set_free(set);
	return 0;
}
