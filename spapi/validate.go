package spapi

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

var (
	orderIDPattern     = regexp.MustCompile(`^\d{3}-\d{7}-\d{7}$`)
	marketplacePattern = regexp.MustCompile(`^[A-Z0-9]{8,20}$`)
)

// ValidOrderID reports whether id has Amazon's 3-7-7 digit form,
// e.g. "303-1234567-1234567".
func ValidOrderID(id string) bool { return orderIDPattern.MatchString(id) }

func checkOrderID(id string) error {
	if ValidOrderID(id) {
		return nil
	}
	return newValidation("orderID",
		fmt.Sprintf("%q is not an Amazon order number; it must look like 123-1234567-1234567", clip(id, 40)),
		fmt.Sprintf("%q ist keine Amazon-Bestellnummer; sie muss wie 123-1234567-1234567 aussehen", clip(id, 40)))
}

// checkMarketplace enforces the messaging rule "exactly one marketplace".
func checkMarketplace(id string) error {
	if strings.TrimSpace(id) == "" {
		return newValidation("marketplaceID", "exactly one marketplace is required",
			"Es muss genau ein Marktplatz angegeben werden")
	}
	if strings.Contains(id, ",") {
		return newValidation("marketplaceID", "only one marketplace may be given for this request",
			"Für diese Anfrage darf nur ein Marktplatz angegeben werden")
	}
	return checkMarketplaceFormat(id)
}

func checkMarketplaceFormat(id string) error {
	if marketplacePattern.MatchString(id) {
		return nil
	}
	return newValidation("marketplaceID",
		fmt.Sprintf("%q is not a marketplace ID such as A1PA6795UKMFR9", clip(id, 40)),
		fmt.Sprintf("%q ist keine Marktplatz-ID wie A1PA6795UKMFR9", clip(id, 40)))
}

// checkText enforces a message text's presence and Amazon's length limit,
// counted in characters as JSON Schema's maxLength does.
func checkText(text string, max int) error {
	if !utf8.ValidString(text) {
		return newValidation("text", "the text contains bytes that are not valid UTF-8",
			"Der Text enthält Zeichen, die kein gültiges UTF-8 sind")
	}
	if strings.TrimSpace(text) == "" {
		return newValidation("text", "the message text is empty", "Der Nachrichtentext ist leer")
	}
	if n := utf8.RuneCountInString(text); n > max {
		return newValidation("text",
			fmt.Sprintf("the text has %d characters; Amazon allows at most %d for this message type", n, max),
			fmt.Sprintf("Der Text hat %d Zeichen; Amazon erlaubt für diese Nachrichtenart höchstens %d", n, max))
	}
	return nil
}

// maxAttachments is Amazon's limit per message.
const maxAttachments = 5

func checkAttachments(atts []Attachment, min int) error {
	if len(atts) > maxAttachments {
		return newValidation("attachments",
			fmt.Sprintf("%d attachments given; Amazon allows at most %d", len(atts), maxAttachments),
			fmt.Sprintf("%d Anhänge angegeben; Amazon erlaubt höchstens %d", len(atts), maxAttachments))
	}
	if len(atts) < min {
		return newValidation("attachments", "this message type needs at least one attachment",
			"Diese Nachrichtenart braucht mindestens einen Anhang")
	}
	for i, a := range atts {
		if strings.TrimSpace(a.UploadDestinationID) == "" || strings.TrimSpace(a.FileName) == "" {
			return newValidation("attachments",
				fmt.Sprintf("attachment %d needs an upload destination ID and a file name", i+1),
				fmt.Sprintf("Anhang %d braucht eine Upload-Ziel-ID und einen Dateinamen", i+1))
		}
		if !utf8.ValidString(a.FileName) || !utf8.ValidString(a.UploadDestinationID) {
			return newValidation("attachments",
				fmt.Sprintf("attachment %d has a name that is not valid UTF-8", i+1),
				fmt.Sprintf("Anhang %d hat einen Namen, der kein gültiges UTF-8 ist", i+1))
		}
	}
	return nil
}

// checkRegion refuses a known marketplace of another region than the one
// Amazon's host serves: Amazon would answer "not valid for region" after
// spending a request of the operation's budget.
func (c *Client) checkRegion(ids ...string) error {
	if c.hostRegion == "" {
		return nil
	}
	for _, id := range ids {
		m, ok := MarketplaceByID(id)
		if !ok || m.Region == c.hostRegion {
			continue
		}
		en, de := m.Region.names()
		ownEN, ownDE := c.hostRegion.names()
		return newValidation("marketplaceID",
			fmt.Sprintf("%s (%s) belongs to the region %s, but Sellermail is set to %s; choose the right region in Settings", m.Country, id, en, ownEN),
			fmt.Sprintf("%s (%s) gehört zur Region %s, Sellermail ist aber auf %s eingestellt; wählen Sie in den Einstellungen die richtige Region", m.Country, id, de, ownDE))
	}
	return nil
}

// checkMarketplace is the messaging rule and the region check together.
func (c *Client) checkMarketplace(id string) error {
	if err := checkMarketplace(id); err != nil {
		return err
	}
	return c.checkRegion(id)
}
