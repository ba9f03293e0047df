// Package app holds the services the desktop window and the command line
// share: order sync, compose and send through a crash-safe outbox, review
// requests, history, templates, accounts and the demo mode. It imports no
// GUI toolkit, so everything here runs and is tested without a window.
//
// A Service is safe for concurrent use. Calls that touch the network run in
// the caller's goroutine and honour its context; the window calls them from
// its own goroutines.
package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"sellermail/app/i18n"
	"sellermail/app/mailserver"
	"sellermail/app/secrets"
	"sellermail/app/store"
	"sellermail/policy"
	"sellermail/spapi"
	"sellermail/spapi/sandbox"
)

// DefaultProfile is the profile name used when Options.Profile is empty.
const DefaultProfile = "default"

// Options configure Open. The zero value opens the real data directory and
// decides between the seller's account and the demo by what the keyring holds.
type Options struct {
	// DataDir holds sellermail.db; "" means store.DefaultDir(). Demo data
	// lives in its demo/ subdirectory.
	DataDir string
	// Demo forces the demo mode even when credentials are stored.
	Demo bool
	// Profile names the keyring entry and the stored profile; "" means DefaultProfile.
	Profile string
	// Now is the clock for eligibility, sync windows and fact ages; nil means time.Now.
	Now func() time.Time
	// Keyring stores the credentials; nil means the OS keyring (secrets.New()).
	Keyring *secrets.Store
	// Env carries what the environment sets (see OptionsFromLookup).
	Env Env
	// Version is Sellermail's version, sent in the User-Agent.
	Version string
	// TimeScale speeds up the demo server's and the client's clocks (tests);
	// 0 means real time.
	TimeScale float64
	// DemoSeed seeds the demo marketplace; 0 means DefaultDemoSeed.
	DemoSeed uint64
	// DemoOrders is the number of demo orders; 0 means the sandbox's default.
	DemoOrders int
}

// Env is configuration that comes from environment variables, for
// automation. Credentials from here are used but never stored.
type Env struct {
	// Credentials are used instead of the keyring when all three fields are set.
	Credentials secrets.Credentials
	// Region is the SP-API region for Credentials when no profile says it ("" means EU).
	Region spapi.Region
	// SPAPIEndpoint and LWAEndpoint replace Amazon's hosts; both must be
	// loopback addresses (a local test server).
	SPAPIEndpoint, LWAEndpoint string
}

// Mode says whom the services talk to.
type Mode string

// The modes.
const (
	// ModeDemo talks to the built-in demo marketplace, with its own data.
	ModeDemo Mode = "demo"
	// ModeAmazon talks to Amazon with the seller's credentials.
	ModeAmazon Mode = "amazon"
)

// Service is the core of Sellermail. Create it with Open; it is safe for
// concurrent use.
type Service struct {
	opts    Options
	mode    Mode
	notice  notice
	profile string
	now     func() time.Time

	store  *store.Store
	client *spapi.Client
	demo   *sandbox.Server // nil outside demo mode
	// demoMail is the demo's mailbox (nil outside demo mode).
	demoMail       *mailserver.Server
	demoMailSeeded bool // guarded by mu
	checker        *policy.Checker
	keyring        *secrets.Store
	region         spapi.Region

	// pageSize is searchOrders' maxResultsPerPage (tests make it small).
	pageSize int

	syncMu sync.Mutex // one sync at a time

	mu       sync.Mutex
	prof     *store.Profile // cached profile; nil until loaded
	closed   bool
	closeErr error
}

// Open opens the data, recovers the outbox after a crash, and decides the
// mode: the demo when asked for, or when no credentials can be loaded
// (none stored, keyring locked or unavailable: Notice says which).
func Open(ctx context.Context, opts Options) (*Service, error) {
	if opts.Profile == "" {
		opts.Profile = DefaultProfile
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Keyring == nil {
		opts.Keyring = secrets.New()
	}
	if opts.DataDir == "" {
		d, err := store.DefaultDir()
		if err != nil {
			return nil, err
		}
		opts.DataDir = d
	}
	s := &Service{opts: opts, profile: opts.Profile, now: opts.Now,
		checker: policy.NewChecker(), keyring: opts.Keyring, pageSize: 100}

	creds, n := s.chooseCredentials(ctx)
	s.notice = n
	var err error
	if n.kind == noticeNone {
		s.mode = ModeAmazon
		err = s.openAmazon(ctx, creds)
	} else {
		s.mode = ModeDemo
		err = s.openDemo(ctx)
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	if err := s.recoverOutbox(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// chooseCredentials picks the environment's credentials, then the keyring's;
// a notice other than noticeNone means the demo runs instead.
func (s *Service) chooseCredentials(ctx context.Context) (secrets.Credentials, notice) {
	if s.opts.Demo {
		return secrets.Credentials{}, notice{kind: noticeDemoChosen}
	}
	if c := s.opts.Env.Credentials; c.ClientID != "" && c.ClientSecret != "" && c.RefreshToken != "" {
		return c, notice{}
	}
	c, err := s.keyring.Load(ctx, s.profile)
	switch {
	case err == nil:
		return c, notice{}
	case errors.Is(err, secrets.ErrNotFound):
		return c, notice{kind: noticeNoCredentials}
	case errors.Is(err, secrets.ErrLocked):
		return c, notice{kind: noticeKeyringLocked, err: err}
	case errors.Is(err, secrets.ErrCorrupt):
		return c, notice{kind: noticeKeyringCorrupt, err: err}
	}
	return c, notice{kind: noticeKeyringUnavailable, err: err}
}

// openAmazon opens the real data directory and a client for the seller.
func (s *Service) openAmazon(ctx context.Context, c secrets.Credentials) error {
	st, err := openStore(ctx, s.opts.DataDir)
	if err != nil {
		return err
	}
	s.store = st
	s.region = s.opts.Env.Region
	if p, err := st.GetProfile(ctx, s.profile); err == nil {
		s.prof = &p
		if r := regionOf(p.Region); r.Valid() {
			s.region = r
		}
	} else if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	if !s.region.Valid() {
		s.region = spapi.RegionEU
	}
	cl, err := s.newClient(c, s.region)
	if err != nil {
		return err
	}
	s.client = cl
	return nil
}

// newClient builds a client for real credentials, honouring Env's endpoints.
func (s *Service) newClient(c secrets.Credentials, region spapi.Region) (*spapi.Client, error) {
	env := s.opts.Env
	return spapi.New(spapi.Config{
		Region:                region,
		Credentials:           spapi.Credentials{ClientID: c.ClientID, ClientSecret: c.ClientSecret, RefreshToken: c.RefreshToken},
		Endpoint:              env.SPAPIEndpoint,
		LWAEndpoint:           env.LWAEndpoint,
		AllowInsecureLoopback: env.SPAPIEndpoint != "" || env.LWAEndpoint != "",
		Version:               s.opts.Version,
		TimeScale:             s.opts.TimeScale,
	})
}

// openStore opens dir/sellermail.db, creating dir if needed.
func openStore(ctx context.Context, dir string) (*store.Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("app: data directory: %w", err)
	}
	return store.Open(ctx, filepath.Join(dir, store.FileName))
}

// Mode reports whether the services talk to Amazon or to the demo.
func (s *Service) Mode() Mode { return s.mode }

// Notice explains, in lang, why the demo is running; "" in ModeAmazon.
func (s *Service) Notice(lang i18n.Lang) string {
	if k := s.notice.key(); k != "" {
		return i18n.T(lang, k)
	}
	return ""
}

// Region is the SP-API region the service talks to (the demo's is EU).
func (s *Service) Region() spapi.Region { return s.region }

// DataPath is the database file in use; in demo mode it lies in the demo directory.
func (s *Service) DataPath() string { return s.store.Path() }

// Close stops the demo server and closes the database. It is safe to call twice.
func (s *Service) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return s.closeErr
	}
	s.closed = true
	var errs []error
	if s.demo != nil {
		errs = append(errs, s.demo.Close())
	}
	if s.demoMail != nil {
		errs = append(errs, s.demoMail.Close())
	}
	if s.store != nil {
		errs = append(errs, s.store.Close())
	}
	s.closeErr = errors.Join(errs...)
	return s.closeErr
}

// noticeKind is why the demo runs.
type noticeKind int

const (
	noticeNone noticeKind = iota
	noticeDemoChosen
	noticeNoCredentials
	noticeKeyringLocked
	noticeKeyringUnavailable
	noticeKeyringCorrupt
)

type notice struct {
	kind noticeKind
	err  error // the keyring's error, never containing a secret
}

// key is the catalogue key of the text that says why the demo runs and
// what to do, in words for a seller: the keyring's own error text is
// technical and English, so it stays out.
func (n notice) key() string {
	switch n.kind {
	case noticeDemoChosen:
		return "notice.demo"
	case noticeNoCredentials:
		return "notice.nocredentials"
	case noticeKeyringLocked:
		return "notice.keyring.locked"
	case noticeKeyringUnavailable:
		return "notice.keyring.unavailable"
	case noticeKeyringCorrupt:
		return "notice.keyring.corrupt"
	}
	return ""
}
