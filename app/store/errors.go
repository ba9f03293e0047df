package store

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

var (
	// ErrNotFound is returned when a requested row does not exist.
	ErrNotFound = errors.New("not found")
	// ErrNewerSchema is returned by Open for a database written by a newer
	// version of Sellermail.
	ErrNewerSchema = errors.New("database was written by a newer Sellermail")
	// ErrDiskFull is wrapped by errors caused by a full disk (SQLITE_FULL).
	ErrDiskFull = errors.New("disk full")
	// ErrReadOnly is wrapped by errors caused by a database that cannot be
	// written (SQLITE_READONLY).
	ErrReadOnly = errors.New("database is read-only")
	// ErrInvalidUTF8 is wrapped by errors for text that is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("text is not valid UTF-8")
	// ErrInvalidTransition is wrapped when an outbox message is moved to a
	// status its current status does not allow (for example sent -> sending).
	ErrInvalidTransition = errors.New("invalid status change")
	// ErrInvalid is wrapped by errors for values the store cannot keep, such
	// as an empty order ID or findings that are not JSON.
	ErrInvalid = errors.New("invalid value")
)

// wrap turns driver errors into errors a seller can act on. Disk-full and
// read-only failures name the file; every error names the operation.
func (s *Store) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_FULL:
			return fmt.Errorf("store: %s: the disk holding %s is full; free some space and try again: %w (%w)", op, s.path, ErrDiskFull, err)
		case sqlite3.SQLITE_READONLY:
			return fmt.Errorf("store: %s: %s cannot be written (read-only file, folder or disk); check its permissions: %w (%w)", op, s.path, ErrReadOnly, err)
		}
	}
	return fmt.Errorf("store: %s: %w", op, err)
}

// field is one named text value to validate.
type field struct{ name, value string }

// checkText rejects any field that is not valid UTF-8, naming it.
func checkText(where string, fields ...field) error {
	for _, f := range fields {
		if !utf8.ValidString(f.value) {
			return fmt.Errorf("%s: %s: %w", where, f.name, ErrInvalidUTF8)
		}
	}
	return nil
}

// required rejects empty values, naming them.
func required(where string, fields ...field) error {
	for _, f := range fields {
		if f.value == "" {
			return fmt.Errorf("%s: %s is empty: %w", where, f.name, ErrInvalid)
		}
	}
	return nil
}
