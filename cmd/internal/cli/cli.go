// Package cli is the sellermail command line: lint, sync, send, history and
// the rest of the core, for scripting. The window is opened by the caller
// (cmd/sellermail), so this package stays free of the GUI driver and its
// tests run headless.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Exit statuses shared by every command.
const (
	exitOK       = 0
	exitFindings = 1 // lint found something at risk or block; a send was refused
	exitUsage    = 2 // bad usage or unreadable input
)

// IO is where a command reads and writes.
type IO struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Getenv reads the environment; os.Getenv when nil.
	Getenv func(string) string
}

func (s IO) getenv(k string) string {
	if s.Getenv == nil {
		return os.Getenv(k)
	}
	return s.Getenv(k)
}

// Global holds the options every command takes, before or after its name.
type Global struct {
	Demo    bool
	DataDir string
	UILang  string
}

// WindowFunc opens the desktop window; it returns when the window closes.
type WindowFunc func(g Global) error

// usageError is reported with exit status 2 and a hint to run help.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) int
}

// env is what a running command has at hand.
type env struct {
	IO
	Global
	prog string
}

func (e *env) errorf(format string, a ...any) {
	fmt.Fprintf(e.Stderr, "%s: %s\n", e.prog, fmt.Sprintf(format, a...))
}

// fail prints err and returns the matching exit status.
func (e *env) fail(err error) int {
	e.errorf("%v", err)
	var u usageError
	if errors.As(err, &u) {
		return exitUsage
	}
	return exitFindings
}

func commands() []command {
	return []command{
		{"login", "store your Amazon credentials in the keyring after testing them", runLogin},
		{"logout", "remove your Amazon credentials from the keyring", runLogout},
		{"sync", "fetch the orders changed since the last sync", runSync},
		{"orders", "list the stored orders", runOrders},
		{"actions", "show what Amazon allows for one order now", runActions},
		{"send", "check a message and send it to an order's buyer", runSend},
		{"request-review", "ask Amazon to request a review, for one order or all eligible", runRequestReview},
		{"history", "list, search or export the messages sent, or the review requests (--reviews)", runHistory},
		{"lint", "check message texts against Amazon's messaging rules", runLint},
		{"templates", "list the message templates, or show one rendered", runTemplates},
		{"sandbox", "run the local SP-API sandbox server", runSandbox},
		{"version", "print the version", runVersion},
	}
}

// Version is set at build time with -ldflags "-X sellermail/cmd/internal/cli.Version=…".
var Version = "0.1.0-dev"

// Main runs the command line and returns the exit status. With no command it
// opens the window through openWindow.
func Main(ctx context.Context, args []string, stdio IO, openWindow WindowFunc) int {
	e := &env{IO: stdio, prog: "sellermail"}
	rest, err := parseGlobal(&e.Global, args, e.getenv)
	if err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	if len(rest) == 0 {
		if openWindow == nil {
			e.errorf("no command given; run 'sellermail help'")
			return exitUsage
		}
		if err := openWindow(e.Global); err != nil {
			e.errorf("%v", err)
			return exitFindings
		}
		return exitOK
	}
	name := rest[0]
	switch name {
	case "help", "-h", "-help", "--help":
		printUsage(e.Stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, e, rest[1:])
		}
	}
	e.errorf("unknown command %q; run 'sellermail help'", name)
	return exitUsage
}

// parseGlobal takes the global options out of args wherever they stand and
// returns the rest in order. A "--" ends option parsing.
func parseGlobal(g *Global, args []string, getenv func(string) string) ([]string, error) {
	g.DataDir = getenv("SELLERMAIL_DATA_DIR")
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") {
			rest = append(rest, a)
			continue
		}
		switch name {
		case "demo":
			g.Demo = !hasVal || val == "true" || val == "1"
		case "data-dir", "ui-lang":
			if !hasVal {
				if i+1 >= len(args) {
					return nil, fmt.Errorf("--%s needs a value", name)
				}
				i++
				val = args[i]
			}
			if name == "data-dir" {
				g.DataDir = val
			} else {
				g.UILang = val
			}
		default:
			rest = append(rest, a)
		}
	}
	return rest, nil
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, `Sellermail writes messages to Amazon buyers that help the buyer and keep your account safe.

Usage:
  sellermail [--demo] [--data-dir DIR]        open the window
  sellermail COMMAND [options] [--demo] [--data-dir DIR] [--ui-lang de|en]

  --demo      use the built-in demo shop; nothing goes to Amazon
  --data-dir  keep the database in DIR (default: SELLERMAIL_DATA_DIR, else the user config directory)
  --ui-lang   the language of messages and explanations (default: the system language)

Commands:`)
	cs := commands()
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-16s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, `
Run 'sellermail COMMAND -h' for a command's options.`)
}

// newFlags returns a flag set that reports errors as usage errors.
func newFlags(e *env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.Stderr, "usage: sellermail %s %s\n", name, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args allowing flags after positional arguments, as
// "sellermail lint msg.txt --kind reply" reads naturally.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func runVersion(_ context.Context, e *env, _ []string) int {
	fmt.Fprintf(e.Stdout, "sellermail %s\n", Version)
	return exitOK
}
