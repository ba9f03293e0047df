package sandbox

import (
	"slices"
	"time"
)

// SentAttachment is an attachment of a sent message, with what was uploaded for it.
type SentAttachment struct {
	UploadDestinationID string
	FileName            string
	ContentType         string
	Size                int64
}

// SentRecord is one message or solicitation the demo server accepted.
type SentRecord struct {
	// Kind is the action name: "confirmOrderDetails", "warranty", ...,
	// or "productReviewAndSellerFeedback" for a solicitation.
	Kind          string
	OperationID   string
	AmazonOrderID string
	MarketplaceID string
	Text          string
	Attachments   []SentAttachment
	// CoverageStartDate and CoverageEndDate are set for warranty messages.
	CoverageStartDate, CoverageEndDate time.Time
	At                                 time.Time
	RequestID                          string
}

// Sent returns a copy of everything sent so far, oldest first. It is empty in static mode.
func (s *Server) Sent() []SentRecord {
	if s.demo == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := slices.Clone(s.demo.sent)
	for i := range out {
		out[i].Attachments = slices.Clone(out[i].Attachments)
	}
	return out
}
