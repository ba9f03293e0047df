// Package secretstest provides an in-memory keyring for tests of the
// packages above app/secrets, where a real Secret Service is not the point.
// The secrets package itself is tested against the real keyring.
package secretstest

import (
	"sync"

	"sellermail/app/secrets"
)

// Memory is an in-memory secrets.Backend, safe for concurrent use.
type Memory struct {
	mu   sync.Mutex
	m    map[string]string
	fail error
}

// NewMemory returns an empty in-memory keyring.
func NewMemory() *Memory { return &Memory{m: map[string]string{}} }

// Fail makes every later call return err, as a missing or broken keyring
// would; nil heals it.
func (k *Memory) Fail(err error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.fail = err
}

// Len is the number of entries stored.
func (k *Memory) Len() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return len(k.m)
}

// Set stores a value.
func (k *Memory) Set(service, user, password string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.fail != nil {
		return k.fail
	}
	k.m[service+"/"+user] = password
	return nil
}

// Get returns a stored value, or secrets.ErrNotFound.
func (k *Memory) Get(service, user string) (string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.fail != nil {
		return "", k.fail
	}
	v, ok := k.m[service+"/"+user]
	if !ok {
		return "", secrets.ErrNotFound
	}
	return v, nil
}

// Delete removes a value, or returns secrets.ErrNotFound.
func (k *Memory) Delete(service, user string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.fail != nil {
		return k.fail
	}
	key := service + "/" + user
	if _, ok := k.m[key]; !ok {
		return secrets.ErrNotFound
	}
	delete(k.m, key)
	return nil
}

var _ secrets.Backend = (*Memory)(nil)
