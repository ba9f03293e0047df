package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations holds the SQL of each schema version in order: migrations[0]
// brings user_version 0 to 1, and so on.
var migrations = loadMigrations()

func loadMigrations() []string {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	sort.Strings(names)
	out := make([]string, len(names))
	for i, n := range names {
		b, err := migrationFiles.ReadFile(n)
		if err != nil {
			panic(err)
		}
		out[i] = string(b)
	}
	return out
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int { return len(migrations) }

// migrate brings the database to schema version target, each step in its own
// transaction so a crash leaves the file at a complete earlier version.
func migrate(ctx context.Context, db *sql.DB, path string, target int) error {
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("read schema version of %s: %w", path, err)
	}
	if v > len(migrations) {
		return fmt.Errorf("%s has schema version %d but this Sellermail knows only up to %d; update Sellermail to open it: %w",
			path, v, len(migrations), ErrNewerSchema)
	}
	for ; v < target; v++ {
		if err := step(ctx, db, v+1, migrations[v]); err != nil {
			return fmt.Errorf("migrate %s to schema version %d: %w", path, v+1, err)
		}
	}
	return nil
}

func step(ctx context.Context, db *sql.DB, version int, script string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, script); err != nil {
		return err
	}
	// PRAGMA takes no bound parameters; version is an int we produced.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", version)); err != nil {
		return err
	}
	return tx.Commit()
}
