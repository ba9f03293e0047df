package relay

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
)

const (
	buyerAlias     = "k4x9q2m7p1z8r3t@marketplace.amazon.de"
	buyerAliasUUID = "k4x9q2m7p1z8r3t+1b2c3d4e-1111-2222-3333-444455556666@marketplace.amazon.de"
)

// want is what a case expects; empty fields are not checked, text is
// compared whole, and notIn must not appear in the text.
type want struct {
	err                   error
	kind                  Kind
	order, replyTo, buyer string
	name                  string
	others                []string
	text                  string
	notIn                 []string
	attachments           int
	problems              bool
	bounceFor             string
	dedup                 string
}

func check(t *testing.T, m Mail, err error, w want) {
	t.Helper()
	if w.err != nil || err != nil {
		if !errors.Is(err, w.err) {
			t.Fatalf("err = %v, want %v", err, w.err)
		}
		return
	}
	if m.Kind != w.kind {
		t.Errorf("kind = %q, want %q (problems %q)", m.Kind, w.kind, m.Problems)
	}
	if m.OrderID != w.order {
		t.Errorf("order = %q, want %q", m.OrderID, w.order)
	}
	if !slices.Equal(m.OtherOrders, w.others) {
		t.Errorf("other orders = %q, want %q", m.OtherOrders, w.others)
	}
	if w.replyTo != "" && m.ReplyTo != w.replyTo {
		t.Errorf("reply to = %q, want %q", m.ReplyTo, w.replyTo)
	}
	if w.buyer != "" && m.Buyer != w.buyer {
		t.Errorf("buyer = %q, want %q", m.Buyer, w.buyer)
	}
	if w.name != "" && m.BuyerName != w.name {
		t.Errorf("buyer name = %q, want %q", m.BuyerName, w.name)
	}
	if w.text != "" && m.Text != w.text {
		t.Errorf("text = %q\nwant   %q", m.Text, w.text)
	}
	for _, s := range w.notIn {
		if strings.Contains(m.Text, s) {
			t.Errorf("text contains %q: %q", s, m.Text)
		}
	}
	if len(m.Attachments) != w.attachments {
		t.Errorf("attachments = %v, want %d", m.Attachments, w.attachments)
	}
	if w.problems != (len(m.Problems) > 0) {
		t.Errorf("problems = %q, want some: %v", m.Problems, w.problems)
	}
	if w.bounceFor != "" && m.BounceFor != w.bounceFor {
		t.Errorf("bounce for = %q, want %q", m.BounceFor, w.bounceFor)
	}
	if w.dedup != "" && m.DedupKey != w.dedup {
		t.Errorf("dedup key = %q, want %q", m.DedupKey, w.dedup)
	}
}

const words = "Hallo, wann kommt mein Rucksack?\n\nViele Grüße\nJana"

func plainPart(s string) part { return part{"text/plain; charset=UTF-8", "8bit", "", s} }

func TestRealShapes(t *testing.T) {
	raw, err := os.ReadFile("testdata/de_buyer.eml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(raw)
	check(t, m, err, want{kind: KindBuyer, order: "302-1234567-7654321", replyTo: buyerAliasUUID, buyer: buyerAlias, name: "Jana",
		text:  "Hallo, wann kommt mein Rucksack? Laut Sendungsverfolgung hängt das Paket seit Montag in Leipzig.\n\nViele Grüße\nJana",
		dedup: "amazon:MSG0001XYZ"})
	if m.MarketplaceID != "A1PA6795UKMFR9" || m.Domain != "marketplace.amazon.de" {
		t.Errorf("marketplace %q, domain %q", m.MarketplaceID, m.Domain)
	}
}

// The cases follow the list of what a parser must tolerate in the
// reference on relay mail, point by point.
func TestTolerates(t *testing.T) {
	ord := "302-1234567-7654321"
	cases := []struct {
		name string
		raw  []byte
		want want
	}{
		// 1. any marketplace TLD, matched by label, never by substring
		{"two-part TLD", mailOf(buyerHeaders("Tom <abcdefghijklmno@marketplace.amazon.co.uk>", "Inquiry from Amazon customer Tom (Order: "+ord+")", "a1"), "", plainPart(wrapped(ord, "Where is my parcel?", "M1"))),
			want{kind: KindBuyer, order: ord, buyer: "abcdefghijklmno@marketplace.amazon.co.uk", text: "Where is my parcel?"}},
		{"look-alike domain", mailOf(buyerHeaders("Tom <abcdefghijklmno@marketplace.amazon.de.evil.example>", "Frage von Amazon-Kunde Tom (Bestellung: "+ord+")", "a2"), "", plainPart(wrapped(ord, "Click here", "M2"))),
			want{err: ErrNotRelay}},
		{"look-alike prefix", mailOf(buyerHeaders("Tom <abcdefghijklmno@evilmarketplace.amazon.de>", "x", "a3"), "", plainPart("hi")),
			want{err: ErrNotRelay}},
		// 2. any buyerAlias length, +case suffix, buyerAlias in Reply-To only
		{"buyerAlias in Reply-To only", mailOf(append(buyerHeaders("Amazon <donotreply@amazon.com>", "Frage (Bestellung: "+ord+")", "a4"), "Reply-To: Jana <abc+1b2c3d4e-1111-2222-3333-444455556666@marketplace.amazon.de>"), "", plainPart(wrapped(ord, words, "M4"))),
			want{kind: KindBuyer, order: ord, replyTo: "abc+1b2c3d4e-1111-2222-3333-444455556666@marketplace.amazon.de", buyer: "abc@marketplace.amazon.de", name: "Jana", text: words}},
		// 3. display names: suffix, empty, RFC 2047
		{"name with suffix", mailOf(buyerHeaders(`"Max Muster - Amazon Marketplace" <`+buyerAlias+`>`, "Inquiry from Amazon customer Max (Order: "+ord+")", "a5"), "", plainPart(wrapped(ord, "Hi", "M5"))),
			want{kind: KindBuyer, order: ord, name: "Max Muster", text: "Hi"}},
		{"empty name", mailOf(buyerHeaders("<"+buyerAlias+">", "Inquiry from Amazon customer  (Order: "+ord+")", "a6"), "", plainPart(wrapped("", "Hi", "M6"))),
			want{kind: KindBuyer, order: ord, text: "Hi"}},
		{"encoded name", mailOf(buyerHeaders("=?ISO-8859-1?Q?J=FCrgen?= <"+buyerAlias+">", "x (Bestellung: "+ord+")", "a7"), "", plainPart(wrapped("", "Hi", "M7"))),
			want{kind: KindBuyer, order: ord, name: "Jürgen", text: "Hi"}},
		// 4. subjects: encoded, folded, prefixes, no space before the parenthesis
		{"folded B-encoded subject", mailOf(buyerHeaders("Jana <"+buyerAlias+">", "=?UTF-8?B?QVc6IFBha2V0IG5pY2h0IGFuZ2Vrb21tZW4=?=\r\n =?UTF-8?B?OiBHdXRzY2hyaWZ0IGFuZm9yZGVybig=?=\r\n =?UTF-8?Q?Bestellung:_"+ord+")?=", "a8"), "", plainPart(wrapped("", "Wo ist es?", "M8"))),
			want{kind: KindBuyer, order: ord, text: "Wo ist es?"}},
		{"wrong buyer name and no order", mailOf(buyerHeaders("Jana <"+buyerAlias+">", "Inquiry from Amazon customer Sellershop GmbH", "a9"), "", plainPart(wrapped("", "Is it waterproof?", "M9"))),
			want{kind: KindBuyer, text: "Is it waterproof?"}},
		// 5. order IDs: order line, 2016 line, quoted history citing another order
		{"order only in the order line", mailOf(buyerHeaders("Jana <"+buyerAlias+">", "Frage von Amazon-Kunde Jana", "a10"), "", plainPart(wrapped(ord, "Passt das?", "M10"))),
			want{kind: KindBuyer, order: ord, text: "Passt das?"}},
		{"2016 template", mailOf(buyerHeaders("Bob - Amazon Marketplace <"+buyerAlias+">", "Inquiry from Amazon customer Bob", "a11"), "",
			plainPart("Order ID "+ord+":\n1 of Hiking Backpack [ASIN: B0TEST1234]\n\n------------- Begin message -------------\n\nCan you ship faster?\n\n------------- End message -------------\n\nFor Your Information: ...\n[commMgrTok:A2B3C4D5E6]\n")),
			want{kind: KindBuyer, order: ord, name: "Bob", text: "Can you ship faster?", dedup: "amazon:A2B3C4D5E6"}},
		{"quoted history with another order and nested markers", mailOf(buyerHeaders("Jana <"+buyerAlias+">", "Re: Frage (Bestellung: "+ord+")", "a12"), "",
			plainPart(wrapped("", "Danke, und die zweite Bestellung?\n\nAm 01.12.2026 um 10:00 schrieb Shop - Amazon Marketplace:\n> ------------- Message: -------------\n> Ihre Bestellung 306-7777777-1111111 ist unterwegs.\n> ------------- End message -------------", "M12"))),
			want{kind: KindBuyer, order: ord, others: []string{"306-7777777-1111111"}, text: "Danke, und die zweite Bestellung?", notIn: []string{"schrieb", "unterwegs"}}},
		// 6. markers: 14 dashes, two spaces, unknown words, one missing, text on the marker line
		{"14 dashes bilingual", mailOf(buyerHeaders("Luc <"+buyerAlias+">", "Demande (Order: "+ord+")", "a13"), "",
			plainPart("-------------- Begin message / Début du message -------------\n\nBonjour, où est mon colis ?\n\n-------------- End message / Fin du message --------------\n")),
			want{kind: KindBuyer, order: ord, text: "Bonjour, où est mon colis ?"}},
		{"two spaces PT", mailOf(buyerHeaders("Ana <"+buyerAlias+">", "Detalhes do produto Amazon Ana pergunta do cliente", "a14"), "",
			plainPart("Você recebeu uma mensagem.\n\n------------- Mensagem:  -------------\n\nServe no tamanho M?\n\n------------- Encerrar mensagem -------------\n\nEste e-mail foi útil?\n")),
			want{kind: KindBuyer, text: "Serve no tamanho M?"}},
		{"German words not seen before", mailOf(buyerHeaders("Jana <"+buyerAlias+">", "Frage (Bestellung: "+ord+")", "a15"), "",
			plainPart("Sie haben eine Nachricht erhalten.\n\n------------- Nachricht: -------------\n\nIst der Rucksack wasserdicht?\n\n------------- Nachricht beenden -------------\n\nWar diese E-Mail hilfreich?\n")),
			want{kind: KindBuyer, order: ord, text: "Ist der Rucksack wasserdicht?"}},
		{"start marker missing", mailOf(buyerHeaders("Jana <"+buyerAlias+">", "Frage (Bestellung: "+ord+")", "a16"), "",
			plainPart("You have received a message.\n\n# "+ord+":\n1 / Rucksack [ASIN: B0TEST1234]\n\nGeht auch Packstation?\n\n------------- End message -------------\n\nWas this email helpful?\n")),
			want{kind: KindBuyer, order: ord, text: "Geht auch Packstation?"}},
		{"end marker missing", mailOf(buyerHeaders("Jana <"+buyerAlias+">", "Frage (Bestellung: "+ord+")", "a17"), "",
			plainPart("------------- Message: -------------\n\nGeht auch Packstation?\n\nWas this email helpful?\nhttps://example\nCopyright 2026 Amazon, Inc.\n")),
			want{kind: KindBuyer, order: ord, text: "Geht auch Packstation?"}},
		{"no markers, only footer", mailOf(buyerHeaders("Jana <"+buyerAlias+">", "Frage (Bestellung: "+ord+")", "a18"), "",
			plainPart("You have received a message.\n\nGeht auch Packstation?\n\nResolve case\nhttps://sellercentral.amazon.de/messaging/no-response-needed?t=A1&m=M18&s=1\n")),
			want{kind: KindBuyer, order: ord, text: "Geht auch Packstation?", dedup: "amazon:M18"}},
		{"HTML marker and text on one line", mailOf(buyerHeaders("Jana <"+buyerAlias+">", "Frage (Bestellung: "+ord+")", "a19"), "",
			part{"text/html; charset=UTF-8", "8bit", "", "<p>You have received a message.</p><p>------------- Message: ------------- Kommt es vor Weihnachten?</p><p>------------- End message -------------</p><p>Was this email helpful?</p>"}),
			want{kind: KindBuyer, order: ord, text: "Kommt es vor Weihnachten?"}},
		// 7. the buyer's own quotes, placeholders, pasted links
		{"Outlook quote and placeholder", mailOf(buyerHeaders("Jana <"+buyerAlias+">", "RE: Frage (Bestellung: "+ord+")", "a20"), "",
			plainPart(wrapped("", "Mein Foto: https://imgur.example/abc\nMail: [e-mail address removed]\n\n-----Ursprüngliche Nachricht-----\nVon: Shop - Amazon Marketplace [mailto:[e-mail address removed]]\nalter Text", "M20"))),
			want{kind: KindBuyer, order: ord, text: "Mein Foto: https://imgur.example/abc\nMail: [e-mail address removed]", notIn: []string{"alter Text"}}},
		{"French and English quote headers", mailOf(buyerHeaders("Luc <"+buyerAlias+">", "Re: Le colis n'est pas arrivé", "a21"), "",
			plainPart(wrapped("", "Toujours rien.\n\nLe 1 déc. 2026 à 10:00, Shop a écrit :\n> Bonjour", "M21"))),
			want{kind: KindBuyer, text: "Toujours rien."}},
		// 8. encodings and charsets
		{"ISO-8859-1 text, curly quotes at 0x93", mailOf(buyerHeaders("Jana <"+buyerAlias+">", "Frage (Bestellung: "+ord+")", "a22"), "",
			part{"text/plain; charset=ISO-8859-1", "8bit", "", wrapped("", "Gr\xf6\xdfe M passt \x93gut\x94?", "M22")}),
			want{kind: KindBuyer, order: ord, text: "Größe M passt “gut”?"}},
		{"Windows-1252 base64 HTML only with pre", mailOf(buyerHeaders("Jana <"+buyerAlias+">", "Frage (Bestellung: "+ord+")", "a23"), "multipart/alternative",
			part{"text/html; charset=windows-1252", "base64", "", "PGh0bWw+PGJvZHk+PGRpdiBzdHlsZT0iZGlzcGxheTpub25lIj5GcmFnZTwvZGl2Pjx0YWJsZT48dHI+\nPHRkPlNpZSBoYWJlbiBlaW5lIE5hY2hyaWNodCBlcmhhbHRlbi48L3RkPjwvdHI+PHRyPjx0ZD48cHJl\nIHN0eWxlPSJ3aGl0ZS1zcGFjZTogLW8tcHJlLXdyYXAiPktvc3RldCBkZXIgVmVyc2FuZCA1IIA/PC9w\ncmU+PC90ZD48L3RyPjx0cj48dGQ+V2FzIHRoaXMgZW1haWwgaGVscGZ1bD88L3RkPjwvdHI+PC90YWJs\nZT48L2JvZHk+PC9odG1sPg=="}),
			want{kind: KindBuyer, order: ord, text: "Kostet der Versand 5 €?"}},
		{"charset Go lacks", mailOf(buyerHeaders("Jana <"+buyerAlias+">", "Frage (Bestellung: "+ord+")", "a24"), "",
			part{"text/plain; charset=x-mac-klingon", "8bit", "", wrapped("", "Gr\xf6\xdfe?", "M24")}),
			want{kind: KindBuyer, order: ord, text: "Größe?", problems: true}},
		{"LF line ends and boundary-like dashes", []byte(strings.ReplaceAll(string(mailOf(buyerHeaders("Jana <"+buyerAlias+">", "Frage (Bestellung: "+ord+")", "a25"), "multipart/alternative",
			plainPart(wrapped("", "------\nnur Striche\n------", "M25")))), "\r\n", "\n")),
			want{kind: KindBuyer, order: ord, text: "------\nnur Striche\n------"}},
		{"malformed MIME part", []byte("From: Jana <" + buyerAlias + ">\r\nSubject: Frage (Bestellung: " + ord + ")\r\nX-Space-Notification-Type: BBC_MESSAGE_SENT_TO_MERCHANT\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n--b1\r\nContent-Type: image/jpeg\r\n\r\nxx"),
			want{kind: KindBuyer, order: ord, attachments: 1, problems: true}},
		// 9. photo-only
		{"photo only", mailOf(buyerHeaders("Jana <"+buyerAlias+">", "Artikel beschädigt (Bestellung: "+ord+")", "a26"), "multipart/mixed",
			plainPart(wrapped("", "", "M26")), part{"image/jpeg; name=\"20260130_150548.jpg\"", "base64", "attachment; filename=\"20260130_150548.jpg\"", "/9j/4AAQSkZJRgABAQ=="}),
			want{kind: KindBuyer, order: ord, attachments: 1}},
		// 11. not buyer messages
		{"copy of the seller's reply", mailOf([]string{"From: \"Amazon.de\" <donotreply@amazon.com>", "Subject: Your e-mail to Jana", "X-Space-Notification-Type: BBC_MESSAGE_CONFIRMATION_TO_MERCHANT", "Message-ID: <c1@x>"}, "",
			plainPart("Here is a copy of the e-mail you sent to Jana\nOrder ID: "+ord+"\n--- Begin message ---\nIhr Paket kommt morgen.\n--- End message ---\nWarmest Regards, Amazon.com")),
			want{kind: KindCopy, order: ord}},
		{"copy without header", mailOf([]string{"From: \"Amazon.com.br\" <donotreply@amazon.com>", "Subject: Seu e-mail para Ana", "Message-ID: <c2@x>"}, "",
			part{"text/html; charset=UTF-8", "", "", "<p>Iniciar mensagem</p><p>Obrigado</p>"}),
			want{kind: KindCopy}},
		{"opt-out bounce", mailOf([]string{"From: \"Amazon.it\" <auto-communication@amazon.com>", "Subject: =?UTF-8?Q?Il_tuo_messaggio_all'acquirente_non_=C3=A8_stato_consegnato.?=", "X-Space-Notification-Type: BUYER_OPTED_OUT_BSM_MESSAGES", "Message-ID: <b1@x>"}, "multipart/alternative",
			part{"text/html; charset=UTF-8", "quoted-printable", "", "<div style=3D\"display:none\">Il tuo messaggio</div><p>Non abbiamo potuto consegnare il messaggio inviato a Giulia per l'ordine [" + ord + "] perch=C3=A9 l'acquirente ha scelto di non ricevere messaggi. <a href=3D\"mailto:" + buyerAlias + "?subject=3D[Importante]\">scrivi</a></p>"}),
			want{kind: KindBounce, order: ord, replyTo: buyerAlias, notIn: []string{"Il tuo messaggio"}}},
		{"DSN from the seller's provider", mailOf([]string{"From: Mail Delivery System <mailer-daemon@example.de>", "Subject: Undelivered Mail Returned to Sender", "Message-ID: <d1@x>"}, "multipart/report; report-type=delivery-status",
			plainPart("Your message could not be delivered."),
			part{"message/delivery-status", "", "", "Reporting-MTA: dns; mx.example.de\n\nFinal-Recipient: rfc822; " + buyerAliasUUID + "\nAction: failed\nStatus: 5.7.1\n"},
			part{"text/rfc822-headers", "", "", "Message-ID: <reply-1@shop.example.de>\nSubject: Re: Frage (Bestellung: " + ord + ")\n"}),
			want{kind: KindBounce, replyTo: buyerAliasUUID, buyer: buyerAlias, bounceFor: "reply-1@shop.example.de"}},
		{"return notice", mailOf([]string{"From: <donotreply@amazon.com>", "Subject: Notifica di autorizzazione del reso per l'ordine\r\n " + ord, "X-Space-Notification-Type: RETURN_REQUEST", "Message-ID: <n1@x>"}, "",
			part{"text/html; charset=UTF-8", "", "", "<table><tr><td>Commento del cliente</td><td>troppo piccolo</td></tr></table>"}),
			want{kind: KindNotice, order: ord}},
		{"phishing failing DMARC on the relay domain", mailOf(append(buyerHeaders("Jana <"+buyerAlias+">", "Frage", "a30"), "Authentication-Results: mx.example.de; spf=fail; dkim=none; dmarc=fail header.from=marketplace.amazon.de"), "", plainPart("Login here")),
			want{kind: KindUnplaced}},
		{"the seller's own mail", mailOf([]string{"From: Oma <oma@example.org>", "Subject: Weihnachten"}, "", plainPart("Kommst du?")),
			want{err: ErrNotRelay}},
		{"the seller's Amazon shopping", mailOf([]string{"From: Amazon.de <auto-confirm@amazon.de>", "Subject: Ihre Bestellung " + ord}, "", plainPart("Danke")),
			want{err: ErrNotRelay}},
		{"no-reply on the relay domain is not a buyer", mailOf([]string{"From: <no-reply@marketplace.amazon.de>", "Subject: Hinweis"}, "", plainPart("Info")),
			want{kind: KindNotice}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, err := Parse(c.raw)
			check(t, m, err, c.want)
		})
	}
}

// 10. The same message delivered twice: different Message-ID, boundary,
// SPC number and To, one dedup key.
func TestDuplicateDeliveriesShareAKey(t *testing.T) {
	a := mailOf(buyerHeaders("Jana <"+buyerAlias+">", "Frage", "first"), "", plainPart(wrapped("", words, "MSGDUP")))
	b := strings.Replace(string(mailOf(buyerHeaders("Jana <"+buyerAlias+">", "Frage", "second"), "multipart/alternative", plainPart(wrapped("", words, "MSGDUP")))), "1234567890123456", "9999999999999999", 1)
	ma, _ := Parse(a)
	mb, _ := Parse([]byte(b))
	if ma.DedupKey != mb.DedupKey || ma.MessageID == mb.MessageID {
		t.Fatalf("keys %q %q for Message-IDs %q %q", ma.DedupKey, mb.DedupKey, ma.MessageID, mb.MessageID)
	}
	// Without a token, the text decides: same words, same key; other words, other key.
	c, _ := Parse(mailOf(buyerHeaders("Jana <"+buyerAlias+">", "Frage", "c"), "", plainPart("------------- Message: -------------\n"+words+"\n------------- End message -------------")))
	d, _ := Parse(mailOf(buyerHeaders("Jana <"+buyerAlias+">", "Frage", "d"), "", plainPart("------------- Message: -------------\n"+words+"\n------------- End message -------------")))
	e, _ := Parse(mailOf(buyerHeaders("Jana <"+buyerAlias+">", "Frage", "e"), "", plainPart("------------- Message: -------------\nAnders\n------------- End message -------------")))
	if c.DedupKey != d.DedupKey || c.DedupKey == e.DedupKey {
		t.Fatalf("text keys %q %q %q", c.DedupKey, d.DedupKey, e.DedupKey)
	}
}

// 12. The wrapper's language says nothing about the buyer's: a Spanish
// wrapper around German words keeps the German words alone.
func TestWrapperLanguageIsNotTheBuyers(t *testing.T) {
	m, err := Parse(mailOf(buyerHeaders("Jana <"+buyerAlias+">", "Consulta del cliente de Amazon Jana (Pedido: 302-1234567-7654321)", "es"), "",
		plainPart("Ha recibido un mensaje.\n\n------------- Mensaje: -------------\n\nWann kommt das Paket?\n\n------------- Finalizar mensaje -------------\n\n¿Te pareció útil este correo?\nDerechos de autor 2026 Amazon")))
	check(t, m, err, want{kind: KindBuyer, order: "302-1234567-7654321", text: "Wann kommt das Paket?"})
}

func TestRelayTLD(t *testing.T) {
	for d, ok := range map[string]bool{"marketplace.amazon.de": true, "Marketplace.Amazon.CO.UK": true, "marketplace.amazon.com.be": true,
		"marketplace.amazon.de.evil.example": false, "marketplace.amazon.example": false, "amazon.de": false, "xmarketplace.amazon.de": false} {
		if _, got := RelayTLD(d); got != ok {
			t.Errorf("RelayTLD(%q) = %v, want %v", d, got, ok)
		}
	}
}

func TestCandidateLooksAtTheHeaderOnly(t *testing.T) {
	for h, want := range map[string]bool{
		"From: Jana <abc@marketplace.amazon.de>\r\nSubject: x":                                                   true,
		"From: x@example.org\r\nReply-To: abc+1@marketplace.amazon.fr":                                           true,
		"From: \"Amazon.it\" <auto-communication@amazon.com>":                                                    true,
		"From: mailer-daemon@gmx.net\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=x": true,
		"From: Oma <oma@example.org>\r\nSubject: Weihnachten":                                                    false,
		"From: Amazon.de <auto-confirm@amazon.de>":                                                               false,
		"From: abc@marketplace.amazon.de.evil.example":                                                           false,
	} {
		if got := Candidate([]byte(h)); got != want {
			t.Errorf("Candidate(%q) = %v, want %v", h, got, want)
		}
	}
}
