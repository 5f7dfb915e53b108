# gongkai — the two commands a newcomer needs: `make demo` and `make check`.
# Meson + ninja do the building; this file only wraps them.

BUILD      ?= build
BUILD_ASAN ?= build-asan
BUILD_FUZZ ?= build-fuzz
DEMO_DB    ?= demo.db
LISTEN     ?= 127.0.0.1:8080
FUZZ_SECONDS ?= 30
PREFIX     ?= /usr/local
DESTDIR    ?=

.PHONY: all deps e2e-deps check demo bench fuzz clean install deb deb-check

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

fuzz: deps
	[ -f $(BUILD_FUZZ)/build.ninja ] || CC=clang-14 meson setup $(BUILD_FUZZ) -Dfuzz=true -Dtests=false \
		--buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false
	ninja -C $(BUILD_FUZZ)
	@for f in $(BUILD_FUZZ)/fuzz/fuzz_*; do [ -f $$f ] && [ -x $$f ] || continue; n=$$(basename $$f); \
		echo "== $$n ($(FUZZ_SECONDS)s)"; mkdir -p $(BUILD_FUZZ)/corpus/$$n; \
		$$f -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 $(BUILD_FUZZ)/corpus/$$n fuzz/corpus/$$n || exit 1; done

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) $(BUILD_FUZZ)
