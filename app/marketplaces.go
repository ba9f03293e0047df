package app

import (
	"slices"

	"sellermail/spapi"
)

// The Amazon facts the window shows, named here so that the window needs
// only this package.
type (
	// Marketplace is an Amazon marketplace: ID, country, region, domain, default language.
	Marketplace = spapi.Marketplace
	// Region is an SP-API region (NA, EU, FE).
	Region = spapi.Region
	// OrderStatus is an order's fulfillment status as the Orders API gives it.
	OrderStatus = spapi.FulfillmentStatus
)

// The regions, in the order a seller in Europe would look for them.
var Regions = []Region{spapi.RegionEU, spapi.RegionNA, spapi.RegionFE}

// OrderStatuses are the fulfillment statuses, the ones a seller acts on first.
var OrderStatuses = []OrderStatus{
	spapi.StatusUnshipped, spapi.StatusPartiallyShipped, spapi.StatusShipped, spapi.StatusCancelled,
	spapi.StatusPending, spapi.StatusPendingAvailability, spapi.StatusUnfulfillable,
}

// Marketplaces returns every marketplace Amazon has.
func Marketplaces() []Marketplace { return slices.Clone(spapi.Marketplaces) }

// MarketplaceByID returns the marketplace with the SP-API marketplace ID.
func MarketplaceByID(id string) (Marketplace, bool) { return spapi.MarketplaceByID(id) }

// The SP-API regions: North America, Europe, Far East.
const (
	RegionNA = spapi.RegionNA
	RegionEU = spapi.RegionEU
	RegionFE = spapi.RegionFE
)

// MarketplaceByCountry returns the marketplace of a country code such as DE or UK.
func MarketplaceByCountry(code string) (Marketplace, bool) { return spapi.MarketplaceByCountry(code) }
