package store

import (
	"database/sql"
	"time"
)

// ms stores a time as UTC Unix milliseconds; the zero time becomes NULL.
func ms(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMilli()
}

// msNotNull is ms for columns that are NOT NULL.
func msNotNull(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

// fromMS reads a time written by ms; NULL and 0 become the zero time.
func fromMS(v sql.NullInt64) time.Time {
	if !v.Valid || v.Int64 == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v.Int64).UTC()
}
