package spapi

import (
	"context"
	"math"
	"strconv"
	"sync"
	"time"
)

// refillSafety slows each bucket's refill slightly below Amazon's rate so
// that network latency jitter cannot make a request arrive before Amazon's
// own bucket has the token; it costs 1% of throughput at the floor.
const refillSafety = 0.99

// bucket is a token bucket for one operation, in Amazon's time: rate tokens
// per second up to burst. Waiters reserve a token immediately (the count may
// go negative) and sleep exactly until their token is due, so nobody waits
// longer than the limit requires and order is first come, first served.
type bucket struct {
	clk   clock
	scale float64

	mu     sync.Mutex
	rate   float64 // tokens per second of Amazon time
	burst  float64
	tokens float64
	last   time.Time // real time of the last refill
}

func newBucket(clk clock, scale, rate float64, burst int) *bucket {
	return &bucket{clk: clk, scale: scale, rate: rate, burst: float64(burst), tokens: float64(burst), last: clk.now()}
}

// refill adds the tokens earned since the last call. b.mu must be held.
func (b *bucket) refill(now time.Time) {
	elapsed := now.Sub(b.last).Seconds() * b.scale
	if elapsed > 0 {
		b.tokens = math.Min(b.burst, b.tokens+elapsed*b.rate*refillSafety)
		b.last = now
	}
}

// WaitFunc is told how long a call is about to wait for its operation's
// rate limit, so a progress display can say why nothing is moving.
type WaitFunc func(operation string, wait time.Duration)

type waitFuncKey struct{}

// WithWaitFunc returns a context whose calls report each rate-limit wait to
// fn, just before they sleep. fn runs on the calling goroutine and must be quick.
func WithWaitFunc(ctx context.Context, fn WaitFunc) context.Context {
	return context.WithValue(ctx, waitFuncKey{}, fn)
}

// wait takes one token, sleeping until it is due or ctx is done.
func (b *bucket) wait(ctx context.Context, op string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	b.mu.Lock()
	now := b.clk.now()
	b.refill(now)
	b.tokens--
	var d time.Duration
	if b.tokens < 0 {
		secs := -b.tokens / (b.rate * refillSafety) / b.scale
		d = time.Duration(secs * float64(time.Second))
	}
	b.mu.Unlock()
	if d <= 0 {
		return nil
	}
	if fn, ok := ctx.Value(waitFuncKey{}).(WaitFunc); ok && fn != nil {
		fn(op, d)
	}
	if err := b.clk.sleep(ctx, d); err != nil {
		b.mu.Lock()
		b.refill(b.clk.now())
		b.tokens = math.Min(b.burst, b.tokens+1) // give the reservation back
		b.mu.Unlock()
		return err
	}
	return nil
}

// setRate applies the x-amzn-RateLimit-Limit value Amazon reported.
func (b *bucket) setRate(rate float64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.refill(b.clk.now())
	b.rate = rate
}

// drain empties the bucket after Amazon throttled us: its bucket is empty,
// so ours must be too, or the next requests would be throttled as well.
func (b *bucket) drain() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.refill(b.clk.now())
	b.tokens = math.Min(b.tokens, 0)
}

// snapshot returns the current rate and burst (for tests and diagnostics).
func (b *bucket) snapshot() (rate, burst float64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.rate, b.burst
}

// parseRateLimit reads x-amzn-RateLimit-Limit ("0.0167"), rejecting values
// that could stall or flood the client.
func parseRateLimit(v string) (float64, bool) {
	if v == "" {
		return 0, false
	}
	r, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(r) || math.IsInf(r, 0) || r < 1e-5 || r > 1000 {
		return 0, false
	}
	return r, true
}
