package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// Profile is a seller account's settings. It never holds a secret: the LWA
// credentials live in the OS keyring under the same Name.
type Profile struct {
	Name           string
	Region         string   // SP-API region: "na", "eu" or "fe"
	MarketplaceIDs []string // e.g. ["A1PA6795UKMFR9"]
	StoreName      string
	UpdatedAt      time.Time // set by PutProfile
}

// PutProfile creates or replaces the profile with p.Name.
func (s *Store) PutProfile(ctx context.Context, p Profile) error {
	where := fmt.Sprintf("store: profile %q", p.Name)
	if err := required(where, field{"name", p.Name}); err != nil {
		return err
	}
	fs := []field{{"name", p.Name}, {"region", p.Region}, {"store name", p.StoreName}}
	for _, m := range p.MarketplaceIDs {
		fs = append(fs, field{"marketplace ID", m})
	}
	if err := checkText(where, fs...); err != nil {
		return err
	}
	ids, err := json.Marshal(nonNil(p.MarketplaceIDs))
	if err != nil {
		return err
	}
	_, err = s.w.ExecContext(ctx, `
INSERT INTO profiles (name, region, marketplace_ids, store_name, updated_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (name) DO UPDATE SET region = excluded.region, marketplace_ids = excluded.marketplace_ids,
    store_name = excluded.store_name, updated_at = excluded.updated_at`,
		p.Name, p.Region, string(ids), p.StoreName, time.Now().UnixMilli())
	return s.wrap("save profile", err)
}

// GetProfile returns the profile called name, or an error wrapping ErrNotFound.
func (s *Store) GetProfile(ctx context.Context, name string) (Profile, error) {
	p, err := scanProfile(s.r.QueryRowContext(ctx,
		`SELECT name, region, marketplace_ids, store_name, updated_at FROM profiles WHERE name = ?`, name))
	if err == sql.ErrNoRows {
		return Profile{}, fmt.Errorf("store: profile %q: %w", name, ErrNotFound)
	}
	return p, s.wrap("get profile", err)
}

// Profiles returns every profile, sorted by name.
func (s *Store) Profiles(ctx context.Context) ([]Profile, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT name, region, marketplace_ids, store_name, updated_at FROM profiles ORDER BY name`)
	if err != nil {
		return nil, s.wrap("list profiles", err)
	}
	defer rows.Close()
	var out []Profile
	for rows.Next() {
		p, err := scanProfile(rows)
		if err != nil {
			return nil, s.wrap("list profiles", err)
		}
		out = append(out, p)
	}
	return out, s.wrap("list profiles", rows.Err())
}

// DeleteProfile removes the profile called name; deleting a missing profile
// is not an error.
func (s *Store) DeleteProfile(ctx context.Context, name string) error {
	_, err := s.w.ExecContext(ctx, `DELETE FROM profiles WHERE name = ?`, name)
	return s.wrap("delete profile", err)
}

func scanProfile(sc rowScanner) (Profile, error) {
	var p Profile
	var ids string
	var at sql.NullInt64
	if err := sc.Scan(&p.Name, &p.Region, &ids, &p.StoreName, &at); err != nil {
		return Profile{}, err
	}
	p.UpdatedAt = fromMS(at)
	if err := json.Unmarshal([]byte(ids), &p.MarketplaceIDs); err != nil {
		return Profile{}, fmt.Errorf("profile %q: marketplace IDs: %w", p.Name, err)
	}
	return p, nil
}

// nonNil makes JSON encode an empty list as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
