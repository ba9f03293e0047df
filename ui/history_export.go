package ui

import (
	"errors"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// onExportTapped asks where to save the messages (or review requests) the
// filter selects as CSV.
func (s *HistoryScreen) onExportTapped() {
	if s.win == nil {
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.showError(err)
			return
		}
		if w == nil { // cancelled
			return
		}
		s.exportTo(w)
	}, s.win)
	name := "sellermail-history.csv"
	if s.showReviews {
		name = "sellermail-review-requests.csv"
	}
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv"}))
	s.dialogs.show(d)
}

// exportTo writes every message (or review request) the current filter
// selects, not only the pages loaded, to w as CSV and closes it; the
// writing runs off the UI goroutine and the outcome is reported in a dialog.
func (s *HistoryScreen) exportTo(w io.WriteCloser) {
	f, rf, reviews, lang := s.filter, s.reviewFilter, s.showReviews, Lang()
	f.Limit, f.Offset = 0, 0
	rf.Limit, rf.Offset = 0, 0
	done := "history.export.done"
	if reviews {
		done = "history.export.reviews.done"
	}
	s.tasks.run(func() func() {
		var err error
		if reviews {
			err = s.svc.ExportReviewsCSV(s.tasks.ctx, w, rf, lang)
		} else {
			err = s.svc.ExportHistoryCSV(s.tasks.ctx, w, f, lang)
		}
		err = errors.Join(err, w.Close())
		return func() {
			if err != nil {
				s.showError(err)
				return
			}
			if s.win != nil {
				s.dialogs.show(dialog.NewInformation(tr("history.export.done.title"), tr(done), s.win))
			}
		}
	})
}
