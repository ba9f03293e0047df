package spapi

import (
	"context"
	"fmt"
	"net/http"
)

// MarketplaceParticipation is one marketplace the seller can sell in, as
// getMarketplaceParticipations reports it.
type MarketplaceParticipation struct {
	MarketplaceID        string
	Name                 string // e.g. "Amazon.de"
	CountryCode          string // ISO 3166-1 alpha-2
	DefaultCurrencyCode  string
	DefaultLanguageCode  string // e.g. "de_DE"
	DomainName           string
	StoreName            string
	IsParticipating      bool
	HasSuspendedListings bool
}

// Participations is the answer of getMarketplaceParticipations.
type Participations struct {
	Marketplaces []MarketplaceParticipation
	RequestID    string
}

// MarketplaceParticipations lists the seller's marketplaces with their
// default languages. Amazon allows about one call a minute: call it once at
// setup and keep the result.
func (c *Client) MarketplaceParticipations(ctx context.Context) (*Participations, error) {
	resp, err := c.call(ctx, apiRequest{op: opParticipations, method: http.MethodGet, path: "/sellers/v1/marketplaceParticipations"})
	if err != nil {
		return nil, err
	}
	p, err := decodeParticipations(resp.body)
	if err != nil {
		return nil, malformed(opParticipations.name, resp, err)
	}
	p.RequestID = resp.requestID
	return p, nil
}

func decodeParticipations(body []byte) (*Participations, error) {
	var b struct {
		Payload []struct {
			Marketplace struct {
				ID                  string `json:"id"`
				Name                string `json:"name"`
				CountryCode         string `json:"countryCode"`
				DefaultCurrencyCode string `json:"defaultCurrencyCode"`
				DefaultLanguageCode string `json:"defaultLanguageCode"`
				DomainName          string `json:"domainName"`
			} `json:"marketplace"`
			Participation struct {
				IsParticipating      bool `json:"isParticipating"`
				HasSuspendedListings bool `json:"hasSuspendedListings"`
			} `json:"participation"`
			StoreName string `json:"storeName"`
		} `json:"payload"`
	}
	if err := decodeJSON(body, &b); err != nil {
		return nil, err
	}
	p := &Participations{}
	for i, x := range b.Payload {
		if x.Marketplace.ID == "" {
			return nil, fmt.Errorf("%w: participation %d has no marketplace ID", ErrMalformedResponse, i+1)
		}
		m := x.Marketplace
		p.Marketplaces = append(p.Marketplaces, MarketplaceParticipation{
			MarketplaceID: m.ID, Name: m.Name, CountryCode: m.CountryCode,
			DefaultCurrencyCode: m.DefaultCurrencyCode, DefaultLanguageCode: m.DefaultLanguageCode,
			DomainName: m.DomainName, StoreName: x.StoreName,
			IsParticipating: x.Participation.IsParticipating, HasSuspendedListings: x.Participation.HasSuspendedListings,
		})
	}
	return p, nil
}
