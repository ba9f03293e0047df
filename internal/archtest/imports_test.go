package archtest

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// rule forbids the packages matching pkgs (less except) to depend on what
// deny matches, less allow. A direct rule looks at the packages' own
// imports, any other at all their dependencies. Patterns are import
// paths; "p/..." matches p and everything below it.
type rule struct {
	why    string
	pkgs   []string
	except []string
	direct bool
	deny   []string
	allow  []string
}

var rules = []rule{
	{why: "policy imports nothing of ours",
		pkgs: []string{"sellermail/policy/..."}, deny: []string{"sellermail/..."}, allow: []string{"sellermail/policy/..."}},
	{why: "spapi and its sandbox import nothing of ours",
		pkgs: []string{"sellermail/spapi/..."}, deny: []string{"sellermail/..."}, allow: []string{"sellermail/spapi/..."}},
	{why: "assets import nothing of ours",
		pkgs: []string{"sellermail/assets/..."}, deny: []string{"sellermail/..."}, allow: []string{"sellermail/assets/..."}},
	{why: "ui reaches the network, the keyring and the database only through app", direct: true,
		pkgs: []string{"sellermail/ui/..."},
		deny: []string{"net", "net/http/...", "net/rpc/...", "net/smtp", "net/mail", "crypto/tls", "database/sql/...",
			"modernc.org/sqlite/...", "github.com/zalando/go-keyring/...", "github.com/godbus/dbus/...", "sellermail/spapi/..."}},
	{why: "only cmd/sellermail imports Fyne's app driver", direct: true,
		pkgs: []string{"sellermail/..."}, except: []string{"sellermail/cmd/sellermail"}, deny: []string{"fyne.io/fyne/v2/app"}},
	{why: "app, policy, spapi and the command line build without Fyne, cgo or a display",
		pkgs: []string{"sellermail/app/...", "sellermail/policy/...", "sellermail/spapi/...", "sellermail/cmd/internal/cli"},
		deny: []string{"fyne.io/..."}},
	{why: "dependencies point one way: nothing below ui imports ui or a command",
		pkgs: []string{"sellermail/app/...", "sellermail/policy/...", "sellermail/spapi/...", "sellermail/assets/..."},
		deny: []string{"sellermail/ui/...", "sellermail/cmd/..."}},
	{why: "the command line reaches Amazon facts through app", direct: true,
		pkgs: []string{"sellermail/cmd/internal/cli"}, deny: []string{"sellermail/spapi", "sellermail/ui/..."}},
}

// pkg is one package of the graph: its direct imports and all its dependencies.
type pkg struct {
	path          string
	imports, deps []string
}

func match(pattern, path string) bool {
	if p, ok := strings.CutSuffix(pattern, "/..."); ok {
		return path == p || strings.HasPrefix(path, p+"/")
	}
	return path == pattern
}

func matchAny(patterns []string, path string) bool {
	return slices.ContainsFunc(patterns, func(p string) bool { return match(p, path) })
}

// violations lists every dependency in pkgs that a rule forbids.
func violations(pkgs []pkg, rules []rule) []string {
	var out []string
	for _, r := range rules {
		for _, p := range pkgs {
			if !matchAny(r.pkgs, p.path) || matchAny(r.except, p.path) {
				continue
			}
			deps := p.deps
			if r.direct {
				deps = p.imports
			}
			for _, d := range deps {
				if matchAny(r.deny, d) && !matchAny(r.allow, d) {
					out = append(out, fmt.Sprintf("%s imports %s, but %s", p.path, d, r.why))
				}
			}
		}
	}
	return out
}

// listPackages is the module's dependency graph as go list -deps reports it.
func listPackages(t *testing.T) []pkg {
	t.Helper()
	watchSources(t)
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}\t{{join .Imports \" \"}}\t{{join .Deps \" \"}}", "sellermail/...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	var pkgs []pkg
	for line := range strings.Lines(string(out)) {
		f := strings.Split(strings.TrimSuffix(line, "\n"), "\t")
		if len(f) != 3 {
			t.Fatalf("go list printed %q", line)
		}
		if strings.HasPrefix(f[0], "sellermail/") {
			pkgs = append(pkgs, pkg{path: f[0], imports: strings.Fields(f[1]), deps: strings.Fields(f[2])})
		}
	}
	return pkgs
}

// watchSources looks at every directory and Go file of the module, so that
// go test's cache, which cannot see what go list read, reruns this test
// whenever an import may have changed.
func watchSources(t *testing.T) {
	t.Helper()
	root := filepath.Join("..", "..")
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root: %v", err)
	}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata"):
			return filepath.SkipDir
		case !d.IsDir() && strings.HasSuffix(path, ".go"):
			_, err = os.Stat(path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestImportRules: the module keeps the rules of ARCHITECTURE.md.
func TestImportRules(t *testing.T) {
	pkgs := listPackages(t)
	for _, want := range []string{"sellermail/policy", "sellermail/spapi", "sellermail/ui", "sellermail/app", "sellermail/cmd/sellermail", "sellermail/cmd/internal/cli"} {
		if !slices.ContainsFunc(pkgs, func(p pkg) bool { return p.path == want }) {
			t.Fatalf("go list does not report %s; the rules would check nothing", want)
		}
	}
	for _, v := range violations(pkgs, rules) {
		t.Error(v)
	}
}

// TestRulesCatchViolations: every rule reports the import it forbids, in a
// made-up graph that breaks each one, and lets the allowed ones pass.
func TestRulesCatchViolations(t *testing.T) {
	bad := []pkg{
		{path: "sellermail/policy/eval", deps: []string{"sellermail/policy", "sellermail/app/store"}},
		{path: "sellermail/spapi/sandbox", deps: []string{"sellermail/spapi", "sellermail/policy"}},
		{path: "sellermail/assets", deps: []string{"sellermail/assets/templates", "sellermail/app"}},
		{path: "sellermail/ui", imports: []string{"net/url", "net/http", "sellermail/app", "fyne.io/fyne/v2/app"}},
		{path: "sellermail/app", deps: []string{"sellermail/app/store", "fyne.io/fyne/v2", "sellermail/ui"}},
		{path: "sellermail/cmd/internal/cli", imports: []string{"sellermail/app", "sellermail/spapi", "sellermail/spapi/sandbox"}},
		{path: "sellermail/cmd/sellermail", imports: []string{"fyne.io/fyne/v2/app"}},
	}
	want := []string{
		"sellermail/policy/eval imports sellermail/app/store, but policy imports nothing of ours",
		"sellermail/spapi/sandbox imports sellermail/policy, but spapi and its sandbox import nothing of ours",
		"sellermail/assets imports sellermail/app, but assets import nothing of ours",
		"sellermail/ui imports net/http, but ui reaches the network, the keyring and the database only through app",
		"sellermail/ui imports fyne.io/fyne/v2/app, but only cmd/sellermail imports Fyne's app driver",
		"sellermail/app imports fyne.io/fyne/v2, but app, policy, spapi and the command line build without Fyne, cgo or a display",
		"sellermail/app imports sellermail/ui, but dependencies point one way: nothing below ui imports ui or a command",
		"sellermail/cmd/internal/cli imports sellermail/spapi, but the command line reaches Amazon facts through app",
	}
	got := violations(bad, rules)
	if !slices.Equal(got, want) {
		t.Errorf("violations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
