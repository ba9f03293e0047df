package spapi

import (
	"context"
	"errors"
	"math"
	"net/http"
	"testing"
	"time"
)

func sum(ds []time.Duration) time.Duration {
	var t time.Duration
	for _, d := range ds {
		t += d
	}
	return t
}

func TestCallersWaitForTheBucketAndNoLonger(t *testing.T) {
	f := newFakeAmazon(t, attributesOK)
	c := f.client(func(c *Config) { c.TimeScale = 1 })
	clk := newFakeClock()
	c.setClock(clk)
	const calls = 25 // GetAttributes: 1 request/s, burst 5
	for i := range calls {
		if _, err := c.BuyerAttributes(context.Background(), orderID, mpDE); err != nil {
			t.Fatal(err)
		}
		if i < 5 && len(clk.sleeps()) != 0 {
			t.Fatalf("call %d waited inside the burst", i+1)
		}
	}
	waits := clk.sleeps()
	if len(waits) != calls-5 {
		t.Fatalf("%d waits, want %d", len(waits), calls-5)
	}
	floor := time.Duration(calls-5) * time.Second
	total := sum(waits)
	if total < floor {
		t.Errorf("waited %v in total, less than Amazon's refill of %v: requests would be throttled", total, floor)
	}
	if float64(total) > float64(floor)*1.02 {
		t.Errorf("waited %v in total, more than 2%% over the floor %v", total, floor)
	}
}

func TestTimeScaleDividesWaits(t *testing.T) {
	f := newFakeAmazon(t, attributesOK)
	c := f.client(func(c *Config) { c.TimeScale = 100 })
	clk := newFakeClock()
	c.setClock(clk)
	for range 6 {
		if _, err := c.BuyerAttributes(context.Background(), orderID, mpDE); err != nil {
			t.Fatal(err)
		}
	}
	waits := clk.sleeps()
	if len(waits) != 1 || math.Abs(float64(waits[0]-10*time.Millisecond)) > float64(200*time.Microsecond) {
		t.Fatalf("waits %v, want one of about 10ms (1 s / 100)", waits)
	}
}

func TestRateLimitHeaderAdjustsTheBucket(t *testing.T) {
	f := newFakeAmazon(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("x-amzn-RateLimit-Limit", "2.0")
		attributesOK(w, r)
	})
	c := f.client(func(c *Config) { c.TimeScale = 1 })
	clk := newFakeClock()
	c.setClock(clk)
	for range 7 {
		if _, err := c.BuyerAttributes(context.Background(), orderID, mpDE); err != nil {
			t.Fatal(err)
		}
	}
	if rate, burst := c.buckets[opGetAttributes.name].snapshot(); rate != 2 || burst != 5 {
		t.Fatalf("bucket %g/%g, want rate 2 from the header and burst 5 kept", rate, burst)
	}
	waits := clk.sleeps()
	if len(waits) != 2 || waits[1] > 520*time.Millisecond || waits[1] < 500*time.Millisecond {
		t.Fatalf("waits %v, want about 0.5 s each after the burst", waits)
	}
	if rate, _ := c.buckets[opGetOrder.name].snapshot(); rate != 0.5 {
		t.Errorf("another operation's bucket changed to %g", rate)
	}
}

func TestImplausibleRateLimitHeadersAreIgnored(t *testing.T) {
	for _, v := range []string{"", "abc", "0", "-1", "NaN", "+Inf", "1e9"} {
		if _, ok := parseRateLimit(v); ok {
			t.Errorf("accepted %q", v)
		}
	}
	if r, ok := parseRateLimit("0.0055"); !ok || r != 0.0055 {
		t.Errorf("0.0055 parsed as %g %t", r, ok)
	}
}

func TestThrottledCallWaitsAFullIntervalThenRetries(t *testing.T) {
	hits := 0
	f := newFakeAmazon(t, func(w http.ResponseWriter, r *http.Request) {
		hits++
		if hits == 1 {
			rawReply(429, `{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource."}]}`)(w, r)
			return
		}
		attributesOK(w, r)
	})
	c := f.client(func(c *Config) { c.TimeScale = 1 })
	clk := newFakeClock()
	c.setClock(clk)
	if _, err := c.BuyerAttributes(context.Background(), orderID, mpDE); err != nil {
		t.Fatal(err)
	}
	if hits != 2 {
		t.Fatalf("%d requests, want 2", hits)
	}
	if total := sum(clk.sleeps()); total < time.Second {
		t.Fatalf("retried after %v, before Amazon's bucket could refill (1 s)", total)
	}
}

func TestWaitingRespectsCancellation(t *testing.T) {
	f := newFakeAmazon(t, attributesOK)
	c := f.client(func(c *Config) { c.TimeScale = 1 })
	b := c.buckets[opGetAttributes.name]
	for range 5 {
		if err := b.wait(context.Background(), "test"); err != nil {
			t.Fatal(err)
		}
	}
	// The bucket is empty: the next token is due in a second, the caller
	// gives up after 20 ms.
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := c.BuyerAttributes(ctx, orderID, mpDE); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want context.DeadlineExceeded", err)
	}
	if len(f.requests()) != 0 {
		t.Fatal("a cancelled call was sent")
	}
}

func TestRateLimitWaitIsReported(t *testing.T) {
	f := newFakeAmazon(t, attributesOK)
	c := f.client(func(c *Config) { c.TimeScale = 1 })
	clk := newFakeClock()
	c.setClock(clk)
	var ops []string
	var waits []time.Duration
	ctx := WithWaitFunc(context.Background(), func(op string, d time.Duration) {
		ops = append(ops, op)
		waits = append(waits, d)
	})
	// The burst of 5 passes without waiting; the sixth call waits about a second.
	for range 6 {
		if _, err := c.BuyerAttributes(ctx, orderID, mpDE); err != nil {
			t.Fatal(err)
		}
	}
	if len(waits) != 1 || ops[0] != opGetAttributes.name {
		t.Fatalf("reported waits %v for %v, want one for %s", waits, ops, opGetAttributes.name)
	}
	if waits[0] < 900*time.Millisecond || waits[0] > 1100*time.Millisecond {
		t.Fatalf("reported a wait of %v, want about 1 s", waits[0])
	}
}
