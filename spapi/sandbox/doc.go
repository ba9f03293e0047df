// Package sandbox is a local HTTP server that stands in for Amazon's
// Selling Partner API in tests and in the app's demo mode.
//
// It runs in one of two modes. Static mode answers the x-amzn-api-sandbox
// cases of Amazon's models, loaded at run time with LoadStatic. Demo mode
// serves a seeded, stateful marketplace: orders in six marketplaces,
// messaging and solicitation actions that depend on order state, uploads,
// and a record of everything sent. Both modes share the LWA token endpoint,
// access-token checks, per-operation rate limits and fault injection.
package sandbox
