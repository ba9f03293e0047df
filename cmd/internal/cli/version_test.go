package cli

import (
	"bytes"
	"context"
	"testing"
)

// TestVersionFlag: --version and the version command print the version and
// the commit of a release build, and exit 0.
func TestVersionFlag(t *testing.T) {
	oldV, oldC := Version, Commit
	Version, Commit = "v0.1.0-3-gabc", "abc123def456"
	t.Cleanup(func() { Version, Commit = oldV, oldC })
	for _, args := range [][]string{{"--version"}, {"-version"}, {"version"}} {
		var out, errOut bytes.Buffer
		code := Main(context.Background(), args, IO{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}, nil)
		if want := "sellermail v0.1.0-3-gabc (commit abc123def456)\n"; code != 0 || out.String() != want {
			t.Errorf("%v: exit %d, output %q (stderr %q), want 0 and %q", args, code, out.String(), errOut.String(), want)
		}
	}
}
