# Sellermail. `make run` opens the app, `make test` runs every test.
GO      ?= go
PKG     := ./...
export LANG := en_US.UTF-8

.PHONY: run build test bench deps vet fuzz clean

run: deps
	$(GO) run ./cmd/sellermail

build:
	$(GO) build -o bin/sellermail ./cmd/sellermail

deps:
	@scripts/deps.sh

vet:
	$(GO) vet $(PKG)

test: deps vet
	scripts/test-session.sh $(GO) test -race -timeout 12m $(PKG)

# Benchmarks; compare two runs with benchstat (golang.org/x/perf/cmd/benchstat).
bench:
	scripts/test-session.sh $(GO) test -run '^$$' -bench . -benchmem -count 6 -timeout 60m $(PKG)

# A short run of every fuzz target.
FUZZTIME ?= 20s
fuzz:
	@for p in $$($(GO) list $(PKG)); do \
	  for f in $$($(GO) test -list '^Fuzz' $$p | grep '^Fuzz'); do \
	    echo "== $$p $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$p || exit 1; \
	  done; \
	done

clean:
	rm -rf bin
