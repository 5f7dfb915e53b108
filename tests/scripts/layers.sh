#!/usr/bin/env bash
# layers.sh — scripts/layers catches what it is for: small src/ trees, one fault each, fed to
# the check, which must fail naming the file, the line and the include; a clean tree passes.
GONGKAI=${GONGKAI:-unused}
. "$(dirname "$0")/../lib.sh"
check="$(cd "$(dirname "$0")/../.." && pwd)/scripts/layers"

# tree NAME: a small clean tree in $TMP/NAME (base/, text/, domain/, store/, render/, check/, web/)
tree() {
	local t="$TMP/$1"
	mkdir -p "$t"/{base,text,store,render,check,domain,web}
	printf '/*\n * err.h — errors. May call libc only.\n */\n' >"$t/base/err.h"
	printf '/*\n * utf8.h — UTF-8.\n * May call: base/.\n */\n#include "base/err.h"\n' >"$t/text/utf8.h"
	printf '#include "text/utf8.h"\n#include "utf8.h"\n' >"$t/text/utf8.c"
	printf '/*\n * store.h — the store. May call: text/, base/.\n */\n#include "text/utf8.h"\n' >"$t/store/store.h"
	printf '/*\n * html.h — HTML. May call base/ and text/utf8.h.\n */\n' >"$t/render/html.h"
	printf '/*\n * doc.h — a read report. May call text/.\n */\n' >"$t/check/doc.h"
	printf '/*\n * audit.h — the audit log.\n * May call: store/, text/, base/. Law: 条例.\n */\n' >"$t/domain/audit.h"
	printf '#include "domain/audit.h"\n#include "store/store.h"\n#include "base/err.h"\n' >"$t/domain/audit.c"
	printf '/*\n * app.h — pages. May call: domain/, render/ (pages), web/app.h.\n */\n' >"$t/web/app.h"
	printf '#include "web/app.h"\n#include "domain/audit.h"\n#include "render/html.h"\n#include "text/utf8.h"\n' >"$t/web/page.c"
	echo "$t"
}

t=$(tree clean)
run 0 "$check" "$t"
contains "$OUT" "ok 2 - no file includes a header of a layer above its own" "a clean tree passes the order"
contains "$OUT" "ok 4 - every include of another layer is named" "a clean tree passes its May call sentences (base/ open to all, text/ reached through a header's own line)"

t=$(tree upward)
printf '#include "text/utf8.h"\n\n#include "domain/audit.h"\n' >"$t/text/utf8.c"
run 1 "$check" "$t"
contains "$OUT" "not ok 2 - no file includes a header of a layer above its own" "text/ including domain/ fails"
contains "$OUT" "# text/utf8.c:3: includes domain/audit.h, but domain/ is not below text/" "the failure names the file, the line and the include"

t=$(tree peer)
printf '/*\n * html.h — HTML. May call base/ and text/utf8.h.\n */\n#include "check/doc.h"\n' >"$t/render/html.h"
run 1 "$check" "$t"
contains "$OUT" "# render/html.h:4: includes check/doc.h, but check/ is not below render/" "two layers on one level may not include each other"

t=$(tree web)
printf '#include "domain/audit.h"\n#include "web/app.h"\n' >>"$t/domain/audit.c"
run 1 "$check" "$t"
contains "$OUT" "# domain/audit.c:5: includes web/app.h, but web/ is not below domain/" "nothing below the front ends includes web/"

t=$(tree outside)
printf '#include "render/html.h"\n' >>"$t/domain/audit.c"
run 1 "$check" "$t"
contains "$OUT" "not ok 4 - every include of another layer is named" "an include its module header does not name fails"
contains "$OUT" "# domain/audit.c:4: includes render/html.h, which domain/audit.h does not name" "a .c file is held to its module header's sentence"
contains "$OUT" "ok 2 - no file includes a header of a layer above its own" "render/ is below domain/, so only the sentence is broken"

t=$(tree module)
printf '#include "text/normalise.h"\n' >>"$t/render/html.h"
run 1 "$check" "$t"
contains "$OUT" "# render/html.h:4: includes text/normalise.h, which render/html.h does not name" "a sentence naming one module of a layer does not open the whole layer"

t=$(tree paren)
printf '/*\n * q.c — a page. May call: render/ (the pages), web/app.h.\n */\n#include "render/chart.h"\n' >"$t/web/q.c"
printf '/*\n * p.c — a page. May call: domain/, web/ (render/ through web/app.h only).\n */\n#include "render/html.h"\n' >"$t/web/p.c"
run 1 "$check" "$t"
contains "$OUT" "# web/p.c:4: includes render/html.h, which web/p.c does not name" "words in parentheses grant nothing"
lacks "$OUT" "web/q.c" "render/ named with a comment in parentheses is the whole layer"

t=$(tree granted)
printf '/*\n * audit.h — the audit log.\n * May call: store/, web/, base/.\n */\n' >"$t/domain/audit.h"
run 1 "$check" "$t"
contains "$OUT" "not ok 3 - no 'May call' sentence names a layer above the file's own" "a sentence may not grant a layer above"
contains "$OUT" "# domain/audit.h: its comment allows web/, a layer not below domain/" "the failure names the file and the layer"

t=$(tree unknown)
mkdir -p "$t/plugins" && printf '#include "domain/audit.h"\n' >"$t/plugins/x.c"
run 1 "$check" "$t"
contains "$OUT" "# src/plugins/ is in no layer" "a new folder must be given its place in the order"

done_testing
