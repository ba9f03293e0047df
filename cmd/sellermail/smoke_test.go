package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"sellermail/app"
	"sellermail/app/store"
)

// The smoke test runs the real binary in a real X window (the Xvfb display
// scripts/test-session.sh starts) and fails on what the unit-test driver
// cannot see: a widget touched off the UI goroutine, a panic, a blank
// window, or a window that does not close.

// crashMarkers are output lines that mean the window misbehaved. Fyne logs
// the first when a widget is touched off the UI goroutine; the check is
// compiled out by the migrated_fynedo tag, which is why the binary is built
// without it.
var crashMarkers = []string{"Error in Fyne call thread", "panic:", "fatal error:", "SIGSEGV"}

// smokeOrders is how many cached orders the smoke test starts with.
const smokeOrders = 40

func TestSmokeWindowShowsDemoOrders(t *testing.T) {
	requireDisplay(t)
	bin := buildBinary(t)
	dir := t.TempDir()
	// Cached orders are listed at once, before any sync, so the window has
	// its orders to show when it settles.
	if err := writeOrders(filepath.Join(dir, app.DemoDir, store.FileName), smokeOrders); err != nil {
		t.Fatal(err)
	}
	p := startApp(t, bin, dir)
	win := p.waitWindow(t, 30*time.Second)
	shot, stable := p.waitStable(t, win, 12*time.Second)
	if !stable {
		t.Log("the window never stopped changing (an animation?); checking the last screenshot")
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("screenshot is no PNG: %v", err)
	}
	if err := notBlank(img); err != nil {
		keepScreenshot(t, shot)
		t.Fatalf("the window looks blank: %v", err)
	}
	if path := os.Getenv("SELLERMAIL_SMOKE_SCREENSHOT"); path != "" {
		// For a person to look at what the test saw.
		if err := os.WriteFile(path, shot, 0o600); err != nil {
			t.Error(err)
		}
	}
	p.stop(t, 10*time.Second)
	p.checkOutput(t)
}

// requireDisplay skips the test without an X display or the X tools.
func requireDisplay(tb testing.TB) {
	tb.Helper()
	if os.Getenv("DISPLAY") == "" {
		tb.Skip("no X display: DISPLAY is empty; run under scripts/test-session.sh (make test) for the real-window test")
	}
	for _, tool := range []string{"xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			tb.Skipf("%s is not installed (make deps installs xdotool and imagemagick)", tool)
		}
	}
}

// buildBinary builds the app into a temporary directory. It is built
// without migrated_fynedo, so Fyne checks which goroutine touches widgets.
func buildBinary(tb testing.TB) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "sellermail")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// lockedBuffer collects a process's output while it runs.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// appProc is the running app.
type appProc struct {
	cmd     *exec.Cmd
	out     lockedBuffer
	started time.Time
	done    chan struct{}
	waitErr error
	// stableAt is when the window first showed what waitStable settled on.
	stableAt time.Time
}

// startApp starts the binary in demo mode on dataDir, with its own home so
// Fyne's settings stay out of the user's. It is killed when the test ends
// if it is still running.
func startApp(tb testing.TB, bin, dataDir string) *appProc {
	tb.Helper()
	home := filepath.Join(dataDir, "home")
	if err := os.MkdirAll(home, 0o700); err != nil {
		tb.Fatal(err)
	}
	p := &appProc{done: make(chan struct{})}
	p.cmd = exec.Command(bin, "--demo", "--data-dir", dataDir)
	p.cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"LANG=en_US.UTF-8")
	p.cmd.Stdout, p.cmd.Stderr = &p.out, &p.out
	p.started = time.Now()
	if err := p.cmd.Start(); err != nil {
		tb.Fatalf("starting %s: %v", bin, err)
	}
	go func() {
		p.waitErr = p.cmd.Wait()
		close(p.done)
	}()
	tb.Cleanup(func() {
		select {
		case <-p.done:
		default:
			_ = p.cmd.Process.Kill()
			<-p.done
		}
	})
	return p
}

// exited reports whether the process has ended.
func (p *appProc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// waitWindow waits for the app's main window and returns its X window ID.
func (p *appProc) waitWindow(tb testing.TB, timeout time.Duration) string {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if p.exited() {
			tb.Fatalf("the app ended before showing a window: %v\n%s", p.waitErr, p.out.String())
		}
		if id := p.window(); id != "" {
			return id
		}
		time.Sleep(20 * time.Millisecond)
	}
	tb.Fatalf("no Sellermail window within %v; output:\n%s", timeout, p.out.String())
	return ""
}

// window finds a visible window named Sellermail that belongs to the
// process (or any, when the window carries no process ID).
func (p *appProc) window() string {
	out, err := exec.Command("xdotool", "search", "--onlyvisible", "--name", "Sellermail").Output()
	if err != nil {
		return ""
	}
	ids := strings.Fields(string(out))
	for _, id := range ids {
		pid, err := exec.Command("xdotool", "getwindowpid", id).Output()
		if err == nil && strings.TrimSpace(string(pid)) == strconv.Itoa(p.cmd.Process.Pid) {
			return id
		}
	}
	if len(ids) > 0 {
		return ids[len(ids)-1]
	}
	return ""
}

// screenshot captures the window as PNG.
func screenshot(win string) ([]byte, error) {
	out, err := exec.Command("import", "-silent", "-window", win, "png:-").Output()
	if err != nil {
		return nil, fmt.Errorf("import -window %s: %w", win, err)
	}
	return out, nil
}

// waitStable captures the window until three captures in a row are the
// same and not blank (the orders are shown and nothing is loading any
// more). It returns the last capture and whether the window settled; the
// time of the first capture of the settled run is kept in p.stableAt.
func (p *appProc) waitStable(tb testing.TB, win string, timeout time.Duration) ([]byte, bool) {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	var last []byte
	var lastSum [32]byte
	var lastAt time.Time
	same := 0
	for time.Now().Before(deadline) {
		if p.exited() {
			tb.Fatalf("the app ended while starting: %v\n%s", p.waitErr, p.out.String())
		}
		at := time.Now()
		shot, err := screenshot(win)
		if err != nil {
			time.Sleep(20 * time.Millisecond)
			continue
		}
		sum := sha256.Sum256(shot)
		if last != nil && sum == lastSum {
			same++
		} else {
			same, lastAt = 0, at
		}
		last, lastSum = shot, sum
		if same == 2 && blankErr(shot) == nil {
			p.stableAt = lastAt
			return shot, true
		}
		time.Sleep(50 * time.Millisecond)
	}
	if last == nil {
		tb.Fatalf("no screenshot of window %s could be taken", win)
	}
	return last, false
}

// blankErr is notBlank for an encoded capture.
func blankErr(shot []byte) error {
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		return err
	}
	return notBlank(img)
}

// notBlank checks that a capture shows something: enough colours (text is
// anti-aliased, icons are coloured) and enough pixels off the background.
func notBlank(img image.Image) error {
	b := img.Bounds()
	if b.Dx() < 200 || b.Dy() < 150 {
		return fmt.Errorf("the window is only %dx%d pixels", b.Dx(), b.Dy())
	}
	counts := map[uint32]int{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			counts[(r>>8)<<16|(g>>8)<<8|bl>>8]++
		}
	}
	top := 0
	for _, n := range counts {
		top = max(top, n)
	}
	total := b.Dx() * b.Dy()
	off := float64(total-top) / float64(total)
	if len(counts) < 24 || off < 0.02 {
		return fmt.Errorf("%d colours, %.1f %% of the pixels off the background", len(counts), off*100)
	}
	return nil
}

// stop asks the app to quit as the desktop does (SIGTERM, which Fyne turns
// into a normal quit) and fails if it does not end in time or ends badly.
func (p *appProc) stop(tb testing.TB, timeout time.Duration) {
	tb.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil && !p.exited() {
		tb.Fatalf("SIGTERM: %v", err)
	}
	select {
	case <-p.done:
	case <-time.After(timeout):
		_ = p.cmd.Process.Kill()
		<-p.done
		tb.Fatalf("the app did not quit within %v of SIGTERM; output:\n%s", timeout, p.out.String())
	}
	if p.waitErr != nil {
		tb.Errorf("the app ended with %v; output:\n%s", p.waitErr, p.out.String())
	}
}

// checkOutput fails on crash markers in what the app printed.
func (p *appProc) checkOutput(tb testing.TB) {
	tb.Helper()
	out := p.out.String()
	for _, m := range crashMarkers {
		if strings.Contains(out, m) {
			tb.Errorf("the app printed %q:\n%s", m, out)
		}
	}
}

// keepScreenshot writes a failing capture next to the test's temporary
// files and names it in the log.
func keepScreenshot(tb testing.TB, shot []byte) {
	path := filepath.Join(os.TempDir(), fmt.Sprintf("sellermail-smoke-%d.png", time.Now().UnixNano()))
	if err := os.WriteFile(path, shot, 0o600); err == nil {
		tb.Logf("screenshot kept at %s", path)
	}
}
