package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"sellermail/app"
	"sellermail/app/store"
)

// benchOrders is how many cached orders the startup benchmark opens with.
const benchOrders = 100_000

// benchCacheDir keeps the prepared 100,000-order database between benchmark
// runs: building it takes far longer than a start. Each start works on a
// copy, so the cache never changes; delete the directory to rebuild it.
// The suffix changes whenever the generated data does.
var benchCacheDir = filepath.Join(os.TempDir(), "sellermail-bench-startup-100k-v2")

var (
	benchDBOnce sync.Once
	benchDBPath string
	benchDBErr  error
)

// BenchmarkStartup100kOrders starts the real binary in demo mode on a data
// directory holding 100,000 cached orders, in a real X window, and measures
// until the main window shows the first page of orders: the first capture
// of the window from which on it no longer changes (captures follow each
// other closely, so the figure is an upper bound within one capture). It reports that time and
// the resident memory once the window has settled. Goals: under 1 s and
// under 200 MB.
func BenchmarkStartup100kOrders(b *testing.B) {
	requireDisplay(b)
	bin := buildBinary(b)
	db := benchDatabase(b)
	var total time.Duration
	var rssTotal float64
	runs := 0
	for b.Loop() {
		dir := b.TempDir()
		if err := copyDatabase(db, filepath.Join(dir, app.DemoDir, store.FileName)); err != nil {
			b.Fatal(err)
		}
		p := startApp(b, bin, dir)
		win := p.waitWindow(b, 60*time.Second)
		shot, stable := p.waitStable(b, win, 60*time.Second)
		if !stable {
			b.Fatal("the window never settled within a minute")
		}
		total += p.stableAt.Sub(p.started)
		rss, err := residentMB(p.cmd.Process.Pid)
		if err != nil {
			b.Fatal(err)
		}
		rssTotal += rss
		runs++
		if path := os.Getenv("SELLERMAIL_SMOKE_SCREENSHOT"); path != "" {
			// For a person to check what was measured.
			if err := os.WriteFile(path, shot, 0o600); err != nil {
				b.Error(err)
			}
		}
		p.stop(b, 10*time.Second)
		p.checkOutput(b)
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(runs), "ms-first-frame")
	b.ReportMetric(rssTotal/float64(runs), "MB-RSS")
	// The loop's own time is mostly captures, copying and shutting down.
	b.ReportMetric(0, "ns/op")
}

// residentMB reads a process's resident set size from /proc, in MB.
func residentMB(pid int) (float64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for line := range strings.Lines(string(data)) {
		rest, ok := strings.CutPrefix(line, "VmRSS:")
		if !ok {
			continue
		}
		f := strings.Fields(rest) // "123456 kB"
		if len(f) != 2 || f[1] != "kB" {
			return 0, fmt.Errorf("unexpected VmRSS line %q", line)
		}
		kb, err := strconv.ParseFloat(f[0], 64)
		return kb / 1024, err
	}
	return 0, fmt.Errorf("no VmRSS in /proc/%d/status", pid)
}

// benchDatabase returns the cached 100,000-order demo database, building it
// on first use.
func benchDatabase(b *testing.B) string {
	b.Helper()
	benchDBOnce.Do(func() {
		path := filepath.Join(benchCacheDir, store.FileName)
		if n, err := countOrders(path); err == nil && n >= benchOrders {
			benchDBPath = path
			return
		}
		start := time.Now()
		benchDBErr = writeOrders(path, benchOrders)
		if benchDBErr == nil {
			benchDBPath = path
			b.Logf("built %d orders in %v at %s", benchOrders, time.Since(start).Round(time.Millisecond), path)
		}
	})
	if benchDBErr != nil {
		b.Fatalf("benchmark database: %v", benchDBErr)
	}
	return benchDBPath
}

// countOrders counts the orders in an existing database; an error when
// there is none.
func countOrders(path string) (int, error) {
	if _, err := os.Stat(path); err != nil {
		return 0, err
	}
	st, err := store.Open(context.Background(), path)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	return st.CountOrders(context.Background(), store.OrderFilter{})
}

// writeOrders creates a database at path (replacing its directory) with n
// realistic orders on amazon.de, one every ten minutes back from now, in
// batches of one transaction each.
func writeOrders(path string, n int) error {
	if err := os.RemoveAll(filepath.Dir(path)); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	const batch = 2000
	products := []string{"Kaffeemühle Modell K2", "Milchaufschäumer Edelstahl", "Entkalker 3er-Pack",
		"Espressotassen 6 Stück", "Filterhalter Größe 4", "Dosierlöffel Buche"}
	statuses := []string{"SHIPPED", "SHIPPED", "SHIPPED", "UNSHIPPED", "PARTIALLY_SHIPPED", "CANCELLED"}
	for start := 0; start < n; start += batch {
		orders := make([]store.Order, 0, batch)
		for i := start; i < min(start+batch, n); i++ {
			bought := now.Add(-time.Duration(i) * 10 * time.Minute)
			orders = append(orders, store.Order{
				OrderID:       fmt.Sprintf("302-%07d-%07d", 1000000+i, (i*7919)%10000000),
				MarketplaceID: "A1PA6795UKMFR9", Status: statuses[i%len(statuses)],
				PurchaseDate: bought, LastUpdated: bought.Add(time.Hour),
				EarliestShip: bought.Add(24 * time.Hour), LatestShip: bought.Add(48 * time.Hour),
				EarliestDelivery: bought.Add(72 * time.Hour), LatestDelivery: bought.Add(120 * time.Hour),
				BuyerLocale: "de-DE", FulfillmentChannel: "MERCHANT",
				Items: []store.OrderItem{{ASIN: fmt.Sprintf("B0%08d", i%5000), SKU: fmt.Sprintf("SKU-%d", i%5000),
					Title: products[i%len(products)], Quantity: 1 + i%3, PriceAmount: "24.99", PriceCurrency: "EUR"}},
			})
		}
		if err := st.UpsertOrders(ctx, orders); err != nil {
			st.Close()
			return err
		}
	}
	return st.Close()
}

// copyDatabase copies a closed SQLite database, with its write-ahead log
// when one was left.
func copyDatabase(src, dst string) error {
	if err := copyFile(src, dst); err != nil {
		return err
	}
	if _, err := os.Stat(src + "-wal"); err == nil {
		return copyFile(src+"-wal", dst+"-wal")
	}
	return nil
}

// copyFile copies src to dst, creating dst's directory.
func copyFile(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
