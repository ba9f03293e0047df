package cli

import (
	"errors"
	"fmt"

	"sellermail/app"
)

// Exit statuses shared by every command. exitStatus is the one place that
// turns what went wrong into one of them.
const (
	exitOK       = 0
	exitFindings = 1 // lint found something at risk or block; a send or request was refused or failed
	exitUsage    = 2 // bad usage or unreadable input; an unknown order
	// exitUnknown: Amazon may or may not have received a message or review
	// request (the connection broke after sending). Sending again could
	// reach the buyer twice, so scripts must not simply retry on this status.
	exitUnknown = 3
	// exitNoAmazon: Amazon could not be reached, or the seller is not logged
	// in. Nothing was done; trying again later (or after login) is safe.
	exitNoAmazon = 4
)

// Kinds of failure a run function returns besides the errors of app.
var (
	// errFindings: the output already lists findings at risk or block.
	errFindings = errors.New("findings at risk or block")
	// errRefused: the output already says why nothing was done.
	errRefused = errors.New("refused or failed")
)

// exitStatus maps an error a command returned to its exit status.
func exitStatus(err error) int {
	var u usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &u), errors.Is(err, errBadInput), errors.Is(err, app.ErrUnknownOrder), errors.Is(err, app.ErrAttachments):
		return exitUsage
	case errors.Is(err, app.ErrOutcomeUnknown):
		return exitUnknown
	case app.Unreachable(err), app.NotLoggedIn(err):
		return exitNoAmazon
	}
	return exitFindings
}

// usageError is bad usage: its message, then the command's usage if any.
type usageError struct {
	msg   string
	usage string // the command's usage and options; empty for a plain mistake
}

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{msg: fmt.Sprintf(format, a...)} }

// errBadInput marks input that cannot be read or used (a missing file,
// invalid UTF-8): exit status 2 like bad usage, without the usage.
var errBadInput = errors.New("bad input")

// inputError wraps err as bad input; its message is err's.
type inputError struct{ err error }

func (e inputError) Error() string { return e.err.Error() }

func (e inputError) Unwrap() []error { return []error{e.err, errBadInput} }

// reported is an error whose explanation the command has printed already;
// it only carries the kind for exitStatus.
type reported struct{ err error }

func (r reported) Error() string { return r.err.Error() }

func (r reported) Unwrap() error { return r.err }
