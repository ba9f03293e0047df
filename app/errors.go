package app

import (
	"context"
	"errors"
	"strings"

	"sellermail/app/secrets"
	"sellermail/app/store"
	"sellermail/policy"
	"sellermail/spapi"
)

// Kinds of refusal; match them with errors.Is. Every one comes wrapped in a
// *Refusal that explains it in the seller's language.
var (
	// ErrBlocked: the compliance check found a block finding; nothing was sent.
	ErrBlocked = errors.New("message has findings that block sending")
	// ErrKindNotOffered: Amazon does not offer the message kind for the order now.
	ErrKindNotOffered = errors.New("message kind not offered for this order")
	// ErrKindNotSendable: the kind cannot be sent through the API (a reply) or is unknown.
	ErrKindNotSendable = errors.New("message kind cannot be sent")
	// ErrAttachments: the attachments are not allowed, too many, or unreadable.
	ErrAttachments = errors.New("attachments refused")
	// ErrNotEligible: the order cannot get a review request now.
	ErrNotEligible = errors.New("order not eligible for a review request")
	// ErrNotQueued: the message is not waiting in the outbox.
	ErrNotQueued = errors.New("message is not queued")
	// ErrOutcomeKnown: the review request's outcome is not unknown, so there is nothing to resolve.
	ErrOutcomeKnown = errors.New("review request outcome already known")
	// ErrSyncRunning: a sync is already running.
	ErrSyncRunning = errors.New("a sync is already running")
	// ErrTemplateBlocked: the template has a block finding and was not saved.
	ErrTemplateBlocked = errors.New("template has findings that block saving")
	// ErrUnknownOrder: the order is neither stored locally nor known to Amazon.
	ErrUnknownOrder = errors.New("unknown order")
)

// Refusal is a request Sellermail declined before anything went to Amazon,
// or an outcome it must report in the seller's words. It implements
// spapi.Explainer, so spapi.Explain and Explain both use its text.
type Refusal struct {
	// Kind is one of the Err* values of this package.
	Kind   error
	en, de string
	// Check is the compliance result behind ErrBlocked and ErrTemplateBlocked.
	Check *policy.Result
	// Eligibility is set for ErrNotEligible.
	Eligibility *Eligibility
}

func refusal(kind error, en, de string) *Refusal { return &Refusal{Kind: kind, en: en, de: de} }

// Error is the English explanation.
func (r *Refusal) Error() string { return "app: " + r.en }

// Unwrap returns Kind, for errors.Is.
func (r *Refusal) Unwrap() error { return r.Kind }

// Explain returns the explanation in lang.
func (r *Refusal) Explain(lang spapi.Lang) string { return pick(lang == spapi.German, r.en, r.de) }

// Explain returns a plain-language explanation of any error a service
// returns, in lang: refusals, Amazon's errors (through spapi.Explain),
// keyring and database problems.
func Explain(err error, lang policy.UILang) string {
	if err == nil {
		return ""
	}
	de := lang == policy.German
	var ex spapi.Explainer
	if errors.As(err, &ex) {
		return ex.Explain(spapi.Lang(uiLang(lang)))
	}
	switch {
	case errors.Is(err, secrets.ErrLocked):
		return pick(de, "The keyring is locked or did not answer. Unlock it and try again.",
			"Der Schlüsselbund ist gesperrt oder antwortet nicht. Entsperren Sie ihn und versuchen Sie es erneut.")
	case errors.Is(err, secrets.ErrUnavailable):
		return pick(de, "No keyring service is available on this computer, so credentials cannot be stored.",
			"Auf diesem Computer ist kein Schlüsselbund-Dienst verfügbar; Zugangsdaten können nicht gespeichert werden.")
	case errors.Is(err, secrets.ErrInvalid):
		return pick(de, "The credentials are not in Amazon's format: "+fieldProblems(err, false),
			"Die Zugangsdaten haben nicht das Format von Amazon: "+fieldProblems(err, true))
	case errors.Is(err, store.ErrDiskFull):
		return pick(de, "The disk is full; free some space and try again.",
			"Der Datenträger ist voll; schaffen Sie Platz und versuchen Sie es erneut.")
	case errors.Is(err, store.ErrReadOnly):
		return pick(de, "Sellermail's data file cannot be written; check its permissions.",
			"Die Datendatei von Sellermail kann nicht geschrieben werden; prüfen Sie die Berechtigungen.")
	case errors.Is(err, store.ErrNewerSchema):
		return pick(de, "The data file was written by a newer Sellermail; please update Sellermail.",
			"Die Datendatei stammt von einem neueren Sellermail; bitte aktualisieren Sie Sellermail.")
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || strings.HasPrefix(err.Error(), "spapi:") {
		return spapi.Explain(err, spapi.Lang(uiLang(lang)))
	}
	return pick(de, "Something went wrong: "+err.Error(), "Etwas ist schiefgegangen: "+err.Error())
}

// uiLang maps anything but German to English.
func uiLang(l policy.UILang) policy.UILang {
	if l == policy.German {
		return policy.German
	}
	return policy.English
}

// fieldProblems lists the credential format problems in err in one
// language, or err's own text when it holds none.
func fieldProblems(err error, german bool) string {
	fes := secrets.FieldErrors(err)
	if len(fes) == 0 {
		return err.Error()
	}
	texts := make([]string, len(fes))
	for i, fe := range fes {
		texts[i] = fe.Text(german)
	}
	return strings.Join(texts, "; ")
}
