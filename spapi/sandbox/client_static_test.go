package sandbox_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"sellermail/spapi"
	"sellermail/spapi/sandbox"
)

// sendKinds maps the Messaging send operations to the kind the client sends.
var sendKinds = map[string]spapi.MessageKind{
	"confirmCustomizationDetails":  spapi.KindConfirmCustomizationDetails,
	"createConfirmDeliveryDetails": spapi.KindConfirmDeliveryDetails,
	"createLegalDisclosure":        spapi.KindLegalDisclosure,
	"createConfirmOrderDetails":    spapi.KindConfirmOrderDetails,
	"createConfirmServiceDetails":  spapi.KindConfirmServiceDetails,
	"CreateWarranty":               spapi.KindWarranty,
	"createDigitalAccessKey":       spapi.KindDigitalAccessKey,
	"createUnexpectedProblem":      spapi.KindUnexpectedProblem,
	"sendInvoice":                  spapi.KindInvoice,
}

// TestClientAnswersEveryStaticCase drives the real client through every
// static sandbox case of Amazon's models, served by the sandbox over HTTP,
// and checks that the client gets what the model says: the decoded answer for
// a success, an API error with the model's status otherwise, or (for cases
// whose parameters are not valid SP-API input, such as the order ID
// "TEST_CASE_400") a validation error before anything is sent.
func TestClientAnswersEveryStaticCase(t *testing.T) {
	dir, err := sandbox.FindModelsDir(".")
	if err != nil {
		t.Fatal(err)
	}
	cases, err := sandbox.LoadStatic(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := sandbox.New(sandbox.Options{Static: cases, TimeScale: 1000})
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	cred := sandbox.DefaultCredentials
	client, err := spapi.New(spapi.Config{
		Region:                spapi.RegionNA,
		Credentials:           spapi.Credentials{ClientID: cred.ClientID, ClientSecret: cred.ClientSecret, RefreshToken: cred.RefreshToken},
		Endpoint:              srv.URL(),
		LWAEndpoint:           srv.URL() + "/auth/o2/token",
		AllowInsecureLoopback: true,
		TimeScale:             1000,
	})
	if err != nil {
		t.Fatal(err)
	}

	seen := map[string]int{}
	for i, c := range cases.Cases {
		t.Run(c.OperationID+"/"+strconv.Itoa(i), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			got, err := callStatic(ctx, client, c)
			if errors.Is(err, errNotDriven) {
				t.Skip(err)
			}
			seen[c.OperationID]++
			var verr *spapi.ValidationError
			switch {
			case c.Status >= 400 && errors.As(err, &verr):
				// The client refused input Amazon refuses too, without a request.
			case c.Status >= 400:
				var apiErr *spapi.APIError
				if !errors.As(err, &apiErr) || apiErr.StatusCode != c.Status {
					t.Fatalf("want an API error with status %d, got %v", c.Status, err)
				}
				if apiErr.RequestID == "" {
					t.Error("the API error carries no request ID")
				}
			case err != nil:
				t.Fatalf("want success (%d), got %v", c.Status, err)
			default:
				checkDecoded(t, c, got)
			}
		})
	}
	// Every operation with cases must have been driven (Uploads has none in
	// Amazon's model).
	for _, c := range cases.Cases {
		if seen[c.OperationID] == 0 {
			t.Errorf("no static case of %s was driven through the client", c.OperationID)
		}
	}
}

var errNotDriven = errors.New("case not driven")

// callStatic makes the client call the case describes and returns the decoded answer.
func callStatic(ctx context.Context, c *spapi.Client, sc sandbox.StaticCase) (any, error) {
	q := sc.Query()
	orderID := pathParam(sc, "amazonOrderId")
	mp := q.Get("marketplaceIds")
	switch sc.OperationID {
	case "searchOrders":
		sq, err := searchQuery(q)
		if err != nil {
			return nil, &spapi.ValidationError{Field: "createdAfter", Message: err.Error()}
		}
		return c.SearchOrders(ctx, sq)
	case "getOrder":
		return c.GetOrder(ctx, pathParam(sc, "orderId"), q["includedData"]...)
	case "getMessagingActionsForOrder":
		return c.MessagingActions(ctx, orderID, mp)
	case "GetAttributes":
		return c.BuyerAttributes(ctx, orderID, mp)
	case "getSolicitationActionsForOrder":
		return c.SolicitationActions(ctx, orderID, mp)
	case "createProductReviewAndSellerFeedbackSolicitation":
		return c.RequestReview(ctx, orderID, mp)
	case "getMarketplaceParticipations":
		return c.MarketplaceParticipations(ctx)
	}
	kind, ok := sendKinds[sc.OperationID]
	if !ok {
		return nil, errNotDriven
	}
	var body struct {
		Text          string             `json:"text"`
		Attachments   []spapi.Attachment `json:"attachments"`
		CoverageStart time.Time          `json:"coverageStartDate"`
		CoverageEnd   time.Time          `json:"coverageEndDate"`
	}
	if b := sc.Body(); len(b) > 0 {
		if err := json.Unmarshal(b, &body); err != nil {
			return nil, err
		}
	}
	m := spapi.Message{Kind: kind, Text: body.Text, Attachments: body.Attachments,
		CoverageStart: body.CoverageStart, CoverageEnd: body.CoverageEnd}
	if kind == spapi.KindInvoice && len(m.Attachments) == 0 {
		// The model's invoice case lists no body; the client requires the
		// attachment Amazon requires, so send one as a real seller would.
		m.Attachments = []spapi.Attachment{{UploadDestinationID: "4e936e26-7b72-4b84-af27-e6baee1d546d", FileName: "invoice.pdf"}}
	}
	return c.SendMessage(ctx, orderID, mp, m)
}

func pathParam(sc sandbox.StaticCase, name string) string {
	var v string
	if raw, ok := sc.Parameters[name]; ok {
		_ = json.Unmarshal(raw, &v)
	}
	return v
}

func searchQuery(q url.Values) (spapi.SearchOrdersQuery, error) {
	var sq spapi.SearchOrdersQuery
	for name, dst := range map[string]*time.Time{
		"createdAfter": &sq.CreatedAfter, "createdBefore": &sq.CreatedBefore,
		"lastUpdatedAfter": &sq.LastUpdatedAfter, "lastUpdatedBefore": &sq.LastUpdatedBefore,
	} {
		if v := q.Get(name); v != "" {
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				return sq, err
			}
			*dst = t
		}
	}
	sq.MarketplaceIDs = splitAll(q["marketplaceIds"])
	sq.IncludedData = splitAll(q["includedData"])
	sq.FulfilledBy = splitAll(q["fulfilledBy"])
	for _, s := range splitAll(q["fulfillmentStatuses"]) {
		sq.FulfillmentStatuses = append(sq.FulfillmentStatuses, spapi.FulfillmentStatus(s))
	}
	sq.PaginationToken = q.Get("paginationToken")
	if v := q.Get("maxResultsPerPage"); v != "" {
		sq.MaxResultsPerPage, _ = strconv.Atoi(v)
	}
	return sq, nil
}

func splitAll(vs []string) []string {
	var out []string
	for _, v := range vs {
		out = append(out, strings.Split(v, ",")...)
	}
	return out
}

// checkDecoded compares what the client decoded with the model's answer.
func checkDecoded(t *testing.T, sc sandbox.StaticCase, got any) {
	t.Helper()
	var resp map[string]any
	if len(sc.Response) > 0 {
		if err := json.Unmarshal(sc.Response, &resp); err != nil {
			t.Fatal(err)
		}
	}
	switch v := got.(type) {
	case *spapi.OrdersPage:
		want, _ := resp["orders"].([]any)
		if len(v.Orders) != len(want) {
			t.Errorf("decoded %d orders, the model answers %d", len(v.Orders), len(want))
		}
		for i, o := range v.Orders {
			if id, _ := want[i].(map[string]any)["orderId"].(string); o.ID != id {
				t.Errorf("order %d: ID %q, want %q", i, o.ID, id)
			}
		}
		if p, ok := resp["pagination"].(map[string]any); ok {
			if tok, _ := p["nextToken"].(string); v.NextToken != tok {
				t.Errorf("next token %q, want %q", v.NextToken, tok)
			}
		}
	case *spapi.Order:
		want, _ := resp["order"].(map[string]any)
		if id, _ := want["orderId"].(string); v.ID != id {
			t.Errorf("order ID %q, want %q", v.ID, id)
		}
		items, _ := want["orderItems"].([]any)
		if len(v.Items) != len(items) {
			t.Errorf("%d items, want %d", len(v.Items), len(items))
		}
	case *spapi.Actions:
		links, _ := resp["_links"].(map[string]any)
		actions, _ := links["actions"].([]any)
		if len(v.Actions) != len(actions) {
			t.Errorf("%d actions, the model lists %d", len(v.Actions), len(actions))
		}
	case *spapi.BuyerAttributes:
		buyer, _ := resp["buyer"].(map[string]any)
		if want, _ := buyer["locale"].(string); v.Locale != want {
			t.Errorf("buyer locale %q, want %q", v.Locale, want)
		}
	case *spapi.Participations:
		payload, _ := resp["payload"].([]any)
		if len(v.Marketplaces) != len(payload) {
			t.Errorf("%d marketplaces, want %d", len(v.Marketplaces), len(payload))
		}
	case spapi.SendResult:
		if sc.Status != http.StatusCreated && sc.Status != http.StatusOK {
			t.Errorf("a send succeeded for a case answering %d", sc.Status)
		}
		if v.RequestID == "" {
			t.Error("the send result carries no request ID")
		}
	default:
		t.Fatalf("unexpected result type %T", got)
	}
}
