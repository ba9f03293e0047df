// Package fynenoise keeps one known, harmless complaint of Fyne off stderr.
// Under LANG=C.UTF-8 or POSIX.UTF-8 (CI, containers) Fyne's lang package
// logs, while the program starts and before main runs, that it cannot parse
// the locale "C": three lines on the standard logger that every command
// would print. Importing this package puts a filter in front of the
// standard logger that drops exactly those three lines and passes every
// other line unchanged, so real errors still reach stderr.
//
// The filter must be in place before Fyne's lang package initialises. It
// is, because this package imports only the standard library: Go
// initialises, among the packages whose imports are ready, the first by
// import path, and this package is ready long before lang. cmd/sellermail's
// tests run the binary under a C locale and fail if that ever changes.
package fynenoise

import (
	"io"
	"log"
	"os"
	"strings"
	"sync"
)

func init() { log.SetOutput(New(os.Stderr)) }

// Filter is an io.Writer for the standard logger that drops Fyne's
// complaint about a C or POSIX locale and passes everything else to W.
type Filter struct {
	mu       sync.Mutex
	w        io.Writer
	dropping bool // inside the three lines of one complaint
}

// New returns a Filter writing to w.
func New(w io.Writer) *Filter { return &Filter{w: w} }

// The log lines of fyne.LogError("Error parsing user locale C", err): the
// reason, then "  Cause: …" and "  At: …/lang/locale.go:N".
const (
	complaint = "Fyne error:  Error parsing user locale "
	cause     = "  Cause: language: "
	at        = "/lang/locale.go:"
)

// Write takes one log line (the standard logger writes each entry whole).
func (f *Filter) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	line := strings.TrimSuffix(string(p), "\n")
	if _, loc, ok := strings.Cut(line, complaint); ok && (loc == "C" || loc == "POSIX") {
		f.dropping = true
		return len(p), nil
	}
	if f.dropping {
		switch {
		case strings.Contains(line, cause):
			return len(p), nil
		case strings.Contains(line, "  At: ") && strings.HasSuffix(trimLineNumber(line), at):
			f.dropping = false
			return len(p), nil
		}
		f.dropping = false
	}
	return f.w.Write(p)
}

// trimLineNumber cuts the digits after the last colon of line.
func trimLineNumber(line string) string {
	i := strings.LastIndexByte(line, ':')
	if i < 0 || strings.Trim(line[i+1:], "0123456789") != "" {
		return line
	}
	return line[:i+1]
}
