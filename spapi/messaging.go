package spapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// MessageKind names a buyer message type exactly as the Messaging API does
// ("confirmOrderDetails", ...). The app maps kinds to its own policy rules.
type MessageKind string

// The message kinds the Messaging API currently offers. negativeFeedbackRemoval
// and amazonMotors were removed from Amazon's model and are not sendable.
const (
	KindConfirmCustomizationDetails MessageKind = "confirmCustomizationDetails"
	KindConfirmDeliveryDetails      MessageKind = "confirmDeliveryDetails"
	KindLegalDisclosure             MessageKind = "legalDisclosure"
	KindConfirmOrderDetails         MessageKind = "confirmOrderDetails"
	KindConfirmServiceDetails       MessageKind = "confirmServiceDetails"
	KindWarranty                    MessageKind = "warranty"
	KindDigitalAccessKey            MessageKind = "digitalAccessKey"
	KindUnexpectedProblem           MessageKind = "unexpectedProblem"
	KindInvoice                     MessageKind = "invoice"
)

// kindSpec is what Amazon's model allows for one message kind.
type kindSpec struct {
	kind      MessageKind
	op        operation
	maxText   int // 0: the kind takes no text
	attach    bool
	minAttach int
	coverage  bool // warranty coverage dates
}

// messageKinds is the Messaging model's send operations and body limits.
var messageKinds = []kindSpec{
	{kind: KindConfirmCustomizationDetails, op: sendOp("confirmCustomizationDetails"), maxText: 800, attach: true},
	{kind: KindConfirmDeliveryDetails, op: sendOp("createConfirmDeliveryDetails"), maxText: 2000},
	// A legal disclosure is its documents; Amazon's model sets no minimum,
	// but an empty one delivers nothing.
	{kind: KindLegalDisclosure, op: sendOp("createLegalDisclosure"), attach: true, minAttach: 1},
	{kind: KindConfirmOrderDetails, op: sendOp("createConfirmOrderDetails"), maxText: 2000},
	{kind: KindConfirmServiceDetails, op: sendOp("createConfirmServiceDetails"), maxText: 2000},
	{kind: KindWarranty, op: sendOp("CreateWarranty"), attach: true, minAttach: 1, coverage: true},
	{kind: KindDigitalAccessKey, op: sendOp("createDigitalAccessKey"), maxText: 400, attach: true},
	{kind: KindUnexpectedProblem, op: sendOp("createUnexpectedProblem"), maxText: 2000},
	{kind: KindInvoice, op: sendOp("sendInvoice"), attach: true, minAttach: 1},
}

func sendOp(name string) operation { return operation{name: name, rate: 1, burst: 5, send: true} }

func specOf(k MessageKind) (kindSpec, bool) {
	for _, s := range messageKinds {
		if s.kind == k {
			return s, true
		}
	}
	return kindSpec{}, false
}

// MessageKinds lists every kind this client can send.
func MessageKinds() []MessageKind {
	out := make([]MessageKind, len(messageKinds))
	for i, s := range messageKinds {
		out[i] = s.kind
	}
	return out
}

// MaxTextLength returns Amazon's character limit for a kind's text, or 0 if
// the kind carries no text.
func MaxTextLength(k MessageKind) int {
	s, _ := specOf(k)
	return s.maxText
}

// Attachment is a file uploaded with UploadAttachment, as a message refers
// to it. FileName is what the buyer sees, with extension.
type Attachment struct {
	UploadDestinationID string `json:"uploadDestinationId"`
	FileName            string `json:"fileName"`
}

// Message is one buyer message to send.
type Message struct {
	Kind        MessageKind
	Text        string       // for kinds that take text
	Attachments []Attachment // for kinds that take attachments, at most 5
	// CoverageStart and CoverageEnd are the warranty period (KindWarranty
	// only; optional).
	CoverageStart, CoverageEnd time.Time
}

// SendResult confirms a message or solicitation Amazon accepted.
type SendResult struct {
	RequestID string
}

// messageBody is the request body of every send operation.
type messageBody struct {
	Text          string       `json:"text,omitempty"`
	Attachments   []Attachment `json:"attachments,omitempty"`
	CoverageStart string       `json:"coverageStartDate,omitempty"`
	CoverageEnd   string       `json:"coverageEndDate,omitempty"`
}

// ValidateMessage checks m against Amazon's rules for its kind without
// sending anything; SendMessage runs the same checks.
func ValidateMessage(m Message) error {
	s, ok := specOf(m.Kind)
	if !ok {
		if m.Kind == "negativeFeedbackRemoval" || m.Kind == "amazonMotors" {
			return newValidation("kind", fmt.Sprintf("Amazon no longer offers the message type %q", m.Kind),
				fmt.Sprintf("Amazon bietet die Nachrichtenart %q nicht mehr an", m.Kind))
		}
		return newValidation("kind", fmt.Sprintf("%q is not a message type Amazon offers", clip(string(m.Kind), 40)),
			fmt.Sprintf("%q ist keine Nachrichtenart, die Amazon anbietet", clip(string(m.Kind), 40)))
	}
	if s.maxText == 0 && m.Text != "" {
		return newValidation("text", fmt.Sprintf("the message type %s takes no text, only attachments", s.kind),
			fmt.Sprintf("Die Nachrichtenart %s nimmt keinen Text an, nur Anhänge", s.kind))
	}
	if s.maxText > 0 {
		if err := checkText(m.Text, s.maxText); err != nil {
			return err
		}
	}
	if !s.attach && len(m.Attachments) > 0 {
		return newValidation("attachments", fmt.Sprintf("the message type %s takes no attachments", s.kind),
			fmt.Sprintf("Die Nachrichtenart %s nimmt keine Anhänge an", s.kind))
	}
	if s.attach {
		if err := checkAttachments(m.Attachments, s.minAttach); err != nil {
			return err
		}
	}
	if !s.coverage && (!m.CoverageStart.IsZero() || !m.CoverageEnd.IsZero()) {
		return newValidation("coverage", "only a warranty message has coverage dates",
			"Nur eine Garantienachricht hat einen Garantiezeitraum")
	}
	if !m.CoverageStart.IsZero() && !m.CoverageEnd.IsZero() && m.CoverageEnd.Before(m.CoverageStart) {
		return newValidation("coverage", "the warranty ends before it starts",
			"Die Garantie endet, bevor sie beginnt")
	}
	return nil
}

// SendMessage sends m to the buyer of an order. It validates first and is
// never retried once the request may have reached Amazon: if the answer is
// lost the error matches ErrOutcomeUnknown.
func (c *Client) SendMessage(ctx context.Context, orderID, marketplaceID string, m Message) (SendResult, error) {
	if err := checkOrderID(orderID); err != nil {
		return SendResult{}, err
	}
	if err := c.checkMarketplace(marketplaceID); err != nil {
		return SendResult{}, err
	}
	if err := ValidateMessage(m); err != nil {
		return SendResult{}, err
	}
	s, _ := specOf(m.Kind)
	body := messageBody{Text: m.Text, Attachments: m.Attachments}
	// Coverage dates keep the seller's own offset and precision: they are
	// dates the buyer reads, not query bounds.
	if !m.CoverageStart.IsZero() {
		body.CoverageStart = m.CoverageStart.Format(time.RFC3339Nano)
	}
	if !m.CoverageEnd.IsZero() {
		body.CoverageEnd = m.CoverageEnd.Format(time.RFC3339Nano)
	}
	data, err := json.Marshal(body)
	if err != nil {
		return SendResult{}, err
	}
	resp, err := c.call(ctx, apiRequest{
		op:     s.op,
		method: http.MethodPost,
		path:   "/messaging/v1/orders/" + url.PathEscape(orderID) + "/messages/" + string(s.kind),
		query:  url.Values{"marketplaceIds": {marketplaceID}},
		body:   data,
	})
	if err != nil {
		return SendResult{}, err
	}
	return SendResult{RequestID: resp.requestID}, nil
}

// Action is one entry of a HAL actions list: a message or solicitation type
// Amazon offers for an order right now.
type Action struct {
	// Name is Amazon's action name, e.g. "confirmOrderDetails" or
	// "productReviewAndSellerFeedback". It may name types this client does
	// not know, or "attributes".
	Name string
	Href string
	// Schema is the JSON Schema (draft-04) of the action's input when Amazon
	// embedded it, else nil.
	Schema json.RawMessage
}

// Actions is the list of actions Amazon offers for an order.
type Actions struct {
	Actions   []Action
	RequestID string
}

// Has reports whether Amazon offers the named action.
func (a *Actions) Has(name string) bool {
	for _, x := range a.Actions {
		if x.Name == name {
			return true
		}
	}
	return false
}

// Kinds returns the offered message kinds this client can send, in Amazon's
// order; names of removed or unknown types and "attributes" are left out.
func (a *Actions) Kinds() []MessageKind {
	var out []MessageKind
	for _, x := range a.Actions {
		if _, ok := specOf(MessageKind(x.Name)); ok {
			out = append(out, MessageKind(x.Name))
		}
	}
	return out
}

// MessagingActions returns the message types Amazon offers for an order
// (getMessagingActionsForOrder). Call it before offering a type to the seller.
func (c *Client) MessagingActions(ctx context.Context, orderID, marketplaceID string) (*Actions, error) {
	return c.actions(ctx, opGetMessagingAction, "/messaging/v1/orders/", orderID, marketplaceID)
}

func (c *Client) actions(ctx context.Context, op operation, prefix, orderID, marketplaceID string) (*Actions, error) {
	if err := checkOrderID(orderID); err != nil {
		return nil, err
	}
	if err := c.checkMarketplace(marketplaceID); err != nil {
		return nil, err
	}
	resp, err := c.call(ctx, apiRequest{
		op: op, method: http.MethodGet,
		path:  prefix + url.PathEscape(orderID),
		query: url.Values{"marketplaceIds": {marketplaceID}},
	})
	if err != nil {
		return nil, err
	}
	a, err := decodeActions(resp.body)
	if err != nil {
		return nil, malformed(op.name, resp, err)
	}
	a.RequestID = resp.requestID
	return a, nil
}

// halLink is a HAL link object.
type halLink struct {
	Href string `json:"href"`
	Name string `json:"name"`
}

// decodeActions parses the HAL answer of getMessagingActionsForOrder and
// getSolicitationActionsForOrder, attaching embedded schemas to their action.
func decodeActions(body []byte) (*Actions, error) {
	var b struct {
		Links struct {
			Actions []halLink `json:"actions"`
		} `json:"_links"`
		Embedded struct {
			Actions []struct {
				Links struct {
					Self   halLink `json:"self"`
					Schema halLink `json:"schema"`
				} `json:"_links"`
				Embedded struct {
					Schema struct {
						Payload json.RawMessage `json:"payload"`
					} `json:"schema"`
				} `json:"_embedded"`
				Payload struct {
					Name string `json:"name"`
				} `json:"payload"`
			} `json:"actions"`
		} `json:"_embedded"`
	}
	if err := decodeJSON(body, &b); err != nil {
		return nil, err
	}
	a := &Actions{}
	for _, l := range b.Links.Actions {
		name := l.Name
		if name == "" {
			name = actionNameFromHref(l.Href)
		}
		if name == "" {
			return nil, fmt.Errorf("%w: an action has neither name nor href", ErrMalformedResponse)
		}
		a.Actions = append(a.Actions, Action{Name: name, Href: l.Href})
	}
	for _, e := range b.Embedded.Actions {
		name := firstNonEmpty(e.Payload.Name, e.Links.Schema.Name, e.Links.Self.Name,
			actionNameFromHref(strings.TrimSuffix(hrefPath(e.Links.Schema.Href), "/schema")),
			actionNameFromHref(e.Links.Self.Href))
		schema := e.Embedded.Schema.Payload
		if len(schema) == 0 || string(schema) == "null" || name == "" {
			continue
		}
		for i := range a.Actions {
			if a.Actions[i].Name == name {
				a.Actions[i].Schema = append(json.RawMessage(nil), schema...)
			}
		}
	}
	return a, nil
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// hrefPath strips the query from a HAL href.
func hrefPath(href string) string {
	if i := strings.IndexByte(href, '?'); i >= 0 {
		return href[:i]
	}
	return href
}

// actionNameFromHref takes the last path segment of an action link.
func actionNameFromHref(href string) string {
	p := strings.TrimRight(hrefPath(href), "/")
	return p[strings.LastIndexByte(p, '/')+1:]
}

// BuyerAttributes are what GetAttributes tells about the buyer.
type BuyerAttributes struct {
	// Locale is the buyer's language of preference, e.g. "en-US"; messages
	// must be written in it. Empty if Amazon did not say.
	Locale    string
	RequestID string
}

// BuyerAttributes returns the buyer's preferences for an order (GetAttributes).
func (c *Client) BuyerAttributes(ctx context.Context, orderID, marketplaceID string) (*BuyerAttributes, error) {
	if err := checkOrderID(orderID); err != nil {
		return nil, err
	}
	if err := c.checkMarketplace(marketplaceID); err != nil {
		return nil, err
	}
	resp, err := c.call(ctx, apiRequest{
		op: opGetAttributes, method: http.MethodGet,
		path:  "/messaging/v1/orders/" + url.PathEscape(orderID) + "/attributes",
		query: url.Values{"marketplaceIds": {marketplaceID}},
	})
	if err != nil {
		return nil, err
	}
	a, err := decodeAttributes(resp.body)
	if err != nil {
		return nil, malformed(opGetAttributes.name, resp, err)
	}
	a.RequestID = resp.requestID
	return a, nil
}

func decodeAttributes(body []byte) (*BuyerAttributes, error) {
	var b struct {
		Buyer struct {
			Locale string `json:"locale"`
		} `json:"buyer"`
	}
	if err := decodeJSON(body, &b); err != nil {
		return nil, err
	}
	return &BuyerAttributes{Locale: b.Buyer.Locale}, nil
}
