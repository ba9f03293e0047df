package secrets

import (
	"sync"

	"github.com/zalando/go-keyring"
)

// memBackend is an in-memory keyring; err, when set, fails every call.
type memBackend struct {
	mu   sync.Mutex
	m    map[string]string
	err  error
	sets int
}

func newMem() *memBackend { return &memBackend{m: map[string]string{}} }

func (b *memBackend) Set(service, user, password string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return b.err
	}
	b.sets++
	b.m[service+"\x00"+user] = password
	return nil
}

func (b *memBackend) Get(service, user string) (string, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return "", b.err
	}
	v, ok := b.m[service+"\x00"+user]
	if !ok {
		return "", keyring.ErrNotFound
	}
	return v, nil
}

func (b *memBackend) Delete(service, user string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return b.err
	}
	if _, ok := b.m[service+"\x00"+user]; !ok {
		return keyring.ErrNotFound
	}
	delete(b.m, service+"\x00"+user)
	return nil
}

// blockingBackend never answers until release is closed, like a locked
// keyring waiting for a password prompt nobody sees.
type blockingBackend struct{ release chan struct{} }

func (b blockingBackend) Set(string, string, string) error { <-b.release; return nil }
func (b blockingBackend) Get(string, string) (string, error) {
	<-b.release
	return "", keyring.ErrNotFound
}
func (b blockingBackend) Delete(string, string) error { <-b.release; return nil }
