package store

import (
	"bytes"
	"context"
	"encoding/csv"
	"reflect"
	"testing"
)

func TestExportHistoryCSV(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	texts := []string{
		"Zeile 1\nZeile 2, mit \"Anführungszeichen\"",
		"=HYPERLINK(\"http://evil\")",
		"+49 30 1234",
		"-1",
		"@SUM(A1)",
		"normal",
	}
	for _, text := range texts {
		m := testMessage("302-0000001-0000001")
		m.Text = text
		if _, err := s.EnqueueMessage(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := s.ExportHistoryCSV(ctx, &buf, HistoryFilter{}, nil); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("export is not valid CSV: %v\n%s", err, buf.String())
	}
	if !reflect.DeepEqual(recs[0], csvHeader) {
		t.Errorf("header = %v", recs[0])
	}
	if len(recs) != len(texts)+1 {
		t.Fatalf("%d records, want %d", len(recs), len(texts)+1)
	}
	want := []string{"normal", "'@SUM(A1)", "'-1", "'+49 30 1234", "'=HYPERLINK(\"http://evil\")", texts[0]}
	for i, w := range want {
		if got := recs[i+1][9]; got != w {
			t.Errorf("row %d text = %q, want %q", i+1, got, w)
		}
	}
	if recs[1][10] != "rechnung.pdf (sha256 ab12)" || recs[1][7] != "queued" {
		t.Errorf("row 1 = %q", recs[1])
	}

	buf.Reset()
	if err := s.ExportHistoryCSV(ctx, &buf, HistoryFilter{Search: "zeile"}, nil); err != nil {
		t.Fatal(err)
	}
	if recs, _ := csv.NewReader(&buf).ReadAll(); len(recs) != 2 {
		t.Errorf("filtered export has %d records, want header + 1", len(recs))
	}
}
