package secrets

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/zalando/go-keyring"
)

// Error kinds; match them with errors.Is.
var (
	// ErrNotFound: no credentials are stored for the profile.
	ErrNotFound = errors.New("no credentials stored")
	// ErrLocked: the keyring is locked or did not answer in time.
	ErrLocked = errors.New("keyring locked or not answering")
	// ErrUnavailable: there is no usable keyring service.
	ErrUnavailable = errors.New("no keyring service")
	// ErrCorrupt: the keyring entry is not in Sellermail's format.
	ErrCorrupt = errors.New("keyring entry not in Sellermail's format")
	// ErrTooBig: the platform keyring refused the entry's size.
	ErrTooBig = errors.New("credentials too big for the keyring")
)

// Error is a failed keyring operation. Its text is meant for the seller and
// never contains a secret.
type Error struct {
	Op      string // "load", "save", "delete"
	Profile string
	Kind    error         // one of the Err* values above
	Timeout time.Duration // set when the keyring did not answer in time
	detail  string        // the keyring's own message, secrets removed
}

func (e *Error) Error() string {
	var msg string
	switch {
	case e.Kind == ErrLocked && e.Timeout > 0:
		msg = fmt.Sprintf("the keyring did not answer within %g s; it may be locked: unlock it and try again", e.Timeout.Seconds())
	case e.Kind == ErrLocked:
		msg = "the keyring is locked: unlock it and try again"
	case e.Kind == ErrUnavailable:
		msg = "no keyring service: install/start gnome-keyring or KeePassXC with Secret Service; meanwhile Sellermail runs in demo mode"
	case e.Kind == ErrNotFound:
		msg = "no credentials are stored for this profile"
	case e.Kind == ErrCorrupt:
		msg = "the keyring entry is not in Sellermail's format; enter the credentials again"
	case e.Kind == ErrTooBig:
		msg = "the credentials are too big for this system's keyring"
	default:
		msg = e.Kind.Error()
	}
	if e.detail != "" {
		msg += " (" + e.detail + ")"
	}
	return fmt.Sprintf("secrets: %s profile %q: %s", e.Op, e.Profile, msg)
}

// Unwrap returns the error kind, for errors.Is.
func (e *Error) Unwrap() error { return e.Kind }

// classify maps a backend error to an *Error. secrets holds values that must
// not appear in the message (the ones being saved, if any).
func classify(op, profile string, err error, secrets ...string) *Error {
	e := &Error{Op: op, Profile: profile}
	msg := err.Error()
	lower := strings.ToLower(msg)
	switch {
	case errors.Is(err, ErrNotFound), errors.Is(err, keyring.ErrNotFound):
		e.Kind = ErrNotFound
		return e
	case errors.Is(err, ErrLocked):
		e.Kind = ErrLocked
	case errors.Is(err, keyring.ErrSetDataTooBig), errors.Is(err, ErrTooBig):
		e.Kind = ErrTooBig
	// go-keyring reports a dismissed unlock prompt as "failed to unlock".
	case strings.Contains(lower, "unlock") || strings.Contains(lower, "locked") || strings.Contains(lower, "dismissed"):
		e.Kind = ErrLocked
	default:
		// Unsupported platform, no D-Bus session, nothing owning
		// org.freedesktop.secrets, no login collection: all mean the
		// keyring cannot be used.
		e.Kind = ErrUnavailable
	}
	e.detail = scrub(msg, secrets...)
	return e
}

// scrub removes every non-empty secret from msg.
func scrub(msg string, secrets ...string) string {
	for _, s := range secrets {
		if s != "" {
			msg = strings.ReplaceAll(msg, s, "<redacted>")
		}
	}
	return msg
}
