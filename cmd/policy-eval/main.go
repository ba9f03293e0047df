// Command policy-eval scores the compliance engine on labelled sets and
// prints recall, precision, false hints and span overlap per rule and per
// language (`make eval`).
//
//	policy-eval [-v] [-ignore RULE,...] DIR...
//
// Each DIR holds one set: JSON files named by language (de.json), each an
// array of labelled records (see package sellermail/policy/eval).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"sellermail/policy"
	"sellermail/policy/eval"
)

func main() {
	verbose := flag.Bool("v", false, "list every missed violation and false finding")
	ignoreList := flag.String("ignore", "", "comma-separated rule IDs whose findings are left out of the scores")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: policy-eval [-v] [-ignore RULE,...] DIR...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	ignore := map[string]bool{}
	for _, id := range strings.Split(*ignoreList, ",") {
		if id = strings.TrimSpace(id); id != "" {
			ignore[id] = true
		}
	}
	c := policy.NewChecker()
	for _, dir := range flag.Args() {
		load := eval.LoadSet
		if filepath.Base(dir) == "corpus" {
			load = eval.LoadCorpus
		}
		recs, err := load(dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, "policy-eval:", err)
			os.Exit(2)
		}
		eval.Run(c, filepath.ToSlash(dir), recs, ignore).Write(os.Stdout, *verbose)
	}
}
