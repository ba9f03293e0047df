package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"sellermail/app"
	"sellermail/app/i18n"
	"sellermail/app/store"
	"sellermail/policy"
)

// sendOpts name the order, the message and how to send it.
type sendOpts struct {
	orderID string
	kind    policy.Kind
	src     string   // file with the text; "-" is standard input
	attach  []string // files to attach
	dry     bool
}

const sendUsage = "ORDER --kind K (--text-file F | -) [--attach FILE]... [--dry-run]\n" +
	"exit status: 0 sent (or dry run passed), 1 refused or failed, 2 bad input or unknown order,\n" +
	"             3 outcome unknown: Amazon may have the message; check Seller Central before sending again,\n" +
	"             4 Amazon could not be reached, or not logged in: nothing was sent"

func parseSend(args []string) (sendOpts, error) {
	fs := newFlags("send", sendUsage)
	kind := fs.String("kind", "", "message kind: "+kindList())
	textFile := fs.String("text-file", "", "file with the message text; - reads standard input")
	var attach stringList
	fs.Var(&attach, "attach", "attach a file (repeatable, at most 5)")
	dry := fs.Bool("dry-run", false, "check everything, send nothing")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return sendOpts{}, err
	}
	o := sendOpts{src: *textFile, attach: attach, dry: *dry}
	if i := slices.Index(rest, "-"); i >= 0 && o.src == "" {
		o.src, rest = "-", slices.Delete(rest, i, i+1)
	}
	switch {
	case len(rest) != 1:
		return o, usagef("send: name one order ID, then --kind and --text-file (see 'sellermail send -h')")
	case *kind == "":
		return o, usagef("send: --kind is required: %s", kindList())
	case o.src == "":
		return o, usagef("send: give the text with --text-file FILE, or - to read standard input")
	}
	o.orderID = rest[0]
	if o.kind, err = policy.ParseKind(*kind); err != nil {
		return o, usagef("%v", err)
	}
	return o, nil
}

// runSend checks a message against Amazon's rules, prints the findings the
// way lint does, and sends it unless a finding blocks it.
func runSend(ctx context.Context, e *env, o sendOpts) error {
	inputs, err := readInputs(e.Stdin, []string{o.src})
	if err != nil {
		return err
	}
	in := inputs[0]
	req := app.SendRequest{OrderID: o.orderID, Kind: o.kind, Text: in.text, DryRun: o.dry}
	for _, p := range o.attach {
		req.Attachments = append(req.Attachments, app.AttachmentFile{Path: p})
	}
	svc, err := e.openService(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	if err := e.requireChosenMode(svc); err != nil {
		return err
	}
	res, err := svc.Send(ctx, req, e.lang)
	writeLintText(e.Stdout, in, res.Check, e.lang)
	return e.reportSend(req.OrderID, res, err, o.dry)
}

// reportSend prints the outcome of Send and returns what exitStatus needs.
func (e *env) reportSend(orderID string, res app.SendResult, err error, dry bool) error {
	ui := e.lang
	switch {
	case res.Status == store.StatusSent:
		fmt.Fprintf(e.Stdout, "%s (%s %s)\n", i18n.T(ui, "cli.send.sent"), i18n.T(ui, "cli.review.amazon_request_id"), res.RequestID)
		return nil
	case res.Status == store.StatusUnknown:
		fmt.Fprintf(e.Stdout, "%s: %s\n", i18n.T(ui, "cli.review.outcome_unknown"), app.Render(res.Explanation, ui))
		fmt.Fprintln(e.Stderr, i18n.T(ui, "cli.send.check_order_seller"))
		return reported{app.ErrOutcomeUnknown}
	case res.Status == store.StatusFailed:
		fmt.Fprintf(e.Stdout, "%s: %s\n", i18n.T(ui, "cli.review.failed"), app.Render(res.Explanation, ui))
		return reported{orRefused(err)}
	case err != nil:
		why := app.Render(res.Explanation, ui)
		if why == "" {
			why = app.Explain(err, ui)
		}
		fmt.Fprintf(e.Stdout, "%s: %s\n", i18n.T(ui, "cli.send.not_sent"), why)
		if errors.Is(err, app.ErrKindNotOffered) {
			fmt.Fprintln(e.Stderr, i18n.T(ui, "cli.send.actions", map[string]any{"Order": orderID}))
		}
		return reported{err}
	case dry:
		fmt.Fprintln(e.Stdout, i18n.T(ui, "cli.send.dry_run_message"))
		return nil
	}
	// Send returns a status for everything it accepted; this is a defect.
	return errors.New("no outcome reported")
}

// orRefused is err, or errRefused when there is none.
func orRefused(err error) error {
	if err == nil {
		return errRefused
	}
	return err
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

func (l *stringList) Set(v string) error {
	*l = append(*l, v)
	return nil
}
