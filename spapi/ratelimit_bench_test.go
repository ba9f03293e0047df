package spapi

import (
	"context"
	"testing"
	"time"
)

// BenchmarkBucketAgainstFloor runs GetAttributes (1 request/s, burst 5) at
// TimeScale 1000 past its burst and reports elapsed time as a multiple of
// the floor Amazon's bucket allows (1.00 would be perfect; the client aims
// for about 1.01).
func BenchmarkBucketAgainstFloor(b *testing.B) {
	const calls = 45
	f := newFakeAmazon(b, attributesOK)
	for b.Loop() {
		c := f.client(func(c *Config) { c.TimeScale = 1000 })
		if _, err := c.tokens.get(context.Background()); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		for range calls {
			if _, err := c.BuyerAttributes(context.Background(), orderID, mpDE); err != nil {
				b.Fatal(err)
			}
		}
		floor := time.Duration(calls-5) * time.Second / 1000
		b.ReportMetric(float64(time.Since(start))/float64(floor), "x-floor")
	}
}
