package sandbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"mime"
	"strconv"
	"time"
	"unicode/utf8"
)

// sendAttachment is the Messaging model's Attachment.
type sendAttachment struct {
	UploadDestinationID string `json:"uploadDestinationId"`
	FileName            string `json:"fileName"`
}

// sendBody is the union of the Messaging request bodies.
type sendBody struct {
	Text              *string          `json:"text"`
	Attachments       []sendAttachment `json:"attachments"`
	CoverageStartDate string           `json:"coverageStartDate"`
	CoverageEndDate   string           `json:"coverageEndDate"`
}

// parsedSend is a validated body.
type parsedSend struct {
	Text        string
	Attachments []sendAttachment
	start, end  time.Time
}

const maxAttachments = 5

func isJSONContentType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && (mt == "application/json" || mt == "application/hal+json")
}

// parseSendBody validates a message body against the limits of kind k.
func parseSendBody(k *messageKind, body []byte) (parsedSend, error) {
	var b sendBody
	if len(bytes.TrimSpace(body)) > 0 {
		if !utf8.Valid(body) {
			return parsedSend{}, errors.New("The request body is not valid UTF-8.")
		}
		if err := json.Unmarshal(body, &b); err != nil {
			return parsedSend{}, errors.New("The request body is not a valid JSON object.")
		}
	}
	var p parsedSend
	if k.textMax > 0 {
		if b.Text == nil || *b.Text == "" {
			return p, errors.New("text is required.")
		}
		if n := utf8.RuneCountInString(*b.Text); n > k.textMax {
			return p, errors.New("text has " + strconv.Itoa(n) + " characters; at most " + strconv.Itoa(k.textMax) + " are allowed.")
		}
		p.Text = *b.Text
	} else if b.Text != nil {
		return p, errors.New("This message type takes no text.")
	}
	if !k.attachOK && len(b.Attachments) > 0 {
		return p, errors.New("This message type takes no attachments.")
	}
	if len(b.Attachments) > maxAttachments {
		return p, errors.New("At most 5 attachments are allowed.")
	}
	if len(b.Attachments) < k.attachMin {
		return p, errors.New("At least one attachment is required.")
	}
	for _, a := range b.Attachments {
		if a.UploadDestinationID == "" || a.FileName == "" {
			return p, errors.New("Every attachment needs uploadDestinationId and fileName.")
		}
	}
	p.Attachments = b.Attachments
	if k.coverage {
		var err error
		if b.CoverageStartDate != "" {
			if p.start, err = parseTime("coverageStartDate", b.CoverageStartDate); err != nil {
				return p, err
			}
		}
		if b.CoverageEndDate != "" {
			if p.end, err = parseTime("coverageEndDate", b.CoverageEndDate); err != nil {
				return p, err
			}
		}
		if !p.start.IsZero() && !p.end.IsZero() && p.end.Before(p.start) {
			return p, errors.New("coverageEndDate must not be before coverageStartDate.")
		}
	} else if b.CoverageStartDate != "" || b.CoverageEndDate != "" {
		return p, errors.New("Only warranty messages take coverage dates.")
	}
	return p, nil
}
