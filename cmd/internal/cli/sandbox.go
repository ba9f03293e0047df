package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"sellermail/spapi/sandbox"
)

// sandboxOpts say where to listen and what to serve.
type sandboxOpts struct {
	addr    string
	static  bool
	models  string // with static: the models' folder; empty: found next to the module
	sandbox sandbox.Options
}

func parseSandbox(args []string) (sandboxOpts, error) {
	fs := newFlags("sandbox", "[--addr 127.0.0.1:PORT] [--static] [--models DIR] [--seed N] [--orders N] [--time-scale X]")
	addr := fs.String("addr", "127.0.0.1:8181", "address to listen on (loopback only)")
	static := fs.Bool("static", false, "answer only the static sandbox cases of Amazon's API models")
	models := fs.String("models", "", "directory of Amazon's API models for --static (default: ../shared/spapi-models next to the module)")
	seed := fs.Uint64("seed", 1, "seed of the demo marketplace's orders")
	orders := fs.Int("orders", sandbox.DefaultOrders, "number of demo orders")
	scale := fs.Float64("time-scale", 1, "refill rate limits this many times faster than Amazon does")
	if _, err := parseFlags(fs, args); err != nil {
		return sandboxOpts{}, err
	}
	o := sandboxOpts{addr: *addr, static: *static, models: *models,
		sandbox: sandbox.Options{Seed: *seed, Orders: *orders, TimeScale: *scale}}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		return o, usagef("--addr %q: %v", *addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return o, usagef("--addr %q: the sandbox listens on loopback only (127.0.0.1 or [::1])", *addr)
	}
	return o, nil
}

// runSandbox serves the local SP-API sandbox until interrupted, for trying
// the command line against something that behaves like Amazon.
func runSandbox(ctx context.Context, e *env, o sandboxOpts) error {
	opts := o.sandbox
	if o.static {
		dir := o.models
		var err error
		if dir == "" {
			if dir, err = sandbox.FindModelsDir("."); err != nil {
				return inputError{fmt.Errorf("%w (name the folder with --models)", err)}
			}
		}
		if opts.Static, err = sandbox.LoadStatic(dir); err != nil {
			return inputError{err}
		}
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return e.printed(err)
	}
	srv := &http.Server{Handler: sandbox.New(opts).Handler(), ReadHeaderTimeout: 10 * time.Second}
	url := "http://" + ln.Addr().String()
	mode := "demo marketplace"
	if o.static {
		mode = "static cases"
	}
	fmt.Fprintf(e.Stdout, "SP-API sandbox (%s) on %s\n", mode, url)
	fmt.Fprintf(e.Stdout, "Use it with:\n  export SELLERMAIL_SPAPI_ENDPOINT=%s SELLERMAIL_LWA_ENDPOINT=%s/auth/o2/token\n", url, url)
	fmt.Fprintf(e.Stdout, "  export SELLERMAIL_LWA_CLIENT_ID=%s SELLERMAIL_LWA_CLIENT_SECRET=%s SELLERMAIL_REFRESH_TOKEN='%s'\n",
		sandbox.DefaultCredentials.ClientID, sandbox.DefaultCredentials.ClientSecret, sandbox.DefaultCredentials.RefreshToken)

	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err = <-done:
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err = srv.Shutdown(sctx)
		if err == nil {
			err = <-done
		}
	}
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return e.printed(err)
	}
	return nil
}
