package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"sellermail/app"
	"sellermail/app/store"
	"sellermail/policy"
)

// runSend checks a message against Amazon's rules, prints the findings the
// way lint does, and sends it unless a finding blocks it. Exit status: 0
// sent (or passed a dry run), 1 refused or failed, 2 bad input or unknown
// order, 3 outcome unknown (do not simply send again).
func runSend(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "send", "ORDER --kind K (--text-file F | -) [--attach FILE]... [--dry-run]\n"+
		"exit status: 0 sent (or dry run passed), 1 refused or failed, 2 bad input or unknown order,\n"+
		"             3 outcome unknown: Amazon may have the message; check Seller Central before sending again")
	kind := fs.String("kind", "", "message kind: "+kindList())
	textFile := fs.String("text-file", "", "file with the message text; - reads standard input")
	var attach stringList
	fs.Var(&attach, "attach", "attach a file (repeatable, at most 5)")
	dry := fs.Bool("dry-run", false, "check everything, send nothing")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	src := *textFile
	if i := slices.Index(rest, "-"); i >= 0 && src == "" {
		src, rest = "-", slices.Delete(rest, i, i+1)
	}
	switch {
	case len(rest) != 1:
		return e.fail(usagef("send: name one order ID, then --kind and --text-file (see 'sellermail send -h')"))
	case *kind == "":
		return e.fail(usagef("send: --kind is required: %s", kindList()))
	case src == "":
		return e.fail(usagef("send: give the text with --text-file FILE, or - to read standard input"))
	}
	k, err := policy.ParseKind(*kind)
	if err != nil {
		return e.fail(usagef("%v", err))
	}
	inputs, err := readInputs(e.Stdin, []string{src})
	if err != nil {
		return e.fail(usagef("%v", err))
	}
	in := inputs[0]
	req := app.SendRequest{OrderID: rest[0], Kind: k, Text: in.text, DryRun: *dry}
	for _, p := range attach {
		req.Attachments = append(req.Attachments, app.AttachmentFile{Path: p})
	}

	svc, code := e.open(ctx)
	if svc == nil {
		return code
	}
	defer svc.Close()
	if code := e.requireChosenMode(svc); code != exitOK {
		return code
	}
	ui := uiLang(e)
	res, err := svc.Send(ctx, req, ui)
	writeLintText(e.Stdout, in, res.Check, ui)
	return e.reportSend(req.OrderID, res, err, *dry)
}

// reportSend prints the outcome of Send and returns the exit status.
func (e *env) reportSend(orderID string, res app.SendResult, err error, dry bool) int {
	ui := uiLang(e)
	switch {
	case res.Status == store.StatusSent:
		fmt.Fprintf(e.Stdout, "%s (%s %s)\n", tr(ui, "sent", "gesendet"), tr(ui, "Amazon request ID", "Amazon-Anfrage-ID"), res.RequestID)
		return exitOK
	case res.Status == store.StatusUnknown:
		fmt.Fprintf(e.Stdout, "%s: %s\n", tr(ui, "outcome unknown", "Ergebnis unbekannt"), res.Explanation)
		fmt.Fprintln(e.Stderr, tr(ui, "Check the order in Seller Central before sending again; 'sellermail history --status unknown' lists such messages.",
			"Prüfen Sie die Bestellung in Seller Central, bevor Sie erneut senden; 'sellermail history --status unknown' zeigt solche Nachrichten."))
		return exitUnknown
	case res.Status == store.StatusFailed:
		fmt.Fprintf(e.Stdout, "%s: %s\n", tr(ui, "failed", "fehlgeschlagen"), res.Explanation)
		return exitFindings
	case err != nil:
		why := res.Explanation
		if why == "" {
			why = app.Explain(err, ui)
		}
		fmt.Fprintf(e.Stdout, "%s: %s\n", tr(ui, "not sent", "nicht gesendet"), why)
		if errors.Is(err, app.ErrKindNotOffered) {
			fmt.Fprintf(e.Stderr, tr(ui, "'sellermail actions %s' shows the message types Amazon offers for this order.\n",
				"'sellermail actions %s' zeigt die Nachrichtenarten, die Amazon für diese Bestellung anbietet.\n"), orderID)
		}
		return exitOf(err)
	case dry:
		fmt.Fprintln(e.Stdout, tr(ui, "dry run: the message passes the checks and would be sent; nothing was sent.",
			"Probelauf: Die Nachricht besteht die Prüfung und würde gesendet; nichts wurde gesendet."))
		return exitOK
	}
	// Send returns a status for everything it accepted; this is a defect.
	e.errorf("no outcome reported")
	return exitFindings
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

func (l *stringList) Set(v string) error {
	*l = append(*l, v)
	return nil
}
