package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// SyncState is how far order sync has got in one marketplace.
type SyncState struct {
	MarketplaceID    string
	LastUpdatedAfter time.Time // searchOrders lastUpdatedAfter for the next run
	NextToken        string    // paginationToken of an unfinished run; "" when done
	LastSync         time.Time // when the last run finished
	Status           string    // short description of the last run, for the UI
}

// PutSyncState stores st for st.MarketplaceID.
func (s *Store) PutSyncState(ctx context.Context, st SyncState) error {
	where := fmt.Sprintf("store: sync state of %q", st.MarketplaceID)
	if err := required(where, field{"marketplace ID", st.MarketplaceID}); err != nil {
		return err
	}
	if err := checkText(where, field{"marketplace ID", st.MarketplaceID}, field{"next token", st.NextToken},
		field{"status", st.Status}); err != nil {
		return err
	}
	_, err := s.w.ExecContext(ctx, `INSERT INTO sync_state (marketplace_id, last_updated_after, next_token, last_sync, status)
VALUES (?, ?, ?, ?, ?) ON CONFLICT (marketplace_id) DO UPDATE SET last_updated_after = excluded.last_updated_after,
    next_token = excluded.next_token, last_sync = excluded.last_sync, status = excluded.status`,
		st.MarketplaceID, ms(st.LastUpdatedAfter), st.NextToken, ms(st.LastSync), st.Status)
	return s.wrap("save sync state", err)
}

// GetSyncState returns the sync state of a marketplace, or an error wrapping
// ErrNotFound if it was never synced.
func (s *Store) GetSyncState(ctx context.Context, marketplaceID string) (SyncState, error) {
	st := SyncState{MarketplaceID: marketplaceID}
	var after, last sql.NullInt64
	err := s.r.QueryRowContext(ctx, `SELECT last_updated_after, next_token, last_sync, status FROM sync_state
WHERE marketplace_id = ?`, marketplaceID).Scan(&after, &st.NextToken, &last, &st.Status)
	if err == sql.ErrNoRows {
		return st, fmt.Errorf("store: sync state of %s: %w", marketplaceID, ErrNotFound)
	}
	st.LastUpdatedAfter, st.LastSync = fromMS(after), fromMS(last)
	return st, s.wrap("get sync state", err)
}
