package sandbox

import (
	"net/url"
	"testing"
	"time"
)

func TestRateLimitAnswers429(t *testing.T) {
	e := start(t, Options{TimeScale: 1})
	q := url.Values{"createdAfter": {fixedNow.Add(-day).Format(time.RFC3339)}, "maxResultsPerPage": {"1"}}.Encode()
	for i := range 20 {
		res, body := e.do("GET", "/orders/2026-01-01/orders?"+q, "")
		if res.StatusCode != 200 || res.Header.Get("x-amzn-RateLimit-Limit") != "0.0056" {
			t.Fatalf("call %d within burst: %d %s", i, res.StatusCode, body)
		}
	}
	res, body := e.do("GET", "/orders/2026-01-01/orders?"+q, "")
	if res.StatusCode != 429 || errCode(t, body) != "QuotaExceeded" || res.Header.Get("x-amzn-RequestId") == "" {
		t.Fatalf("call 21: %d %s", res.StatusCode, body)
	}
	if res.Header.Get("x-amzn-RateLimit-Limit") != "" {
		t.Error("rate-limit header on a throttled answer")
	}
	// buckets are per operation
	if res, _ := e.do("GET", "/sellers/v1/marketplaceParticipations", ""); res.StatusCode != 200 {
		t.Fatalf("other operation throttled: %d", res.StatusCode)
	}
	e.srv.ResetRateLimits()
	if res, _ := e.do("GET", "/orders/2026-01-01/orders?"+q, ""); res.StatusCode != 200 {
		t.Fatalf("after reset: %d", res.StatusCode)
	}
}

// With TimeScale the documented rate refills fast: messaging is 1 rps,
// burst 5, so at 1000x a token comes back within a millisecond.
func TestRateLimitTimeScaleRefills(t *testing.T) {
	e := start(t, Options{TimeScale: 1000})
	o := e.srv.demo.orders[0]
	throttled := false
	for range 50 {
		if res, _ := e.do("GET", msgPath(o, "/attributes"), ""); res.StatusCode == 429 {
			throttled = true
			break
		}
	}
	if !throttled {
		t.Fatal("50 immediate calls never throttled")
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		res, _ := e.do("GET", msgPath(o, "/attributes"), "")
		if res.StatusCode == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("bucket never refilled")
		}
		time.Sleep(time.Millisecond)
	}
}

func TestLimiterBucket(t *testing.T) {
	l := newLimiter(1)
	p := UsagePlan{Rate: 0.001, Burst: 3}
	for i := range 3 {
		if !l.allow("op", p) {
			t.Fatalf("call %d refused", i)
		}
	}
	if l.allow("op", p) {
		t.Fatal("burst exceeded")
	}
	l.b["op"].last = l.b["op"].last.Add(-2000 * time.Second)
	tokens := 0
	for range 3 {
		if l.allow("op", p) {
			tokens++
		}
	}
	if tokens != 2 {
		t.Fatalf("2000 s at 0.001 rps gave %d tokens, want exactly two", tokens)
	}
}
