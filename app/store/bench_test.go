package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Benchmark database: 100,000 orders and BENCH_MESSAGES sent messages
// (default 1,000,000), built once per benchmark process.
const benchOrders = 100_000

var (
	benchOnce sync.Once
	benchDir  string
	benchPath string
	benchErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

func benchMessages() int {
	if n, err := strconv.Atoi(os.Getenv("BENCH_MESSAGES")); err == nil && n >= 0 {
		return n
	}
	return 1_000_000
}

var benchWords = strings.Fields(`lieferung paket adresse bestätigen rechnung garantie versand verzögerung
danke bitte frage problem ersatz rückerstattung artikel bestellung zustellung kunde service tag woche
delivery parcel address confirm invoice warranty shipping delay thanks please question problem replacement
refund item order courier customer service day week tracking nummer number hinweis note information`)

// benchDB returns the path of the shared benchmark database.
func benchDB(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "sellermail-bench-")
		if benchErr != nil {
			return
		}
		benchPath = filepath.Join(benchDir, FileName)
		start := time.Now()
		benchErr = buildBenchDB(benchPath, benchMessages())
		if benchErr == nil {
			fi, _ := os.Stat(benchPath)
			fmt.Fprintf(os.Stderr, "bench database: %d orders, %d messages, %.0f MB, built in %s\n",
				benchOrders, benchMessages(), float64(fi.Size())/1e6, time.Since(start).Round(time.Second))
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPath
}

func buildBenchDB(path string, messages int) error {
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	orders := make([]Order, 0, 2000)
	for n := 0; n < benchOrders; n++ {
		o := testOrder(n)
		o.PurchaseDate = t0.Add(-time.Duration(n) * 7 * time.Minute)
		o.LastUpdated = o.PurchaseDate
		o.MarketplaceID = []string{"A1PA6795UKMFR9", "A1F83G8C2ARO7P", "A13V1IB3VIYZZH", "APJ6JRA9NG5V4"}[n%4]
		o.Status = []string{StatusShipped, StatusShipped, StatusShipped, "UNSHIPPED", "CANCELLED"}[n%5]
		o.Items[0].Title = benchWords[rng.IntN(len(benchWords))] + " " + benchWords[rng.IntN(len(benchWords))] + " Produkt"
		orders = append(orders, o)
		if len(orders) == cap(orders) {
			if err := s.UpsertOrders(ctx, orders); err != nil {
				return err
			}
			orders = orders[:0]
		}
	}
	if err := s.UpsertOrders(ctx, orders); err != nil {
		return err
	}
	err = s.inTx(ctx, "bench messages", func(tx *sql.Tx) error {
		st, err := tx.Prepare(`INSERT INTO messages (order_id, marketplace_id, kind, lang, text, attachments, findings,
    status, request_id, created_at, updated_at, sent_at) VALUES (?, ?, ?, 'de', ?, '[]', '[]', 'sent', ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		var text strings.Builder
		for i := 0; i < messages; i++ {
			n := rng.IntN(benchOrders)
			o := testOrder(n)
			text.Reset()
			for w := 0; w < 20+rng.IntN(20); w++ {
				text.WriteString(benchWords[rng.IntN(len(benchWords))])
				text.WriteByte(' ')
			}
			at := t0.Add(-time.Duration(messages-i) * 30 * time.Second).UnixMilli()
			if _, err := st.Exec(o.OrderID, "A1PA6795UKMFR9", "unexpectedProblem", text.String(), "req-"+strconv.Itoa(i), at, at, at); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := s.Optimize(ctx); err != nil {
		return err
	}
	_, err = s.w.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	return err
}

func openBench(b *testing.B) *Store {
	s, err := Open(context.Background(), benchDB(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func BenchmarkOpen(b *testing.B) {
	path := benchDB(b)
	for b.Loop() {
		s, err := Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		// Open is lazy about connections; a first read makes it real.
		if _, err := s.GetSyncState(context.Background(), "x"); err == nil {
			b.Fatal("unexpected sync state")
		}
		s.Close()
	}
}

func BenchmarkFirstOrdersPage(b *testing.B) {
	s := openBench(b)
	ctx := context.Background()
	filters := map[string]OrderFilter{
		"all":                {},
		"marketplace+status": {Marketplace: "A1F83G8C2ARO7P", Status: StatusShipped},
		"has-messages":       {HasMessages: true},
		"search-title":       {Search: "garantie"},
		"search-order-id":    {Search: "302-0012345"},
		"date-range":         {From: t0.Add(-300 * 24 * time.Hour), To: t0.Add(-200 * 24 * time.Hour)},
		"review-eligible":    {ReviewEligible: true, Now: t0},
	}
	for name, f := range filters {
		f.Limit = 50
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.ListOrders(ctx, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("count-marketplace", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.CountOrders(ctx, OrderFilter{Marketplace: "A1F83G8C2ARO7P"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkHistorySearch(b *testing.B) {
	s := openBench(b)
	ctx := context.Background()
	for name, f := range map[string]HistoryFilter{
		"common-word":    {Search: "lieferung"},
		"two-words":      {Search: "garantie rechnung"},
		"prefix":         {Search: "rückerst"},
		"word+kind":      {Search: "paket", Kind: "unexpectedProblem"},
		"order-id":       {Search: testOrder(4242).OrderID},
		"no-search-page": {},
		"no-match":       {Search: "zzzzunknown"},
	} {
		f.Limit = 50
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.ListHistory(ctx, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkInsertMessage(b *testing.B) {
	s := openBench(b)
	ctx := context.Background()
	m := testMessage(testOrder(17).OrderID)
	for b.Loop() {
		if _, err := s.EnqueueMessage(ctx, m); err != nil {
			b.Fatal(err)
		}
	}
}
