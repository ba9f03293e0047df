// Package archtest holds the test of the import rules that ARCHITECTURE.md
// states: which package may depend on which. It has no code of its own;
// "go test ./internal/archtest" (part of make test) checks the real
// dependency graph that "go list -deps" reports.
package archtest
