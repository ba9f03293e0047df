package spapi

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestValidationRefusesBeforeSending(t *testing.T) {
	att := Attachment{UploadDestinationID: "d", FileName: "a.pdf"}
	six := []Attachment{att, att, att, att, att, att}
	cases := []struct {
		name, orderID, mp string
		m                 Message
		field             string
	}{
		{"order ID letters", "TEST_CASE_400", mpDE, textMsg, "orderID"},
		{"order ID short", "123-123456-1234567", mpDE, textMsg, "orderID"},
		{"order ID padded", " 123-1234567-1234567", mpDE, textMsg, "orderID"},
		{"no marketplace", orderID, "", textMsg, "marketplaceID"},
		{"two marketplaces", orderID, mpDE + ",A13V1IB3VIYZZH", textMsg, "marketplaceID"},
		{"bad marketplace", orderID, "de", textMsg, "marketplaceID"},
		{"empty text", orderID, mpDE, Message{Kind: KindConfirmOrderDetails, Text: "  "}, "text"},
		{"2001 characters", orderID, mpDE, Message{Kind: KindUnexpectedProblem, Text: strings.Repeat("ä", 2001)}, "text"},
		{"801 for customization", orderID, mpDE, Message{Kind: KindConfirmCustomizationDetails, Text: strings.Repeat("x", 801)}, "text"},
		{"401 for access key", orderID, mpDE, Message{Kind: KindDigitalAccessKey, Text: strings.Repeat("x", 401)}, "text"},
		{"invalid UTF-8", orderID, mpDE, Message{Kind: KindConfirmOrderDetails, Text: "ok \xff"}, "text"},
		{"text on invoice", orderID, mpDE, Message{Kind: KindInvoice, Text: "hi", Attachments: []Attachment{att}}, "text"},
		{"text on legal disclosure", orderID, mpDE, Message{Kind: KindLegalDisclosure, Text: "hi", Attachments: []Attachment{att}}, "text"},
		{"text on warranty", orderID, mpDE, Message{Kind: KindWarranty, Text: "hi", Attachments: []Attachment{att}}, "text"},
		{"six attachments", orderID, mpDE, Message{Kind: KindInvoice, Attachments: six}, "attachments"},
		{"invoice without file", orderID, mpDE, Message{Kind: KindInvoice}, "attachments"},
		{"attachment on delivery", orderID, mpDE, Message{Kind: KindConfirmDeliveryDetails, Text: "t", Attachments: []Attachment{att}}, "attachments"},
		{"attachment without ID", orderID, mpDE, Message{Kind: KindLegalDisclosure, Attachments: []Attachment{{FileName: "a.pdf"}}}, "attachments"},
		{"removed kind", orderID, mpDE, Message{Kind: "negativeFeedbackRemoval"}, "kind"},
		{"unknown kind", orderID, mpDE, Message{Kind: "hello", Text: "t"}, "kind"},
		{"warranty backwards", orderID, mpDE, Message{Kind: KindWarranty, Attachments: []Attachment{att},
			CoverageStart: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), CoverageEnd: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}, "coverage"},
		{"coverage on invoice", orderID, mpDE, Message{Kind: KindInvoice, Attachments: []Attachment{att}, CoverageStart: time.Now()}, "coverage"},
	}
	f := newFakeAmazon(t, rawReply(201, `{}`))
	c := f.client()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.SendMessage(context.Background(), tc.orderID, tc.mp, tc.m)
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want *ValidationError", err)
			}
			if ve.Field != tc.field {
				t.Errorf("field %q, want %q (%v)", ve.Field, tc.field, err)
			}
			if de := Explain(err, German); de == "" || de == ve.Explain(English) {
				t.Errorf("no German explanation: %q", de)
			}
		})
	}
	if n := len(f.requests()); n != 0 {
		t.Fatalf("%d invalid requests reached Amazon", n)
	}
	if f.lwaCalls.Load() != 0 {
		t.Fatal("invalid requests fetched a token")
	}
}

func TestValidationAcceptsTheLimitsExactly(t *testing.T) {
	att := Attachment{UploadDestinationID: "d", FileName: "a.pdf"}
	ok := []Message{
		{Kind: KindConfirmCustomizationDetails, Text: strings.Repeat("ü", 800), Attachments: []Attachment{att, att, att, att, att}},
		{Kind: KindDigitalAccessKey, Text: strings.Repeat("x", 400)},
		{Kind: KindConfirmOrderDetails, Text: strings.Repeat("日", 2000)},
		{Kind: KindWarranty, Attachments: []Attachment{att}},
	}
	for _, m := range ok {
		if err := ValidateMessage(m); err != nil {
			t.Errorf("%s: %v", m.Kind, err)
		}
	}
	if MaxTextLength(KindDigitalAccessKey) != 400 || MaxTextLength(KindInvoice) != 0 {
		t.Error("MaxTextLength disagrees with the model")
	}
}

func TestSearchQueryValidation(t *testing.T) {
	now := time.Now()
	day := now.Add(-24 * time.Hour)
	bad := map[string]SearchOrdersQuery{
		"no after":            {},
		"both afters":         {CreatedAfter: day, LastUpdatedAfter: day},
		"mixed bounds":        {CreatedAfter: day, LastUpdatedBefore: day.Add(time.Hour)},
		"before too recent":   {CreatedAfter: day, CreatedBefore: now.Add(-time.Minute)},
		"before before after": {LastUpdatedAfter: day, LastUpdatedBefore: day.Add(-time.Hour)},
		"future start":        {CreatedAfter: now.Add(time.Hour)},
		"page size":           {CreatedAfter: day, MaxResultsPerPage: 101},
		"51 marketplaces":     {CreatedAfter: day, MarketplaceIDs: make([]string, 51)},
		"status":              {CreatedAfter: day, FulfillmentStatuses: []FulfillmentStatus{"Shipped"}},
		"fulfilled by":        {CreatedAfter: day, FulfilledBy: []string{"FBA"}},
		"dataset":             {CreatedAfter: day, IncludedData: []string{"ADDRESS"}},
	}
	f := newFakeAmazon(t, rawReply(200, `{"orders":[]}`))
	c := f.client()
	for name, q := range bad {
		var ve *ValidationError
		if _, err := c.SearchOrders(context.Background(), q); !errors.As(err, &ve) {
			t.Errorf("%s: got %v", name, err)
		}
	}
	if len(f.requests()) != 0 {
		t.Fatal("an invalid search reached Amazon")
	}
	if _, err := c.SearchOrders(context.Background(), SearchOrdersQuery{CreatedAfter: day, CreatedBefore: now.Add(-3 * time.Minute)}); err != nil {
		t.Fatalf("valid search refused: %v", err)
	}
	if _, err := c.GetOrder(context.Background(), orderID, "ADDRESS"); err == nil {
		t.Fatal("unknown dataset accepted by GetOrder")
	}
}
