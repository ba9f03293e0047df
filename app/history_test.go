package app

import (
	"bytes"
	"context"
	"encoding/csv"
	"testing"

	"sellermail/app/i18n"
	"sellermail/app/store"
	"sellermail/policy"
)

func TestHistoryFilterSearchAndExport(t *testing.T) {
	ctx := context.Background()
	s := syncedDemo(t)
	a := offersIn(t, s, policy.KindUnexpectedProblem)
	b := offersIn(t, s, policy.KindUnexpectedProblem, a.Order.OrderID)
	for _, x := range []struct {
		d      *OrderDetail
		reason string
	}{{a, "a thunderstorm flooded the warehouse"}, {b, "the courier van broke down"}} {
		if res, err := s.Send(ctx, SendRequest{OrderID: x.d.Order.OrderID, Kind: policy.KindUnexpectedProblem, Text: problemText(x.d, x.reason)}, i18n.English); err != nil {
			t.Fatalf("Send: %v (%s)", err, res.Explanation)
		}
	}
	all, err := s.History(ctx, store.HistoryFilter{})
	if err != nil || len(all) != 2 || all[0].OrderID != b.Order.OrderID {
		t.Fatalf("History: %d messages (newest first wanted), %v", len(all), err)
	}
	hit, err := s.History(ctx, store.HistoryFilter{Search: "thunderstorm"})
	if err != nil || len(hit) != 1 || hit[0].OrderID != a.Order.OrderID {
		t.Fatalf("search: %+v, %v", hit, err)
	}
	byOrder, _ := s.History(ctx, store.HistoryFilter{OrderID: b.Order.OrderID, Status: store.StatusSent, Kind: "unexpectedProblem"})
	if len(byOrder) != 1 {
		t.Fatalf("filter by order: %d", len(byOrder))
	}
	if none, _ := s.History(ctx, store.HistoryFilter{Status: store.StatusFailed}); len(none) != 0 {
		t.Fatalf("failed filter: %d", len(none))
	}
	var buf bytes.Buffer
	if err := s.ExportHistoryCSV(ctx, &buf, store.HistoryFilter{OrderID: a.Order.OrderID}, i18n.English); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0][0] != "id" || rows[1][3] != a.Order.OrderID || !contains(rows[1][9], a.Order.OrderID) {
		t.Fatalf("CSV rows %q", rows)
	}
}
