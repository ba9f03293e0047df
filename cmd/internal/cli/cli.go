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
	"time"

	"sellermail/app"
	"sellermail/app/i18n"
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

// opener opens the service from its options: app.Open, or in the tests
// app.Open after giving the options an in-memory keyring and fast clocks.
type opener func(ctx context.Context, o app.Options) (*app.Service, error)

// A command is its name, a line of help, and its run: a pure parser of
// its arguments and a run function bound together with bind.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// bind joins a command's parser and run function: the arguments are
// parsed, and checked, before anything is opened or read.
func bind[O any](parse func(args []string) (O, error), run func(context.Context, *env, O) error) func(context.Context, *env, []string) error {
	return func(ctx context.Context, e *env, args []string) error {
		o, err := parse(args)
		if err != nil {
			return err
		}
		return run(ctx, e, o)
	}
}

// env is what a run function has at hand: where to read and write, the
// global options, the seller's language and how to open the service.
type env struct {
	IO
	Global
	lang i18n.Lang
	open opener
}

func (e *env) errorf(format string, a ...any) {
	fmt.Fprintf(e.Stderr, "sellermail: %s\n", fmt.Sprintf(format, a...))
}

// printed prints err as it is (not a seller's error, such as a port in
// use) and returns it marked as printed: exit status 1.
func (e *env) printed(err error) error {
	e.errorf("%v", err)
	return reported{errRefused}
}

// report prints err in the seller's language and returns it marked as
// printed, so a command can add a hint after the explanation.
func (e *env) report(err error) error {
	e.errorf("%s", app.Explain(err, e.lang))
	if d := app.Detail(err); d != "" {
		e.errorf("%s", i18n.T(e.lang, "cli.detail", map[string]any{"Detail": d}))
	}
	return reported{err}
}

// finish prints what err says, unless printed already, and returns the exit status.
func (e *env) finish(err error) int {
	var u usageError
	var r reported
	switch {
	case err == nil:
	case errors.As(err, &u):
		if u.msg != "" {
			e.errorf("%s", u.msg)
		}
		fmt.Fprint(e.Stderr, u.usage)
	case errors.As(err, &r), errors.Is(err, errFindings), errors.Is(err, errRefused):
	case errors.Is(err, errBadInput):
		e.errorf("%v", err)
	default:
		e.report(err)
	}
	return exitStatus(err)
}

func commands() []command {
	return []command{
		{"login", "store your Amazon credentials in the keyring after testing them", bind(parseLogin, runLogin)},
		{"logout", "remove your Amazon credentials from the keyring", bind(parseLogout, runLogout)},
		{"sync", "fetch the orders changed since the last sync", bind(parseSync, runSync)},
		{"orders", "list the stored orders", bind(func(args []string) (ordersOpts, error) { return parseOrders(args, time.Now()) }, runOrders)},
		{"actions", "show what Amazon allows for one order now", bind(parseActions, runActions)},
		{"send", "check a message and send it to an order's buyer", bind(parseSend, runSend)},
		{"request-review", "ask Amazon to request a review, for one order or all eligible", bind(parseRequestReview, runRequestReview)},
		{"mail", "set up the mailbox, fetch buyers' messages, list them, reply by mail", bind(parseMail, runMail)},
		{"history", "list, search or export the messages sent, or the review requests (--reviews)", bind(parseHistory, runHistory)},
		{"lint", "check message texts against Amazon's messaging rules", bind(parseLint, runLint)},
		{"templates", "list the message templates, or show one rendered", runTemplates},
		{"sandbox", "run the local SP-API sandbox server", bind(parseSandbox, runSandbox)},
		{"version", "print the version", bind(parseNone("version"), runVersion)},
	}
}

// Version is set at build time with -ldflags "-X sellermail/cmd/internal/cli.Version=…".
var Version = "0.1.0-dev"

// Commit is the source revision of the build, set like Version; "" when unknown.
var Commit = ""

// Main runs the command line and returns the exit status. With no command it
// opens the window through openWindow.
func Main(ctx context.Context, args []string, stdio IO, openWindow WindowFunc) int {
	return run(ctx, args, stdio, openWindow, app.Open)
}

// run is Main with the service's opener passed in.
func run(ctx context.Context, args []string, stdio IO, openWindow WindowFunc, open opener) int {
	e := &env{IO: stdio, open: open}
	rest, err := parseGlobal(&e.Global, args, e.getenv)
	e.lang = uiLang(e.UILang, e.getenv)
	if err != nil {
		return e.finish(usagef("%v", err))
	}
	if len(rest) == 0 {
		if openWindow == nil {
			return e.finish(usagef("no command given; run 'sellermail help'"))
		}
		if err := openWindow(e.Global); err != nil {
			return e.finish(e.printed(err))
		}
		return e.finish(nil)
	}
	name := rest[0]
	switch name {
	case "help", "-h", "-help", "--help":
		printUsage(e.Stdout)
		return e.finish(nil)
	case "-version", "--version":
		return e.finish(runVersion(ctx, e, struct{}{}))
	}
	for _, c := range commands() {
		if c.name == name {
			return e.finish(c.run(ctx, e, rest[1:]))
		}
	}
	return e.finish(usagef("unknown command %q; run 'sellermail help'", name))
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

// newFlags returns a flag set that prints nothing: parseFlags turns its
// errors, and -h, into a usageError carrying the usage.
func newFlags(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name+" "+usage, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// usageOf is the usage line and the options of fs.
func usageOf(fs *flag.FlagSet) string {
	var b strings.Builder
	fmt.Fprintf(&b, "usage: sellermail %s\n", fs.Name())
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	return b.String()
}

// parseFlags parses args allowing flags after positional arguments, as
// "sellermail lint msg.txt --kind reply" reads naturally.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			msg := err.Error()
			if errors.Is(err, flag.ErrHelp) {
				msg = ""
			}
			return nil, usageError{msg: msg, usage: usageOf(fs)}
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

// parseNone returns the parser of a command that takes no arguments.
func parseNone(name string) func(args []string) (struct{}, error) {
	return func(args []string) (struct{}, error) {
		rest, err := parseFlags(newFlags(name, ""), args)
		if err == nil && len(rest) > 0 {
			err = usagef("%s: unexpected argument %q", name, rest[0])
		}
		return struct{}{}, err
	}
}

// VersionLine is the version with the commit, as --version and the About
// line show it.
func VersionLine() string {
	if Commit == "" {
		return Version
	}
	return Version + " (commit " + Commit + ")"
}

func runVersion(_ context.Context, e *env, _ struct{}) error {
	fmt.Fprintf(e.Stdout, "sellermail %s\n", VersionLine())
	return nil
}
