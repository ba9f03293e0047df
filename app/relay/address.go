package relay

import (
	"strings"
)

// relayTLDs are the country parts of Amazon's marketplace domains; a domain
// is a relay domain only when it is exactly marketplace.amazon.<one of
// these>, so look-alikes such as marketplace.amazon.de.evil.example fail.
var relayTLDs = map[string]bool{
	"ae": true, "ca": true, "cn": true, "co.jp": true, "co.uk": true, "co.za": true, "com": true,
	"com.au": true, "com.be": true, "com.br": true, "com.mx": true, "com.tr": true, "de": true,
	"eg": true, "es": true, "fr": true, "ie": true, "in": true, "it": true, "nl": true, "pl": true,
	"sa": true, "se": true, "sg": true,
}

// RelayTLD returns the country part of a relay domain ("co.uk" for
// marketplace.amazon.co.uk) and whether domain is one.
func RelayTLD(domain string) (string, bool) {
	d := strings.ToLower(strings.TrimSuffix(domain, "."))
	tld, ok := strings.CutPrefix(d, "marketplace.amazon.")
	return tld, ok && relayTLDs[tld]
}

// amazonDomain reports whether domain is amazon.<tld> itself, where
// Amazon's notifications come from (donotreply@amazon.com).
func amazonDomain(domain string) bool {
	d := strings.ToLower(strings.TrimSuffix(domain, "."))
	tld, ok := strings.CutPrefix(d, "amazon.")
	return ok && relayTLDs[tld]
}

// splitAddr splits an address into local part and domain, lower-cased.
func splitAddr(addr string) (local, domain string, ok bool) {
	i := strings.LastIndexByte(addr, '@')
	if i <= 0 || i == len(addr)-1 {
		return "", "", false
	}
	return strings.ToLower(addr[:i]), strings.ToLower(addr[i+1:]), true
}

// alias is a buyer alias: the full reply target and the base that names
// the buyer.
type alias struct {
	replyTo, buyer, domain string
}

// parseAlias reads addr as a buyer alias: a local part of letters and
// digits (any length), an optional +case suffix, a relay domain. Amazon's
// own no-reply senders on the relay domain are not buyers.
func parseAlias(addr string) (alias, bool) {
	local, domain, ok := splitAddr(addr)
	if !ok {
		return alias{}, false
	}
	if _, ok := RelayTLD(domain); !ok {
		return alias{}, false
	}
	base, _, _ := strings.Cut(local, "+")
	if base == "" || noReplyLocal(base) {
		return alias{}, false
	}
	for _, r := range base {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') {
			return alias{}, false
		}
	}
	return alias{replyTo: local + "@" + domain, buyer: base + "@" + domain, domain: domain}, true
}

// noReplyLocal reports local parts that are Amazon's automatic senders.
func noReplyLocal(l string) bool {
	switch strings.ReplaceAll(strings.ReplaceAll(l, "-", ""), "_", "") {
	case "noreply", "donotreply", "autocommunication", "sellernotification", "cbsellernotification":
		return true
	}
	return strings.Contains(l, "no-reply") || strings.Contains(l, "noreply")
}

// amazonSender reports Amazon's notification senders (donotreply@amazon.com,
// auto-communication@amazon.it, atoz-guarantee-no-reply@amazon.de, and the
// relay domain's own no-reply addresses).
func amazonSender(addr string) bool {
	local, domain, ok := splitAddr(addr)
	if !ok {
		return false
	}
	if amazonDomain(domain) {
		// Only the seller-side notifiers: the seller's own shopping mail
		// (order confirmations, newsletters) comes from amazon.<tld> too.
		return noReplyLocal(local) || strings.HasPrefix(local, "atoz-guarantee")
	}
	_, relay := RelayTLD(domain)
	return relay && noReplyLocal(local)
}

// stripMarketplaceSuffix drops " - Amazon Marketplace" from a display name.
func stripMarketplaceSuffix(name string) string {
	name = strings.TrimSpace(name)
	for _, suf := range []string{"- Amazon Marketplace", "– Amazon Marketplace", "Amazon Marketplace"} {
		if strings.HasSuffix(strings.ToLower(name), strings.ToLower(suf)) {
			name = strings.TrimSpace(name[:len(name)-len(suf)])
			break
		}
	}
	return strings.Trim(name, `"' `)
}
