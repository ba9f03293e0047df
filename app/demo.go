package app

import (
	"context"
	"fmt"
	"path/filepath"

	"sellermail/spapi"
	"sellermail/spapi/sandbox"
)

// DefaultDemoSeed seeds the demo marketplace, so every start shows the same shop.
const DefaultDemoSeed = 20260101

// DemoDir is the subdirectory of the data directory that holds the demo's
// database, so demo data never mixes with the seller's.
const DemoDir = "demo"

// openDemo starts the demo marketplace on 127.0.0.1 and opens the demo
// database. The demo's clock is the real clock, so dates look current.
func (s *Service) openDemo(ctx context.Context) error {
	seed := s.opts.DemoSeed
	if seed == 0 {
		seed = DefaultDemoSeed
	}
	srv := sandbox.New(sandbox.Options{Seed: seed, Orders: s.opts.DemoOrders, TimeScale: s.opts.TimeScale})
	if err := srv.Start(); err != nil {
		return fmt.Errorf("app: starting the demo marketplace: %w", err)
	}
	s.demo = srv
	if err := s.startDemoMail(); err != nil {
		return err
	}
	st, err := openStore(ctx, filepath.Join(s.opts.DataDir, DemoDir))
	if err != nil {
		return err
	}
	s.store = st
	s.region = spapi.RegionEU
	c := sandbox.DefaultCredentials
	cl, err := spapi.New(spapi.Config{
		Region:                s.region,
		Credentials:           spapi.Credentials{ClientID: c.ClientID, ClientSecret: c.ClientSecret, RefreshToken: c.RefreshToken},
		Endpoint:              srv.URL(),
		LWAEndpoint:           srv.URL() + "/auth/o2/token",
		AllowInsecureLoopback: true,
		Version:               s.opts.Version,
		TimeScale:             s.opts.TimeScale,
	})
	if err != nil {
		return err
	}
	s.client = cl
	return nil
}
