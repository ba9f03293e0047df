package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestCommandsQuietUnderCLocale: under the C locales of CI and containers a
// command prints its own output and nothing from the GUI toolkit, while
// real errors still reach stderr.
func TestCommandsQuietUnderCLocale(t *testing.T) {
	bin := buildBinary(t)
	run := func(env []string, stdin string, args ...string) (code int, stdout, stderr string) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "SELLERMAIL_DATA_DIR=" + t.TempDir()}, env...)
		cmd.Stdin = strings.NewReader(stdin)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, out.String(), errOut.String()
	}
	for _, env := range [][]string{{"LANG=C"}, {"LANG=C.UTF-8"}, {"LC_ALL=C.UTF-8"}, {"LANG=POSIX.UTF-8"}, {"LANG=en_US.UTF-8", "LC_MESSAGES=C.utf8"}} {
		for _, args := range [][]string{{"version"}, {"templates"}, {"lint", "--rules"}} {
			code, out, errOut := run(env, "Guten Tag, Ihr Paket ist unterwegs.", args...)
			if code != 0 || errOut != "" || out == "" {
				t.Errorf("%s sellermail %s: exit %d, stderr %q, stdout %d bytes; want 0, nothing on stderr, output",
					strings.Join(env, " "), strings.Join(args, " "), code, errOut, len(out))
			}
		}
		// A real error is still said.
		code, _, errOut := run(env, "", "lint", "--kind", "postcard", "-")
		if code != 2 || !strings.Contains(errOut, "postcard") || strings.Contains(errOut, "Fyne") {
			t.Errorf("%s sellermail lint --kind postcard: exit %d, stderr %q; want 2 and the error alone", strings.Join(env, " "), code, errOut)
		}
	}
}
