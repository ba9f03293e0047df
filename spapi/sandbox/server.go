package sandbox

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// maxRequestBody caps SP-API request bodies; larger ones get 413 as Amazon's gateway answers.
const maxRequestBody = 1 << 20

// Server is a fake SP-API. Create it with New; it is safe for concurrent use.
type Server struct {
	opts   Options
	mux    *http.ServeMux
	lim    *limiter
	faults faultState

	mu     sync.Mutex
	tokens map[string]time.Time // access token → expiry
	demo   *demoState           // nil in static mode

	srv *http.Server
	ln  net.Listener
}

// route is one served operation and the checks that run before its handler.
type route struct {
	op   string    // operation ID; empty for non-SP-API paths
	plan UsagePlan // zero Burst means no rate limit
	auth bool      // requires x-amz-access-token
	body int64     // body size limit
	// tooLarge answers a body over the limit; nil means Amazon's 413.
	tooLarge func() reply
	h        func(*call) reply
}

// call is one request as a handler sees it.
type call struct {
	r     *http.Request
	body  []byte
	reqID string
}

// New builds a server from opts. In demo mode it generates the orders
// right away; this takes a few milliseconds.
func New(opts Options) *Server {
	opts = opts.withDefaults()
	s := &Server{
		opts:   opts,
		mux:    http.NewServeMux(),
		lim:    newLimiter(opts.TimeScale),
		tokens: map[string]time.Time{},
	}
	s.faults.set(opts.Faults)
	s.handle("POST /auth/o2/token", route{body: maxRequestBody, h: s.token})
	if opts.Mode == ModeStatic {
		s.routeStatic(opts.Static)
	} else {
		s.demo = newDemoState(opts.Seed, opts.Now().UTC().Truncate(time.Second), opts.Orders)
		s.routeDemo()
	}
	s.handle("/", route{h: func(c *call) reply {
		return notFound("No operation is served at " + c.r.Method + " " + c.r.URL.Path + ".")
	}})
	return s
}

// Handler returns the server's HTTP handler, for use with httptest or a custom server.
func (s *Server) Handler() http.Handler { return s.mux }

// Start serves on a free port of 127.0.0.1 until Close.
func (s *Server) Start() error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	s.serve(ln)
	return nil
}

func (s *Server) serve(ln net.Listener) {
	s.ln = ln
	s.srv = &http.Server{Handler: s.mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = s.srv.Serve(ln) }()
}

// URL is the base URL of a started server, e.g. "http://127.0.0.1:41234".
// It is empty before Start.
func (s *Server) URL() string {
	if s.ln == nil {
		return ""
	}
	return "http://" + s.ln.Addr().String()
}

// Close stops a started server and its open connections.
func (s *Server) Close() error {
	if s.srv == nil {
		return nil
	}
	return s.srv.Close()
}

// ListenAndServe runs a server built from opts on addr until ctx ends,
// then shuts it down gracefully.
func ListenAndServe(ctx context.Context, addr string, opts Options) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	s := New(opts)
	srv := &http.Server{Handler: s.mux, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// SetFaults replaces the injected faults; Faults{} turns them off.
func (s *Server) SetFaults(f Faults) { s.faults.set(f) }

// Faults returns the faults currently injected (Count shows what is left).
func (s *Server) Faults() Faults { return s.faults.get() }

// ResetRateLimits refills every operation's bucket.
func (s *Server) ResetRateLimits() { s.lim.reset() }

func (s *Server) now() time.Time { return s.opts.Now() }

func (s *Server) handle(pattern string, rt route) {
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) { s.serveRoute(rt, w, r) })
}

// serveRoute runs faults, auth, rate limit and the handler, then writes the answer.
func (s *Server) serveRoute(rt route, w http.ResponseWriter, r *http.Request) {
	reqID := newUUID() // an x-amzn-RequestId has Amazon's UUID form
	w.Header().Set("x-amzn-RequestId", reqID)
	f := s.faults.take(r.URL.Path)
	if f.Latency > 0 {
		t := time.NewTimer(f.Latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		}
	}
	if f.DropBeforeRead {
		dropConnection(w)
		return
	}
	var rep reply
	switch {
	case f.Status == http.StatusInternalServerError:
		rep = errReply(f.Status, "InternalFailure", "We encountered an internal error. Please try again.", "")
	case f.Status == http.StatusServiceUnavailable:
		rep = errReply(f.Status, "ServiceUnavailable", "Service temporarily unavailable. Please try again.", "")
	case f.Throttle:
		rep = quotaExceeded()
	default:
		rep = s.run(rt, r, reqID)
	}
	if f.DropAfterRead {
		_, _ = io.Copy(io.Discard, io.LimitReader(r.Body, maxRequestBody))
		dropConnection(w)
		return
	}
	writeReply(w, rep, f)
}

func (s *Server) run(rt route, r *http.Request, reqID string) reply {
	if rt.auth {
		if rep, ok := s.checkToken(r); !ok {
			return rep
		}
	}
	if rt.plan.Burst > 0 && !s.lim.allow(rt.op, rt.plan) {
		return quotaExceeded()
	}
	limit := rt.body
	if limit <= 0 {
		limit = maxRequestBody
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	if err != nil {
		return badInput("The request body could not be read.")
	}
	if int64(len(body)) > limit {
		if rt.tooLarge != nil {
			return rt.tooLarge()
		}
		return errReply(http.StatusRequestEntityTooLarge, "RequestEntityTooLarge", "The request size exceeded the limit.", "")
	}
	rep := rt.h(&call{r: r, body: body, reqID: reqID})
	if rt.plan.Burst > 0 {
		switch {
		case rep.status >= 200 && rep.status < 300, rep.status == http.StatusBadRequest, rep.status == http.StatusNotFound:
			rep.setHeader("x-amzn-RateLimit-Limit", rt.plan.header())
		}
	}
	return rep
}

func quotaExceeded() reply {
	return errReply(http.StatusTooManyRequests, "QuotaExceeded", "You exceeded your quota for the requested resource.", "")
}

// writeReply writes rep, damaged as the faults say.
func writeReply(w http.ResponseWriter, rep reply, f Faults) {
	body := rep.body
	if f.TruncateJSON {
		body = body[:len(body)/2]
	}
	if f.MalformedJSON {
		body = malformedBody
	}
	h := w.Header()
	for k, v := range rep.header {
		h[k] = v
	}
	if rep.contentType != "" {
		h.Set("Content-Type", rep.contentType)
	}
	pad := max(f.OversizedBody, 0)
	h.Set("Content-Length", strconv.FormatInt(pad+int64(len(body)), 10))
	status := rep.status
	if status == 0 {
		status = http.StatusOK
	}
	w.WriteHeader(status)
	if pad > 0 {
		chunk := make([]byte, 32<<10)
		for i := range chunk {
			chunk[i] = ' '
		}
		for pad > 0 {
			n := min(pad, int64(len(chunk)))
			if _, err := w.Write(chunk[:n]); err != nil {
				return
			}
			pad -= n
		}
	}
	_, _ = w.Write(body)
}

// dropConnection closes the client's connection without an answer.
func dropConnection(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}
