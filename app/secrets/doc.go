// Package secrets keeps each profile's Login with Amazon (LWA) credentials in
// the operating system's keyring (Secret Service on Linux, Keychain on macOS,
// Credential Manager on Windows) and nowhere else.
//
// A keyring call can block forever (a locked keyring waiting for a password
// prompt) or fail (no Secret Service on a headless Linux box). Every call
// therefore runs with a timeout and ends in a specific error: ErrNotFound,
// ErrLocked or ErrUnavailable. No error and no formatted Credentials value
// ever contains a secret.
package secrets
