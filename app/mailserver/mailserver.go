// Package mailserver is a real IMAP and SMTP server in the process, on
// loopback: the demo's mailbox, and what the tests of the inbox talk to.
// IMAP is go-imap's server over its memory store, made safe for several
// connections at once; SMTP is go-smtp's server, keeping what it accepted.
// Both speak implicit TLS, STARTTLS or plain text, with a certificate
// made at start, and can be told to fail the way real servers do.
package mailserver

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-imap"
	imapserver "github.com/emersion/go-imap/server"
	"github.com/emersion/go-smtp"
)

// The transport security of a listener, as the mailbox settings name them.
const (
	TLS      = "tls"
	STARTTLS = "starttls"
	Plain    = "plain"
)

// Options configure Start.
type Options struct {
	// User and Password are the one account's login.
	User, Password string
	// IMAPTLS and SMTPTLS are TLS (the default), STARTTLS or Plain.
	IMAPTLS, SMTPTLS string
}

// Mail is a mail the SMTP server accepted.
type Mail struct {
	From string
	To   []string
	Data []byte
}

// Server is the running pair of servers.
type Server struct {
	opts Options
	cert tls.Certificate
	pool *x509.CertPool

	imap     *imapserver.Server
	smtp     *smtp.Server
	imapLn   net.Listener
	smtpLn   net.Listener
	backend  *backend
	commands *commandLog

	mu       sync.Mutex
	received []Mail
	conns    map[net.Conn]bool
	faults   faults
}

// faults are the failures the next operations meet.
type faults struct {
	// dropFetchAfter closes every connection after this many messages of
	// a FETCH (0: never).
	dropFetchAfter int
	// dropAfterData closes the SMTP connection after the message was
	// read, before the server answers it.
	dropAfterData bool
	// rejectData answers DATA with this permanent error ("" none).
	rejectData string
	// delay is added before each FETCH answer and each SMTP answer to DATA.
	delay time.Duration
}

// Start starts both servers on 127.0.0.1 with ports the system picks.
func Start(o Options) (*Server, error) {
	if o.IMAPTLS == "" {
		o.IMAPTLS = TLS
	}
	if o.SMTPTLS == "" {
		o.SMTPTLS = TLS
	}
	s := &Server{opts: o, conns: map[net.Conn]bool{}, commands: &commandLog{}}
	if err := s.makeCert(); err != nil {
		return nil, err
	}
	s.backend = newBackend(o.User, o.Password, s)
	tlsConf := &tls.Config{Certificates: []tls.Certificate{s.cert}, MinVersion: tls.VersionTLS12}

	is := imapserver.New(s.backend)
	is.AllowInsecureAuth = o.IMAPTLS == Plain
	is.ErrorLog = log.New(io.Discard, "", 0)
	is.Debug = imap.NewDebugWriter(io.Discard, s.commands)
	if o.IMAPTLS != Plain {
		is.TLSConfig = tlsConf
	}
	s.imap = is
	ln, err := s.listen(o.IMAPTLS, tlsConf)
	if err != nil {
		return nil, err
	}
	s.imapLn = ln
	go is.Serve(ln) //nolint:errcheck // ends with Close

	ss := smtp.NewServer(smtpBackend{s})
	ss.Domain = "localhost"
	ss.AllowInsecureAuth = o.SMTPTLS == Plain
	ss.MaxMessageBytes = 40 << 20
	ss.ReadTimeout, ss.WriteTimeout = time.Minute, time.Minute
	ss.ErrorLog = log.New(io.Discard, "", 0)
	if o.SMTPTLS != Plain {
		ss.TLSConfig = tlsConf
	}
	s.smtp = ss
	ln, err = s.listen(o.SMTPTLS, tlsConf)
	if err != nil {
		s.imapLn.Close()
		return nil, err
	}
	s.smtpLn = ln
	go ss.Serve(ln) //nolint:errcheck // ends with Close
	return s, nil
}

// listen opens a loopback listener; implicit TLS wraps it.
func (s *Server) listen(mode string, conf *tls.Config) (net.Listener, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("mailserver: %w", err)
	}
	tl := &trackingListener{Listener: ln, s: s}
	if mode == TLS {
		return tls.NewListener(tl, conf), nil
	}
	return tl, nil
}

// makeCert makes a self-signed certificate for 127.0.0.1 and localhost.
func (s *Server) makeCert() error {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()),
		Subject:      pkix.Name{CommonName: "Sellermail demo mailbox"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(10 * 365 * 24 * time.Hour),
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
		DNSNames:     []string{"localhost"},
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA:         true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return err
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		return err
	}
	s.cert = tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: c}
	s.pool = x509.NewCertPool()
	s.pool.AddCert(c)
	return nil
}

// CertPool holds the servers' certificate, for a client to trust.
func (s *Server) CertPool() *x509.CertPool { return s.pool }

// IMAPPort and SMTPPort are the ports on 127.0.0.1.
func (s *Server) IMAPPort() int { return s.imapLn.Addr().(*net.TCPAddr).Port }

// SMTPPort is the SMTP server's port on 127.0.0.1.
func (s *Server) SMTPPort() int { return s.smtpLn.Addr().(*net.TCPAddr).Port }

// Options returns what the server was started with (with defaults filled).
func (s *Server) Options() Options { return s.opts }

// Append adds a mail to folder (created when missing) and returns its UID.
func (s *Server) Append(folder string, raw []byte, flags ...string) (uint32, error) {
	return s.backend.append(folder, raw, flags, time.Now())
}

// AppendAt adds a mail with the given internal date.
func (s *Server) AppendAt(folder string, raw []byte, at time.Time, flags ...string) (uint32, error) {
	return s.backend.append(folder, raw, flags, at)
}

// Flags returns the flags of a mail, to check that a client changed none.
func (s *Server) Flags(folder string, uid uint32) []string { return s.backend.flags(folder, uid) }

// Count is the number of mails in folder.
func (s *Server) Count(folder string) int { return s.backend.count(folder) }

// RenewUIDValidity gives folder a new UIDVALIDITY, as a server does when
// it rebuilt the folder: clients must read it again from the start.
func (s *Server) RenewUIDValidity(folder string) { s.backend.renew(folder) }

// Received returns the mails the SMTP server accepted, oldest first.
func (s *Server) Received() []Mail {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Mail(nil), s.received...)
}

// Commands returns the IMAP commands clients sent, without their tags
// and with LOGIN's arguments cut.
func (s *Server) Commands() []string { return s.commands.list() }

// DropFetchAfter makes the next FETCH break the connection after n
// messages (0: no more).
func (s *Server) DropFetchAfter(n int) { s.setFault(func(f *faults) { f.dropFetchAfter = n }) }

// DropAfterData makes the SMTP server break the connection after it read
// a message, before it answers: the client cannot know whether it was taken.
func (s *Server) DropAfterData(on bool) { s.setFault(func(f *faults) { f.dropAfterData = on }) }

// RejectData makes the SMTP server refuse messages with a 554 and msg ("" accepts again).
func (s *Server) RejectData(msg string) { s.setFault(func(f *faults) { f.rejectData = msg }) }

// Delay slows every FETCH answer and every answer to DATA by d.
func (s *Server) Delay(d time.Duration) { s.setFault(func(f *faults) { f.delay = d }) }

func (s *Server) setFault(fn func(*faults)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn(&s.faults)
}

func (s *Server) fault() faults {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.faults
}

// dropConns closes every open connection, as a network failure does.
func (s *Server) dropConns() {
	s.mu.Lock()
	var open []net.Conn
	for c := range s.conns {
		open = append(open, c)
	}
	s.mu.Unlock()
	for _, c := range open {
		c.Close()
	}
}

// Close stops both servers.
func (s *Server) Close() error {
	errs := []error{s.imap.Close(), s.smtp.Close()}
	s.dropConns()
	return errors.Join(errs...)
}

// trackingListener remembers the open connections, so faults can break them.
type trackingListener struct {
	net.Listener
	s *Server
}

func (l *trackingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	tc := &trackedConn{Conn: c, s: l.s}
	l.s.mu.Lock()
	l.s.conns[tc] = true
	l.s.mu.Unlock()
	return tc, nil
}

type trackedConn struct {
	net.Conn
	s *Server
}

func (c *trackedConn) Close() error {
	c.s.mu.Lock()
	delete(c.s.conns, c)
	c.s.mu.Unlock()
	return c.Conn.Close()
}

// commandLog keeps the lines clients send, for tests that check what a
// client asked of the server.
type commandLog struct {
	mu    sync.Mutex
	buf   []byte
	lines []string
}

func (l *commandLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf = append(l.buf, p...)
	for {
		i := bytes.Index(l.buf, []byte("\r\n"))
		if i < 0 {
			break
		}
		line := string(l.buf[:i])
		l.buf = l.buf[i+2:]
		_, cmd, _ := strings.Cut(line, " ")
		if strings.HasPrefix(strings.ToUpper(cmd), "LOGIN ") {
			cmd = "LOGIN"
		}
		if len(l.lines) < 100000 {
			l.lines = append(l.lines, cmd)
		}
	}
	return len(p), nil
}

func (l *commandLog) list() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.lines...)
}
