package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"sellermail/app"
	"sellermail/app/i18n"
	"sellermail/app/mailbox"
	"sellermail/app/store"
	"sellermail/policy"
)

// mailOpts are the options of `sellermail mail SUB`.
type mailOpts struct {
	sub string
	// login
	setup app.MailSetup
	// list
	unanswered bool
	orderID    string
	search     string
	format     string
	// reply
	id     int64
	src    string
	attach []string
	dry    bool
}

const mailUsage = "login|fetch|list|reply ...\n" +
	"  login --user U [--sender ADDR] [--imap-host H --imap-port P --imap-security tls|starttls|plain]\n" +
	"        [--smtp-host H --smtp-port P --smtp-security tls|starttls|plain] [--folder F]...   (password on stdin or prompted)\n" +
	"  fetch                          read what is new in the mailbox\n" +
	"  list [--unanswered] [--order ID] [--search WORDS] [--format table|json]\n" +
	"  reply ID (--text-file F | -) [--attach FILE]... [--dry-run]   (exit statuses as for send)"

func parseMail(args []string) (mailOpts, error) {
	if len(args) == 0 {
		return mailOpts{}, usagef("mail: name what to do: login, fetch, list or reply (see 'sellermail mail -h')")
	}
	o := mailOpts{sub: args[0]}
	fs := newFlags("mail "+o.sub, mailUsage)
	switch o.sub {
	case "login":
		return parseMailLogin(fs, args[1:])
	case "fetch":
		rest, err := parseFlags(fs, args[1:])
		if err == nil && len(rest) > 0 {
			err = usagef("mail fetch takes no arguments")
		}
		return o, err
	case "list":
		fs.BoolVar(&o.unanswered, "unanswered", false, "only messages without a reply")
		fs.StringVar(&o.orderID, "order", "", "only messages of this order")
		fs.StringVar(&o.search, "search", "", "words in the text, subject, order or buyer's name")
		fs.StringVar(&o.format, "format", "table", "table or json")
		rest, err := parseFlags(fs, args[1:])
		if err == nil && (len(rest) > 0 || (o.format != "table" && o.format != "json")) {
			err = usagef("mail list: options only; --format is table or json")
		}
		return o, err
	case "reply":
		fs.StringVar(&o.src, "text-file", "", "file with the reply; - reads standard input")
		var attach stringList
		fs.Var(&attach, "attach", "attach a file (repeatable)")
		fs.BoolVar(&o.dry, "dry-run", false, "check everything, send nothing")
		rest, err := parseFlags(fs, args[1:])
		if err != nil {
			return o, err
		}
		o.attach = attach
		if len(rest) == 2 && rest[1] == "-" && o.src == "" {
			o.src, rest = "-", rest[:1]
		}
		if len(rest) != 1 {
			return o, usagef("mail reply: name one message ID (see 'sellermail mail list')")
		}
		if o.id, err = strconv.ParseInt(rest[0], 10, 64); err != nil || o.id <= 0 {
			return o, usagef("mail reply: %q is not a message ID", rest[0])
		}
		if o.src == "" {
			return o, usagef("mail reply: give the text with --text-file FILE, or - to read standard input")
		}
		return o, nil
	}
	return o, usagef("mail: %q is not login, fetch, list or reply", o.sub)
}

func parseMailLogin(fs *flag.FlagSet, args []string) (mailOpts, error) {
	o := mailOpts{sub: "login"}
	user := fs.String("user", "", "user name of the mailbox (usually the address)")
	sender := fs.String("sender", "", "address replies come from: registered with Amazon or approved under Messaging Permissions (default: --user)")
	imapHost := fs.String("imap-host", "", "IMAP server (default: known for the provider of --user)")
	imapPort := fs.Int("imap-port", 0, "IMAP port (default 993, 143 with starttls)")
	imapSec := fs.String("imap-security", "", "tls, starttls or plain (plain only to this computer)")
	smtpHost := fs.String("smtp-host", "", "SMTP server (default: known for the provider of --user)")
	smtpPort := fs.Int("smtp-port", 0, "SMTP port (default 465, 587 with starttls)")
	smtpSec := fs.String("smtp-security", "", "tls, starttls or plain (plain only to this computer)")
	var folders stringList
	fs.Var(&folders, "folder", "folder to read (repeatable; default INBOX)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return o, err
	}
	if len(rest) > 0 || *user == "" {
		return o, usagef("mail login: --user is required; the password is read from standard input or asked for")
	}
	m := app.MailSetup{User: *user, Sender: *sender, Folders: folders}
	if m.Sender == "" {
		m.Sender = *user
	}
	p, known := mailbox.ProviderFor(*user)
	var errs []error
	m.IMAP, err = serverOf("imap", *imapHost, *imapPort, *imapSec, p.IMAP, known, 993, 143)
	errs = append(errs, err)
	m.SMTP, err = serverOf("smtp", *smtpHost, *smtpPort, *smtpSec, p.SMTP, known, 465, 587)
	errs = append(errs, err)
	o.setup = m
	return o, errors.Join(errs...)
}

// serverOf fills a server from the flags, else from the provider.
func serverOf(name, host string, port int, sec string, p mailbox.Server, known bool, tlsPort, starttlsPort int) (mailbox.Server, error) {
	s := mailbox.Server{Host: host, Port: port, Security: mailbox.TLS}
	if host == "" {
		if !known {
			return s, usagef("mail login: --%s-host is required for this provider", name)
		}
		s = p
	}
	if sec != "" {
		v, err := mailbox.ParseSecurity(sec)
		if err != nil {
			return s, usagef("mail login: --%s-security: %v", name, err)
		}
		s.Security = v
	}
	if port != 0 {
		s.Port = port
	} else if host != "" {
		s.Port = tlsPort
		if s.Security == mailbox.STARTTLS || s.Security == mailbox.Plain {
			s.Port = starttlsPort
		}
	}
	return s, nil
}

// runMail runs one of the mail commands.
func runMail(ctx context.Context, e *env, o mailOpts) error {
	svc, err := e.openService(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	switch o.sub {
	case "login":
		return e.mailLogin(ctx, svc, o)
	case "fetch":
		res, err := svc.FetchMail(ctx, nil)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.Stdout, i18n.T(e.lang, "cli.mail.fetch.done", map[string]any{"New": res.New, "Buyer": res.Buyer, "Bounces": res.Bounces}))
		return nil
	case "list":
		return e.mailList(ctx, svc, o)
	}
	return e.mailReply(ctx, svc, o)
}

func (e *env) mailLogin(ctx context.Context, svc *app.Service, o mailOpts) error {
	m := o.setup
	fmt.Fprint(e.Stderr, i18n.T(e.lang, "cli.mail.password"))
	pw, err := e.readPassword()
	fmt.Fprintln(e.Stderr)
	if err != nil {
		return inputError{fmt.Errorf("mail login: %w", err)}
	}
	m.Password = pw
	folders, err := svc.SaveMail(ctx, m)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.Stdout, i18n.T(e.lang, "cli.mail.login.done", map[string]any{"User": m.User, "Folders": strings.Join(folders, ", ")}))
	return nil
}

// readPassword reads one line: hidden on a terminal.
func (e *env) readPassword() (string, error) {
	if f, ok := e.Stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		b, err := term.ReadPassword(int(f.Fd()))
		return string(b), err
	}
	v, err := lineReader(e.Stdin)()
	if errors.Is(err, io.EOF) && v != "" {
		err = nil
	}
	return strings.TrimRight(v, "\r\n"), err
}

func (e *env) mailList(ctx context.Context, svc *app.Service, o mailOpts) error {
	l, err := svc.Inbox(ctx, store.InboxFilter{Unanswered: o.unanswered, OrderID: o.orderID, Query: o.search, Limit: store.MaxLimit})
	if err != nil {
		return err
	}
	if o.format == "json" {
		type row struct {
			ID        int64  `json:"id"`
			Kind      string `json:"kind"`
			OrderID   string `json:"orderId"`
			Buyer     string `json:"buyer"`
			BuyerName string `json:"buyerName"`
			Received  string `json:"received"`
			Answered  bool   `json:"answered"`
			Subject   string `json:"subject"`
			Text      string `json:"text"`
			Language  string `json:"language"`
		}
		rows := make([]row, 0, len(l))
		for _, m := range l {
			rows = append(rows, row{m.ID, m.Kind, m.OrderID, m.Buyer, m.BuyerName, m.ReceivedAt.UTC().Format("2006-01-02T15:04:05Z"),
				!m.AnsweredAt.IsZero(), m.Subject, m.Text, m.Lang})
		}
		enc := json.NewEncoder(e.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	if len(l) == 0 {
		fmt.Fprintln(e.Stdout, i18n.T(e.lang, "cli.mail.list.empty"))
		return nil
	}
	w := tabwriter.NewWriter(e.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tORDER\tBUYER\tRECEIVED\tANSWERED\tTEXT")
	for _, m := range l {
		ans := ""
		if !m.AnsweredAt.IsZero() {
			ans = "✓"
		}
		text := strings.Join(strings.Fields(m.Text), " ")
		if r := []rune(text); len(r) > 60 {
			text = string(r[:59]) + "…"
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\n", m.ID, m.OrderID, m.BuyerName, m.ReceivedAt.Local().Format("2006-01-02 15:04"), ans, text)
	}
	return w.Flush()
}

func (e *env) mailReply(ctx context.Context, svc *app.Service, o mailOpts) error {
	inputs, err := readInputs(e.Stdin, []string{o.src})
	if err != nil {
		return err
	}
	in := inputs[0]
	req := app.SendRequest{Kind: policy.KindReply, ReplyTo: o.id, Text: in.text, DryRun: o.dry}
	for _, p := range o.attach {
		req.Attachments = append(req.Attachments, app.AttachmentFile{Path: p})
	}
	if err := e.requireChosenMode(svc); err != nil {
		return err
	}
	res, err := svc.Send(ctx, req, e.lang)
	writeLintText(e.Stdout, in, res.Check, e.lang)
	return e.reportSend("", res, err, o.dry)
}
