package sandbox

import (
	"strings"
	"sync"
	"time"
)

// Faults describes misbehaviour injected into answers. Several may be set
// at once; they apply in the order latency, drop before read, 500/503,
// 429, normal handling, then drop after read, truncation, corruption and
// padding.
type Faults struct {
	// Latency delays every affected answer.
	Latency time.Duration
	// Throttle answers every affected call with 429 QuotaExceeded (a 429 storm).
	Throttle bool
	// Status, if 500 or 503, answers every affected call with that status.
	Status int
	// DropBeforeRead closes the connection before the request body is read.
	DropBeforeRead bool
	// DropAfterRead handles the request in full (a send is recorded) and
	// then closes the connection without answering.
	DropAfterRead bool
	// TruncateJSON cuts the answer body in half.
	TruncateJSON bool
	// MalformedJSON replaces the answer body with broken JSON containing invalid UTF-8.
	MalformedJSON bool
	// OversizedBody, if positive, puts this many bytes of whitespace before the answer body.
	OversizedBody int64
	// PathPrefix limits the faults to request paths with this prefix; empty means all paths.
	PathPrefix string
	// Count limits the faults to the next Count matching requests; zero means no limit.
	Count int
}

func (f Faults) active() bool {
	return f.Latency > 0 || f.Throttle || f.Status != 0 || f.DropBeforeRead || f.DropAfterRead ||
		f.TruncateJSON || f.MalformedJSON || f.OversizedBody > 0
}

// faultState holds the current faults and consumes Count.
type faultState struct {
	mu sync.Mutex
	f  Faults
}

func (s *faultState) set(f Faults) {
	s.mu.Lock()
	s.f = f
	s.mu.Unlock()
}

func (s *faultState) get() Faults {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.f
}

// take returns the faults for a request to path, counting it against Count.
func (s *faultState) take(path string) Faults {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.f
	if !f.active() || !strings.HasPrefix(path, f.PathPrefix) {
		return Faults{}
	}
	if s.f.Count > 0 {
		s.f.Count--
		if s.f.Count == 0 {
			s.f = Faults{}
		}
	}
	return f
}

// malformedBody is what MalformedJSON answers: an unterminated object
// with a trailing comma and bytes that are not UTF-8.
var malformedBody = []byte("{\"errors\":[{\"code\":\"\xff\xfe\",}")
