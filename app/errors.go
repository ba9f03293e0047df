package app

import (
	"context"
	"errors"
	"maps"
	"strconv"
	"strings"
	"sync"

	"sellermail/app/i18n"
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
// or an outcome it must report in the seller's words. Its Text is a
// catalogue key with arguments, rendered when it is shown.
type Refusal struct {
	// Kind is one of the Err* values of this package.
	Kind error
	// Text explains the refusal; render it with Text.In or Explain.
	Text i18n.Text
	// Check is the compliance result behind ErrBlocked and ErrTemplateBlocked.
	Check *policy.Result
	// Eligibility is set for ErrNotEligible.
	Eligibility *Eligibility
}

// refusal builds a Refusal whose text is key with name, value arguments.
func refusal(kind error, key string, nameValues ...string) *Refusal {
	return &Refusal{Kind: kind, Text: i18n.New(key, nameValues...)}
}

// Error is the English explanation.
func (r *Refusal) Error() string { return "app: " + r.Text.In(i18n.English) }

// Unwrap returns Kind, for errors.Is.
func (r *Refusal) Unwrap() error { return r.Kind }

// The keys of the texts that stand for an spapi error. Their arguments are
// the error's fields, so the error is rebuilt when the text is shown and
// spapi explains it in the language of that moment.
const (
	keyAmazonAPI        = "error.amazon.api"
	keyAmazonLogin      = "error.amazon.login"
	keyAmazonResponse   = "error.amazon.response"
	keyAmazonValidation = "error.amazon.validation"
	// keyCredentials holds the encoded texts of the field problems, one a line.
	keyCredentials = "error.credentials.invalid"
)

// ErrorText is err as a text that can be stored and shown later in any
// language: refusals, Amazon's errors, keyring and database problems, and a
// generic text for anything else (whose English detail stays in the log and
// the error itself, out of the seller's sentence).
func ErrorText(err error) i18n.Text {
	var (
		ref   *Refusal
		rou   *reviewOutcomeUnknown
		api   *spapi.APIError
		lwa   *spapi.LWAError
		resp  *spapi.ResponseError
		valid *spapi.ValidationError
	)
	if t, ok := mailErrorText(err); ok {
		return t
	}
	switch {
	case err == nil:
		return i18n.Text{}
	case errors.As(err, &ref):
		return ref.Text
	case errors.As(err, &rou):
		return i18n.New("error.review.outcomeunknown")
	case errors.Is(err, spapi.ErrOutcomeUnknown):
		return i18n.New("error.outcomeunknown")
	case errors.As(err, &api):
		return i18n.New(keyAmazonAPI, "Operation", api.Operation, "Status", strconv.Itoa(api.StatusCode), "Code", api.Code,
			"Message", api.Message, "Details", api.Details, "RequestID", api.RequestID)
	case errors.As(err, &lwa):
		return i18n.New(keyAmazonLogin, "Status", strconv.Itoa(lwa.StatusCode), "Code", lwa.Code,
			"Description", lwa.Description, "RequestID", lwa.RequestID)
	case errors.As(err, &resp):
		large := ""
		if errors.Is(resp.Err, spapi.ErrResponseTooLarge) {
			large = "1"
		}
		return i18n.New(keyAmazonResponse, "Operation", resp.Operation, "Status", strconv.Itoa(resp.StatusCode),
			"RequestID", resp.RequestID, "TooLarge", large)
	case errors.As(err, &valid):
		return i18n.New(keyAmazonValidation, "Field", valid.Field, "Message", valid.Message,
			"German", valid.Explain(spapi.German))
	case errors.Is(err, secrets.ErrLocked):
		return i18n.New("error.keyring.locked")
	case errors.Is(err, secrets.ErrUnavailable):
		return i18n.New("error.keyring.unavailable")
	case errors.Is(err, secrets.ErrInvalid):
		return fieldProblems(err)
	case errors.Is(err, store.ErrDiskFull):
		return i18n.New("error.disk.full")
	case errors.Is(err, store.ErrReadOnly):
		return i18n.New("error.disk.readonly")
	case errors.Is(err, store.ErrNewerSchema):
		return i18n.New("error.disk.newer")
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return i18n.New("error.cancelled")
	case strings.HasPrefix(err.Error(), "spapi:"):
		return i18n.New("error.amazon.unreachable")
	}
	return i18n.New("error.other")
}

// Detail is err's own, technical text when Explain leaves it out (an
// error Sellermail does not know, or a network failure), for a log or
// the command line; "" when the explanation says everything.
func Detail(err error) string {
	switch ErrorText(err).Key {
	case "error.other", "error.amazon.unreachable":
		return err.Error()
	}
	return ""
}

// Explain returns a plain-language explanation of any error a service
// returns, in lang.
func Explain(err error, lang i18n.Lang) string { return Render(ErrorText(err), lang) }

// Render shows t in lang. Texts that stand for an error of Amazon's are
// explained by spapi, which keeps those texts; the rest come from the
// catalogue.
func Render(t i18n.Text, lang i18n.Lang) string {
	a := t.Args
	sl := spapi.Lang(lang.Or())
	switch t.Key {
	case keyAmazonAPI:
		status, _ := strconv.Atoi(a["Status"])
		return (&spapi.APIError{Operation: a["Operation"], StatusCode: status, Code: a["Code"], Message: a["Message"],
			Details: a["Details"], RequestID: a["RequestID"]}).Explain(sl)
	case keyAmazonLogin:
		status, _ := strconv.Atoi(a["Status"])
		return (&spapi.LWAError{StatusCode: status, Code: a["Code"], Description: a["Description"], RequestID: a["RequestID"]}).Explain(sl)
	case keyAmazonResponse:
		status, _ := strconv.Atoi(a["Status"])
		e := &spapi.ResponseError{Operation: a["Operation"], StatusCode: status, RequestID: a["RequestID"], Err: spapi.ErrMalformedResponse}
		if a["TooLarge"] != "" {
			e.Err = spapi.ErrResponseTooLarge
		}
		return e.Explain(sl)
	case keyCredentials:
		var parts []string
		for _, line := range strings.Split(a["Problems"], "\n") {
			if p, ok := i18n.Decode(line); ok {
				parts = append(parts, i18n.T(lang, p.Args["FieldKey"])+": "+p.In(lang))
			}
		}
		return i18n.T(lang, keyCredentials, map[string]string{"Problems": strings.Join(parts, "; ")})
	case keyAmazonValidation:
		if lang == i18n.German && a["German"] != "" {
			return a["German"]
		}
		return a["Message"]
	}
	if rule := a["Rule"]; rule != "" {
		// A rule's explanation is policy's text, looked up in lang now.
		args := maps.Clone(a)
		args["RuleExplanation"] = ruleExplanation(rule, lang)
		return i18n.T(lang, t.Key, args)
	}
	return t.In(lang)
}

// rules are policy's rules by ID.
var rules = sync.OnceValue(func() map[string]policy.Rule {
	m := map[string]policy.Rule{}
	for _, r := range policy.Rules() {
		m[r.ID] = r
	}
	return m
})

// ruleExplanation is the rule's explanation in lang, or its ID when policy
// no longer knows it.
func ruleExplanation(id string, lang i18n.Lang) string {
	if r, ok := rules()[id]; ok {
		return r.Explanation(PolicyLang(lang))
	}
	return id
}

// StoredReason shows a reason stored with a message or review request in lang:
// a stored text in lang's words, prose from older versions as it was written.
func StoredReason(stored string, lang i18n.Lang) string {
	if t, ok := i18n.Decode(stored); ok {
		return Render(t, lang)
	}
	return stored
}

// fieldProblems is the text for the credential format problems in err.
func fieldProblems(err error) i18n.Text {
	fes := secrets.FieldErrors(err)
	keys := make([]string, len(fes))
	for i, fe := range fes {
		keys[i] = fe.Stored().Encode()
	}
	return i18n.New(keyCredentials, "Problems", strings.Join(keys, "\n"))
}

// PolicyLang is lang as the compliance engine names it.
func PolicyLang(lang i18n.Lang) policy.UILang {
	if lang == i18n.German {
		return policy.German
	}
	return policy.English
}
