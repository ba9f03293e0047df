package spapi

import "strings"

// Marketplace is one Amazon marketplace as the SP-API knows it.
type Marketplace struct {
	// ID is the SP-API marketplace ID, e.g. "A1PA6795UKMFR9".
	ID string
	// CountryCode is the ISO 3166-1 alpha-2 code ("GB" for the United Kingdom,
	// which Amazon's own table writes "UK").
	CountryCode string
	// Country is the country's English name.
	Country string
	// Region is the SP-API region whose host serves this marketplace.
	Region Region
	// Domain is the store's web host, in the form getMarketplaceParticipations
	// uses for domainName.
	Domain string
	// DefaultLanguage is the language buyers in this store most likely read,
	// as a locale in Amazon's defaultLanguageCode form ("de_DE"). Amazon
	// publishes no such table: getMarketplaceParticipations (for the store)
	// and GetAttributes (for the buyer) are authoritative at run time.
	DefaultLanguage string
}

// Marketplaces lists every SP-API marketplace, grouped by region. Callers
// must not modify it.
var Marketplaces = []Marketplace{
	{"A2EUQ1WTGCTBG2", "CA", "Canada", RegionNA, "www.amazon.ca", "en_CA"},
	{"ATVPDKIKX0DER", "US", "United States", RegionNA, "www.amazon.com", "en_US"},
	{"A1AM78C64UM0Y8", "MX", "Mexico", RegionNA, "www.amazon.com.mx", "es_MX"},
	{"A2Q3Y263D00KWC", "BR", "Brazil", RegionNA, "www.amazon.com.br", "pt_BR"},
	{"A28R8C7NBKEWEA", "IE", "Ireland", RegionEU, "www.amazon.ie", "en_IE"},
	{"A1RKKUPIHCS9HS", "ES", "Spain", RegionEU, "www.amazon.es", "es_ES"},
	{"A1F83G8C2ARO7P", "GB", "United Kingdom", RegionEU, "www.amazon.co.uk", "en_GB"},
	{"A13V1IB3VIYZZH", "FR", "France", RegionEU, "www.amazon.fr", "fr_FR"},
	{"AMEN7PMS3EDWL", "BE", "Belgium", RegionEU, "www.amazon.com.be", "fr_BE"},
	{"A1805IZSGTT6HS", "NL", "Netherlands", RegionEU, "www.amazon.nl", "nl_NL"},
	{"A1PA6795UKMFR9", "DE", "Germany", RegionEU, "www.amazon.de", "de_DE"},
	{"APJ6JRA9NG5V4", "IT", "Italy", RegionEU, "www.amazon.it", "it_IT"},
	{"A2NODRKZP88ZB9", "SE", "Sweden", RegionEU, "www.amazon.se", "sv_SE"},
	{"AE08WJ6YKNBMC", "ZA", "South Africa", RegionEU, "www.amazon.co.za", "en_ZA"},
	{"A1C3SOZRARQ6R3", "PL", "Poland", RegionEU, "www.amazon.pl", "pl_PL"},
	{"ARBP9OOSHTCHU", "EG", "Egypt", RegionEU, "www.amazon.eg", "ar_EG"},
	{"A33AVAJ2PDY3EV", "TR", "Turkey", RegionEU, "www.amazon.com.tr", "tr_TR"},
	{"A17E79C6D8DWNP", "SA", "Saudi Arabia", RegionEU, "www.amazon.sa", "ar_SA"},
	{"A2VIGQ35RCS4UG", "AE", "United Arab Emirates", RegionEU, "www.amazon.ae", "en_AE"},
	{"A21TJRUUN4KGV", "IN", "India", RegionEU, "www.amazon.in", "en_IN"},
	{"A19VAU5U5O7RUS", "SG", "Singapore", RegionFE, "www.amazon.sg", "en_SG"},
	{"A39IBJ37TRP1C6", "AU", "Australia", RegionFE, "www.amazon.com.au", "en_AU"},
	{"A1VC38T7YXB528", "JP", "Japan", RegionFE, "www.amazon.co.jp", "ja_JP"},
}

// MarketplaceByID returns the marketplace with the given SP-API ID.
func MarketplaceByID(id string) (Marketplace, bool) {
	for _, m := range Marketplaces {
		if m.ID == id {
			return m, true
		}
	}
	return Marketplace{}, false
}

// MarketplaceByCountry returns the marketplace of a country code, ignoring
// case. Amazon's "UK" is accepted as well as ISO's "GB".
func MarketplaceByCountry(code string) (Marketplace, bool) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "UK" {
		code = "GB"
	}
	for _, m := range Marketplaces {
		if m.CountryCode == code {
			return m, true
		}
	}
	return Marketplace{}, false
}

// MarketplacesIn returns the marketplaces served by one region.
func MarketplacesIn(r Region) []Marketplace {
	var out []Marketplace
	for _, m := range Marketplaces {
		if m.Region == r {
			out = append(out, m)
		}
	}
	return out
}
