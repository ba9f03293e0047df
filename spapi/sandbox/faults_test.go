package sandbox

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestFaults(t *testing.T) {
	e := start(t, Options{})
	path := "/sellers/v1/marketplaceParticipations"
	get := func() (*http.Response, []byte, error) {
		req, _ := http.NewRequest("GET", e.hs.URL+path, nil)
		req.Header.Set("x-amz-access-token", e.token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, nil, err
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		return res, b, err
	}

	e.srv.SetFaults(Faults{Throttle: true, Count: 2})
	for range 2 {
		if res, body, err := get(); err != nil || res.StatusCode != 429 || errCode(t, body) != "QuotaExceeded" {
			t.Fatalf("429 storm: %v %v %s", err, res, body)
		}
	}
	if res, _, err := get(); err != nil || res.StatusCode != 200 {
		t.Fatalf("after Count ran out: %v %v", err, res)
	}
	if e.srv.Faults() != (Faults{}) {
		t.Fatalf("faults left: %+v", e.srv.Faults())
	}

	for _, st := range []int{500, 503} {
		e.srv.SetFaults(Faults{Status: st})
		if res, body, err := get(); err != nil || res.StatusCode != st || res.Header.Get("x-amzn-RequestId") == "" {
			t.Fatalf("%d: %v %v %s", st, err, res, body)
		}
	}

	for name, f := range map[string]Faults{"before read": {DropBeforeRead: true}, "after read": {DropAfterRead: true}} {
		e.srv.SetFaults(f)
		if _, _, err := get(); err == nil {
			t.Fatalf("drop %s: no error", name)
		}
	}

	e.srv.SetFaults(Faults{TruncateJSON: true})
	_, body, err := get()
	var v any
	if err != nil || json.Unmarshal(body, &v) == nil || len(body) == 0 {
		t.Fatalf("truncated: %v %s", err, body)
	}

	e.srv.SetFaults(Faults{MalformedJSON: true})
	_, body, _ = get()
	if json.Unmarshal(body, &v) == nil || utf8.Valid(body) {
		t.Fatalf("malformed: %q", body)
	}

	e.srv.SetFaults(Faults{OversizedBody: 5 << 20})
	res, body, err := get()
	if err != nil || res.StatusCode != 200 || len(body) < 5<<20 || json.Unmarshal(body, &v) != nil {
		t.Fatalf("oversized: %v len %d", err, len(body))
	}

	e.srv.SetFaults(Faults{Latency: 50 * time.Millisecond})
	begin := time.Now()
	if res, _, err := get(); err != nil || res.StatusCode != 200 || time.Since(begin) < 50*time.Millisecond {
		t.Fatalf("latency: %v %v", err, res)
	}

	e.srv.SetFaults(Faults{Status: 500, PathPrefix: "/orders/"})
	if res, _, err := get(); err != nil || res.StatusCode != 200 {
		t.Fatalf("fault outside PathPrefix applied: %v %v", err, res)
	}
	e.srv.SetFaults(Faults{})
}

// A send whose connection drops after the request was read still counts:
// the client cannot know whether the message went out.
func TestDropAfterReadStillSends(t *testing.T) {
	e := start(t, Options{})
	o := e.findOrder(func(o *demoOrder) bool { return active(o) })
	e.srv.SetFaults(Faults{DropAfterRead: true, PathPrefix: "/messaging/"})
	req, _ := http.NewRequest("POST", e.hs.URL+msgPath(o, "/messages/unexpectedProblem"), strings.NewReader(`{"text":"Leider verzögert sich die Lieferung."}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("x-amz-access-token", e.token)
	_, err := http.DefaultClient.Do(req)
	if err == nil || !(errors.Is(err, io.EOF) || strings.Contains(err.Error(), "EOF") || strings.Contains(err.Error(), "reset")) {
		t.Fatalf("want a dropped connection, got %v", err)
	}
	if s := e.srv.Sent(); len(s) != 1 || s[0].Kind != "unexpectedProblem" {
		t.Fatalf("sent: %+v", s)
	}
}

func TestFaultsFromOptions(t *testing.T) {
	e := start(t, Options{Faults: Faults{Status: 503, PathPrefix: "/sellers/"}})
	if res, _ := e.do("GET", "/sellers/v1/marketplaceParticipations", ""); res.StatusCode != 503 {
		t.Fatalf("%d", res.StatusCode)
	}
}
