package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"sellermail/app/store"
	"sellermail/spapi"
)

// initialSyncWindow is how far back the first sync of a marketplace reaches.
const initialSyncWindow = 90 * 24 * time.Hour

// SyncProgress reports a running sync. Callbacks come from the sync's
// goroutine, after each page is stored.
type SyncProgress struct {
	// Marketplace is the marketplace being synced; Index counts from 1 to Count.
	Marketplace  string
	Index, Count int
	// Pages and Orders are what this run has stored for the marketplace so far.
	Pages, Orders int
	// Total is the number of orders stored by this run over all marketplaces.
	Total int
	// Skipped counts the orders of this run, over all marketplaces, that
	// could not be read or stored (such as one without a creation date);
	// SkipReason says what was wrong with the first. They are left out so
	// that one bad order cannot stop every later sync.
	Skipped    int
	SkipReason string
	// Done is set on the last report of a marketplace.
	Done bool
	// Waiting is set on a report made just before the sync waits for
	// Amazon's rate limit: how long the wait will be. The next report has it zero.
	Waiting time.Duration
}

// SyncResult sums up a finished or stopped sync.
type SyncResult struct {
	Orders       int // orders stored (new or changed) by this run
	Marketplaces int // marketplaces finished
	// Skipped counts the orders left out because they could not be read or
	// stored; SkipReason says what was wrong with the first.
	Skipped    int
	SkipReason string
}

// Sync fetches the orders changed since the last sync in every marketplace
// of the profile and stores them. Each page is committed with the cursor
// that continues after it, so a cancelled or crashed sync resumes where it
// stopped. The client waits for Amazon's rate limits. Run it in a goroutine:
// it blocks until done, cancelled (ctx) or failed. Only one runs at a time.
func (s *Service) Sync(ctx context.Context, progress func(SyncProgress)) (SyncResult, error) {
	if !s.syncMu.TryLock() {
		return SyncResult{}, refusal(ErrSyncRunning, "refusal.syncrunning")
	}
	defer s.syncMu.Unlock()
	if progress == nil {
		progress = func(SyncProgress) {}
	}
	prof, err := s.Profile(ctx)
	if err != nil {
		return SyncResult{}, err
	}
	var res SyncResult
	for i, m := range prof.MarketplaceIDs {
		p := SyncProgress{Marketplace: m, Index: i + 1, Count: len(prof.MarketplaceIDs), Total: res.Orders,
			Skipped: res.Skipped, SkipReason: res.SkipReason}
		err := s.syncMarketplace(ctx, &p, func(p SyncProgress) { progress(p) })
		res.Orders, res.Skipped, res.SkipReason = p.Total, p.Skipped, p.SkipReason
		if err != nil {
			return res, err
		}
		res.Marketplaces++
	}
	if res.Orders >= optimizeAfter {
		// A big sync leaves the full-text index in many segments, which
		// slows searches; merging them now, while the seller waits for the
		// sync anyway, keeps searching fast. It is maintenance only: a
		// failure changes no data and the next big sync tries again.
		_ = s.store.Optimize(ctx)
	}
	return res, nil
}

// optimizeAfter is how many stored orders make a sync big enough to merge
// the search index afterwards.
const optimizeAfter = 1000

// SyncJob is a sync running in its own goroutine.
type SyncJob struct {
	cancel context.CancelFunc
	done   chan struct{}
	res    SyncResult
	err    error
}

// StartSync runs Sync in a new goroutine and returns at once.
func (s *Service) StartSync(ctx context.Context, progress func(SyncProgress)) *SyncJob {
	ctx, cancel := context.WithCancel(ctx)
	j := &SyncJob{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(j.done)
		defer cancel()
		j.res, j.err = s.Sync(ctx, progress)
	}()
	return j
}

// Cancel stops the sync; what was stored stays, and the next sync resumes.
func (j *SyncJob) Cancel() { j.cancel() }

// Done is closed when the sync has ended.
func (j *SyncJob) Done() <-chan struct{} { return j.done }

// Wait blocks until the sync has ended and returns its outcome.
func (j *SyncJob) Wait() (SyncResult, error) {
	<-j.done
	return j.res, j.err
}

// syncMarketplace runs or resumes one marketplace's sync window.
func (s *Service) syncMarketplace(ctx context.Context, p *SyncProgress, report func(SyncProgress)) error {
	st, err := s.store.GetSyncState(ctx, p.Marketplace)
	if errors.Is(err, store.ErrNotFound) {
		st = store.SyncState{MarketplaceID: p.Marketplace, LastUpdatedAfter: s.now().Add(-initialSyncWindow).Truncate(time.Second)}
	} else if err != nil {
		return err
	}
	cur, ok := decodeCursor(st.NextToken)
	if !ok {
		// Amazon's timestamps have whole seconds; the upper bound must lie
		// two minutes in the past at Amazon, so keep a second in hand.
		cur = cursor{before: s.now().Add(-2*time.Minute - time.Second).Truncate(time.Second)}
	}
	if cur.before.Before(st.LastUpdatedAfter) {
		// The clock went back; nothing new can be asked for yet.
		p.Done = true
		report(*p)
		return nil
	}
	for {
		q := spapi.SearchOrdersQuery{
			LastUpdatedAfter:  st.LastUpdatedAfter,
			LastUpdatedBefore: cur.before,
			MarketplaceIDs:    []string{p.Marketplace},
			MaxResultsPerPage: s.pageSize,
			IncludedData:      []string{spapi.IncludeFulfillment},
			PaginationToken:   cur.token,
		}
		page, err := s.client.SearchOrders(spapi.WithWaitFunc(ctx, func(_ string, d time.Duration) {
			w := *p
			w.Waiting = d
			report(w)
		}), q)
		var apiErr *spapi.APIError
		if err != nil && cur.token != "" && errors.As(err, &apiErr) && apiErr.StatusCode == 400 {
			// An expired page token (they live 24 hours): run the window again.
			cur = cursor{before: s.now().Add(-2*time.Minute - time.Second).Truncate(time.Second)}
			continue
		}
		if err != nil {
			return err
		}
		p.skip(page.Skipped, page.SkipReason)
		orders := make([]store.Order, 0, len(page.Orders))
		for _, o := range page.Orders {
			so := storeOrder(o)
			if so.MarketplaceID == "" {
				// Asked for this marketplace only, so the order belongs to it.
				so.MarketplaceID = p.Marketplace
			}
			if err := so.Check(); err != nil {
				p.skip(1, err.Error())
				continue
			}
			orders = append(orders, so)
		}
		if err := s.store.UpsertOrders(ctx, orders); err != nil {
			return err
		}
		p.Pages++
		p.Orders += len(orders)
		p.Total += len(orders)
		if page.NextToken != "" && page.NextToken == cur.token {
			// Asking again would get the same page forever. The cursor stays,
			// so the next sync asks Amazon once more.
			report(*p)
			return &spapi.ResponseError{Operation: "searchOrders", StatusCode: 200, RequestID: page.RequestID,
				Err: fmt.Errorf("%w: the same page token was returned twice", spapi.ErrMalformedResponse)}
		}
		if page.NextToken == "" {
			st.LastUpdatedAfter, st.NextToken, st.LastSync = cur.before, "", s.now()
			st.Status = fmt.Sprintf("%d orders", p.Orders)
		} else {
			cur.token = page.NextToken
			st.NextToken = cur.encode()
			st.Status = fmt.Sprintf("%d orders so far", p.Orders)
		}
		// A crash between the two commits only repeats this page next time.
		if err := s.store.PutSyncState(context.WithoutCancel(ctx), st); err != nil {
			return err
		}
		p.Done = page.NextToken == ""
		report(*p)
		if p.Done {
			return nil
		}
	}
}

// skip counts n orders left out of the sync, keeping the first reason.
func (p *SyncProgress) skip(n int, reason string) {
	if n <= 0 {
		return
	}
	if p.Skipped == 0 {
		p.SkipReason = reason
	}
	p.Skipped += n
}

// SyncStates returns the stored sync cursor of each profile marketplace.
func (s *Service) SyncStates(ctx context.Context) ([]store.SyncState, error) {
	prof, err := s.Profile(ctx)
	if err != nil {
		return nil, err
	}
	var out []store.SyncState
	for _, m := range prof.MarketplaceIDs {
		st, err := s.store.GetSyncState(ctx, m)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

// cursor is an unfinished sync window: its fixed upper bound and the token
// of the next page. Amazon wants every parameter repeated unchanged with a
// page token, so the bound is stored with it.
type cursor struct {
	before time.Time
	token  string
}

// encode writes "<unix seconds>|<token>" for store.SyncState.NextToken.
func (c cursor) encode() string {
	return strconv.FormatInt(c.before.Unix(), 10) + "|" + c.token
}

func decodeCursor(s string) (cursor, bool) {
	sec, tok, ok := strings.Cut(s, "|")
	if !ok || tok == "" {
		return cursor{}, false
	}
	n, err := strconv.ParseInt(sec, 10, 64)
	if err != nil {
		return cursor{}, false
	}
	return cursor{before: time.Unix(n, 0).UTC(), token: tok}, true
}

// storeOrder reduces an API order to what the store keeps.
func storeOrder(o spapi.Order) store.Order {
	out := store.Order{
		OrderID:            o.ID,
		MarketplaceID:      o.MarketplaceID,
		Status:             string(o.Status),
		PurchaseDate:       o.CreatedTime,
		LastUpdated:        o.LastUpdatedTime,
		EarliestShip:       o.ShipBy.Earliest,
		LatestShip:         o.ShipBy.Latest,
		EarliestDelivery:   o.DeliverBy.Earliest,
		LatestDelivery:     o.DeliverBy.Latest,
		FulfillmentChannel: o.FulfilledBy,
	}
	if out.Status == "" {
		out.Status = "UNKNOWN"
	}
	if out.LastUpdated.IsZero() {
		out.LastUpdated = o.CreatedTime
	}
	for _, it := range o.Items {
		si := store.OrderItem{ASIN: it.ASIN, SKU: it.SKU, Title: it.Title, Quantity: it.Quantity}
		if it.UnitPrice != nil {
			si.PriceAmount, si.PriceCurrency = it.UnitPrice.Amount, it.UnitPrice.CurrencyCode
		}
		out.Items = append(out.Items, si)
	}
	return out
}
