package sandbox

import "time"

// Mode selects how the server answers SP-API operations.
type Mode int

const (
	// ModeDemo serves the seeded, stateful demo marketplace.
	ModeDemo Mode = iota
	// ModeStatic answers only the static cases of Amazon's models.
	ModeStatic
)

// Credentials are the LWA client and refresh token the token endpoint accepts.
type Credentials struct {
	ClientID     string
	ClientSecret string
	RefreshToken string
}

// Options configures a Server. The zero value is a usable demo server.
type Options struct {
	// Mode is ModeDemo unless Static is set, which implies ModeStatic.
	Mode Mode
	// Static holds the cases answered in static mode (see LoadStatic).
	Static *StaticCases
	// Seed makes the demo data reproducible; the same Seed and Now give the same orders.
	Seed uint64
	// Now is the server's clock: demo data is anchored at its value when New runs,
	// and it decides token expiry, upload expiry and the solicitation window.
	// Nil means time.Now.
	Now func() time.Time
	// Orders is the number of demo orders; zero means DefaultOrders.
	Orders int
	// TimeScale speeds up rate-limit refill: 100 refills 100 times faster
	// than Amazon's documented rates. Zero or less means 1.
	TimeScale float64
	// Credentials are accepted by /auth/o2/token; zero means DefaultCredentials.
	Credentials Credentials
	// TokenLifetime is how long issued access tokens live; zero means one hour.
	TokenLifetime time.Duration
	// MaxUploadBytes caps an upload PUT; zero means DefaultMaxUploadBytes.
	MaxUploadBytes int64
	// StoreName is the seller's store name in getMarketplaceParticipations.
	StoreName string
	// Faults are injected from the start; change them later with SetFaults.
	Faults Faults
}

// Defaults used when the matching Options field is zero.
const (
	DefaultOrders         = 300
	DefaultTokenLifetime  = time.Hour
	DefaultMaxUploadBytes = 10 << 20
	DefaultStoreName      = "Sellermail Demo Store"
)

// DefaultCredentials are the LWA credentials a zero Options accepts.
var DefaultCredentials = Credentials{
	ClientID:     "amzn1.application-oa2-client.sellermaildemo",
	ClientSecret: "amzn1.oa2-cs.v1.sellermail-demo-secret",
	RefreshToken: "Atzr|sellermail-demo-refresh-token",
}

func (o Options) withDefaults() Options {
	if o.Static != nil {
		o.Mode = ModeStatic
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Orders <= 0 {
		o.Orders = DefaultOrders
	}
	if o.TimeScale <= 0 {
		o.TimeScale = 1
	}
	if o.Credentials == (Credentials{}) {
		o.Credentials = DefaultCredentials
	}
	if o.TokenLifetime <= 0 {
		o.TokenLifetime = DefaultTokenLifetime
	}
	if o.MaxUploadBytes <= 0 {
		o.MaxUploadBytes = DefaultMaxUploadBytes
	}
	if o.StoreName == "" {
		o.StoreName = DefaultStoreName
	}
	return o
}

// String hides the secret and the refresh token so credentials can be logged.
func (c Credentials) String() string {
	return "Credentials{ClientID:" + c.ClientID + " ClientSecret:[redacted] RefreshToken:[redacted]}"
}

// GoString hides secrets from %#v as well.
func (c Credentials) GoString() string { return c.String() }
