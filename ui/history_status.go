package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sellermail/app"
	"sellermail/app/store"
)

// messageStatusName is a message status in the window's language.
func messageStatusName(st store.MessageStatus) string {
	switch st {
	case store.StatusSent, store.StatusFailed, store.StatusUnknown, store.StatusQueued, store.StatusSending:
		return tr("history.status." + string(st))
	}
	return string(st)
}

// messageStatusImportance colours a status: sent green, failed red, unknown and
// queued need the seller.
func messageStatusImportance(st store.MessageStatus) widget.Importance {
	switch st {
	case store.StatusSent:
		return widget.SuccessImportance
	case store.StatusFailed:
		return widget.DangerImportance
	case store.StatusUnknown, store.StatusQueued, store.StatusSending:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// reviewStatusName is a review request status in the window's language,
// in the words the messages' statuses use.
func reviewStatusName(st store.ReviewStatus) string {
	switch st {
	case store.ReviewSent, store.ReviewFailed, store.ReviewUnknown, store.ReviewSending:
		return tr("history.status." + string(st))
	}
	return string(st)
}

// reviewStatusImportance colours a review request status like a message's.
func reviewStatusImportance(st store.ReviewStatus) widget.Importance {
	return messageStatusImportance(store.MessageStatus(st))
}

// explainedError is a dialog explaining err in the window's language.
func explainedError(err error, w fyne.Window) dialog.Dialog {
	return dialog.NewError(errors.New(app.Explain(err, Lang())), w)
}
