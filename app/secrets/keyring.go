package secrets

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/zalando/go-keyring"
)

// Service is the keyring service name Sellermail's entries are filed under;
// the user name of each entry is the profile name.
const Service = "sellermail"

// DefaultTimeout is how long a keyring call may take before it is reported
// as ErrLocked.
const DefaultTimeout = 5 * time.Second

// Backend is a keyring with go-keyring's calls. OSKeyring is the real one;
// tests substitute their own.
type Backend interface {
	Set(service, user, password string) error
	Get(service, user string) (string, error)
	Delete(service, user string) error
}

// OSKeyring is the operating system's keyring, through go-keyring.
type OSKeyring struct{}

// Set stores password.
func (OSKeyring) Set(service, user, password string) error {
	return keyring.Set(service, user, password)
}

// Get returns the stored password.
func (OSKeyring) Get(service, user string) (string, error) { return keyring.Get(service, user) }

// Delete removes the entry.
func (OSKeyring) Delete(service, user string) error { return keyring.Delete(service, user) }

// Store loads and saves credentials per profile. It is safe for concurrent
// use.
type Store struct {
	backend Backend
	timeout time.Duration
}

// New returns a Store using the OS keyring and DefaultTimeout.
func New() *Store { return NewWithBackend(OSKeyring{}, DefaultTimeout) }

// NewWithBackend returns a Store using b; timeout <= 0 means DefaultTimeout.
func NewWithBackend(b Backend, timeout time.Duration) *Store {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return &Store{backend: b, timeout: timeout}
}

// Load returns the credentials saved for profile. Errors wrap ErrNotFound,
// ErrLocked, ErrUnavailable or ErrCorrupt, or are the context's error.
func (s *Store) Load(ctx context.Context, profile string) (Credentials, error) {
	if err := checkProfile("load", profile); err != nil {
		return Credentials{}, err
	}
	var raw string
	err := s.call(ctx, "load", profile, nil, func() (err error) {
		raw, err = s.backend.Get(Service, profile)
		return err
	})
	if err != nil {
		return Credentials{}, err
	}
	c, err := decode(raw)
	if err != nil {
		return Credentials{}, &Error{Op: "load", Profile: profile, Kind: ErrCorrupt}
	}
	return c, nil
}

// Save validates c and stores it for profile, replacing what was there.
// Invalid credentials are refused with the Validate error and not stored.
// If Save times out, the keyring may still complete the write later.
func (s *Store) Save(ctx context.Context, profile string, c Credentials) error {
	if err := checkProfile("save", profile); err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return fmt.Errorf("secrets: save profile %q: %w", profile, err)
	}
	return s.call(ctx, "save", profile, []string{c.ClientID, c.ClientSecret, c.RefreshToken}, func() error {
		return s.backend.Set(Service, profile, encode(c))
	})
}

// Delete removes the credentials of profile. Deleting credentials that are
// not there is not an error.
func (s *Store) Delete(ctx context.Context, profile string) error {
	if err := checkProfile("delete", profile); err != nil {
		return err
	}
	err := s.call(ctx, "delete", profile, nil, func() error { return s.backend.Delete(Service, profile) })
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

// Has reports whether credentials are saved for profile.
func (s *Store) Has(ctx context.Context, profile string) (bool, error) {
	_, err := s.Load(ctx, profile)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, ErrNotFound):
		return false, nil
	}
	return false, err
}

// call runs fn, which may block forever inside the keyring, on its own
// goroutine and gives up after s.timeout or when ctx ends. A goroutine that
// is stuck in the keyring stays stuck until the keyring answers.
func (s *Store) call(ctx context.Context, op, profile string, secrets []string, fn func() error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("secrets: %s profile %q: %w", op, profile, err)
	}
	done := make(chan error, 1)
	go func() { done <- fn() }()
	timer := time.NewTimer(s.timeout)
	defer timer.Stop()
	select {
	case err := <-done:
		if err != nil {
			return classify(op, profile, err, secrets...)
		}
		return nil
	case <-timer.C:
		return &Error{Op: op, Profile: profile, Kind: ErrLocked, Timeout: s.timeout}
	case <-ctx.Done():
		return fmt.Errorf("secrets: %s profile %q: %w", op, profile, ctx.Err())
	}
}

// checkProfile keeps profile names short and printable; they are shown in
// the keyring's own UI.
func checkProfile(op, profile string) error {
	bad := ""
	switch {
	case profile == "":
		bad = "is empty"
	case len(profile) > 64:
		bad = "is longer than 64 bytes"
	case !utf8.ValidString(profile):
		bad = "is not valid UTF-8"
	case strings.IndexFunc(profile, unicode.IsControl) >= 0:
		bad = "contains control characters"
	}
	if bad != "" {
		return fmt.Errorf("secrets: %s: profile name %s: %w", op, bad, ErrInvalid)
	}
	return nil
}
