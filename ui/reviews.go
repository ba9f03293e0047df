package ui

import (
	"context"
	"errors"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/store"
)

// reviewRequester sends Amazon's review requests: for one order from its
// detail, or for every eligible order after a dry run has counted them.
type reviewRequester struct {
	svc     *app.Service
	tasks   *tasks
	win     fyne.Window
	dialogs *dialogStack
	done    func(orderID, text string, imp widget.Importance) // one order's outcome
	all     func()                                            // a batch has ended

	batch context.CancelFunc // cancels a running batch; nil when none runs
}

// request asks for a review for one order and reports the outcome through done.
func (r *reviewRequester) request(orderID string) {
	svc, ctx := r.svc, r.tasks.ctx
	r.tasks.run(func() func() {
		res, err := svc.RequestReview(ctx, orderID)
		return func() {
			// Amazon's acceptance decides, not the error: a request that went
			// out but could not be recorded must not look refused. A sent
			// status with a refusal is Amazon saying it was asked before.
			switch {
			case err == nil:
				r.done(orderID, tr("review.sent"), widget.SuccessImportance)
			case res.Status == store.ReviewSent && !errors.Is(err, app.ErrNotEligible):
				r.done(orderID, tr("review.sent.unrecorded", map[string]any{"Detail": app.Explain(err, Lang())}), widget.WarningImportance)
			case res.Status == store.ReviewUnknown:
				r.done(orderID, tr("review.unknown", map[string]any{"Detail": app.Explain(err, Lang())}), widget.WarningImportance)
			default:
				r.done(orderID, tr("review.refused", map[string]any{"Detail": app.Explain(err, Lang())}), widget.DangerImportance)
			}
		}
	})
}

// requestAll counts the eligible orders first, asks, then runs the batch
// behind a progress dialog and sums it up at the end.
func (r *reviewRequester) requestAll() {
	if r.batch != nil {
		return
	}
	counting := dialog.NewCustomWithoutButtons(tr("reviews.all.title"),
		container.NewVBox(widget.NewLabel(tr("reviews.all.counting")), widget.NewProgressBarInfinite()), r.win)
	r.dialogs.show(counting)
	svc, ctx := r.svc, r.tasks.ctx
	r.tasks.run(func() func() {
		sum, err := svc.RequestReviewsAll(ctx, true, nil)
		return func() {
			counting.Hide()
			if err != nil {
				r.dialogs.show(dialog.NewInformation(tr("reviews.all.title"), app.Explain(err, Lang()), r.win))
				return
			}
			if sum.Eligible == 0 {
				r.dialogs.show(dialog.NewInformation(tr("reviews.all.title"), tr("reviews.all.none"), r.win))
				return
			}
			msg := &widget.Label{Text: tr("reviews.all.confirm", map[string]any{"N": sum.Eligible}), Wrapping: fyne.TextWrapWord}
			d := dialog.NewCustomConfirm(tr("reviews.all.title"), tr("reviews.all.ok"), tr("dialog.cancel"), msg,
				func(ok bool) {
					if ok {
						r.runAll()
					}
				}, r.win)
			d.Resize(fyne.NewSize(440, 0))
			r.dialogs.show(d)
		}
	})
}

// batchProgress is the latest report of a running batch, coalesced like the sync's.
type batchProgress struct {
	mu     sync.Mutex
	latest app.ReviewProgress
	queued bool
}

func (r *reviewRequester) runAll() {
	ctx, cancel := context.WithCancel(r.tasks.ctx)
	r.batch = cancel
	bar := widget.NewProgressBar()
	label := &widget.Label{Text: tr("reviews.all.running"), Wrapping: fyne.TextWrapWord}
	var d *dialog.CustomDialog
	stop := &widget.Button{Text: tr("reviews.all.stop"), OnTapped: func() { cancel() }}
	d = dialog.NewCustomWithoutButtons(tr("reviews.all.title"), container.NewVBox(label, bar), r.win)
	d.SetButtons([]fyne.CanvasObject{stop})
	d.Resize(fyne.NewSize(440, 0))
	d.SetOnClosed(cancel)
	r.dialogs.show(d)
	prog := &batchProgress{}
	svc := r.svc
	r.tasks.run(func() func() {
		sum, err := svc.RequestReviewsAll(ctx, false, func(p app.ReviewProgress) {
			prog.mu.Lock()
			prog.latest = p
			queue := !prog.queued
			prog.queued = true
			prog.mu.Unlock()
			if queue {
				r.tasks.post(func() {
					prog.mu.Lock()
					p := prog.latest
					prog.queued = false
					prog.mu.Unlock()
					if p.Total > 0 {
						bar.SetValue(float64(p.Done) / float64(p.Total))
					}
					label.SetText(tr("reviews.all.progress", map[string]any{"Done": p.Done, "Total": p.Total}))
				})
			}
		})
		return func() {
			cancel()
			r.batch = nil
			d.Hide()
			r.summary(sum, err)
			if r.all != nil {
				r.all()
			}
		}
	})
}

// summary shows what a batch did.
func (r *reviewRequester) summary(sum app.ReviewSummary, err error) {
	text := tr("reviews.all.summary", map[string]any{
		"Sent": sum.Sent, "Skipped": sum.Skipped, "Failed": sum.Failed, "Unknown": sum.Unknown, "Total": sum.Total,
	})
	if err != nil {
		text += "\n" + app.Explain(err, Lang())
	}
	r.dialogs.show(dialog.NewInformation(tr("reviews.all.title"), text, r.win))
}
