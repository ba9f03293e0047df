package secrets

import (
	"context"
	"errors"
	"fmt"
)

// mailUser is the keyring entry of a profile's mailbox password, filed
// beside the profile's LWA credentials under the same service.
func mailUser(profile string) string { return profile + "/mail" }

// SaveMailPassword stores the password (or app password) of profile's
// mailbox, replacing what was there.
func (s *Store) SaveMailPassword(ctx context.Context, profile, password string) error {
	if err := checkProfile("save mail password", profile); err != nil {
		return err
	}
	if password == "" {
		return fmt.Errorf("secrets: save mail password of %q: the password is empty: %w", profile, ErrInvalid)
	}
	return s.call(ctx, "save mail password", profile, []string{password}, func() error {
		return s.backend.Set(Service, mailUser(profile), password)
	})
}

// LoadMailPassword returns the mailbox password of profile. Errors wrap
// ErrNotFound, ErrLocked or ErrUnavailable, or are the context's error.
func (s *Store) LoadMailPassword(ctx context.Context, profile string) (string, error) {
	if err := checkProfile("load mail password", profile); err != nil {
		return "", err
	}
	var pw string
	err := s.call(ctx, "load mail password", profile, nil, func() (err error) {
		pw, err = s.backend.Get(Service, mailUser(profile))
		return err
	})
	return pw, err
}

// DeleteMailPassword removes the mailbox password of profile; one that is
// not there is not an error.
func (s *Store) DeleteMailPassword(ctx context.Context, profile string) error {
	if err := checkProfile("delete mail password", profile); err != nil {
		return err
	}
	err := s.call(ctx, "delete mail password", profile, nil, func() error { return s.backend.Delete(Service, mailUser(profile)) })
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}
