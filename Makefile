# gongkai — the two commands a newcomer needs: `make demo` and `make check`.
# Meson + ninja do the building; this file only wraps them.

BUILD      ?= build
BUILD_ASAN ?= build-asan
BUILD_FUZZ ?= build-fuzz
DEMO_DB    ?= demo.db
LISTEN     ?= 127.0.0.1:8080
FUZZ_SECONDS ?= 30
FUZZ_MAX_LEN ?= 16384
FUZZ_MAX_LEN_DOC ?= 65536
FUZZ_MAX_LEN_SNIFF ?= 8192
FUZZ_LEN = case $$n in fuzz_check_pdf|fuzz_check_docx|fuzz_check_xlsx|fuzz_extract) echo $(FUZZ_MAX_LEN_DOC);; \
	fuzz_check_sniff) echo $(FUZZ_MAX_LEN_SNIFF);; *) echo $(FUZZ_MAX_LEN);; esac
PREFIX     ?= /usr/local
DESTDIR    ?=

.PHONY: all deps e2e-deps check demo bench fuzz fuzz-merge fuzz-replay clean install deb deb-check

all: $(BUILD)/build.ninja
	ninja -C $(BUILD)

$(BUILD)/build.ninja:
	meson setup $(BUILD) --buildtype=debugoptimized

$(BUILD_ASAN)/build.ninja:
	meson setup $(BUILD_ASAN) --buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false

deps:
	scripts/install-deps

# The browser tests' driver: playwright-core and axe-core from npm (Debian's chromium is in deps.txt).
e2e-deps: deps
	@command -v npm >/dev/null || scripts/install-deps scripts/deps-npm.txt
	@[ -d tests/e2e/node_modules/playwright-core ] && [ -d tests/e2e/node_modules/axe-core ] || \
		(cd tests/e2e && npm install --no-audit --no-fund --silent)

# Everything: install what is missing, build normally and with ASan+UBSan, run every test in both.
check: e2e-deps
	$(MAKE) all
	$(MAKE) $(BUILD_ASAN)/build.ninja
	ninja -C $(BUILD_ASAN)
	scripts/run-tests $(BUILD) $(BUILD_ASAN)

# A demo database (its staff passwords are printed once) and the portal on http://$(LISTEN).
demo: deps
	$(MAKE) all
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BUILD)/gongkai --db $(DEMO_DB) demo
	@echo "Portal: http://$(LISTEN)/   Console: http://$(LISTEN)/console/login   (Ctrl-C stops)"
	$(BUILD)/gongkai --db $(DEMO_DB) serve --listen $(LISTEN)

# The binary, gongkai(1), the calendar, templates and static files under PREFIX (FHS:
# PREFIX/bin, PREFIX/share/gongkai, PREFIX/share/man), staged under DESTDIR when given.
install: $(BUILD)/build.ninja
	meson configure $(BUILD) -Dprefix=$(PREFIX)
	ninja -C $(BUILD)
	meson install -C $(BUILD) --no-rebuild $(if $(DESTDIR),--destdir $(DESTDIR))

# The Debian package (../gongkai_VERSION_ARCH.deb) with dpkg-buildpackage; debian/ says how.
deb: deps
	dpkg-buildpackage -b -us -uc

# Build the package, run lintian on it, install it on this machine (root), start its service
# command as its user and fetch pages, run its backup, then purge it (tests/package/deb.sh).
deb-check: deb
	GONGKAI_DEB=$$(ls -t ../gongkai_*.deb | head -1) GONGKAI_DEB_INSTALL=1 GONGKAI=unused bash tests/package/deb.sh

bench: deps
	$(MAKE) all
	@for b in bench/*.sh; do echo "== $$b"; GONGKAI=$(BUILD)/gongkai bash $$b || exit 1; done

# The fuzzing build: clang's libFuzzer with ASan+UBSan, optimised (-O2: sanitizer builds at -O0
# ran the checker ten times slower), the library instrumented for coverage (meson.build).
$(BUILD_FUZZ)/build.ninja:
	CC=clang-14 meson setup $(BUILD_FUZZ) -Dfuzz=true -Dtests=false --buildtype=debugoptimized \
		-Db_sanitize=address,undefined -Db_lundef=false

# Each target for FUZZ_SECONDS, one after the other (one process: the machine is shared), new
# inputs in $(BUILD_FUZZ)/corpus/NAME; inputs longer than FUZZ_MAX_LEN are not made (the PDF,
# DOCX and attachment targets: FUZZ_MAX_LEN_DOC, a document needs more; the sniffing target
# FUZZ_MAX_LEN_SNIFF: it picks the reader, and the depth of pages and documents is their own
# targets' — its inputs' time follows their length: at 8 KiB it runs 1.5 times as many as at
# 16 KiB and reaches as many edges in the same time, docs/threat-model.md).
# fuzz/corpus/NAME is the kept corpus: merge what was found into it with fuzz-merge.
fuzz: deps $(BUILD_FUZZ)/build.ninja
	ninja -C $(BUILD_FUZZ)
	@for f in $(BUILD_FUZZ)/fuzz/fuzz_*; do [ -f $$f ] && [ -x $$f ] || continue; n=$$(basename $$f); \
		echo "== $$n ($(FUZZ_SECONDS)s)"; mkdir -p $(BUILD_FUZZ)/corpus/$$n; \
		nice -n 19 $$f -max_total_time=$(FUZZ_SECONDS) -max_len=$$($(FUZZ_LEN)) -rss_limit_mb=2048 \
			$(BUILD_FUZZ)/corpus/$$n fuzz/corpus/$$n || exit 1; done

# Minimise what fuzzing found into the kept corpus (only inputs that reach a new edge of the
# code — -use_counters=0: not a new hit count of an edge reached before — each at most the
# target's length above, so fuzz/corpus stays small).
fuzz-merge: $(BUILD_FUZZ)/build.ninja
	ninja -C $(BUILD_FUZZ)
	@for f in $(BUILD_FUZZ)/fuzz/fuzz_*; do [ -x $$f ] || continue; n=$$(basename $$f); \
		[ -d $(BUILD_FUZZ)/corpus/$$n ] || continue; echo "== $$n"; \
		nice -n 19 $$f -merge=1 -use_counters=0 -max_len=$$($(FUZZ_LEN)) -rss_limit_mb=2048 fuzz/corpus/$$n \
			$(BUILD_FUZZ)/corpus/$$n || exit 1; done

# Replay every kept corpus through the libFuzzer build (no fuzzing): each input once, under
# ASan+UBSan. make check replays them too (tests/unit: test_*fuzz*_replay).
fuzz-replay: $(BUILD_FUZZ)/build.ninja
	ninja -C $(BUILD_FUZZ)
	@for f in $(BUILD_FUZZ)/fuzz/fuzz_*; do [ -x $$f ] || continue; n=$$(basename $$f); \
		echo "== $$n"; out=$$($$f -runs=0 -rss_limit_mb=2048 fuzz/corpus/$$n 2>&1) || \
		{ echo "$$out" | tail -20; exit 1; }; echo "$$out" | tail -1; done

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) $(BUILD_FUZZ)
