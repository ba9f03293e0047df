package cli

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"sellermail/app"
	"sellermail/app/store"
	"sellermail/policy"
	"sellermail/spapi/sandbox"
)

// parseCase is one command line for a parser: the options it gives, or
// the start of the usage error it reports.
type parseCase[O any] struct {
	args []string
	want O
	err  string
}

func checkParse[O any](t *testing.T, name string, parse func([]string) (O, error), cases []parseCase[O]) {
	t.Helper()
	for _, tc := range cases {
		got, err := parse(tc.args)
		line := name + " " + strings.Join(tc.args, " ")
		if tc.err != "" {
			var u usageError
			if !asUsage(err, &u) || !strings.Contains(u.msg+u.usage, tc.err) {
				t.Errorf("%s: error %v, want a usage error with %q", line, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", line, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", line, got, tc.want)
		}
	}
}

func asUsage(err error, u *usageError) bool {
	ok := err != nil
	if ok {
		*u, ok = err.(usageError)
	}
	return ok
}

func TestParseLint(t *testing.T) {
	msg := func(k policy.Kind) policy.Message { return policy.Message{Kind: k} }
	withOrder := msg(policy.KindUnexpectedProblem)
	withOrder.Order, withOrder.BuyerLocale, withOrder.Marketplace, withOrder.Template = &policy.OrderFacts{OrderID: "302-1"}, "de", "DE", true
	checkParse(t, "lint", parseLint, []parseCase[lintOpts]{
		{args: nil, want: lintOpts{msg: msg(policy.KindUnexpectedProblem), format: "text"}},
		{args: []string{"a.txt", "--kind", "legalDisclosure", "b.txt", "--format=json"},
			want: lintOpts{msg: msg(policy.KindLegalDisclosure), format: "json", files: []string{"a.txt", "b.txt"}}},
		{args: []string{"--order", "302-1", "--lang", "de", "--marketplace", "DE", "--template", "-"},
			want: lintOpts{msg: withOrder, format: "text", files: []string{"-"}}},
		{args: []string{"--rules", "--kind", "postcard"}, want: lintOpts{rules: true, format: "text",
			msg: policy.Message{}}},
		{args: []string{"--kind", "postcard"}, err: "postcard"},
		{args: []string{"--format", "xml"}, err: "--format must be text or json"},
		{args: []string{"--colour"}, err: "flag provided but not defined: -colour"},
		{args: []string{"-h"}, err: "usage: sellermail lint"},
	})
}

func TestParseTemplates(t *testing.T) {
	checkParse(t, "templates", parseTemplates, []parseCase[templatesOpts]{
		{args: nil, want: templatesOpts{format: "text"}},
		{args: []string{"--lang", "de", "--kind", "legalDisclosure", "--format", "json"},
			want: templatesOpts{lang: "de", kind: policy.KindLegalDisclosure, format: "json"}},
		{args: []string{"extra"}, err: "unexpected argument"},
		{args: []string{"--kind", "postcard"}, err: "postcard"},
	})
	checkParse(t, "templates show", parseTemplateShow, []parseCase[templateShowOpts]{
		{args: []string{"delay"}, want: templateShowOpts{id: "delay", lang: "en"}},
		{args: []string{"delay", "--lang", "de", "--raw"}, want: templateShowOpts{id: "delay", lang: "de", raw: true}},
		{args: nil, err: "name one template ID"},
		{args: []string{"a", "b"}, err: "name one template ID"},
	})
}

func TestParseSend(t *testing.T) {
	const order = "302-1234567-1234567"
	checkParse(t, "send", parseSend, []parseCase[sendOpts]{
		{args: []string{order, "--kind", "unexpectedProblem", "-"},
			want: sendOpts{orderID: order, kind: policy.KindUnexpectedProblem, src: "-"}},
		{args: []string{"--kind", "unexpectedProblem", "--text-file", "m.txt", order, "--attach", "a.pdf", "--attach", "b.pdf", "--dry-run"},
			want: sendOpts{orderID: order, kind: policy.KindUnexpectedProblem, src: "m.txt", attach: []string{"a.pdf", "b.pdf"}, dry: true}},
		{args: []string{order, "-"}, err: "--kind is required"},
		{args: []string{order, "--kind", "unexpectedProblem"}, err: "--text-file"},
		{args: []string{"--kind", "unexpectedProblem", "-"}, err: "name one order ID"},
		{args: []string{order, "--kind", "postcard", "-"}, err: "postcard"},
		{args: []string{"-h"}, err: "4 Amazon could not be reached"},
	})
}

func TestParseOrders(t *testing.T) {
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	parse := func(args []string) (ordersOpts, error) { return parseOrders(args, now) }
	de, _ := app.MarketplaceByCountry("DE")
	checkParse(t, "orders", parse, []parseCase[ordersOpts]{
		{args: nil, want: ordersOpts{format: "table", filter: store.OrderFilter{Limit: store.DefaultLimit}}},
		{args: []string{"--marketplace", "de", "--status", "shipped", "--since", "7d", "--search", "mug", "--eligible",
			"--has-messages", "--limit", "5", "--format", "json"},
			want: ordersOpts{format: "json", filter: store.OrderFilter{Marketplace: de.ID, Status: "SHIPPED", From: now.AddDate(0, 0, -7),
				Search: "mug", ReviewEligible: true, HasMessages: true, Limit: 5}}},
		{args: []string{"--marketplace", de.ID}, want: ordersOpts{format: "table", filter: store.OrderFilter{Marketplace: de.ID, Limit: store.DefaultLimit}}},
		{args: []string{"--limit", "0"}, err: "--limit must be between"},
		{args: []string{"--marketplace", "Atlantis"}, err: "not a marketplace ID"},
		{args: []string{"--since", "last week"}, err: "--since"},
		{args: []string{"extra"}, err: "unexpected argument"},
	})
}

func TestParseActionsAndReview(t *testing.T) {
	const order = "302-1234567-1234567"
	checkParse(t, "actions", parseActions, []parseCase[actionsOpts]{
		{args: []string{order}, want: actionsOpts{orderID: order, format: "text"}},
		{args: []string{"--format", "json", order}, want: actionsOpts{orderID: order, format: "json"}},
		{args: nil, err: "name one order ID"},
		{args: []string{order, "--format", "xml"}, err: "--format must be text or json"},
	})
	checkParse(t, "request-review", parseRequestReview, []parseCase[reviewOpts]{
		{args: []string{order}, want: reviewOpts{orderID: order}},
		{args: []string{"--all-eligible", "--dry-run"}, want: reviewOpts{all: true, dry: true}},
		{args: nil, err: "name one order ID, or give --all-eligible"},
		{args: []string{order, "--all-eligible"}, err: "name one order ID, or give --all-eligible"},
		{args: []string{order, order}, err: "name one order ID, or give --all-eligible"},
	})
}

func TestParseHistory(t *testing.T) {
	de, _ := app.MarketplaceByCountry("DE")
	checkParse(t, "history", parseHistory, []parseCase[historyOpts]{
		{args: nil, want: historyOpts{format: "table", messages: store.HistoryFilter{Limit: store.DefaultLimit}}},
		{args: []string{"--format", "csv"}, want: historyOpts{format: "csv", messages: store.HistoryFilter{}}},
		{args: []string{"--format", "csv", "--limit", "10"}, want: historyOpts{format: "csv", messages: store.HistoryFilter{Limit: 10}}},
		{args: []string{"--search", "parcel", "--kind", "unexpectedProblem", "--status", "unknown", "--order", "302-1", "--marketplace", "DE"},
			want: historyOpts{format: "table", messages: store.HistoryFilter{Search: "parcel", Kind: "unexpectedProblem",
				Status: store.StatusUnknown, OrderID: "302-1", Marketplace: de.ID, Limit: store.DefaultLimit}}},
		{args: []string{"--reviews", "--status", "sent", "--order", "302-1", "--format", "json"},
			want: historyOpts{reviews: true, format: "json", requests: store.ReviewFilter{Status: store.ReviewSent, OrderID: "302-1", Limit: store.DefaultLimit}}},
		{args: []string{"--status", "lost"}, err: `--status "lost"`},
		{args: []string{"--limit", "0"}, err: "--limit must be between"},
		{args: []string{"--reviews", "--search", "x"}, err: "--search applies to messages only"},
		{args: []string{"--reviews", "--status", "queued"}, err: "review requests are sending, sent, failed or unknown"},
	})
}

func TestParseLoginSandboxAndNone(t *testing.T) {
	checkParse(t, "login", parseLogin, []parseCase[loginOpts]{
		{args: nil, want: loginOpts{}},
		{args: []string{"--region", "na"}, want: loginOpts{region: app.RegionNA}},
		{args: []string{"--region", "asia"}, err: "want eu, na or fe"},
		{args: []string{"now"}, err: "unexpected argument"},
	})
	checkParse(t, "sandbox", parseSandbox, []parseCase[sandboxOpts]{
		{args: nil, want: sandboxOpts{addr: "127.0.0.1:8181", sandbox: sandbox.Options{Seed: 1, Orders: sandbox.DefaultOrders, TimeScale: 1}}},
		{args: []string{"--addr", "[::1]:0", "--static", "--models", "m", "--seed", "7", "--orders", "3", "--time-scale", "10"},
			want: sandboxOpts{addr: "[::1]:0", static: true, models: "m", sandbox: sandbox.Options{Seed: 7, Orders: 3, TimeScale: 10}}},
		{args: []string{"--addr", "0.0.0.0:8181"}, err: "loopback only"},
		{args: []string{"--addr", "8181"}, err: "--addr"},
	})
	for _, name := range []string{"sync", "logout", "version"} {
		checkParse(t, name, parseNone(name), []parseCase[struct{}]{
			{args: nil},
			{args: []string{"now"}, err: "unexpected argument"},
		})
	}
}
