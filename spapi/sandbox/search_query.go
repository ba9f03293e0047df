package sandbox

import (
	"encoding/base64"
	"errors"
	"hash/fnv"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// searchFilter is a parsed searchOrders request.
type searchFilter struct {
	byUpdate      bool // lastUpdatedAfter/Before instead of createdAfter/Before
	after, before time.Time
	statuses      []string
	marketplaces  []string
	fulfilledBy   []string
	pageSize      int
	offset        int
	included      dataset
}

var (
	fulfillmentStatuses = []string{"PENDING_AVAILABILITY", "PENDING", "UNSHIPPED", "PARTIALLY_SHIPPED", "SHIPPED", "CANCELLED", "UNFULFILLABLE"}
	fulfilledByValues   = []string{"MERCHANT", "AMAZON"}
	includedDataValues  = []string{"BUYER", "RECIPIENT", "PROCEEDS", "EXPENSE", "PROMOTION", "CANCELLATION", "FULFILLMENT", "PACKAGES", "TAX", "PAYMENT", "FULFILLMENT_ORDERS"}
)

// parseTime accepts ISO 8601 date-times as Amazon does.
func parseTime(name, v string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return time.Time{}, errors.New(name + " must be an ISO 8601 date-time, e.g. 2025-01-01T00:00:00Z.")
	}
	return t, nil
}

func enumList(q url.Values, name string, allowed []string) ([]string, error) {
	vals := splitQuery(q[name])
	for _, v := range vals {
		if !slices.Contains(allowed, v) {
			return nil, errors.New(name + " contains an unknown value: " + strconv.Quote(v) + ".")
		}
	}
	return vals, nil
}

// parseSearchQuery validates searchOrders parameters as the model
// describes them; now is the time of the request.
func parseSearchQuery(q url.Values, now time.Time) (searchFilter, error) {
	f := searchFilter{pageSize: 100}
	ca, cb, ua, ub := q.Get("createdAfter"), q.Get("createdBefore"), q.Get("lastUpdatedAfter"), q.Get("lastUpdatedBefore")
	switch {
	case (ca == "") == (ua == ""):
		return f, errors.New("Exactly one of createdAfter and lastUpdatedAfter is required.")
	case ca != "" && (ub != ""):
		return f, errors.New("lastUpdatedBefore cannot be combined with createdAfter.")
	case ua != "" && (cb != ""):
		return f, errors.New("createdBefore cannot be combined with lastUpdatedAfter.")
	}
	afterName, beforeName, after, before := "createdAfter", "createdBefore", ca, cb
	if ua != "" {
		f.byUpdate = true
		afterName, beforeName, after, before = "lastUpdatedAfter", "lastUpdatedBefore", ua, ub
	}
	var err error
	if f.after, err = parseTime(afterName, after); err != nil {
		return f, err
	}
	latest := now.Add(-2 * time.Minute)
	f.before = latest.UTC().Truncate(time.Second)
	if before != "" {
		if f.before, err = parseTime(beforeName, before); err != nil {
			return f, err
		}
		if f.before.Before(f.after) {
			return f, errors.New(beforeName + " must be equal to or after " + afterName + ".")
		}
		if f.before.After(latest) {
			return f, errors.New(beforeName + " must be at least two minutes before the time of the request.")
		}
	}
	if f.after.After(latest) {
		return f, errors.New(afterName + " must be at least two minutes before the time of the request.")
	}
	if f.statuses, err = enumList(q, "fulfillmentStatuses", fulfillmentStatuses); err != nil {
		return f, err
	}
	if f.fulfilledBy, err = enumList(q, "fulfilledBy", fulfilledByValues); err != nil {
		return f, err
	}
	if f.marketplaces = splitQuery(q["marketplaceIds"]); len(f.marketplaces) > 50 {
		return f, errors.New("marketplaceIds accepts at most 50 values.")
	}
	inc, err := enumList(q, "includedData", includedDataValues)
	if err != nil {
		return f, err
	}
	f.included = dataset{}
	for _, v := range inc {
		f.included[v] = true
	}
	if v := q.Get("maxResultsPerPage"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			return f, errors.New("maxResultsPerPage must be between 1 and 100.")
		}
		f.pageSize = n
	}
	if tok := q.Get("paginationToken"); tok != "" {
		if f.offset, err = decodePageToken(tok, filterKey(q)); err != nil {
			return f, err
		}
	}
	return f, nil
}

// filterKey hashes the parameters a pagination token must be reused with;
// maxResultsPerPage and includedData may change between pages.
func filterKey(q url.Values) uint64 {
	h := fnv.New64a()
	for _, name := range []string{"createdAfter", "createdBefore", "lastUpdatedAfter", "lastUpdatedBefore", "fulfillmentStatuses", "marketplaceIds", "fulfilledBy"} {
		vals := splitQuery(q[name])
		slices.Sort(vals)
		h.Write([]byte(name + "=" + strings.Join(vals, ",") + "&"))
	}
	return h.Sum64()
}

func encodePageToken(offset int, key uint64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(offset) + "." + strconv.FormatUint(key, 36)))
}

var errBadToken = errors.New("paginationToken is invalid or was used with different filters.")

func decodePageToken(tok string, key uint64) (int, error) {
	raw, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil {
		return 0, errBadToken
	}
	off, k, ok := strings.Cut(string(raw), ".")
	n, err := strconv.Atoi(off)
	if !ok || err != nil || n < 0 || k != strconv.FormatUint(key, 36) {
		return 0, errBadToken
	}
	return n, nil
}

// matches reports whether o passes the filter's conditions.
func (f *searchFilter) matches(o *demoOrder) bool {
	t := o.created
	if f.byUpdate {
		t = o.updated
	}
	if t.Before(f.after) || t.After(f.before) {
		return false
	}
	if len(f.statuses) > 0 && !slices.Contains(f.statuses, o.status) {
		return false
	}
	if len(f.marketplaces) > 0 && !slices.Contains(f.marketplaces, o.m.ID) {
		return false
	}
	return len(f.fulfilledBy) == 0 || slices.Contains(f.fulfilledBy, o.fulfilledBy)
}
