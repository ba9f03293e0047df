#!/bin/sh
# gates.sh runs the checks that keep the code in the shape ARCHITECTURE.md
# describes; make test runs it before the tests (the import rules are a
# test of their own, in internal/archtest). Every tool is pinned and comes
# from the Go module proxy ("go install tool@version" into a temporary
# directory), so a new machine needs nothing but Go and the module proxy.
#
#   scripts/gates.sh          all gates
#   scripts/gates.sh cyclo    one of: format staticcheck cyclo vuln
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}

GOIMPORTS=golang.org/x/tools/cmd/goimports@v0.52.0
STATICCHECK=honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOCYCLO=github.com/fzipp/gocyclo/cmd/gocyclo@v0.6.0
GOVULNCHECK=golang.org/x/vuln/cmd/govulncheck@v1.9.0
# The Go vulnerability data as the module proxy serves it, and the tool
# that turns its OSV files into the database govulncheck reads offline.
VULNDB_VERSION=${VULNDB_VERSION:-v0.0.0-20261105234957-e22db6528018}
INDEXDB=golang.org/x/vulndb/cmd/indexdb@$VULNDB_VERSION
# The cyclomatic complexity no function may exceed, tests included.
CEILING=30

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=""

# try_install PKG@VERSION builds a tool into $tmp/bin (from the module
# cache after the first time), so that its output and exit status are its
# own; install does the same and stops the gates when it cannot.
try_install() { GOBIN="$tmp/bin" $GO install "$1" >"$tmp/install.log" 2>&1; }
install() {
	if ! try_install "$1"; then
		cat "$tmp/install.log" >&2
		echo "gates: cannot install $1 from the Go module proxy" >&2
		exit 1
	fi
}

# exceptions prints a list file without its comments and blank lines.
exceptions() { sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$1"; }

# report FILE LIST NAME: fails the gate NAME for the lines of FILE that LIST
# does not name, and says which entries of LIST are no longer needed.
report() {
	exceptions "$2" >"$tmp/allowed"
	if grep -vxF -f "$tmp/allowed" "$1" >"$tmp/new"; then
		cat "$tmp/new"
		failed="$failed $3"
	fi
	if grep -vxF -f "$1" "$tmp/allowed" >"$tmp/stale"; then
		echo "$3: no longer needed in $2 (delete these lines):"
		sed 's/^/  /' "$tmp/stale"
	fi
}

gate_format() {
	echo "== gofmt, goimports"
	install $GOIMPORTS
	{ gofmt -l . && "$tmp/bin/goimports" -l -local sellermail .; } | sort -u >"$tmp/fmt"
	if [ -s "$tmp/fmt" ]; then
		echo "not formatted (run: go run $GOIMPORTS -w -local sellermail FILE):"
		sed 's/^/  /' "$tmp/fmt"
		failed="$failed format"
	fi
}

gate_staticcheck() {
	echo "== staticcheck"
	# Line numbers are cut, so that an exception survives edits around it.
	install $STATICCHECK
	"$tmp/bin/staticcheck" ./... >"$tmp/sc.raw" 2>&1 || true
	sed -E 's/^([^:]+):[0-9]+:[0-9]+: /\1: /' "$tmp/sc.raw" >"$tmp/sc"
	report "$tmp/sc" .ci/staticcheck-exceptions staticcheck
}

gate_cyclo() {
	echo "== complexity (gocyclo -over $CEILING)"
	# "61 cli TestX cmd/internal/cli/x_test.go:26:1" becomes "cmd/internal/cli/x_test.go TestX".
	install $GOCYCLO
	"$tmp/bin/gocyclo" -over $CEILING . >"$tmp/cyclo.raw" 2>&1 || true
	awk '{ sub(/:[0-9]+:[0-9]+$/, "", $4); print $4, $3 }' "$tmp/cyclo.raw" | sort >"$tmp/cyclo"
	report "$tmp/cyclo" .ci/complexity-exceptions complexity
}

gate_vuln() {
	echo "== govulncheck (offline, vulnerability data $VULNDB_VERSION)"
	if ! try_install $GOVULNCHECK; then
		echo "govulncheck SKIPPED: it could not be installed from the module proxy:"
		sed 's/^/  /' "$tmp/install.log"
		return 0
	fi
	db="$($GO env GOCACHE)/sellermail-vulndb/$VULNDB_VERSION"
	if [ ! -f "$db/index/db.json" ]; then
		# Outside the module, so that go.mod and go.sum stay as they are.
		(cd "$tmp" && $GO mod download -json golang.org/x/vulndb@$VULNDB_VERSION) >"$tmp/dl.json" 2>&1 || true
		src=$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p' "$tmp/dl.json")
		if [ -z "$src" ] || [ ! -d "$src/data/osv" ]; then
			echo "govulncheck SKIPPED: the vulnerability data could not be fetched from the module proxy:"
			sed 's/^/  /' "$tmp/dl.json"
			return 0
		fi
		rm -rf "$db.new"
		if ! (cd "$tmp" && $GO run $INDEXDB -vulns "$src/data/osv" -out "$db.new") >"$tmp/idx.err" 2>&1; then
			echo "govulncheck SKIPPED: indexing the vulnerability data failed:"
			sed 's/^/  /' "$tmp/idx.err"
			return 0
		fi
		rm -rf "$db" && mv "$db.new" "$db"
	fi
	rc=0
	"$tmp/bin/govulncheck" -db "file://$db" ./... >"$tmp/vuln" 2>&1 || rc=$?
	case $rc in
	0 | 3)
		# The vulnerabilities the code reaches, one ID a line.
		sed -n 's/^Vulnerability #[0-9]*: \(GO-[0-9-]*\).*/\1/p' "$tmp/vuln" | sort >"$tmp/ids"
		report "$tmp/ids" .ci/vuln-exceptions govulncheck
		case " $failed " in *" govulncheck "*) cat "$tmp/vuln" ;; esac
		;;
	*) echo "govulncheck SKIPPED: it could not run (exit $rc):"; sed 's/^/  /' "$tmp/vuln" ;;
	esac
}

for g in ${@:-format staticcheck cyclo vuln}; do
	case $g in
	format | staticcheck | cyclo | vuln) "gate_$g" ;;
	*) echo "gates: unknown gate $g" >&2; exit 2 ;;
	esac
done
if [ -n "$failed" ]; then
	echo "gates failed:$failed" >&2
	exit 1
fi
echo "gates passed"
