package app

import (
	"context"
	"errors"
	"strings"

	"sellermail/app/secrets"
	"sellermail/app/store"
	"sellermail/spapi"
)

// Account is what TestCredentials learned about the seller.
type Account struct {
	// Profile is ready to be stored: name, region, marketplaces, store name.
	Profile store.Profile
	// Marketplaces are the marketplaces the seller participates in, with
	// their default languages (DefaultLanguageCode, e.g. "de_DE").
	Marketplaces []spapi.MarketplaceParticipation
}

// TestCredentials checks c's format, then makes a real call with it
// (getMarketplaceParticipations) in region. Nothing is stored. Explain the
// error with Explain: a refused login says which part Amazon did not accept.
func (s *Service) TestCredentials(ctx context.Context, c secrets.Credentials, region spapi.Region) (Account, error) {
	if err := c.Validate(); err != nil {
		return Account{}, err
	}
	if !region.Valid() {
		return Account{}, refusal(ErrAccount, "refusal.region")
	}
	cl, err := s.newClient(c, region)
	if err != nil {
		return Account{}, err
	}
	p, err := cl.MarketplaceParticipations(ctx)
	if err != nil {
		return Account{}, err
	}
	return accountOf(s.profile, region, p), nil
}

// ErrAccount: the account settings are incomplete.
var ErrAccount = errors.New("account settings incomplete")

func accountOf(name string, region spapi.Region, p *spapi.Participations) Account {
	a := Account{Profile: store.Profile{Name: name, Region: strings.ToLower(string(region))}}
	for _, m := range p.Marketplaces {
		if !m.IsParticipating {
			continue
		}
		a.Marketplaces = append(a.Marketplaces, m)
		a.Profile.MarketplaceIDs = append(a.Profile.MarketplaceIDs, m.MarketplaceID)
		if a.Profile.StoreName == "" {
			a.Profile.StoreName = m.StoreName
		}
	}
	return a
}

// SaveCredentials stores c in the keyring and the account's profile in the
// seller's (never the demo's) database. Open the service again to leave the demo.
func (s *Service) SaveCredentials(ctx context.Context, c secrets.Credentials, a Account) error {
	if err := s.keyring.Save(ctx, s.profile, c); err != nil {
		return err
	}
	a.Profile.Name = s.profile
	return s.withRealStore(ctx, func(st *store.Store) error { return st.PutProfile(ctx, a.Profile) })
}

// Logout removes the credentials from the keyring and the profile from the
// seller's database; orders and history stay. Open the service again afterwards.
func (s *Service) Logout(ctx context.Context) error {
	if err := s.keyring.Delete(ctx, s.profile); err != nil {
		return err
	}
	s.mu.Lock()
	if s.mode == ModeAmazon {
		s.prof = nil
	}
	s.mu.Unlock()
	return s.withRealStore(ctx, func(st *store.Store) error { return st.DeleteProfile(ctx, s.profile) })
}

// withRealStore runs fn on the seller's database: the open one in
// ModeAmazon, a briefly opened one in the demo.
func (s *Service) withRealStore(ctx context.Context, fn func(*store.Store) error) error {
	if s.mode == ModeAmazon {
		return fn(s.store)
	}
	st, err := openStore(ctx, s.opts.DataDir)
	if err != nil {
		return err
	}
	return errors.Join(fn(st), st.Close())
}

// Profile returns the seller's profile, asking Amazon for the marketplaces
// (and storing the answer) when none are known yet.
func (s *Service) Profile(ctx context.Context) (store.Profile, error) {
	s.mu.Lock()
	if p := s.prof; p != nil && len(p.MarketplaceIDs) > 0 {
		s.mu.Unlock()
		return *p, nil
	}
	s.mu.Unlock()
	if p, err := s.store.GetProfile(ctx, s.profile); err == nil && len(p.MarketplaceIDs) > 0 {
		s.setProfile(p)
		return p, nil
	} else if err != nil && !errors.Is(err, store.ErrNotFound) {
		return store.Profile{}, err
	}
	parts, err := s.client.MarketplaceParticipations(ctx)
	if err != nil {
		return store.Profile{}, err
	}
	p := accountOf(s.profile, s.region, parts).Profile
	if err := s.store.PutProfile(ctx, p); err != nil {
		return store.Profile{}, err
	}
	s.setProfile(p)
	return p, nil
}

func (s *Service) setProfile(p store.Profile) {
	s.mu.Lock()
	s.prof = &p
	s.mu.Unlock()
}

// storeName is the profile's store name, "" when unknown; it never calls Amazon.
func (s *Service) storeName() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.prof == nil {
		return ""
	}
	return s.prof.StoreName
}

// regionOf parses a stored region ("eu") into a spapi.Region.
func regionOf(r string) spapi.Region { return spapi.Region(strings.ToUpper(r)) }
