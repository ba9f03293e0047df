package sandbox

import (
	"net/url"
	"testing"
)

func FuzzParseSearchQuery(f *testing.F) {
	f.Add("createdAfter=2026-01-01T00:00:00Z&marketplaceIds=A1PA6795UKMFR9,ATVPDKIKX0DER&maxResultsPerPage=5")
	f.Add("lastUpdatedAfter=2026-01-01T00:00:00Z&lastUpdatedBefore=2026-02-01T00:00:00Z&fulfillmentStatuses=SHIPPED&paginationToken=MTAuYWJj")
	f.Add("createdAfter=x&includedData=BUYER,,&fulfilledBy=AMAZON")
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		sf, err := parseSearchQuery(q, fixedNow)
		if err == nil && (sf.pageSize < 1 || sf.pageSize > 100 || sf.offset < 0 || sf.before.Before(sf.after)) {
			t.Fatalf("accepted an invalid filter %+v from %q", sf, raw)
		}
	})
}

func FuzzParseSendBody(f *testing.F) {
	f.Add(`{"text":"Hallo"}`, 0)
	f.Add(`{"attachments":[{"uploadDestinationId":"a","fileName":"b"}],"coverageStartDate":"2026-01-01T00:00:00Z"}`, 7)
	f.Add("{\"text\":\"\xff\"}", 3)
	f.Fuzz(func(t *testing.T, body string, kind int) {
		if kind < 0 {
			kind = -kind
		}
		k := &messageKinds[kind%len(messageKinds)]
		p, err := parseSendBody(k, []byte(body))
		if err != nil {
			return
		}
		if k.textMax > 0 && (p.Text == "" || len([]rune(p.Text)) > k.textMax) {
			t.Fatalf("accepted text of %d runes for %s", len([]rune(p.Text)), k.name)
		}
		if len(p.Attachments) > maxAttachments || len(p.Attachments) < k.attachMin {
			t.Fatalf("accepted %d attachments for %s", len(p.Attachments), k.name)
		}
	})
}

func FuzzParseTokenRequest(f *testing.F) {
	f.Add("application/x-www-form-urlencoded", "grant_type=refresh_token&refresh_token=Atzr%7Cx")
	f.Add("application/json", `{"grant_type":"refresh_token","client_id":1}`)
	f.Fuzz(func(t *testing.T, ct, body string) {
		parseTokenRequest(ct, []byte(body))
	})
}

func FuzzStaticMatch(f *testing.F) {
	sc, err := LoadStatic(modelsDir(f))
	if err != nil {
		f.Fatal(err)
	}
	f.Add("createdAfter=2024-12-20T00:00:00Z&marketplaceIds=A2Q3Y263D00KWC", `{"text":"My Message"}`, "123-1234567-1234567")
	f.Fuzz(func(t *testing.T, rawQuery, body, id string) {
		q, err := url.ParseQuery(rawQuery)
		if err != nil {
			return
		}
		for i := range sc.Operations {
			matchStatic(sc, &sc.Operations[i], func(string) string { return id }, q, []byte(body))
		}
	})
}
