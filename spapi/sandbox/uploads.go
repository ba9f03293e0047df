package sandbox

import (
	"crypto/md5"
	"encoding/base64"
	"encoding/xml"
	"net/http"
	"net/url"
	"time"
)

// uploadExpiry is how long a pre-signed upload URL stays valid (X-Amz-Expires=900).
const uploadExpiry = 15 * time.Minute

// upload is one upload destination and what was put there.
type upload struct {
	resource    string
	contentMD5  string
	contentType string
	expires     time.Time
	done        bool
	size        int64
}

// decodeContentMD5 checks that v is the Base64 of a 16-byte digest, the
// form Amazon requires (hex is the common mistake).
func decodeContentMD5(v string) ([]byte, bool) {
	b, err := base64.StdEncoding.DecodeString(v)
	return b, err == nil && len(b) == md5.Size
}

// createUploadDestination is createUploadDestinationForResource; the URL
// it returns points back at this server.
func (s *Server) createUploadDestination(c *call) reply {
	q := c.r.URL.Query()
	if ids := splitQuery(q["marketplaceIds"]); len(ids) != 1 {
		return badInput("marketplaceIds is required and takes exactly one marketplace.")
	}
	resource := c.r.PathValue("resource")
	if resource == "" {
		return badInput("resource is required.")
	}
	sum := q.Get("contentMD5")
	if _, ok := decodeContentMD5(sum); !ok {
		return badInput("contentMD5 must be the Base64 encoding of the 16-byte MD5 digest of the file.")
	}
	id := "amzn1.tortuga.4.eu." + newUUID()
	u := &upload{resource: resource, contentMD5: sum, contentType: q.Get("contentType"), expires: s.now().Add(uploadExpiry)}
	s.mu.Lock()
	s.demo.uploads[id] = u
	s.mu.Unlock()
	scheme := "http"
	if c.r.TLS != nil {
		scheme = "https"
	}
	dest := scheme + "://" + c.r.Host + "/upload/" + url.PathEscape(id) + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900&X-Amz-SignedHeaders=content-md5%3Bhost%3Bx-amz-server-side-encryption"
	type destination struct {
		UploadDestinationID string            `json:"uploadDestinationId"`
		URL                 string            `json:"url"`
		Headers             map[string]string `json:"headers"`
	}
	return jsonReply(http.StatusCreated, contentJSON, struct {
		Payload destination `json:"payload"`
	}{destination{id, dest, map[string]string{"Content-MD5": sum, "x-amz-server-side-encryption": "aws:kms"}}})
}

// s3Error is the XML error body S3 answers with.
type s3Error struct {
	XMLName xml.Name `xml:"Error"`
	Code    string   `xml:"Code"`
	Message string   `xml:"Message"`
}

func s3Fail(status int, code, msg string) reply {
	b, _ := xml.Marshal(s3Error{Code: code, Message: msg})
	return reply{status: status, contentType: "application/xml", body: append([]byte(xml.Header), b...)}
}

// putUpload is the pre-signed PUT: it checks method, expiry, headers,
// Content-MD5 and size as S3 does.
func (s *Server) putUpload(c *call) reply {
	if c.r.Method != http.MethodPut {
		return s3Fail(http.StatusMethodNotAllowed, "MethodNotAllowed", "The specified method is not allowed against this resource.")
	}
	id := c.r.PathValue("id")
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.demo.uploads[id]
	if u == nil {
		return s3Fail(http.StatusNotFound, "NoSuchUpload", "The specified upload does not exist.")
	}
	if !s.now().Before(u.expires) {
		return s3Fail(http.StatusForbidden, "AccessDenied", "Request has expired")
	}
	if c.r.Header.Get("x-amz-server-side-encryption") != "aws:kms" {
		return s3Fail(http.StatusForbidden, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.")
	}
	got := c.r.Header.Get("Content-MD5")
	if got == "" {
		return s3Fail(http.StatusBadRequest, "InvalidDigest", "The Content-MD5 you specified was invalid.")
	}
	if _, ok := decodeContentMD5(got); !ok {
		return s3Fail(http.StatusBadRequest, "InvalidDigest", "The Content-MD5 you specified was invalid.")
	}
	if got != u.contentMD5 {
		return s3Fail(http.StatusForbidden, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.")
	}
	sum := md5.Sum(c.body)
	if base64.StdEncoding.EncodeToString(sum[:]) != got {
		return s3Fail(http.StatusBadRequest, "BadDigest", "The Content-MD5 you specified did not match what we received.")
	}
	if ct := c.r.Header.Get("Content-Type"); ct != "" {
		u.contentType = ct
	}
	u.done, u.size = true, int64(len(c.body))
	return reply{status: http.StatusOK}
}
