package app

import (
	"context"
	"sync"
	"testing"

	"sellermail/app/i18n"
	"sellermail/app/store"
	"sellermail/policy"
)

// The window checks text on its own goroutine while a sync and a send run
// in others; -race finds any unguarded state.
func TestServiceIsSafeForConcurrentUse(t *testing.T) {
	ctx := context.Background()
	s := syncedDemo(t)
	d := offersIn(t, s, policy.KindUnexpectedProblem)
	job := s.StartSync(ctx, nil)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				s.Check(problemText(d, "of rain"), policy.KindUnexpectedProblem, d, i18n.English)
				if _, err := s.Orders(ctx, store.OrderFilter{Limit: 5}); err != nil {
					t.Error(err)
				}
			}
			if i == 0 {
				if _, err := s.Send(ctx, SendRequest{OrderID: d.Order.OrderID, Kind: policy.KindUnexpectedProblem, Text: problemText(d, "of fog")}, i18n.English); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if _, err := job.Wait(); err != nil {
		t.Fatal(err)
	}
	if got := sentFor(s.demo, d.Order.OrderID); len(got) != 1 {
		t.Fatalf("sandbox recorded %d sends, want 1", len(got))
	}
}
