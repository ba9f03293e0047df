package app

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"sellermail/app/i18n"
	"sellermail/app/secrets"
	"sellermail/app/store"
	"sellermail/policy"
	"sellermail/spapi"
)

// Every text key the services write (refusals, stored reasons, notices,
// eligibility, kind notes, credential problems) has a text in every
// language, and the keys that stand for Amazon's errors render through
// spapi into a sentence, not into the key.
func TestEveryCodeThatReachesTheScreenHasAText(t *testing.T) {
	key := regexp.MustCompile(`"((?:refusal|reason|error|notice|eligibility|kindnote|secrets)\.[a-z.]+)"`)
	var files []string
	for _, dir := range []string{".", "secrets"} {
		fs, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		files = append(files, fs...)
	}
	used := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range key.FindAllStringSubmatch(string(src), -1) {
			used[m[1]] = true
		}
	}
	if len(used) < 50 {
		t.Fatalf("found only %d keys in the code; is the pattern right?", len(used))
	}
	spapiKeys := map[string]bool{keyAmazonAPI: true, keyAmazonLogin: true, keyAmazonResponse: true, keyAmazonValidation: true}
	for k := range used {
		if spapiKeys[k] {
			continue
		}
		for _, l := range i18n.Langs() {
			if !i18n.Has(l, k) {
				t.Errorf("%s: %q has no text", l, k)
			}
		}
	}
	for _, err := range []error{
		&spapi.APIError{Operation: "sendMessage", StatusCode: 429, Message: "You exceeded your quota"},
		&spapi.LWAError{StatusCode: 401, Code: spapi.LWAInvalidGrant},
		&spapi.ResponseError{Operation: "searchOrders", StatusCode: 200, Err: spapi.ErrResponseTooLarge},
		validationError(t),
	} {
		tx := ErrorText(err)
		if !spapiKeys[tx.Key] {
			t.Errorf("%v: key %q", err, tx.Key)
		}
		back, _ := i18n.Decode(tx.Encode())
		for _, l := range i18n.Langs() {
			if got, want := Render(back, l), spapi.Explain(err, spapi.Lang(l)); got != want {
				t.Errorf("%s %s: stored text renders %q, spapi says %q", l, tx.Key, got, want)
			}
		}
	}
}

// validationError is an error spapi refuses before sending.
func validationError(t *testing.T) error {
	err := spapi.ValidateMessage(spapi.Message{Kind: spapi.MessageKind(policy.KindUnexpectedProblem), Text: ""})
	var v *spapi.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("ValidateMessage of an empty text = %v", err)
	}
	return err
}

// A seller who worked in German and switches to English reads the reasons
// and findings stored before in English: the database holds keys, and
// migration 3 turns the prose older versions stored into keys.
func TestStoredTextsFollowTheLanguageAfterSwitching(t *testing.T) {
	ctx := context.Background()
	opts := testOptions(t, newMemKeyring())
	s := openTest(t, opts)
	if _, err := s.Sync(ctx, nil); err != nil {
		t.Fatal(err)
	}
	d := offersIn(t, s, policy.KindUnexpectedProblem)
	text := problemText(d, "of rain") + " Kontakt: info@example.com"
	// As an older Sellermail in German wrote them: the reason and the
	// findings' explanations as German prose.
	check := s.Check(text, policy.KindUnexpectedProblem, d, i18n.German)
	if len(check.Findings) == 0 {
		t.Fatal("no findings to store")
	}
	oldFindings := `[{"Rule":"EMAIL_ADDRESS","Severity":"block","Start":` + itoa(check.Findings[0].Start) + `,"End":` + itoa(check.Findings[0].End) +
		`,"Excerpt":"info@example.com","Message":"Eine E-Mail-Adresse ist nicht erlaubt.","Fix":"Streichen Sie sie."}]`
	path := s.DataPath()
	s.Close()

	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO messages (order_id, marketplace_id, kind, lang, text, attachments, findings, status, error, created_at, updated_at)
		 VALUES ('` + d.Order.OrderID + `', '` + d.Order.MarketplaceID + `', 'unexpectedProblem', 'de', '` + strings.ReplaceAll(text, "'", "''") + `', '[]', '` + oldFindings + `', 'unknown',
		 'Sellermail wurde beendet, während diese Nachricht gesendet wurde; sie hat Amazon vielleicht erreicht, vielleicht nicht. Prüfen Sie die Käufer-Verkäufer-Nachrichten in Seller Central, bevor Sie sie erneut senden.', 1, 1)`,
		`INSERT INTO review_requests (order_id, marketplace_id, status, error, created_at, updated_at)
		 VALUES ('` + d.Order.OrderID + `', '` + d.Order.MarketplaceID + `', 'failed', 'Laut Prüfung des Verkäufers nicht bei Amazon angekommen.', 1, 1)`,
		`PRAGMA user_version = 2`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()

	s2 := openTest(t, opts)
	ms, err := s2.History(ctx, store.HistoryFilter{OrderID: d.Order.OrderID, Status: store.StatusUnknown})
	if err != nil || len(ms) != 1 {
		t.Fatalf("History: %v, %+v", err, ms)
	}
	m := ms[0]
	if got := StoredReason(m.Error, i18n.English); !strings.HasPrefix(got, "Sellermail stopped while this message was being sent") {
		t.Errorf("the German crash reason reads %q in English", got)
	}
	fs, err := s2.SentFindings(m, i18n.English)
	if err != nil || len(fs) != 1 {
		t.Fatalf("SentFindings: %v, %+v", err, fs)
	}
	if f := fs[0]; f.Rule != "EMAIL_ADDRESS" || strings.Contains(f.Message, "E-Mail-Adresse") || !strings.Contains(strings.ToLower(f.Message), "e-mail address") {
		t.Errorf("the stored finding reads %+v in English", f)
	}
	if de, _ := s2.SentFindings(m, i18n.German); !strings.Contains(de[0].Message, "E-Mail") {
		t.Errorf("and %q in German", de[0].Message)
	}
	rs, _ := s2.ReviewHistory(ctx, store.ReviewFilter{OrderID: d.Order.OrderID})
	if len(rs) != 1 || StoredReason(rs[0].Error, i18n.English) != "Not received by Amazon, as the seller checked." {
		t.Errorf("review request reason: %+v", rs)
	}

	var csv strings.Builder
	if err := s2.ExportHistoryCSV(ctx, &csv, store.HistoryFilter{OrderID: d.Order.OrderID}, i18n.English); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(csv.String(), "Sellermail stopped while") || strings.Contains(csv.String(), `"key"`) {
		t.Errorf("the export writes the reason as %q", csv.String())
	}

	// What this version writes is a key, whatever language the window had.
	id, err := s2.store.EnqueueMessage(ctx, store.Message{OrderID: d.Order.OrderID, MarketplaceID: d.Order.MarketplaceID, Kind: "unexpectedProblem", Text: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s2.store.MarkSending(ctx, id); err != nil {
		t.Fatal(err)
	}
	s2.Close()
	s3 := openTest(t, opts)
	m3, _ := s3.Message(ctx, id)
	en, de := StoredReason(m3.Error, i18n.English), StoredReason(m3.Error, i18n.German)
	if !strings.HasPrefix(en, "Sellermail stopped") || !strings.HasPrefix(de, "Sellermail wurde beendet") {
		t.Errorf("crash reason: en %q, de %q (stored %q)", en, de, m3.Error)
	}
}

// A network failure is explained without the English error text inside the
// German sentence.
func TestNetworkErrorIsExplainedInOneLanguage(t *testing.T) {
	err := errors.Join(errors.New(`spapi: searchOrders: Get "https://sellingpartnerapi-eu.amazon.com/orders": dial tcp: lookup failed: no such host`))
	de := Explain(err, i18n.German)
	if strings.Contains(de, "dial tcp") || strings.Contains(de, "no such host") || !strings.Contains(de, "Amazon war nicht erreichbar") {
		t.Errorf("German explanation %q", de)
	}
	other := Explain(errors.New("database is locked (5) (SQLITE_BUSY)"), i18n.German)
	if strings.Contains(other, "SQLITE") || strings.Contains(other, "locked") {
		t.Errorf("German explanation of an unknown error %q", other)
	}
	if Detail(err) == "" || Detail(secrets.ErrLocked) != "" {
		t.Errorf("technical detail: of the network error %q, of the locked keyring %q", Detail(err), Detail(secrets.ErrLocked))
	}
	locked := Explain(secrets.ErrLocked, i18n.German)
	if !strings.Contains(locked, "Schlüsselbund") {
		t.Errorf("keyring: %q", locked)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
