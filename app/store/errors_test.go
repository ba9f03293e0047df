package store

import (
	"context"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestDiskFullNamesTheFile(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	// The writer pool has exactly one connection, so this limit applies to
	// every later write: the database cannot grow, as on a full disk.
	var pages int
	if err := s.w.QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	mustExec(t, s.w, "PRAGMA max_page_count = "+strconv.Itoa(pages))
	var err error
	for i := 0; i < 1000 && err == nil; i++ {
		err = s.SaveDraft(ctx, Draft{OrderID: "o" + strconv.Itoa(i), Kind: "k", Text: strings.Repeat("x", 4000)})
	}
	if !errors.Is(err, ErrDiskFull) || !strings.Contains(err.Error(), s.Path()) {
		t.Fatalf("err = %v; want ErrDiskFull naming %s", err, s.Path())
	}
	if ierr := s.IntegrityCheck(ctx); ierr != nil {
		t.Error(ierr)
	}
}

func TestReadOnlyNamesTheFile(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	mustExec(t, s.w, "PRAGMA query_only = 1")
	err := s.SaveDraft(ctx, Draft{OrderID: "o", Kind: "k", Text: "x"})
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), s.Path()) {
		t.Fatalf("err = %v; want ErrReadOnly naming %s", err, s.Path())
	}
}

func TestReadOnlyFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: file permissions do not stop root from writing; TestReadOnlyNamesTheFile covers the error")
	}
	ctx := context.Background()
	s := openTest(t)
	path := s.Path()
	s.Close()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(path, 0o644)
	s2, err := Open(ctx, path)
	if err == nil {
		defer s2.Close()
		err = s2.SaveDraft(ctx, Draft{OrderID: "o", Kind: "k", Text: "x"})
	}
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("writing a read-only file: %v; want an error naming %s", err, path)
	}
}
