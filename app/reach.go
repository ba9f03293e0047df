package app

import (
	"errors"
	"net"
	"net/http"
	"net/url"

	"sellermail/spapi"
)

// The outcomes a caller must tell apart from an ordinary failure: Amazon
// may have the request (sending again could reach the buyer twice), Amazon
// could not be asked at all, or the seller is not logged in.

// ErrOutcomeUnknown marks a message or review request whose answer never
// arrived: Amazon may or may not have it. Match it with errors.Is.
var ErrOutcomeUnknown = spapi.ErrOutcomeUnknown

// ErrNotLoggedIn: the seller's account has no usable credentials, so
// nothing can be asked of Amazon for it.
var ErrNotLoggedIn = errors.New("app: not logged in")

// Unreachable reports whether err says that Amazon could not be asked at
// all: no connection, no answer to a request that sends nothing. An outcome
// unknown is not unreachable: that request may have arrived.
func Unreachable(err error) bool {
	if err == nil || errors.Is(err, ErrOutcomeUnknown) {
		return false
	}
	var ue *url.Error
	var ne net.Error
	return errors.As(err, &ue) || errors.As(err, &ne)
}

// NotLoggedIn reports whether err says that the seller must log in (again):
// no credentials, or Login with Amazon refused the ones given.
func NotLoggedIn(err error) bool {
	var le *spapi.LWAError
	if errors.As(err, &le) {
		return le.StatusCode == http.StatusBadRequest || le.StatusCode == http.StatusUnauthorized ||
			le.StatusCode == http.StatusForbidden
	}
	return errors.Is(err, ErrNotLoggedIn)
}
