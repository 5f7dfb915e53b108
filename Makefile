# gongkai — the two commands a newcomer needs: `make demo` and `make check`.
# Meson + ninja do the building; this file only wraps them.

BUILD      ?= build
BUILD_ASAN ?= build-asan
BUILD_FUZZ ?= build-fuzz
DEMO_DB    ?= demo.db
LISTEN     ?= 127.0.0.1:8080
FUZZ_SECONDS ?= 30

.PHONY: all deps check demo bench fuzz clean

all: $(BUILD)/build.ninja
	ninja -C $(BUILD)

$(BUILD)/build.ninja:
	meson setup $(BUILD) --buildtype=debugoptimized

$(BUILD_ASAN)/build.ninja:
	meson setup $(BUILD_ASAN) --buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false

deps:
	scripts/install-deps

# Everything: install what is missing, build normally and with ASan+UBSan, run every test in both.
check: deps
	$(MAKE) all
	$(MAKE) $(BUILD_ASAN)/build.ninja
	ninja -C $(BUILD_ASAN)
	scripts/run-tests $(BUILD) $(BUILD_ASAN)

# A demo database and the portal on http://$(LISTEN) (until `serve` exists: the CLI on demo data).
demo: deps
	$(MAKE) all
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@# Until the web part lands (the `demo` and `serve` commands), show the CLI on demo data.
	@g=$(BUILD)/gongkai; \
	if $$g --help | grep -q '^  demo ' && $$g --help | grep -q '^  serve '; then \
		$$g --db $(DEMO_DB) demo && $$g --db $(DEMO_DB) serve --listen $(LISTEN); \
	else scripts/demo-cli $$g; fi

bench: deps
	$(MAKE) all
	@for b in bench/*.sh; do echo "== $$b"; GONGKAI=$(BUILD)/gongkai bash $$b || exit 1; done

fuzz: deps
	[ -f $(BUILD_FUZZ)/build.ninja ] || CC=clang-14 meson setup $(BUILD_FUZZ) -Dfuzz=true -Dtests=false \
		--buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false
	ninja -C $(BUILD_FUZZ)
	@for f in $(BUILD_FUZZ)/fuzz/fuzz_*; do [ -f $$f ] && [ -x $$f ] || continue; n=$$(basename $$f); \
		echo "== $$n ($(FUZZ_SECONDS)s)"; mkdir -p $(BUILD_FUZZ)/corpus/$$n; \
		$$f -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 $(BUILD_FUZZ)/corpus/$$n fuzz/corpus/$$n || exit 1; done

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) $(BUILD_FUZZ)
