package sandbox

import (
	"strconv"
	"sync"
	"time"
)

// UsagePlan is an operation's documented rate (requests per second) and burst.
type UsagePlan struct {
	Rate  float64
	Burst int
}

// UsagePlans are the default rates and bursts Amazon documents for the
// operations the sandbox serves, keyed by operation ID.
var UsagePlans = map[string]UsagePlan{
	"searchOrders":                                     {Rate: 0.0056, Burst: 20},
	"getOrder":                                         {Rate: 0.5, Burst: 30},
	"getMessagingActionsForOrder":                      {Rate: 1, Burst: 5},
	"GetAttributes":                                    {Rate: 1, Burst: 5},
	"confirmCustomizationDetails":                      {Rate: 1, Burst: 5},
	"createConfirmDeliveryDetails":                     {Rate: 1, Burst: 5},
	"createLegalDisclosure":                            {Rate: 1, Burst: 5},
	"createConfirmOrderDetails":                        {Rate: 1, Burst: 5},
	"createConfirmServiceDetails":                      {Rate: 1, Burst: 5},
	"CreateWarranty":                                   {Rate: 1, Burst: 5},
	"createDigitalAccessKey":                           {Rate: 1, Burst: 5},
	"createUnexpectedProblem":                          {Rate: 1, Burst: 5},
	"sendInvoice":                                      {Rate: 1, Burst: 5},
	"getSolicitationActionsForOrder":                   {Rate: 1, Burst: 5},
	"createProductReviewAndSellerFeedbackSolicitation": {Rate: 1, Burst: 5},
	"createUploadDestinationForResource":               {Rate: 10, Burst: 10},
	"getMarketplaceParticipations":                     {Rate: 0.016, Burst: 15},
}

// StaticSandboxPlan is the limit Amazon applies to every call on its sandbox hosts.
var StaticSandboxPlan = UsagePlan{Rate: 5, Burst: 15}

// limiter keeps one token bucket per operation, refilled in real
// (monotonic) time multiplied by the time scale.
type limiter struct {
	scale float64
	mu    sync.Mutex
	b     map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newLimiter(scale float64) *limiter {
	return &limiter{scale: scale, b: map[string]*bucket{}}
}

// allow takes one token from op's bucket if there is one.
func (l *limiter) allow(op string, p UsagePlan) bool {
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.b[op]
	if b == nil {
		b = &bucket{tokens: float64(p.Burst), last: now}
		l.b[op] = b
	}
	b.tokens += now.Sub(b.last).Seconds() * p.Rate * l.scale
	if b.tokens > float64(p.Burst) {
		b.tokens = float64(p.Burst)
	}
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// reset refills every bucket.
func (l *limiter) reset() {
	l.mu.Lock()
	l.b = map[string]*bucket{}
	l.mu.Unlock()
}

// header formats a rate as Amazon does in x-amzn-RateLimit-Limit.
func (p UsagePlan) header() string {
	return strconv.FormatFloat(p.Rate, 'f', -1, 64)
}
