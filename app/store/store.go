package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// FileName is the database file's name inside the data directory.
const FileName = "sellermail.db"

// DataDirEnv overrides DefaultDir when set.
const DataDirEnv = "SELLERMAIL_DATA_DIR"

// Connection settings, applied to every pooled connection through the DSN
// (busy_timeout and foreign_keys are per connection). They are constants
// because the driver runs _pragma values verbatim as SQL.
const (
	pragmaBusyTimeout = "_pragma=busy_timeout(5000)"
	pragmaJournalWAL  = "_pragma=journal_mode(WAL)"
	pragmaForeignKeys = "_pragma=foreign_keys(1)"
	pragmaSyncFull    = "_pragma=synchronous(FULL)"
	pragmaQueryOnly   = "_pragma=query_only(1)"
	txLockImmediate   = "_txlock=immediate"
	readPoolSize      = 4
)

// Store is an open Sellermail database. It is safe for concurrent use.
type Store struct {
	path string
	w    *sql.DB // the only writer: one connection, BEGIN IMMEDIATE
	r    *sql.DB // read-only pool
}

// DefaultDir returns the directory Sellermail keeps its data in:
// $SELLERMAIL_DATA_DIR when set, otherwise os.UserConfigDir()/sellermail.
func DefaultDir() (string, error) {
	if d := os.Getenv(DataDirEnv); d != "" {
		return d, nil
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("store: cannot find the user config directory (set %s to choose one): %w", DataDirEnv, err)
	}
	return filepath.Join(base, "sellermail"), nil
}

// Open opens (creating if needed) the database file at path and brings its
// schema up to date. The file's directory must exist. A file written by a
// newer Sellermail is refused with an error wrapping ErrNewerSchema.
func Open(ctx context.Context, path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("store: database path %q: %w", path, err)
	}
	w, err := sql.Open("sqlite", dsn(abs, pragmaBusyTimeout, pragmaJournalWAL, pragmaForeignKeys, pragmaSyncFull, txLockImmediate))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", abs, err)
	}
	w.SetMaxOpenConns(1)
	s := &Store{path: abs, w: w}
	if err := migrate(ctx, w, abs, len(migrations)); err != nil {
		w.Close()
		return nil, s.wrap("open", err)
	}
	r, err := sql.Open("sqlite", dsn(abs, pragmaBusyTimeout, pragmaForeignKeys, pragmaQueryOnly))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", abs, err)
	}
	r.SetMaxOpenConns(readPoolSize)
	s.r = r
	return s, nil
}

// dsn builds a modernc.org/sqlite URI for an absolute path. Characters that
// SQLite's URI parser treats specially are percent-encoded.
func dsn(abs string, params ...string) string {
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(abs))
	if !strings.HasPrefix(esc, "/") {
		esc = "/" + esc // Windows drive paths: file:/C:/...
	}
	return "file:" + esc + "?" + strings.Join(params, "&")
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database. Pending writes have already been committed.
func (s *Store) Close() error {
	var rerr error
	if s.r != nil {
		rerr = s.r.Close()
	}
	if err := s.w.Close(); err != nil {
		return s.wrap("close", err)
	}
	return rerr
}

// IntegrityCheck runs PRAGMA integrity_check and returns an error unless the
// database reports "ok".
func (s *Store) IntegrityCheck(ctx context.Context) error {
	rows, err := s.r.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return s.wrap("integrity check", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return s.wrap("integrity check", err)
		}
		problems = append(problems, line)
	}
	if err := rows.Err(); err != nil {
		return s.wrap("integrity check", err)
	}
	if len(problems) == 1 && problems[0] == "ok" {
		return nil
	}
	return fmt.Errorf("store: %s is damaged: %s", s.path, strings.Join(problems, "; "))
}

// inTx runs fn in one write transaction and commits it, or rolls back if fn
// or the commit fails.
func (s *Store) inTx(ctx context.Context, op string, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap(op, err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return s.wrap(op, err)
	}
	if err := tx.Commit(); err != nil {
		return s.wrap(op, err)
	}
	return nil
}
