// Package spapi is a small client for the parts of Amazon's Selling Partner
// API that Sellermail needs: reading orders (Orders v2026-01-01), sending
// buyer messages (Messaging v1), requesting reviews (Solicitations v1),
// uploading message attachments (Uploads 2020-11-01) and listing the
// seller's marketplaces (Sellers v1).
//
// A Client is safe for concurrent use. It caches one Login with Amazon access
// token per credential set, waits for its own per-operation token buckets
// instead of getting throttled, retries reads with bounded backoff, and never
// resends a message when it cannot know whether Amazon received it
// (ErrOutcomeUnknown). Requests that Amazon would refuse are refused here first
// with a *ValidationError. Secrets are only ever sent to api.amazon.com and the
// SP-API hosts, and never appear in errors or formatted output.
//
// The package uses only the standard library and imports nothing else of
// Sellermail.
package spapi
