package sandbox_test

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"sellermail/spapi"
	"sellermail/spapi/sandbox"
)

// countingTransport counts the 429 answers the client receives.
type countingTransport struct {
	next      http.RoundTripper
	throttled atomic.Int64
	requests  atomic.Int64
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := c.next.RoundTrip(r)
	if err == nil {
		c.requests.Add(1)
		if resp.StatusCode == http.StatusTooManyRequests {
			c.throttled.Add(1)
		}
	}
	return resp, err
}

// BenchmarkSync2000Orders syncs 2,000 orders through the sandbox, 50 a page,
// under searchOrders' documented limit (0.0056 requests per second, burst
// 20), with time running 2,000 times faster on both sides. The first 20
// pages use the burst; each of the other 20 must wait 1/0.0056 s, so the
// floor is 20/0.0056 s = 3,571 s of Amazon time. Reported: the scaled time
// of the sync, its ratio to that floor, and the 429 answers received (the
// goal is none, and a ratio within 1.05).
func BenchmarkSync2000Orders(b *testing.B) {
	const (
		orders  = 2000
		perPage = 50
		scale   = 2000.0
		rate    = 0.0056
		burst   = 20
	)
	floorSeconds := float64(orders/perPage-burst) / rate
	now := time.Now()
	for b.Loop() {
		b.StopTimer()
		srv := sandbox.New(sandbox.Options{Orders: orders, TimeScale: scale, Now: func() time.Time { return now }})
		if err := srv.Start(); err != nil {
			b.Fatal(err)
		}
		ct := &countingTransport{next: http.DefaultTransport}
		cred := sandbox.DefaultCredentials
		client, err := spapi.New(spapi.Config{
			Region:      spapi.RegionEU,
			Credentials: spapi.Credentials{ClientID: cred.ClientID, ClientSecret: cred.ClientSecret, RefreshToken: cred.RefreshToken},
			Endpoint:    srv.URL(), LWAEndpoint: srv.URL() + "/auth/o2/token", AllowInsecureLoopback: true,
			TimeScale: scale, HTTPClient: &http.Client{Transport: ct, Timeout: time.Minute},
		})
		if err != nil {
			b.Fatal(err)
		}
		q := spapi.SearchOrdersQuery{CreatedAfter: now.AddDate(-1, 0, 0), MaxResultsPerPage: perPage}
		b.StartTimer()

		start := time.Now()
		n := 0
		for _, err := range client.Orders(context.Background(), q) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		elapsed := time.Since(start)

		b.StopTimer()
		srv.Close()
		// Orders placed in the last two minutes are outside every search, as at Amazon.
		if n < orders-10 || n > orders {
			b.Fatalf("synced %d orders, want about %d", n, orders)
		}
		scaled := time.Duration(float64(elapsed) * scale)
		b.ReportMetric(scaled.Seconds(), "scaled-s/op")
		b.ReportMetric(scaled.Seconds()/floorSeconds, "x-floor")
		b.ReportMetric(float64(ct.throttled.Load()), "429s/op")
		b.StartTimer()
	}
}
