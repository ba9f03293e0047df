# Sellermail. `make run` opens the app, `make test` runs every test.
GO      ?= go
PKG     := ./...
export LANG := en_US.UTF-8

.PHONY: run build package release release-check test bench deps vet fuzz eval clean

run: deps
	$(GO) run ./cmd/sellermail

build:
	$(GO) build -o bin/sellermail ./cmd/sellermail

# A desktop package with icon and metadata from FyneApp.toml (Linux: Sellermail.tar.xz).
# The packager bumps Build in FyneApp.toml; the file is restored so a package
# never leaves the tree changed.
FYNE ?= $(GO) run fyne.io/tools/cmd/fyne@v1.7.4
package:
	$(GO) build -tags migrated_fynedo -trimpath -ldflags "-s -w" -o sellermail ./cmd/sellermail
	cp FyneApp.toml FyneApp.toml.keep; $(FYNE) package --target $$($(GO) env GOOS) --executable sellermail; \
	  rc=$$?; mv FyneApp.toml.keep FyneApp.toml; rm -f sellermail; exit $$rc

# The downloads for sellers, into dist/: the Windows x86-64 zip (cross-compiled
# with cgo through MinGW-w64), the Linux tarball and binary, SHA256SUMS.
release: deps
	@RELEASE=1 scripts/deps.sh
	GO=$(GO) scripts/release.sh

# A smoke test of the Windows build under Wine (command line and window);
# kept out of 'make test'.
release-check: deps
	@RELEASE=1 scripts/deps.sh
	scripts/release-check.sh

deps:
	@scripts/deps.sh

vet:
	$(GO) vet $(PKG)

# Formatting and imports, staticcheck, govulncheck, the complexity ceiling
# (scripts/gates.sh; pinned tools from the Go module proxy).
gates:
	GO=$(GO) scripts/gates.sh

test: deps vet gates
	scripts/test-session.sh $(GO) test -race -timeout 12m $(PKG)

# Benchmarks; compare two runs with benchstat (golang.org/x/perf/cmd/benchstat).
bench:
	scripts/test-session.sh $(GO) test -run '^$$' -bench . -benchmem -count 6 -timeout 60m $(PKG)

# Accuracy of the compliance engine on the corpus and the blind sets
# (docs/accuracy.md); EVALFLAGS=-v lists every miss and false finding.
EVALSETS ?= policy/testdata/corpus $(wildcard policy/testdata/blind/set*)
eval:
	$(GO) run ./cmd/policy-eval $(EVALFLAGS) $(EVALSETS)

# A short run of every fuzz target.
FUZZTIME ?= 20s
fuzz:
	@for p in $$($(GO) list $(PKG)); do \
	  for f in $$($(GO) test -list '^Fuzz' $$p | grep '^Fuzz'); do \
	    echo "== $$p $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$p || exit 1; \
	  done; \
	done

clean:
	rm -rf bin dist Sellermail.tar.xz
