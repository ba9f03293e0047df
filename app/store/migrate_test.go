package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// schemaOf lists the schema objects of a database, for comparing files that
// reached the current version by different paths.
func schemaOf(t *testing.T, db *sql.DB) string {
	t.Helper()
	rows, err := db.Query(`SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var typ, name, sqlText string
		if err := rows.Scan(&typ, &name, &sqlText); err != nil {
			t.Fatal(err)
		}
		b.WriteString(typ + " " + name + ": " + sqlText + "\n")
	}
	return b.String()
}

func TestMigrateFromEveryEarlierVersion(t *testing.T) {
	ctx := context.Background()
	fresh := openTest(t)
	want := schemaOf(t, fresh.w)
	if len(migrations) < 2 {
		t.Fatalf("only %d migrations; this test needs at least 2 to mean anything", len(migrations))
	}
	for from := 0; from < len(migrations); from++ {
		path := filepath.Join(t.TempDir(), FileName)
		raw, err := sql.Open("sqlite", dsn(path, pragmaForeignKeys))
		if err != nil {
			t.Fatal(err)
		}
		if err := migrate(ctx, raw, path, from); err != nil {
			t.Fatalf("from %d: %v", from, err)
		}
		if from >= 1 {
			// Data written by the old version, without any trigger of later ones.
			mustExec(t, raw, `INSERT INTO orders (order_id, marketplace_id, status, purchase_date, last_updated)
VALUES ('028-1111111-2222222', 'A1PA6795UKMFR9', 'SHIPPED', 1, 1)`)
			mustExec(t, raw, `INSERT INTO order_items VALUES (1, 0, 'B000TEST01', 'SKU-1', 'Wasserkocher Edelstahl', 1, '29.90', 'EUR')`)
			mustExec(t, raw, `INSERT INTO messages (order_id, marketplace_id, kind, lang, text, attachments, findings, status, created_at, updated_at)
VALUES ('028-1111111-2222222', 'A1PA6795UKMFR9', 'unexpectedProblem', 'de', 'Lieferung verzögert sich', '[]', '[]', 'sent', 1, 1)`)
		}
		raw.Close()

		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("open database at version %d: %v", from, err)
		}
		var v int
		if err := s.w.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != SchemaVersion() {
			t.Fatalf("from %d: user_version = %d, %v; want %d", from, v, err, SchemaVersion())
		}
		if got := schemaOf(t, s.w); got != want {
			t.Errorf("from %d: schema differs from a fresh database:\n%s\nwant:\n%s", from, got, want)
		}
		if from >= 1 {
			orders, err := s.ListOrders(ctx, OrderFilter{Search: "wasserkocher"})
			if err != nil || len(orders) != 1 {
				t.Errorf("from %d: order search after migration = %v, %v; want the old order", from, orders, err)
			}
			hist, err := s.ListHistory(ctx, HistoryFilter{Search: "verzögert"})
			if err != nil || len(hist) != 1 {
				t.Errorf("from %d: history search after migration = %d rows, %v; want 1", from, len(hist), err)
			}
		}
		if err := s.IntegrityCheck(ctx); err != nil {
			t.Error(err)
		}
		s.Close()
	}
}

func mustExec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	s := openTest(t)
	mustExec(t, s.w, "PRAGMA user_version = 99")
	_, err := Open(context.Background(), s.Path())
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Open of a newer database: %v, want ErrNewerSchema", err)
	}
	if !strings.Contains(err.Error(), s.Path()) || !strings.Contains(err.Error(), "update Sellermail") {
		t.Errorf("error %q should name the file and tell the seller to update", err)
	}
}

func TestConnectionSettings(t *testing.T) {
	s := openTest(t)
	for _, db := range []*sql.DB{s.w, s.r} {
		var journal string
		var fk, busy int
		if err := db.QueryRow("PRAGMA journal_mode").Scan(&journal); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRow("PRAGMA busy_timeout").Scan(&busy); err != nil {
			t.Fatal(err)
		}
		if journal != "wal" || fk != 1 || busy != 5000 {
			t.Errorf("journal_mode=%s foreign_keys=%d busy_timeout=%d; want wal 1 5000", journal, fk, busy)
		}
	}
	var sync int
	if err := s.w.QueryRow("PRAGMA synchronous").Scan(&sync); err != nil || sync != 2 {
		t.Errorf("writer synchronous = %d, %v; want 2 (FULL)", sync, err)
	}
}

func TestPathWithURICharacters(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a?b#c%d e")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, FileName)
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.PutProfile(context.Background(), Profile{Name: "p"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not created at %s: %v", path, err)
	}
}
