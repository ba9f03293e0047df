package cli

import (
	"context"
	"fmt"

	"sellermail/app"
	"sellermail/app/i18n"
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
		p.show("%s", i18n.T(ui, "cli.sync.progress", map[string]any{
			"Marketplace": marketName(sp.Marketplace), "Index": sp.Index, "Count": sp.Count, "N": sp.Total}))
	})
	p.clear()
	if res.Skipped > 0 {
		fmt.Fprintln(e.Stderr, i18n.T(ui, "cli.sync.skipped", map[string]any{"N": res.Skipped, "Reason": res.SkipReason}))
	}
	if err != nil {
		if res.Orders > 0 {
			fmt.Fprintln(e.Stderr, i18n.T(ui, "cli.sync.partial", map[string]any{"N": res.Orders}))
		}
		return err
	}
	total, err := svc.CountOrders(ctx, store.OrderFilter{})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.Stdout, i18n.T(ui, "cli.sync.done", map[string]any{"Marketplaces": res.Marketplaces, "N": res.Orders, "Total": total}))
	return nil
}
