package store

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

const crashDBEnv = "SELLERMAIL_STORE_CRASH_DB"

// TestHelperProcess is the child of TestKillDuringWritesLosesNothing: it
// writes drafts (and orders and messages alongside) as fast as it can and
// prints each draft's number once SaveDraft has returned.
func TestHelperProcess(t *testing.T) {
	path := os.Getenv(crashDBEnv)
	if path == "" {
		t.Skip("runs only as the child of TestKillDuringWritesLosesNothing")
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	start, _ := strconv.Atoi(os.Getenv(crashDBEnv + "_START"))
	out := bufio.NewWriter(os.Stdout)
	for i := start; ; i++ {
		if i%10 == 0 {
			batch := make([]Order, 20)
			for j := range batch {
				batch[j] = testOrder(i*20 + j)
			}
			if err := s.UpsertOrders(ctx, batch); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
			if _, err := s.EnqueueMessage(ctx, testMessage(batch[0].OrderID)); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
		}
		d := Draft{OrderID: fmt.Sprintf("crash-%d", i), Kind: "unexpectedProblem", Text: fmt.Sprintf("draft %d", i)}
		if err := s.SaveDraft(ctx, d); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		fmt.Fprintln(out, i)
		out.Flush()
	}
}

func TestKillDuringWritesLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	next := 0
	for round := 0; round < 4; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
		cmd.Env = append(os.Environ(), crashDBEnv+"="+path, crashDBEnv+"_START="+strconv.Itoa(next))
		cmd.Stderr = os.Stderr
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill after a random number of committed drafts, then at a random
		// moment a little later, so the kill lands mid-transaction too.
		lines := bufio.NewScanner(stdout)
		want := 5 + rand.IntN(200)
		var printed []int
		for len(printed) < want && lines.Scan() {
			n, err := strconv.Atoi(lines.Text())
			if err != nil {
				t.Fatalf("child printed %q", lines.Text())
			}
			printed = append(printed, n)
		}
		time.Sleep(time.Duration(rand.IntN(3000)) * time.Microsecond)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		for lines.Scan() { // drafts committed before the kill landed
			if n, err := strconv.Atoi(lines.Text()); err == nil {
				printed = append(printed, n)
			}
		}
		cmd.Wait()
		if len(printed) < want {
			t.Fatalf("round %d: child stopped after %d drafts", round, len(printed))
		}

		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("round %d: reopen after kill -9: %v", round, err)
		}
		if err := s.IntegrityCheck(ctx); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		for _, n := range printed {
			d, err := s.GetDraft(ctx, fmt.Sprintf("crash-%d", n), "unexpectedProblem")
			if err != nil || d.Text != fmt.Sprintf("draft %d", n) {
				t.Fatalf("round %d: draft %d lost after kill -9: %+v, %v", round, n, d, err)
			}
		}
		// The search index must agree with the tables it mirrors.
		if _, err := s.w.Exec(`INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')`); err != nil {
			t.Fatalf("round %d: message search index: %v", round, err)
		}
		if _, err := s.w.Exec(`INSERT INTO orders_fts (orders_fts) VALUES ('integrity-check')`); err != nil {
			t.Fatalf("round %d: order search index: %v", round, err)
		}
		s.Close()
		t.Logf("round %d: killed after %d committed drafts", round, len(printed))
		next = printed[len(printed)-1] + 1
	}
}
