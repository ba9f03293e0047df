package cli

import (
	"bytes"
	"context"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is written by the command's goroutine and read by the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestSandboxCommandServesUntilInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, []string{"sandbox", "--addr", "127.0.0.1:0", "--orders", "20"}, IO{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}, nil)
	}()
	urlRE := regexp.MustCompile(`on (http://127\.0\.0\.1:\d+)`)
	var url string
	for deadline := time.Now().Add(10 * time.Second); url == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := urlRE.FindStringSubmatch(out.String()); m != nil {
			url = m[1]
		}
	}
	if url == "" {
		t.Fatalf("no address printed; stdout %q stderr %q", out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "SELLERMAIL_LWA_ENDPOINT="+url+"/auth/o2/token") {
		t.Errorf("no export line for the token endpoint:\n%s", out.String())
	}
	// Amazon's answer to a call without an access token.
	resp, err := http.Get(url + "/orders/2026-01-01/orders?createdAfter=2026-01-01T00:00:00Z")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized && resp.StatusCode != http.StatusForbidden {
		t.Errorf("unauthenticated call answered %d", resp.StatusCode)
	}
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit %d; stderr %s", code, errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the sandbox did not stop when interrupted")
	}
}

func TestSandboxCommandListensOnLoopbackOnly(t *testing.T) {
	s := newShop(t)
	r := s.run("", "sandbox", "--addr", "0.0.0.0:8181")
	if r.code != exitUsage || !strings.Contains(r.errOut, "loopback only") {
		t.Fatalf("exit %d, stderr %q", r.code, r.errOut)
	}
}
