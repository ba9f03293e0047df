package spapi

import (
	"bytes"
	"context"
	"crypto/md5"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// UploadDestination is where Amazon lets the client put one file.
type UploadDestination struct {
	ID        string            // the uploadDestinationId a message refers to
	URL       string            // pre-signed PUT target, valid for about 15 minutes
	Headers   map[string]string // must be sent with the PUT exactly as given
	RequestID string
}

// ContentMD5 returns the Base64 (not hex) of data's MD5 digest, the form
// Amazon and S3 expect.
func ContentMD5(data []byte) string {
	sum := md5.Sum(data)
	return base64.StdEncoding.EncodeToString(sum[:])
}

// MessageResource is the Uploads API resource for attachments of one
// message kind, e.g. "messaging/v1/orders/123-1234567-1234567/messages/invoice".
func MessageResource(orderID string, kind MessageKind) string {
	return "messaging/v1/orders/" + orderID + "/messages/" + string(kind)
}

// CreateUploadDestination asks Amazon where to upload a file for resource
// (createUploadDestinationForResource). contentMD5 must come from ContentMD5;
// contentType may be empty.
func (c *Client) CreateUploadDestination(ctx context.Context, resource, marketplaceID, contentMD5, contentType string) (*UploadDestination, error) {
	path, err := resourcePath(resource)
	if err != nil {
		return nil, err
	}
	if err := c.checkMarketplace(marketplaceID); err != nil {
		return nil, err
	}
	if sum, err := base64.StdEncoding.DecodeString(contentMD5); err != nil || len(sum) != md5.Size {
		return nil, newValidation("contentMD5", "the file checksum must be the Base64 of an MD5 digest (see ContentMD5), not hex",
			"Die Prüfsumme der Datei muss Base64 eines MD5-Werts sein (siehe ContentMD5), nicht hexadezimal")
	}
	q := url.Values{"marketplaceIds": {marketplaceID}, "contentMD5": {contentMD5}}
	if contentType != "" {
		q.Set("contentType", contentType)
	}
	resp, err := c.call(ctx, apiRequest{op: opCreateUploadDest, method: http.MethodPost,
		path: "/uploads/2020-11-01/uploadDestinations/" + path, query: q})
	if err != nil {
		return nil, err
	}
	d, err := decodeUploadDestination(resp.body)
	if err != nil {
		return nil, malformed(opCreateUploadDest.name, resp, err)
	}
	d.RequestID = resp.requestID
	return d, nil
}

// resourcePath escapes each segment of a greedy resource path but keeps
// its slashes, refusing empty or relative segments.
func resourcePath(resource string) (string, error) {
	resource = strings.TrimPrefix(resource, "/")
	segs := strings.Split(resource, "/")
	for i, s := range segs {
		if s == "" || s == "." || s == ".." {
			return "", newValidation("resource", fmt.Sprintf("%q is not an upload resource path", clip(resource, 80)),
				fmt.Sprintf("%q ist kein Pfad für ein Upload-Ziel", clip(resource, 80)))
		}
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/"), nil
}

func decodeUploadDestination(body []byte) (*UploadDestination, error) {
	var b struct {
		Payload *struct {
			UploadDestinationID string            `json:"uploadDestinationId"`
			URL                 string            `json:"url"`
			Headers             map[string]string `json:"headers"`
		} `json:"payload"`
	}
	if err := decodeJSON(body, &b); err != nil {
		return nil, err
	}
	if b.Payload == nil || b.Payload.UploadDestinationID == "" || b.Payload.URL == "" {
		return nil, fmt.Errorf("%w: upload destination without ID or URL", ErrMalformedResponse)
	}
	return &UploadDestination{ID: b.Payload.UploadDestinationID, URL: b.Payload.URL, Headers: b.Payload.Headers}, nil
}

// Upload is one file to attach to a message.
type Upload struct {
	Resource      string // e.g. MessageResource(orderID, KindInvoice)
	MarketplaceID string
	FileName      string // shown to the buyer, with extension
	ContentType   string // e.g. "application/pdf"
	Data          []byte
}

// UploadAttachment creates an upload destination, PUTs the file there with
// the headers Amazon returned, and returns the Attachment to put into a
// message. The access token is never sent to the storage URL.
func (c *Client) UploadAttachment(ctx context.Context, u Upload) (Attachment, error) {
	if len(u.Data) == 0 {
		return Attachment{}, newValidation("file", "the file is empty", "Die Datei ist leer")
	}
	if strings.TrimSpace(u.FileName) == "" {
		return Attachment{}, newValidation("fileName", "the attachment needs a file name", "Der Anhang braucht einen Dateinamen")
	}
	sum := ContentMD5(u.Data)
	d, err := c.CreateUploadDestination(ctx, u.Resource, u.MarketplaceID, sum, u.ContentType)
	if err != nil {
		return Attachment{}, err
	}
	if err := c.putFile(ctx, d, sum, u.ContentType, u.Data); err != nil {
		return Attachment{}, err
	}
	return Attachment{UploadDestinationID: d.ID, FileName: u.FileName}, nil
}

// putFile uploads data to the pre-signed URL. A PUT of the same bytes is
// idempotent, so network failures and server errors are retried.
func (c *Client) putFile(ctx context.Context, d *UploadDestination, sum, contentType string, data []byte) error {
	target, err := url.Parse(d.URL)
	if err != nil || target.Host == "" {
		return &ResponseError{Operation: "uploadFile", RequestID: d.RequestID, Err: fmt.Errorf("%w: upload URL is not a URL", ErrMalformedResponse)}
	}
	if target.Scheme != "https" && !(c.loopbackOK && target.Scheme == "http" && isLoopback(target.Hostname())) {
		return &ResponseError{Operation: "uploadFile", RequestID: d.RequestID, Err: fmt.Errorf("%w: refusing to upload over %s", ErrMalformedResponse, target.Scheme)}
	}
	var last error
	for attempt := 0; attempt <= c.maxRetries; attempt++ {
		if attempt > 0 {
			if err := c.clock.sleep(ctx, c.scaled(backoff(attempt))); err != nil {
				return err
			}
		}
		retry, err := c.putOnce(ctx, target, d.Headers, sum, contentType, data)
		if err == nil {
			return nil
		}
		last = err
		if !retry || ctx.Err() != nil {
			break
		}
	}
	return last
}

func (c *Client) putOnce(ctx context.Context, target *url.URL, headers map[string]string, sum, contentType string, data []byte) (retry bool, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, target.String(), bytes.NewReader(data))
	if err != nil {
		return false, err
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	if req.Header.Get("Content-MD5") == "" {
		req.Header.Set("Content-MD5", sum)
	}
	if contentType != "" && req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return true, fmt.Errorf("spapi: uploadFile: %w", withoutSignature(err))
	}
	defer resp.Body.Close()
	body, _ := readLimited(resp.Body, lwaBodyLimit)
	if resp.StatusCode/100 == 2 {
		return false, nil
	}
	e := decodeS3Error(body)
	e.Operation = "uploadFile"
	e.StatusCode = resp.StatusCode
	if e.RequestID == "" {
		e.RequestID = resp.Header.Get("x-amz-request-id")
	}
	return resp.StatusCode >= 500, e
}

// decodeS3Error reads the storage service's XML error; any body is accepted.
func decodeS3Error(body []byte) *APIError {
	var b struct {
		Code      string `xml:"Code"`
		Message   string `xml:"Message"`
		RequestID string `xml:"RequestId"`
	}
	e := &APIError{}
	if xml.Unmarshal(body, &b) == nil && b.Code != "" {
		e.Code, e.Message, e.RequestID = clipField(b.Code), clipField(b.Message), clipField(b.RequestID)
		return e
	}
	if t := strings.TrimSpace(string(body)); t != "" {
		e.Message = clip(strings.ToValidUTF8(t, "\uFFFD"), 300)
	}
	return e
}

// withoutSignature removes the query and user information from the URL in
// a transport error: a pre-signed URL's query holds its signature and a
// session token, and error texts are stored in the history and exported.
func withoutSignature(err error) error {
	ue, ok := err.(*url.Error)
	if !ok {
		return err
	}
	cp := *ue
	cp.URL = "(upload URL)"
	if u, perr := url.Parse(ue.URL); perr == nil {
		u.User, u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment = nil, "", false, "", ""
		cp.URL = u.String()
	}
	return &cp
}
