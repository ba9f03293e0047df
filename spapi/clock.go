package spapi

import (
	"context"
	"math/rand/v2"
	"time"
)

// clock is the time source for waits and token lifetimes. Tests replace it
// with a virtual clock; Config.TimeScale speeds the real one up.
type clock interface {
	now() time.Time
	// sleep waits d or until ctx is done.
	sleep(ctx context.Context, d time.Duration) error
}

type realClock struct{}

func (realClock) now() time.Time { return time.Now() }

func (realClock) sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// scaled converts a duration in Amazon's time to wall time.
func (c *Client) scaled(d time.Duration) time.Duration {
	return time.Duration(float64(d) / c.timeScale)
}

// Backoff bounds, in Amazon's time.
const (
	backoffBase = 500 * time.Millisecond
	backoffMax  = 30 * time.Second
)

// backoff returns the wait before retry number attempt (1-based): doubling
// from backoffBase up to backoffMax, with "equal jitter" so that concurrent
// clients spread out but never retry immediately.
func backoff(attempt int) time.Duration {
	d := backoffBase << min(attempt-1, 16)
	if d > backoffMax || d <= 0 {
		d = backoffMax
	}
	half := d / 2
	return half + rand.N(half+1)
}
