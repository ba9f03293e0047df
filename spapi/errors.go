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

// Reason is what an error answer means for the seller, decided from its
// status, code, message and details together.
type Reason string

// The reasons an error answer can have.
const (
	ReasonKindNotOffered      Reason = "kind-not-offered"
	ReasonSolicitationTaken   Reason = "solicitation-not-available"
	ReasonMissingAuth         Reason = "missing-authentication-token"
	ReasonUploadLinkExpired   Reason = "upload-link-expired"
	ReasonTokenExpired        Reason = "token-expired"
	ReasonAuthorizationDenied Reason = "authorization-revoked"
	ReasonWrongRegion         Reason = "wrong-region"
	ReasonNoRole              Reason = "no-role"
	ReasonBadDigest           Reason = "bad-digest"
	ReasonThrottled           Reason = "throttled"
	ReasonNotFound            Reason = "not-found"
	ReasonForbidden           Reason = "forbidden"
	ReasonTooLarge            Reason = "too-large"
	ReasonMediaType           Reason = "media-type"
	ReasonServer              Reason = "server"
	ReasonOther               Reason = "other"
)

// Reason classifies the answer. The specific texts come first: Amazon puts
// the same "Access to requested resource is denied." over an expired token,
// a revoked authorization, a wrong region and a missing role, and only the
// details or the code tell them apart.
func (e *APIError) Reason() Reason {
	msg := strings.ToLower(e.Message)
	all := msg + "\n" + strings.ToLower(e.Details)
	switch {
	case strings.Contains(msg, "invalid amazonorderid and template combination"):
		return ReasonKindNotOffered
	case strings.Contains(msg, "solicitation is not available"):
		return ReasonSolicitationTaken
	case e.Code == "MissingAuthenticationToken" || strings.Contains(all, "missing authentication token"):
		return ReasonMissingAuth
	case strings.Contains(all, "request has expired"):
		// The storage service's answer to a pre-signed URL used too late.
		return ReasonUploadLinkExpired
	case e.StatusCode == 403 && strings.Contains(all, "access token") && strings.Contains(all, "expired"):
		return ReasonTokenExpired
	case e.StatusCode == 403 && strings.Contains(all, "access token") &&
		(strings.Contains(all, "revoked") || strings.Contains(all, "invalid") || strings.Contains(all, "malformed")):
		return ReasonAuthorizationDenied
	case strings.Contains(all, "not valid for region") || strings.Contains(all, "not valid for this region"):
		return ReasonWrongRegion
	case strings.Contains(msg, "access to requested resource is denied"):
		return ReasonNoRole
	case e.Code == "InvalidDigest" || e.Code == "BadDigest":
		return ReasonBadDigest
	case e.StatusCode == 429:
		return ReasonThrottled
	case e.StatusCode == 404:
		return ReasonNotFound
	case e.StatusCode == 403:
		return ReasonForbidden
	case e.StatusCode == 413:
		return ReasonTooLarge
	case e.StatusCode == 415:
		return ReasonMediaType
	case e.StatusCode >= 500:
		return ReasonServer
	}
	return ReasonOther
}

// Explain says in plain words what the error means for the seller and what
// to do next.
func (e *APIError) Explain(lang Lang) string {
	switch e.Reason() {
	case ReasonKindNotOffered:
		return lang.pick("Amazon does not offer this message type for this order right now. Which messages are possible depends on the order's status, how it is fulfilled and the messages already sent; choose one of the types Amazon lists for the order.",
			"Amazon bietet diese Nachrichtenart für diese Bestellung gerade nicht an. Welche Nachrichten möglich sind, hängt vom Bestellstatus, vom Versand und von bereits gesendeten Nachrichten ab; wählen Sie eine der Arten, die Amazon für die Bestellung anzeigt.")
	case ReasonSolicitationTaken:
		return lang.pick("A review request is not possible for this order: one was already sent, or the order is outside the window (5 to 30 days after delivery, shipped orders only).",
			"Für diese Bestellung ist keine Bewertungsanfrage möglich: Es wurde bereits eine gesendet, oder die Bestellung liegt außerhalb des Zeitfensters (5 bis 30 Tage nach Zustellung, nur versandte Bestellungen).")
	case ReasonMissingAuth:
		return lang.pick("Amazon did not recognise the request address. The seller's region may be set wrongly: choose the region of your Seller Central account in Settings.",
			"Amazon hat die Anfrageadresse nicht erkannt. Möglicherweise ist die Region des Verkäufers falsch eingestellt: Wählen Sie in den Einstellungen die Region Ihres Seller-Central-Kontos.")
	case ReasonUploadLinkExpired:
		return lang.pick("The upload link from Amazon expired (it is valid for about 15 minutes). Please attach the file again.",
			"Der Upload-Link von Amazon ist abgelaufen (er gilt etwa 15 Minuten). Bitte den Anhang erneut hinzufügen.")
	case ReasonTokenExpired:
		return lang.pick("Amazon reported Sellermail's access token as expired. Nothing is needed from you: Sellermail fetches a new one by itself, so just try again. If this repeats, check that this computer's clock is correct.",
			"Amazon meldet Sellermails Zugangsschlüssel als abgelaufen. Sie müssen nichts tun: Sellermail holt selbst einen neuen, versuchen Sie es einfach erneut. Wenn es sich wiederholt, prüfen Sie, ob die Uhr dieses Computers stimmt.")
	case ReasonAuthorizationDenied:
		return lang.pick("Amazon no longer accepts Sellermail's authorization (it was revoked or is not valid). Log in again in Settings (or with 'sellermail login') to authorize Sellermail anew.",
			"Amazon akzeptiert Sellermails Autorisierung nicht mehr (sie wurde widerrufen oder ist ungültig). Melden Sie sich in den Einstellungen (oder mit 'sellermail login') erneut an, um Sellermail neu zu autorisieren.")
	case ReasonWrongRegion:
		return lang.pick("The marketplace does not belong to the region Sellermail is set to. Choose the right region (Europe, North America or Far East) in Settings.",
			"Der Marktplatz gehört nicht zu der Region, auf die Sellermail eingestellt ist. Wählen Sie in den Einstellungen die richtige Region (Europa, Nordamerika oder Fernost).")
	case ReasonNoRole:
		return lang.pick("Amazon denied access: the app lacks the required role (for example Buyer Communication or Buyer Solicitation) or the seller's authorization. Check the app's roles in Seller Central and authorize it again.",
			"Amazon hat den Zugriff verweigert: Der App fehlt die nötige Rolle (zum Beispiel Buyer Communication oder Buyer Solicitation) oder die Autorisierung des Verkäufers. Prüfen Sie die Rollen der App in Seller Central und autorisieren Sie sie erneut.")
	case ReasonBadDigest:
		return lang.pick("The file's checksum did not match, so the upload was refused. Please try attaching the file again.",
			"Die Prüfsumme der Datei stimmte nicht, der Upload wurde abgelehnt. Bitte den Anhang erneut hinzufügen.")
	case ReasonThrottled:
		return lang.pick("Amazon is limiting how often Sellermail may ask. Please wait a little and try again.",
			"Amazon begrenzt, wie oft Sellermail anfragen darf. Bitte kurz warten und erneut versuchen.")
	case ReasonNotFound:
		en, de := e.notFound()
		return lang.pick(en, de)
	case ReasonForbidden:
		return lang.pick("Amazon refused the request as not permitted"+e.amazonSaid(),
			"Amazon hat die Anfrage als nicht erlaubt abgelehnt"+e.amazonSaid())
	case ReasonTooLarge:
		return lang.pick("The request was too large for Amazon (for example a too large attachment).",
			"Die Anfrage war für Amazon zu groß (zum Beispiel ein zu großer Anhang).")
	case ReasonMediaType:
		return lang.pick("Amazon does not accept this file or content type.",
			"Amazon akzeptiert diesen Datei- oder Inhaltstyp nicht.")
	case ReasonServer:
		return lang.pick("Amazon had a temporary problem. Please try again later.",
			"Bei Amazon gab es ein vorübergehendes Problem. Bitte später erneut versuchen.")
	}
	return lang.pick("Amazon rejected the request"+e.amazonSaid(), "Amazon hat die Anfrage abgelehnt"+e.amazonSaid())
}

// amazonSaid is ": message (details)" as Amazon wrote them, or "." when it
// wrote nothing. Both were redacted and clipped when the answer was read.
func (e *APIError) amazonSaid() string {
	switch {
	case e.Message != "" && e.Details != "":
		return ": " + e.Message + " (" + e.Details + ")"
	case e.Message != "":
		return ": " + e.Message
	case e.Details != "":
		return ": " + e.Details
	}
	return "."
}

// notFound says what was not found, by operation.
func (e *APIError) notFound() (en, de string) {
	switch e.Operation {
	case opGetOrder.name, opGetMessagingAction.name, opGetAttributes.name, opGetSolicitations.name, opCreateSolicitation.name:
		return "Amazon did not find this order in the selected marketplace.",
			"Amazon hat diese Bestellung im gewählten Marktplatz nicht gefunden."
	case opParticipations.name:
		return "Amazon did not find a seller account for these credentials. Check that you logged in with the seller's own authorization.",
			"Amazon hat zu diesen Zugangsdaten kein Verkäuferkonto gefunden. Prüfen Sie, ob Sie sich mit der Autorisierung des Verkäufers angemeldet haben."
	case opCreateUploadDest.name, "uploadFile":
		return "Amazon did not find the upload destination for the attachment (it may have expired). Please attach the file again.",
			"Amazon hat das Upload-Ziel des Anhangs nicht gefunden (es ist vielleicht abgelaufen). Bitte den Anhang erneut hinzufügen."
	case opSearchOrders.name:
		return "Amazon did not find the orders list for this marketplace. Check the marketplaces and the region in Settings.",
			"Amazon hat die Bestellliste für diesen Marktplatz nicht gefunden. Prüfen Sie Marktplätze und Region in den Einstellungen."
	}
	if isMessageOperation(e.Operation) {
		return "Amazon did not find this order in the selected marketplace.",
			"Amazon hat diese Bestellung im gewählten Marktplatz nicht gefunden."
	}
	return "Amazon did not find what was asked for" + e.amazonSaid(), "Amazon hat das Angefragte nicht gefunden" + e.amazonSaid()
}

// isMessageOperation reports whether op sends one of the message kinds.
func isMessageOperation(op string) bool {
	for _, k := range messageKinds {
		if k.op.name == op {
			return true
		}
	}
	return false
}
