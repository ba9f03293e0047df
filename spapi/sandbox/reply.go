package sandbox

import (
	"encoding/json"
	"net/http"
)

// reply is a complete answer, built before anything is written so that
// faults can truncate, corrupt or drop it afterwards.
type reply struct {
	status      int
	contentType string
	header      http.Header
	body        []byte
}

// apiError is one entry of Amazon's error list.
type apiError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Details string `json:"details,omitempty"`
}

type errorList struct {
	Errors []apiError `json:"errors"`
}

const (
	contentJSON = "application/json"
	contentHAL  = "application/hal+json"
)

// jsonReply marshals v; the values passed in are our own types, so failure is a programming error.
func jsonReply(status int, contentType string, v any) reply {
	b, err := json.Marshal(v)
	if err != nil {
		panic("sandbox: marshal reply: " + err.Error())
	}
	return reply{status: status, contentType: contentType, body: b}
}

// errReply answers with Amazon's error JSON.
func errReply(status int, code, message, details string) reply {
	r := jsonReply(status, contentJSON, errorList{Errors: []apiError{{Code: code, Message: message, Details: details}}})
	if t := errorType(status); t != "" {
		r.setHeader("x-amzn-ErrorType", t)
	}
	return r
}

func badInput(details string) reply {
	return errReply(http.StatusBadRequest, "InvalidInput", "Invalid Input", details)
}

func notFound(details string) reply {
	return errReply(http.StatusNotFound, "NotFound", "The resource specified does not exist.", details)
}

func (r *reply) setHeader(k, v string) {
	if r.header == nil {
		r.header = http.Header{}
	}
	r.header.Set(k, v)
}

// errorType mirrors the x-amzn-ErrorType values Amazon's gateway sends.
func errorType(status int) string {
	switch status {
	case http.StatusBadRequest:
		return "ValidationException"
	case http.StatusUnauthorized:
		return "UnauthorizedException"
	case http.StatusForbidden:
		return "AccessDeniedException"
	case http.StatusNotFound:
		return "NotFoundException"
	case http.StatusTooManyRequests:
		return "TooManyRequestsException"
	case http.StatusInternalServerError:
		return "InternalFailure"
	case http.StatusServiceUnavailable:
		return "ServiceUnavailableException"
	}
	return ""
}
