package sandbox

import (
	"context"
	"errors"
	"net"
	"net/http"
	"testing"
	"time"
)

func TestStartURLClose(t *testing.T) {
	s := New(Options{Seed: 1, Now: func() time.Time { return fixedNow }})
	if s.URL() != "" {
		t.Fatal("URL before Start")
	}
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	res, err := http.Get(s.URL() + "/nowhere")
	if err != nil {
		t.Fatal(err)
	}
	b := readAll(t, res)
	if res.StatusCode != 404 || errCode(t, b) != "NotFound" || res.Header.Get("x-amzn-RequestId") == "" {
		t.Fatalf("%d %s", res.StatusCode, b)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(s.URL() + "/nowhere"); err == nil {
		t.Fatal("server still answers after Close")
	}
}

func TestListenAndServeStopsWithContext(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ListenAndServe(ctx, addr, Options{Orders: 10}) }()
	deadline := time.Now().Add(5 * time.Second)
	for {
		res, err := http.Get("http://" + addr + "/nowhere")
		if err == nil {
			res.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatal(err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
	if err := ListenAndServe(context.Background(), "256.0.0.1:1", Options{}); err == nil {
		t.Fatal("bad address accepted")
	}
}
