package fynenoise

import (
	"bytes"
	"errors"
	"log"
	"testing"
)

// TestFilterDropsOnlyTheLocaleComplaint feeds the filter what fyne.LogError
// writes, through a real logger with the default flags.
func TestFilterDropsOnlyTheLocaleComplaint(t *testing.T) {
	var out bytes.Buffer
	l := log.New(New(&out), "", log.LstdFlags)
	logError := func(reason string, err error, where string) { // the shape of fyne.LogError
		l.Println("Fyne error: ", reason)
		l.Println("  Cause:", err)
		l.Printf("  At: %s", where)
	}
	parse := errors.New("language: tag is not well-formed")

	logError("Error parsing user locale C", parse, "/root/go/pkg/mod/fyne.io/fyne/v2@v2.7.1/lang/locale.go:35")
	logError("Error parsing user locale POSIX", parse, "/root/go/pkg/mod/fyne.io/fyne/v2@v2.7.1/lang/locale.go:23")
	if out.Len() != 0 {
		t.Fatalf("the C locale complaint got through:\n%s", out.String())
	}

	// A broken locale the seller set, another Fyne error and a plain log
	// line are real and pass whole.
	logError("Error parsing user locale xx-!!", parse, "/root/go/pkg/mod/fyne.io/fyne/v2@v2.7.1/lang/locale.go:35")
	logError("Failed to load user locales", errors.New("no locale"), "/x/lang/lang.go:204")
	l.Println("sqlite: disk I/O error")
	want := []string{"Error parsing user locale xx-!!", "Failed to load user locales", "Cause: no locale", "lang/lang.go:204", "sqlite: disk I/O error"}
	for _, w := range want {
		if !bytes.Contains(out.Bytes(), []byte(w)) {
			t.Errorf("%q was dropped; got:\n%s", w, out.String())
		}
	}
	if n := bytes.Count(out.Bytes(), []byte("\n")); n != 7 {
		t.Errorf("%d lines passed, want 7:\n%s", n, out.String())
	}
}

// TestFilterStopsDroppingAfterTheComplaint: a "Cause:" line that does not
// follow the complaint is someone else's and passes.
func TestFilterStopsDroppingAfterTheComplaint(t *testing.T) {
	var out bytes.Buffer
	f := New(&out)
	for _, line := range []string{
		"Fyne error:  Error parsing user locale C\n",
		"  Cause: language: tag is not well-formed\n",
		"unrelated line\n",
		"  Cause: language: something else\n",
	} {
		if _, err := f.Write([]byte(line)); err != nil {
			t.Fatal(err)
		}
	}
	if want := "unrelated line\n  Cause: language: something else\n"; out.String() != want {
		t.Errorf("passed %q, want %q", out.String(), want)
	}
}
