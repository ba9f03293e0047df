package spapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestConfusingAmazonErrorsAreExplained(t *testing.T) {
	cases := []struct {
		status  int
		code    string
		message string
		en, de  string
	}{
		{403, "Unauthorized", "Invalid amazonOrderId and template combination.", "not offer this message type for this order right now", "gerade nicht an"},
		{403, "Unauthorized", "The requested solicitation is not available for this amazonOrderId.", "already sent", "bereits eine gesendet"},
		{403, "Unauthorized", "Access to requested resource is denied.", "lacks the required role", "fehlt die nötige Rolle"},
		{429, "QuotaExceeded", "You exceeded your quota for the requested resource.", "wait", "warten"},
		{404, "NotFound", "Resource not found", "did not find this order", "nicht gefunden"},
		{400, "InvalidInput", "Invalid Input", "rejected the request: Invalid Input", "abgelehnt: Invalid Input"},
		{403, "MissingAuthenticationToken", "Missing Authentication Token", "region", "Region"},
		{400, "InvalidDigest", "The Content-MD5 you specified was invalid.", "checksum", "Prüfsumme"},
	}
	for _, tc := range cases {
		t.Run(tc.message, func(t *testing.T) {
			f := newFakeAmazon(t, rawReply(tc.status, fmt.Sprintf(`{"errors":[{"code":%q,"message":%q,"details":"d"}]}`, tc.code, tc.message)))
			_, err := f.client(func(c *Config) { c.MaxRetries = -1 }).BuyerAttributes(context.Background(), orderID, mpDE)
			var ae *APIError
			if !errors.As(err, &ae) {
				t.Fatalf("got %v", err)
			}
			if ae.StatusCode != tc.status || ae.Code != tc.code || ae.Message != tc.message || ae.Details != "d" || ae.RequestID != "req-1" || len(ae.Errors) != 1 {
				t.Errorf("decoded %+v", ae)
			}
			if en := Explain(err, English); !strings.Contains(en, tc.en) {
				t.Errorf("English %q lacks %q", en, tc.en)
			}
			if de := Explain(err, German); !strings.Contains(de, tc.de) {
				t.Errorf("German %q lacks %q", de, tc.de)
			}
			if !strings.Contains(err.Error(), "req-1") {
				t.Errorf("error text %q lacks the request ID", err)
			}
		})
	}
}

func TestNonJSONErrorBodiesAreKept(t *testing.T) {
	f := newFakeAmazon(t, rawReply(400, "<html>Bad gateway \xff thing</html>"))
	_, err := f.client().BuyerAttributes(context.Background(), orderID, mpDE)
	var ae *APIError
	if !errors.As(err, &ae) || !strings.Contains(ae.Message, "Bad gateway") || !strings.Contains(ae.Message, "\uFFFD") {
		t.Fatalf("got %#v", err)
	}
}

func TestHugeJSONErrorMessagesAreClipped(t *testing.T) {
	huge := strings.Repeat("ä", 1<<19) // 1 MiB
	body, _ := json.Marshal(map[string]any{"errors": []map[string]string{
		{"code": "InvalidInput", "message": huge, "details": huge},
		{"code": "InvalidInput", "message": huge, "details": huge},
	}})
	f := newFakeAmazon(t, rawReply(400, string(body)))
	_, err := f.client().BuyerAttributes(context.Background(), orderID, mpDE)
	var ae *APIError
	if !errors.As(err, &ae) || ae.Code != "InvalidInput" || !strings.HasPrefix(ae.Message, "ää") {
		t.Fatalf("got %v", err)
	}
	if len(err.Error()) > 1000 {
		t.Fatalf("error text is %d bytes", len(err.Error()))
	}
	for i, d := range ae.Errors {
		if len(d.Message) > 310 || len(d.Details) > 310 || !utf8.ValidString(d.Message) {
			t.Errorf("entry %d keeps %d bytes of message, %d of details", i, len(d.Message), len(d.Details))
		}
	}
}
