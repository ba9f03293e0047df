package ui

import (
	"errors"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// onExportTapped asks where to save the messages the filter selects as CSV.
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
	d.SetFileName("sellermail-history.csv")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv"}))
	d.Show()
}

// exportTo writes every message the current filter selects (not only the
// pages loaded) to w as CSV and closes it; the writing runs off the UI
// goroutine and the outcome is reported in a dialog.
func (s *HistoryScreen) exportTo(w io.WriteCloser) {
	f := s.filter
	f.Limit, f.Offset = 0, 0
	s.goDo(func() func() {
		err := s.svc.ExportHistoryCSV(s.ctx, w, f)
		err = errors.Join(err, w.Close())
		return func() {
			if err != nil {
				s.showError(err)
				return
			}
			if s.win != nil {
				dialog.ShowInformation(tr("history.export.done.title"), tr("history.export.done"), s.win)
			}
		}
	})
}
