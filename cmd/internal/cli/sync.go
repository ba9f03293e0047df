package cli

import (
	"context"
	"fmt"

	"sellermail/app"
	"sellermail/app/store"
)

func parseSync(args []string) (struct{}, error) { return parseNone("sync")(args) }

// runSync fetches the orders changed since the last sync. Interrupting it
// keeps what was stored; the next sync resumes there.
func runSync(ctx context.Context, e *env, _ struct{}) error {
	svc, err := e.openService(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	ui := e.lang
	p := newProgress(e.Stderr)
	res, err := svc.Sync(ctx, func(sp app.SyncProgress) {
		p.show(tr(ui, "Syncing %s (%d of %d): %d orders", "Synchronisiere %s (%d von %d): %d Bestellungen"),
			marketName(sp.Marketplace), sp.Index, sp.Count, sp.Total)
	})
	p.clear()
	if res.Skipped > 0 {
		fmt.Fprintf(e.Stderr, tr(ui, "%d orders could not be read and were left out (the first: %s).\n",
			"%d Bestellungen waren unlesbar und wurden ausgelassen (die erste: %s).\n"), res.Skipped, res.SkipReason)
	}
	if err != nil {
		if res.Orders > 0 {
			fmt.Fprintf(e.Stderr, tr(ui, "%d orders were stored before the sync stopped; the next sync continues from there.\n",
				"%d Bestellungen wurden gespeichert, bevor die Synchronisierung abbrach; die nächste macht dort weiter.\n"), res.Orders)
		}
		return err
	}
	total, err := svc.CountOrders(ctx, store.OrderFilter{})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, tr(ui, "Synced %d marketplaces: %d orders new or changed, %d stored in all.\n",
		"%d Marktplätze synchronisiert: %d Bestellungen neu oder geändert, insgesamt %d gespeichert.\n"),
		res.Marketplaces, res.Orders, total)
	return nil
}
