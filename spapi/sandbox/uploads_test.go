package sandbox

import (
	"bytes"
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

type destination struct {
	Payload struct {
		UploadDestinationID string            `json:"uploadDestinationId"`
		URL                 string            `json:"url"`
		Headers             map[string]string `json:"headers"`
	} `json:"payload"`
}

func b64md5(b []byte) string {
	s := md5.Sum(b)
	return base64.StdEncoding.EncodeToString(s[:])
}

func (e *env) destination(o *demoOrder, kind, sum string) (int, destination) {
	e.t.Helper()
	path := "/uploads/2020-11-01/uploadDestinations/messaging/v1/orders/" + o.id + "/messages/" + kind +
		"?marketplaceIds=" + o.m.ID + "&contentMD5=" + url.QueryEscape(sum) + "&contentType=application%2Fpdf"
	res, body := e.do("POST", path, "")
	var d destination
	if res.StatusCode == 201 {
		mustJSON(e.t, body, &d)
	}
	return res.StatusCode, d
}

func put(t *testing.T, method, u string, headers map[string]string, data []byte) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(method, u, bytes.NewReader(data))
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(readAll(t, res))
}

// upload creates a destination and puts data there, returning its ID.
func (e *env) upload(o *demoOrder, kind string, data []byte, ct string) string {
	e.t.Helper()
	st, d := e.destination(o, kind, b64md5(data))
	if st != 201 {
		e.t.Fatalf("destination: %d", st)
	}
	h := map[string]string{"Content-Type": ct}
	for k, v := range d.Payload.Headers {
		h[k] = v
	}
	if st, body := put(e.t, "PUT", d.Payload.URL, h, data); st != 200 {
		e.t.Fatalf("put: %d %s", st, body)
	}
	return d.Payload.UploadDestinationID
}

func TestUploadDestinationChecksContentMD5(t *testing.T) {
	e := start(t, Options{})
	o := e.srv.demo.orders[0]
	data := []byte("invoice bytes")
	hexSum := md5.Sum(data)
	if st, _ := e.destination(o, "invoice", hex.EncodeToString(hexSum[:])); st != 400 {
		t.Errorf("hex contentMD5 accepted: %d", st)
	}
	st, d := e.destination(o, "invoice", b64md5(data))
	if st != 201 || !strings.HasPrefix(d.Payload.URL, e.hs.URL+"/upload/") || d.Payload.Headers["Content-MD5"] != b64md5(data) {
		t.Fatalf("%d %+v", st, d)
	}
	res, body := e.do("POST", "/uploads/2020-11-01/uploadDestinations/messaging/v1/orders/x/messages/invoice?contentMD5="+url.QueryEscape(b64md5(data)), "")
	if res.StatusCode != 400 || res.Header.Get("x-amzn-RateLimit-Limit") != "10" {
		t.Errorf("no marketplace: %d %s", res.StatusCode, body)
	}
}

func TestUploadPutChecks(t *testing.T) {
	e := start(t, Options{MaxUploadBytes: 64})
	o := e.srv.demo.orders[0]
	data := []byte("%PDF-1.4 small invoice")
	_, d := e.destination(o, "invoice", b64md5(data))
	h := d.Payload.Headers
	without := func(k string) map[string]string {
		m := map[string]string{}
		for a, b := range h {
			if a != k {
				m[a] = b
			}
		}
		return m
	}
	wrong := map[string]string{"Content-MD5": b64md5([]byte("other")), "x-amz-server-side-encryption": "aws:kms"}
	for _, tc := range []struct {
		name    string
		method  string
		headers map[string]string
		data    []byte
		status  int
		code    string
	}{
		{"POST instead of PUT", "POST", h, data, 405, "MethodNotAllowed"},
		{"no MD5", "PUT", without("Content-MD5"), data, 400, "InvalidDigest"},
		{"hex MD5", "PUT", map[string]string{"Content-MD5": "0123456789abcdef0123456789abcdef", "x-amz-server-side-encryption": "aws:kms"}, data, 400, "InvalidDigest"},
		{"no encryption header", "PUT", without("x-amz-server-side-encryption"), data, 403, "SignatureDoesNotMatch"},
		{"other MD5 than signed", "PUT", wrong, data, 403, "SignatureDoesNotMatch"},
		{"body does not match", "PUT", h, []byte("%PDF-1.4 tampered invoic"), 400, "BadDigest"},
		{"too large", "PUT", h, bytes.Repeat([]byte("x"), 65), 400, "EntityTooLarge"},
		{"ok", "PUT", h, data, 200, ""},
	} {
		st, body := put(t, tc.method, d.Payload.URL, tc.headers, tc.data)
		if st != tc.status || !strings.Contains(body, "<Code>"+tc.code+"</Code>") && tc.code != "" {
			t.Errorf("%s: %d %s", tc.name, st, body)
		}
	}
	e.clock.Advance(16 * time.Minute)
	if st, body := put(t, "PUT", d.Payload.URL, h, data); st != 403 || !strings.Contains(body, "expired") {
		t.Errorf("expired URL: %d %s", st, body)
	}
}

func TestAttachmentMustBeUploadedBeforeSend(t *testing.T) {
	e := start(t, Options{})
	o := e.findOrder(func(o *demoOrder) bool { return active(o) })
	_, d := e.destination(o, "legalDisclosure", b64md5([]byte("doc")))
	body, _ := json.Marshal(map[string]any{"attachments": []map[string]string{{"uploadDestinationId": d.Payload.UploadDestinationID, "fileName": "Widerrufsbelehrung.pdf"}}})
	if res, b := e.do("POST", msgPath(o, "/messages/legalDisclosure"), string(body)); res.StatusCode != 400 {
		t.Fatalf("send before upload: %d %s", res.StatusCode, b)
	}
	if st, b := put(t, "PUT", d.Payload.URL, d.Payload.Headers, []byte("doc")); st != 200 {
		t.Fatalf("%d %s", st, b)
	}
	if res, b := e.do("POST", msgPath(o, "/messages/legalDisclosure"), string(body)); res.StatusCode != 201 {
		t.Fatalf("send after upload: %d %s", res.StatusCode, b)
	}
}
