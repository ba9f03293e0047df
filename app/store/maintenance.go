package store

import "context"

// Optimize merges the full-text indexes into one segment each and refreshes
// the query planner's statistics. It can take seconds on a large database;
// run it when the app is idle, for example after a big first sync.
func (s *Store) Optimize(ctx context.Context) error {
	_, err := s.w.ExecContext(ctx, `INSERT INTO orders_fts (orders_fts) VALUES ('optimize');
INSERT INTO messages_fts (messages_fts) VALUES ('optimize');
PRAGMA optimize;`)
	return s.wrap("optimize", err)
}
