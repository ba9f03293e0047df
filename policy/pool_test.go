package policy

import (
	"reflect"
	"strings"
	"sync"
	"testing"
)

// Check reuses its buffers between calls; nothing of one message may leak
// into the result for the next, in whatever order messages come.
func TestCheckResultsDoNotDependOnEarlierChecks(t *testing.T) {
	c := NewChecker()
	entries := loadCorpus(t)
	first := make([]Result, len(entries))
	for i, e := range entries {
		first[i] = c.Check(e.message(), German)
	}
	for i := len(entries) - 1; i >= 0; i-- {
		if got := c.Check(entries[i].message(), German); !reflect.DeepEqual(got, first[i]) {
			t.Fatalf("%s: result changed after other checks:\nfirst %+v\nlater %+v", entries[i].ID, first[i], got)
		}
	}
}

// Concurrent checks share the buffer pool; each must still get its own result.
func TestCheckConcurrent(t *testing.T) {
	c := NewChecker()
	entries := loadCorpus(t)
	want := make([]Result, len(entries))
	for i, e := range entries {
		want[i] = c.Check(e.message(), English)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Go(func() {
			for i := range entries {
				k := (i + g*7) % len(entries)
				if got := c.Check(entries[k].message(), English); !reflect.DeepEqual(got, want[k]) {
					t.Errorf("%s: concurrent result differs", entries[k].ID)
					return
				}
			}
		})
	}
	wg.Wait()
}

// deobfuscate must rewrite exactly as a strings.Replacer over the same pairs.
func TestDeobfuscateMatchesReplacer(t *testing.T) {
	var pairs []string
	for _, o := range obfuscations {
		pairs = append(pairs, o.from, o.to)
	}
	r := strings.NewReplacer(pairs...)
	for _, s := range []string{
		"info(at)shop.de", "shop[dot]de", "a{at}b{dot}c", "x(.)y[.]z", "(ät)", "[ät]x(punkt)de[punkt]",
		"((at))", "(at", "[dot", "plain.de", "(a)t", "(at)(at)", "ende(dot)", "{", "",
	} {
		want := r.Replace(s)
		got, changed := deobfuscate(s)
		if got != want || changed != (want != s) {
			t.Errorf("deobfuscate(%q) = %q, %v; want %q, %v", s, got, changed, want, want != s)
		}
	}
}
