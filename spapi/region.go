package spapi

// Region is one of the three SP-API regions. Each has its own host; a seller's
// marketplaces decide which one to call.
type Region string

// The SP-API regions.
const (
	RegionNA Region = "NA" // North America: CA, US, MX, BR
	RegionEU Region = "EU" // Europe, Middle East, Africa and India
	RegionFE Region = "FE" // Far East: SG, AU, JP
)

// Regions lists every region in a stable order.
var Regions = []Region{RegionNA, RegionEU, RegionFE}

// lwaTokenURL is the one Login with Amazon token endpoint for every region.
const lwaTokenURL = "https://api.amazon.com/auth/o2/token"

var (
	productionHosts = map[Region]string{
		RegionNA: "sellingpartnerapi-na.amazon.com",
		RegionEU: "sellingpartnerapi-eu.amazon.com",
		RegionFE: "sellingpartnerapi-fe.amazon.com",
	}
	sandboxHosts = map[Region]string{
		RegionNA: "sandbox.sellingpartnerapi-na.amazon.com",
		RegionEU: "sandbox.sellingpartnerapi-eu.amazon.com",
		RegionFE: "sandbox.sellingpartnerapi-fe.amazon.com",
	}
)

// Valid reports whether r is one of the three regions.
func (r Region) Valid() bool {
	_, ok := productionHosts[r]
	return ok
}

// Endpoint returns the region's base URL: Amazon's static sandbox when sandbox
// is true, production otherwise. It returns "" for an unknown region.
func (r Region) Endpoint(sandbox bool) string {
	hosts := productionHosts
	if sandbox {
		hosts = sandboxHosts
	}
	h, ok := hosts[r]
	if !ok {
		return ""
	}
	return "https://" + h
}

// isAmazonAPIHost reports whether host (without port) is one of the SP-API
// production or sandbox hosts, the only places an access token may go.
func isAmazonAPIHost(host string) bool {
	for _, r := range Regions {
		if host == productionHosts[r] || host == sandboxHosts[r] {
			return true
		}
	}
	return false
}

// regionOfHost is the region an SP-API host serves, "" for any other host.
func regionOfHost(host string) Region {
	for _, r := range Regions {
		if host == productionHosts[r] || host == sandboxHosts[r] {
			return r
		}
	}
	return ""
}

// names are the region's English and German names.
func (r Region) names() (en, de string) {
	switch r {
	case RegionNA:
		return "North America", "Nordamerika"
	case RegionEU:
		return "Europe", "Europa"
	case RegionFE:
		return "Far East", "Fernost"
	}
	return string(r), string(r)
}
