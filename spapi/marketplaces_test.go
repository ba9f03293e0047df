package spapi

import "testing"

func TestMarketplaceTable(t *testing.T) {
	if len(Marketplaces) != 23 {
		t.Errorf("%d marketplaces, want Amazon's 23", len(Marketplaces))
	}
	ids, countries := map[string]bool{}, map[string]bool{}
	for _, m := range Marketplaces {
		if ids[m.ID] || countries[m.CountryCode] {
			t.Errorf("duplicate %+v", m)
		}
		ids[m.ID], countries[m.CountryCode] = true, true
		if !marketplacePattern.MatchString(m.ID) || !m.Region.Valid() || m.Domain == "" || len(m.DefaultLanguage) != 5 || m.Country == "" {
			t.Errorf("incomplete %+v", m)
		}
		if got, ok := MarketplaceByID(m.ID); !ok || got != m {
			t.Errorf("by ID %s: %+v", m.ID, got)
		}
	}
	for code, want := range map[string]string{"DE": "A1PA6795UKMFR9", "uk": "A1F83G8C2ARO7P", "GB": "A1F83G8C2ARO7P",
		"in": "A21TJRUUN4KGV", "BR": "A2Q3Y263D00KWC", "jp": "A1VC38T7YXB528"} {
		if m, ok := MarketplaceByCountry(code); !ok || m.ID != want {
			t.Errorf("country %s: %+v", code, m)
		}
	}
	if _, ok := MarketplaceByCountry("XX"); ok {
		t.Error("unknown country found")
	}
	// India is served by the EU host and Brazil by the NA host.
	if m, _ := MarketplaceByCountry("IN"); m.Region != RegionEU {
		t.Error("India not in EU")
	}
	if n := len(MarketplacesIn(RegionFE)); n != 3 {
		t.Errorf("FE has %d marketplaces", n)
	}
}

func TestRegionEndpoints(t *testing.T) {
	want := map[Region][2]string{
		RegionNA: {"https://sellingpartnerapi-na.amazon.com", "https://sandbox.sellingpartnerapi-na.amazon.com"},
		RegionEU: {"https://sellingpartnerapi-eu.amazon.com", "https://sandbox.sellingpartnerapi-eu.amazon.com"},
		RegionFE: {"https://sellingpartnerapi-fe.amazon.com", "https://sandbox.sellingpartnerapi-fe.amazon.com"},
	}
	for r, w := range want {
		if r.Endpoint(false) != w[0] || r.Endpoint(true) != w[1] {
			t.Errorf("%s: %s %s", r, r.Endpoint(false), r.Endpoint(true))
		}
	}
	if Region("XX").Endpoint(false) != "" {
		t.Error("unknown region has an endpoint")
	}
}
