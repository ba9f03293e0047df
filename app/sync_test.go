package app

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"sellermail/app/store"
	"sellermail/spapi"
)

func TestSyncStoresEveryDemoOrder(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testOptions(t, newMemKeyring()))
	s.pageSize = 10
	var reports []SyncProgress
	res, err := s.Sync(ctx, func(p SyncProgress) { reports = append(reports, p) })
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.CountOrders(ctx, store.OrderFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if n != testOrders || res.Orders != testOrders {
		t.Fatalf("stored %d orders, run reported %d, want %d", n, res.Orders, testOrders)
	}
	done := 0
	for _, p := range reports {
		if p.Done {
			done++
		}
	}
	prof, _ := s.Profile(ctx)
	if done != len(prof.MarketplaceIDs) || res.Marketplaces != len(prof.MarketplaceIDs) || len(prof.MarketplaceIDs) == 0 {
		t.Fatalf("%d marketplaces done, result %d, profile has %d", done, res.Marketplaces, len(prof.MarketplaceIDs))
	}
	if last := reports[len(reports)-1]; last.Total != testOrders || last.Index != last.Count {
		t.Fatalf("last report %+v", last)
	}
	// Incremental: nothing changed since, so nothing is fetched again.
	again, err := s.Sync(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.Orders != 0 {
		t.Fatalf("second sync fetched %d orders, want 0", again.Orders)
	}
}

func TestSyncResumesAfterCancel(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testOptions(t, newMemKeyring()))
	s.pageSize = 5
	cctx, cancel := context.WithCancel(ctx)
	var first SyncProgress
	_, err := s.Sync(cctx, func(p SyncProgress) {
		if first.Pages == 0 {
			first = p
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled sync returned %v", err)
	}
	if first.Done {
		t.Fatal("the first marketplace fit on one page; the test needs more pages")
	}
	st, err := s.store.GetSyncState(ctx, first.Marketplace)
	if err != nil {
		t.Fatal(err)
	}
	if st.NextToken == "" {
		t.Fatal("no cursor was committed after the first page")
	}
	// Only the committed page is stored.
	if n, _ := s.CountOrders(ctx, store.OrderFilter{}); n != first.Orders {
		t.Fatalf("stored %d orders after one page of %d", n, first.Orders)
	}

	res, err := s.Sync(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	// No page was fetched twice: both runs together saw every order once.
	if first.Orders+res.Orders != testOrders {
		t.Fatalf("runs fetched %d + %d orders, want %d in all", first.Orders, res.Orders, testOrders)
	}
	if n, _ := s.CountOrders(ctx, store.OrderFilter{}); n != testOrders {
		t.Fatalf("stored %d orders, want %d", n, testOrders)
	}
	st2, err := s.store.GetSyncState(ctx, first.Marketplace)
	if err != nil {
		t.Fatal(err)
	}
	if st2.NextToken != "" || !st2.LastUpdatedAfter.After(st.LastUpdatedAfter) {
		t.Fatalf("cursor not advanced: before %+v, after %+v", st, st2)
	}
}

func TestSyncRefusesASecondConcurrentRun(t *testing.T) {
	s := openTest(t, testOptions(t, newMemKeyring()))
	s.syncMu.Lock()
	_, err := s.Sync(context.Background(), nil)
	s.syncMu.Unlock()
	wantRefusal(t, err, ErrSyncRunning)
}

func TestStartSyncRunsInBackground(t *testing.T) {
	s := openTest(t, testOptions(t, newMemKeyring()))
	j := s.StartSync(context.Background(), nil)
	res, err := j.Wait()
	if err != nil || res.Orders != testOrders {
		t.Fatalf("StartSync: %+v, %v", res, err)
	}
}

func TestSyncReportsRateLimitWaits(t *testing.T) {
	// Clocks 200 times faster, not 1000: searchOrders then refills one
	// request in about a second, longer than a page takes even under -race
	// on a busy machine, so the burst runs out.
	opts := testOptions(t, newMemKeyring())
	opts.TimeScale = 200
	s := openTest(t, opts)
	// Small pages use up searchOrders' burst of 20 requests, so later pages
	// must wait for Amazon's rate limit, and the progress says so.
	s.pageSize = 5
	var waits, reports int
	_, err := s.Sync(context.Background(), func(p SyncProgress) {
		reports++
		if p.Waiting > 0 {
			waits++
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if waits == 0 {
		t.Fatalf("no rate-limit wait among %d progress reports", reports)
	}
}

// fakeOrders makes s's searchOrders answers page(marketplace, token) and
// returns how many pages were asked for.
func fakeOrders(t *testing.T, s *Service, page func(mp, token string) string) *atomic.Int64 {
	t.Helper()
	var calls atomic.Int64
	fakeAPI(t, s, func(r *http.Request) string {
		calls.Add(1)
		return page(r.URL.Query().Get("marketplaceIds"), r.URL.Query().Get("paginationToken"))
	})
	return &calls
}

func TestSyncSkipsMalformedOrdersAndMovesOn(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, testOptions(t, newMemKeyring()))
	fakeOrders(t, s, func(mp, token string) string {
		if token == "" {
			return `{"orders":[
				{"orderId":"111-0000001-` + mp[:7] + `","createdTime":"2026-01-02T10:00:00Z","salesChannel":{"marketplaceId":"` + mp + `"}},
				{"orderId":"111-0000002-` + mp[:7] + `","salesChannel":{"marketplaceId":"` + mp + `"}},
				{"orderId":"111-0000003-` + mp[:7] + `","createdTime":"2026-01-02T11:00:00Z"}
			],"pagination":{"nextToken":"page2"}}`
		}
		return `{"orders":[{"orderId":"111-0000004-` + mp[:7] + `","createdTime":"2026-01-03T10:00:00Z","salesChannel":{"marketplaceId":"` + mp + `"}}]}`
	})
	res, err := s.Sync(ctx, nil)
	if err != nil {
		t.Fatalf("one bad order stopped the sync: %v", err)
	}
	prof, _ := s.Profile(ctx)
	n := len(prof.MarketplaceIDs)
	if res.Marketplaces != n || res.Orders != 3*n || res.Skipped != n {
		t.Fatalf("result %+v, want %d marketplaces, %d orders, %d skipped", res, n, 3*n, n)
	}
	if !strings.Contains(res.SkipReason, "createdTime") || !strings.Contains(res.SkipReason, "111-0000002") {
		t.Fatalf("skip reason %q does not name the order and the missing field", res.SkipReason)
	}
	// The order without a marketplace ID belongs to the marketplace synced.
	mp := prof.MarketplaceIDs[0]
	o, err := s.store.GetOrder(ctx, "111-0000003-"+mp[:7])
	if err != nil || o.MarketplaceID != mp {
		t.Fatalf("order without marketplace: %+v, %v", o, err)
	}
	st, err := s.store.GetSyncState(ctx, mp)
	if err != nil || st.NextToken != "" {
		t.Fatalf("cursor not finished: %+v, %v", st, err)
	}
}

func TestSyncRefusesARepeatedPageToken(t *testing.T) {
	s := openTest(t, testOptions(t, newMemKeyring()))
	calls := fakeOrders(t, s, func(mp, token string) string {
		return `{"orders":[{"orderId":"111-0000001-0000001","createdTime":"2026-01-02T10:00:00Z","salesChannel":{"marketplaceId":"` +
			mp + `"}}],"pagination":{"nextToken":"same"}}`
	})
	_, err := s.Sync(context.Background(), nil)
	if !errors.Is(err, spapi.ErrMalformedResponse) {
		t.Fatalf("got %v, want a malformed-response error", err)
	}
	if calls.Load() != 2 {
		t.Fatalf("%d pages asked for, want 2", calls.Load())
	}
}
