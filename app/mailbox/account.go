// Package mailbox talks to the seller's own mailbox: it reads folders over
// IMAP, only ever examining them (read-only, BODY.PEEK), so no mail is
// changed, moved, deleted or marked read, and it sends replies over SMTP.
// Both go over implicit TLS or STARTTLS; plain text only to loopback.
// What the mails mean is the business of package relay.
package mailbox

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"strconv"
	"strings"
	"time"
)

// Security is how a connection is protected.
type Security string

// The kinds of transport security.
const (
	// TLS is implicit TLS from the first byte (IMAP 993, SMTP 465).
	TLS Security = "tls"
	// STARTTLS upgrades a plain connection before logging in (IMAP 143, SMTP 587).
	STARTTLS Security = "starttls"
	// Plain is no encryption, allowed only to a loopback address.
	Plain Security = "plain"
)

// ParseSecurity accepts tls, starttls or plain, in any case.
func ParseSecurity(s string) (Security, error) {
	switch Security(strings.ToLower(strings.TrimSpace(s))) {
	case TLS:
		return TLS, nil
	case STARTTLS:
		return STARTTLS, nil
	case Plain:
		return Plain, nil
	}
	return "", fmt.Errorf("mailbox: %q is not tls, starttls or plain: %w", s, ErrInvalid)
}

// Server is one end: host, port and security.
type Server struct {
	Host     string
	Port     int
	Security Security
}

func (s Server) addr() string { return net.JoinHostPort(s.Host, strconv.Itoa(s.Port)) }

// Account is everything needed to reach the seller's mailbox.
type Account struct {
	IMAP, SMTP Server
	// User and Password log in to both servers. Password is never logged
	// or stored by this package.
	User, Password string
	// Sender is the From of replies: the address registered with Amazon or
	// approved under Messaging Permissions.
	Sender string
	// Folders are read in order; empty means INBOX.
	Folders []string
	// RootCAs replaces the system's roots (the demo's and the tests'
	// servers); nil means the system's.
	RootCAs *x509.CertPool
	// Timeout bounds each network step; 0 means DefaultTimeout.
	Timeout time.Duration
}

// DefaultTimeout bounds one network step (dial, command, answer).
const DefaultTimeout = 60 * time.Second

// String shows the account without its password.
func (a Account) String() string {
	return fmt.Sprintf("mailbox.Account{IMAP:%s SMTP:%s User:%q Sender:%q Password:[redacted]}", a.IMAP.addr(), a.SMTP.addr(), a.User, a.Sender)
}

// GoString is String, so %#v shows no password either.
func (a Account) GoString() string { return a.String() }

// ErrInvalid marks settings that cannot work; FieldError names the field.
var ErrInvalid = errors.New("mailbox: invalid settings")

// FieldError is a setting that cannot work.
type FieldError struct {
	// Field is imap.host, imap.port, imap.security, smtp.host, smtp.port,
	// smtp.security, user, password or sender.
	Field string
	// Problem is why, in English, for logs; the window names the field.
	Problem string
}

func (e *FieldError) Error() string { return "mailbox: " + e.Field + ": " + e.Problem }

// Unwrap makes errors.Is(err, ErrInvalid) true.
func (e *FieldError) Unwrap() error { return ErrInvalid }

// Validate checks what can be checked without the network: hosts and
// ports, no plain text but to loopback, a user, a password, a sender
// address.
func (a Account) Validate() error {
	var errs []error
	for _, s := range []struct {
		name string
		srv  Server
	}{{"imap", a.IMAP}, {"smtp", a.SMTP}} {
		if err := s.srv.validate(s.name); err != nil {
			errs = append(errs, err)
		}
	}
	if strings.TrimSpace(a.User) == "" {
		errs = append(errs, &FieldError{"user", "is empty"})
	}
	if a.Password == "" {
		errs = append(errs, &FieldError{"password", "is empty"})
	}
	if addr, err := mail.ParseAddress(a.Sender); err != nil || addr.Address != strings.TrimSpace(a.Sender) {
		errs = append(errs, &FieldError{"sender", "is not a plain e-mail address"})
	}
	return errors.Join(errs...)
}

func (s Server) validate(name string) error {
	if strings.TrimSpace(s.Host) == "" || strings.ContainsAny(s.Host, " /:@") && net.ParseIP(s.Host) == nil {
		return &FieldError{name + ".host", "is not a host name"}
	}
	if s.Port < 1 || s.Port > 65535 {
		return &FieldError{name + ".port", "is not a port (1-65535)"}
	}
	switch s.Security {
	case TLS, STARTTLS:
	case Plain:
		if !Loopback(s.Host) {
			return &FieldError{name + ".security", "plain text is allowed only to this computer (localhost, 127.0.0.1)"}
		}
	default:
		return &FieldError{name + ".security", "is not tls, starttls or plain"}
	}
	return nil
}

// Loopback reports whether host is this computer: localhost or a loopback IP.
func Loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// FieldErrors returns the field errors inside err.
func FieldErrors(err error) []*FieldError {
	if fe, ok := err.(*FieldError); ok {
		return []*FieldError{fe}
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []*FieldError
		for _, e := range j.Unwrap() {
			out = append(out, FieldErrors(e)...)
		}
		return out
	}
	if u := errors.Unwrap(err); u != nil {
		return FieldErrors(u)
	}
	return nil
}

func (a Account) timeout() time.Duration {
	if a.Timeout > 0 {
		return a.Timeout
	}
	return DefaultTimeout
}

func (a Account) tlsConfig(host string) *tls.Config {
	return &tls.Config{ServerName: host, RootCAs: a.RootCAs, MinVersion: tls.VersionTLS12}
}

// Provider is what Sellermail knows of a common mail provider: its servers,
// and whether it needs an app password instead of the account's own.
type Provider struct {
	Name        string
	Domains     []string
	IMAP, SMTP  Server
	AppPassword bool
}

// Providers are the common providers of German and other European sellers.
var Providers = []Provider{
	{"Gmail", []string{"gmail.com", "googlemail.com"}, Server{"imap.gmail.com", 993, TLS}, Server{"smtp.gmail.com", 465, TLS}, true},
	{"Outlook.com", []string{"outlook.com", "outlook.de", "hotmail.com", "hotmail.de", "live.com", "live.de"}, Server{"outlook.office365.com", 993, TLS}, Server{"smtp-mail.outlook.com", 587, STARTTLS}, true},
	{"GMX", []string{"gmx.de", "gmx.net", "gmx.at", "gmx.ch"}, Server{"imap.gmx.net", 993, TLS}, Server{"mail.gmx.net", 465, TLS}, false},
	{"WEB.DE", []string{"web.de"}, Server{"imap.web.de", 993, TLS}, Server{"smtp.web.de", 465, TLS}, false},
	{"T-Online", []string{"t-online.de", "magenta.de"}, Server{"secureimap.t-online.de", 993, TLS}, Server{"securesmtp.t-online.de", 465, TLS}, true},
	{"iCloud", []string{"icloud.com", "me.com", "mac.com"}, Server{"imap.mail.me.com", 993, TLS}, Server{"smtp.mail.me.com", 587, STARTTLS}, true},
	{"Yahoo", []string{"yahoo.com", "yahoo.de"}, Server{"imap.mail.yahoo.com", 993, TLS}, Server{"smtp.mail.yahoo.com", 465, TLS}, true},
}

// ProviderFor returns the provider of an address's domain.
func ProviderFor(address string) (Provider, bool) {
	_, domain, _ := strings.Cut(strings.ToLower(strings.TrimSpace(address)), "@")
	for _, p := range Providers {
		for _, d := range p.Domains {
			if d == domain {
				return p, true
			}
		}
	}
	return Provider{}, false
}
