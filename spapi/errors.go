package spapi

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// Lang selects the language of a plain-language explanation.
type Lang string

// The languages explanations are written in.
const (
	English Lang = "en"
	German  Lang = "de"
)

// pick returns the German text for German and the English text otherwise.
func (l Lang) pick(en, de string) string {
	if l == German {
		return de
	}
	return en
}

// Explainer is implemented by every error of this package that a seller may
// see: Explain says in plain words what happened and what to do.
type Explainer interface {
	error
	Explain(lang Lang) string
}

// Explain returns a plain-language explanation of err for a seller. It uses
// the first Explainer in err's chain and falls back to a generic sentence.
func Explain(err error, lang Lang) string {
	if err == nil {
		return ""
	}
	var e Explainer
	if errors.As(err, &e) {
		return e.Explain(lang)
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return lang.pick("The request was cancelled.", "Die Anfrage wurde abgebrochen.")
	}
	return lang.pick("Amazon could not be reached: "+err.Error(),
		"Amazon war nicht erreichbar: "+err.Error())
}

// ErrOutcomeUnknown marks a send whose request reached the network but whose
// answer never arrived: Amazon may or may not have delivered the message.
// Test with errors.Is and tell the seller instead of sending again.
var ErrOutcomeUnknown = errors.New("spapi: outcome unknown: the request may have been received")

// OutcomeUnknownError is returned when a send was written to the connection
// and then timed out, was reset, or got a server error.
type OutcomeUnknownError struct {
	Operation string
	RequestID string // set when Amazon answered with a server error
	Err       error
}

// Error describes the lost answer, with the request ID when known.
func (e *OutcomeUnknownError) Error() string {
	msg := fmt.Sprintf("spapi: %s: outcome unknown, the request may have been received: %v", e.Operation, e.Err)
	if e.RequestID != "" {
		msg += " (request ID " + e.RequestID + ")"
	}
	return msg
}

// Unwrap returns the network or API error underneath.
func (e *OutcomeUnknownError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrOutcomeUnknown) true.
func (e *OutcomeUnknownError) Is(target error) bool { return target == ErrOutcomeUnknown }

// Explain tells the seller not to send again blindly.
func (e *OutcomeUnknownError) Explain(lang Lang) string {
	return lang.pick(
		"The connection to Amazon broke after the message was handed over, so it may or may not have been sent. Check Buyer-Seller Messages in Seller Central before sending it again.",
		"Die Verbindung zu Amazon brach ab, nachdem die Nachricht übergeben war; sie wurde vielleicht gesendet, vielleicht nicht. Prüfen Sie die Käufer-Verkäufer-Nachrichten in Seller Central, bevor Sie sie erneut senden.")
}

// ErrResponseTooLarge is wrapped by the error for an answer bigger than
// Config.MaxBodyBytes.
var ErrResponseTooLarge = errors.New("spapi: response body too large")

// ErrMalformedResponse is wrapped by the error for an answer that does not
// match Amazon's model.
var ErrMalformedResponse = errors.New("spapi: malformed response")

// ResponseError is an answer the client could not use: too large or
// malformed. It keeps the request ID for Amazon support.
type ResponseError struct {
	Operation  string
	StatusCode int
	RequestID  string
	Err        error // wraps ErrResponseTooLarge or ErrMalformedResponse
}

// Error describes the unusable answer and its request ID.
func (e *ResponseError) Error() string {
	msg := fmt.Sprintf("spapi: %s: HTTP %d: %v", e.Operation, e.StatusCode, e.Err)
	if e.RequestID != "" {
		msg += " (request ID " + e.RequestID + ")"
	}
	return msg
}

// Unwrap returns the cause.
func (e *ResponseError) Unwrap() error { return e.Err }

// Explain describes the unusable answer.
func (e *ResponseError) Explain(lang Lang) string {
	if errors.Is(e.Err, ErrResponseTooLarge) {
		return lang.pick("Amazon's answer was larger than Sellermail accepts, so it was not read. Try a shorter time range.",
			"Die Antwort von Amazon war größer als Sellermail annimmt und wurde nicht gelesen. Versuchen Sie einen kürzeren Zeitraum.")
	}
	return lang.pick("Amazon's answer could not be understood. Please try again later; if it persists, report request ID "+e.RequestID+".",
		"Die Antwort von Amazon war nicht verständlich. Bitte später erneut versuchen; wenn es bleibt, melden Sie die Anfrage-ID "+e.RequestID+".")
}

// ValidationError is a request refused before anything was sent, because
// Amazon would refuse it too.
type ValidationError struct {
	Field   string // the offending input, e.g. "orderID" or "text"
	Message string // English
	german  string
}

func newValidation(field, en, de string) *ValidationError {
	return &ValidationError{Field: field, Message: en, german: de}
}

// Error gives the English message with the offending field.
func (e *ValidationError) Error() string {
	return "spapi: invalid " + e.Field + ": " + e.Message
}

// Explain returns the message in the seller's language.
func (e *ValidationError) Explain(lang Lang) string {
	if lang == German && e.german != "" {
		return e.german
	}
	return e.Message
}

// ErrorDetail is one entry of Amazon's errors array.
type ErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Details string `json:"details,omitempty"`
}

// APIError is a non-success answer from the SP-API (or the upload storage).
type APIError struct {
	Operation  string
	StatusCode int
	Code       string // first error's code, e.g. "InvalidInput"
	Message    string // first error's message
	Details    string
	RequestID  string
	Errors     []ErrorDetail // all errors Amazon listed
}

// Error gives status, code, message and request ID.
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "spapi: %s: HTTP %d", e.Operation, e.StatusCode)
	if e.Code != "" {
		b.WriteString(" " + e.Code)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if e.Details != "" {
		b.WriteString(" (" + e.Details + ")")
	}
	if e.RequestID != "" {
		b.WriteString(" [request ID " + e.RequestID + "]")
	}
	return b.String()
}

// Throttled reports whether Amazon refused the call for exceeding its quota.
func (e *APIError) Throttled() bool { return e.StatusCode == 429 }

// Explain says in plain words what the error means for the seller.
func (e *APIError) Explain(lang Lang) string {
	msg := strings.ToLower(e.Message)
	switch {
	case strings.Contains(msg, "invalid amazonorderid and template combination"):
		return lang.pick("Amazon does not offer this message type for this order right now. Which messages are possible depends on the order's status, how it is fulfilled and the messages already sent; choose one of the types Amazon lists for the order.",
			"Amazon bietet diese Nachrichtenart für diese Bestellung gerade nicht an. Welche Nachrichten möglich sind, hängt vom Bestellstatus, vom Versand und von bereits gesendeten Nachrichten ab; wählen Sie eine der Arten, die Amazon für die Bestellung anzeigt.")
	case strings.Contains(msg, "solicitation is not available"):
		return lang.pick("A review request is not possible for this order: one was already sent, or the order is outside the window (5 to 30 days after delivery, shipped orders only).",
			"Für diese Bestellung ist keine Bewertungsanfrage möglich: Es wurde bereits eine gesendet, oder die Bestellung liegt außerhalb des Zeitfensters (5 bis 30 Tage nach Zustellung, nur versandte Bestellungen).")
	case strings.Contains(msg, "access to requested resource is denied"):
		return lang.pick("Amazon denied access: the app lacks the required role (for example Buyer Communication or Buyer Solicitation) or the seller's authorization. Check the app's roles in Seller Central and authorize it again.",
			"Amazon hat den Zugriff verweigert: Der App fehlt die nötige Rolle (zum Beispiel Buyer Communication oder Buyer Solicitation) oder die Autorisierung des Verkäufers. Prüfen Sie die Rollen der App in Seller Central und autorisieren Sie sie erneut.")
	case strings.Contains(msg, "expired") && e.StatusCode == 403:
		return lang.pick("Amazon reported the access token as expired. Check that this computer's clock is correct, then try again.",
			"Amazon meldet den Zugangsschlüssel als abgelaufen. Prüfen Sie, ob die Uhr dieses Computers stimmt, und versuchen Sie es erneut.")
	case e.Code == "InvalidDigest" || e.Code == "BadDigest":
		return lang.pick("The file's checksum did not match, so the upload was refused. Please try attaching the file again.",
			"Die Prüfsumme der Datei stimmte nicht, der Upload wurde abgelehnt. Bitte den Anhang erneut hinzufügen.")
	case strings.Contains(msg, "request has expired"):
		return lang.pick("The upload link from Amazon expired (it is valid for about 15 minutes). Please attach the file again.",
			"Der Upload-Link von Amazon ist abgelaufen (er gilt etwa 15 Minuten). Bitte den Anhang erneut hinzufügen.")
	case e.Code == "MissingAuthenticationToken" || strings.Contains(msg, "missing authentication token"):
		return lang.pick("Amazon did not recognise the request address. The seller's region may be set wrongly.",
			"Amazon hat die Anfrageadresse nicht erkannt. Möglicherweise ist die Region des Verkäufers falsch eingestellt.")
	}
	switch {
	case e.StatusCode == 429:
		return lang.pick("Amazon is limiting how often Sellermail may ask. Please wait a little and try again.",
			"Amazon begrenzt, wie oft Sellermail anfragen darf. Bitte kurz warten und erneut versuchen.")
	case e.StatusCode == 404:
		return lang.pick("Amazon did not find this order in the selected marketplace.",
			"Amazon hat diese Bestellung im gewählten Marktplatz nicht gefunden.")
	case e.StatusCode == 403:
		return lang.pick("Amazon refused the request as not permitted: "+e.Message,
			"Amazon hat die Anfrage als nicht erlaubt abgelehnt: "+e.Message)
	case e.StatusCode == 413:
		return lang.pick("The request was too large for Amazon (for example a too large attachment).",
			"Die Anfrage war für Amazon zu groß (zum Beispiel ein zu großer Anhang).")
	case e.StatusCode == 415:
		return lang.pick("Amazon does not accept this file or content type.",
			"Amazon akzeptiert diesen Datei- oder Inhaltstyp nicht.")
	case e.StatusCode >= 500:
		return lang.pick("Amazon had a temporary problem. Please try again later.",
			"Bei Amazon gab es ein vorübergehendes Problem. Bitte später erneut versuchen.")
	}
	return lang.pick("Amazon rejected the request: "+e.Message,
		"Amazon hat die Anfrage abgelehnt: "+e.Message)
}
