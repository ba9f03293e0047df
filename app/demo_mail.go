package app

import (
	"context"
	"fmt"
	"mime"
	"strings"
	"time"

	"sellermail/app/mailbox"
	"sellermail/app/mailserver"
	"sellermail/app/store"
)

// The demo mailbox's login; it is the demo's own, on loopback, not a secret.
const (
	demoMailUser     = "shop@demo.sellermail.invalid"
	demoMailPassword = "demo-mailbox"
)

// startDemoMail starts the demo's mailbox: a real IMAP and SMTP server in
// the process, on loopback with TLS.
func (s *Service) startDemoMail() error {
	srv, err := mailserver.Start(mailserver.Options{User: demoMailUser, Password: demoMailPassword})
	if err != nil {
		return fmt.Errorf("app: starting the demo mailbox: %w", err)
	}
	s.demoMail = srv
	return nil
}

// DemoMailServer is the demo's mailbox server (nil outside the demo), so a
// test or the demo can look at what was sent.
func (s *Service) DemoMailServer() *mailserver.Server { return s.demoMail }

func (s *Service) demoAccount() mailbox.Account {
	return mailbox.Account{
		IMAP: mailbox.Server{Host: "127.0.0.1", Port: s.demoMail.IMAPPort(), Security: mailbox.TLS},
		SMTP: mailbox.Server{Host: "127.0.0.1", Port: s.demoMail.SMTPPort(), Security: mailbox.TLS},
		User: demoMailUser, Password: demoMailPassword, Sender: demoMailUser, Folders: []string{"INBOX"},
		RootCAs: s.demoMail.CertPool(), Timeout: 20 * time.Second,
	}
}

// demoQuestion is a buyer message of the demo, by marketplace language.
type demoQuestion struct {
	lang, subject, text string
}

var demoQuestions = map[string][]demoQuestion{
	"de": {
		{"de", "Frage von Amazon-Kunde Jana (Bestellung: %s)", "Hallo, laut Sendungsverfolgung hängt mein Paket seit Montag in Leipzig. Wann kommt es an?\n\nViele Grüße\nJana"},
		{"de", "Artikel beschädigt (Bestellung: %s)", "Guten Tag, der Deckel war beim Auspacken gesprungen. Was kann ich tun?\n\nAm 2. Dez. 2026 um 10:00 schrieb Shop:\n> Danke für Ihre Bestellung"},
		{"de", "Frage von Amazon-Kunde Paul (Bestellung: %s)", "Ich möchte die Bestellung bitte stornieren, ich habe mich vertan."},
	},
	"fr": {
		{"fr", "Demande de renseignements de la part du client Amazon Luc (Order: %s)", "Bonjour, est-ce que la taille M convient pour 1,80 m ? Merci."},
		{"fr", "Le colis n'est pas arrivé (Order: %s)", "Bonjour, je n'ai toujours rien reçu. Pouvez-vous vérifier ?"},
	},
	"en": {
		{"en", "Inquiry from Amazon customer Tom (Order: %s)", "Hi, can I return the item if it does not fit? Thanks, Tom"},
	},
}

// seedDemoMailbox puts the demo's buyer messages into the demo mailbox
// once, for orders of the demo shop (synced first when none are stored).
func (s *Service) seedDemoMailbox(ctx context.Context) error {
	s.mu.Lock()
	done := s.demoMailSeeded
	s.mu.Unlock()
	if done || s.demoMail.Count("INBOX") > 0 {
		return nil
	}
	orders, err := s.store.ListOrders(ctx, store.OrderFilter{Limit: 200})
	if err != nil {
		return err
	}
	if len(orders) == 0 {
		if _, err := s.Sync(ctx, nil); err != nil {
			return err
		}
		if orders, err = s.store.ListOrders(ctx, store.OrderFilter{Limit: 200}); err != nil {
			return err
		}
	}
	used := map[string]int{}
	n := 0
	at := s.now().Add(-6 * time.Hour)
	for _, o := range orders {
		m, ok := MarketplaceByID(o.MarketplaceID)
		if !ok {
			continue
		}
		lang, _, _ := strings.Cut(m.DefaultLanguage, "_")
		qs := demoQuestions[lang]
		if used[lang] >= len(qs) {
			continue
		}
		q := qs[used[lang]]
		used[lang]++
		n++
		tld := strings.TrimPrefix(m.Domain, "www.amazon.")
		raw := demoRelayMail(n, o.OrderID, o.MarketplaceID, tld, fmt.Sprintf(q.subject, o.OrderID), q.text, at.Add(time.Duration(n)*37*time.Minute))
		if _, err := s.demoMail.AppendAt("INBOX", raw, at); err != nil {
			return err
		}
		if n == 1 { // Amazon delivers some messages twice
			if _, err := s.demoMail.AppendAt("INBOX", []byte(strings.Replace(string(raw), "Message-ID: <demo-1@", "Message-ID: <demo-1b@", 1)), at); err != nil {
				return err
			}
		}
	}
	if _, err := s.demoMail.Append("INBOX", []byte("From: Oma <oma@example.org>\r\nSubject: Weihnachten\r\nDate: "+s.now().Format(time.RFC1123Z)+"\r\n\r\nKommst du am 24.?\r\n")); err != nil {
		return err
	}
	s.mu.Lock()
	s.demoMailSeeded = true
	s.mu.Unlock()
	return nil
}

// demoRelayMail is a buyer message in the shape Amazon's relay sends.
func demoRelayMail(n int, orderID, marketplaceID, tld, subject, text string, at time.Time) []byte {
	alias := fmt.Sprintf("demo%011d", n*7919)
	r := strings.NewReplacer("\n", "\r\n")
	return []byte(r.Replace(fmt.Sprintf(`From: Buyer <%[1]s@marketplace.amazon.%[2]s>
Reply-To: <%[1]s+1b2c3d4e-0000-4000-8000-%012[3]d@marketplace.amazon.%[2]s>
To: %[4]s
Subject: %[5]s
Date: %[6]s
Message-ID: <demo-%[3]d@eu-west-1.amazonses.com>
X-Marketplace-ID: %[7]s
X-Space-Notification-Type: BBC_MESSAGE_SENT_TO_MERCHANT
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit

You have received a message.

# %[8]s:

------------- Message: -------------

%[9]s

------------- End message -------------

Was this email helpful?

Resolve case
https://sellercentral.amazon.%[2]s/messaging/no-response-needed?t=ADEMO%[3]d&m=DEMOMSG%[3]d&mp=%[7]s&s=1

--------------------------
Copyright 2026 Amazon, Inc. or its affiliates.
`, alias, tld, n, demoMailUser, mimeSubject(subject), at.Format(time.RFC1123Z), marketplaceID, orderID, text)))
}

// mimeSubject encodes a subject with letters beyond ASCII, as mail needs.
func mimeSubject(s string) string {
	for _, r := range s {
		if r > 0x7e {
			return mimeQ.Encode("UTF-8", s)
		}
	}
	return s
}

var mimeQ = mime.QEncoding
