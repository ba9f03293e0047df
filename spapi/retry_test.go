package spapi

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// statusSequence answers with the given statuses in turn, then 200/201.
func statusSequence(hits *atomic.Int64, final int, statuses ...int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		n := int(hits.Add(1))
		if n <= len(statuses) {
			rawReply(statuses[n-1], `{"errors":[{"code":"InternalFailure","message":"try later"}]}`)(w, r)
			return
		}
		if final == 201 {
			rawReply(201, `{}`)(w, r)
			return
		}
		attributesOK(w, r)
	}
}

// hangUp reads the request and then closes the connection without answering.
func hangUp(w http.ResponseWriter, _ *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err == nil {
		conn.Close()
	}
}

var textMsg = Message{Kind: KindConfirmOrderDetails, Text: "Bitte bestätigen Sie die Lieferadresse."}

func TestReadsRetryServerErrorsAndThrottling(t *testing.T) {
	var hits atomic.Int64
	f := newFakeAmazon(t, statusSequence(&hits, 200, 500, 429, 503))
	if _, err := f.client().BuyerAttributes(context.Background(), orderID, mpDE); err != nil {
		t.Fatal(err)
	}
	if hits.Load() != 4 {
		t.Fatalf("%d requests, want 4", hits.Load())
	}
}

func TestReadRetriesAreBounded(t *testing.T) {
	var hits atomic.Int64
	f := newFakeAmazon(t, statusSequence(&hits, 200, 500, 500, 500, 500, 500, 500, 500, 500))
	_, err := f.client(func(c *Config) { c.MaxRetries = 2 }).BuyerAttributes(context.Background(), orderID, mpDE)
	var ae *APIError
	if !errors.As(err, &ae) || ae.StatusCode != 500 || ae.RequestID != "req-3" {
		t.Fatalf("got %v", err)
	}
	if hits.Load() != 3 {
		t.Fatalf("%d requests, want 3 (1 + 2 retries)", hits.Load())
	}
}

func TestReadRetriesADroppedConnection(t *testing.T) {
	var hits atomic.Int64
	f := newFakeAmazon(t, func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) == 1 {
			hangUp(w, r)
			return
		}
		attributesOK(w, r)
	})
	if _, err := f.client().BuyerAttributes(context.Background(), orderID, mpDE); err != nil {
		t.Fatal(err)
	}
	if hits.Load() != 2 {
		t.Fatalf("%d requests, want 2", hits.Load())
	}
}

func TestSendIsNotRepeatedWhenTheConnectionDropsAfterWriting(t *testing.T) {
	var hits atomic.Int64
	f := newFakeAmazon(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		hangUp(w, r)
	})
	_, err := f.client().SendMessage(context.Background(), orderID, mpDE, textMsg)
	if !errors.Is(err, ErrOutcomeUnknown) {
		t.Fatalf("got %v, want ErrOutcomeUnknown", err)
	}
	if hits.Load() != 1 {
		t.Fatalf("message sent %d times", hits.Load())
	}
	if Explain(err, German) == Explain(err, English) || Explain(err, English) == "" {
		t.Error("outcome-unknown explanation missing")
	}
}

func TestSendTimingOutAfterWritingIsOutcomeUnknown(t *testing.T) {
	release := make(chan struct{})
	var hits atomic.Int64
	f := newFakeAmazon(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		<-release
	})
	defer close(release)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := f.client().SendMessage(ctx, orderID, mpDE, textMsg)
	if !errors.Is(err, ErrOutcomeUnknown) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want ErrOutcomeUnknown wrapping the deadline", err)
	}
	if hits.Load() != 1 {
		t.Fatalf("message sent %d times", hits.Load())
	}
}

func TestSendServerErrorIsOutcomeUnknownAndNotRepeated(t *testing.T) {
	var hits atomic.Int64
	f := newFakeAmazon(t, statusSequence(&hits, 201, 500))
	_, err := f.client().SendMessage(context.Background(), orderID, mpDE, textMsg)
	var ae *APIError
	if !errors.Is(err, ErrOutcomeUnknown) || !errors.As(err, &ae) || ae.RequestID != "req-1" {
		t.Fatalf("got %v", err)
	}
	if hits.Load() != 1 {
		t.Fatalf("message sent %d times", hits.Load())
	}
}

func TestThrottledSendIsRetried(t *testing.T) {
	var hits atomic.Int64
	f := newFakeAmazon(t, statusSequence(&hits, 201, 429))
	if _, err := f.client().SendMessage(context.Background(), orderID, mpDE, textMsg); err != nil {
		t.Fatal(err)
	}
	if hits.Load() != 2 {
		t.Fatalf("%d requests, want 2", hits.Load())
	}
}

func TestRefusedSendIsRetried(t *testing.T) {
	var hits atomic.Int64
	f := newFakeAmazon(t, statusSequence(&hits, 201))
	var dials atomic.Int64
	d := &net.Dialer{}
	// No keep-alive: every request dials, the first after the token is refused.
	tr := &http.Transport{DisableKeepAlives: true, DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		if dials.Add(1) == 2 {
			return nil, &net.OpError{Op: "dial", Net: network, Err: syscall.ECONNREFUSED}
		}
		return d.DialContext(ctx, network, addr)
	}}
	defer tr.CloseIdleConnections()
	c := f.client(func(c *Config) { c.HTTPClient = &http.Client{Transport: tr} })
	if _, err := c.tokens.get(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SendMessage(context.Background(), orderID, mpDE, textMsg); err != nil {
		t.Fatalf("send after a refused connection: %v", err)
	}
	if hits.Load() != 1 || dials.Load() != 3 {
		t.Fatalf("message sent %d times over %d dials; want 1 over 3 (token, refused, send)", hits.Load(), dials.Load())
	}
}

func TestRefusedSendGivesUpWithoutOutcomeUnknown(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	f := newFakeAmazon(t, nil)
	c := f.client(func(c *Config) { c.Endpoint = "http://" + addr })
	_, err = c.SendMessage(context.Background(), orderID, mpDE, textMsg)
	if err == nil || errors.Is(err, ErrOutcomeUnknown) {
		t.Fatalf("got %v; nothing was sent, so the outcome is known", err)
	}
}

func TestClientErrorsAreNotRetried(t *testing.T) {
	var hits atomic.Int64
	f := newFakeAmazon(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		rawReply(403, `{"errors":[{"code":"Unauthorized","message":"Invalid amazonOrderId and template combination.","details":""}]}`)(w, r)
	})
	_, err := f.client().SendMessage(context.Background(), orderID, mpDE, textMsg)
	var ae *APIError
	if !errors.As(err, &ae) || ae.StatusCode != 403 || ae.Code != "Unauthorized" || errors.Is(err, ErrOutcomeUnknown) {
		t.Fatalf("got %v", err)
	}
	if hits.Load() != 1 {
		t.Fatalf("%d requests", hits.Load())
	}
}

func TestSendServerErrorWithAHugeBodyIsOutcomeUnknown(t *testing.T) {
	var hits atomic.Int64
	f := newFakeAmazon(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.WriteHeader(http.StatusBadGateway)
		w.Write(make([]byte, 64<<10))
	})
	_, err := f.client(func(c *Config) { c.MaxBodyBytes = 1 << 10 }).SendMessage(context.Background(), orderID, mpDE, textMsg)
	if !errors.Is(err, ErrOutcomeUnknown) || !errors.Is(err, ErrResponseTooLarge) {
		t.Fatalf("got %v, want outcome unknown for a server error with an oversized body", err)
	}
	if hits.Load() != 1 {
		t.Fatalf("message sent %d times", hits.Load())
	}
}

func TestReadServerErrorWithAHugeBodyIsAResponseError(t *testing.T) {
	f := newFakeAmazon(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
		w.Write(make([]byte, 64<<10))
	})
	_, err := f.client(func(c *Config) { c.MaxBodyBytes = 1 << 10 }).BuyerAttributes(context.Background(), orderID, mpDE)
	var re *ResponseError
	if errors.Is(err, ErrOutcomeUnknown) || !errors.As(err, &re) || !errors.Is(err, ErrResponseTooLarge) {
		t.Fatalf("got %v, want a ResponseError", err)
	}
}
