package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
)

// A sync that left out unreadable orders says so, and where to read
// Amazon's reason, instead of reporting plain success.
func TestSyncSummaryNamesSkippedOrders(t *testing.T) {
	test.NewTempApp(t)
	root, _ := testTasks(t)
	p := newSyncPanel(root, openScreenService(t, t.TempDir(), nil), nil)
	job := &app.SyncJob{}
	p.job = job
	p.finished(job, app.SyncResult{Orders: 118, Skipped: 2, SkipReason: "order without createdTime"}, nil)
	if p.imp != widget.WarningImportance {
		t.Errorf("importance %v, want a warning", p.imp)
	}
	for _, want := range []string{"118", "2 could not be read", "sellermail sync"} {
		if !strings.Contains(p.line.Text, want) {
			t.Errorf("status %q lacks %q", p.line.Text, want)
		}
	}
}
