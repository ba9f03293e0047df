package sandbox

// Marketplace is one demo marketplace, with the values Amazon's
// getMarketplaceParticipations returns for it.
type Marketplace struct {
	Code         string // Amazon's short code, e.g. "UK"
	ID           string // marketplace ID
	CountryCode  string // ISO 3166-1 alpha-2, "GB" for the UK
	Name         string // e.g. "Amazon.de"
	Domain       string // e.g. "www.amazon.de"
	Currency     string // ISO 4217
	LanguageCode string // default language as Sellers returns it, e.g. "de_DE"
	Locale       string // the same as a locale tag, e.g. "de-DE", as GetAttributes returns it
	lang         string // catalog language
	priceFactor  float64
	orderPrefix  []string
}

// DemoMarketplaces are the marketplaces the demo seller sells in.
var DemoMarketplaces = []Marketplace{
	{Code: "DE", ID: "A1PA6795UKMFR9", CountryCode: "DE", Name: "Amazon.de", Domain: "www.amazon.de", Currency: "EUR", LanguageCode: "de_DE", Locale: "de-DE", lang: "de", priceFactor: 1, orderPrefix: []string{"302", "303", "304", "305", "306", "028"}},
	{Code: "FR", ID: "A13V1IB3VIYZZH", CountryCode: "FR", Name: "Amazon.fr", Domain: "www.amazon.fr", Currency: "EUR", LanguageCode: "fr_FR", Locale: "fr-FR", lang: "fr", priceFactor: 1, orderPrefix: []string{"402", "403", "404", "405", "406", "171"}},
	{Code: "IT", ID: "APJ6JRA9NG5V4", CountryCode: "IT", Name: "Amazon.it", Domain: "www.amazon.it", Currency: "EUR", LanguageCode: "it_IT", Locale: "it-IT", lang: "it", priceFactor: 1, orderPrefix: []string{"402", "403", "404", "405", "406", "171"}},
	{Code: "ES", ID: "A1RKKUPIHCS9HS", CountryCode: "ES", Name: "Amazon.es", Domain: "www.amazon.es", Currency: "EUR", LanguageCode: "es_ES", Locale: "es-ES", lang: "es", priceFactor: 1, orderPrefix: []string{"402", "403", "404", "405", "406", "171"}},
	{Code: "UK", ID: "A1F83G8C2ARO7P", CountryCode: "GB", Name: "Amazon.co.uk", Domain: "www.amazon.co.uk", Currency: "GBP", LanguageCode: "en_GB", Locale: "en-GB", lang: "en", priceFactor: 0.86, orderPrefix: []string{"202", "203", "204", "205", "206", "026"}},
	{Code: "US", ID: "ATVPDKIKX0DER", CountryCode: "US", Name: "Amazon.com", Domain: "www.amazon.com", Currency: "USD", LanguageCode: "en_US", Locale: "en-US", lang: "en", priceFactor: 1.08, orderPrefix: []string{"111", "112", "113", "114"}},
}

// marketplaceWeights is how often each DemoMarketplaces entry gets an order, in percent.
var marketplaceWeights = []int{34, 15, 10, 10, 16, 15}

// foreignLocales are buyer locales that differ from the marketplace's, per marketplace code.
var foreignLocales = map[string][]string{
	"DE": {"en-GB", "tr-TR", "pl-PL", "fr-FR"},
	"FR": {"en-GB", "de-DE", "es-ES"},
	"IT": {"en-GB", "de-DE"},
	"ES": {"en-GB", "fr-FR", "ca-ES"},
	"UK": {"pl-PL", "de-DE", "fr-FR"},
	"US": {"es-US", "zh-CN", "fr-CA"},
}
