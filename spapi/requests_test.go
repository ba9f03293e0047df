package spapi

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"
)

const (
	orderID = "303-1234567-7654321"
	mpDE    = "A1PA6795UKMFR9"
)

// one returns the only API request the fake received.
func one(t *testing.T, f *fakeAmazon) recorded {
	t.Helper()
	reqs := f.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d API requests, want 1", len(reqs))
	}
	return reqs[0]
}

func TestEveryRequestCarriesTokenAndUserAgent(t *testing.T) {
	f := newFakeAmazon(t, attributesOK)
	if _, err := f.client().BuyerAttributes(context.Background(), orderID, mpDE); err != nil {
		t.Fatal(err)
	}
	r := one(t, f)
	if r.Header.Get("x-amz-access-token") != "Atza|access-1" {
		t.Errorf("token header %q", r.Header.Get("x-amz-access-token"))
	}
	ua := r.Header.Get("User-Agent")
	want := regexp.MustCompile(`^Sellermail/1\.2\.3 \(Language=Go/[0-9][^;()]*; Platform=` + runtime.GOOS + `\)$`)
	if !want.MatchString(ua) {
		t.Errorf("User-Agent %q does not match Amazon's format", ua)
	}
}

func TestReadRequestShapes(t *testing.T) {
	created := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	cases := []struct {
		name  string
		reply string
		call  func(*Client) error
		path  string
		query map[string]string
	}{
		{"searchOrders", `{"orders":[]}`, func(c *Client) error {
			_, err := c.SearchOrders(context.Background(), SearchOrdersQuery{
				CreatedAfter: created, MarketplaceIDs: []string{mpDE, "A13V1IB3VIYZZH"},
				FulfillmentStatuses: []FulfillmentStatus{StatusShipped, StatusUnshipped}, FulfilledBy: []string{"MERCHANT"},
				MaxResultsPerPage: 50, IncludedData: []string{IncludeBuyer, IncludeFulfillment}, PaginationToken: "tok/+=",
			})
			return err
		}, "/orders/2026-01-01/orders", map[string]string{
			"createdAfter": "2026-01-02T03:04:05Z", "marketplaceIds": mpDE + ",A13V1IB3VIYZZH",
			"fulfillmentStatuses": "SHIPPED,UNSHIPPED", "fulfilledBy": "MERCHANT", "maxResultsPerPage": "50",
			"includedData": "BUYER,FULFILLMENT", "paginationToken": "tok/+=",
		}},
		{"getOrder", `{"order":{"orderId":"` + orderID + `","createdTime":"2026-01-02T03:04:05Z","orderItems":[]}}`, func(c *Client) error {
			_, err := c.GetOrder(context.Background(), orderID, IncludeRecipient, IncludePackages)
			return err
		}, "/orders/2026-01-01/orders/" + orderID, map[string]string{"includedData": "RECIPIENT,PACKAGES"}},
		{"getMessagingActionsForOrder", `{"_links":{"actions":[],"self":{"href":"/x"}}}`, func(c *Client) error {
			_, err := c.MessagingActions(context.Background(), orderID, mpDE)
			return err
		}, "/messaging/v1/orders/" + orderID, map[string]string{"marketplaceIds": mpDE}},
		{"GetAttributes", `{"buyer":{"locale":"de-DE"}}`, func(c *Client) error {
			_, err := c.BuyerAttributes(context.Background(), orderID, mpDE)
			return err
		}, "/messaging/v1/orders/" + orderID + "/attributes", map[string]string{"marketplaceIds": mpDE}},
		{"getSolicitationActionsForOrder", `{"_links":{"actions":[],"self":{"href":"/x"}}}`, func(c *Client) error {
			_, err := c.SolicitationActions(context.Background(), orderID, mpDE)
			return err
		}, "/solicitations/v1/orders/" + orderID, map[string]string{"marketplaceIds": mpDE}},
		{"getMarketplaceParticipations", `{"payload":[]}`, func(c *Client) error {
			_, err := c.MarketplaceParticipations(context.Background())
			return err
		}, "/sellers/v1/marketplaceParticipations", map[string]string{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeAmazon(t, rawReply(200, tc.reply))
			if err := tc.call(f.client()); err != nil {
				t.Fatal(err)
			}
			r := one(t, f)
			if r.Method != http.MethodGet || r.Path != tc.path {
				t.Errorf("%s %s, want GET %s", r.Method, r.Path, tc.path)
			}
			got := map[string]string{}
			for k := range r.Query {
				got[k] = r.Query.Get(k)
			}
			if !reflect.DeepEqual(got, tc.query) {
				t.Errorf("query %v\nwant  %v", got, tc.query)
			}
			if len(r.Body) != 0 {
				t.Errorf("GET with body %q", r.Body)
			}
		})
	}
}

func TestSendMessageRequestShapes(t *testing.T) {
	att := []Attachment{{UploadDestinationID: "dest-1", FileName: "Rechnung.pdf"}}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		m    Message
		body string
	}{
		{Message{Kind: KindConfirmCustomizationDetails, Text: "Bitte bestätigen", Attachments: att},
			`{"text":"Bitte bestätigen","attachments":[{"uploadDestinationId":"dest-1","fileName":"Rechnung.pdf"}]}`},
		{Message{Kind: KindConfirmDeliveryDetails, Text: "t"}, `{"text":"t"}`},
		{Message{Kind: KindLegalDisclosure, Attachments: att}, `{"attachments":[{"uploadDestinationId":"dest-1","fileName":"Rechnung.pdf"}]}`},
		{Message{Kind: KindConfirmOrderDetails, Text: "t"}, `{"text":"t"}`},
		{Message{Kind: KindConfirmServiceDetails, Text: "t"}, `{"text":"t"}`},
		{Message{Kind: KindWarranty, Attachments: att, CoverageStart: start, CoverageEnd: start.AddDate(2, 0, 0)},
			`{"attachments":[{"uploadDestinationId":"dest-1","fileName":"Rechnung.pdf"}],"coverageStartDate":"2026-01-01T00:00:00Z","coverageEndDate":"2028-01-01T00:00:00Z"}`},
		{Message{Kind: KindDigitalAccessKey, Text: "KEY-123", Attachments: att},
			`{"text":"KEY-123","attachments":[{"uploadDestinationId":"dest-1","fileName":"Rechnung.pdf"}]}`},
		{Message{Kind: KindUnexpectedProblem, Text: "t"}, `{"text":"t"}`},
		{Message{Kind: KindInvoice, Attachments: att}, `{"attachments":[{"uploadDestinationId":"dest-1","fileName":"Rechnung.pdf"}]}`},
	}
	if len(cases) != len(MessageKinds()) {
		t.Fatalf("test covers %d kinds, client has %d", len(cases), len(MessageKinds()))
	}
	for _, tc := range cases {
		t.Run(string(tc.m.Kind), func(t *testing.T) {
			f := newFakeAmazon(t, rawReply(201, `{}`))
			res, err := f.client().SendMessage(context.Background(), orderID, mpDE, tc.m)
			if err != nil {
				t.Fatal(err)
			}
			if res.RequestID != "req-1" {
				t.Errorf("request ID %q", res.RequestID)
			}
			r := one(t, f)
			wantPath := "/messaging/v1/orders/" + orderID + "/messages/" + string(tc.m.Kind)
			if r.Method != http.MethodPost || r.Path != wantPath || r.Query.Get("marketplaceIds") != mpDE || len(r.Query) != 1 {
				t.Errorf("%s %s?%s, want POST %s?marketplaceIds=%s", r.Method, r.Path, r.Query.Encode(), wantPath, mpDE)
			}
			if ct := r.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("content type %q", ct)
			}
			var got, want any
			_ = json.Unmarshal(r.Body, &got)
			_ = json.Unmarshal([]byte(tc.body), &want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("body %s\nwant %s", r.Body, tc.body)
			}
		})
	}
}

func TestRequestReviewShape(t *testing.T) {
	f := newFakeAmazon(t, rawReply(201, `{}`))
	if _, err := f.client().RequestReview(context.Background(), orderID, mpDE); err != nil {
		t.Fatal(err)
	}
	r := one(t, f)
	if r.Method != http.MethodPost || r.Path != "/solicitations/v1/orders/"+orderID+"/solicitations/productReviewAndSellerFeedback" ||
		r.Query.Get("marketplaceIds") != mpDE || len(r.Body) != 0 {
		t.Errorf("got %s %s?%s body %q", r.Method, r.Path, r.Query.Encode(), r.Body)
	}
}

func TestUploadAttachmentCreatesDestinationAndPutsTheFile(t *testing.T) {
	data := []byte("%PDF-1.4 invoice bytes")
	var f *fakeAmazon
	f = newFakeAmazon(t, func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/uploads/") {
			jsonReply(w, 201, map[string]any{"payload": map[string]any{
				"uploadDestinationId": "dest-42",
				"url":                 f.srv.URL + "/bucket/dest-42?X-Amz-Signature=abc",
				"headers":             map[string]string{"Content-MD5": ContentMD5(data), "x-amz-server-side-encryption": "aws:kms"},
			}})
			return
		}
		w.WriteHeader(200)
	})
	resource := MessageResource(orderID, KindInvoice)
	att, err := f.client().UploadAttachment(context.Background(), Upload{
		Resource: resource, MarketplaceID: mpDE, FileName: "Rechnung 1.pdf", ContentType: "application/pdf", Data: data,
	})
	if err != nil {
		t.Fatal(err)
	}
	if att != (Attachment{UploadDestinationID: "dest-42", FileName: "Rechnung 1.pdf"}) {
		t.Errorf("attachment %+v", att)
	}
	reqs := f.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	create, put := reqs[0], reqs[1]
	if create.Method != http.MethodPost || create.Path != "/uploads/2020-11-01/uploadDestinations/"+resource {
		t.Errorf("create: %s %s", create.Method, create.Path)
	}
	if create.Query.Get("contentMD5") != ContentMD5(data) {
		t.Errorf("contentMD5 %q", create.Query.Get("contentMD5"))
	}
	if create.Query.Get("contentType") != "application/pdf" || create.Query.Get("marketplaceIds") != mpDE {
		t.Errorf("create query %v", create.Query)
	}
	if put.Method != http.MethodPut || put.Path != "/bucket/dest-42" || put.Query.Get("X-Amz-Signature") != "abc" {
		t.Errorf("put: %s %s?%s", put.Method, put.Path, put.Query.Encode())
	}
	if string(put.Body) != string(data) {
		t.Errorf("put body %q", put.Body)
	}
	if put.Header.Get("Content-MD5") != ContentMD5(data) || put.Header.Get("x-amz-server-side-encryption") != "aws:kms" ||
		put.Header.Get("Content-Type") != "application/pdf" {
		t.Errorf("put headers %v", put.Header)
	}
	if put.Header.Get("x-amz-access-token") != "" {
		t.Error("access token sent to the storage URL")
	}
}

func TestContentMD5IsBase64NotHex(t *testing.T) {
	// MD5("hello") is 5d41402abc4b2a76b9719d911017c592 in hex.
	if got := ContentMD5([]byte("hello")); got != "XUFAKrxLKna5cZ2REBfFkg==" {
		t.Fatalf("ContentMD5 = %q", got)
	}
	f := newFakeAmazon(t, nil)
	_, err := f.client().CreateUploadDestination(context.Background(), "messaging/v1/orders/x", mpDE, "5d41402abc4b2a76b9719d911017c592", "")
	var ve *ValidationError
	if !errors.As(err, &ve) || len(f.requests()) != 0 {
		t.Fatalf("hex digest accepted: %v", err)
	}
}
