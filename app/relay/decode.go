package relay

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-message"
	"github.com/emersion/go-message/charset"
	"golang.org/x/text/encoding/charmap"
)

func init() {
	// Mail declared ISO-8859-1 is written by Windows programs in
	// Windows-1252 (curly quotes, the euro sign at 0x80), as browsers assume.
	for _, l := range []string{"iso-8859-1", "iso8859-1", "latin1", "l1", "iso_8859-1", "cp819"} {
		charset.RegisterEncoding(l, charmap.Windows1252)
	}
}

// maxPartBytes bounds what one MIME part may take in memory after decoding.
const maxPartBytes = 64 << 20

// content is what the MIME walk found.
type content struct {
	plain, html string
	// deliveryStatus is a DSN's message/delivery-status part.
	deliveryStatus string
	// returnedHeaders are the headers of the message a DSN returns.
	returnedHeaders message.Header
	attachments     []Attachment
	problems        []string
}

// walk collects the first text/plain and text/html bodies that are not
// attachments, the attachments, and a DSN's parts. A broken part is noted
// and skipped; the rest is still read.
func (c *content) walk(e *message.Entity, depth int) {
	if depth > 20 {
		c.problems = append(c.problems, "MIME nesting deeper than 20 levels")
		return
	}
	t, params, err := e.Header.ContentType()
	if err != nil || t == "" {
		t = "text/plain"
	}
	if mr := e.MultipartReader(); mr != nil {
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				return
			}
			if p == nil {
				c.problems = append(c.problems, "broken MIME part: "+err.Error())
				return
			}
			if err != nil {
				c.noteCharset(err)
			}
			c.walk(p, depth+1)
		}
	}
	disp, dparams, _ := e.Header.ContentDisposition()
	name := dparams["filename"]
	if name == "" {
		name = params["name"]
	}
	name = decodeWord(name)
	body, rerr := io.ReadAll(io.LimitReader(e.Body, maxPartBytes+1))
	if rerr != nil {
		c.problems = append(c.problems, fmt.Sprintf("part %s could not be decoded: %v", t, rerr))
	}
	if len(body) > maxPartBytes {
		c.problems = append(c.problems, fmt.Sprintf("part %s is larger than %d MB and was cut", t, maxPartBytes>>20))
		body = body[:maxPartBytes]
	}
	isText := strings.HasPrefix(t, "text/") && disp != "attachment" && name == ""
	switch {
	case t == "message/delivery-status":
		c.deliveryStatus = string(body)
	case t == "message/rfc822" || t == "text/rfc822-headers" || t == "message/rfc822-headers":
		if m, err := message.Read(bytes.NewReader(body)); m != nil {
			c.returnedHeaders = m.Header
		} else if err != nil {
			c.problems = append(c.problems, "returned message unreadable: "+err.Error())
		}
	case isText && t == "text/html" && c.html == "":
		c.html = validText(body, &c.problems)
	case isText && (t == "text/plain" || t == "text/enriched") && c.plain == "":
		c.plain = validText(body, &c.problems)
	case isText:
		// a second body of the same kind (a forwarded part): ignored
	default:
		if name == "" {
			name = "attachment"
		}
		c.attachments = append(c.attachments, Attachment{Name: name, ContentType: t, Size: len(body)})
	}
}

// noteCharset records an unknown charset or transfer encoding; the part is
// still read as it is.
func (c *content) noteCharset(err error) {
	if message.IsUnknownCharset(err) || message.IsUnknownEncoding(err) {
		c.problems = append(c.problems, err.Error())
		return
	}
	c.problems = append(c.problems, "MIME part: "+err.Error())
}

// validText returns body as UTF-8. Bytes that are not UTF-8 (a charset Go
// lacks, left undecoded) are read as Windows-1252, so no letter is lost
// to replacement characters, and noted.
func validText(body []byte, problems *[]string) string {
	body = bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n"))
	if utf8.Valid(body) {
		return string(body)
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(body)
	if err != nil {
		*problems = append(*problems, "text is not UTF-8 and could not be read")
		return strings.ToValidUTF8(string(body), "\uFFFD")
	}
	*problems = append(*problems, "text is not UTF-8; read as Windows-1252")
	return string(out)
}

// wordDecoder decodes RFC 2047 words in any charset go-message knows.
var wordDecoder = &mime.WordDecoder{CharsetReader: charset.Reader}

// decodeWord decodes RFC 2047 encoded words; undecodable text stays as it is.
func decodeWord(s string) string {
	if !strings.Contains(s, "=?") {
		return s
	}
	if d, err := wordDecoder.DecodeHeader(s); err == nil {
		return d
	}
	return s
}
